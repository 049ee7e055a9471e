/* main.c — argument parsing and subcommands; the only place that calls
 * exit(). Exit codes: 0 success, 1 the operation failed, 2 bad usage or bad
 * input (a CSV, config.ini or database file we refuse). */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ui.h"
#include "util.h"

static const char USO[] =
    "Uso:\n"
    "  poa [--config ARCHIVO.ini] ARCHIVO.db            abre la interfaz de terminal (F1: teclas)\n"
    "  poa --teclas                                     lista las teclas de la interfaz (markdown)\n"
    "  poa --configuracion md|ini                       las claves de config.ini (markdown), o un\n"
    "                                                   config.ini con los valores por omisión\n"
    "  poa importar ARCHIVO.db PLANTILLA.csv [MÁS…] [--simular]\n"
    "                                                   carga plantillas planas (alias: import);\n"
    "                                                   --simular (--dry-run) muestra lo que\n"
    "                                                   cambiaría sin cambiar nada\n"
    "  poa exportar ARCHIVO.db --csv SALIDA.csv [--corte N] [--unidad NOMBRE]\n"
    "                                                   escribe la plantilla plana (alias: export)\n"
    "  poa exportar ARCHIVO.db --xlsx SALIDA.xlsx [--informe poa|seguimiento|tablero|todo]\n"
    "                         [--corte N] [--unidad NOMBRE] [--anio AAAA]\n"
    "                                                   informes con formato para el Consejo\n"
    "                                                   Directivo (por omisión: todo; corte: el\n"
    "                                                   último con datos)\n"
    "  poa exportar ARCHIVO.db --xlsx DESTINO --informe captura --corte N [--unidad NOMBRE]\n"
    "                                                   un libro de captura por unidad en la\n"
    "                                                   carpeta DESTINO (o el de la unidad)\n"
    "  poa importar ARCHIVO.db captura-*.xlsx [--simular] [--forzar] [--corte N] [--unidad U]\n"
    "                                                   recibe los libros de captura llenos\n"
    "  poa resumen ARCHIVO.db                           cuenta unidades, objetivos y actividades\n"
    "                                                   (alias: summary)\n"
    "  poa verificar ARCHIVO.db [--corte N] [--json]    revisa el plan y el seguimiento; sale con 1\n"
    "                                                   si hay errores (alias: check)\n"
    "  poa seguimiento ARCHIVO.db --corte N --actividad CÓDIGO [--unidad NOMBRE]\n"
    "        [--real VALOR] [--observaciones TEXTO] [--evidencia TEXTO] [--causa TEXTO]\n"
    "                                                   registra el avance de una actividad\n"
    "                                                   (alias: report)\n"
    "  poa corte ARCHIVO.db cerrar N                    cierra el corte N (alias: cut close)\n"
    "  poa corte ARCHIVO.db reabrir N --motivo TEXTO    lo reabre (alias: cut reopen)\n"
    "  poa unificar ARCHIVO.db --eje NOMBRE --en NOMBRE  une dos ejes escritos distinto\n"
    "  poa unificar ARCHIVO.db --objetivo TEXTO --en TEXTO\n"
    "                                                   une dos objetivos (alias: merge)\n"
    "  poa historial ARCHIVO.db [--limite N] [--json]  quién cambió qué y cuándo, lo último\n"
    "                                                   primero (100 filas; 0 = todas) (alias:\n"
    "                                                   history)\n"
    "  poa respaldo ARCHIVO.db [DESTINO]                copia de respaldo (por omisión en la carpeta\n"
    "                                                   de [respaldos]) (alias: backup)\n"
    "  poa respaldo ARCHIVO.db --restaurar RESPALDO     vuelve el plan a esa copia (guarda antes el\n"
    "                                                   plan actual como respaldo)\n"
    "  poa recoleccion ARCHIVO.db [--corte N] [--orden nombre|estado|pct|faltan] [--json]\n"
    "                                                   ¿quién falta?: por unidad, el libro de\n"
    "                                                   captura enviado y devuelto, vencidas,\n"
    "                                                   sin reporte, sin causa y % (alias:\n"
    "                                                   collection)\n"

    "  poa nuevo ARCHIVO.db --institucion NOMBRE --anio AAAA [--unidad NOMBRE]\n"
    "                                                   empieza un plan vacío (crea el archivo si\n"
    "                                                   no existe) (alias: new)\n"
    "  poa nuevo-anio ARCHIVO.db AAAA [--reemplazar]    copia el plan (sin seguimiento) a un plan\n"
    "                                                   nuevo de ese año, tras un respaldo (alias:\n"
    "                                                   new-year)\n"
    "  poa --version | --help\n"
    "\n"
    "Opciones comunes:\n"
    "  --config ARCHIVO.ini   configuración (si no: $XDG_CONFIG_HOME/poa/config.ini, ./config.ini,\n"
    "                         y por último el config.ini instalado en share/poa)\n"
    "  --anio AAAA            plan de ese año (si el archivo tiene varios)\n"
    "  --institucion NOMBRE   plan de esa institución (si el archivo tiene varias)\n"
    "\n"
    "Códigos de salida: 0 éxito, 1 la operación falló, 2 uso o datos de entrada incorrectos.\n";

/* One line per subcommand: Spanish name, English alias, function. */
static const struct {
    const char *nombre, *alias;
    int (*fn)(const Args *, const Config *);
} COMANDOS[] = {
    {"importar", "import", cli_importar},
    {"exportar", "export", cli_exportar},
    {"resumen", "summary", cli_resumen},
    {"verificar", "check", cli_verificar},
    {"seguimiento", "report", cli_seguimiento},
    {"corte", "cut", cli_corte},
    {"unificar", "merge", cli_unificar},
    {"historial", "history", cli_historial},
    {"respaldo", "backup", cli_respaldo},
    {"recoleccion", "collection", cli_recoleccion},

    {"nuevo", "new", cli_nuevo},
    {"nuevo-anio", "new-year", cli_nuevo_anio},
};

static int run_args(const Args *ap, int (*fn)(const Args *, const Config *));

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    /* Numbers are read and written with '.' whatever the locale says
     * (strtod and printf follow LC_NUMERIC; a comma-decimal locale would
     * misread every CSV and config value). */
    setlocale(LC_NUMERIC, "C");
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
                      strcmp(argv[1], "ayuda") == 0)) {
        fputs(USO, stdout);
        return EXIT_OK;
    }
    if (argc >= 2 && strcmp(argv[1], "--teclas") == 0) {
        ui_keys_markdown(stdout);
        return EXIT_OK;
    }
    if (argc >= 2 && strcmp(argv[1], "--configuracion") == 0) {
        /* the keys' table (docs/configuracion.md) or the default config.ini */
        StrBuf b = {0};
        bool md = argc >= 3 && strcmp(argv[2], "md") == 0;
        if (md)
            config_doc_markdown(&b);
        else if (argc >= 3 && strcmp(argv[2], "ini") == 0)
            config_ini_defecto(&b);
        else {
            fputs("Uso: poa --configuracion md|ini\n", stderr);
            return EXIT_USO;
        }
        fputs(sb_str(&b), stdout);
        sb_free(&b);
        return EXIT_OK;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("poa %s\n", POA_VERSION);
        return EXIT_OK;
    }
    /* The subcommand is the first word that is not an option (options may
     * come before it: poa --config x.ini importar …). */
    int (*fn)(const Args *, const Config *) = NULL;
    int cmd_at = -1;
    for (int i = 1; i < argc && cmd_at < 0; i++) {
        if (argv[i][0] == '-') {
            if (cli_option_takes_value(argv[i]))
                i++;
            continue;
        }
        cmd_at = i;
    }
    if (cmd_at > 0)
        for (size_t i = 0; i < POA_ARRAY_LEN(COMANDOS); i++)
            if (strcmp(argv[cmd_at], COMANDOS[i].nombre) == 0 ||
                strcmp(argv[cmd_at], COMANDOS[i].alias) == 0)
                fn = COMANDOS[i].fn;
    Args a = {0};
    if (fn)
        argv[cmd_at] = NULL; /* consumed: parsing skips it */
    int rc = cli_parse_args(argc, argv, 1, &a);
    if (rc == EXIT_OK)
        rc = run_args(&a, fn);
    cli_args_free(&a);
    return rc;
}

/* The command (fn) or, without one, the interface, on parsed arguments. */
static int run_args(const Args *ap, int (*fn)(const Args *, const Config *))
{
    Args a = *ap;   /* a shallow copy: the caller frees pos */
    int rc;
    Config cfg;
    ConfigAvisos avisos = {0};
    bool interfaz = !fn && a.npos == 1;
    /* behind the interface's screen stderr is not seen: it shows them */
    if (!cli_load_config(&a, &cfg, interfaz ? &avisos : NULL))
        return EXIT_USO;
    if (fn)
        return fn(&a, &cfg);
    /* No subcommand: the terminal interface (on a missing file, or one with
     * no plan, it opens on the creation dialog). */
    if (a.npos == 1) {
        rc = ui_run(a.pos[0], &a, &cfg, &avisos);
        config_avisos_free(&avisos);
        return rc;
    }
    fputs(USO, stderr);
    return EXIT_USO;
}
