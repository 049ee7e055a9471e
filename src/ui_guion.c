/* ui_guion.c — the scripted headless mode: parses a script of keys, text and
 * commands, feeds it to the interface key by key and dumps curses' screen as
 * UTF-8 text. Only the input and output devices differ from a terminal. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "u8.h"
#include "ui_app.h"
#include "ui_guion.h"

/* G_CARGAR: a large plan's loader has finished (ui_carga.c); a script says
 * where, so a test knows which keys ran on the first page */
typedef enum { G_KEY, G_TEXT, G_PANTALLA, G_TAMANO, G_FIN, G_CARGAR } GKind;

typedef struct {
    GKind kind;
    int code;        /* G_KEY: the key; G_TAMANO: columns */
    bool is_key;     /* G_KEY: a KEY_* code rather than a character */
    int rows;        /* G_TAMANO */
    char *text;      /* G_TEXT: the text; G_PANTALLA: the file */
    int line;        /* in the script, for messages */
} GItem;

struct UiGuion {
    char *path;
    GItem *items;
    int n, cap;
    int pos;          /* next item */
    size_t text_off;  /* inside a G_TEXT item */
    int cols, rows;
    SCREEN *scr;
    FILE *out, *in;
    bool dumped;      /* the final screen went to stdout */
    int exhausted;    /* reads after the end of the script */
    int code;         /* exit code the script asks for */
};

/* The key names tests/tools/tui-drive (tmux) takes, as the codes curses
 * gives for them on xterm: Enter is \r because the interface runs nonl(),
 * BSpace is DEL (127) as xterm sends it. */
static const struct {
    const char *name;
    int code;
    bool is_key;
} TMUX_KEYS[] = {
    {"Up", KEY_UP, true}, {"Down", KEY_DOWN, true}, {"Left", KEY_LEFT, true},
    {"Right", KEY_RIGHT, true}, {"Home", KEY_HOME, true}, {"End", KEY_END, true},
    {"PageUp", KEY_PPAGE, true}, {"PgUp", KEY_PPAGE, true}, {"PPage", KEY_PPAGE, true},
    {"PageDown", KEY_NPAGE, true}, {"PgDn", KEY_NPAGE, true}, {"NPage", KEY_NPAGE, true},
    {"IC", KEY_IC, true}, {"Insert", KEY_IC, true}, {"DC", KEY_DC, true},
    {"Delete", KEY_DC, true}, {"BTab", KEY_BTAB, true}, {"Enter", '\r', false},
    {"Escape", 27, false}, {"Esc", 27, false}, {"Tab", '\t', false},
    {"Space", ' ', false}, {"BSpace", 127, false},
};

static void add(UiGuion *g, GItem it)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 64;
        g->items = xrealloc(g->items, (size_t)g->cap * sizeof *g->items);
    }
    g->items[g->n++] = it;
}

/* One space-separated key name; false when it names nothing. */
static bool parse_key(const char *tok, GItem *it)
{
    for (size_t i = 0; i < sizeof TMUX_KEYS / sizeof TMUX_KEYS[0]; i++)
        if (strcmp(tok, TMUX_KEYS[i].name) == 0) {
            it->code = TMUX_KEYS[i].code;
            it->is_key = TMUX_KEYS[i].is_key;
            return true;
        }
    size_t len = strlen(tok);
    if (tok[0] == 'F' && len >= 2 && len <= 3) {
        int f = atoi(tok + 1);
        if (f >= 1 && f <= 12 && tok[1] != '0') {
            it->code = KEY_F(f);
            it->is_key = true;
            return true;
        }
    }
    if (tok[0] == 'C' && tok[1] == '-' && len == 3 && tok[2] >= '@' && tok[2] <= '~') {
        it->code = tok[2] & 0x1f;
        it->is_key = false;
        return true;
    }
    uint32_t cp;
    if ((size_t)u8_decode(tok, len, &cp) == len && cp >= 32) {   /* one character */
        it->code = (int)cp;
        it->is_key = false;
        return true;
    }
    return false;
}

static bool parse_command(UiGuion *g, char *s, int line, PoaErr *err)
{
    GItem it = {.line = line};
    char *arg = s + strcspn(s, " ");
    if (*arg)
        *arg++ = '\0';
    if (strcmp(s, ":texto") == 0) {
        it.kind = G_TEXT;
        it.text = xstrdup(arg);
    } else if (strcmp(s, ":pantalla") == 0 && !str_empty(str_trim(arg))) {
        it.kind = G_PANTALLA;
        it.text = xstrdup(arg);
    } else if (strcmp(s, ":tamano") == 0 &&
               sscanf(arg, "%d %d", &it.code, &it.rows) == 2 && it.code > 0 && it.rows > 0 &&
               it.code <= 1000 && it.rows <= 1000) {
        it.kind = G_TAMANO;
    } else if (strcmp(s, ":fin") == 0) {
        it.kind = G_FIN;
    } else if (strcmp(s, ":cargar") == 0) {
        it.kind = G_CARGAR;
    } else {
        err_set(err, "%s:%d: orden de guion desconocida o incompleta «%s» (se esperaba :texto TEXTO, "
                "«:pantalla ARCHIVO», «:tamano COLUMNAS FILAS», «:cargar» o «:fin»)", g->path, line, s);
        return false;
    }
    add(g, it);
    return true;
}

static bool parse_line(UiGuion *g, char *s, int line, PoaErr *err)
{
    size_t len = strlen(s);
    while (len && (s[len - 1] == '\n' || s[len - 1] == '\r'))
        s[--len] = '\0';
    char *p = s + strspn(s, " \t");
    if (!*p || (p[0] == '#' && p[1] == ' '))
        return true;   /* blank line or comment ("#" alone is the key) */
    if (p[0] == ':')
        return parse_command(g, p, line, err);
    while (*p) {
        size_t n = strcspn(p, " \t");
        char save = p[n];
        p[n] = '\0';
        GItem it = {.kind = G_KEY, .line = line};
        if (!parse_key(p, &it)) {
            err_set(err, "%s:%d:%d: tecla desconocida «%s» (nombres como los de tmux: Up Down "
                    "Enter Escape Tab BTab F1…F12 C-x Home End PageUp PageDown Space BSpace, "
                    "o un carácter)", g->path, line, (int)(p - s) + 1, p);
            return false;
        }
        add(g, it);
        p[n] = save;
        p += n;
        p += strspn(p, " \t");
    }
    return true;
}

UiGuion *ui_guion_new(const char *path, const char *tamano, PoaErr *err)
{
    UiGuion *g = xcalloc(1, sizeof *g);
    g->path = xstrdup(path);
    g->cols = 80;
    g->rows = 24;
    if (!str_empty(tamano)) {
        char x;
        if (sscanf(tamano, "%d%c%d", &g->cols, &x, &g->rows) != 3 || x != 'x' || g->cols < 1 ||
            g->rows < 1 || g->cols > 1000 || g->rows > 1000) {
            err_set(err, "POA_GUION_TAMANO: «%s» no es un tamaño (se esperaba COLUMNASxFILAS, "
                    "como 80x24)", tamano);
            ui_guion_free(g);
            return NULL;
        }
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        err_set(err, "%s: no se puede leer el guion: %s", path, err_sistema(errno));
        ui_guion_free(g);
        return NULL;
    }
    char *buf = NULL;
    size_t cap = 0;
    int line = 0;
    bool ok = true;
    while (ok && getline(&buf, &cap, f) >= 0)
        ok = parse_line(g, buf, ++line, err);
    free(buf);
    fclose(f);
    if (!ok) {
        ui_guion_free(g);
        return NULL;
    }
    return g;
}

void ui_guion_free(UiGuion *g)
{
    if (!g)
        return;
    if (g->scr)
        delscreen(g->scr);
    if (g->out)
        fclose(g->out);
    if (g->in)
        fclose(g->in);
    for (int i = 0; i < g->n; i++)
        free(g->items[i].text);
    free(g->items);
    free(g->path);
    free(g);
}

bool ui_guion_open_screen(UiGuion *g, PoaErr *err)
{
    g->out = fopen("/dev/null", "w");
    g->in = fopen("/dev/null", "r");
    /* a fixed terminal type: the run must not depend on the caller's TERM */
    if (g->out && g->in)
        g->scr = newterm("xterm-256color", g->out, g->in);
    if (!g->scr) {
        err_set(err, "%s: no se pudo abrir la pantalla sin terminal (xterm-256color)", g->path);
        return false;
    }
    set_term(g->scr);
    resizeterm(g->rows, g->cols);
    return true;
}

/* curscr as text: what a terminal would show, wide characters read back
 * as characters (not bytes), trailing spaces trimmed. */
static void dump_screen(FILE *f)
{
    cchar_t *cells = xcalloc((size_t)COLS + 1, sizeof *cells);
    char *line = xmalloc((size_t)COLS * CCHARW_MAX * MB_LEN_MAX + 1);
    for (int y = 0; y < LINES; y++) {
        memset(cells, 0, ((size_t)COLS + 1) * sizeof *cells);
        mvwin_wchnstr(curscr, y, 0, cells, COLS);
        size_t len = 0, keep = 0;
        for (int x = 0; x < COLS; x++) {
            wchar_t wch[CCHARW_MAX + 1] = {0};
            attr_t attrs;
            short pair;
            if (getcchar(&cells[x], wch, &attrs, &pair, NULL) == ERR || !wch[0])
                break;
            mbstate_t st = {0};
            for (int i = 0; wch[i]; i++) {
                size_t n = wcrtomb(line + len, wch[i], &st);
                if (n != (size_t)-1)
                    len += n;
            }
            if (wch[0] != L' ')
                keep = len;
        }
        line[keep] = '\0';
        fprintf(f, "%s\n", line);
    }
    free(line);
    free(cells);
}

static bool dump_to(UiGuion *g, const GItem *it)
{
    FILE *f = fopen(it->text, "w");
    if (!f) {
        fprintf(stderr, "poa: %s:%d: no se puede escribir la pantalla en %s: %s\n", g->path,
                it->line, it->text, err_sistema(errno));
        return false;
    }
    dump_screen(f);
    return fclose(f) == 0;
}

/* The script ran out (or said :fin). In the main loop that ends the session
 * as q would; a dialog waiting there is an error: it hears Esc with quit set,
 * as for a signal, so everything unwinds unconfirmed. */
static int exhausted(UiGuion *g, App *a, bool dialog)
{
    if (!g->dumped) {
        dump_screen(stdout);
        fflush(stdout);
        g->dumped = true;
    }
    a->quit = true;
    if (!dialog)
        return -1;
    if (g->exhausted++ == 0) {
        fprintf(stderr, "poa: %s: el guion terminó con un diálogo esperando una tecla; "
                "se cancela y se sale\n", g->path);
        g->code = EXIT_FAILURE;
    }
    if (g->exhausted > 1000) {   /* a dialog that ignores Esc: never hang */
        endwin();
        fprintf(stderr, "poa: %s: el diálogo no se cierra con Esc\n", g->path);
        exit(EXIT_FAILURE);
    }
    return 27;
}

int ui_guion_key(UiGuion *g, App *a, bool *is_key, bool dialog)
{
    *is_key = false;
    refresh();   /* get_wch would refresh stdscr before waiting */
    while (g->pos < g->n) {
        GItem *it = &g->items[g->pos];
        switch (it->kind) {
        case G_KEY:
            g->pos++;
            *is_key = it->is_key;
            if (!a->utf8 && !it->is_key && it->code >= 0x80) {
                ui_status(a, true, "Terminal sin UTF-8: solo se puede escribir texto sin acentos");
                return -1;
            }
            return it->code;
        case G_TEXT: {
            size_t len = strlen(it->text);
            if (g->text_off >= len) {
                g->pos++;
                g->text_off = 0;
                continue;
            }
            uint32_t cp;
            g->text_off += (size_t)u8_decode(it->text + g->text_off, len - g->text_off, &cp);
            if (!a->utf8 && cp >= 0x80) {
                ui_status(a, true, "Terminal sin UTF-8: solo se puede escribir texto sin acentos");
                return -1;
            }
            return (int)cp;
        }
        case G_PANTALLA:
            g->pos++;
            if (!dump_to(g, it)) {
                g->code = EXIT_FAILURE;
                g->pos = g->n;
            }
            continue;
        case G_TAMANO:
            g->pos++;
            /* what a SIGWINCH leads to: new size, then KEY_RESIZE */
            resizeterm(it->rows, it->code);
            *is_key = true;
            return KEY_RESIZE;
        case G_FIN:
            g->pos = g->n;
            break;
        case G_CARGAR:
            g->pos++;
            if (a->carga_completar)
                a->carga_completar(a);
            return -1;   /* the loop draws the whole plan before the next item */
        }
    }
    return exhausted(g, a, dialog);
}

int ui_guion_finish(UiGuion *g)
{
    if (g->code)
        return g->code;
    while (g->pos < g->n && g->items[g->pos].kind == G_FIN)
        g->pos++;   /* q then :fin: nothing was left unread */
    if (g->pos < g->n) {
        fprintf(stderr, "poa: %s:%d: el programa terminó antes del final del guion\n", g->path,
                g->items[g->pos].line);
        return EXIT_FAILURE;
    }
    return 0;
}
