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
    /* shorten the levels above node, the widest first, while too wide */
    for (;;) {
        int total = sepw * (n - 1), widest = -1;
        for (int i = 0; i < n; i++)
            total += u8_width(partes[i]);
        if (total <= cols)
            break;
        for (int i = 0; i < n - 1; i++)
            if (u8_width(partes[i]) > PARTE_MIN &&
                (widest < 0 || u8_width(partes[i]) > u8_width(partes[widest])))
                widest = i;
        if (widest < 0) {
            /* the levels above are as short as they go: node's own part */
            int room = cols - (total - u8_width(partes[n - 1]));
            if (room < PARTE_MIN)
                room = PARTE_MIN;
            char buf[1024];
            u8_fit_copy(partes[n - 1], room, false, buf, sizeof buf);
            free(partes[n - 1]);
            partes[n - 1] = xstrdup(buf);
            break;
        }
        int w = u8_width(partes[widest]), excess = total - cols;
        int to = w - excess > PARTE_MIN ? w - excess : PARTE_MIN;
        char buf[1024];
        u8_fit_copy(partes[widest], to, false, buf, sizeof buf);
        free(partes[widest]);
        partes[widest] = xstrdup(buf);
    }
    StrBuf b = {0};
    for (int i = 0; i < n; i++) {
        if (i)
            sb_append(&b, sep);
        sb_append(&b, partes[i]);
        free(partes[i]);
    }
    return sb_take(&b);
}
