/* verificar.c — the plan checks (errors that would put a wrong number in
 * front of the board, avisos for the rest) and their text and JSON output.
 * One pass over the actividades plus a hash of codes: linear in the plan. */
#include "verificar.h"

#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plancsv.h"
#include "strmap.h"
#include "u8.h"
#include "unificar.h"

const char *severidad_name(Severidad s)
{
    return s == SEV_ERROR ? "error" : "aviso";
}

static void add(Hallazgos *h, Severidad sev, const char *regla, int unidad, int node,
                const char *codigo, const char *campo, const char *valor, char *mensaje,
                char *sugerencia)
{
    if (h->n == h->cap) {
        h->cap = h->cap ? h->cap * 2 : 32;
        h->v = xrealloc(h->v, sizeof *h->v * (size_t)h->cap);
    }
    h->v[h->n++] = (Hallazgo){sev,
                              regla,
                              unidad,
                              node,
                              xstrdup(codigo),
                              xstrdup(campo),
                              xstrdup(valor),
                              mensaje,
                              sugerencia ? sugerencia : xstrdup("")};
    if (sev == SEV_ERROR)
        h->errores++;
    else
        h->avisos++;
}

void hallazgos_free(Hallazgos *h)
{
    if (!h)
        return;
    for (int i = 0; i < h->n; i++) {
        free(h->v[i].codigo);
        free(h->v[i].campo);
        free(h->v[i].valor);
        free(h->v[i].mensaje);
        free(h->v[i].sugerencia);
    }
    free(h->v);
    calc_rollup_free(h->rollup);
    memset(h, 0, sizeof *h);
}

/* ---- the rules ---- */

static bool meta_en_porcentaje(const Actividad *a)
{
    if (a->tipo == TIPO_PORCENTAJE || (a->meta_anual.has && a->meta_anual.pct))
        return true;
    for (int q = 0; q < POA_TRIMESTRES; q++)
        if (a->trim[q].has && a->trim[q].pct)
            return true;
    return false;
}

bool verificar_real_desajuste(const Actividad *a, const Valor *real, char *msg, size_t n)
{
    if (!a || !real || !real->has || a->tipo == TIPO_HITO || calc_fuente(a) == FUENTE_NINGUNA)
        return false;
    char b1[64], b2[64];
    if (meta_en_porcentaje(a)) {
        /* 0.75 is 75 %; a bare 75 is 7500 % — nobody means that */
        if (!real->pct && real->valor > 1.5) {
            snprintf(msg, n, "el real «%s» no lleva %% y la meta es un porcentaje: se "
                     "calcularía como %s %%; escriba «%s%%» o la fracción",
                     num_format(real->valor, b1, sizeof b1),
                     num_format(real->valor * 100, b2, sizeof b2), b1);
            return true;
        }
        return false;
    }
    bool has;
    double anual = calc_meta_anual(a, &has);
    /* a count of things (4, 2037): "75%" is not a count. Targets of 1 or
     * less (0.2 + 0.3 … of one deliverable) read a percentage as a fraction. */
    if (real->pct && has && anual > 1.5) {
        snprintf(msg, n, "el real «%s» está escrito como porcentaje y la meta es una "
                 "cantidad (%s): escriba la cantidad lograda",
                 valor_format(real, b1, sizeof b1), num_format(anual, b2, sizeof b2));
        return true;
    }
    return false;
}

static const char *const ORDINAL[POA_TRIMESTRES] = {"primer", "segundo", "tercer", "cuarto"};

typedef struct {
    Hallazgos *h;
    int corte;
    const Umbrales *u;
    StrMap codigos;   /* "unidad\x1fcódigo" -> first node */
    StrBuf k;
} Ctx;

static void formula(const Actividad *a, const ResultadoAct *r, char *buf, size_t n)
{
    char b1[64], b2[64];
    bool pct = meta_en_porcentaje(a);
    Valor vr = {true, pct, r->real}, vp = {true, pct, r->programado};
    snprintf(buf, n, "%s ÷ %s", valor_format(&vr, b1, sizeof b1),
             valor_format(&vp, b2, sizeof b2));
}

static void check_corte(Ctx *x, Plan *p, int node, const Actividad *a)
{
    const Node *nd = &p->nodes[node];
    int corte = x->corte;
    const Seguimiento *s = &a->seg[corte - 1];
    ResultadoAct r;
    calc_actividad(a, corte, x->u, &r);
    char vb[64], msg[512], f[160];
    const char *vreal = s->real.has ? valor_format(&s->real, vb, sizeof vb) : "";

    if (s->real.has && verificar_real_desajuste(a, &s->real, msg, sizeof msg))
        add(x->h, SEV_ERROR, "real_unidad", nd->unidad, node, nd->codigo, "real", vreal,
            xasprintf("Real al corte %d: %s.", corte, msg), NULL);

    if (s->real.has && s->real.valor != 0.0 &&
        (r.estado == ESTADO_NO_VENCIDA || r.estado == ESTADO_SIN_META)) {
        int q = calc_primer_trimestre(a);
        char *m = r.estado == ESTADO_SIN_META
                      ? xasprintf("Se reporta un real de %s, pero la actividad no tiene "
                                  "ninguna meta programada.", vreal)
                      : xasprintf("Se reporta un real de %s al corte %d, pero no había nada "
                                  "programado hasta ese corte (la meta empieza en el %s "
                                  "trimestre): el avance no se juzga ni entra en los "
                                  "consolidados.", vreal, corte, ORDINAL[q > 0 ? q - 1 : 3]);
        add(x->h, SEV_AVISO, "real_sin_programar", nd->unidad, node, nd->codigo, "real", vreal,
            m, NULL);
    }

    if (r.estado == ESTADO_SIN_REPORTE) {
        char b[64];
        Valor vp = {true, meta_en_porcentaje(a), r.programado};
        add(x->h, SEV_AVISO, "sin_reporte", nd->unidad, node, nd->codigo, "real", "",
            xasprintf("Vencida y sin reporte al corte %d (programado acumulado %s): cuenta "
                      "como 0 %%.", corte, valor_format(&vp, b, sizeof b)),
            NULL);
    }

    if (*s->pct_publicado) {
        double pub;
        if (!num_parse_publicado(s->pct_publicado, &pub)) {
            add(x->h, SEV_AVISO, "pct_publicado_ilegible", nd->unidad, node, nd->codigo,
                "pct_publicado", s->pct_publicado,
                xasprintf("El %% publicado «%s» no es un porcentaje legible; no se pudo "
                          "comparar con el calculado.", s->pct_publicado),
                NULL);
            return;
        }
        long pw = calc_pct_entero(pub);
        if (!r.has_pct) {
            /* the documents publish "0%" for what is not due yet: that is fine */
            if (pw != 0) {
                const char *por = r.estado == ESTADO_SIN_META
                                      ? "la actividad no tiene metas"
                                      : "no había nada programado hasta el corte";
                add(x->h, SEV_ERROR, "pct_publicado", nd->unidad, node, nd->codigo,
                    "pct_publicado", s->pct_publicado,
                    xasprintf("Se publicó %ld %% al corte %d, pero %s: no hay %% que "
                              "publicar.", pw, corte, por),
                    NULL);
            }
            return;
        }
        long cw = calc_pct_entero(r.pct);
        if (pw != cw) {
            if (r.estado == ESTADO_SIN_REPORTE)
                snprintf(f, sizeof f, "sin real reportado");
            else
                formula(a, &r, f, sizeof f);
            add(x->h, SEV_ERROR, "pct_publicado", nd->unidad, node, nd->codigo,
                "pct_publicado", s->pct_publicado,
                xasprintf("El %% publicado (%ld %%) no coincide con el calculado (%ld %% = "
                          "%s).", pw, cw, f),
                NULL);
        }
    }
}

static void check_actividad(Plan *p, int node, void *ctx)
{
    Ctx *x = ctx;
    const Node *nd = &p->nodes[node];
    const Actividad *a = plan_act(p, node);
    if (!a)
        return;
    char b1[64], b2[64];
    FuenteMeta fuente = calc_fuente(a);

    if (fuente == FUENTE_NINGUNA)
        add(x->h, SEV_AVISO, "sin_meta", nd->unidad, node, nd->codigo, "cronograma", "",
            xstrdup("La actividad no tiene ningún mes en el cronograma ni metas: no se "
                    "puede medir su avance."),
            NULL);

    char *resp = xstrdup(a->responsables);
    if (!*str_trim(resp))
        add(x->h, SEV_AVISO, "responsables_vacio", nd->unidad, node, nd->codigo,
            "responsables", a->responsables,
            xstrdup("La actividad no tiene responsables."), NULL);
    free(resp);

    if (a->tipo != TIPO_HITO && a->meta_anual.has &&
        (fuente == FUENTE_MESES || fuente == FUENTE_TRIMESTRES)) {
        double sum = 0;
        StrBuf det = {0};
        for (int q = 1; q <= POA_TRIMESTRES; q++) {
            double v = calc_meta_trimestre(a, q);
            sum += v;
            Valor vq = {v != 0.0, a->meta_anual.pct, v};
            sb_appendf(&det, "%s%s", q > 1 ? " + " : "",
                       vq.has ? valor_format(&vq, b1, sizeof b1) : "—");
        }
        double ma = a->meta_anual.valor;
        if (fabs(sum - ma) > 1e-9 * (fabs(ma) > 1 ? fabs(ma) : 1)) {
            Valor vs = {true, a->meta_anual.pct, sum};
            valor_format(&a->meta_anual, b2, sizeof b2);   /* before the message reads it */
            add(x->h, SEV_AVISO, "metas_suma", nd->unidad, node, nd->codigo, "meta_anual", b2,
                xasprintf("Las metas %s suman %s (%s), pero la meta anual es %s.",
                          fuente == FUENTE_MESES ? "del cronograma por trimestre"
                                                 : "trimestrales",
                          valor_format(&vs, b1, sizeof b1), sb_str(&det), b2),
                NULL);
        }
        sb_free(&det);
    }

    if (*nd->codigo) {
        sb_clear(&x->k);
        sb_appendf(&x->k, "%d\x1f%s", nd->unidad, nd->codigo);
        bool nuevo;
        int *first = strmap_put(&x->codigos, sb_str(&x->k), node, &nuevo);
        if (!nuevo) {
            char corto[160];
            u8_fit_copy(p->nodes[*first].texto, 60, false, corto, sizeof corto);
            add(x->h, SEV_AVISO, "codigo_duplicado", nd->unidad, node, nd->codigo,
                "actividad_codigo", nd->codigo,
                xasprintf("El código «%s» se repite en la unidad (ya lo usa «%s»): las "
                          "referencias por código son ambiguas.", nd->codigo, corto),
                NULL);
        }
    }

    if (x->corte)
        check_corte(x, p, node, a);
}

/* A shell word the user can paste: double quotes unless the text needs
 * more, then single quotes with ' written as '\''. */
static void shell_quote(StrBuf *b, const char *s)
{
    if (!strpbrk(s, "\"\\$`!")) {
        sb_appendf(b, "\"%s\"", s);
        return;
    }
    sb_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '\'')
            sb_append(b, "'\\''");
        else
            sb_putc(b, *s);
    }
    sb_putc(b, '\'');
}

static void check_nombres(Plan *p, NodeKind kind, const char *archivo, Hallazgos *h)
{
    UnificarSugerencia *s;
    int n = unificar_sugerencias(p, kind, &s);
    const char *opt = kind == NODE_EJE ? "--eje" : "--objetivo";
    for (int i = 0; i < n; i++) {
        const char *a = unificar_nombre(p, s[i].origen), *b = unificar_nombre(p, s[i].destino);
        /* objetivo texts run to 200 characters: the message names them
         * briefly, the command (and the valor field) carries them whole */
        char ca[256], cb[256];
        u8_fit_copy(a, 70, false, ca, sizeof ca);
        u8_fit_copy(b, 70, false, cb, sizeof cb);
        StrBuf cmd = {0};
        sb_append(&cmd, "poa unificar ");
        shell_quote(&cmd, str_empty(archivo) ? "ARCHIVO.db" : archivo);
        sb_appendf(&cmd, " %s ", opt);
        shell_quote(&cmd, a);
        sb_append(&cmd, " --en ");
        shell_quote(&cmd, b);
        add(h, SEV_AVISO, "nombre_similar", -1, s[i].origen,
            kind == NODE_OBJETIVO ? p->nodes[s[i].origen].codigo : "",
            kind == NODE_EJE ? "eje" : "objetivo", a,
            xasprintf("El %s «%s» parece el mismo que «%s» (difieren solo en la escritura): "
                      "unifíquelos para que sus cifras se consoliden juntas.",
                      node_kind_name(kind), ca, cb),
            sb_take(&cmd));
    }
    free(s);
}

static int actividades_bajo(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    if (n->deleted)
        return 0;
    if (n->kind == NODE_ACTIVIDAD)
        return 1;
    int k = 0;
    for (int i = 0; i < n->kids.n; i++)
        k += actividades_bajo(p, n->kids.v[i]);
    return k;
}

/* Empty names the board would print: an eje without a name among named
 * ones (its activities count in the total under no eje row), and an
 * objetivo without code or text («(sin objetivo estratégico)»). A plan
 * without ejes at all (the Caja) is not a finding. */
static void check_vacios(Plan *p, Hallazgos *h)
{
    const Node *raiz = &p->nodes[0];
    bool con_nombre = false;
    for (int i = 0; i < raiz->kids.n; i++) {
        const Node *e = &p->nodes[raiz->kids.v[i]];
        con_nombre |= !e->deleted && e->texto[0];
    }
    for (int i = 0; i < raiz->kids.n; i++) {
        int e = raiz->kids.v[i];
        const Node *en = &p->nodes[e];
        int n = actividades_bajo(p, e);
        if (en->deleted || n == 0)
            continue;
        if (con_nombre && !en->texto[0])
            add(h, SEV_AVISO, "nombre_vacio", -1, e, "", "eje", "",
                xasprintf("%d %s cuelgan de un eje sin nombre mientras el plan usa ejes con "
                          "nombre: el tablero no las muestra bajo ningún eje. Escriba el eje "
                          "o mueva sus objetivos al que corresponde.",
                          n, n == 1 ? "actividad" : "actividades"),
                NULL);
        for (int j = 0; j < en->kids.n; j++) {
            int o = en->kids.v[j];
            const Node *on = &p->nodes[o];
            int k = actividades_bajo(p, o);
            if (on->deleted || k == 0 || on->codigo[0] || on->texto[0])
                continue;
            add(h, SEV_AVISO, "nombre_vacio", -1, o, "", "objetivo", "",
                xasprintf("Un objetivo estratégico sin código ni texto%s%s%s agrupa %d %s: "
                          "los informes lo muestran como «%s». Escriba su texto o mueva sus "
                          "metas al objetivo que corresponde.",
                          en->texto[0] ? " (eje «" : "", en->texto, en->texto[0] ? "»)" : "",
                          k, k == 1 ? "actividad" : "actividades", node_texto_mostrado(on)),
                NULL);
        }
    }
}

void verificar_plan(Plan *p, const VerificarOpts *o, Hallazgos *out)
{
    memset(out, 0, sizeof *out);
    Umbrales def = calc_umbrales_default();
    Ctx x = {.h = out, .u = o && o->umbrales.verde > 0 ? &o->umbrales : &def};
    x.corte = o && o->corte >= 1 && o->corte <= POA_TRIMESTRES ? o->corte
                                                               : calc_ultimo_corte_con_datos(p);
    out->corte = x.corte;
    if (x.corte)
        out->rollup = calc_rollup_new(p, x.corte, -1, x.u, o ? &o->regla : NULL);
    plan_each_actividad(p, 0, check_actividad, &x);
    strmap_free(&x.codigos);
    sb_free(&x.k);
    check_nombres(p, NODE_EJE, o ? o->archivo : NULL, out);
    check_nombres(p, NODE_OBJETIVO, o ? o->archivo : NULL, out);
    check_vacios(p, out);

    /* by unit in plan order, whole-plan findings last; stable (counting sort) */
    int nu = p->nunidades + 1;
    int *start = xcalloc((size_t)nu + 1, sizeof *start);
    for (int i = 0; i < out->n; i++) {
        int u = out->v[i].unidad >= 0 ? out->v[i].unidad : nu - 1;
        start[u + 1]++;
    }
    for (int u = 0; u < nu; u++)
        start[u + 1] += start[u];
    Hallazgo *sorted = xmalloc(sizeof *sorted * (size_t)(out->n ? out->n : 1));
    for (int i = 0; i < out->n; i++) {
        int u = out->v[i].unidad >= 0 ? out->v[i].unidad : nu - 1;
        sorted[start[u]++] = out->v[i];
    }
    free(start);
    free(out->v);
    out->v = sorted;
    out->cap = out->n ? out->n : 1;
}

/* ---- output ---- */

static const char *unidad_de(const Plan *p, int u)
{
    return u >= 0 && u < p->nunidades ? p->unidades[u].nombre : "";
}

/* The groups the consolidated figures are given for, in plan (tree) order:
 * units; ejes the plan uses; objetivos under their eje, named as the
 * reports name them (node_texto_mostrado). */
typedef void (*FiguraFn)(const Plan *p, const Rollup *r, const char *nombre, int eje,
                         const Consolidado *c, void *ctx);

static int figura_nodo(const Plan *p, const Rollup *r, int i, int eje, FiguraFn fn, void *ctx)
{
    const Node *n = &p->nodes[i];
    if (n->deleted || !r->nodo[i].n_total || plan_node_implicit(p, i))
        return 0;
    char nombre[600];
    if (*n->codigo && !*n->texto)
        snprintf(nombre, sizeof nombre, "%s", n->codigo);
    else
        snprintf(nombre, sizeof nombre, "%s%s%s", n->codigo, *n->codigo ? " " : "",
                 node_texto_mostrado(n));
    fn(p, r, nombre, eje, &r->nodo[i], ctx);
    return 1;
}

static int cada_figura(const Plan *p, const Rollup *r, NodeKind k, FiguraFn fn, void *ctx)
{
    int hechas = 0;
    if (k == NODE_RAIZ) {
        for (int u = 0; u < p->nunidades; u++)
            if (r->unid[u].n_total) {
                fn(p, r, p->unidades[u].nombre, -1, &r->unid[u], ctx);
                hechas++;
            }
        return hechas;
    }
    const Node *raiz = &p->nodes[0];
    for (int i = 0; i < raiz->kids.n; i++) {
        int e = raiz->kids.v[i];
        if (k == NODE_EJE) {
            hechas += figura_nodo(p, r, e, -1, fn, ctx);
            continue;
        }
        for (int j = 0; !p->nodes[e].deleted && j < p->nodes[e].kids.n; j++)
            hechas += figura_nodo(p, r, p->nodes[e].kids.v[j], e, fn, ctx);
    }
    return hechas;
}

static int vencidas(const Consolidado *c)
{
    return c->n_estado[ESTADO_SIN_REPORTE] + c->n_estado[ESTADO_REPORTADA];
}

static void figura_json(const Plan *p, const Rollup *r, const char *nombre, int eje,
                        const Consolidado *c, void *ctx)
{
    StrBuf *b = ((void **)ctx)[0];
    int *n = ((void **)ctx)[1];
    double pct;
    Semaforo sem = SEM_GRIS;
    bool has = calc_rollup_figura(r, c, &pct, &sem);
    sb_append(b, (*n)++ ? ",\n      {\"nombre\": " : "\n      {\"nombre\": ");
    json_string(b, nombre);
    if (eje >= 0)
        json_field(b, "eje", p->nodes[eje].texto);
    if (has)
        sb_appendf(b, ", \"pct\": %.6f", pct);
    else
        sb_append(b, ", \"pct\": null");
    json_field(b, "semaforo", semaforo_name(has ? sem : SEM_GRIS));
    sb_appendf(b, ", \"actividades\": %d, \"vencidas\": %d}", c->n_total, vencidas(c));
}

static void consolidado_json(const Plan *p, const Rollup *r, StrBuf *b)
{
    if (!r) {
        sb_append(b, "null");
        return;
    }
    int n = 0;
    void *ctx[2] = {b, &n};
    sb_append(b, "{\"institucion\": ");
    figura_json(p, r, p->institucion, -1, &r->total, ctx);
    static const struct {
        const char *clave;
        NodeKind k;
    } GRUPOS[] = {{"unidades", NODE_RAIZ}, {"ejes", NODE_EJE}, {"objetivos", NODE_OBJETIVO}};
    for (size_t g = 0; g < POA_ARRAY_LEN(GRUPOS); g++) {
        n = 0;
        sb_appendf(b, ",\n    \"%s\": [", GRUPOS[g].clave);
        cada_figura(p, r, GRUPOS[g].k, figura_json, ctx);
        sb_append(b, n ? "\n    ]" : "]");
    }
    sb_append(b, "}");
}

static void figura_texto(const Plan *p, const Rollup *r, const char *nombre, int eje,
                         const Consolidado *c, void *ctx)
{
    (void)p;
    (void)eje;
    StrBuf *b = ctx;
    double pct;
    Semaforo sem;
    if (calc_rollup_figura(r, c, &pct, &sem))
        sb_appendf(b, "  %4ld %%  %-8s", calc_pct_entero(pct), semaforo_name(sem));
    else
        sb_appendf(b, "     —  %-8s", "gris");
    sb_appendf(b, "  %s (%d de %d vencidas)\n", nombre, vencidas(c), c->n_total);
}

static void consolidado_texto(const Plan *p, const Rollup *r, StrBuf *b)
{
    if (!r)
        return;
    char regla[512];
    calc_regla_texto(&r->regla, regla, sizeof regla);
    sb_appendf(b, "\nEjecución consolidada al corte %d (%s)\n  %s\n", r->corte,
               POA_TRIM_RANGO[r->corte - 1], regla);
    figura_texto(p, r, "Toda la institución", -1, &r->total, b);
    static const struct {
        const char *titulo;
        NodeKind k;
    } GRUPOS[] = {{"Por unidad", NODE_RAIZ}, {"Por eje", NODE_EJE}, {"Por objetivo", NODE_OBJETIVO}};
    for (size_t g = 0; g < POA_ARRAY_LEN(GRUPOS); g++) {
        sb_appendf(b, "%s\n", GRUPOS[g].titulo);
        if (!cada_figura(p, r, GRUPOS[g].k, figura_texto, b))
            sb_append(b, "  (el plan no usa este nivel)\n");
    }
}

void verificar_json(const Plan *p, const Hallazgos *h, const char *archivo, StrBuf *b)
{
    sb_append(b, "{\n  \"archivo\": ");
    json_string(b, archivo ? archivo : "");
    sb_append(b, ",\n  \"institucion\": ");
    json_string(b, p->institucion);
    sb_appendf(b, ",\n  \"anio\": %d,\n  \"corte\": ", p->anio);
    if (h->corte)
        sb_appendf(b, "%d", h->corte);
    else
        sb_append(b, "null");
    sb_appendf(b, ",\n  \"errores\": %d,\n  \"avisos\": %d,\n  \"hallazgos\": [", h->errores,
               h->avisos);
    for (int i = 0; i < h->n; i++) {
        const Hallazgo *x = &h->v[i];
        sb_append(b, i ? ",\n    {" : "\n    {");
        sb_appendf(b, "\"severidad\": \"%s\", \"regla\": ", severidad_name(x->sev));
        json_string(b, x->regla);
        json_field(b, "unidad", unidad_de(p, x->unidad));
        json_field(b, "codigo", x->codigo);
        json_field(b, "campo", x->campo);
        json_field(b, "valor", x->valor);
        json_field(b, "mensaje", x->mensaje);
        json_field(b, "sugerencia", x->sugerencia);
        sb_appendf(b, ", \"nodo\": %d}", x->node);
    }
    sb_append(b, h->n ? "\n  ]" : "]");
    sb_append(b, ",\n  \"consolidado\": ");
    consolidado_json(p, h->rollup, b);
    sb_append(b, "\n}\n");
}

void verificar_texto(const Plan *p, const Hallazgos *h, const char *archivo, StrBuf *b)
{
    sb_appendf(b, "Verificación de «%s»: %s, plan %d", archivo ? archivo : "", p->institucion,
               p->anio);
    if (h->corte)
        sb_appendf(b, ", corte %d (%s)\n", h->corte, POA_TRIM_RANGO[h->corte - 1]);
    else
        sb_append(b, ", sin datos de seguimiento\n");
    int prev = -2;
    for (int i = 0; i < h->n; i++) {
        const Hallazgo *x = &h->v[i];
        if (x->unidad != prev) {
            sb_appendf(b, "\n%s\n", x->unidad >= 0 ? unidad_de(p, x->unidad) : "Todo el plan");
            prev = x->unidad;
        }
        sb_appendf(b, "  %-5s  ", severidad_name(x->sev));
        if (*x->codigo)
            sb_appendf(b, "%s  ", x->codigo);
        sb_appendf(b, "%s", x->campo);
        if (*x->valor && x->unidad >= 0)
            sb_appendf(b, " «%s»", x->valor);
        sb_appendf(b, ": %s\n", x->mensaje);
        if (*x->sugerencia)
            sb_appendf(b, "         → %s\n", x->sugerencia);
    }
    if (h->n == 0)
        sb_append(b, "\nSin hallazgos.\n");
    consolidado_texto(p, h->rollup, b);
    sb_appendf(b, "\n%d %s, %d %s.\n", h->errores, h->errores == 1 ? "error" : "errores",
               h->avisos, h->avisos == 1 ? "aviso" : "avisos");
}
