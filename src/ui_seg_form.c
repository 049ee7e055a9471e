/* ui_seg_form.c — the seguimiento form screen: one actividad at the corte
 * (targets, what was reported at each corte, % de ejecución and semáforo,
 * observaciones, evidencia, causa y medida correctiva), its fields edited one
 * by one; RePág/AvPág go through the unit's actividades (the rows of ui_seg.c). */
#include <stdlib.h>
#include <string.h>

#include "u8.h"
#include "ui_seg.h"

static const int MOVE = UI_HANDLED | UI_REDRAW;

static int lines_of(const char *s, int w)
{
    return u8_wrap(s, w, NULL, NULL);
}

static void form_label(App *a, int y, SegCampo c, const char *label)
{
    bool sel = a->seg->campo == c;
    /* the label is drawn in 31 columns: no buffer to cut it in */
    int at = sel ? ui_attr(a, CR_SELECTED) : ui_attr(a, CR_DETAIL_LABEL);
    ui_put(y, 0, 2, at, sel ? (a->utf8 ? "▶ " : "> ") : "  ");
    ui_put(y, 2, 29, at, label);
}

static void form_draw(App *a)
{
    Plan *p = a->plan;
    int node = ui_seg_fila_node(a);
    char t[1024], c1[96];
    if (node < 0) {
        ui_seg_title(a, " Seguimiento");
        ui_put(2, 1, a->W - 1, 0, "No hay actividad seleccionada.");
        return;
    }
    const Node *nd = &p->nodes[node];
    Actividad *actividad = plan_act(p, node);
    const Seguimiento *sg = &actividad->seg[a->corte - 1];
    ResultadoAct r;
    calc_actividad(actividad, a->corte, &a->cfg->umbrales, &r);
    snprintf(t, sizeof t, " Formulario de seguimiento · %s · %s", ui_seg_corte_titulo(a, c1, sizeof c1),
             ui_seg_unidad_nombre(a, nd->unidad));
    ui_seg_title(a, t);
    int y = 1, bottom = a->H - 3;   /* last usable line */
    int lab = ui_attr(a, CR_DETAIL_LABEL);
    /* código and acción (up to two lines) */
    snprintf(t, sizeof t, " %s", nd->codigo[0] ? nd->codigo : "(sin código)");
    int cw = u8_width(t) + 1;
    ui_put(y, 0, cw, ui_attr(a, CR_CODE) | A_BOLD, t);
    y += ui_put_wrapped(y, cw, a->W - cw - 1, 2, A_BOLD, nd->texto[0] ? nd->texto : "(sin texto)");
    int obj = plan_ancestor(p, node, NODE_OBJETIVO);
    if (obj > 0) {
        snprintf(t, sizeof t, " Objetivo: %s%s%s", p->nodes[obj].codigo, p->nodes[obj].codigo[0] ? " " : "",
                 p->nodes[obj].texto[0] ? p->nodes[obj].texto : "(sin texto)");
        ui_put(y++, 0, a->W, 0, t);
    }
    snprintf(t, sizeof t, " Unidad líder: %s · Responsables: %s · Meta %s%s",
             actividad->unidad_lider[0] ? actividad->unidad_lider : "—",
             actividad->responsables[0] ? actividad->responsables : "—", tipo_meta_name(actividad->tipo),
             actividad->sentido == SENTIDO_DESCENDENTE ? " (menos es mejor)" : "");
    ui_put(y++, 0, a->W, 0, t);
    y++;
    /* the quarterly targets; those counted at the corte underlined */
    int qx = 22, qw = 10;
    ui_put(y, 0, qx, lab, " Trimestre");
    for (int q = 0; q < POA_TRIMESTRES; q++)
        ui_seg_put_right(y, qx + q * qw, qw, ui_attr(a, CR_HEADER) | (q < a->corte ? A_UNDERLINE : 0),
                  POA_TRIM_RANGO[q]);
    ui_seg_put_right(y, qx + 4 * qw, 12, ui_attr(a, CR_HEADER), "Meta anual");
    y++;
    ui_put(y, 0, qx, lab, " Meta");
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        char v[48];
        ui_seg_fmt_meta_q(actividad, q, v, sizeof v);
        ui_seg_put_right(y, qx + q * qw, qw, q < a->corte ? A_BOLD : 0, v[0] ? v : "—");
    }
    char ma[48];
    ui_seg_fmt_meta_anual(actividad, ma, sizeof ma);
    ui_seg_put_right(y, qx + 4 * qw, 12, 0, ma[0] ? ma : "—");
    y++;
    /* what was reported at each corte (accumulated), for comparison */
    ui_put(y, 0, qx, lab, " Real acumulado");
    for (int q = 0; q < POA_TRIMESTRES; q++) {
        char v[48] = "";
        if (actividad->seg[q].real.has)
            valor_format(&actividad->seg[q].real, v, sizeof v);
        ui_seg_put_right(y, qx + q * qw, qw, q == a->corte - 1 ? A_BOLD : A_DIM, v[0] ? v : "·");
    }
    y += 2;
    /* the figures */
    char v[128], v2[256];
    snprintf(t, sizeof t, "  Programado acumulado %s", ui_seg_rango_acum(a->corte));
    ui_put(y, 0, 31, lab, t);
    if (actividad->tipo == TIPO_PORCENTAJE)
        num_format_pct(r.programado, v, sizeof v);
    else
        num_format(r.programado, v, sizeof v);
    ui_put(y++, 32, a->W - 32, 0, v);
    snprintf(t, sizeof t, "Real acumulado %s", ui_seg_rango_acum(a->corte));
    form_label(a, y, SEG_CAMPO_REAL, t);
    ui_put(y++, 32, a->W - 32, A_BOLD, sg->real.has ? valor_format(&sg->real, v, sizeof v) : "(sin reporte)");
    ui_put(y, 0, 31, lab, "  % de ejecución");
    ui_seg_fmt_pct(a, &r, v, sizeof v);
    int sa = ui_seg_sem_attr(a, r.semaforo);
    int x = 32;
    ui_put(y, x, 6, A_BOLD, v);
    x += 7;
    snprintf(t, sizeof t, "%s %s", ui_seg_marca(a, r.semaforo), semaforo_name(r.semaforo));
    ui_put(y, x, u8_width(t), sa, t);
    x += u8_width(t) + 2;
    v2[0] = '\0';
    if (r.has_pct)
        snprintf(v2, sizeof v2, "exacto: %.2f %%", r.pct * 100.0);
    if (sg->pct_publicado[0]) {
        size_t l = strlen(v2);
        snprintf(v2 + l, sizeof v2 - l, "%spublicado: %s", l ? " · " : "", sg->pct_publicado);
    }
    if (v2[0] && x < a->W) {
        snprintf(t, sizeof t, "(%s)", v2);
        ui_put(y, x, a->W - x, 0, t);
    }
    y++;
    ui_put(y, 0, 31, lab, "  Estado");
    char nota[160];
    calc_nota_estado(actividad, &r, nota, sizeof nota);
    snprintf(t, sizeof t, "%s%s%s", estado_name(r.estado), nota[0] ? " · " : "", nota);
    ui_put(y++, 32, a->W - 32, 0, t);
    /* observaciones take the lines left over */
    snprintf(t, sizeof t, "Observaciones %s", POA_TRIM_RANGO[a->corte - 1]);
    form_label(a, y++, SEG_CAMPO_OBS, t);
    /* evidencia, causa and umbrales below */
    int rest = bottom - y + 1 - 3;
    int need = sg->observaciones[0] ? lines_of(sg->observaciones, a->W - 6) : 1;
    int nl = need < rest ? need : rest;
    if (nl < 1)
        nl = 1;
    if (sg->observaciones[0])
        ui_put_wrapped(y, 4, a->W - 5, nl, 0, sg->observaciones);
    else
        ui_put(y, 4, a->W - 4, A_DIM, "(ninguna)");
    y += nl;
    if (y <= bottom) {
        form_label(a, y, SEG_CAMPO_EVID, "Evidencia");
        char *e = ui_seg_una_linea(sg->evidencia);
        ui_put(y++, 32, a->W - 32, sg->evidencia[0] ? 0 : A_DIM, sg->evidencia[0] ? e : "(ninguna)");
        free(e);
    }
    if (y <= bottom) {
        /* one line; amarillo and rojo ask for one («¿Quién falta?» counts them) */
        form_label(a, y, SEG_CAMPO_CAUSA, "Causa y medida correctiva");
        bool pide = r.estado == ESTADO_REPORTADA &&
                    (r.semaforo == SEM_AMARILLO || r.semaforo == SEM_ROJO);
        char *c = ui_seg_una_linea(sg->causa);
        int ca = sg->causa[0] ? 0 : pide ? sa : (int)A_DIM;
        ui_put(y++, 32, a->W - 32, ca,
               sg->causa[0] ? c : pide ? "(falta: se pide en amarillo y rojo)" : "(ninguna)");
        free(c);
    }
    if (y <= bottom) {
        char vv[32], aa[32];
        snprintf(t, sizeof t, "  Umbrales: verde %s %s, amarillo %s %s, rojo debajo; gris: nada "
                 "programado al corte. Enter o r/o/v/a editan.",
                 a->utf8 ? "≥" : ">=", num_format_pct(a->cfg->umbrales.verde, vv, sizeof vv),
                 a->utf8 ? "≥" : ">=", num_format_pct(a->cfg->umbrales.amarillo, aa, sizeof aa));
        ui_put(y++, 0, a->W, A_DIM, t);
    }
}


/* ---- requests ---- */

static int form_editar(App *a, SegCampo c)
{
    a->seg->campo = c;
    return ui_seg_edit(a, ui_seg_fila_node(a), c, NULL);
}

static int form_request(App *a, UiReq req, int key)
{
    (void)key;
    UiSeg *s = a->seg;
    switch (req) {
    case REQ_UP:
    case REQ_DOWN: {
        /* up and down walk the fields; the pages, the unit's actividades */
        int c = (int)s->campo + (req == REQ_UP ? -1 : 1);
        s->campo = (SegCampo)(c < 0 ? 0 : c >= SEG_NCAMPOS ? SEG_NCAMPOS - 1 : c);
        return MOVE;
    }
    case REQ_PAGE_UP:
    case REQ_PAGE_DOWN:
        lista_move(ui_seg_filas_list(a), req == REQ_PAGE_UP ? LISTA_ARRIBA : LISTA_ABAJO);
        return MOVE;
    case REQ_SEG_ENTER:
        if (a->solo_lectura[0]) {   /* Enter edits here (the key table cannot tell) */
            ui_status_solo_lectura(a);
            return MOVE;
        }
        return ui_seg_edit(a, ui_seg_fila_node(a), s->campo, NULL);
    case REQ_SEG_REAL: return form_editar(a, SEG_CAMPO_REAL);
    case REQ_SEG_OBS: return form_editar(a, SEG_CAMPO_OBS);
    case REQ_SEG_EVID: return form_editar(a, SEG_CAMPO_EVID);
    case REQ_SEG_CAUSA: return form_editar(a, SEG_CAMPO_CAUSA);
    default: return ui_seg_corte_request(a, req);
    }
}

/* From the plan on its selected actividad, from the table on its row; the
 * form never opens on another row than the one chosen. */
static bool form_open(App *a, Vista from, const UiPedido *p)
{
    int node = p->nodo;
    if (from == VISTA_PLAN) {
        if (node <= 0 || !plan_act(a->plan, node)) {
            ui_status(a, true, "El formulario es de una actividad: elija una (S abre la tabla de la unidad)");
            return false;
        }
        ui_seg_filas_at(a, node);
        if (ui_seg_fila_node(a) != node) {
            ui_status(a, true, "La actividad no está en la tabla de su unidad: no se abrió el formulario");
            return false;
        }
    } else if (from != VISTA_TABLA) {
        node = -1;
    }
    if (node < 0) {
        ui_status(a, true, "Elija una actividad en el plan o en la tabla");
        return false;
    }
    a->seg->campo = SEG_CAMPO_REAL;
    ui_status(a, false, "%s", p->aviso ? p->aviso
                                     : "Enter edita el campo marcado; RePág/AvPág: otra actividad de la unidad");
    return true;
}

const UiScreen UI_SCREEN_FORM = {
    .vista = VISTA_FORM,
    .draw = form_draw,
    .request = form_request,
    .open = form_open,
    .foco = ui_seg_fila_node,
    .position = ui_seg_position,
};
