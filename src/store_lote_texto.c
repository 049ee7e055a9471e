/* store_lote_texto.c — what the analyst reads about a bulk undo or redo:
 * the row in the way and the later change that moved it, and the counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_lote_int.h"

typedef struct {
    const char *tabla, *uno, *varios;
    bool femenino;
} Etiqueta;

/* In the order the counts are told (the tree, top down). */
static const Etiqueta ETIQUETAS[] = {
    {"institucion", "institución", "instituciones", true},
    {"plan", "plan", "planes", false},
    {"unidad", "unidad", "unidades", true},
    {"eje", "eje", "ejes", false},
    {"objetivo", "objetivo", "objetivos", false},
    {"meta", "meta", "metas", true},
    {"entregable", "entregable", "entregables", false},
    {"actividad", "actividad", "actividades", true},
    {"mes", "mes", "meses", false},
    {"meta_trimestre", "meta trimestral", "metas trimestrales", true},
    {"seguimiento", "seguimiento", "seguimientos", false},
    {"corte", "corte", "cortes", false},
    {"captura", "captura", "capturas", true},
};
#define NETIQ ((int)(sizeof ETIQUETAS / sizeof ETIQUETAS[0]))

static int etiqueta(const char *tabla)
{
    for (int i = 0; i < NETIQ; i++)
        if (strcmp(ETIQUETAS[i].tabla, tabla) == 0)
            return i;
    return -1;
}

/* s cut to at most max bytes on a character boundary, with "…". */
static void cortar(char *s, size_t max)
{
    if (strlen(s) <= max)
        return;
    size_t n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    memcpy(s + n, "…", sizeof "…");
}

/* One text from a query with one bound text (?1), or "" (caller frees). */
static char *texto1(Db *db, const char *sql, const char *a, const char *b)
{
    sqlite3_stmt *st;
    char *v = NULL;
    if (sqlite3_prepare_v2(db_sqlite(db), sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
        if (b)
            sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
            v = xstrdup(sql_col_text(st, 0));
        sqlite3_finalize(st);
    }
    return v;
}

/* "1.2 Diagnóstico" of the actividad with id the first of clave: from the
 * file, else from its newest image (a row the undo would take away). */
static char *actividad_de(Db *db, const char *clave)
{
    char *v = texto1(db, "SELECT trim(codigo || ' ' || texto) FROM actividad "
                         "WHERE id = json_extract(?1, '$[0]')", clave, NULL);
    if (!v)
        v = texto1(db, "SELECT trim(json_extract(i, '$.codigo') || ' ' || json_extract(i, "
                       "'$.texto')) FROM (SELECT coalesce(antes, despues) AS i FROM imagen "
                       "WHERE tabla = 'actividad' AND clave = json_array(json_extract(?1, "
                       "'$[0]')) ORDER BY id DESC LIMIT 1)", clave, NULL);
    if (!v)
        v = xstrdup("?");
    cortar(v, 60);
    return v;
}

/* "la actividad «1.2 Diagnóstico»", "el cronograma de la actividad «…»". */
static char *nombre_fila(Db *db, const char *tabla, const char *clave, const char *img)
{
    const char *j = img ? img : "{}";
    if (strcmp(tabla, "mes") == 0 || strcmp(tabla, "meta_trimestre") == 0 ||
        strcmp(tabla, "seguimiento") == 0) {
        char *a = actividad_de(db, clave);
        char *r;
        if (strcmp(tabla, "mes") == 0)
            r = xasprintf("el cronograma de la actividad «%s»", a);
        else if (strcmp(tabla, "meta_trimestre") == 0)
            r = xasprintf("las metas trimestrales de la actividad «%s»", a);
        else {
            char *c = texto1(db, "SELECT json_extract(?1, '$[1]')", clave, NULL);
            r = xasprintf("el seguimiento del corte %s de la actividad «%s»", c ? c : "?", a);
            free(c);
        }
        free(a);
        return r;
    }
    if (strcmp(tabla, "corte") == 0) {
        char *c = texto1(db, "SELECT json_extract(?1, '$[1]')", clave, NULL);
        char *r = xasprintf("el corte %s", c ? c : "?");
        free(c);
        return r;
    }
    const char *campo = strcmp(tabla, "eje") == 0 || strcmp(tabla, "unidad") == 0 ||
                                strcmp(tabla, "institucion") == 0
                            ? "trim(json_extract(?1, '$.nombre'))"
                            : "trim(coalesce(json_extract(?1, '$.codigo'), '') || ' ' || "
                              "coalesce(json_extract(?1, '$.texto'), ''))";
    char *sql = xasprintf("SELECT %s", campo);
    char *t = texto1(db, sql, j, NULL);
    free(sql);
    if (t)
        cortar(t, 60);
    int e = etiqueta(tabla);
    char *r;
    if (e < 0)
        r = xasprintf("una fila de «%s»", tabla);
    else if (strcmp(tabla, "plan") == 0)
        r = xstrdup("el plan");
    else if (t && *t)
        r = xasprintf("%s %s «%s»", ETIQUETAS[e].femenino ? "la" : "el", ETIQUETAS[e].uno, t);
    else
        r = xasprintf("%s %s sin texto", ETIQUETAS[e].femenino ? "la" : "el", ETIQUETAS[e].uno);
    free(t);
    return r;
}

/* "14:02" of a change-log moment today, else "2026-11-30 14:02". */
static void hora(const char *momento, char *buf, size_t n)
{
    char hoy[32];
    now_text(hoy, sizeof hoy);
    if (strlen(momento) >= 16 && strncmp(momento, hoy, 10) == 0)
        snprintf(buf, n, "%.5s", momento + 11);
    else
        snprintf(buf, n, "%.16s", momento);
}

/* The newest still-applied action after accion that wrote the row: a bulk
 * one through its images, a small one through its log row (months and
 * seguimiento are logged on their actividad). "" when none: another
 * program wrote the file without poa's log. */
void lote_posterior(Db *db, int64_t accion, const char *tabla, const char *clave, char *buf,
                    size_t n)
{
    buf[0] = '\0';
    int64_t mejor = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db_sqlite(db),
                           "SELECT c.descripcion, c.momento, c.accion FROM imagen i JOIN cambio c "
                           "ON c.accion = i.accion AND c.tipo = 'lote' WHERE i.tabla = ?1 AND "
                           "i.clave = ?2 AND i.accion > ?3 AND c.deshecho = 0 "
                           "ORDER BY i.accion DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, tabla, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, clave, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, accion);
        if (sqlite3_step(st) == SQLITE_ROW) {
            char h[32];
            hora(sql_col_text(st, 1), h, sizeof h);
            snprintf(buf, n, "%s, %s", sql_col_text(st, 0), h);
            mejor = sqlite3_column_int64(st, 2);
        }
        sqlite3_finalize(st);
    }
    const char *t = strcmp(tabla, "mes") == 0 || strcmp(tabla, "meta_trimestre") == 0
                        ? "actividad" : tabla;
    if (sqlite3_prepare_v2(db_sqlite(db),
                           "SELECT descripcion, momento, accion FROM cambio WHERE accion > ?3 "
                           "AND deshecho = 0 AND tipo NOT IN ('deshacer', 'rehacer', 'lote') "
                           "AND tabla = ?1 AND fila_id = json_extract(?2, '$[0]') "
                           "ORDER BY accion DESC LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, t, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, clave, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, mejor > accion ? mejor : accion);
        if (sqlite3_step(st) == SQLITE_ROW) {
            char h[32];
            hora(sql_col_text(st, 1), h, sizeof h);
            snprintf(buf, n, "%s, %s", sql_col_text(st, 0), h);
        }
        sqlite3_finalize(st);
    }
}

void lote_conflicto(Db *db, int64_t accion, const char *tabla, const char *clave,
                    const char *imagen, const char *verbo, const char *desc, PoaErr *err)
{
    char *fila = nombre_fila(db, tabla, clave, imagen);
    char luego[400];
    lote_posterior(db, accion, tabla, clave, luego, sizeof luego);
    if (*luego)
        err_set(err, "No se puede %s «%s»: %s se cambió después (%s)", verbo, desc, fila, luego);
    else
        err_set(err, "No se puede %s «%s»: %s ya no está como la dejó esa acción (otro "
                "programa la cambió)", verbo, desc, fila);
    free(fila);
}

void lote_ajena(Db *db, int64_t accion, const char *tabla, const char *clave,
                const char *verbo, const char *desc, PoaErr *err)
{
    char *fila = nombre_fila(db, tabla, clave, NULL);
    char luego[400];
    lote_posterior(db, accion, tabla, clave, luego, sizeof luego);
    err_set(err, "No se puede %s «%s»: se llevaría también %s, que %s%s%s", verbo, desc, fila,
            *luego ? "se cambió después (" : "otro programa agregó", luego, *luego ? ")" : "");
    free(fila);
}

/* ---- counts ---- */

static const char SQL_CUENTAS[] =
    "SELECT tabla, CASE WHEN antes IS NULL THEN 0 WHEN despues IS NULL THEN 1 ELSE 2 END, "
    "  count(*) FROM imagen WHERE accion = ?1 "
    /* the implicit eje and entregable of plans without them are not shown */
    "  AND NOT (tabla = 'eje' AND json_extract(coalesce(antes, despues), '$.nombre') = '') "
    "  AND NOT (tabla = 'entregable' AND json_extract(coalesce(antes, despues), '$.codigo') = '' "
    "           AND json_extract(coalesce(antes, despues), '$.texto') = '') "
    "GROUP BY 1, 2";

/* kind 0: rows the action inserted, 1: deleted, 2: changed. */
static const char *const VERBO_DESHACER[3] = {"quitad", "restaurad", "devuelt"};
static const char *const VERBO_REHACER[3] = {"agregad", "borrad", "cambiad"};

bool lote_cuentas(Db *db, int64_t accion, bool hacia_antes, StrBuf *out, PoaErr *err)
{
    int n[3][NETIQ + 1];
    memset(n, 0, sizeof n);
    sqlite3_stmt *st = db_stmt(db, SQL_CUENTAS, err);
    if (!st)
        return false;
    sqlite3_bind_int64(st, 1, accion);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int e = etiqueta(sql_col_text(st, 0));
        int k = sqlite3_column_int(st, 1);
        n[k][e < 0 ? NETIQ : e] += sqlite3_column_int(st, 2);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sql_fail(db, err, "No se pudo leer el registro de cambios");
    static const int ORDEN[3] = {1, 0, 2};   /* restored first: what a delete's undo is about */
    bool primero = true;
    for (int oi = 0; oi < 3; oi++) {
        int k = ORDEN[oi];
        int total = 0, partes = 0;
        bool fem = true;
        for (int e = 0; e <= NETIQ; e++)
            if (n[k][e]) {
                total += n[k][e];
                partes++;
                fem = fem && e < NETIQ && ETIQUETAS[e].femenino;
            }
        if (!total)
            continue;
        sb_append(out, primero ? "" : "; ");
        primero = false;
        int hecho = 0;
        for (int e = 0; e <= NETIQ; e++) {
            if (!n[k][e])
                continue;
            hecho++;
            const char *sep = hecho == 1 ? "" : hecho == partes ? " y " : ", ";
            if (e == NETIQ)
                sb_appendf(out, "%s%d filas de otras tablas", sep, n[k][e]);
            else
                sb_appendf(out, "%s%d %s", sep, n[k][e],
                           n[k][e] == 1 ? ETIQUETAS[e].uno : ETIQUETAS[e].varios);
        }
        bool uno = total == 1;
        sb_appendf(out, " %s%s%s", hacia_antes ? VERBO_DESHACER[k] : VERBO_REHACER[k],
                   fem ? "a" : "o", uno ? "" : "s");
        if (k == 2 && hacia_antes)
            sb_append(out, " a como estaba");
        if (k == 2 && hacia_antes && !uno)
            sb_append(out, "n");
        if (!hacia_antes)
            sb_append(out, " de nuevo");
    }
    return true;
}
