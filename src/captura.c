/* captura.c — a filled capture workbook back in: its identification read
 * and checked against the plan and table captura, every row compared with
 * what poa had when it went out and what poa holds now, and the file applied
 * in one transaction logged as seguimiento edits coming from that file. */
#include "captura.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calc.h"
#include "corte_congelado.h"
#include "libro.h"
#include "seguimiento.h"
#include "store.h"
#include "store_captura.h"
#include "u8.h"

/* Columns of the Captura sheet the import reads (xlsx_captura.c). */
enum { C_COD = 0, C_REAL = 9, C_CAUSA = 11, C_OBS = 12, C_EVID = 13, C_ID = 14 };

static const char *const CLASE[CAP_NCLASES] = {
    "nuevo real", "real cambiado", "observaciones cambiadas", "sin cambios", "no vencida",
    "sin reporte", "valor inválido", "actividad eliminada del plan", "fila borrada del libro",
    "conflicto", "amarillo o rojo sin causa",
};

const char *captura_clase_nombre(CapturaClase c)
{
    return (unsigned)c < CAP_NCLASES ? CLASE[c] : "";
}

void captura_resultado_free(CapturaResultado *r)
{
    if (!r)
        return;
    free(r->ruta);
    free(r->rechazo);
    free(r->unidad);
    lineas_free(&r->filas);
    memset(r, 0, sizeof *r);
}

/* ---- reading the workbook ---- */

typedef struct {
    /* from the hidden sheet: what poa had when the workbook went out */
    int64_t id;
    char *codigo, *huella, *real, *obs, *evid, *causa;
    /* from the Captura sheet */
    bool visto;
    CeldaTipo tipo;
    NumFormato formato;
    double num;
    char *texto, *w_obs, *w_evid, *w_causa;
    char lugar[300], lugar_causa[300];   /* the REAL and the cause cells */
} Reg;

/* An id and where it is, sorted by id: rows and activities are found by
 * bsearch, so a unit of thousands of activities costs n log n, not n². */
typedef struct {
    int64_t id;
    int pos;
} IdPos;

static int cmp_idpos(const void *a, const void *b)
{
    int64_t x = ((const IdPos *)a)->id, y = ((const IdPos *)b)->id;
    return (x > y) - (x < y);
}

static int idpos_buscar(const IdPos *v, int n, int64_t id)
{
    IdPos k = {id, 0};
    const IdPos *h = n ? bsearch(&k, v, (size_t)n, sizeof *v, cmp_idpos) : NULL;
    return h ? h->pos : -1;
}

typedef struct {
    char *campo[10];   /* marca, plan_id, institucion, anio, corte, unidad_id, unidad, huella, hoja, enviada_en */
    Reg *regs;
    int nregs;
    IdPos *orden;   /* regs by id */
} Ident;

static const char *const CAMPOS[10] = {CAPTURA_MARCA, "plan_id", "institucion", "anio",
                                       "corte", "unidad_id", "unidad", "huella", "hoja",
                                       "enviada_en"};

static void ident_free(Ident *id)
{
    for (int i = 0; i < 10; i++)
        free(id->campo[i]);
    for (int i = 0; i < id->nregs; i++) {
        Reg *g = &id->regs[i];
        free(g->codigo), free(g->huella), free(g->real), free(g->obs), free(g->evid);
        free(g->causa), free(g->texto), free(g->w_obs), free(g->w_evid), free(g->w_causa);
    }
    free(id->regs);
    free(id->orden);
}

static const char *celda_txt(const Fila *f, int c)
{
    return c < f->nceldas ? f->celdas[c].texto : "";
}

static int hoja_de(const Libro *l, const char *nombre)
{
    for (int h = 0; h < libro_nhojas(l); h++)
        if (strcmp(libro_hoja_nombre(l, h), nombre) == 0)
            return h;
    return -1;
}

/* The hidden sheet: 10 named fields, a header, one record per activity. */
static bool leer_ident(Libro *l, Ident *id, PoaErr *err)
{
    int h = hoja_de(l, CAPTURA_HOJA_ID);
    if (h < 0 || !libro_hoja(l, h, err))
        return false;
    Fila f;
    int rc, k = 0;
    bool cab = false;
    int cap = 0;
    while ((rc = libro_fila(l, &f, err)) == 1) {
        const char *a = celda_txt(&f, 0);
        if (!cab) {
            for (int i = 0; i < 10; i++)
                if (strcmp(a, CAMPOS[i]) == 0 && !id->campo[i]) {
                    id->campo[i] = xstrdup(celda_txt(&f, 1));
                    k++;
                }
            cab = strcmp(a, "actividad_id") == 0;
            continue;
        }
        double v;
        if (!num_parse(a, &v))
            continue;
        if (id->nregs == cap) {
            cap = cap ? cap * 2 : 32;
            id->regs = xrealloc(id->regs, sizeof *id->regs * (size_t)cap);
        }
        Reg *g = &id->regs[id->nregs++];
        memset(g, 0, sizeof *g);
        g->id = (int64_t)v;
        g->codigo = xstrdup(celda_txt(&f, 1));
        g->huella = xstrdup(celda_txt(&f, 2));
        g->real = xstrdup(celda_txt(&f, 3));
        g->obs = xstrdup(celda_txt(&f, 4));
        g->evid = xstrdup(celda_txt(&f, 5));
        g->causa = xstrdup(celda_txt(&f, 6));
    }
    id->orden = xcalloc((size_t)id->nregs + 1, sizeof *id->orden);
    for (int i = 0; i < id->nregs; i++)
        id->orden[i] = (IdPos){id->regs[i].id, i};
    qsort(id->orden, (size_t)id->nregs, sizeof *id->orden, cmp_idpos);
    return rc == 0 && id->campo[0] && k == 10;
}

bool captura_es_libro(const char *path)
{
    /* a CSV (the flat template) is never a capture: no reading it whole */
    if (!libro_es_libro(path))
        return false;
    PoaErr err = {{0}};
    Libro *l = libro_abrir(path, NULL, &err);
    if (!l || libro_formato(l) == LIBRO_CSV) {
        libro_cerrar(l);
        return false;
    }
    int h = hoja_de(l, CAPTURA_HOJA_ID);
    bool si = false;
    Fila f;
    if (h >= 0 && libro_hoja(l, h, &err) && libro_fila(l, &f, &err) == 1)
        si = strcmp(celda_txt(&f, 0), CAPTURA_MARCA) == 0;
    libro_cerrar(l);
    return si;
}

static Reg *reg_de(Ident *id, const char *texto)
{
    double v;
    if (!num_parse(texto, &v) || v != (double)(int64_t)v)
        return NULL;
    int i = idpos_buscar(id->orden, id->nregs, (int64_t)v);
    return i >= 0 ? &id->regs[i] : NULL;
}

/* The Captura sheet: each row found by the activity id in its hidden
 * column, wherever the unit's edits left it. */
static bool leer_captura(Libro *l, int h, Ident *id, PoaErr *err)
{
    if (!libro_hoja(l, h, err))
        return false;
    Fila f;
    int rc;
    while ((rc = libro_fila(l, &f, err)) == 1) {
        Reg *g = f.nceldas > C_ID ? reg_de(id, f.celdas[C_ID].texto) : NULL;
        if (!g || g->visto)
            continue;
        g->visto = true;
        if (f.nceldas > C_REAL) {
            const Celda *c = &f.celdas[C_REAL];
            g->tipo = c->tipo;
            g->formato = c->formato;
            g->num = c->num;
            g->texto = xstrdup(c->texto);
            libro_lugar(l, h, c, g->lugar, sizeof g->lugar);
        } else {
            g->texto = xstrdup("");
            Celda c = {.linea = f.numero, .columna = C_REAL + 1, .texto = ""};
            libro_lugar(l, h, &c, g->lugar, sizeof g->lugar);
        }
        Celda cc = {.linea = f.numero, .columna = C_CAUSA + 1, .texto = ""};
        libro_lugar(l, h, &cc, g->lugar_causa, sizeof g->lugar_causa);
        g->w_causa = xstrdup(celda_txt(&f, C_CAUSA));
        g->w_obs = xstrdup(celda_txt(&f, C_OBS));
        g->w_evid = xstrdup(celda_txt(&f, C_EVID));
    }
    return rc == 0;
}

/* ---- classifying ---- */

static bool mismo_num(const Valor *a, const Valor *b)
{
    if (a->has != b->has)
        return false;
    return !a->has || fabs(a->valor - b->valor) <= 1e-9 * fmax(1.0, fabs(a->valor));
}

/* The workbook's REAL as a Valor; false (msg set) when it is not one. */
static bool real_del_libro(const Reg *g, Valor *out, char *msg, size_t n)
{
    *out = (Valor){0};
    if (g->tipo == CELDA_VACIA)
        return true;
    if (g->tipo == CELDA_NUMERO) {
        if (g->num < 0 || !isfinite(g->num)) {
            snprintf(msg, n, "«%s» es negativo", g->texto);
            return false;
        }
        *out = (Valor){true, g->formato == NUMFMT_PORCENTAJE, g->num};
        return true;
    }
    if (g->tipo == CELDA_TEXTO) {
        char *t = xstrdup(g->texto);
        char *s = str_trim(t);
        PoaErr e = {{0}};
        bool ok = !*s || seguimiento_parse_real(s, out, &e);
        if (!ok)
            snprintf(msg, n, "«%s» no es un número", s);
        free(t);
        return ok;
    }
    snprintf(msg, n, "«%s» no es un número", g->texto);
    return false;
}

typedef struct {
    int node;
    bool ch_real, ch_obs, ch_evi, ch_cau;
    Valor real;
    char *obs, *evi, *cau;   /* borrowed from the Reg */
} Cambio;

/* The three-way rule of one field: the workbook's value w against what poa
 * had when it went out (exp) and holds now (cur). 0 keep, 1 take w, -1 a
 * conflict (both changed, differently). */
static int regla(bool w_exp, bool cur_exp, bool w_cur)
{
    if (w_exp)
        return 0;
    if (cur_exp)
        return 1;
    return w_cur ? 0 : -1;
}

/* One line of the table; lugar (the cell, NULL = none) at its end. */
static void fila(CapturaResultado *r, CapturaClase c, const Reg *g, const char *lugar,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void fila(CapturaResultado *r, CapturaClase c, const Reg *g, const char *lugar,
                 const char *fmt, ...)
{
    char det[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(det, sizeof det, fmt, ap);
    va_end(ap);
    r->n[c]++;
    /* padded by screen width: "valor inválido" has one byte more than columns */
    int pad = 26 - u8_width(CLASE[c]);
    lineas_add(&r->filas, xasprintf("  %-10s %s%*s %s%s%s", g->codigo, CLASE[c], pad > 0 ? pad : 0,
                                    "", det, lugar && lugar[0] ? " — " : "",
                                    lugar ? lugar : ""));
}

/* The live activities of the plan by id. */
static IdPos *actividades_por_id(const Plan *p, int *n)
{
    IdPos *v = xcalloc((size_t)p->nnodes + 1, sizeof *v);
    *n = 0;
    for (int i = 1; i < p->nnodes; i++)
        if (p->nodes[i].kind == NODE_ACTIVIDAD && !p->nodes[i].deleted)
            v[(*n)++] = (IdPos){p->nodes[i].id, i};
    qsort(v, (size_t)*n, sizeof *v, cmp_idpos);
    return v;
}

static const char *pct_txt(const ResultadoAct *res, char *b, size_t n)
{
    if (!res->has_pct)
        snprintf(b, n, "sin %%");
    else
        snprintf(b, n, "%ld %% %s", calc_pct_entero(res->pct), semaforo_name(res->semaforo));
    return b;
}

/* Decides every row; cambios gets what applying writes. */
static void clasificar(Plan *p, Ident *id, int corte, const CapturaImport *o,
                       CapturaResultado *r, Cambio *cambios, int *ncambios)
{
    *ncambios = 0;
    int nacts;
    IdPos *acts = actividades_por_id(p, &nacts);
    for (int i = 0; i < id->nregs; i++) {
        Reg *g = &id->regs[i];
        int node = idpos_buscar(acts, nacts, g->id);
        if (node < 0) {
            fila(r, CAP_ELIMINADA, g, NULL, "la actividad ya no está en el plan; se omite");
            continue;
        }
        if (!g->visto) {
            fila(r, CAP_FILA_BORRADA, g, NULL, "la fila de la actividad no está en la hoja «%s»",
                 CAPTURA_HOJA);
            continue;
        }
        Actividad *a = plan_act(p, node);
        const Seguimiento *cur = &a->seg[corte - 1];
        Cambio c = {.node = node};
        char msg[400] = "", nota[600] = "", b1[64], b2[64];
        Valor w, exp;
        bool valido = real_del_libro(g, &w, msg, sizeof msg);
        if (!valor_parse(g->real, &exp))
            exp = (Valor){0};
        bool conflicto = false;
        size_t at = 0;
        if (valido && w.has) {
            int k = regla(mismo_num(&w, &exp), mismo_num(&cur->real, &exp),
                          mismo_num(&w, &cur->real));
            if (k < 0 && !o->forzar) {
                conflicto = true;
                at += (size_t)snprintf(nota + at, sizeof nota - at,
                                       "real: en poa %s (cambiado después del envío), en el "
                                       "libro %s; queda el de poa (--forzar toma el del libro)",
                                       cur->real.has ? valor_format(&cur->real, b1, sizeof b1)
                                                     : "vacío",
                                       valor_format(&w, b2, sizeof b2));
            } else if (k != 0) {
                c.ch_real = true;
                c.real = w;
                if (k < 0)
                    at += (size_t)snprintf(nota + at, sizeof nota - at,
                                           "conflicto resuelto con --forzar; ");
            }
        }
        struct {
            const char *w, *exp, *cur;
            bool *ch;
            char **dst;
            const char *nombre;
        } t[3] = {{g->w_obs, g->obs, cur->observaciones, &c.ch_obs, &c.obs, "observaciones"},
                  {g->w_evid, g->evid, cur->evidencia, &c.ch_evi, &c.evi, "evidencia"},
                  {g->w_causa, g->causa, cur->causa, &c.ch_cau, &c.cau, "causa"}};
        for (int k = 0; k < 3; k++) {
            int d = regla(strcmp(t[k].w, t[k].exp) == 0, strcmp(t[k].cur, t[k].exp) == 0,
                          strcmp(t[k].w, t[k].cur) == 0);
            if (d < 0 && !o->forzar) {
                conflicto = true;
                at += (size_t)snprintf(nota + at, sizeof nota - at, "%s%s: cambiadas también en "
                                       "poa después del envío; quedan las de poa", at ? "; " : "",
                                       t[k].nombre);
            } else if (d != 0) {
                *t[k].ch = true;
                *t[k].dst = (char *)t[k].w;
            }
        }
        /* the result the row will have, with what is applied */
        Actividad tmp = *a;
        Seguimiento s = *cur;
        if (c.ch_real)
            s.real = c.real;
        s.causa = c.ch_cau ? c.cau : cur->causa;
        tmp.seg[corte - 1] = s;
        ResultadoAct res;
        calc_actividad(&tmp, corte, &o->umbrales, &res);
        char pb[64];
        pct_txt(&res, pb, sizeof pb);
        /* the unit saw its % against the targets of the export */
        char hm[17];
        captura_huella_metas(a, hm);
        const char *metas = strcmp(hm, g->huella) != 0 ? "; las metas cambiaron desde el envío"
                                                       : "";
        bool textos = c.ch_obs || c.ch_evi || c.ch_cau;
        char que[80] = "";
        if (textos)
            snprintf(que, sizeof que, "%s%s%s%s%s", c.ch_obs ? "observaciones" : "",
                     c.ch_obs && (c.ch_evi || c.ch_cau) ? ", " : "", c.ch_evi ? "evidencia" : "",
                     c.ch_evi && c.ch_cau ? ", " : "", c.ch_cau ? "causa" : "");
        if (!valido)
            fila(r, CAP_INVALIDO, g, g->lugar, "%s; el real no se toma%s%s", msg,
                 textos ? "; se toman: " : "", que);
        if (conflicto)
            fila(r, CAP_CONFLICTO, g, NULL, "%s", nota);
        if (c.ch_real)
            fila(r, cur->real.has ? CAP_REAL_CAMBIADO : CAP_NUEVO_REAL, g, g->lugar,
                 "%s%s%s%s (%s)%s%s%s", conflicto ? "" : nota,
                 cur->real.has ? valor_format(&cur->real, b1, sizeof b1) : "",
                 cur->real.has ? " → " : "", valor_format(&c.real, b2, sizeof b2), pb, metas,
                 textos ? "; también " : "", que);
        /* a row without a real says its state first: that is what counts */
        if (!c.ch_real && valido && !(conflicto && !textos)) {
            char est[120];
            if (res.estado == ESTADO_NO_VENCIDA && !s.real.has)
                fila(r, CAP_NO_VENCIDA, g, NULL, "%s%s%s",
                     calc_nota_estado(&tmp, &res, est, sizeof est), textos ? "; se toman: " : "",
                     que);
            else if (res.estado == ESTADO_SIN_REPORTE)
                fila(r, CAP_SIN_REPORTE, g, g->lugar, "sin real en el libro ni en poa (cuenta "
                     "0 %%)%s%s", textos ? "; se toman: " : "", que);
            else if (textos)
                fila(r, CAP_TEXTO_CAMBIADO, g, NULL, "%s", que);
            else if (!conflicto)
                fila(r, CAP_SIN_CAMBIOS, g, NULL, "%s%s", pb, metas);
        }
        if (res.estado == ESTADO_REPORTADA &&
            (res.semaforo == SEM_ROJO || res.semaforo == SEM_AMARILLO) && !*s.causa)
            fila(r, CAP_SIN_CAUSA, g, g->lugar_causa, "%s y sin «Causa y medida correctiva»", pb);
        if (c.ch_real || textos)
            cambios[(*ncambios)++] = c;
    }
    free(acts);
}

/* ---- applying ---- */

static bool aplicar(Db *db, Plan *p, int corte, const char *ruta, int64_t captura_id,
                    Cambio *cs, int n, PoaErr *err)
{
    if (!db_begin(db, err))
        return false;
    bool ok = store_load_corte(db, p, corte, err) && !corte_congelado_seguimiento(p, corte, err);
    int64_t accion = db_new_accion(db);
    for (int i = 0; ok && i < n; i++) {
        Cambio *c = &cs[i];
        Seguimiento *cur = &plan_act(p, c->node)->seg[corte - 1];
        Seguimiento viejo = *cur, nuevo = *cur;
        if (c->ch_real)
            nuevo.real = c->real;
        if (c->ch_obs)
            nuevo.observaciones = c->obs;
        if (c->ch_evi)
            nuevo.evidencia = c->evi;
        if (c->ch_cau)
            nuevo.causa = c->cau;
        *cur = nuevo;
        ok = store_save_seguimiento(db, p, c->node, corte, &viejo, err);
        *cur = viejo;
        char campo[32], b1[64], b2[64];
        const Node *nd = &p->nodes[c->node];
        /* built whole: a fixed buffer would cut a text inside a character */
        char *desc = xasprintf("Captura «%s»: seguimiento del corte %d de la actividad %s", ruta,
                               corte, nd->codigo[0] ? nd->codigo : nd->texto);
        int64_t fila_id = nd->id;
        if (ok && c->ch_real) {
            snprintf(campo, sizeof campo, "corte%d.real", corte);
            ok = store_log(db, accion, p->id, CAMBIO_SEGUIMIENTO, "seguimiento", fila_id, campo,
                           viejo.real.has ? valor_format(&viejo.real, b1, sizeof b1) : NULL,
                           valor_format(&nuevo.real, b2, sizeof b2), desc, err);
        }
        const struct {
            bool ch;
            const char *nombre, *antes, *despues;
        } t[3] = {{c->ch_obs, "observaciones", viejo.observaciones, nuevo.observaciones},
                  {c->ch_evi, "evidencia", viejo.evidencia, nuevo.evidencia},
                  {c->ch_cau, "causa", viejo.causa, nuevo.causa}};
        for (int k = 0; ok && k < 3; k++) {
            if (!t[k].ch)
                continue;
            snprintf(campo, sizeof campo, "corte%d.%s", corte, t[k].nombre);
            ok = store_log(db, accion, p->id, CAMBIO_SEGUIMIENTO, "seguimiento", fila_id, campo,
                           t[k].antes, t[k].despues, desc, err);
        }
        free(desc);
    }
    char ahora[32];
    ok = ok && store_captura_recibir(db, captura_id, now_text(ahora, sizeof ahora), ruta, err);
    ok = ok && db_commit(db, err);
    if (!ok) {
        db_rollback(db);
        for (int i = 0; i < n; i++) {
            PoaErr e2 = {{0}};
            store_reload_node(db, p, cs[i].node, &e2);
        }
        return false;
    }
    for (int i = 0; i < n; i++) {   /* the model follows the commit */
        Cambio *c = &cs[i];
        Seguimiento *cur = &plan_act(p, c->node)->seg[corte - 1];
        if (c->ch_real)
            cur->real = c->real;
        if (c->ch_obs)
            str_replace(&cur->observaciones, c->obs);
        if (c->ch_evi)
            str_replace(&cur->evidencia, c->evi);
        if (c->ch_cau)
            str_replace(&cur->causa, c->cau);
    }
    return true;
}

static void rechazar(CapturaResultado *r, char *msg)
{
    free(r->rechazo);
    r->rechazo = msg;
}

bool captura_importar(Db *db, Plan *p, const char *path, const CapturaImport *o,
                      CapturaResultado *r, PoaErr *err)
{
    memset(r, 0, sizeof *r);
    r->ruta = xstrdup(path);
    r->unidad = xstrdup("");
    PoaErr le = {{0}};
    Libro *l = libro_abrir(path, NULL, &le);
    if (!l) {
        rechazar(r, xstrdup(le.msg));
        return true;
    }
    Ident id = {0};
    bool ok = true;
    if (!leer_ident(l, &id, &le)) {
        rechazar(r, le.msg[0] ? xstrdup(le.msg)
                              : xasprintf("no es un libro de captura de poa (falta su hoja "
                                          "oculta «%s» o está incompleta)", CAPTURA_HOJA_ID));
        goto fin;
    }
    enum { I_PLAN = 1, I_INST, I_ANIO, I_CORTE, I_UID, I_UNIDAD, I_HUELLA, I_HOJA };
    double anio = 0, corte = 0, uid = 0, pid = 0;
    num_parse(id.campo[I_ANIO], &anio);
    num_parse(id.campo[I_CORTE], &corte);
    num_parse(id.campo[I_UID], &uid);
    num_parse(id.campo[I_PLAN], &pid);
    r->corte = (int)corte;
    str_replace(&r->unidad, id.campo[I_UNIDAD]);
    if (strcmp(id.campo[I_INST], p->institucion) != 0 || (int)anio != p->anio) {
        rechazar(r, xasprintf("es del plan de «%s» %d, no de «%s» %d", id.campo[I_INST],
                              (int)anio, p->institucion, p->anio));
        goto fin;
    }
    CapturaFila cap;
    bool found = false;
    if (!store_captura_buscar(db, id.campo[I_HUELLA], &cap, &found, err)) {
        ok = false;
        goto fin;
    }
    if (!found || cap.plan_id != p->id || (int64_t)pid != p->id) {
        rechazar(r, xasprintf("no salió de este archivo de plan: su huella %s no está "
                              "registrada (¿se exportó de otra copia del plan?)",
                              id.campo[I_HUELLA]));
        goto fin;
    }
    int u = plan_find_unidad_id(p, cap.unidad_id);
    if (cap.unidad_id != (int64_t)uid || cap.corte != (int)corte || u < 0) {
        rechazar(r, xasprintf("su identificación no coincide con la registrada al exportarlo "
                              "(unidad o corte alterados)"));
        goto fin;
    }
    str_replace(&r->unidad, p->unidades[u].nombre);
    if (o->unidad && o->unidad[0] && strcmp(o->unidad, p->unidades[u].nombre) != 0) {
        rechazar(r, xasprintf("es el libro de la unidad «%s», no de «%s» (--unidad)",
                              p->unidades[u].nombre, o->unidad));
        goto fin;
    }
    if (o->corte && o->corte != cap.corte) {
        rechazar(r, xasprintf("es del corte %d (%s), no del corte %d (%s) que se importa "
                              "(--corte)", cap.corte, POA_TRIM_RANGO[cap.corte - 1], o->corte,
                              POA_TRIM_RANGO[o->corte - 1]));
        goto fin;
    }
    PoaErr ce = {{0}};
    if (corte_congelado_seguimiento(p, cap.corte, &ce)) {
        rechazar(r, xstrdup(ce.msg));
        goto fin;
    }
    int h = hoja_de(l, id.campo[I_HOJA]);
    if (h < 0) {
        rechazar(r, xasprintf("falta la hoja «%s» que llena la unidad", id.campo[I_HOJA]));
        goto fin;
    }
    if (!leer_captura(l, h, &id, &le)) {
        rechazar(r, xstrdup(le.msg));
        goto fin;
    }
    Cambio *cs = xcalloc((size_t)id.nregs + 1, sizeof *cs);
    int n = 0;
    clasificar(p, &id, cap.corte, o, r, cs, &n);
    if (!o->simular) {
        PoaErr ae = {{0}};
        if (aplicar(db, p, cap.corte, path, cap.id, cs, n, &ae)) {
            r->aplicado = true;
            r->aplicadas = n;
        } else {
            rechazar(r, xasprintf("no se aplicó: %s", ae.msg));
        }
    }
    free(cs);
fin:
    ident_free(&id);
    libro_cerrar(l);
    return ok;
}

void captura_resultado_texto(const CapturaResultado *r, StrBuf *out)
{
    if (r->rechazo) {
        sb_appendf(out, "«%s»: rechazado: %s\n", r->ruta, r->rechazo);
        return;
    }
    sb_appendf(out, "«%s»: %s, corte %d (%s)\n", r->ruta, r->unidad, r->corte,
               r->corte >= 1 && r->corte <= 4 ? POA_TRIM_RANGO[r->corte - 1] : "?");
    for (int i = 0; i < r->filas.n; i++)
        sb_appendf(out, "%s\n", r->filas.lineas[i]);
    sb_append(out, "  resumen:");
    bool primero = true;
    for (int c = 0; c < CAP_NCLASES; c++)
        if (r->n[c]) {
            sb_appendf(out, "%s %s %d", primero ? "" : " ·", CLASE[c], r->n[c]);
            primero = false;
        }
    if (primero)
        sb_append(out, " sin filas");
    sb_append(out, "\n");
}
