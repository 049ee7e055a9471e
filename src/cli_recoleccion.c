/* cli_recoleccion.c — `poa recoleccion` (collection): «¿Quién falta?» at a
 * corte as a Spanish table with totals, or as JSON for scripts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "json.h"
#include "recoleccion.h"
#include "u8.h"

/* s padded (or cut, never inside a character) to w columns, then a space. */
static void celda(StrBuf *b, const char *s, int w, bool derecha)
{
    char buf[512];
    int used = u8_fit_copy(s, w, false, buf, sizeof buf);
    if (derecha)
        for (int i = used; i < w; i++)
            sb_putc(b, ' ');
    sb_append(b, buf);
    if (!derecha)
        for (int i = used; i < w; i++)
            sb_putc(b, ' ');
}

static const char *pct_texto(bool has, double pct, char *buf, size_t n)
{
    if (has)
        snprintf(buf, n, "%ld %%", calc_pct_entero(pct));
    else
        snprintf(buf, n, "—");
    return buf;
}

static const char *momento(const char *m, char *buf, size_t n)
{
    return m[0] ? recol_momento_corto(m, buf, n) : "—";
}

static void texto(const Plan *p, const Recoleccion *r, StrBuf *b)
{
    char hoy[11], x[64], y[64];
    snprintf(hoy, sizeof hoy, "%.2s/%.2s/%.4s", r->hoy + 8, r->hoy + 5, r->hoy);
    sb_appendf(b, "¿Quién falta? — %s %d · corte %d (%s)\n", p->institucion, p->anio, r->corte,
               POA_TRIM_RANGO[r->corte - 1]);
    if (r->limite[0])
        sb_appendf(b, "Fecha límite: %s · hoy: %s\n", r->limite, hoy);
    else
        sb_appendf(b, "Sin fecha límite ([captura] fecha_limite_%d) · hoy: %s\n", r->corte, hoy);
    sb_appendf(b, "Ordenado por %s\n\n", recol_orden_texto(r->orden));
    int nw = (int)strlen("Unidad");
    for (int i = 0; i < r->nfilas; i++) {
        int w = u8_width(r->filas[i].nombre);
        if (w > nw)
            nw = w;
    }
    if (nw > 40)
        nw = 40;
    celda(b, "Unidad", nw, false);
    sb_append(b, "  ");
    celda(b, "Enviada", 16, false);
    sb_append(b, "  ");
    celda(b, "Devuelta", 16, false);
    sb_append(b, "  ");
    celda(b, "Estado", 10, false);
    sb_append(b, "  Sin reporte  Sin causa      %\n");
    for (int i = 0; i < r->nfilas; i++) {
        const RecolFila *f = &r->filas[i];
        celda(b, f->nombre, nw, false);
        sb_append(b, "  ");
        celda(b, momento(f->enviada_en, x, sizeof x), 16, false);
        sb_append(b, "  ");
        celda(b, momento(f->recibida_en, y, sizeof y), 16, false);
        sb_append(b, "  ");
        celda(b, recol_estado_name(f->estado), 10, false);
        sb_appendf(b, "  %11d  %9d  ", f->sin_reporte, f->sin_causa);
        celda(b, pct_texto(f->has_pct, f->pct, x, sizeof x), 5, true);
        sb_putc(b, '\n');
    }
    celda(b, "Total", nw, false);
    sb_append(b, "  ");
    snprintf(x, sizeof x, "%d de %d", r->nfilas - r->n_estado[RECOL_NO_ENVIADA], r->nfilas);
    celda(b, x, 16, false);
    sb_append(b, "  ");
    snprintf(x, sizeof x, "%d de %d", r->n_estado[RECOL_DEVUELTA], r->nfilas);
    celda(b, x, 16, false);
    sb_append(b, "  ");
    celda(b, "", 10, false);
    sb_appendf(b, "  %11d  %9d  ", r->sin_reporte, r->sin_causa);
    celda(b, pct_texto(r->has_pct, r->pct, x, sizeof x), 5, true);
    sb_append(b, "\n\n");
    sb_appendf(b, "%d %s — devueltas: %d · pendientes: %d · vencidas: %d · no enviadas: %d\n",
               r->nfilas, num_plural(r->nfilas, "unidad", "unidades"), r->n_estado[RECOL_DEVUELTA],
               r->n_estado[RECOL_PENDIENTE], r->n_estado[RECOL_VENCIDA],
               r->n_estado[RECOL_NO_ENVIADA]);
    sb_appendf(b, "%d de %d %s %s al corte; %d sin reporte; %d en amarillo o rojo sin causa.\n",
               r->vencidas, r->actividades, num_plural(r->actividades, "actividad", "actividades"),
               r->vencidas == 1 ? "vence" : "vencen", r->sin_reporte, r->sin_causa);
    /* the files: which workbook went out, and which came back */
    bool titulo = false;
    for (int i = 0; i < r->nfilas; i++) {
        const RecolFila *f = &r->filas[i];
        if (!f->envios)
            continue;
        if (!titulo)
            sb_append(b, "\nLibros de captura:\n");
        titulo = true;
        sb_appendf(b, "  %s: enviada %s", f->nombre, f->archivo);
        if (f->envios > 1)
            sb_appendf(b, " (%d envíos; cuenta el último)", f->envios);
        if (f->recibida_en[0])
            sb_appendf(b, "; devuelta de %s", f->recibida_de);
        sb_putc(b, '\n');
    }
}

static void json_opt(StrBuf *b, const char *key, const char *v)
{
    sb_appendf(b, ", \"%s\": ", key);
    json_string(b, v[0] ? v : NULL);
}

static void json_pct(StrBuf *b, bool has, double pct, Semaforo sem)
{
    if (has)
        sb_appendf(b, ", \"pct\": %.6f, \"pct_entero\": %ld, \"semaforo\": \"%s\"", pct,
                   calc_pct_entero(pct), semaforo_name(sem));
    else
        sb_append(b, ", \"pct\": null, \"pct_entero\": null, \"semaforo\": \"gris\"");
}

/* Keys documented in docs/guia.md («¿Quién falta?»); they stay stable. */
static void json(const Plan *p, const Recoleccion *r, const char *archivo, StrBuf *b)
{
    sb_append(b, "{\n  \"archivo\": ");
    json_string(b, archivo);
    sb_append(b, ",\n  \"institucion\": ");
    json_string(b, p->institucion);
    sb_appendf(b, ",\n  \"anio\": %d,\n  \"corte\": %d,\n  \"hoy\": ", p->anio, r->corte);
    json_string(b, r->hoy);
    sb_append(b, ",\n  \"fecha_limite\": ");
    json_string(b, r->limite[0] ? r->limite : NULL);
    sb_append(b, ",\n  \"orden\": ");
    json_string(b, recol_orden_name(r->orden));
    sb_append(b, ",\n  \"unidades\": [");
    for (int i = 0; i < r->nfilas; i++) {
        const RecolFila *f = &r->filas[i];
        sb_append(b, i ? ",\n    {\"nombre\": " : "\n    {\"nombre\": ");
        json_string(b, f->nombre);
        json_field(b, "estado", recol_estado_name(f->estado));
        sb_appendf(b, ", \"fuera_de_plazo\": %s, \"envios\": %d", f->vencida ? "true" : "false",
                   f->envios);
        json_opt(b, "enviada_en", f->enviada_en);
        json_opt(b, "archivo", f->archivo);
        json_opt(b, "recibida_en", f->recibida_en);
        json_opt(b, "recibida_de", f->recibida_de);
        sb_appendf(b, ", \"actividades\": %d, \"actividades_vencidas\": %d, \"sin_reporte\": %d, "
                   "\"sin_causa\": %d", f->actividades, f->vencidas, f->sin_reporte, f->sin_causa);
        json_pct(b, f->has_pct, f->pct, f->sem);
        sb_putc(b, '}');
    }
    sb_append(b, r->nfilas ? "\n  ],\n" : "],\n");
    sb_appendf(b, "  \"totales\": {\"unidades\": %d, \"devueltas\": %d, \"pendientes\": %d, "
               "\"vencidas\": %d, \"no_enviadas\": %d, \"fuera_de_plazo\": %d, "
               "\"actividades\": %d, \"actividades_vencidas\": %d, \"sin_reporte\": %d, "
               "\"sin_causa\": %d",
               r->nfilas, r->n_estado[RECOL_DEVUELTA], r->n_estado[RECOL_PENDIENTE],
               r->n_estado[RECOL_VENCIDA], r->n_estado[RECOL_NO_ENVIADA], r->n_vencidas_plazo,
               r->actividades, r->vencidas, r->sin_reporte, r->sin_causa);
    json_pct(b, r->has_pct, r->pct, r->sem);
    sb_append(b, "}\n}\n");
}

int cli_recoleccion(const Args *a, const Config *cfg)
{
    if (a->npos != 1)
        return cli_usage_error("recoleccion espera ARCHIVO.db [--corte N] [--orden "
                               "nombre|estado|pct|faltan] [--json]%s", "");
    RecolOrden orden = RECOL_ORDEN_NOMBRE;
    if (a->orden && !recol_orden_parse(a->orden, &orden))
        return cli_usage_error("--orden espera nombre, estado, pct o faltan, no «%s»", a->orden);
    char hoy[11];
    PoaErr err = {{0}};
    if (!recoleccion_hoy(hoy, &err)) {
        fprintf(stderr, "poa: %s\n", err.msg);
        return EXIT_USO;
    }
    Db *db;
    int code = EXIT_OK;
    Plan *p = cli_open_file_plan(a, cfg, a->pos[0], DB_READONLY, &db, &code);
    if (!p)
        return code;
    int corte = a->corte;
    if (!corte) {
        corte = recoleccion_corte_defecto(db, p, &err);
        if (corte < 0) {
            fprintf(stderr, "poa: %s\n", err.msg);
            plan_free(p);
            db_close(db);
            return EXIT_FALLO;
        }
        if (!corte)   /* nothing sent and no data: the configured corte */
            corte = cfg->corte >= 1 && cfg->corte <= POA_TRIMESTRES ? cfg->corte : 1;
    }
    RecolOpts o = {.corte = corte, .umbrales = cfg->umbrales, .regla = cfg->regla,
                   .fecha_limite = cfg->fecha_limite[corte - 1], .hoy = hoy};
    Recoleccion *r = recoleccion_new(db, p, &o, &err);
    if (!r) {
        fprintf(stderr, "poa: %s\n", err.msg);
        plan_free(p);
        db_close(db);
        return EXIT_FALLO;
    }
    recoleccion_ordenar(r, orden);
    StrBuf out = {0};
    if (a->json)
        json(p, r, a->pos[0], &out);
    else
        texto(p, r, &out);
    fputs(sb_str(&out), stdout);
    sb_free(&out);
    recoleccion_free(r);
    plan_free(p);
    db_close(db);
    return EXIT_OK;
}
