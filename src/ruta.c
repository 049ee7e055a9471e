/* ruta.c — the path of a node as one line for lists of places (ruta.h):
 * which levels make it, and how it shortens to a width keeping its end. */
#include "ruta.h"

#include <stdlib.h>
#include <string.h>

#include "u8.h"
#include "util.h"

#define RUTA_MAX 8
#define PARTE_MIN 12   /* a shortened level keeps its code and a word or two */

static char *parte(const Plan *p, int node)
{
    const Node *n = &p->nodes[node];
    if (n->kind == NODE_META) {
        const char *u = n->unidad >= 0 ? p->unidades[n->unidad].nombre : "";
        return xasprintf("%s%s%s", u, n->texto[0] && u[0] ? " · " : "", n->texto);
    }
    if (plan_node_implicit(p, node))
        return NULL;
    return xasprintf("%s%s%s", n->codigo, n->codigo[0] && n->texto[0] ? " " : "", n->texto);
}

static int ancho(char *const *partes, int n, int sepw)
{
    int total = sepw * (n - 1);
    for (int i = 0; i < n; i++)
        total += u8_width(partes[i]);
    return total;
}

/* s in cols columns: its start, "…", and as much of its end as fits. */
static char *recorte_medio(const char *s, int cols)
{
    if (cols < 3)
        cols = 3;
    int head_w = (cols - 1) / 3, used;
    size_t head = u8_fit(s, head_w, &used);
    int room = cols - used - 1;
    size_t tail = head;
    while (s[tail] && u8_width(s + tail) > room)
        tail = u8_next(s, tail);
    return xasprintf("%.*s…%s", (int)head, s, s + tail);
}

char *ruta_node_texto(const Plan *p, int node, int cols, bool utf8)
{
    const char *sep = utf8 ? " › " : " > ";
    int sepw = u8_width(sep);
    char *partes[RUTA_MAX];
    int n = 0;
    int chain[RUTA_MAX], nc = 0;
    for (int i = node; i > 0 && nc < RUTA_MAX; i = p->nodes[i].parent)
        chain[nc++] = i;
    for (int i = nc - 1; i >= 0; i--) {
        char *s = parte(p, chain[i]);
        if (s && !s[0]) {
            free(s);
            s = NULL;
        }
        if (s)
            partes[n++] = s;
    }
    if (n == 0)
        return xstrdup("");
    /* too wide: the levels above node's parent give way first (the widest
     * first, none below PARTE_MIN), then the parent, then node itself */
    int lim[3] = {n - 2, n - 1, n};
    for (int stage = 0; stage < 3 && ancho(partes, n, sepw) > cols; stage++) {
        for (;;) {
            int total = ancho(partes, n, sepw), widest = -1;
            if (total <= cols)
                break;
            for (int i = 0; i < lim[stage]; i++)
                if (u8_width(partes[i]) > PARTE_MIN &&
                    (widest < 0 || u8_width(partes[i]) > u8_width(partes[widest])))
                    widest = i;
            if (widest < 0)
                break;
            int w = u8_width(partes[widest]);
            int to = w - (total - cols) > PARTE_MIN ? w - (total - cols) : PARTE_MIN;
            char buf[1024];
            u8_fit_copy(partes[widest], to, false, buf, sizeof buf);
            free(partes[widest]);
            partes[widest] = xstrdup(buf);
        }
    }
    StrBuf b = {0};
    for (int i = 0; i < n; i++) {
        if (i)
            sb_append(&b, sep);
        sb_append(&b, partes[i]);
        free(partes[i]);
    }
    char *out = sb_take(&b);
    if (u8_width(out) > cols) {   /* every level at its least: cut the middle */
        char *m = recorte_medio(out, cols);
        free(out);
        out = m;
    }
    return out;
}
