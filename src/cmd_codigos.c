/* cmd_codigos.c — the codes of siblings: the next free code for a new
 * element and renumbering a level (1.1, 1.2… or AO.3.1, AO.3.2…). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "cmd_int.h"
#include "store.h"

/* Splits a code into what precedes its last run of digits and what follows
 * it: "AO.3.1" -> "AO.3." + "", "O.E.3." -> "O.E." + ".". */
/* The last run of digits of a code: c[*start..*end). */
static void last_number(const char *c, size_t *start, size_t *end)
{
    size_t e = strlen(c);
    while (e > 0 && !(c[e - 1] >= '0' && c[e - 1] <= '9'))
        e--;
    size_t b = e;
    while (b > 0 && c[b - 1] >= '0' && c[b - 1] <= '9')
        b--;
    *start = b;
    *end = e;
}

char *cmd_codigo_siguiente(const char *c)
{
    size_t start, end;
    last_number(c, &start, &end);
    if (end == start)
        return xstrdup("");
    return xasprintf("%.*s%ld%s", (int)start, c, strtol(c + start, NULL, 10) + 1, c + end);
}

char *cmd_codigo_sugerido(const Plan *p, int prev, int parent, NodeKind kind)
{
    if (!cmd_campo_aplica(kind, CAMPO_CODIGO))
        return xstrdup("");
    if (prev > 0 && p->nodes[prev].codigo[0]) {
        /* step past the codes the siblings already use ("AO.3.2" after
         * "AO.3.1" when AO.3.2 exists further down) */
        char *code = cmd_codigo_siguiente(p->nodes[prev].codigo);
        const IntVec *sib = &p->nodes[p->nodes[prev].parent].kids;
        for (int guard = 0; *code && guard < 10000; guard++) {
            bool used = false;
            for (int i = 0; i < sib->n && !used; i++)
                used = strcmp(p->nodes[sib->v[i]].codigo, code) == 0;
            if (!used)
                break;
            char *next = cmd_codigo_siguiente(code);
            free(code);
            code = next;
        }
        return code;
    }
    if (kind == NODE_ACTIVIDAD && parent > 0 && p->nodes[parent].codigo[0])
        return xasprintf("%s.1", p->nodes[parent].codigo);
    return xstrdup("");
}

static void code_split(const char *c, char **prefix, char **suffix)
{
    size_t n = strlen(c), start, end;
    last_number(c, &start, &end);
    if (end == 0) {   /* no digits: number after the whole code */
        *prefix = n ? xasprintf("%s.", c) : xstrdup("");
        *suffix = xstrdup("");
        return;
    }
    *prefix = xstrndup(c, start);
    *suffix = xstrdup(c + end);
}

char **cmd_renumber_codes(const Plan *p, int node, int *n)
{
    *n = 0;
    NodeKind k = p->nodes[node].kind;
    if (node <= 0 || !cmd_campo_aplica(k, CAMPO_CODIGO))
        return NULL;
    const IntVec *sib = &p->nodes[p->nodes[node].parent].kids;
    char *prefix = NULL, *suffix = NULL;
    const char *first = p->nodes[sib->v[0]].codigo;
    if (first[0]) {
        code_split(first, &prefix, &suffix);
    } else {
        /* "1.1", "1.2" under entregable 1; plain numbers otherwise */
        int vp = cmd_visible_parent(p, node);
        const char *pc = vp > 0 ? p->nodes[vp].codigo : "";
        prefix = pc[0] && k != NODE_OBJETIVO ? xasprintf("%s.", pc) : xstrdup("");
        suffix = xstrdup("");
    }
    char **out = xcalloc((size_t)sib->n, sizeof *out);
    for (int i = 0; i < sib->n; i++)
        out[i] = xasprintf("%s%d%s", prefix, i + 1, suffix);
    free(prefix);
    free(suffix);
    *n = sib->n;
    return out;
}

bool cmd_renumber(Db *db, Plan *p, int node, int *changed, PoaErr *err)
{
    int n;
    char **codes = cmd_renumber_codes(p, node, &n);
    if (changed)
        *changed = 0;
    if (!codes) {
        err_set(err, "Este nivel no tiene códigos");
        return false;
    }
    int parent = p->nodes[node].parent;
    char **old = xcalloc((size_t)n, sizeof *old);
    int64_t accion;
    bool ok = cmd_tx_begin(db, &accion, err);
    int count = 0;
    for (int i = 0; ok && i < n; i++) {
        int x = p->nodes[parent].kids.v[i];
        if (strcmp(p->nodes[x].codigo, codes[i]) == 0)
            continue;
        Node nb = p->nodes[x];
        old[i] = p->nodes[x].codigo;
        p->nodes[x].codigo = xstrdup(codes[i]);
        count++;
        ok = store_save_node(db, p, x, &nb, err) &&
             cmd_log_node(db, accion, p, x, CAMBIO_CAMPO, "codigo", old[i], codes[i],
                          "Renumerar", err);
    }
    ok = cmd_tx_end(db, ok, err);   /* rolls back a failed begin harmlessly */
    for (int i = 0; i < n; i++) {
        if (old[i]) {
            int x = p->nodes[parent].kids.v[i];
            if (ok) {
                str_free(old[i]);
            } else {
                str_free(p->nodes[x].codigo);
                p->nodes[x].codigo = old[i];
            }
        }
        free(codes[i]);
    }
    free(old);
    free(codes);
    if (!ok)
        for (int i = 0; i < n; i++)
            cmd_recargar(db, p, p->nodes[parent].kids.v[i], err);
    if (ok && changed)
        *changed = count;
    return ok;
}
