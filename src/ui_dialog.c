/* ui_dialog.c — the modal pieces of the interface: the UTF-8 line editor,
 * the filtered picker, the yes/no confirmation and the help screen (built
 * from the key table). Each repaints what is under it with App.redraw (on
 * resize, and a nested dialog's parent too); none knows a screen. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "u8.h"
#include "ui_app.h"
#include "ui_guion.h"
#include "ui_signals.h"

#define K_ESC 27
#define K_CTRL(c) ((c) & 0x1f)

/* Columns taken by the n bytes of s. */
static int width_n(const char *s, size_t n)
{
    int w = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += (size_t)u8_decode(s + i, n - i, &cp);
        w += u8_cp_width(cp);
    }
    return w;
}

/* Reads one key: a character (*is_key false) or a KEY_* code; -1 when
 * there is nothing usable. Without a UTF-8 locale get_wch can wait forever
 * for the rest of a multibyte sequence (seen with LC_ALL=C and "é"), so
 * there bytes are read one by one and the non-ASCII ones refused. */
static int read_key(App *a, bool *is_key, bool dialog);
static bool confirm_box(App *a, const char *line1, const char *line2, bool f10_si);

int ui_read_key(App *a, bool *is_key)
{
    int k = read_key(a, is_key, true);
    /* While "Terminal demasiado pequeña" hides the screen, a key must not
     * act on what cannot be seen: only resize, Esc and F10 get through. */
    if (a->too_small && k >= 0 && !(*is_key && (k == KEY_RESIZE || k == KEY_F(10))) &&
        !(!*is_key && k == K_ESC))
        return -1;
    return k;
}

int ui_read_dialog_key(App *a, bool *is_key)
{
    int k = ui_read_key(a, is_key);
    if (*is_key && k == KEY_RESIZE) {
        a->redraw(a);   /* what is under the dialog; the dialog draws itself next */
        return -1;
    }
    return k;
}

/* A terminating signal (ui_signals.c) reads as Esc with quit set, so every
 * dialog cancels what is not confirmed and the main loop ends the session. */
static int signal_key(App *a)
{
    a->quit = true;
    return K_ESC;
}

int ui_read_key_any(App *a, bool *is_key)
{
    return read_key(a, is_key, false);
}

/* dialog: a dialog waits, not the main loop (the script's end means
 * different things to them, ui_guion.c) */
static int read_key(App *a, bool *is_key, bool dialog)
{
    *is_key = false;
    if (ui_signals_pending())
        return signal_key(a);
    if (a->guion)   /* POA_GUION: the keys come from the script */
        return ui_guion_key(a->guion, a, is_key, dialog);
    if (!a->utf8) {
        int c = getch();
        if (c == ERR)
            return ui_signals_pending() ? signal_key(a) : -1;
        if (c >= KEY_MIN) {
            *is_key = true;
            return c;
        }
        if (c >= 0x80) {
            ui_status(a, true, "Terminal sin UTF-8: solo se puede escribir texto sin acentos");
            return -1;
        }
        return c;
    }
    wint_t wc;
    int rc = get_wch(&wc);
    if (rc == ERR)
        return ui_signals_pending() ? signal_key(a) : -1;
    *is_key = rc == KEY_CODE_YES;
    return (int)wc;
}

bool ui_edit_line(App *a, const char *prompt, const char *initial, char **out)
{
    size_t len = strlen(initial), cap = len + 64;
    char *buf = xmalloc(cap);
    memcpy(buf, initial, len + 1);
    size_t cur = len;
    bool done = false, ok = false;
    a->redraw(a);
    curs_set(1);
    while (!done) {
        if (a->too_small) {
            /* nothing to edit on: wait for a usable size or Esc */
        } else {
            int y = a->H - 2, pw = u8_width(prompt) + 1;
            int avail = a->W - pw - 1;
            size_t off = 0;
            while (off < cur && width_n(buf + off, cur - off) >= avail)
                off = u8_next(buf, off);
            ui_put(y, 0, pw, ui_attr(a, CR_DIALOG), prompt);
            ui_put(y, pw, a->W - pw, A_UNDERLINE, buf + off);
            move(y, pw + width_n(buf + off, cur - off));
            refresh();
        }
        bool is_key;
        int k = ui_read_dialog_key(a, &is_key);
        if (k < 0)
            continue;
        if (is_key) {
            switch (k) {
            case KEY_LEFT: cur = u8_prev(buf, cur); break;
            case KEY_RIGHT: cur = u8_next(buf, cur); break;
            case KEY_HOME: cur = 0; break;
            case KEY_END: cur = len; break;
            case KEY_ENTER: done = ok = true; break;
            case KEY_BACKSPACE:
                if (cur > 0) {
                    size_t p = u8_prev(buf, cur);
                    memmove(buf + p, buf + cur, len - cur + 1);
                    len -= cur - p;
                    cur = p;
                }
                break;
            case KEY_DC:
                if (cur < len) {
                    size_t nx = u8_next(buf, cur);
                    memmove(buf + cur, buf + nx, len - nx + 1);
                    len -= nx - cur;
                }
                break;
            default:
                if (k == KEY_F(10) &&
                    confirm_box(a, "Hay una edición abierta.", "¿Descartarla y salir del programa?",
                                true)) {
                    a->quit = true;
                    done = true;
                }
                a->redraw(a);
                curs_set(1);
                break;
            }
            continue;
        }
        if (k == '\n' || k == '\r') {
            done = ok = true;
        } else if (k == K_ESC) {
            done = true;
        } else if (k == 127 || k == 8) {
            if (cur > 0) {
                size_t p = u8_prev(buf, cur);
                memmove(buf + p, buf + cur, len - cur + 1);
                len -= cur - p;
                cur = p;
            }
        } else if (k == K_CTRL('a')) {
            cur = 0;
        } else if (k == K_CTRL('e')) {
            cur = len;
        } else if (k == K_CTRL('u')) {
            memmove(buf, buf + cur, len - cur + 1);
            len -= cur;
            cur = 0;
        } else if (k >= 32 && k != 127) {
            char enc[4];
            int n = u8_encode((uint32_t)k, enc);
            if (len + (size_t)n + 1 > cap) {
                cap = (cap + (size_t)n) * 2;
                buf = xrealloc(buf, cap);
            }
            memmove(buf + cur + n, buf + cur, len - cur + 1);
            memcpy(buf + cur, enc, (size_t)n);
            len += (size_t)n;
            cur += (size_t)n;
        }
    }
    curs_set(0);
    if (ok)
        *out = buf;
    else
        free(buf);
    return ok;
}

static void draw_box(App *a, int y, int x, int h, int w, const char *title)
{
    int at = ui_attr(a, CR_DIALOG);
    for (int i = 0; i < h; i++)
        ui_put(y + i, x, w, at, "");
    char t[512];
    snprintf(t, sizeof t, " %s ", title);
    ui_put(y, x + 1, w - 2, at | A_BOLD, t);
}

/* The box's width: the terminal's less a margin, at most 90 columns. */
static int pick_box_w(const App *a) { return a->W - 8 < 90 ? a->W - 8 : 90; }

int ui_pick_ancho(const App *a) { return pick_box_w(a) - 4; }

int ui_pick(App *a, const char *title, char *const *items, int n, int initial)
{
    return ui_pick_texto(a, title, items, n, initial, NULL);
}

int ui_pick_texto(App *a, const char *title, char *const *items, int n, int initial,
                  char **typed)
{
    char filter[256] = "";
    int *vis = xmalloc(sizeof(int) * (size_t)(n ? n : 1));
    int nvis = 0, sel = 0, top = 0, result = -1, last_h = -1;
    bool refilter = true, done = false;
    a->redraw(a);
    while (!done) {
        if (refilter) {
            nvis = 0;
            for (int i = 0; i < n; i++)
                if (u8_contains_folded(items[i], filter))
                    vis[nvis++] = i;
            sel = 0;
            for (int i = 0; i < nvis; i++)
                if (vis[i] == initial)
                    sel = i;
            refilter = false;
        }
        if (!a->too_small) {
            int w = pick_box_w(a);
            int h = a->H - 6;
            if (h > nvis + 4)
                h = nvis + 4 < 8 ? 8 : nvis + 4;
            int y = (a->H - h) / 2, x = (a->W - w) / 2, lh = h - 4;
            if (last_h >= 0 && h != last_h)
                a->redraw(a);   /* the filter shrank the box: clear the old one */
            last_h = h;
            draw_box(a, y, x, h, w, title);
            if (sel < top)
                top = sel;
            if (sel >= top + lh)
                top = sel - lh + 1;
            for (int i = 0; i < lh; i++) {
                int ix = top + i;
                int at = ix == sel ? ui_attr(a, CR_SELECTED) : 0;
                ui_put(y + 2 + i, x + 2, w - 4, at, ix < nvis ? items[vis[ix]] : "");
            }
            char f[700];   /* the filter twice and the words around it */
            if (typed && !nvis && filter[0])   /* Enter will offer to make it */
                snprintf(f, sizeof f, "Filtro: %s   (ninguna coincide; Enter crea «%s», Esc "
                         "cancela)", filter, filter);
            else
                snprintf(f, sizeof f, "Filtro: %s   (%d de %d; Enter elige, Esc cancela)",
                         filter, nvis, n);
            ui_put(y + h - 1, x + 1, w - 2, ui_attr(a, CR_DIALOG), f);
            refresh();
        }
        bool is_key;
        int k = ui_read_dialog_key(a, &is_key);
        if (k < 0)
            continue;
        if (is_key) {
            switch (k) {
            case KEY_UP: if (sel > 0) sel--; break;
            case KEY_DOWN: if (sel + 1 < nvis) sel++; break;
            case KEY_PPAGE: sel = sel > 10 ? sel - 10 : 0; break;
            case KEY_NPAGE: sel = sel + 10 < nvis ? sel + 10 : (nvis ? nvis - 1 : 0); break;
            case KEY_HOME: sel = 0; break;
            case KEY_END: sel = nvis ? nvis - 1 : 0; break;
            case KEY_ENTER:
                if (nvis)
                    result = vis[sel];
                else if (typed && filter[0])
                    result = UI_PICK_TECLEADO;
                done = true;
                break;
            case KEY_F(10):
                /* as in the line editor: the question drawn over the list,
                 * n goes back to it, s leaves the program choosing nothing */
                if (confirm_box(a, "Hay una lista abierta: no se eligió nada.",
                                "¿Cerrarla y salir del programa?", true)) {
                    a->quit = true;
                    done = true;
                }
                a->redraw(a);
                last_h = -1;
                break;
            case KEY_BACKSPACE: {
                size_t l = strlen(filter);
                if (l) {
                    filter[u8_prev(filter, l)] = '\0';
                    refilter = true;
                }
                break;
            }
            default: break;
            }
            continue;
        }
        if (k == '\n' || k == '\r') {
            if (nvis)
                result = vis[sel];
            else if (typed && filter[0])
                result = UI_PICK_TECLEADO;
            done = true;
        } else if (k == K_ESC) {
            done = true;
        } else if (k == 127 || k == 8) {
            size_t l = strlen(filter);
            if (l) {
                filter[u8_prev(filter, l)] = '\0';
                refilter = true;
            }
        } else if (k >= 32) {
            char enc[4];
            int m = u8_encode((uint32_t)k, enc);
            size_t l = strlen(filter);
            if (l + (size_t)m + 1 < sizeof filter) {
                memcpy(filter + l, enc, (size_t)m);
                filter[l + (size_t)m] = '\0';
                refilter = true;
            }
        }
    }
    free(vis);
    if (typed)
        *typed = result == UI_PICK_TECLEADO ? xstrdup(filter) : NULL;
    return result;
}

/* f10_si: the question is whether to leave the program, and F10 pressed
 * again answers yes (a second F10 never does nothing). */
static bool confirm_box(App *a, const char *line1, const char *line2, bool f10_si)
{
    a->redraw(a);
    for (;;) {
        if (!a->too_small) {
            int w1 = u8_width(line1), w2 = line2 ? u8_width(line2) : 0;
            int w = (w1 > w2 ? w1 : w2) + 6;
            if (w < 36)
                w = 36;
            if (w > a->W - 4)
                w = a->W - 4;
            int h = 6, y = (a->H - h) / 2, x = (a->W - w) / 2;
            draw_box(a, y, x, h, w, "Confirmar");
            ui_put(y + 2, x + 2, w - 4, ui_attr(a, CR_DIALOG), line1);
            ui_put(y + 3, x + 2, w - 4, ui_attr(a, CR_DIALOG), line2 ? line2 : "");
            ui_put(y + 4, x + 2, w - 4, ui_attr(a, CR_DIALOG) | A_BOLD,
                   f10_si ? "[s] o F10 Sí    [n] No (Esc)" : "[s] Sí    [n] No (Esc)");
            refresh();
        }
        bool is_key;
        int k = ui_read_dialog_key(a, &is_key);
        if (f10_si && is_key && k == KEY_F(10))
            return true;
        if (k < 0 || is_key)
            continue;
        if (k == 's' || k == 'S' || k == 'y' || k == 'Y')
            return true;
        if (k == 'n' || k == 'N' || k == K_ESC || k == 'q')
            return false;
    }
}

bool ui_confirm(App *a, const char *line1, const char *line2)
{
    return confirm_box(a, line1, line2, false);
}

bool ui_confirm_salir(App *a, const char *line1, const char *line2)
{
    if (!confirm_box(a, line1, line2, true))
        return false;
    a->quit = true;
    return true;
}

bool ui_edit_value(App *a, const char *prompt, const char *initial, char **out, int *ret)
{
    if (ui_edit_line(a, prompt, initial, out))
        return true;
    if (a->quit) {
        *ret = UI_QUIT;
    } else {
        ui_status(a, false, "Edición cancelada");
        *ret = UI_HANDLED | UI_REDRAW;
    }
    return false;
}

/* Continuation lines of a description start under its first line:
 * 2 + 16 (keys) + 1 + 20 (label) + 1 columns. */
#define HELP_INDENT "                                        "

/* Lines of the help screen, built from the key table: "  keys  label
 * description", the description wrapped under itself at this width. */
typedef struct {
    char ***l;
    int *n, *cap;
    bool first;
    const char *lead;
} HelpWrap;

static void help_push(char ***l, int *n, int *cap, char *line)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 64;
        *l = xrealloc(*l, sizeof **l * (size_t)*cap);
    }
    (*l)[(*n)++] = line;
}

static void help_desc_line(const char *line, size_t len, void *ctx)
{
    HelpWrap *w = ctx;
    help_push(w->l, w->n, w->cap,
              xasprintf("%s%.*s", w->first ? w->lead : HELP_INDENT, (int)len, line));
    w->first = false;
}

static char **help_lines(int width, int *n)
{
    char **l = NULL;
    int c = 0, cap = 0;
    const char *grupo = NULL;
    int dw = width - (int)strlen(HELP_INDENT) - 1;
    if (dw < 20)
        dw = 20;
    for (int i = 0; i < UI_NKEYS; i++) {
        const UiKey *k = &UI_KEYS[i];
        if (!grupo || strcmp(grupo, k->grupo) != 0) {
            grupo = k->grupo;
            if (c)
                help_push(&l, &c, &cap, xstrdup(""));
            help_push(&l, &c, &cap, xasprintf("%s", grupo));
        }
        char t[64], ac[64], names[128];
        u8_fit_copy(ui_key_names(k, names, sizeof names), 16, true, t, sizeof t);
        u8_fit_copy(k->accion, 20, true, ac, sizeof ac);
        char *lead = xasprintf("  %s %s ", t, ac);
        HelpWrap w = {&l, &c, &cap, true, lead};
        u8_wrap(k->descripcion, dw, help_desc_line, &w);
        if (w.first)   /* no description */
            help_push(&l, &c, &cap, xstrdup(lead));
        free(lead);
    }
    *n = c;
    return l;
}

void ui_help(App *a)
{
    int n;
    char **lines = help_lines(a->W, &n);
    int top = 0;
    for (;;) {
        ui_layout(a);
        erase();
        int body = a->H - 2;
        if (top > n - body)
            top = n - body > 0 ? n - body : 0;
        ui_put(0, 0, a->W, ui_attr(a, CR_TITLE),
               " Ayuda: teclas de poa (Esc o q vuelve; ↑ ↓ RePág AvPág recorren)");
        for (int i = 0; i < body; i++) {
            int ix = top + i;
            if (ix >= n)
                break;
            bool head = lines[ix][0] && lines[ix][0] != ' ';
            ui_put(1 + i, 0, a->W, head ? ui_attr(a, CR_HEADER) : 0, lines[ix]);
        }
        char f[80];
        snprintf(f, sizeof f, " Líneas %d–%d de %d", top + 1, top + body < n ? top + body : n, n);
        ui_put(a->H - 1, 0, a->W, ui_attr(a, CR_BAR_LABEL), f);
        refresh();
        bool is_key;
        int k = ui_read_key(a, &is_key);
        if (is_key && k == KEY_RESIZE) {
            /* the descriptions wrap at the new width */
            for (int i = 0; i < n; i++)
                free(lines[i]);
            free(lines);
            lines = help_lines(a->W, &n);
            continue;
        }
        if (is_key) {
            if (k == KEY_DOWN)
                top++;
            else if (k == KEY_UP && top > 0)
                top--;
            else if (k == KEY_NPAGE)
                top += body - 1;
            else if (k == KEY_PPAGE)
                top = top > body ? top - body + 1 : 0;
            else if (k == KEY_HOME)
                top = 0;
            else if (k == KEY_END)
                top = n;   /* clamped to the last page when drawn */
            else if (k == KEY_F(1) || k == KEY_F(10))
                break;
            continue;
        }
        if (k == K_ESC || k == 'q' || k == '?' || k == '\n')
            break;
        if (k == 'g')
            top = 0;
        if (k == 'G')
            top = n;
        if (k == 'j')
            top++;
        if (k == 'k' && top > 0)
            top--;
    }
    for (int i = 0; i < n; i++)
        free(lines[i]);
    free(lines);
}

int ui_pick_unidad(App *a, const char *title, int initial)
{
    Plan *p = a->plan;
    if (p->nunidades == 0) {
        ui_status(a, true, "El plan no tiene unidades");
        return -1;
    }
    char **items = xmalloc(sizeof(char *) * (size_t)p->nunidades);
    for (int i = 0; i < p->nunidades; i++)
        items[i] = p->unidades[i].nombre;
    int pick = ui_pick(a, title, items, p->nunidades, initial < 0 ? 0 : initial);
    free(items);
    return pick;
}
