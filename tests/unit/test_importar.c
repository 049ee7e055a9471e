/* test_importar.c — the importer below the command line: header spellings,
 * the CSV backend of libro.h (encodings, Excel's trailing rows, rereading a
 * sheet), and the flat layout and the builder on a workbook-like Libro (a
 * fake backend: title rows above the header, numeric cells, messages naming
 * sheet!cell). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/libro_int.h"
#include "libro_csv.h"
#include "plano_build.h"
#include "testlib.h"

TEST(header_spellings)
{
    CHECK_INT(plano_col_buscar(" AÑO "), PLANO_ANIO);
    CHECK_INT(plano_col_buscar("anio"), PLANO_ANIO);
    CHECK_INT(plano_col_buscar("Institución"), PLANO_INSTITUCION);
    CHECK_INT(plano_col_buscar("INSTITUCION"), PLANO_INSTITUCION);
    CHECK_INT(plano_col_buscar("Meta Operativa"), PLANO_META_OP);
    CHECK_INT(plano_col_buscar("Actividad_Código"), PLANO_ACT_COD);
    CHECK_INT(plano_col_buscar("Misión"), PLANO_MISION);
    CHECK_INT(plano_col_buscar("programado_acumulado"), -2);
    CHECK_INT(plano_col_buscar("columna rara"), -1);
}

TEST(csv_backend)
{
    /* Windows-1252 "Afiliación" (0xF3), CRLF, ';', Excel's trailing rows */
    char *p = t_write_tmp("excel.csv", "UNIDAD;ACTIVIDAD;MAR;\r\nAfiliaci\xF3n;Una;x;\r\n;;;\r\n \t; ;;\r\n",
                          sizeof "UNIDAD;ACTIVIDAD;MAR;\r\nAfiliaci\xF3n;Una;x;\r\n;;;\r\n \t; ;;\r\n" - 1);
    PoaErr err = {{0}};
    Libro *l = libro_abrir(p, NULL, &err);
    CHECK(l != NULL);
    if (!l)
        return;
    CHECK_INT(libro_formato(l), LIBRO_CSV);
    CHECK_INT(libro_nhojas(l), 1);
    CHECK_STR(libro_hoja_nombre(l, 0), "excel.csv");
    CHECK_INT(libro_csv_separador(l), ';');
    CHECK(libro_csv_nota(l) != NULL);
    CHECK_CONTAINS(libro_csv_nota(l), "se leyó como Windows-1252");
    for (int pass = 0; pass < 2; pass++) {   /* a sheet may be read again */
        CHECK(libro_hoja(l, 0, &err));
        Fila f;
        CHECK_INT(libro_fila(l, &f, &err), 1);
        CHECK_INT(f.numero, 1);
        CHECK_INT(f.nceldas, 4);   /* the trailing empty field is kept in a CSV */
        CHECK_STR(f.celdas[1].texto, "ACTIVIDAD");
        CHECK_INT(libro_fila(l, &f, &err), 1);
        CHECK_INT(f.numero, 2);
        CHECK_STR(f.celdas[0].texto, "Afiliación");
        CHECK_INT(f.celdas[1].tipo, CELDA_TEXTO);
        CHECK_INT(f.celdas[3].tipo, CELDA_VACIA);
        char where[600], want[600];
        snprintf(want, sizeof want, "%s:2:12", p);
        CHECK_STR(libro_lugar(l, 0, &f.celdas[1], where, sizeof where), want);
        CHECK_INT(libro_fila(l, &f, &err), 0);   /* ";;;" and " \t; ;;" are not rows */
    }
    libro_cerrar(l);
    free(p);

    p = t_write_text("utf8.csv", "\xEF\xBB\xBFunidad,actividad\nAfiliación,Una\n");
    l = libro_abrir(p, NULL, &err);
    CHECK(l != NULL && libro_csv_nota(l) == NULL);
    CHECK_INT(libro_csv_separador(l), ',');
    libro_cerrar(l);
    free(p);
    libro_cerrar(NULL);

    /* neither UTF-8 nor Windows-1252 (0x81 is undefined there): the place */
    static const char raro[] = "unidad,actividad\nU,a\x81" "b\n";
    p = t_write_tmp("raro.csv", raro, sizeof raro - 1);
    CHECK(libro_abrir(p, NULL, &err) == NULL);
    char want[600];
    snprintf(want, sizeof want, "%s:2:4: el byte 0x81 no es texto en WINDOWS-1252", p);
    CHECK_STR(err.msg, want);
    free(p);
    /* an explicit charset is converted without a guess */
    static const char latin9[] = "unidad,actividad\nU,\xA4" "uro\n";
    p = t_write_tmp("latin9.csv", latin9, sizeof latin9 - 1);
    LibroOpciones op = {.codificacion = "ISO-8859-15"};
    l = libro_abrir(p, &op, &err);
    CHECK(l != NULL);
    if (l) {
        Fila f;
        CHECK(libro_hoja(l, 0, &err) && libro_fila(l, &f, &err) == 1 && libro_fila(l, &f, &err) == 1);
        CHECK_STR(f.celdas[1].texto, "€uro");
        CHECK(libro_csv_nota(l) == NULL);
    }
    libro_cerrar(l);
    free(p);

    CHECK(libro_abrir("/nonexistent/x.csv", NULL, &err) == NULL);
    CHECK_CONTAINS(err.msg, "/nonexistent/x.csv: no se pudo abrir");
}

/* ---- a workbook-like Libro: sheets of rows written as "a|b|#3.5" ---- */

typedef struct {
    const char *nombre;
    const char *const *filas;   /* NULL-terminated; "" = an empty row (skipped) */
} FakeHoja;

typedef struct {
    Libro base;
    const FakeHoja *hojas;
    int nhojas, fila;
    Celda celdas[64];
    char texto[64][128];
} FakeLibro;

static int fake_nhojas(const Libro *l) { return ((const FakeLibro *)l)->nhojas; }
static const char *fake_nombre(const Libro *l, int h) { return ((const FakeLibro *)l)->hojas[h].nombre; }

static bool fake_hoja(Libro *l, int h, PoaErr *err)
{
    (void)err;
    l->hoja_actual = h;
    ((FakeLibro *)l)->fila = 0;
    return true;
}

static int fake_fila(Libro *l, Fila *f, PoaErr *err)
{
    (void)err;
    FakeLibro *x = (FakeLibro *)l;
    const char *const *rows = x->hojas[l->hoja_actual].filas;
    while (rows[x->fila] && !rows[x->fila][0])
        x->fila++;
    if (!rows[x->fila])
        return 0;
    const char *s = rows[x->fila++];
    int n = 0;
    for (const char *q = s;; n++) {
        const char *bar = strchr(q, '|');
        size_t len = bar ? (size_t)(bar - q) : strlen(q);
        Celda *c = &x->celdas[n];
        bool num = len && q[0] == '#';
        snprintf(x->texto[n], sizeof x->texto[n], "%.*s", (int)(len - num), q + num);
        *c = (Celda){.tipo = !len ? CELDA_VACIA : num ? CELDA_NUMERO : CELDA_TEXTO,
                     .texto = x->texto[n], .num = num ? atof(x->texto[n]) : 0,
                     .linea = x->fila, .columna = n + 1};
        if (!bar)
            break;
        q = bar + 1;
    }
    f->numero = x->fila;
    f->nceldas = n + 1;
    f->celdas = x->celdas;
    return 1;
}

static void fake_cerrar(Libro *l) { (void)l; }

static const LibroOps FAKE_OPS = {fake_nhojas, fake_nombre, fake_hoja, fake_fila, fake_cerrar};

static const char *const PORTADA[] = {"Plan Operativo Anual 2024", "", "ARS SEMMA", NULL};
static const char *const AFILIACION[] = {
    "ARS SEMMA — POA 2024",
    "Departamento de Afiliación",
    "",
    "Institución|Año|Unidad|Actividad|Mar|Presupuesto|Meta anual",
    "ARS SEMMA|#2024|Afiliación|Captar afiliados|x|#1500000.5|1.500",
    "ARS SEMMA|#2024|Afiliación|Depurar la cartera|tres|#10|#4",
    "ARS SEMMA|#2024|Afiliación|Informar|#2.5|1,500.50|#-1",
    NULL,
};

TEST(flat_template_in_a_workbook)
{
    const FakeHoja hojas[] = {{"Portada", PORTADA}, {"Afiliación", AFILIACION}};
    FakeLibro x = {.base = {.ops = &FAKE_OPS, .formato = LIBRO_XLSX, .ruta = "ars.xlsx"},
                   .hojas = hojas, .nhojas = 2};
    Libro *l = &x.base;
    PoaErr err = {{0}};
    CHECK(!FORMATO_PLANO.detect(l, 0, &err));
    CHECK(FORMATO_PLANO.detect(l, 1, &err));   /* the header below the title rows */

    PlanoBuilder *b = plano_builder_new(NULL);
    PlanoAvisos av = {0};
    plano_builder_hoja(b, l, 1);
    CHECK(FORMATO_PLANO.read(l, 1, NULL, plano_builder_emit, b, &av, &err));
    CHECK_INT(plano_builder_nregistros(b), 3);
    CHECK_INT(plano_builder_nerrores(b), 2);
    const PlanoAvisos *e = plano_builder_errores(b);
    CHECK_STR(e->n > 0 ? e->lineas[0] : "",
              "ars.xlsx:Afiliación!E6: columna «mar»: «tres» no es una marca de mes válida "
              "(vacío, x o una cantidad)");
    CHECK_STR(e->n > 1 ? e->lineas[1] : "",
              "ars.xlsx:Afiliación!G7: columna «meta_anual»: «-1» es negativo");
    Plan *p = plano_builder_take(b, NULL, &err);
    CHECK(p == NULL);
    CHECK_CONTAINS(err.msg, "ars.xlsx:Afiliación!E6");
    plano_builder_free(b);
    plano_avisos_free(&av);

    /* without the bad rows: numeric cells as they are, text cells by the
     * ',' rule (a workbook has no separator of its own) */
    static const char *const BIEN[] = {
        "Institución|Año|Unidad|Actividad|Mar|Presupuesto|Meta anual",
        "ARS SEMMA|#2024|Afiliación|Captar afiliados|x|#1500000.5|1.500",
        "ARS SEMMA|#2024|Afiliación|Informar|#2.5|1,500.50|#4",
        NULL,
    };
    const FakeHoja h2[] = {{"Hoja1", BIEN}};
    x.hojas = h2;
    x.nhojas = 1;
    b = plano_builder_new(NULL);
    plano_builder_hoja(b, l, 0);
    CHECK(FORMATO_PLANO.read(l, 0, NULL, plano_builder_emit, b, &av, &err));
    int *hoja_de_nodo = NULL;
    p = plano_builder_take(b, &hoja_de_nodo, &err);
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->nacts, 2);
        CHECK_DBL(p->acts[0].presupuesto, 1500000.5, 1e-9);
        CHECK_DBL(p->acts[0].meta_anual.valor, 1.5, 1e-9);
        CHECK_INT(p->acts[1].mes[2].kind, CELL_NUM);
        CHECK_DBL(p->acts[1].mes[2].valor, 2.5, 1e-9);
        CHECK_DBL(p->acts[1].presupuesto, 1500.5, 1e-9);
        CHECK_INT(hoja_de_nodo[p->acts[1].node], 0);
    }
    free(hoja_de_nodo);
    plan_free(p);
    plano_builder_free(b);
    plano_avisos_free(&av);
}

TEST(institucion_from_the_command_line)
{
    static const char *const SIN[] = {"Unidad|Actividad|Mar|Objetivo", "U|Una|x|O", NULL};
    const FakeHoja h[] = {{"Plan", SIN}};
    FakeLibro x = {.base = {.ops = &FAKE_OPS, .formato = LIBRO_ODS, .ruta = "plan.ods"},
                   .hojas = h, .nhojas = 1};
    PoaErr err = {{0}};
    PlanoAvisos av = {0};
    PlanoBuilder *b = plano_builder_new(NULL);
    plano_builder_hoja(b, &x.base, 0);
    CHECK(!FORMATO_PLANO.read(&x.base, 0, NULL, plano_builder_emit, b, &av, &err));
    CHECK_STR(err.msg, "plan.ods:Plan, fila 1: falta la columna obligatoria «institucion» en el "
                       "encabezado");
    plano_builder_free(b);
    PlanoOpciones op = {.institucion = "Caja", .anio = 2025};
    b = plano_builder_new(&op);
    plano_builder_hoja(b, &x.base, 0);
    CHECK(FORMATO_PLANO.read(&x.base, 0, &op, plano_builder_emit, b, &av, &err));
    Plan *p = plano_builder_take(b, NULL, &err);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->institucion, "Caja");
        CHECK_INT(p->anio, 2025);
    }
    plan_free(p);
    plano_builder_free(b);
    plano_avisos_free(&av);
}

int main(void)
{
    RUN(header_spellings);
    RUN(csv_backend);
    RUN(flat_template_in_a_workbook);
    RUN(institucion_from_the_command_line);
    return t_finish();
}
