/* cmd_plan.c — the plan as a whole (cmd_plan.h): starting one, its
 * institution and year, and the copy that starts next year's plan. */
#include "cmd_plan.h"

#include <stdlib.h>
#include <string.h>

#include "cmd_int.h"
#include "store_plan.h"
#include "u8.h"

bool cmd_plan_parse_anio(const char *s, int *anio, PoaErr *err)
{
    double v;
    if (!s || !num_parse(s, &v) || v != (int)v || v < CMD_PLAN_ANIO_MIN ||
        v > CMD_PLAN_ANIO_MAX) {
        err_set(err, "el año debe ser un número de %d a %d, no «%s»", CMD_PLAN_ANIO_MIN,
                CMD_PLAN_ANIO_MAX, s ? s : "");
        return false;
    }
    *anio = (int)v;
    return true;
}

static void set_fallo(CmdPlanFallo *f, CmdPlanFallo v)
{
    if (f)
        *f = v;
}

/* The trimmed copy of a name the analyst typed, or NULL with err. */
static char *nombre_valido(const char *s, const char *campo, bool requerido, PoaErr *err)
{
    char *t = str_trim(xstrdup(s ? s : ""));
    if (!u8_valid(t, strlen(t), NULL)) {
        err_set(err, "%s: el texto no es UTF-8 válido", campo);
    } else if (requerido && !*t) {
        err_set(err, "%s: no puede quedar vacío", campo);
    } else {
        return t;
    }
    free(t);
    return NULL;
}

static bool anio_valido(int anio, PoaErr *err)
{
    if (anio >= CMD_PLAN_ANIO_MIN && anio <= CMD_PLAN_ANIO_MAX)
        return true;
    err_set(err, "el año debe ser un número de %d a %d, no «%d»", CMD_PLAN_ANIO_MIN,
            CMD_PLAN_ANIO_MAX, anio);
    return false;
}

static void msg_existe(const char *inst, int anio, PoaErr *err)
{
    err_set(err, "ya existe el plan de «%s» del año %d en este archivo", inst, anio);
}

bool cmd_plan_crear(Db *db, const char *institucion, int anio, const char *unidad,
                    int64_t *plan_id, CmdPlanFallo *fallo, PoaErr *err)
{
    set_fallo(fallo, CMD_PLAN_DATOS);
    char *inst = nombre_valido(institucion, "Institución", true, err);
    char *uni = inst ? nombre_valido(unidad, "Unidad", false, err) : NULL;
    if (!inst || !uni || !anio_valido(anio, err)) {
        free(inst);
        free(uni);
        return false;
    }
    set_fallo(fallo, CMD_PLAN_FALLO);
    int64_t accion, id = 0, existe = 0;
    bool ok = cmd_tx_begin(db, &accion, err) && store_plan_find(db, inst, anio, &existe, err);
    if (ok && existe) {
        msg_existe(inst, anio, err);
        set_fallo(fallo, CMD_PLAN_EXISTE);
        ok = false;
    }
    ok = ok && store_plan_create(db, inst, anio, &id, err);
    char anio_txt[16];
    snprintf(anio_txt, sizeof anio_txt, "%d", anio);
    char *desc = xasprintf("Nuevo plan de «%s» %d", inst, anio);
    ok = ok && store_log(db, accion, id, CAMBIO_PLAN, "plan", id, "alta", NULL, anio_txt, desc,
                         err);
    free(desc);
    if (ok && *uni) {
        Plan *p = plan_new(inst, anio);
        p->id = id;
        int u = plan_add_unidad(p, 0, uni, "", "");
        char *d2 = xasprintf("Nueva unidad «%s»", uni);
        ok = store_unidad_insert(db, p, u, err) &&
             store_log(db, accion, id, CAMBIO_PLAN, "unidad", p->unidades[u].id, "alta", NULL,
                       uni, d2, err);
        free(d2);
        plan_free(p);
    }
    if (cmd_tx_end(db, ok, err)) {
        set_fallo(fallo, CMD_PLAN_OK);
        if (plan_id)
            *plan_id = id;
    } else {
        ok = false;
    }
    free(inst);
    free(uni);
    return ok;
}

bool cmd_plan_datos(Db *db, Plan *p, const char *institucion, int anio, CmdPlanFallo *fallo,
                    PoaErr *err)
{
    set_fallo(fallo, CMD_PLAN_DATOS);
    char *inst = nombre_valido(institucion, "Institución", true, err);
    if (!inst || !anio_valido(anio, err)) {
        free(inst);
        return false;
    }
    set_fallo(fallo, CMD_PLAN_OK);
    if (strcmp(inst, p->institucion) == 0 && anio == p->anio) {
        free(inst);
        return true;   /* nothing changed: no transaction, no log row */
    }
    set_fallo(fallo, CMD_PLAN_FALLO);
    int64_t accion, otro = 0;
    char *desc = xasprintf("Datos del plan: «%s» %d", inst, anio);
    bool begun = cmd_lote_tx_begin(db, p->id, desc, &accion, err);
    bool ok = begun && store_plan_find(db, inst, anio, &otro, err);
    if (ok && otro && otro != p->id) {
        msg_existe(inst, anio, err);
        set_fallo(fallo, CMD_PLAN_EXISTE);
        ok = false;
    }
    ok = ok && store_plan_update(db, p->id, inst, anio, err);
    char a0[16], a1[16];
    snprintf(a0, sizeof a0, "%d", p->anio);
    snprintf(a1, sizeof a1, "%d", anio);
    if (ok && strcmp(inst, p->institucion) != 0)
        ok = store_log(db, accion, p->id, CAMBIO_PLAN, "plan", p->id, "institucion",
                       p->institucion, inst, desc, err);
    if (ok && anio != p->anio)
        ok = store_log(db, accion, p->id, CAMBIO_PLAN, "plan", p->id, "anio", a0, a1, desc, err);
    free(desc);
    if (!begun || !cmd_lote_tx_end(db, accion, ok, err)) {
        free(inst);
        return false;
    }
    set_fallo(fallo, CMD_PLAN_OK);
    free(p->institucion);
    p->institucion = inst;
    p->anio = anio;
    return true;
}

/* The loaded plan made into an incoming one for the merge: no ids, the new
 * year, no seguimiento, every corte open. */
static void preparar_copia(Plan *p, int anio)
{
    p->id = 0;
    p->anio = anio;
    for (int u = 0; u < p->nunidades; u++)
        p->unidades[u].id = 0;
    for (int i = 0; i < p->nnodes; i++)
        p->nodes[i].id = 0;
    for (int i = 0; i < p->nacts; i++) {
        for (int c = 0; c < POA_TRIMESTRES; c++) {
            Seguimiento *s = &p->acts[i].seg[c];
            s->real = (Valor){0};
            str_set_compartido(&s->observaciones, "");
            str_set_compartido(&s->evidencia, "");
            str_set_compartido(&s->pct_publicado, "");
            str_set_compartido(&s->causa, "");
        }
    }
    for (int c = 0; c < POA_TRIMESTRES; c++)
        p->cortes[c].cerrado = false;
}

bool cmd_plan_nuevo_anio(Db *db, int64_t plan_id, int anio, bool reemplazar,
                         ImportStats *cuenta, int64_t *nuevo_id, char **respaldo,
                         CmdPlanFallo *fallo, PoaErr *err)
{
    *cuenta = (ImportStats){0};
    if (respaldo)
        *respaldo = NULL;
    set_fallo(fallo, CMD_PLAN_DATOS);
    if (!anio_valido(anio, err))
        return false;
    set_fallo(fallo, CMD_PLAN_FALLO);
    Plan *p = store_load(db, plan_id, err);
    if (!p)
        return false;
    int anio_origen = p->anio;
    if (anio == anio_origen) {
        err_set(err, "el plan abierto ya es del año %d: elija otro año", anio);
        set_fallo(fallo, CMD_PLAN_DATOS);
        plan_free(p);
        return false;
    }
    int64_t existe = 0;
    bool ok = store_plan_find(db, p->institucion, anio, &existe, err);
    if (ok && existe && !reemplazar) {
        err_set(err, "ya existe el plan de «%s» del año %d en este archivo (con --reemplazar "
                "se reemplaza, después de una copia de respaldo)", p->institucion, anio);
        set_fallo(fallo, CMD_PLAN_EXISTE);
        ok = false;
    }
    if (ok && !db_respaldo(db, "nuevo-anio", err)) {
        err_prefix(err, "No se copió el plan: falló la copia de respaldo previa");
        ok = false;
    }
    if (ok && respaldo && db_respaldo_path(db))
        *respaldo = xstrdup(db_respaldo_path(db));
    int64_t accion = 0;
    ok = ok && db_begin(db, err);
    if (!ok) {
        plan_free(p);
        return false;
    }
    /* read again inside the transaction: nobody made or removed it meanwhile */
    ok = store_plan_find(db, p->institucion, anio, &existe, err);
    char a0[16], a1[16];
    snprintf(a0, sizeof a0, "%d", anio_origen);
    snprintf(a1, sizeof a1, "%d", anio);
    char *desc = xasprintf(existe ? "Nuevo año %d desde %d (reemplaza el plan anterior de %d)"
                                  : "Nuevo año %d desde %d",
                           anio, anio_origen, anio);
    /* recorded as row images under the plan it was copied from: z there
     * removes the copy (and brings back a plan it replaced) */
    if (ok) {
        accion = store_lote_begin(db, plan_id, desc, err);
        ok = accion > 0;
    }
    if (ok && existe && !reemplazar) {
        msg_existe(p->institucion, anio, err);
        set_fallo(fallo, CMD_PLAN_EXISTE);
        ok = false;
    }
    ok = ok && (!existe || store_plan_delete(db, existe, err));
    preparar_copia(p, anio);
    ok = ok && store_merge_plan(db, p, 0, cuenta, NULL, err);
    ok = ok && store_log(db, accion, plan_id, CAMBIO_PLAN, "plan", p->id, "nuevo-anio", a0, a1,
                         desc, err);
    free(desc);
    ok = ok && store_lote_end(db, accion, err);
    if (cmd_tx_end(db, ok, err)) {
        set_fallo(fallo, CMD_PLAN_OK);
        if (nuevo_id)
            *nuevo_id = p->id;
    } else {
        ok = false;
        *cuenta = (ImportStats){0};
    }
    plan_free(p);
    return ok;
}

char *cmd_plan_cuenta_texto(const ImportStats *c)
{
    StrBuf b = {0};
    const struct {
        int n;
        const char *uno, *varios;
    } partes[] = {
        {c->unidades, "unidad", "unidades"},
        {c->ejes, "eje", "ejes"},
        {c->objetivos, "objetivo", "objetivos"},
        {c->metas, "meta operativa", "metas operativas"},
        {c->entregables, "entregable", "entregables"},
    };
    for (size_t i = 0; i < POA_ARRAY_LEN(partes); i++)
        if (partes[i].n)
            sb_appendf(&b, "%d %s, ", partes[i].n, partes[i].n == 1 ? partes[i].uno
                                                                     : partes[i].varios);
    sb_appendf(&b, "%d actividad%s", c->actividades, c->actividades == 1 ? "" : "es");
    char *s = xstrdup(sb_str(&b));
    sb_free(&b);
    return s;
}
