/* cli.h — the subcommands of the command line, one function each, and the
 * helpers they share (argument parsing, opening the file and the plan with
 * Spanish messages). main.c dispatches; nothing here calls exit(). */
#ifndef POA_CLI_H
#define POA_CLI_H

#include <stdbool.h>

#include "config.h"
#include "db.h"
#include "model.h"

enum { EXIT_OK = 0, EXIT_FALLO = 1, EXIT_USO = 2 };

typedef struct {
    const char *config;
    const char *csv;
    const char *xlsx;
    const char *unidad;
    const char *informe;
    const char *institucion;
    int corte;
    int anio;
    bool json;
    const char **pos;       /* importar takes any number of files (cli_args_free) */
    int npos;
    /* seguimiento, corte, unificar (issue 4) */
    const char *actividad;
    const char *real;
    const char *observaciones;
    const char *evidencia;
    const char *motivo;
    const char *eje;
    const char *objetivo;
    const char *en;
    const char *limite;     /* historial */
    const char *restaurar;  /* respaldo --restaurar RESPALDO */
    bool simular;           /* importar --simular (--dry-run) */
    const char *orden;      /* recoleccion --orden nombre|estado|pct|faltan */
    bool reemplazar;        /* nuevo-anio --reemplazar */
    bool forzar;            /* importar --forzar: a capture's conflicts take its value */
    const char *causa;      /* seguimiento --causa: cause and corrective measure */
} Args;

/* Prints "poa: <msg>" and the hint to stderr; returns EXIT_USO. */
int cli_usage_error(const char *fmt, const char *arg);
/* Options followed by a value ("--csv SALIDA.csv"), from the same table
 * cli_parse_args uses. */
bool cli_option_takes_value(const char *opt);
/* Parses options anywhere on the line from argv[start] (NULL entries are
 * skipped); EXIT_OK or EXIT_USO. */
int cli_parse_args(int argc, char **argv, int start, Args *a);
/* What cli_parse_args allocated; a NULL or zeroed Args is fine. */
void cli_args_free(Args *a);
/* Loads config.ini; its warnings go to stderr, or into *keep (not NULL)
 * for the interface, which shows them on its screen. */
bool cli_load_config(const Args *a, Config *cfg, ConfigAvisos *keep);
void cli_print_config_avisos(const ConfigAvisos *av);
/* Opens the file (messages to stderr); NULL with *code set on failure. */
Db *cli_open_db(const char *path, DbMode mode, const Config *cfg, int *code);
/* Both: opens path in mode and loads the plan chosen by --institucion/--anio
 * and config. With db_out the file stays open there; without, it is closed
 * once the plan is loaded. NULL with *code set on failure. */
Plan *cli_open_file_plan(const Args *a, const Config *cfg, const char *path, DbMode mode,
                         Db **db_out, int *code);

/* After a failed change: "no se modificó" — or, when this open migrated the
 * file (and backed it up), that only the migration was made. */
void cli_print_unchanged(Db *db, const char *path);

/* Subcommands: each returns the exit code. */
int cli_importar(const Args *a, const Config *cfg);
int cli_exportar(const Args *a, const Config *cfg);
int cli_resumen(const Args *a, const Config *cfg);
int cli_respaldo(const Args *a, const Config *cfg);   /* cli_respaldo.c */
/* cli_seguimiento.c */
int cli_verificar(const Args *a, const Config *cfg);
int cli_corte(const Args *a, const Config *cfg);
int cli_unificar(const Args *a, const Config *cfg);
int cli_seguimiento(const Args *a, const Config *cfg);
/* cli_captura.c: exportar --informe captura; importar of capture workbooks */
int cli_exportar_captura(const Args *a, const Config *cfg);
bool cli_son_capturas(const Args *a, int *code);
int cli_importar_captura(const Args *a, const Config *cfg);
/* cli_historial.c */
int cli_historial(const Args *a, const Config *cfg);
/* cli_recoleccion.c */
int cli_recoleccion(const Args *a, const Config *cfg);

/* cli_nuevo.c */
int cli_nuevo(const Args *a, const Config *cfg);
int cli_nuevo_anio(const Args *a, const Config *cfg);

#endif
