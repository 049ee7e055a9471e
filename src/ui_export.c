/* ui_export.c — the export dialog (x): which report (the XLSX reports or the
 * flat CSV), corte, unit and file name; runs the exporter with its progress
 * in the status line and the result (or the Spanish error) there. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "captura.h"
#include "plancsv.h"
#include "u8.h"
#include "ui_app.h"
#include "xlsx_export.h"
#include "xlsx_fuente.h"

#define K_ESC 27

typedef enum {
    EXP_TODO = 0, EXP_POA, EXP_SEGUIMIENTO, EXP_TABLERO, EXP_CAPTURA, EXP_CSV, EXP_CSV_CALC,
    EXP_N
} ExpInforme;

static const char *const EXP_NOMBRE[EXP_N] = {
    "Todo", "POA", "Seguimiento", "Tablero", "Captura por unidad", "Plantilla CSV",
    "Plantilla CSV con cálculos",
};
static const char *const EXP_AYUDA[EXP_N] = {
    "Un libro XLSX: resumen, tablero, seguimiento y POA",
    "XLSX: el plan por unidad y objetivo, con el cronograma",
    "XLSX: metas, real acumulado y % de ejecución al corte",
    "XLSX: % y semáforo por unidad, objetivo y eje, con gráfico",
    "XLSX que llena cada unidad (todas: uno por unidad en una carpeta)",
    "CSV plano: el plan y el seguimiento del corte (para volver a importar)",
    "CSV plano con programado, % de ejecución, semáforo y estado al corte",
};

/* The rows of the dialog, in order. */
enum { F_INFORME = 0, F_CORTE, F_UNIDAD, F_ARCHIVO, F_EXPORTAR, F_N };

typedef struct {
    App *a;
    int informe;        /* ExpInforme */
    int corte;          /* 1..4 */
    int unidad;         /* -1 = todas */
    char *archivo;
    bool archivo_editado;  /* typed by the analyst: no longer follows the choices */
    int campo;
} ExpDlg;

static bool es_csv(int informe) { return informe == EXP_CSV || informe == EXP_CSV_CALC; }
/* The capture of every unit is a folder of workbooks, one per unit. */
static bool captura_carpeta(const ExpDlg *d) { return d->informe == EXP_CAPTURA && d->unidad < 0; }

/* "comercializacion" from "Comercialización": a piece of a file name. */
static void slug(const char *s, char *out, size_t n)
{
    char *f = u8_fold(s);
    size_t o = 0;
    bool guion = false;
    for (const char *p = f; *p && o + 2 < n; p++) {
        char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (guion && o > 0)
                out[o++] = '-';
            out[o++] = c;
            guion = false;
        } else {
            guion = true;
        }
    }
    out[o] = '\0';
    free(f);
}

/* The default name in the current directory: informe-2024-T3.xlsx,
 * seguimiento-2024-T3-comercializacion.xlsx, plan-2024.csv… */
static void nombre_defecto(ExpDlg *d)
{
    static const char *const base[EXP_N] = {"informe", "poa", "seguimiento", "tablero",
                                            "captura", "plan", "plan"};
    const Plan *p = d->a->plan;
    char corte[8] = "", uni[128] = "";
    if (d->informe != EXP_POA && d->informe != EXP_CSV)
        snprintf(corte, sizeof corte, "-T%d", d->corte);
    if (d->unidad >= 0) {
        char s[100];
        slug(p->unidades[d->unidad].nombre, s, sizeof s);
        if (s[0])
            snprintf(uni, sizeof uni, "-%s", s);
    }
    free(d->archivo);
    d->archivo = xasprintf("%s-%d%s%s%s%s", base[d->informe], p->anio, corte, uni,
                           captura_carpeta(d) ? "" : ".",
                           captura_carpeta(d) ? "" : es_csv(d->informe) ? "csv" : "xlsx");
}

/* After a choice: the default name follows it; a typed name keeps its
 * words but takes the extension of the kind of file (.xlsx or .csv). */
static void nombre_seguir(ExpDlg *d)
{
    if (!d->archivo_editado) {
        nombre_defecto(d);
        return;
    }
    const char *quiere = es_csv(d->informe) ? ".csv" : ".xlsx";
    const char *otra = es_csv(d->informe) ? ".xlsx" : ".csv";
    size_t n = strlen(d->archivo), lo = strlen(otra);
    if (n > lo && strcmp(d->archivo + n - lo, otra) == 0) {
        char *t = xasprintf("%.*s%s", (int)(n - lo), d->archivo, quiere);
        free(d->archivo);
        d->archivo = t;
    }
}

static void cambiar(ExpDlg *d, int delta)
{
    const Plan *p = d->a->plan;
    switch (d->campo) {
    case F_INFORME: d->informe = (d->informe + delta + EXP_N) % EXP_N; break;
    case F_CORTE: d->corte = (d->corte - 1 + delta + POA_TRIMESTRES) % POA_TRIMESTRES + 1; break;
    case F_UNIDAD: {
        int n = p->nunidades + 1;   /* "Todas" and each unit */
        d->unidad = (d->unidad + 1 + delta + n) % n - 1;
        break;
    }
    default: return;
    }
    nombre_seguir(d);
}

static void dlg_draw(ExpDlg *d)
{
    App *a = d->a;
    const Plan *p = a->plan;
    if (a->too_small)
        return;
    int w = a->W - 4 < 76 ? a->W - 4 : 76, h = 14;
    int y = (a->H - h) / 2, x = (a->W - w) / 2;
    int at = ui_attr(a, CR_DIALOG);
    for (int i = 0; i < h; i++)
        ui_put(y + i, x, w, at, "");
    ui_put(y, x + 1, w - 2, at | A_BOLD, " Exportar para el Consejo Directivo ");
    const char *izq = a->utf8 ? "◂ " : "< ", *der = a->utf8 ? " ▸" : " >";
    char v[1200], c[96];
    const CorteEstado *ce = &p->cortes[d->corte - 1];
    static const int fila[F_N] = {2, 4, 5, 7, 10};   /* rows of the fields in the box */
    char ay[300];
    snprintf(ay, sizeof ay, "           %s", EXP_AYUDA[d->informe]);
    ui_put(y + 3, x + 1, w - 2, at | A_DIM, ay);
    for (int f = 0; f < F_N; f++) {
        static const char *const rot[F_N] = {"Informe", "Corte", "Unidad", "Archivo", ""};
        switch (f) {
        case F_INFORME: snprintf(v, sizeof v, "%s%s%s", izq, EXP_NOMBRE[d->informe], der); break;
        case F_CORTE:
            snprintf(c, sizeof c, "%d %s (%s)", d->corte, POA_TRIM_RANGO[d->corte - 1],
                     ce->cerrado ? "cerrado" : "abierto");
            snprintf(v, sizeof v, "%s%s%s%s", izq, c, der,
                     d->informe == EXP_POA ? "  (el POA no lo usa)" : "");
            break;
        case F_UNIDAD:
            snprintf(v, sizeof v, "%s%s%s", izq,
                     d->unidad >= 0 ? p->unidades[d->unidad].nombre : "Todas", der);
            break;
        case F_ARCHIVO: snprintf(v, sizeof v, "%s", d->archivo); break;
        default: snprintf(v, sizeof v, "[ Exportar ]"); break;
        }
        char l[1300];
        snprintf(l, sizeof l, "  %-8s %s", rot[f], v);
        ui_put(y + fila[f], x + 1, w - 2, f == d->campo ? ui_attr(a, CR_SELECTED) : at, l);
    }
    /* where a relative name lands */
    char cwd[1024], l[1100];
    if (d->archivo[0] != '/' && d->archivo[0] != '~' && getcwd(cwd, sizeof cwd)) {
        snprintf(l, sizeof l, "           en %s", cwd);
        ui_put(y + 8, x + 1, w - 2, at | A_DIM, l);
    }
    ui_put(y + h - 2, x + 1, w - 2, at,
           a->utf8 ? "  ↑↓ campo · ←→ cambia · Enter: elegir o exportar · Esc: cancelar"
                   : "  Arriba/Abajo: campo · Izq./Der.: cambia · Enter: elegir o exportar · Esc: cancelar");
    refresh();
}

/* A list to choose the value of the field from (Enter on a choice). */
static void elegir(ExpDlg *d)
{
    const Plan *p = d->a->plan;
    if (d->campo == F_INFORME) {
        char *items[EXP_N];
        for (int i = 0; i < EXP_N; i++)
            items[i] = xasprintf("%s — %s", EXP_NOMBRE[i], EXP_AYUDA[i]);
        int r = ui_pick(d->a, "Informe", items, EXP_N, d->informe);
        for (int i = 0; i < EXP_N; i++)
            free(items[i]);
        if (r >= 0)
            d->informe = r;
    } else if (d->campo == F_CORTE) {
        char *items[POA_TRIMESTRES];
        for (int q = 0; q < POA_TRIMESTRES; q++)
            items[q] = xasprintf("Corte %d %s (%s)", q + 1, POA_TRIM_RANGO[q],
                                 p->cortes[q].cerrado ? "cerrado" : "abierto");
        int r = ui_pick(d->a, "Corte", items, POA_TRIMESTRES, d->corte - 1);
        for (int q = 0; q < POA_TRIMESTRES; q++)
            free(items[q]);
        if (r >= 0)
            d->corte = r + 1;
    } else if (d->campo == F_UNIDAD) {
        int n = p->nunidades + 1;
        char **items = xcalloc((size_t)n, sizeof *items);
        items[0] = xstrdup("Todas");
        for (int u = 0; u < p->nunidades; u++)
            items[u + 1] = xstrdup(p->unidades[u].nombre);
        int r = ui_pick(d->a, "Unidad", items, n, d->unidad + 1);
        for (int i = 0; i < n; i++)
            free(items[i]);
        free(items);
        if (r >= 0)
            d->unidad = r - 1;
    }
    nombre_seguir(d);
}

/* "~/x.xlsx" -> "$HOME/x.xlsx"; caller frees. */
static char *expandir(const char *s)
{
    const char *home = getenv("HOME");
    if (s[0] == '~' && (s[1] == '/' || !s[1]) && home && home[0])
        return xasprintf("%s%s", home, s + 1);
    return xstrdup(s);
}

/* The folder the file goes to must exist and take new files: said in
 * Spanish before the exporter runs (its system messages are in English). */
static bool carpeta_ok(App *a, const char *path)
{
    char *dir = xstrdup(path);
    char *slash = strrchr(dir, '/');
    if (!slash) {
        free(dir);
        dir = xstrdup(".");
    } else if (slash == dir) {
        dir[1] = '\0';
    } else {
        *slash = '\0';
    }
    struct stat st;
    bool ok = false;
    if (stat(dir, &st) != 0)
        ui_status(a, true, "No se exportó: la carpeta «%s» no existe", dir);
    else if (!S_ISDIR(st.st_mode))
        ui_status(a, true, "No se exportó: «%s» no es una carpeta", dir);
    else if (access(dir, W_OK | X_OK) != 0)
        ui_status(a, true, "No se exportó: no hay permiso para escribir en la carpeta «%s»", dir);
    else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        ui_status(a, true, "No se exportó: «%s» es una carpeta; escriba un nombre de archivo", path);
    else
        ok = true;
    free(dir);
    return ok;
}

typedef struct {
    App *a;
    const char *nombre;
    struct timespec ultimo;
    bool primero;
} Avance;

/* The exporter's progress in the status line, at most ten times a second. */
static void avance_cb(void *ctx, long hechas, long total)
{
    Avance *v = ctx;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long ms = (now.tv_sec - v->ultimo.tv_sec) * 1000L + (now.tv_nsec - v->ultimo.tv_nsec) / 1000000L;
    if (!v->primero && ms < 100 && hechas < total)
        return;
    v->primero = false;
    v->ultimo = now;
    long pct = total > 0 ? hechas * 100 / total : 100;
    if (hechas >= total)   /* the rows are in; libxlsxwriter now zips the book */
        ui_status(v->a, false, "Exportando «%s»… guardando el libro", v->nombre);
    else
        ui_status(v->a, false, "Exportando «%s»… %ld %% (%ld de %ld filas)", v->nombre, pct,
                  hechas, total);
    ui_draw_status(v->a);
}

static void exportar(ExpDlg *d)
{
    App *a = d->a;
    Plan *p = a->plan;
    char *path = expandir(d->archivo);
    if (!path[0]) {
        ui_status(a, true, "No se exportó: falta el nombre del archivo");
        free(path);
        return;
    }
    struct stat st;
    bool carpeta = captura_carpeta(d) && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
    if (!carpeta && !carpeta_ok(a, path)) {
        free(path);
        return;
    }
    if (!carpeta && file_exists(path)) {
        char l1[600];
        snprintf(l1, sizeof l1, "Ya existe «%s».", d->archivo);
        if (!ui_confirm(a, l1, "¿Reemplazarlo?")) {
            ui_status(a, false, "No se exportó: «%s» queda como estaba", d->archivo);
            free(path);
            return;
        }
    }
    const char *unidad = d->unidad >= 0 ? p->unidades[d->unidad].nombre : NULL;
    Avance v = {.a = a, .nombre = d->archivo, .primero = true};
    clock_gettime(CLOCK_MONOTONIC, &v.ultimo);
    ui_status(a, false, "Exportando «%s»…", d->archivo);
    a->redraw(a);

    /* libxlsxwriter prints its own messages on write failures: they would
     * land on the screen, so stderr goes to /dev/null while it runs */
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    int devnull = open("/dev/null", O_WRONLY);
    if (saved >= 0 && devnull >= 0)
        dup2(devnull, STDERR_FILENO);
    if (devnull >= 0)
        close(devnull);

    PoaErr err = {{0}};
    bool ok;
    int hojas = 0, filas = 0;
    XlsxSalida sal = {0};
    if (es_csv(d->informe)) {
        CsvExportOpts o = {.corte = d->corte, .calculadas = d->informe == EXP_CSV_CALC,
                           .umbrales = a->cfg->umbrales, .unidad = unidad};
        ok = plancsv_export(p, path, &o, &filas, &err);
    } else if (d->informe == EXP_CAPTURA) {
        CapturaExport o = {.destino = path, .unidad = unidad, .corte = d->corte, .cfg = a->cfg};
        Lineas escritos = {0};
        ok = captura_exportar(a->db, p, &o, &escritos, NULL, &err);
        hojas = escritos.n;
        lineas_free(&escritos);
    } else {
        static const XlsxInforme inf[] = {XLSX_INFORME_TODO, XLSX_INFORME_POA,
                                          XLSX_INFORME_SEGUIMIENTO, XLSX_INFORME_TABLERO};
        XlsxOpts o;
        xlsx_opts_from_config(&o, a->cfg);
        o.path = path;
        o.informe = inf[d->informe];
        o.corte = d->corte;
        o.unidad = unidad;
        o.hojas = &hojas;
        o.salida = &sal;
        o.archivo_plan = db_path(a->db);
        ok = xlsx_export(p, &o, avance_cb, &v, &err);
    }

    fflush(stderr);
    if (saved >= 0) {
        dup2(saved, STDERR_FILENO);
        close(saved);
    }

    if (!ok)
        ui_status(a, true, "No se exportó: %s", err.msg);
    else if (d->informe == EXP_CAPTURA)
        ui_status(a, false, "Captura del corte %d escrita en «%s» (%d %s)", d->corte,
                  d->archivo, hojas, hojas == 1 ? "libro" : "libros");
    else if (es_csv(d->informe))
        ui_status(a, false, "Plantilla escrita en «%s» (%d %s)", d->archivo, filas,
                  filas == 1 ? "actividad" : "actividades");
    else if (sal.solo_poa)
        /* todo without seguimiento: say why the board is not there */
        ui_status(a, false, "Solo el POA en «%s»: sin seguimiento registrado al corte %d "
                  "(%d %s%s)", d->archivo, sal.corte, hojas, hojas == 1 ? "hoja" : "hojas",
                  sal.observaciones ? ", con observaciones de verificación" : "");
    else
        ui_status(a, false, "Informe escrito en «%s» (%d %s%s%s)", d->archivo, hojas,
                  hojas == 1 ? "hoja" : "hojas",
                  sal.sin_seguimiento && d->informe != EXP_POA ? ", en gris: sin seguimiento"
                                                               : "",
                  sal.observaciones ? ", con observaciones de verificación" : "");
    char aviso[256];
    if (ok && !es_csv(d->informe) && xlsx_fuente_falta(aviso, sizeof aviso)) {
        /* heights estimated: said after the file's name, which it keeps */
        size_t len = strlen(a->status);
        snprintf(a->status + len, sizeof a->status - len, " · %s", aviso);
    }
    free(path);
}

int ui_export_run(App *a, UiExportInforme informe, int unidad)
{
    ExpDlg d = {.a = a, .informe = informe == UI_EXPORT_SEGUIMIENTO ? EXP_SEGUIMIENTO
                                   : informe == UI_EXPORT_TABLERO   ? EXP_TABLERO
                                                                    : EXP_TODO,
                .corte = a->corte, .unidad = unidad};
    if (d.corte < 1 || d.corte > POA_TRIMESTRES)
        d.corte = 1;
    nombre_defecto(&d);
    bool hecho = false;
    a->redraw(a);
    while (!hecho) {
        dlg_draw(&d);
        bool is_key;
        int k = ui_read_dialog_key(a, &is_key);
        if (k < 0)
            continue;
        if (is_key) {
            switch (k) {
            case KEY_UP: case KEY_BTAB: d.campo = (d.campo + F_N - 1) % F_N; break;
            case KEY_DOWN: d.campo = (d.campo + 1) % F_N; break;
            case KEY_LEFT: cambiar(&d, -1); break;
            case KEY_RIGHT: cambiar(&d, +1); break;
            case KEY_ENTER: k = '\n'; break;
            case KEY_F(10):   /* as in every dialog: ask, then leave */
                if (ui_confirm_salir(a, "La exportación no empezó.",
                                     "¿Cancelarla y salir del programa?")) {
                    ui_status(a, false, "Exportación cancelada");
                    hecho = true;
                }
                break;
            default: break;
            }
            if (k != '\n')
                continue;
        }
        if (k == K_ESC || k == 'q') {
            ui_status(a, false, "Exportación cancelada");
            break;
        }
        if (k == '\t' || k == 'j') {
            d.campo = (d.campo + 1) % F_N;
        } else if (k == 'k') {
            d.campo = (d.campo + F_N - 1) % F_N;
        } else if (k == ' ' || k == 'l') {
            cambiar(&d, +1);
        } else if (k == 'h') {
            cambiar(&d, -1);
        } else if (k == '\n' || k == '\r') {
            if (d.campo == F_EXPORTAR) {
                exportar(&d);
                hecho = true;
            } else if (d.campo == F_ARCHIVO) {
                char *s = NULL;
                if (ui_edit_line(a, "Archivo:", d.archivo, &s)) {
                    if (strcmp(s, d.archivo) != 0)
                        d.archivo_editado = true;
                    free(d.archivo);
                    d.archivo = s;
                    d.campo = F_EXPORTAR;
                }
                if (a->quit)
                    hecho = true;
                a->redraw(a);
            } else {
                elegir(&d);
                a->redraw(a);
            }
        }
    }
    free(d.archivo);
    return UI_REDRAW;
}
