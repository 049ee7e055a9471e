/* test_medida.c — text measured on Carlito (src/xlsx_medida.c): the lines
 * fixed strings wrap to at fixed column widths are the lines LibreOffice
 * renders for them (each checked with tests/tools/xlsx-render: a 40-wide
 * column with 10 pt text, a 22-wide one, an 11-wide one), the column width
 * in points, the line height, and the estimate used without the font. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "../../src/xlsx_medida.h"

static const char *const AO52 =
    "Gestionar con Desarrollo Humano capacitaciones sobre temas relacionados a la Unidad "
    "de Comercialización";
static const char *const AO43 =
    "Según conversaciones sostenidas con el Jefe de Informática, ya se cuentan con los "
    "servidores para la creación de la estructura de base digital. Sin embargo, debido a la "
    "prioridad cumplimiento con las disposiciones tributarias del Ministerio de Hacienda, en "
    "cuanto a los procesos desarrollo de la facturación, la creación de los procesos en el "
    "Sistema de Suscripción y de almacenamientos, se han detenido.";
static const char *const PLANIF = "Planificación y Desarrollo Institucional/ Dirección Ejecutiva";
static const char *const AFIL = "Afiliación/ Direccion Ejecutiva-Tecnología";
static const char *const SEGUI =
    "Seguimiento a base digital de los documentos de identidad y otros de los Asegurados.";

static int lineas(Medida *m, const char *s, double ancho, double pt, int cara)
{
    return medida_lineas(m, s, medida_texto_pt(medida_columna_pt(ancho)), pt, cara);
}

TEST(la_fuente_es_carlito)
{
    Medida *m = medida_compartida();
    CHECK(medida_real(m));
    CHECK_CONTAINS(medida_archivo(m), "Carlito");
    /* Calibri's and Carlito's line spacing: 1.2207 em */
    CHECK_DBL(medida_linea_pt(m, 10), 12.207, 0.001);
    CHECK_DBL(medida_alto_fila(m, 8, 10), 8 * 12.207 + 2.0, 0.01);
    /* a 40-wide column: 285 px in Excel, 40.71 digits of Carlito 11 in LibreOffice */
    CHECK_DBL(medida_columna_pt(40), 285.0 / 7.0 * 0.50684 * 11.0, 1e-9);
    CHECK_DBL(medida_columna_pt(3.9), 32.0 / 7.0 * 0.50684 * 11.0, 1e-9);
    CHECK_DBL(medida_ancho(m, "n", 1, 10, MD_NORMAL), 5.254, 0.001);
}

/* The two rows of the Caja's seguimiento. */
TEST(los_casos_del_informe)
{
    Medida *m = medida_compartida();
    /* AO.5.2 Comercialización: three lines (the old guess gave two, the last
     * one printed cut) */
    CHECK_INT(lineas(m, AO52, 40, 10, MD_NORMAL), 3);
    /* AO.4.3 Operaciones' observaciones: eight lines (the guess gave 9 lines
     * and 113.7 pt) */
    CHECK_INT(lineas(m, AO43, 40, 10, MD_NORMAL), 8);
}

TEST(anchos_como_libreoffice)
{
    Medida *m = medida_compartida();
    CHECK_INT(lineas(m, PLANIF, 40, 10, MD_NORMAL), 2);
    CHECK_INT(lineas(m, AFIL, 40, 10, MD_NORMAL), 1);
    CHECK_INT(lineas(m, SEGUI, 40, 10, MD_NORMAL), 2);
    CHECK_INT(lineas(m, PLANIF, 22, 10, MD_NORMAL), 3);
    /* a break after the slash and after the hyphen */
    CHECK_INT(lineas(m, AFIL, 22, 10, MD_NORMAL), 2);
    CHECK_INT(lineas(m, AFIL, 11, 10, MD_NORMAL), 4);
    CHECK_INT(lineas(m, PLANIF, 11, 10, MD_NORMAL), 5);
    CHECK_INT(lineas(m, SEGUI, 11, 10, MD_NORMAL), 7);
    /* «Comercialización» is wider than an 11-wide column: cut inside the word */
    CHECK_INT(lineas(m, AO52, 11, 10, MD_NORMAL), 9);
}

/* One word of 300 «n»: LibreOffice puts 42 on a line of a 40-wide column at
 * 10 pt (41 in bold, 48 in 9 pt italic), 9 in a 9-wide one. */
TEST(una_palabra_larga)
{
    Medida *m = medida_compartida();
    char n[301];
    memset(n, 'n', 300);
    n[300] = '\0';
    CHECK_INT(lineas(m, n, 40, 10, MD_NORMAL), (300 + 41) / 42);
    CHECK_INT(lineas(m, n, 40, 10, MD_NEGRITA), (300 + 40) / 41);
    CHECK_INT(lineas(m, n, 40, 9, MD_CURSIVA), (300 + 47) / 48);
    CHECK_INT(lineas(m, n, 9, 10, MD_NORMAL), (300 + 8) / 9);
    CHECK_INT(lineas(m, n, 17, 10, MD_NORMAL), (300 + 17) / 18);
}

TEST(saltos_de_linea_y_vacios)
{
    Medida *m = medida_compartida();
    CHECK_INT(lineas(m, "", 40, 10, MD_NORMAL), 1);
    CHECK_INT(lineas(m, NULL, 40, 10, MD_NORMAL), 1);
    CHECK_INT(lineas(m, "uno\ndos\r\ntres", 40, 10, MD_NORMAL), 3);
    CHECK_INT(lineas(m, "uno\n\ntres", 40, 10, MD_NORMAL), 3);
    /* spaces at the end of a line take no room */
    CHECK_INT(lineas(m, "Afiliación                                        ", 11, 10, MD_NORMAL), 1);
}

/* Without Calibri or Carlito (fontconfig given no fonts at all) the text is
 * estimated, never shorter than measured: a little room, no cut line. */
TEST(sin_la_fuente)
{
    char dir[] = "/tmp/poa-medida.XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char conf[600];
    snprintf(conf, sizeof conf, "%s/fonts.conf", dir);
    FILE *f = fopen(conf, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fprintf(f, "<?xml version=\"1.0\"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir>"
               "</fontconfig>\n", dir, dir);
    fclose(f);
    const char *antes = getenv("FONTCONFIG_FILE");
    char *guardado = antes ? strdup(antes) : NULL;
    setenv("FONTCONFIG_FILE", conf, 1);
    Medida *e = medida_new();
    CHECK(!medida_real(e));
    CHECK_STR(medida_archivo(e), "");
    Medida *m = medida_compartida();
    const char *const T[] = {AO52, AO43, PLANIF, AFIL, SEGUI};
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
        for (int w = 11; w <= 40; w += 29) {
            int est = lineas(e, T[i], w, 10, MD_NORMAL), real = lineas(m, T[i], w, 10, MD_NORMAL);
            if (est < real)
                fprintf(stderr, "texto %zu, ancho %d: %d < %d\n", i, w, est, real);
            CHECK(est >= real);
        }
    CHECK(medida_linea_pt(e, 10) >= medida_linea_pt(m, 10));
    medida_free(e);
    medida_free(NULL);
    if (guardado) {
        setenv("FONTCONFIG_FILE", guardado, 1);
        free(guardado);
    } else {
        unsetenv("FONTCONFIG_FILE");
    }
    char cmd[700];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

int main(void)
{
    RUN(la_fuente_es_carlito);
    RUN(los_casos_del_informe);
    RUN(anchos_como_libreoffice);
    RUN(una_palabra_larga);
    RUN(saltos_de_linea_y_vacios);
    RUN(sin_la_fuente);
    return t_finish();
}
