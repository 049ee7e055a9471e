/* seguimiento.c — the follow-up edits of a corte (real, observaciones,
 * evidencia, causa) and closing/reopening a corte: one transaction each, logged. */
#include "seguimiento.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "corte_congelado.h"
#include "store.h"
#include "util.h"

bool seguimiento_parse_real(const char *text, Valor *out, PoaErr *err)
{
    char *s = xstrdup(text);
    str_trim(s);
    if (!*s) {
        *out = (Valor){0};
        free(s);
        return true;
    }
    /* "75 %" -> "75%": the space before the sign is how many people type it */
    size_t n = strlen(s);
    if (n >= 2 && s[n - 1] == '%') {
        size_t j = n - 1;
        while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t'))
            j--;
        s[j] = '%';
        s[j + 1] = '\0';
    }
    double v;
    bool pct;
    bool ok = num_parse_pct(s, &v, &pct);
    if (!ok && strchr(s, ',') && !strchr(s, '.') && strchr(s, ',') == strrchr(s, ',')) {
        /* a decimal comma ("0,75"); "1,500" already read as thousands above */
        *strchr(s, ',') = '.';
        ok = num_parse_pct(s, &v, &pct);
    }
    if (!ok) {
        err_set(err, "«%s» no es un valor real: escriba una cantidad (479, 0.75) o un "
                "porcentaje (75%%)", text);
        free(s);
        return false;
    }
    free(s);
    if (v < 0) {
        err_set(err, "El real no puede ser negativo («%s»)", text);
        return false;
    }
    *out = (Valor){true, pct, v};
    return true;
}

/* The rule is corte_congelado.c's; the interface reads it through here. */
const char *seguimiento_corte_bloqueado(const Plan *p, int corte, char *buf, size_t n)
{
    return corte_congelado_motivo(p, corte, buf, n);
}

static bool valor_igual(const Valor *a, const Valor *b)
{
    if (a->has != b->has)
        return false;
    return !a->has || (a->pct == b->pct && a->valor == b->valor);
}

static const char *actividad_nombre(const Plan *p, int node, char *buf, size_t n)
{
    const Node *nd = &p->nodes[node];
    const char *u = nd->unidad >= 0 ? p->unidades[nd->unidad].nombre : "";
    snprintf(buf, n, "«%s» (%s)", *nd->codigo ? nd->codigo : nd->texto, u);
    return buf;
}

static bool check_target(const Plan *p, int node, int corte, PoaErr *err)
{
    if (corte < 1 || corte > POA_TRIMESTRES) {
        err_set(err, "El corte debe ser un trimestre de 1 a 4, no %d", corte);
        return false;
    }
    if (node <= 0 || node >= p->nnodes || p->nodes[node].kind != NODE_ACTIVIDAD ||
        p->nodes[node].deleted) {
        err_set(err, "El seguimiento se registra en una actividad");
        return false;
    }
    return !corte_congelado_seguimiento(p, corte, err);
}

bool seguimiento_editar(Db *db, Plan *p, int node, int corte, const SegCambio *c,
                        int *cambios, PoaErr *err)
{
    if (cambios)
        *cambios = 0;
    if (!check_target(p, node, corte, err))
        return false;
    Actividad *a = plan_act(p, node);
    Seguimiento *cur = &a->seg[corte - 1];
    bool ch_real = c->set_real && !valor_igual(&c->real, &cur->real);
    bool ch_obs = c->observaciones && strcmp(c->observaciones, cur->observaciones) != 0;
    bool ch_evi = c->evidencia && strcmp(c->evidencia, cur->evidencia) != 0;
    bool ch_cau = c->causa && strcmp(c->causa, cur->causa) != 0;
    int n = ch_real + ch_obs + ch_evi + ch_cau;
    if (n == 0)
        return true;   /* nothing to write: not an action, no log row */
    /* Excel's limit for a cell (the report would refuse it later) */
    bool obs_largo = ch_obs && cmd_texto_largo(c->observaciones) > CMD_TEXTO_MAX;
    if (ch_cau && !obs_largo && cmd_texto_largo(c->causa) > CMD_TEXTO_MAX) {
        char nom[512];
        err_set(err, "Causa y medida correctiva del corte %d de la actividad %s: el texto "
                "tiene %zu caracteres y una celda de Excel admite hasta 32.767; acórtelo",
                corte, actividad_nombre(p, node, nom, sizeof nom), cmd_texto_largo(c->causa));
        return false;
    }
    if (obs_largo || (ch_evi && cmd_texto_largo(c->evidencia) > CMD_TEXTO_MAX)) {
        char nom[512];
        err_set(err, "%s del corte %d de la actividad %s: el texto tiene %zu caracteres y una "
                "celda de Excel admite hasta 32.767; acórtelo",
                obs_largo ? "Observaciones" : "Evidencia", corte,
                actividad_nombre(p, node, nom, sizeof nom),
                cmd_texto_largo(obs_largo ? c->observaciones : c->evidencia));
        return false;
    }

    Seguimiento nuevo = *cur;   /* shares the unchanged strings */
    if (ch_real)
        nuevo.real = c->real;
    if (ch_obs)
        nuevo.observaciones = xstrdup(c->observaciones);
    if (ch_evi)
        nuevo.evidencia = xstrdup(c->evidencia);
    if (ch_cau)
        nuevo.causa = xstrdup(c->causa);

    int64_t fila = p->nodes[node].id;
    char nombre[512], desc[700], campo[32];
    actividad_nombre(p, node, nombre, sizeof nombre);
    snprintf(desc, sizeof desc, "Seguimiento del corte %d de la actividad %s", corte, nombre);
    bool ok = db_begin(db, err);
    if (ok) {
        /* another process (poa corte cerrar) may have closed the corte since
         * the plan was loaded: the file decides, inside this transaction */
        ok = store_load_corte(db, p, corte, err) && !corte_congelado_seguimiento(p, corte, err);
    }
    if (ok) {
        /* store writes what the model holds: lend it the new values for the
         * statement and take them back at once, so the model itself changes
         * only after the commit */
        Seguimiento viejo = *cur;
        *cur = nuevo;
        ok = store_save_seguimiento(db, p, node, corte, &viejo, err);
        *cur = viejo;
        int64_t accion = db_new_accion(db);
        if (ok && ch_real) {
            char b1[64], b2[64];
            snprintf(campo, sizeof campo, "corte%d.real", corte);
            ok = store_log(db, accion, p->id, CAMBIO_SEGUIMIENTO, "seguimiento", fila, campo,
                           cur->real.has ? valor_format(&cur->real, b1, sizeof b1) : NULL,
                           nuevo.real.has ? valor_format(&nuevo.real, b2, sizeof b2) : NULL,
                           desc, err);
        }
        if (ok && ch_obs) {
            snprintf(campo, sizeof campo, "corte%d.observaciones", corte);
            ok = store_log(db, accion, p->id, CAMBIO_SEGUIMIENTO, "seguimiento", fila, campo,
                           cur->observaciones, nuevo.observaciones, desc, err);
        }
        if (ok && ch_evi) {
            snprintf(campo, sizeof campo, "corte%d.evidencia", corte);
            ok = store_log(db, accion, p->id, CAMBIO_SEGUIMIENTO, "seguimiento", fila, campo,
                           cur->evidencia, nuevo.evidencia, desc, err);
        }
        if (ok && ch_cau) {
            snprintf(campo, sizeof campo, "corte%d.causa", corte);
            ok = store_log(db, accion, p->id, CAMBIO_SEGUIMIENTO, "seguimiento", fila, campo,
                           cur->causa, nuevo.causa, desc, err);
        }
        if (ok)
            ok = db_commit(db, err);
        else
            db_rollback(db);
    } else {
        db_rollback(db);
    }
    if (!ok) {
        if (ch_obs)
            free(nuevo.observaciones);
        if (ch_evi)
            free(nuevo.evidencia);
        if (ch_cau)
            free(nuevo.causa);
        if (store_es_conflicto(err)) {
            /* another program wrote this row: show the file's values */
            PoaErr e2 = {{0}};
            if (!store_reload_node(db, p, node, &e2))
                err_set(err, "%s", e2.msg);
        }
        err_prefix(err, "No se guardó el seguimiento de %s", nombre);
        return false;
    }
    if (ch_obs)
        str_free(cur->observaciones);
    if (ch_evi)
        str_free(cur->evidencia);
    if (ch_cau)
        str_free(cur->causa);
    *cur = nuevo;
    /* the fields this edit did not touch may have been written by another
     * program (poa seguimiento beside a stale copy): show the file's row */
    PoaErr e2 = {{0}};
    store_reload_node(db, p, node, &e2);
    if (cambios)
        *cambios = n;
    return true;
}

bool seguimiento_set_real(Db *db, Plan *p, int node, int corte, const char *text, PoaErr *err)
{
    SegCambio c = {.set_real = true};
    if (!seguimiento_parse_real(text, &c.real, err))
        return false;
    return seguimiento_editar(db, p, node, corte, &c, NULL, err);
}

bool seguimiento_set_observaciones(Db *db, Plan *p, int node, int corte, const char *text,
                                   PoaErr *err)
{
    SegCambio c = {.observaciones = text ? text : ""};
    return seguimiento_editar(db, p, node, corte, &c, NULL, err);
}

bool seguimiento_set_evidencia(Db *db, Plan *p, int node, int corte, const char *text,
                               PoaErr *err)
{
    SegCambio c = {.evidencia = text ? text : ""};
    return seguimiento_editar(db, p, node, corte, &c, NULL, err);
}

bool seguimiento_set_causa(Db *db, Plan *p, int node, int corte, const char *text, PoaErr *err)
{
    SegCambio c = {.causa = text ? text : ""};
    return seguimiento_editar(db, p, node, corte, &c, NULL, err);
}

/* Writes corte state ne in one transaction with its log rows; installs it
 * in the model after the commit. Takes ownership of ne's strings. */
static bool corte_guardar(Db *db, Plan *p, int corte, CorteEstado *ne, const char *desc,
                          const char *motivo, PoaErr *err)
{
    CorteEstado *cur = &p->cortes[corte - 1];
    bool ok = db_begin(db, err);
    if (ok) {
        CorteEstado viejo = *cur;
        /* recorded with row images: z closes or reopens it back */
        int64_t accion = store_lote_begin(db, p->id, desc, err);
        ok = accion != 0;
        if (ok) {
            *cur = *ne;
            ok = store_save_corte(db, p, corte, err);
            *cur = viejo;
        }
        if (ok)
            ok = store_log(db, accion, p->id, CAMBIO_CORTE, "corte", corte, "estado",
                           cur->cerrado ? "cerrado" : "abierto",
                           ne->cerrado ? "cerrado" : "abierto", desc, err);
        if (ok && motivo)
            ok = store_log(db, accion, p->id, CAMBIO_CORTE, "corte", corte, "motivo",
                           cur->motivo, motivo, desc, err);
        ok = ok && store_lote_end(db, accion, err);
        if (ok)
            ok = db_commit(db, err);
        else
            db_rollback(db);
    }
    if (!ok) {
        free(ne->cerrado_por);
        free(ne->cerrado_en);
        free(ne->motivo);
        return false;
    }
    free(cur->cerrado_por);
    free(cur->cerrado_en);
    free(cur->motivo);
    *cur = *ne;
    return true;
}

bool seguimiento_cerrar_corte(Db *db, Plan *p, int corte, PoaErr *err)
{
    if (corte < 1 || corte > POA_TRIMESTRES) {
        err_set(err, "El corte debe ser un trimestre de 1 a 4, no %d", corte);
        return false;
    }
    const CorteEstado *cur = &p->cortes[corte - 1];
    if (cur->cerrado) {
        err_set(err, "El corte %d ya está cerrado desde %.10s por %s", corte, cur->cerrado_en,
                cur->cerrado_por);
        return false;
    }
    /* closing freezes a quarter's figures for the board: a copy of the
     * file as it was comes first, for the CLI and the interface alike */
    char motivo[16];
    snprintf(motivo, sizeof motivo, "corte%d", corte);
    if (!db_respaldo(db, motivo, err)) {
        err_prefix(err, "No se cerró el corte %d: falló la copia de respaldo previa", corte);
        return false;
    }
    char now[32];
    CorteEstado ne = {true, xstrdup(user_name()), xstrdup(now_text(now, sizeof now)),
                      xstrdup(cur->motivo)};
    char desc[64];
    snprintf(desc, sizeof desc, "Cierre del corte %d", corte);
    if (!corte_guardar(db, p, corte, &ne, desc, NULL, err)) {
        err_prefix(err, "No se cerró el corte %d", corte);
        return false;
    }
    return true;
}

bool seguimiento_reabrir_corte(Db *db, Plan *p, int corte, const char *motivo, PoaErr *err)
{
    if (corte < 1 || corte > POA_TRIMESTRES) {
        err_set(err, "El corte debe ser un trimestre de 1 a 4, no %d", corte);
        return false;
    }
    char *m = xstrdup(motivo);
    str_trim(m);
    if (!*m) {
        free(m);
        err_set(err, "Para reabrir el corte %d hay que indicar el motivo (queda en el "
                "registro de cambios)", corte);
        return false;
    }
    const CorteEstado *cur = &p->cortes[corte - 1];
    if (!cur->cerrado) {
        free(m);
        err_set(err, "El corte %d no está cerrado", corte);
        return false;
    }
    /* who closed it and when stays in the change log; the row keeps the reason */
    CorteEstado ne = {false, xstrdup(""), xstrdup(""), m};
    char *desc = xasprintf("Reapertura del corte %d: %s", corte, m);
    bool ok = corte_guardar(db, p, corte, &ne, desc, m, err);
    free(desc);
    if (!ok) {
        err_prefix(err, "No se reabrió el corte %d", corte);
        return false;
    }
    return true;
}

int seguimiento_buscar_actividad(const Plan *p, const char *codigo, const char *unidad,
                                 PoaErr *err)
{
    int u = -1;
    if (!str_empty(unidad)) {
        u = plan_find_unidad(p, unidad);
        if (u < 0) {
            err_set(err, "El plan no tiene una unidad llamada «%s»", unidad);
            return -1;
        }
    }
    int found = -1, count = 0;
    StrBuf donde = {0};
    for (int i = 0; i < p->nacts; i++) {
        int node = p->acts[i].node;
        const Node *n = &p->nodes[node];
        if (n->deleted || strcmp(n->codigo, codigo) != 0 || (u >= 0 && n->unidad != u))
            continue;
        if (count++ == 0)
            found = node;
        if (count <= 5)
            sb_appendf(&donde, "%s«%s»", count > 1 ? ", " : "",
                       n->unidad >= 0 ? p->unidades[n->unidad].nombre : "");
    }
    if (count == 0) {
        if (u >= 0)
            err_set(err, "La unidad «%s» no tiene una actividad con código «%s»", unidad,
                    codigo);
        else
            err_set(err, "El plan no tiene una actividad con código «%s»", codigo);
        found = -1;
    } else if (count > 1) {
        if (u >= 0)
            err_set(err, "El código «%s» se repite %d veces en «%s»: no se sabe cuál "
                    "actividad editar (corrija el código duplicado)", codigo, count, unidad);
        else
            err_set(err, "El código «%s» está en %d actividades (%s%s): indique la unidad "
                    "con --unidad", codigo, count, sb_str(&donde), count > 5 ? "…" : "");
        found = -1;
    }
    sb_free(&donde);
    return found;
}
