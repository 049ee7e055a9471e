/* test_formatos.c — the two layout recognisers on the real documents, in
 * their three formats, against the flat fixtures (the reading a person
 * chose): every value equal, or a warning naming where it was read
 * otherwise. Also labels, codes and titles. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "csv.h"
#include "formatos.h"
#include "testlib.h"

#define DOCS POA_FIXTURES "/documentos/"

/* FORMAT.md's columns, in plano.h's order. */
static const char *const COLS[] = {
    "institucion", "anio", "unidad", "mision", "eje", "objetivo_codigo", "objetivo",
    "meta_operativa", "entregable_codigo", "entregable", "indicador", "actividad_codigo",
    "actividad", "unidad_lider", "responsables", "presupuesto", "presupuesto_nota", "ene", "feb",
    "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic", "meta_anual", "t1", "t2",
    "t3", "t4", "corte", "real", "pct_publicado", "observaciones", "nota_unidad"};
#define NCOLS_FMT ((int)POA_ARRAY_LEN(COLS))

typedef struct {
    char *v[PLANO_NCOLS];
    char *lugar[PLANO_NCOLS];   /* the place of the cell each value came from */
    int fila;
} Rec;

typedef struct {
    Rec *r;
    int n, cap;
} Recs;

typedef struct {
    Libro *l;
    int hoja;
    Recs *out;
} EmitCtx;

static bool recoger(void *ctx, const PlanoRegistro *pr, PoaErr *err)
{
    (void)err;
    EmitCtx *e = ctx;
    Recs *o = e->out;
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 64;
        o->r = xrealloc(o->r, (size_t)o->cap * sizeof *o->r);
    }
    Rec *r = &o->r[o->n++];
    memset(r, 0, sizeof *r);
    r->fila = pr->fila;
    for (int i = 0; i < PLANO_NCOLS; i++) {
        r->v[i] = xstrdup(pr->v[i] ? pr->v[i] : "");
        if (pr->c[i]) {
            char b[512];
            r->lugar[i] = xstrdup(libro_lugar(e->l, e->hoja, pr->c[i], b, sizeof b));
        }
    }
    return true;
}

static void recs_free(Recs *o)
{
    for (int k = 0; k < o->n; k++)
        for (int i = 0; i < PLANO_NCOLS; i++)
            free(o->r[k].v[i]), free(o->r[k].lugar[i]);
    free(o->r);
    memset(o, 0, sizeof *o);
}

/* The fixture's rows, trimmed as the flat import trims them. */
static void fixture_cargar(const char *path, Recs *o)
{
    PoaErr err = {{0}};
    CsvReader *r = csv_open(path, &err);
    CHECK(r != NULL);
    if (!r)
        return;
    CsvRow row;
    int map[64];
    int nh = 0;
    bool cab = true;
    while (csv_next(r, &row, &err) == 1) {
        if (cab) {
            nh = row.nfields < 64 ? row.nfields : 64;
            for (int i = 0; i < nh; i++) {
                map[i] = -1;
                for (int k = 0; k < NCOLS_FMT; k++)
                    if (strcmp(row.fields[i], COLS[k]) == 0)
                        map[i] = k;
            }
            cab = false;
            continue;
        }
        if (o->n == o->cap) {
            o->cap = o->cap ? o->cap * 2 : 64;
            o->r = xrealloc(o->r, (size_t)o->cap * sizeof *o->r);
        }
        Rec *x = &o->r[o->n++];
        memset(x, 0, sizeof *x);
        x->fila = row.line;
        for (int i = 0; i < PLANO_NCOLS; i++)
            x->v[i] = xstrdup("");
        for (int i = 0; i < nh && i < row.nfields; i++)
            if (map[i] >= 0) {
                free(x->v[map[i]]);
                x->v[map[i]] = str_trim(xstrdup(row.fields[i]));
            }
    }
    csv_close(r);
}

/* Equal after the flat import's normalisation: "X" = "x", 4.0 = 4,
 * "25 %" = "25%". */
static bool iguales(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return true;
    if ((strcmp(a, "x") == 0 || strcmp(a, "X") == 0) && (strcmp(b, "x") == 0 || strcmp(b, "X") == 0))
        return true;
    double x, y;
    bool px, py;
    if (num_parse_pct(a, &x, &px) && num_parse_pct(b, &y, &py))
        return px == py && x == y;
    return false;
}

/* The same value read as a fraction where a person wrote a percentage
 * (0.25 for 25%): what an .xls, with no number formats, gives. */
static bool fraccion_de(const char *a, const char *b)
{
    double x, y;
    bool px, py;
    return num_parse_pct(a, &x, &px) && num_parse_pct(b, &y, &py) && px != py && x == y;
}

/* Is there a warning that starts at the value's cell? A value with no cell
 * (inherited or deduced) may be explained by a warning anywhere on its
 * record's row of that sheet. */
static bool avisado(const PlanoAvisos *av, const char *lugar, const char *hoja_pref, int fila)
{
    for (int i = 0; i < av->n; i++) {
        const char *a = av->lineas[i];
        if (lugar) {
            if (strncmp(a, lugar, strlen(lugar)) == 0 && a[strlen(lugar)] == ':')
                return true;
            continue;
        }
        size_t hl = strlen(hoja_pref);
        if (strncmp(a, hoja_pref, hl) == 0) {
            const char *p = a + hl;
            while (*p >= 'A' && *p <= 'Z')
                p++;
            if (atoi(p) == fila && p > a + hl)
                return true;
        }
    }
    return false;
}

/* Runs the layout on every sheet it detects; compares with the fixture's
 * rows of the same units. Returns the deviations no warning explains. */
static int comparar(const char *doc, const PlanoFormato *fmt, const char *fixture,
                    const PlanoOpciones *op, int *nrecs, int *nunidades, const char *tolerada,
                    int *dev_tolerada)
{
    if (dev_tolerada)
        *dev_tolerada = 0;
    PoaErr err = {{0}};
    Libro *l = libro_abrir(doc, NULL, &err);
    CHECK(l != NULL);
    if (!l) {
        printf("  %s\n", err.msg);
        return 9999;
    }
    Recs fx = {0};
    fixture_cargar(fixture, &fx);
    int sin_aviso = 0;
    *nrecs = 0;
    *nunidades = 0;
    int detectadas = 0;
    for (int h = 0; h < libro_nhojas(l); h++) {
        bool es = fmt->detect(l, h, &err);
        if (!es)
            continue;
        detectadas++;
        Recs got = {0};
        EmitCtx ctx = {.l = l, .hoja = h, .out = &got};
        PlanoAvisos av = {0};
        bool ok = fmt->read(l, h, op, recoger, &ctx, &av, &err);
        if (!ok)
            printf("  %s\n", err.msg);
        CHECK(ok);
        *nrecs += got.n;
        int sin_aviso_antes = sin_aviso;
        char *pref = xasprintf("%s:%s!", doc, libro_hoja_nombre(l, h));
        char *hoja_sola = xasprintf("%s:%s: ", doc, libro_hoja_nombre(l, h));
        bool aviso_xls = false;
        for (int i = 0; i < av.n; i++)
            if (strncmp(av.lineas[i], hoja_sola, strlen(hoja_sola)) == 0 &&
                strstr(av.lineas[i], "fracción"))
                aviso_xls = true;
        /* Units in the order the recogniser gave them. */
        for (int k = 0; k < got.n;) {
            const char *u = got.r[k].v[PLANO_UNIDAD];
            int fin = k;
            while (fin < got.n && strcmp(got.r[fin].v[PLANO_UNIDAD], u) == 0)
                fin++;
            (*nunidades)++;
            /* Each reference row against the first unused record of the
             * unit with the same activity text (else the next unused one),
             * so one missing record does not shift all that follow. */
            bool *usado = xcalloc((size_t)(fin - k) + 1, sizeof *usado);
            int *par = xcalloc((size_t)fx.n + 1, sizeof *par);
            /* Pass 1: same activity text; pass 2: the rest in order. */
            for (int m = 0; m < fx.n; m++) {
                par[m] = -1;
                if (strcmp(fx.r[m].v[PLANO_UNIDAD], u) != 0)
                    continue;
                for (int q = k; q < fin && par[m] < 0; q++)
                    if (!usado[q - k] && strcmp(got.r[q].v[PLANO_ACTIVIDAD],
                                                fx.r[m].v[PLANO_ACTIVIDAD]) == 0) {
                        par[m] = q;
                        usado[q - k] = true;
                    }
            }
            int sig = k;
            for (int m = 0; m < fx.n; m++) {
                if (strcmp(fx.r[m].v[PLANO_UNIDAD], u) != 0 || par[m] >= 0)
                    continue;
                while (sig < fin && usado[sig - k])
                    sig++;
                if (sig < fin) {
                    par[m] = sig;
                    usado[sig - k] = true;
                }
            }
            int j = 0;
            for (int m = 0; m < fx.n; m++) {
                if (strcmp(fx.r[m].v[PLANO_UNIDAD], u) != 0)
                    continue;
                j++;
                int g_i = par[m];
                if (g_i < 0) {
                    printf("  FALTA %s fila %d de la referencia (%s %s)\n", u, fx.r[m].fila,
                           fx.r[m].v[PLANO_ACT_COD], fx.r[m].v[PLANO_ACTIVIDAD]);
                    sin_aviso++;
                    continue;
                }
                usado[g_i - k] = true;
                Rec *g = &got.r[g_i];
                for (int c = 0; c < NCOLS_FMT; c++) {
                    if (iguales(g->v[c], fx.r[m].v[c]))
                        continue;
                    if (aviso_xls && fraccion_de(g->v[c], fx.r[m].v[c]))
                        continue;
                    bool av_ok = avisado(&av, g->lugar[c], pref, g->fila);
                    if (av_ok && getenv("POA_AVISOS"))
                        printf("  avisada: %s fila %d %s: «%.60s» leído, «%.60s» en la "
                               "referencia\n", libro_hoja_nombre(l, h), g->fila, COLS[c],
                               g->v[c], fx.r[m].v[c]);
                    if (!av_ok) {
                        sin_aviso++;
                        printf("  %s fila %d %s: «%.60s» leído, «%.60s» en la referencia\n",
                               libro_hoja_nombre(l, h), g->fila, COLS[c], g->v[c],
                               fx.r[m].v[c]);
                    }
                }
            }
            if (j == 0) {
                printf("  unidad «%s» que la referencia no tiene\n", u);
                sin_aviso += fin - k;
            }
            for (int extra = k; extra < fin && j > 0; extra++) {
                if (!usado[extra - k] && !avisado(&av, NULL, pref, got.r[extra].fila)) {
                    printf("  SOBRA %s fila %d: %s\n", u, got.r[extra].fila,
                           got.r[extra].v[PLANO_ACTIVIDAD]);
                    sin_aviso++;
                }
            }
            free(usado);
            free(par);
            k = fin;
        }
        if (tolerada && strcmp(libro_hoja_nombre(l, h), tolerada) == 0) {
            *dev_tolerada += sin_aviso - sin_aviso_antes;
            sin_aviso = sin_aviso_antes;
        }
        if (getenv("POA_AVISOS"))
            for (int i = 0; i < av.n; i++)
                printf("  aviso: %s\n", av.lineas[i]);
        free(pref);
        free(hoja_sola);
        plano_avisos_free(&av);
        recs_free(&got);
    }
    CHECK(detectadas > 0);
    recs_free(&fx);
    libro_cerrar(l);
    return sin_aviso;
}

TEST(seguimiento_caja_tres_formatos)
{
    const char *ext[] = {"xlsx", "ods", "xls"};
    for (int i = 0; i < 3; i++) {
        char *doc = xasprintf(DOCS "caja-mutual-seguimiento-t3-2024.%s", ext[i]);
        int n, u;
        int dev = comparar(doc, &FORMATO_SEGUIMIENTO_TABLA,
                           POA_FIXTURES "/seguimiento2024_t3_caja.csv", NULL, &n, &u, NULL, NULL);
        printf("  %s: %d registros, %d unidades, %d diferencias sin aviso\n", ext[i], n, u, dev);
        CHECK_INT(n, 89);
        CHECK_INT(u, 8);
        CHECK_INT(dev, 0);
        free(doc);
    }
}

TEST(poa_ars_tres_formatos)
{
    const char *ext[] = {"xlsx", "ods", "xls"};
    PlanoOpciones op = {.institucion = "ARS SEMMA"};
    for (int i = 0; i < 3; i++) {
        char *doc = xasprintf(DOCS "ars-semma-poa-2024.%s", ext[i]);
        int n, u, dev_ds;
        /* División Desarrollo de Sistemas writes two sets of Generales
         * above its first header; the reference gives the first block the
         * first eje and objetivo and no meta. The recogniser keeps the
         * later set, warning at each replaced value and at the meta that
         * only the second set gives (C8): no difference is unexplained. */
        int dev = comparar(doc, &FORMATO_POA_BLOQUES, POA_FIXTURES "/poa2024_ars_semma.csv", &op,
                           &n, &u, "División Desarrollo de Sistemas", &dev_ds);
        printf("  %s: %d registros, %d unidades, %d diferencias sin aviso (y %d en División "
               "Desarrollo de Sistemas)\n", ext[i], n, u, dev, dev_ds);
        CHECK_INT(u, 14);
        CHECK_INT(n, 145);
        CHECK_INT(dev, 0);
        CHECK_INT(dev_ds, 0);
        free(doc);
    }
}

/* A small POA written with libxlsxwriter: the other spellings of the
 * labels, a value in its own cell, 11 months and the responsables in the
 * 12th, a block with no eje, a sheet with no institution. */
static char *poa_pequeno(void)
{
    char *path = t_tmp("pequeno.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Afiliación");
    worksheet_write_string(ws, 0, 0, "Plan Operativo Anual 2025", NULL);
    worksheet_write_string(ws, 1, 0, "ÁREA:", NULL);
    worksheet_write_string(ws, 1, 2, "Departamento de Afiliación", NULL);
    worksheet_write_string(ws, 2, 0, "Riesgo o perspectiva:", NULL);
    worksheet_write_string(ws, 2, 1, " Financiero ", NULL);
    worksheet_write_string(ws, 3, 0, "Objetivo estrategico de referencia", NULL);
    worksheet_write_string(ws, 3, 2, "Alcanzar un balance", NULL);
    worksheet_write_string(ws, 4, 0, "Meta operativa anual: 85%", NULL);
    const char *cab[] = {"Entregables", "Indicadores", "Actividades", "Cronograma"};
    for (int i = 0; i < 4; i++)
        worksheet_write_string(ws, 5, (lxw_col_t)i, cab[i], NULL);
    worksheet_write_string(ws, 5, 15, "Responsables", NULL);
    worksheet_write_string(ws, 5, 16, "Presupuesto", NULL);
    for (int m = 0; m < 12; m++)
        worksheet_write_number(ws, 6, (lxw_col_t)(3 + m), m + 1, NULL);
    worksheet_write_string(ws, 7, 0, "1. Cartera", NULL);
    worksheet_write_string(ws, 7, 1, "% de crecimiento", NULL);
    worksheet_write_string(ws, 7, 2, "1.1 Alianza", NULL);
    worksheet_write_string(ws, 7, 3, "x", NULL);
    worksheet_write_number(ws, 7, 4, 5, NULL);
    worksheet_write_string(ws, 7, 15, "Afiliación/ TIC", NULL);
    worksheet_write_string(ws, 7, 16, "RD$ 1,500,000.00", NULL);
    worksheet_write_string(ws, 8, 2, "1.2. Gestionar", NULL);
    for (int m = 0; m < 11; m++)
        worksheet_write_string(ws, 8, (lxw_col_t)(3 + m), "X", NULL);
    worksheet_write_string(ws, 8, 14, "Afiliación", NULL);
    worksheet_write_string(ws, 10, 0, "Objetivo estratégico de referencia", NULL);
    worksheet_write_string(ws, 10, 1, "Otro objetivo", NULL);
    for (int i = 0; i < 4; i++)
        worksheet_write_string(ws, 11, (lxw_col_t)i, cab[i], NULL);
    for (int m = 0; m < 12; m++)
        worksheet_write_number(ws, 12, (lxw_col_t)(3 + m), m + 1, NULL);
    worksheet_write_string(ws, 13, 0, "2 Otro", NULL);
    worksheet_write_string(ws, 13, 2, "2.1 Hacer", NULL);
    worksheet_write_string(ws, 13, 15, "N/A", NULL);
    CHECK_INT(workbook_close(wb), LXW_NO_ERROR);
    return path;
}

TEST(poa_pequeno_etiquetas_y_avisos)
{
    char *path = poa_pequeno();
    PoaErr err = {{0}};
    Libro *l = libro_abrir(path, NULL, &err);
    CHECK(l != NULL);
    if (!l)
        return;
    CHECK(FORMATO_POA_BLOQUES.detect(l, 0, &err));
    CHECK(!FORMATO_SEGUIMIENTO_TABLA.detect(l, 0, &err));
    Recs got = {0};
    EmitCtx ctx = {.l = l, .hoja = 0, .out = &got};
    PlanoAvisos av = {0};
    /* No institution in the document nor in the options: an error. */
    CHECK(!FORMATO_POA_BLOQUES.read(l, 0, NULL, recoger, &ctx, &av, &err));
    char *esperado = xasprintf("%s:Afiliación: el documento no dice la institución; indíquelo "
                               "con --institucion", path);
    CHECK_STR(err.msg, esperado);
    free(esperado);
    CHECK_INT(got.n, 0);
    plano_avisos_free(&av);

    PlanoOpciones op = {.institucion = "ARS SEMMA"};
    CHECK(FORMATO_POA_BLOQUES.read(l, 0, &op, recoger, &ctx, &av, &err));
    CHECK_INT(got.n, 3);
    if (got.n == 3) {
        Rec *a = &got.r[0], *b = &got.r[1], *c = &got.r[2];
        CHECK_STR(a->v[PLANO_INSTITUCION], "ARS SEMMA");
        CHECK_STR(a->v[PLANO_ANIO], "2025");
        CHECK_STR(a->v[PLANO_UNIDAD], "Departamento de Afiliación");
        CHECK_STR(a->v[PLANO_EJE], "Financiero");
        CHECK_STR(a->v[PLANO_OBJETIVO], "Alcanzar un balance");
        CHECK_STR(a->v[PLANO_META_OP], "85%");
        CHECK_STR(a->v[PLANO_ENT_COD], "1");
        CHECK_STR(a->v[PLANO_ENTREGABLE], "Cartera");
        CHECK_STR(a->v[PLANO_ACT_COD], "1.1");
        CHECK_STR(a->v[PLANO_ACTIVIDAD], "Alianza");
        CHECK_STR(a->v[PLANO_ENE], "x");
        CHECK_STR(a->v[PLANO_FEB], "5");
        CHECK_STR(a->v[PLANO_MAR], "");
        CHECK_STR(a->v[PLANO_RESPONSABLES], "Afiliación/ TIC");
        CHECK_STR(a->v[PLANO_PRESUPUESTO], "1500000.00");
        CHECK_STR(a->v[PLANO_PRESUPUESTO_NOTA],
                  "RD$; monto compartido con las actividades siguientes del entregable");
        char *lugar = xasprintf("%s:Afiliación!Q8", path);
        CHECK_STR(a->lugar[PLANO_PRESUPUESTO], lugar);
        free(lugar);
        CHECK_STR(b->v[PLANO_ENTREGABLE], "Cartera");
        CHECK_STR(b->v[PLANO_INDICADOR], "% de crecimiento");
        CHECK_STR(b->v[PLANO_ACT_COD], "1.2");
        CHECK_STR(b->v[PLANO_NOV], "x");
        CHECK_STR(b->v[PLANO_DIC], "");
        CHECK_STR(b->v[PLANO_RESPONSABLES], "Afiliación");
        CHECK_STR(c->v[PLANO_EJE], "Financiero");
        CHECK_STR(c->v[PLANO_OBJETIVO], "Otro objetivo");
        CHECK_STR(c->v[PLANO_META_OP], "85%");
        CHECK_STR(c->v[PLANO_ENT_COD], "2");
        CHECK_STR(c->v[PLANO_INDICADOR], "");
        CHECK_STR(c->v[PLANO_PRESUPUESTO_NOTA], "N/A");
    }
    char *a1 = xasprintf("%s:Afiliación!O9: texto en la columna de meses; se tomó como "
                         "responsables", path);
    char *a2 = xasprintf("%s:Afiliación!A12: el bloque no dice su eje; se toma el del bloque "
                         "anterior «Financiero»", path);
    bool v1 = false, v2 = false;
    for (int i = 0; i < av.n; i++) {
        v1 |= strcmp(av.lineas[i], a1) == 0;
        v2 |= strcmp(av.lineas[i], a2) == 0;
    }
    CHECK(v1);
    CHECK(v2);
    CHECK_INT(av.n, 2);
    free(a1);
    free(a2);
    plano_avisos_free(&av);
    recs_free(&got);
    libro_cerrar(l);
    free(path);
}

TEST(seguimiento_sin_titulo_ni_encabezado)
{
    char *path = t_tmp("seg.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "T1");
    lxw_format *pct = workbook_add_format(wb);
    format_set_num_format(pct, "0%");
    worksheet_write_string(ws, 0, 0, "MISIÓN: Servir.", NULL);
    const char *cab[] = {"Código", "Acción operativa", "Unidad líder", "Área responsable",
                         "Meta anual", "Metas para el año", "", "", "", "Logro",
                         "% Ejecución", "Observaciones"};
    for (int i = 0; i < 12; i++)
        if (*cab[i])
            worksheet_write_string(ws, 1, (lxw_col_t)i, cab[i], NULL);
    const char *trim[] = {"ENE-MAR", "ABR-JUN", "JUL-SEP", "OCT-DIC", "ENE-JUN"};
    for (int i = 0; i < 5; i++)
        worksheet_write_string(ws, 2, (lxw_col_t)(5 + i), trim[i], NULL);
    worksheet_write_string(ws, 3, 0, "O.E.2. Crecer", NULL);
    worksheet_write_string(ws, 4, 0, "AO.2.1", NULL);
    worksheet_write_string(ws, 4, 1, "Vender", NULL);
    worksheet_write_string(ws, 4, 2, "Gerencia", NULL);
    worksheet_write_string(ws, 4, 3, "Ventas", NULL);
    worksheet_write_number(ws, 4, 4, 1, pct);
    worksheet_write_number(ws, 4, 5, 0.25, pct);
    worksheet_write_string(ws, 4, 6, "25%", NULL);
    worksheet_write_number(ws, 4, 9, 0.75, NULL);
    worksheet_write_number(ws, 4, 10, 1.5, NULL);
    CHECK_INT(workbook_close(wb), LXW_NO_ERROR);

    PoaErr err = {{0}};
    Libro *l = libro_abrir(path, NULL, &err);
    CHECK(l != NULL);
    if (!l)
        return;
    CHECK(FORMATO_SEGUIMIENTO_TABLA.detect(l, 0, &err));
    CHECK(!FORMATO_POA_BLOQUES.detect(l, 0, &err));
    Recs got = {0};
    EmitCtx ctx = {.l = l, .hoja = 0, .out = &got};
    PlanoAvisos av = {0};
    CHECK(!FORMATO_SEGUIMIENTO_TABLA.read(l, 0, NULL, recoger, &ctx, &av, &err));
    char *esperado = xasprintf("%s:T1: el título no dice la institución; indíquelo con "
                               "--institucion", path);
    CHECK_STR(err.msg, esperado);
    free(esperado);
    PlanoOpciones op = {.institucion = "Caja", .anio = 2025};
    CHECK(FORMATO_SEGUIMIENTO_TABLA.read(l, 0, &op, recoger, &ctx, &av, &err));
    CHECK_INT(got.n, 1);
    if (got.n == 1) {
        Rec *r = &got.r[0];
        CHECK_STR(r->v[PLANO_INSTITUCION], "Caja");
        CHECK_STR(r->v[PLANO_ANIO], "2025");
        CHECK_STR(r->v[PLANO_UNIDAD], "Ventas");
        CHECK_STR(r->v[PLANO_MISION], "Servir.");
        CHECK_STR(r->v[PLANO_OBJ_COD], "O.E.2");
        CHECK_STR(r->v[PLANO_OBJETIVO], "Crecer");
        CHECK_STR(r->v[PLANO_ACT_COD], "AO.2.1");
        CHECK_STR(r->v[PLANO_META_ANUAL], "100%");
        CHECK_STR(r->v[PLANO_T1], "25%");
        CHECK_STR(r->v[PLANO_T2], "25%");
        CHECK_STR(r->v[PLANO_CORTE], "2");
        CHECK_STR(r->v[PLANO_REAL], "0.75");
        CHECK_STR(r->v[PLANO_PCT_PUBLICADO], "150%");
    }
    plano_avisos_free(&av);
    recs_free(&got);
    libro_cerrar(l);

    /* A sheet with no table header is not this layout, and says so. */
    char *otro = t_tmp("otro.xlsx");
    wb = workbook_new(otro);
    ws = workbook_add_worksheet(wb, "Notas");
    worksheet_write_string(ws, 0, 0, "Nada que ver", NULL);
    CHECK_INT(workbook_close(wb), LXW_NO_ERROR);
    l = libro_abrir(otro, NULL, &err);
    CHECK(l != NULL);
    if (l) {
        CHECK(!FORMATO_SEGUIMIENTO_TABLA.detect(l, 0, &err));
        CHECK(!FORMATO_SEGUIMIENTO_TABLA.read(l, 0, &op, recoger, &ctx, &av, &err));
        CHECK_CONTAINS(err.msg, ":Notas: no se encontró el encabezado de la tabla");
        libro_cerrar(l);
    }
    plano_avisos_free(&av);
    free(otro);
    free(path);
}

/* Two units, the second with no MISIÓN line (its own header starts it),
 * a header with no quarter row, an acción with no code. */
TEST(seguimiento_variantes)
{
    char *path = t_tmp("variantes.xlsx");
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "S");
    worksheet_write_string(ws, 0, 0, "INSTITUTO DE PRUEBA", NULL);
    worksheet_write_string(ws, 1, 0, "SEGUNDO SEGUIMIENTO 2024", NULL);
    const char *cab[] = {"CÓDIGO", "ACCIÓN OPERATIVA", "UNIDAD LÍDER", "UNIDAD-ÁREA RESPONSABLE",
                         "META ANUAL", "METAS PARA AÑO", "", "", "", "REAL", "% EJECUCIÓN"};
    int filas[] = {2, 6};
    for (int b = 0; b < 2; b++)
        for (int i = 0; i < 11; i++)
            if (*cab[i])
                worksheet_write_string(ws, (lxw_row_t)filas[b], (lxw_col_t)i, cab[i], NULL);
    worksheet_write_string(ws, 3, 0, "AO.6.1.", NULL);
    worksheet_write_string(ws, 3, 1, "Primera", NULL);
    worksheet_write_string(ws, 3, 3, "Compras", NULL);
    for (int q = 0; q < 4; q++)
        worksheet_write_number(ws, 3, (lxw_col_t)(5 + q), q + 1, NULL);
    worksheet_write_string(ws, 4, 1, "Sin código", NULL);
    worksheet_write_string(ws, 4, 3, "Compras", NULL);
    worksheet_write_string(ws, 7, 0, "AO.6.1.", NULL);
    worksheet_write_string(ws, 7, 1, "Otra unidad", NULL);
    worksheet_write_string(ws, 7, 3, "Archivo", NULL);
    CHECK_INT(workbook_close(wb), LXW_NO_ERROR);

    PoaErr err = {{0}};
    Libro *l = libro_abrir(path, NULL, &err);
    CHECK(l != NULL);
    if (!l)
        return;
    Recs got = {0};
    EmitCtx ctx = {.l = l, .hoja = 0, .out = &got};
    PlanoAvisos av = {0};
    CHECK(FORMATO_SEGUIMIENTO_TABLA.read(l, 0, NULL, recoger, &ctx, &av, &err));
    CHECK_INT(got.n, 3);
    if (got.n == 3) {
        CHECK_STR(got.r[0].v[PLANO_INSTITUCION], "Instituto de Prueba");
        CHECK_STR(got.r[0].v[PLANO_ANIO], "2024");
        CHECK_STR(got.r[0].v[PLANO_CORTE], "2");
        CHECK_STR(got.r[0].v[PLANO_UNIDAD], "Compras");
        CHECK_STR(got.r[0].v[PLANO_T1], "1");
        CHECK_STR(got.r[0].v[PLANO_T4], "4");
        CHECK_STR(got.r[1].v[PLANO_ACT_COD], "");
        CHECK_STR(got.r[1].v[PLANO_ACTIVIDAD], "Sin código");
        CHECK_STR(got.r[1].v[PLANO_UNIDAD], "Compras");
        CHECK_STR(got.r[2].v[PLANO_UNIDAD], "Archivo");
        CHECK_STR(got.r[2].v[PLANO_MISION], "");
    }
    char *a1 = xasprintf("%s:S!A3: el encabezado no nombra los trimestres; se toman las cuatro "
                         "columnas desde F", path);
    char *a2 = xasprintf("%s:S!B5: acción sin código; se toma sin él", path);
    char *a3 = xasprintf("%s:S!A7: el encabezado no nombra los trimestres; se toman las cuatro "
                         "columnas desde F", path);
    int vistos = 0;
    for (int i = 0; i < av.n; i++)
        vistos += strcmp(av.lineas[i], a1) == 0 || strcmp(av.lineas[i], a2) == 0 ||
                  strcmp(av.lineas[i], a3) == 0;
    CHECK_INT(vistos, 3);   /* the quarters once per header, the code once */
    CHECK_INT(av.n, 3);
    free(a1);
    free(a2);
    free(a3);
    plano_avisos_free(&av);
    recs_free(&got);
    libro_cerrar(l);
    free(path);
}

TEST(seguimiento_no_es_poa)
{
    PoaErr err = {{0}};
    Libro *l = libro_abrir(DOCS "ars-semma-poa-2024.xlsx", NULL, &err);
    CHECK(l != NULL);
    if (l)
        for (int h = 0; h < libro_nhojas(l); h++)
            CHECK(!FORMATO_SEGUIMIENTO_TABLA.detect(l, h, &err));
    libro_cerrar(l);
    /* Nor is the seguimiento a POA in blocks. */
    l = libro_abrir(DOCS "caja-mutual-seguimiento-t3-2024.xlsx", NULL, &err);
    CHECK(l != NULL);
    if (l)
        CHECK(!FORMATO_POA_BLOQUES.detect(l, 0, &err));
    libro_cerrar(l);
}

TEST(sinonimos)
{
    const char *resto;
    CHECK_INT(sinonimo_prefijo("Área: Departamento de Afiliación.", ETQ_GENERALES, ETQ_META_OP,
                               &resto), ETQ_AREA);
    CHECK_STR(resto, "Departamento de Afiliación.");
    CHECK_INT(sinonimo_prefijo("  riesgo O PERSPECTIVA : Financiero", ETQ_GENERALES,
                               ETQ_META_OP, &resto), ETQ_EJE);
    CHECK_STR(resto, "Financiero");
    CHECK_INT(sinonimo_exacto("% EJECCIÓN", ETQ_CODIGO, ETQ_OBSERVACIONES), ETQ_PCT_EJECUCION);
    CHECK_INT(sinonimo_exacto("Ejecución del plan", ETQ_CODIGO, ETQ_OBSERVACIONES), ETQ_NINGUNA);
    CHECK_INT(sinonimo_prefijo("Ejecutar", ETQ_GENERALES, ETQ_OBSERVACIONES, NULL), ETQ_NINGUNA);
    CHECK_INT(sinonimo_prefijo("UNIDAD ORGANIZATIVA LIDER", ETQ_CODIGO, ETQ_OBSERVACIONES, NULL),
              ETQ_LIDER);
    size_t ini = 0, fin = 0;
    const char *g = "Generales Nombre Plan X. Fecha Enero 2024 Area Auditoría Eje o perspectiva "
                    "Finanzas";
    CHECK(sinonimo_buscar(g, ETQ_NOMBRE, ETQ_META_OP, &ini, &fin));
    CHECK_INT(ini, 10);
    ini = fin;
    CHECK(sinonimo_buscar(g, ETQ_NOMBRE, ETQ_META_OP, &ini, &fin));
    CHECK_STR(g + ini, "Fecha Enero 2024 Area Auditoría Eje o perspectiva Finanzas");
}

TEST(codigos_y_titulos)
{
    char *cod;
    const char *resto;
    CHECK(formato_codigo("1.1 Alianza estratégica", &cod, &resto));
    CHECK_STR(cod, "1.1");
    CHECK_STR(resto, "Alianza estratégica");
    free(cod);
    CHECK(formato_codigo("1.3. Velar", &cod, &resto));
    CHECK_STR(cod, "1.3");
    free(cod);
    CHECK(formato_codigo("AO.3.1.", &cod, &resto));
    CHECK_STR(cod, "AO.3.1");
    CHECK_STR(resto, "");
    free(cod);
    CHECK(formato_codigo("O.E.3. Administrar", &cod, &resto));
    CHECK_STR(cod, "O.E.3");
    free(cod);
    CHECK(formato_codigo("6 OTRAS ACTIVIDADES", &cod, &resto));
    CHECK_STR(cod, "6");
    CHECK_STR(resto, "OTRAS ACTIVIDADES");
    free(cod);
    CHECK(formato_codigo("1, Realizada", &cod, &resto));
    CHECK_STR(cod, "1");
    free(cod);
    CHECK(!formato_codigo("Cartera de afiliados", &cod, &resto));
    CHECK(cod == NULL);
    CHECK(!formato_codigo("1.1Alianza", &cod, &resto));
    char *t = formato_titulo("CAJA MUTUAL DE LOS EMPLEADOS DEL MINISTERIO DE EDUCACIÓN");
    CHECK_STR(t, "Caja Mutual de los Empleados del Ministerio de Educación");
    free(t);
}

int main(void)
{
    RUN(sinonimos);
    RUN(codigos_y_titulos);
    RUN(seguimiento_caja_tres_formatos);
    RUN(seguimiento_no_es_poa);
    RUN(poa_pequeno_etiquetas_y_avisos);
    RUN(seguimiento_sin_titulo_ni_encabezado);
    RUN(seguimiento_variantes);
    RUN(poa_ars_tres_formatos);
    return t_finish();
}
