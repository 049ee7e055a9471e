/* rendimiento.h — the pieces of poa-rendimiento (issue 14): running poa from
 * outside (a process, a pseudo-terminal), the bare-library limits, the report. */
#ifndef POA_RENDIMIENTO_H
#define POA_RENDIMIENTO_H

#include <stdbool.h>
#include <stddef.h>

/* A list of samples (seconds, or bytes for memory). */
typedef struct {
    double *v;
    int n, cap;
} Muestras;

void muestras_add(Muestras *m, double x);
double muestras_mediana(const Muestras *m);
double muestras_p95(const Muestras *m);
void muestras_free(Muestras *m);

double ahora(void);                          /* CLOCK_MONOTONIC, seconds */
_Noreturn void morir(const char *fmt, ...);  /* prints «poa-rendimiento: …» and exits 1 */
char *fmt_nuevo(const char *fmt, ...);       /* malloc'd printf; dies when out of memory */

/* A child process run to its end: wall time from fork to exit, peak memory. */
typedef struct {
    double segundos;
    double maxrss;      /* bytes, ru_maxrss of the child (wait4) */
    int estado;         /* exit status, -1 if killed by a signal */
} Proceso;

/* VmHWM of /proc/PID/status (pid 0: this process), bytes; -1 if unknown. */
double proceso_hwm(int pid);

/* Runs argv (argv[0] a path) in directory dir with the bench's environment,
 * stdout and stderr to /dev/null unless log is given (appended). */
Proceso proceso_run(const char *dir, char *const argv[], const char *log);
/* The environment every child gets: fixed locale and terminal, its own empty
 * config and state folders under base (so no user's settings or remembered
 * cursor change what is measured). */
void proceso_entorno(const char *base);

/* A session through a pseudo-terminal of 200×60. */
typedef struct {
    double primera;     /* exec → last byte of the first complete screen, s */
    Muestras abajo;     /* ↓: write → last byte of the redraw, s */
    Muestras avpag;     /* AvPág, the same */
    double maxrss;      /* the child's peak memory over the session, bytes */
    int sin_respuesta;  /* keys that produced no output (not counted) */
} Sesion;

/* Starts argv in a pty, waits for the first complete screen (marca seen,
 * then gap seconds without output; the gap is not counted), unfolds the
 * whole list with desplegar_todo (a key that toggles; NULL: none), presses ↓
 * teclas times and AvPág teclas times (Inicio, not timed, when AvPág reaches
 * the end), quits with q and reaps the child. */
bool sesion_run(const char *dir, char *const argv[], const char *marca,
                const char *desplegar_todo, double gap, double gap_tecla, int teclas,
                Sesion *s, char *error, size_t nerror);

/* The terminal's own floor (poa-rendimiento --pantalla-base): a bare ncurses
 * program that paints a full screen of text with the same marker, scrolls
 * one row on ↓ and a page on AvPág, quits on F10. */
int pantalla_base_main(void);

/* The bare SQLite limits, from the rows of a file poa wrote. */
typedef struct BaseSqlite BaseSqlite;
BaseSqlite *base_sqlite_new(const char *db);   /* reads every data table into memory */
void base_sqlite_free(BaseSqlite *b);
/* Creates dst with the same schema and inserts the same rows: prepared
 * statements, one transaction, the pragmas poa uses. Returns seconds. */
double base_sqlite_insert(const BaseSqlite *b, const char *dst);
/* Reads every row of the data tables of db (one SELECT per table). Seconds;
 * *texto (if given) gets the bytes of text read. */
double base_sqlite_leer(const char *db, double *texto);
/* Opens db, updates one seguimiento row in one transaction, closes. Seconds. */
double base_sqlite_editar(const char *db, int vuelta);

/* The bare libxlsxwriter limit: writes the table xlsx-tabla read from a
 * poa report (same cells, formats, merges, widths). Seconds, or -1. */
double base_xlsx_write(const char *tabla, const char *salida, char *error, size_t nerror);

/* Everything measured at one size, in the order of the report. */
typedef struct {
    int n;                          /* activities */
    double texto;                   /* bytes of text in the full plan's rows */
    Muestras importar, base_insert, reimportar;
    Muestras seg, base_seg, todo, base_todo;
    Muestras primera, base_primera, abajo, base_abajo, avpag, base_avpag;
    Muestras mem_nav, mem_todo;
    Muestras verificar, base_leer, editar, base_editar;
    double cmp_xlsxwriter, cmp_openpyxl, cmp_libreoffice;   /* --comparar; < 0: not run */
    char cmp_nota[256];
} Medidas;

typedef struct {
    const char *cmd;                /* the command line, for the report */
    int repeticiones, teclas, ediciones;
    bool comparar;
    const char *marca;              /* the first screen's marker and silence (--marca, --silencio) */
    double silencio;
    double segundos;                /* the whole run */
    double carga_antes, carga_despues;   /* load average (1 min) at start and end */
    double propio;                  /* this program's peak memory, bytes (VmHWM) */
} Corrida;

/* Writes the report's block (machine, table, targets) for the sizes measured. */
void informe_write(FILE *f, const Corrida *c, const Medidas *m, int nm);
/* Replaces the block between the markers of docs/rendimiento.md. */
bool informe_replace(const char *ruta, const char *bloque, char *error, size_t nerror);

#endif
