/* ui_draw.c — the drawing primitives every screen and dialog uses: color
 * roles (each with a monochrome attribute), fitted and wrapped text, the
 * status line and the bottom bar (from the key table). No screen here. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"
#include "ui_app.h"

#define MIN_W 80
#define MIN_H 24

/* One row per role: colors, the attribute added in color, and the whole
 * attribute on a monochrome terminal or with NO_COLOR. */
static const struct {
    short fg, bg;
    int color_attr, mono_attr;
} ROLES[CR_N] = {
    [CR_NORMAL] = {-1, -1, 0, 0},
    [CR_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [CR_HEADER] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [CR_CURMONTH] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
    [CR_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [CR_CELL_SEL] = {COLOR_WHITE, COLOR_MAGENTA, A_BOLD, A_REVERSE | A_BOLD | A_UNDERLINE},
    [CR_CODE] = {COLOR_YELLOW, -1, 0, A_BOLD},
    [CR_SUMMARY] = {COLOR_BLUE, -1, A_BOLD, A_DIM},
    [CR_PLANNED] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [CR_QUARTER] = {COLOR_BLUE, -1, 0, 0},
    [CR_DETAIL_LABEL] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [CR_STATUS_OK] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [CR_STATUS_ERR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [CR_BAR_KEY] = {-1, -1, A_BOLD, A_BOLD},
    [CR_BAR_LABEL] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
    [CR_DIALOG] = {COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE},
    /* semáforo: the mark letter (V/A/R/—) reads without color too */
    [CR_SEM_VERDE] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [CR_SEM_AMARILLO] = {COLOR_YELLOW, -1, A_BOLD, A_UNDERLINE},
    [CR_SEM_ROJO] = {COLOR_RED, -1, A_BOLD, A_REVERSE | A_BOLD},
    [CR_SEM_GRIS] = {-1, -1, A_DIM, A_DIM},
};

void ui_colors_init(App *a)
{
    a->color = a->color && has_colors();
    if (a->color) {
        start_color();
        use_default_colors();
    }
    for (int r = 0; r < CR_N; r++) {
        if (a->color && r != CR_NORMAL) {
            init_pair((short)r, ROLES[r].fg, ROLES[r].bg);
            a->attr[r] = COLOR_PAIR(r) | ROLES[r].color_attr;
        } else {
            a->attr[r] = ROLES[r].mono_attr;
        }
    }
}

int ui_attr(const App *a, ColorRole r) { return a->attr[r]; }

/* Set once at start: the terminal is not UTF-8, so every text is written
 * in its ASCII spelling instead of as bytes it would show as garbage. */
static bool ascii_only;

void ui_set_ascii(bool on) { ascii_only = on; }

void ui_put(int y, int x, int w, int attr, const char *s)
{
    if (w <= 0)
        return;
    char buf[2048];
    u8_fit_copy(s, w, true, buf, sizeof buf);
    if (ascii_only) {
        /* fitted first (the layout measured the original), then spelled in
         * ASCII; a spelling longer than its character ("≥" -> ">=") is cut
         * back to the width: in ASCII a byte is a column */
        char *t = u8_ascii(buf);
        if (strlen(t) > (size_t)w)
            t[w] = '\0';
        snprintf(buf, sizeof buf, "%s", t);
        free(t);
    }
    attrset(attr);
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
}

void ui_layout(App *a)
{
    a->W = COLS;
    a->H = LINES;
    a->too_small = a->W < MIN_W || a->H < MIN_H;
}

typedef struct {
    int y, x, w, attr, left;
} Wrapped;

static void wrapped_line(const char *line, size_t len, void *ctx)
{
    Wrapped *w = ctx;
    if (w->left <= 0)
        return;
    char *s = xstrndup(line, len);
    if (w->left == 1 && line[len] != '\0') {
        /* the last line that fits, and text remains: say so */
        char *t = xasprintf("%s …", s);
        free(s);
        s = t;
    }
    ui_put(w->y++, w->x, w->w, w->attr, s);
    free(s);
    w->left--;
}

int ui_put_wrapped(int y, int x, int w, int maxlines, int attr, const char *s)
{
    if (maxlines <= 0 || w <= 1)
        return 0;
    Wrapped ctx = {y, x, w, attr, maxlines};
    /* wrap one column short so the "…" of a cut last line fits */
    u8_wrap(s, w - 1, wrapped_line, &ctx);
    return maxlines - ctx.left;
}

void ui_hline(App *a, int y)
{
    const char *hl = ui_glyph(a, "─", "-");
    StrBuf sep = {0};
    for (int i = 0; i < a->W; i++)
        sb_append(&sep, hl);
    ui_put(y, 0, a->W, ui_attr(a, CR_QUARTER), sb_str(&sep));
    sb_free(&sep);
}

void ui_status(App *a, bool err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(a->status, sizeof a->status, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof a->status) {
        /* cut: never leave half a character at the end */
        size_t len = strlen(a->status), bad;
        while (len && !u8_valid(a->status, len, &bad))
            a->status[--len] = '\0';
    }
    a->status_err = err;
}

void ui_status_solo_lectura(App *a)
{
    ui_status(a, true, "%s: no se puede editar. Cierre esa sesión de poa y vuelva a abrir el "
              "archivo", a->solo_lectura);
}

static void draw_status(App *a)
{
    int y = a->H - 2;
    const char *right = a->posicion;
    int rw = (int)strlen(right);
    int attr = ui_attr(a, a->status_err ? CR_STATUS_ERR : CR_STATUS_OK);
    if (a->status_err && u8_width(a->status) > a->W - rw) {
        /* an error too long for one line takes the line above as well, so
         * its end (what to do about it) is read, not cut; that line is
         * cleared to its end, or the screen's text shows past the message */
        ui_put(y - 1, 0, a->W, attr, "");
        ui_put(y, 0, a->W - rw, attr, "");
        ui_put_wrapped(y - 1, 0, a->W - rw, 2, attr, a->status);
    } else {
        ui_put(y, 0, a->W - rw, attr, a->status);
    }
    ui_put(y, a->W - rw, rw, 0, right);
}

void ui_draw_status(App *a)
{
    if (a->too_small)
        return;
    draw_status(a);
    refresh();
}

/* The F-keys of this screen, htop-style: "F1Ayuda  F2Editar …", each label
 * followed by at least one space so none run together. When they do not
 * fit, keys leave by their barra_sale (higher first, then the higher
 * F-number); F-keys never change place, and all of them stay in the help. */
/* The grid of the plan has keys and no F-key of its own: while it has the
 * focus the bar lists them after Tab back to the tree ("Tab Árbol  Espacio
 * Marcar mes  0…9 Cantidad …"), from the key table, and F10 last; what
 * does not fit leaves from the end, F10 stays. */
static void draw_grid_bar(App *a)
{
    int y = a->H - 1;
    char txt[16][192];
    int n = 0;
    snprintf(txt[n++], sizeof txt[0], "%s", "Tab Árbol");   /* the way out first */
    for (int i = 0; i < UI_NKEYS && n < 14; i++) {
        const UiKey *k = &UI_KEYS[i];
        if (k->ctx != CTX_GRID || strcmp(k->grupo, "Moverse") == 0)
            continue;
        char names[128];
        ui_key_names(k, names, sizeof names);
        char *comma = strstr(names, ", ");
        if (comma)
            *comma = '\0';   /* the first name is enough here; F1 lists all */
        snprintf(txt[n++], sizeof txt[0], "%s %s", names, k->accion);
    }
    int need = 0, keep = n;
    for (int i = 0; i < n; i++)
        need += u8_width(txt[i]) + 2;
    const char *salir = "F10Salir";
    while (keep > 0 && need + u8_width(salir) > a->W)
        need -= u8_width(txt[--keep]) + 2;
    int x = 0;
    ui_put(y, 0, a->W, ui_attr(a, CR_BAR_LABEL), "");
    for (int i = 0; i < keep; i++) {
        /* the key in the key color, its action in the label color */
        const char *sp = strchr(txt[i], ' ');
        int kw = sp ? u8_width(txt[i]) - u8_width(sp) : 0;
        char key[192];
        snprintf(key, sizeof key, "%.*s", (int)(sp ? sp - txt[i] : 0), txt[i]);
        ui_put(y, x, kw, ui_attr(a, CR_BAR_KEY), key);
        ui_put(y, x + kw, u8_width(txt[i]) - kw + 2, ui_attr(a, CR_BAR_LABEL), sp ? sp : txt[i]);
        x += u8_width(txt[i]) + 2;
    }
    if (x + u8_width(salir) <= a->W) {
        ui_put(y, x, 3, ui_attr(a, CR_BAR_KEY), "F10");
        ui_put(y, x + 3, a->W - x - 3, ui_attr(a, CR_BAR_LABEL), "Salir");
    }
}

static void draw_bar(App *a)
{
    if (a->vista == VISTA_PLAN && a->focus == FOCUS_GRID) {
        draw_grid_bar(a);
        return;
    }
    int y = a->H - 1, x = 0;
    const UiKey *k[12];
    int n = 0;
    for (int f = 1; f <= 12; f++)
        for (int i = 0; i < UI_NKEYS; i++)
            if (UI_KEYS[i].fkey == f && ui_key_applies(&UI_KEYS[i], a)) {
                k[n++] = &UI_KEYS[i];
                break;
            }
    int need;
    for (;;) {
        need = 0;
        for (int i = 0; i < n; i++)
            need += (k[i]->fkey < 10 ? 2 : 3) + u8_width(k[i]->barra);
        if (need + n <= a->W || n == 0)
            break;
        int out = -1;
        for (int i = 0; i < n; i++)
            if (k[i]->barra_sale > 0 && (out < 0 || k[i]->barra_sale >= k[out]->barra_sale))
                out = i;
        if (out < 0)
            out = n - 1 > 0 && k[n - 1]->fkey == 10 ? n - 2 : n - 1;  /* F10 Salir stays */
        if (out < 0)
            break;
        memmove(&k[out], &k[out + 1], sizeof *k * (size_t)(n - out - 1));
        n--;
    }
    /* one or two spaces after each label as room allows (htop pads to 6) */
    int spare = a->W - need, pad = n ? spare / n : 0, extra = n ? spare % n : 0;
    if (pad >= 2) {
        pad = 2;
        extra = 0;
    }
    if (pad < 1)
        pad = 1, extra = 0;
    for (int i = 0; i < n; i++) {
        char key[8];
        snprintf(key, sizeof key, "F%d", k[i]->fkey);
        int kw = (int)strlen(key);
        int lw = u8_width(k[i]->barra) + pad + (i < extra ? 1 : 0);
        if (x + kw + lw > a->W)
            lw = a->W - x - kw;
        if (lw <= 0)
            break;
        ui_put(y, x, kw, ui_attr(a, CR_BAR_KEY), key);
        ui_put(y, x + kw, lw, ui_attr(a, CR_BAR_LABEL), k[i]->barra);
        x += kw + lw;
    }
    if (x < a->W)
        ui_put(y, x, a->W - x, ui_attr(a, CR_BAR_LABEL), "");
}

void ui_draw_status_bar(App *a)
{
    draw_status(a);
    draw_bar(a);
}

void ui_draw_too_small(App *a)
{
    char m[160];
    snprintf(m, sizeof m, "Terminal demasiado pequeña: %d×%d", a->W, a->H);
    int y = a->H / 2 - 1;
    ui_put(y < 0 ? 0 : y, 0, a->W, A_BOLD, m);
    snprintf(m, sizeof m, "Se necesitan al menos %d×%d (columnas×filas).", MIN_W, MIN_H);
    ui_put(y + 1 < a->H ? y + 1 : 0, 0, a->W, 0, m);
    if (y + 2 < a->H)
        ui_put(y + 2, 0, a->W, 0, "q: salir");
}
