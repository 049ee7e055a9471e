/* ui_importar.c — the import in the interface (i): a path, the simulation's
 * summary in a box, «¿Importar? (s/n)», then the import in one transaction
 * and the plan read again from the file. */
#include <stdlib.h>
#include <string.h>

#include "importar.h"
#include "ui_app.h"
#include "ui_nuevo.h"

#define K_ESC 27

enum { MAX_AVISOS = 5 };

static void lineas_split(Lineas *ls, const char *text)
{
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        lineas_add(ls, xstrndup(p, n));
        p += n + (nl != NULL);
    }
}

/* The summary box; true when the analyst answers s. */
static bool ask(App *a, const char *title, const Lineas *ls)
{
    a->redraw(a);
    for (;;) {
        if (!a->too_small) {
            int w = a->W - 4 < 110 ? a->W - 4 : 110;
            int h = ls->n + 4 < a->H - 2 ? ls->n + 4 : a->H - 2;
            int y = (a->H - h) / 2, x = (a->W - w) / 2, at = ui_attr(a, CR_DIALOG);
            for (int r = 0; r < h; r++)
                ui_put(y + r, x, w, at, "");
            ui_put(y, x + 1, w - 2, at | A_BOLD, title);
            for (int i = 0; i < ls->n && i < h - 4; i++)
                ui_put(y + 1 + i, x + 2, w - 4, at, ls->lineas[i]);
            ui_put(y + h - 2, x + 2, w - 4, at | A_BOLD, "¿Importar? (s/n)");
            refresh();
        }
        bool is_key;
        int k = ui_read_dialog_key(a, &is_key);
        if (is_key && k == KEY_F(10) &&   /* as in every dialog: ask, then leave */
            ui_confirm_salir(a, "La importación no se hizo: nada cambió.",
                             "¿Cancelarla y salir del programa?"))
            return false;
        if (k < 0 || is_key)
            continue;
        if (k == 's' || k == 'S')
            return true;
        if (k == 'n' || k == 'N' || k == K_ESC || k == 'q')
            return false;
    }
}

static bool leer(Importacion *imp, const App *a, const char *path)
{
    const char *paths[] = {path};
    PlanoOpciones op = {.institucion = a->plan->institucion, .anio = a->plan->anio};
    return importar_leer(imp, paths, 1, &op);
}

int ui_importar_run(App *a)
{
    char *path;
    int ret;
    if (!ui_edit_value(a, "Importar (CSV o libro de cálculo): ", "", &path, &ret))
        return ret;
    Importacion imp = {0};
    PoaErr err = {{0}};
    ret = UI_HANDLED | UI_REDRAW;
    if (!leer(&imp, a, path)) {
        ui_status(a, true, "No se importó: %s%s", imp.errores.n ? imp.errores.lineas[0] : "",
                  imp.nerrores > 1 ? " (y más errores: use poa importar --simular)" : "");
        goto done;
    }
    const Plan *in = imp.archivos[0].plan;
    if (strcmp(in->institucion, a->plan->institucion) != 0 || in->anio != a->plan->anio) {
        ui_status(a, true, "«%s» trae el plan %s %d; aquí está abierto %s %d: impórtelo con "
                  "poa importar", path, in->institucion, in->anio, a->plan->institucion,
                  a->plan->anio);
        goto done;
    }
    if (!importar_aplicar(&imp, a->db, true, &err)) {
        ui_status(a, true, "%s", err.msg);
        goto done;
    }
    StrBuf sb = {0};
    importar_resumen_texto(&imp, 5, &sb);
    for (int i = 0; i < imp.avisos.n && i < MAX_AVISOS; i++)
        sb_appendf(&sb, "aviso: %s\n", imp.avisos.lineas[i]);
    if (imp.avisos.n > MAX_AVISOS)
        sb_appendf(&sb, "… y %d %s más\n", imp.avisos.n - MAX_AVISOS,
                   num_plural(imp.avisos.n - MAX_AVISOS, "aviso", "avisos"));
    Lineas ls = {0};
    lineas_split(&ls, sb_str(&sb));
    sb_free(&sb);
    bool si = ask(a, " Simulación de la importación (todavía no se cambió nada) ", &ls);
    lineas_free(&ls);
    if (!si) {
        ui_status(a, false, "Importación cancelada: no se cambió nada");
        goto done;
    }
    /* the simulation's ids were rolled back: read the file again for the
     * real import, so nothing of the first pass is reused */
    importar_free(&imp);
    if (!leer(&imp, a, path) || !importar_aplicar(&imp, a->db, false, &err)) {
        ui_status(a, true, "No se importó: %s", imp.errores.n ? imp.errores.lineas[0] : err.msg);
        goto done;
    }
    if (!ui_nuevo_recargar(a, a->plan->id, &err)) {
        ui_status(a, true, "Importado, pero no se pudo volver a leer el plan: %s", err.msg);
        goto done;
    }
    ui_status(a, false, "Importado «%s»: %d %s, %d %s", path, imp.total.actividades,
              num_plural(imp.total.actividades, "actividad nueva", "actividades nuevas"),
              imp.total.actividades_actualizadas,
              num_plural(imp.total.actividades_actualizadas, "actualizada", "actualizadas"));
    ret = UI_HANDLED | UI_REDRAW | UI_REBUILD | UI_RELOADED;
done:
    importar_free(&imp);
    free(path);
    return ret;
}
