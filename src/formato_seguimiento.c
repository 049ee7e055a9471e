/* formato_seguimiento.c — Caja Mutual's seguimiento table: title lines,
 * per unit its MISIÓN, the two-row header, objective group rows, acciones
 * and «Nota:» lines, read into flat-template records. docs/documentos.md. */
#include "formatos.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

/* How far down a sheet the header may start for detect. */
#define FILAS_DETECCION 120

typedef struct {
    int col[ETQ_N];      /* column (0-based) of each header label, -1 if absent */
    int trim[4];         /* columns of the quarterly targets */
    bool visto;
} Encabezado;

/* Which header labels the row carries; col filled for those found. */
static int encabezado_leer(const Fila *f, Encabezado *e)
{
    int n = 0;
    for (int i = 0; i < f->nceldas; i++) {
        const Celda *c = &f->celdas[i];
        if (c->tipo != CELDA_TEXTO)
            continue;
        Etiqueta t = sinonimo_prefijo(c->texto, ETQ_CODIGO, ETQ_OBSERVACIONES, NULL);
        if (t != ETQ_NINGUNA && e->col[t] < 0) {
            e->col[t] = i;
            n++;
        }
    }
    return n;
}

static void encabezado_iniciar(Encabezado *e)
{
    for (int i = 0; i < ETQ_N; i++)
        e->col[i] = -1;
    for (int q = 0; q < 4; q++)
        e->trim[q] = -1;
    e->visto = false;
}

/* A header needs the code, the acción and at least one figure column. */
static bool encabezado_es(const Fila *f)
{
    Encabezado e;
    encabezado_iniciar(&e);
    int n = encabezado_leer(f, &e);
    return n >= 3 && e.col[ETQ_CODIGO] >= 0 && e.col[ETQ_ACCION] >= 0 &&
           (e.col[ETQ_META_ANUAL] >= 0 || e.col[ETQ_REAL] >= 0);
}

/* "EN-MAR" .. "OCT-DIC", "EN-SEP": the last month's quarter (1-4) and
 * whether the range starts in January; 0 if not such a label. */
static int trimestre_de(const char *texto, bool *desde_enero)
{
    static const char *const MESES[] = {"ene", "feb", "mar", "abr", "may", "jun",
                                        "jul", "ago", "sep", "oct", "nov", "dic"};
    char *f = u8_fold(texto);
    char a[16] = "", b[16] = "";
    int q = 0;
    if (sscanf(f, "%15[a-z] - %15[a-z]", a, b) == 2 || sscanf(f, "%15[a-z]-%15[a-z]", a, b) == 2) {
        int ma = -1, mb = -1;
        for (int m = 0; m < 12; m++) {
            if (strncmp(a, MESES[m], 3) == 0 || (m == 0 && strcmp(a, "en") == 0))
                ma = m;
            if (strncmp(b, MESES[m], 3) == 0)
                mb = m;
        }
        if (ma >= 0 && mb >= 0 && mb % 3 == 2) {
            q = mb / 3 + 1;
            *desde_enero = ma == 0;
        }
    }
    free(f);
    return q;
}

/* The second header row: the quarters under METAS PARA AÑO, the corte
 * under REAL (and labels the first row left out). */
static int subencabezado_leer(const Fila *f, Encabezado *e, int *corte, const Celda **c_corte)
{
    int n = 0;
    encabezado_leer(f, e);
    for (int i = 0; i < f->nceldas; i++) {
        const Celda *c = &f->celdas[i];
        if (c->tipo != CELDA_TEXTO)
            continue;
        bool enero = false;
        int q = trimestre_de(c->texto, &enero);
        if (!q)
            continue;
        n++;
        bool figura = (e->col[ETQ_REAL] >= 0 && i >= e->col[ETQ_REAL]);
        if (figura) {
            if (i == e->col[ETQ_REAL] && enero) {
                *corte = q;
                *c_corte = c;
            }
        } else if (e->trim[q - 1] < 0) {
            e->trim[q - 1] = i;
        }
    }
    return n;
}

typedef struct {
    Libro *l;
    int hoja;
    PlanoAvisos *avisos;
    const PlanoOpciones *op;
    char *institucion, *anio;
    int corte_titulo, corte;
    Celda c_corte;
    bool hay_c_corte;
    /* the unit being read */
    char *mision, *nota, *unidad;
    /* A MISIÓN read and no acción yet: whether it starts another unit or
     * continues this one (the same unit in two blocks) is known only from
     * its first acción's area. */
    char *mision_pend;
    Celda c_mision_pend;
    bool bloque_pend;   /* a header (with or without MISIÓN) since the last acción */
    Celda c_mision, c_nota, c_unidad;
    bool hay_mision, hay_nota, hay_unidad;
    char *obj_cod, *obj;
    Celda c_obj;
    bool hay_obj;
    RegPlano *regs;
    int nregs, cap;
} Lectura;

static void unidad_limpiar(Lectura *x)
{
    for (int i = 0; i < x->nregs; i++)
        reg_free(&x->regs[i]);
    x->nregs = 0;
    free(x->mision), free(x->nota), free(x->unidad);
    x->mision = x->nota = x->unidad = NULL;
    x->hay_mision = x->hay_nota = x->hay_unidad = false;
}

/* The unit's records wait for its «Nota:», which follows its acciones. */
static bool unidad_emitir(Lectura *x, PlanoEmit emit, void *ctx, PoaErr *err)
{
    bool ok = true;
    for (int i = 0; i < x->nregs && ok; i++) {
        RegPlano *r = &x->regs[i];
        reg_poner(r, PLANO_UNIDAD, x->unidad, x->hay_unidad ? &x->c_unidad : NULL);
        if (x->mision)
            reg_poner(r, PLANO_MISION, x->mision, x->hay_mision ? &x->c_mision : NULL);
        if (x->nota)
            reg_poner(r, PLANO_NOTA_UNIDAD, x->nota, x->hay_nota ? &x->c_nota : NULL);
        ok = reg_emitir(r, emit, ctx, err);
    }
    unidad_limpiar(x);
    return ok;
}

static const Celda *celda_col(const Fila *f, int col)
{
    if (col < 0 || col >= f->nceldas || f->celdas[col].tipo == CELDA_VACIA)
        return NULL;
    return &f->celdas[col];
}

static void poner_celda(RegPlano *r, PlanoCol pc, const Fila *f, int col)
{
    const Celda *c = celda_col(f, col);
    if (c)
        reg_tomar(r, pc, formato_celda_texto(c), c);
}

/* The area an acción row names as its unit: UNIDAD-ÁREA RESPONSABLE,
 * else the leader. */
static const Celda *accion_unidad(const Encabezado *e, const Fila *f)
{
    const Celda *u = celda_col(f, e->col[ETQ_UNIDAD_RESP]);
    return u ? u : celda_col(f, e->col[ETQ_LIDER]);
}

static bool accion_leer(Lectura *x, const Encabezado *e, const Fila *f, const char *cod,
                        PlanoEmit emit, void *ctx, PoaErr *err)
{
    if (x->mision_pend || x->bloque_pend) {
        x->bloque_pend = false;
        const Celda *u = accion_unidad(e, f);
        char *nombre = u ? formato_celda_texto(u) : xstrdup("");
        if (x->unidad && strcmp(nombre, x->unidad) == 0) {
            if (x->mision && x->mision_pend && strcmp(x->mision, x->mision_pend) != 0)
                formato_aviso(x->avisos, x->l, x->hoja, &x->c_mision_pend, "otra misión para "
                              "la unidad «%s»; se conserva la primera", x->unidad);
        } else {
            if (!unidad_emitir(x, emit, ctx, err)) {
                free(nombre);
                return false;
            }
            /* Another unit; a block without MISIÓN has none. */
            x->mision = x->mision_pend;
            x->c_mision = x->c_mision_pend;
            x->hay_mision = x->mision_pend != NULL;
            x->mision_pend = NULL;
        }
        free(nombre);
        free(x->mision_pend);
        x->mision_pend = NULL;
    }
    RegPlano *r = reg_nuevo(&x->regs, &x->nregs, &x->cap, f->numero, x->institucion, x->anio);
    if (x->obj_cod)
        reg_poner(r, PLANO_OBJ_COD, x->obj_cod, x->hay_obj ? &x->c_obj : NULL);
    if (x->obj)
        reg_poner(r, PLANO_OBJETIVO, x->obj, x->hay_obj ? &x->c_obj : NULL);
    reg_poner(r, PLANO_ACT_COD, cod, celda_col(f, e->col[ETQ_CODIGO]));
    poner_celda(r, PLANO_ACTIVIDAD, f, e->col[ETQ_ACCION]);
    poner_celda(r, PLANO_UNIDAD_LIDER, f, e->col[ETQ_LIDER]);
    poner_celda(r, PLANO_RESPONSABLES, f, e->col[ETQ_UNIDAD_RESP]);
    poner_celda(r, PLANO_META_ANUAL, f, e->col[ETQ_META_ANUAL]);
    for (int q = 0; q < 4; q++)
        poner_celda(r, (PlanoCol)(PLANO_T1 + q), f, e->trim[q]);
    poner_celda(r, PLANO_REAL, f, e->col[ETQ_REAL]);
    const Celda *pc = celda_col(f, e->col[ETQ_PCT_EJECUCION]);
    if (pc)
        reg_tomar(r, PLANO_PCT_PUBLICADO, formato_celda_pct(pc), pc);
    poner_celda(r, PLANO_OBSERVACIONES, f, e->col[ETQ_OBSERVACIONES]);
    if (x->corte) {
        char b[8];
        snprintf(b, sizeof b, "%d", x->corte);
        reg_poner(r, PLANO_CORTE, b, x->hay_c_corte ? &x->c_corte : NULL);
    }
    /* The unit is the area responsible for its first acción. */
    if (!x->unidad) {
        const Celda *u = accion_unidad(e, f);
        if (u) {
            x->unidad = formato_celda_texto(u);
            x->c_unidad = *u;
            x->c_unidad.texto = "";
            x->hay_unidad = true;
        } else {
            x->unidad = xstrdup(libro_hoja_nombre(x->l, x->hoja));
            formato_aviso(x->avisos, x->l, x->hoja, celda_col(f, e->col[ETQ_CODIGO]),
                          "la acción no dice su unidad; se toma el nombre de la hoja «%s»",
                          x->unidad);
        }
    }
    return true;
}

/* Title lines: the institution (the lines before the one that says
 * SEGUIMIENTO), the year, the ordinal of the seguimiento. */
static void titulo_leer(Lectura *x, const Celda *c, StrBuf *inst, bool *inst_fin)
{
    char *f = u8_fold(c->texto);
    static const char *const ORD[] = {"primer", "segundo", "tercer", "cuarto"};
    if (strstr(f, "seguimiento")) {
        *inst_fin = true;
        for (int q = 0; q < 4; q++)
            if (strstr(f, ORD[q]))
                x->corte_titulo = q + 1;
    } else if (!*inst_fin) {
        if (inst->len)
            sb_putc(inst, ' ');
        sb_append(inst, c->texto);
    }
    for (const char *p = f; *p && !x->anio; p++)
        if ((p[0] == '2' || p[0] == '1') && isdigit((unsigned char)p[1]) &&
            isdigit((unsigned char)p[2]) && isdigit((unsigned char)p[3]) &&
            !isdigit((unsigned char)p[4]) && (p == f || !isdigit((unsigned char)p[-1])))
            x->anio = xstrndup(p, 4);
    free(f);
}

/* Once the title lines are over: what they said, else the command line's
 * options, else an error naming what is missing. */
static bool titulo_cerrar(Lectura *x, StrBuf *inst, PoaErr *err)
{
    if (inst->len)
        x->institucion = formato_titulo(sb_str(inst));
    else if (x->op && !str_empty(x->op->institucion))
        x->institucion = xstrdup(x->op->institucion);
    if (!x->anio && x->op && x->op->anio > 0)
        x->anio = xasprintf("%d", x->op->anio);
    if (!x->institucion || !x->anio) {
        err_set(err, "%s:%s: el título no dice %s; indíquelo con %s", libro_ruta(x->l),
                libro_hoja_nombre(x->l, x->hoja), !x->institucion ? "la institución" : "el año",
                !x->institucion ? "--institucion" : "--anio");
        return false;
    }
    x->corte = x->corte_titulo;
    return true;
}

static bool seg_detect(Libro *l, int hoja, PoaErr *err)
{
    /* poa's own report looks like this layout; its hidden record reads it exactly */
    if (formato_informe_es(l, hoja))
        return false;
    if (!libro_hoja(l, hoja, err))
        return false;
    Fila f;
    for (int n = 0; n < FILAS_DETECCION && libro_fila(l, &f, err) == 1; n++)
        if (encabezado_es(&f))
            return true;
    return false;
}

static bool seg_read(Libro *l, int hoja, const PlanoOpciones *op, PlanoEmit emit, void *ctx,
                     PlanoAvisos *avisos, PoaErr *err)
{
    if (!libro_hoja(l, hoja, err))
        return false;
    Lectura x = {.l = l, .hoja = hoja, .avisos = avisos, .op = op};
    Encabezado e;
    encabezado_iniciar(&e);
    StrBuf inst = {0};
    bool inst_fin = false, en_titulo = true, subencabezado = false, ok = true;
    Celda c_cab = {0};
    Fila f;
    int r;
    if (libro_formato(l) == LIBRO_XLS)
        formato_aviso(avisos, l, hoja, NULL, "un libro .xls no guarda el formato de los "
                      "números: un porcentaje (25 %%) se lee como la fracción 0.25, y "
                      "«%% ejecución» se toma siempre como fracción");
    while (ok && (r = libro_fila(l, &f, err)) == 1) {
        const Celda *p = formato_primera(&f, 0);
        if (!p)
            continue;
        const char *resto = NULL;
        bool encabezado = encabezado_es(&f);
        bool mision = p->tipo == CELDA_TEXTO &&
                      sinonimo_prefijo(p->texto, ETQ_MISION, ETQ_MISION, NULL) == ETQ_MISION;
        if (en_titulo && (encabezado || mision)) {
            en_titulo = false;
            if (!titulo_cerrar(&x, &inst, err)) {
                ok = false;
                break;
            }
        }
        if (encabezado) {
            encabezado_iniciar(&e);
            encabezado_leer(&f, &e);
            e.visto = true;
            c_cab = *formato_primera(&f, 0);
            subencabezado = true;
            x.bloque_pend = true;
            continue;
        }
        if (subencabezado) {
            subencabezado = false;
            int corte = 0;
            const Celda *cc = NULL;
            if (subencabezado_leer(&f, &e, &corte, &cc) > 0) {
                if (corte) {
                    if (x.corte && corte != x.corte)
                        formato_aviso(avisos, l, hoja, cc, "el encabezado dice corte %d y %s "
                                      "%d; se toma %d", corte, x.hay_c_corte ?
                                      "los anteriores" : "el título, seguimiento", x.corte,
                                      corte);
                    x.corte = corte;
                    x.c_corte = *cc;
                    x.c_corte.texto = "";
                    x.hay_c_corte = true;
                }
                continue;
            }
        }
        if (mision) {
            sinonimo_prefijo(p->texto, ETQ_MISION, ETQ_MISION, &resto);
            free(x.mision_pend);
            x.mision_pend = str_trim(xstrdup(resto));
            x.c_mision_pend = *p;
            x.c_mision_pend.texto = "";
            /* A new block: its objectives are its own. */
            free(x.obj_cod), free(x.obj);
            x.obj_cod = x.obj = NULL;
            x.hay_obj = false;
            continue;
        }
        if (p->tipo == CELDA_TEXTO &&
            sinonimo_prefijo(p->texto, ETQ_NOTA, ETQ_NOTA, &resto) == ETQ_NOTA && e.visto) {
            char *t = formato_celda_texto(p);
            if (x.nota) {
                char *junta = xasprintf("%s\n%s", x.nota, t);
                free(t);
                t = junta;
            }
            free(x.nota);
            x.nota = t;
            x.c_nota = *p;
            x.c_nota.texto = "";
            x.hay_nota = true;
            continue;
        }
        if (en_titulo) {
            if (p->tipo == CELDA_TEXTO)
                titulo_leer(&x, p, &inst, &inst_fin);
            continue;
        }
        if (!e.visto) {
            formato_aviso(avisos, l, hoja, p, "fila antes del encabezado de la tabla; se ignora");
            continue;
        }
        const Celda *cod_c = celda_col(&f, e.col[ETQ_CODIGO]);
        const Celda *acc_c = celda_col(&f, e.col[ETQ_ACCION]);
        char *cod = NULL;
        const char *txt = NULL;
        if (cod_c && cod_c->tipo == CELDA_TEXTO && !acc_c && formato_nllenas(&f) == 1 &&
            formato_codigo(cod_c->texto, &cod, &txt) && *txt) {
            /* «O.E.3. Administrar…», «6 OTRAS ACTIVIDADES OPERATIVAS» */
            free(x.obj_cod), free(x.obj);
            x.obj_cod = cod;
            x.obj = xstrdup(txt);
            str_trim(x.obj);
            x.c_obj = *cod_c;
            x.c_obj.texto = "";
            x.hay_obj = true;
            continue;
        }
        free(cod);
        cod = NULL;
        if (acc_c && e.trim[0] < 0 && e.col[ETQ_METAS_ANIO] >= 0) {
            /* No EN-MAR … OCT-DIC row: the four columns from METAS PARA AÑO. */
            char col[8];
            formato_aviso(avisos, l, hoja, &c_cab, "el encabezado no nombra los trimestres; se "
                          "toman las cuatro columnas desde %s",
                          libro_columna_nombre(e.col[ETQ_METAS_ANIO] + 1, col, sizeof col));
            for (int q = 0; q < 4; q++)
                e.trim[q] = e.col[ETQ_METAS_ANIO] + q;
        }
        if (acc_c && !cod_c && e.col[ETQ_CODIGO] >= 0) {
            formato_aviso(avisos, l, hoja, acc_c, "acción sin código; se toma sin él");
            ok = accion_leer(&x, &e, &f, "", emit, ctx, err);
            continue;
        }
        if (cod_c && acc_c) {
            char *ct = formato_celda_texto(cod_c);
            if (formato_codigo(ct, &cod, &txt) && !*txt) {
                ok = accion_leer(&x, &e, &f, cod, emit, ctx, err);
            } else {
                formato_aviso(avisos, l, hoja, cod_c, "«%s» no es un código de acción; se toma "
                              "tal cual", ct);
                ok = accion_leer(&x, &e, &f, ct, emit, ctx, err);
            }
            free(ct);
            free(cod);
            continue;
        }
        formato_aviso(avisos, l, hoja, p, "fila no reconocida (ni objetivo, ni acción, ni "
                      "nota); se ignora");
    }
    if (ok && r < 0)
        ok = false;
    if (ok && !e.visto) {
        err_set(err, "%s:%s: no se encontró el encabezado de la tabla (CÓDIGO, ACCIÓN "
                "OPERATIVA, META ANUAL…)", libro_ruta(l), libro_hoja_nombre(l, hoja));
        ok = false;
    }
    if (ok)
        ok = unidad_emitir(&x, emit, ctx, err);
    sb_free(&inst);
    unidad_limpiar(&x);
    free(x.mision_pend);
    free(x.obj_cod), free(x.obj);
    free(x.regs);
    free(x.institucion);
    free(x.anio);
    return ok;
}

const PlanoFormato FORMATO_SEGUIMIENTO_TABLA = {
    .nombre = "seguimiento en tabla (Caja Mutual)",
    .detect = seg_detect,
    .read = seg_read,
};
