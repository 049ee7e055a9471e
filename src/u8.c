/* u8.c — UTF-8 decoding, display width, fitting and wrapping for the
 * terminal, and accent/case folding for search. No curses here. */
#include "u8.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "util.h"

#define U8_REPLACEMENT 0xFFFDu

/* Strict decoding: overlong forms, surrogates and code points above
 * U+10FFFF are invalid, so that u8_valid agrees with what other tools
 * (Excel, Python, iconv) reject. n == 0 yields 0 bytes and cp 0, so a
 * caller that walks past the end stops instead of reading beyond it. */
int u8_decode(const char *s, size_t n, uint32_t *cp)
{
    if (n == 0) {
        *cp = 0;
        return 0;
    }
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        *cp = U8_REPLACEMENT;
        return 1;
    }
    if ((size_t)len > n) {
        *cp = U8_REPLACEMENT;
        return 1;
    }
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = U8_REPLACEMENT;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = U8_REPLACEMENT;
        return 1;
    }
    *cp = v;
    return len;
}

int u8_encode(uint32_t cp, char out[4])
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = U8_REPLACEMENT;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A real U+FFFD in the text is 3 bytes; u8_decode signals an invalid
 * sequence as U+FFFD with length 1, which is how the two are told apart. */
static bool decoded_invalid(uint32_t cp, int len) { return cp == U8_REPLACEMENT && len == 1; }

bool u8_valid(const char *s, size_t n, size_t *bad_offset)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII runs are the common case in plan text; skip them quickly. */
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int len = u8_decode(s + i, n - i, &cp);
        if (decoded_invalid(cp, len)) {
            if (bad_offset)
                *bad_offset = i;
            return false;
        }
        i += (size_t)len;
    }
    return true;
}

int u8_cp_width(uint32_t cp)
{
    /* Control characters are shown as one cell (the UI draws a marker). */
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        return 1;
    if (cp < 0x7F)
        return 1;
    int w = wcwidth((wchar_t)cp);
    return w < 0 ? 1 : w;
}

/* Width of one character at s (n bytes left); sets *len to its bytes. */
static int char_at(const char *s, size_t n, int *len)
{
    uint32_t cp;
    *len = u8_decode(s, n, &cp);
    return decoded_invalid(cp, *len) ? 1 : u8_cp_width(cp);
}

int u8_width(const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s), i = 0;
    int w = 0;
    while (i < n) {
        int len;
        w += char_at(s + i, n - i, &len);
        i += (size_t)len;
    }
    return w;
}

/* End of the cluster starting at pos: one character plus any zero-width
 * characters (combining marks, ZWJ) after it, so that fitting and cursor
 * moves never leave an accent without its letter. */
static size_t cluster_end(const char *s, size_t n, size_t pos, int *width)
{
    int len;
    *width = char_at(s + pos, n - pos, &len);
    pos += (size_t)len;
    while (pos < n) {
        int w = char_at(s + pos, n - pos, &len);
        if (w != 0)
            break;
        pos += (size_t)len;
    }
    return pos;
}

/* Longest prefix of whole clusters within cols columns and maxbytes bytes. */
static size_t fit_clusters(const char *s, size_t n, int cols, size_t maxbytes, int *used)
{
    size_t pos = 0;
    int w = 0;
    while (pos < n) {
        int cw;
        size_t end = cluster_end(s, n, pos, &cw);
        if (w + cw > cols || end > maxbytes)
            break;
        w += cw;
        pos = end;
    }
    if (used)
        *used = w;
    return pos;
}

size_t u8_fit(const char *s, int cols, int *used)
{
    if (!s || cols < 0) {
        if (used)
            *used = 0;
        return 0;
    }
    size_t n = strlen(s);
    return fit_clusters(s, n, cols, n, used);
}

int u8_fit_copy(const char *s, int cols, bool pad, char *out, size_t outsz)
{
    static const char ellipsis[] = "\xE2\x80\xA6";   /* U+2026, one column */
    if (outsz == 0)
        return 0;
    out[0] = '\0';
    if (cols <= 0)
        return 0;
    if (!s)
        s = "";
    size_t n = strlen(s), room = outsz - 1, pos;
    int w;
    size_t whole = fit_clusters(s, n, cols, room, &w);
    if (whole == n) {
        pos = whole;
        memcpy(out, s, pos);
    } else if (room >= 3) {
        /* Cut: keep room for the ellipsis in both columns and bytes. */
        pos = fit_clusters(s, n, cols - 1, room - 3, &w);
        memcpy(out, s, pos);
        memcpy(out + pos, ellipsis, 3);
        pos += 3;
        w += 1;
    } else {
        pos = whole;   /* no byte room for "…": a plain cut is all we can do */
        memcpy(out, s, pos);
    }
    if (pad) {
        while (w < cols && pos < room) {
            out[pos++] = ' ';
            w++;
        }
    }
    out[pos] = '\0';
    return w;
}

/* Start of the character that ends at pos (pos > 0). */
static size_t char_before(const char *s, size_t pos)
{
    size_t lim = pos >= 4 ? pos - 4 : 0;
    for (size_t q = pos - 1;; q--) {
        if (((unsigned char)s[q] & 0xC0) != 0x80) {
            uint32_t cp;
            int len = u8_decode(s + q, pos - q, &cp);
            if ((size_t)len == pos - q && !decoded_invalid(cp, len))
                return q;
            break;
        }
        if (q == lim)
            break;
    }
    return pos - 1;   /* stray continuation bytes step one at a time */
}

size_t u8_prev(const char *s, size_t pos)
{
    if (!s || pos == 0)
        return 0;
    /* Step back over zero-width characters to their base, so the line
     * editor's cursor never sits between a letter and its accent. */
    for (;;) {
        size_t q = char_before(s, pos);
        int len;
        int w = char_at(s + q, pos - q, &len);
        pos = q;
        if (w != 0 || pos == 0)
            return pos;
    }
}

size_t u8_next(const char *s, size_t pos)
{
    if (!s || s[pos] == '\0')
        return pos;
    size_t n = pos + strlen(s + pos);
    int w;
    return cluster_end(s, n, pos, &w);
}

/* Emits [a, b) minus trailing spaces (the spaces where a line was broken
 * belong to neither line). */
static void emit_line(const char *s, size_t a, size_t b, U8LineFn fn, void *ctx, int *count)
{
    while (b > a && s[b - 1] == ' ')
        b--;
    if (fn)
        fn(s + a, b - a, ctx);
    (*count)++;
}

/* Wraps one paragraph s[0..n) (no '\n' inside). */
static void wrap_para(const char *s, size_t n, int cols, U8LineFn fn, void *ctx, int *count)
{
    size_t start = 0, pos = 0;
    size_t brk = 0;       /* end of the line if we break at the last space */
    size_t resume = 0;    /* first character after that run of spaces */
    bool have_brk = false;
    int w = 0;
    if (n == 0) {
        emit_line(s, 0, 0, fn, ctx, count);
        return;
    }
    while (pos < n) {
        if (s[pos] == ' ') {
            if (pos > start) {
                brk = pos;
                have_brk = true;
            }
            while (pos < n && s[pos] == ' ') {
                pos++;
                w++;
            }
            resume = pos;
            if (w > cols && have_brk) {
                /* The spaces ran past the edge: break here, drop them. */
                emit_line(s, start, brk, fn, ctx, count);
                start = pos;
                have_brk = false;
                w = 0;
            }
            continue;
        }
        int cw;
        size_t end = cluster_end(s, n, pos, &cw);
        if (w + cw > cols && pos > start) {
            if (have_brk) {
                emit_line(s, start, brk, fn, ctx, count);
                start = resume;
                have_brk = false;
                /* Width of the partial word carried to the new line. */
                w = 0;
                for (size_t q = start; q < pos;) {
                    int qw;
                    q = cluster_end(s, n, q, &qw);
                    w += qw;
                }
                continue;   /* re-check the same character on the new line */
            }
            /* Only indentation so far: drop it rather than emit a blank
             * line. */
            size_t q = start;
            while (q < pos && s[q] == ' ')
                q++;
            if (q == pos) {
                start = pos;
                w = 0;
                continue;
            }
            /* A word longer than the line: hard break inside it. */
            emit_line(s, start, pos, fn, ctx, count);
            start = pos;
            w = 0;
            continue;
        }
        w += cw;
        pos = end;
    }
    if (start < n)
        emit_line(s, start, n, fn, ctx, count);
}

int u8_wrap(const char *s, int cols, U8LineFn fn, void *ctx)
{
    int count = 0;
    if (!s || !*s)
        return 0;
    if (cols < 1)
        cols = 1;   /* at least one cluster per line, or we would never end */
    const char *p = s;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        size_t plen = len;
        if (plen > 0 && p[plen - 1] == '\r')
            plen--;
        int before = count;
        wrap_para(p, plen, cols, fn, ctx, &count);
        if (count == before)
            emit_line(p, 0, 0, fn, ctx, &count);
        if (!nl)
            break;
        p = nl + 1;   /* a final '\n' ends the last line; it starts no new one */
    }
    return count;
}

/* ASCII spelling of U+00C0..U+017F without accents, lowercase. NULL keeps
 * the character (× and ÷). */
static const char *const fold_latin[192] = {
    /* U+00C0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
    /* U+00C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00D0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
    /* U+00D8 */ "o", "u", "u", "u", "u", "y", "th", "ss",
    /* U+00E0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
    /* U+00E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
    /* U+00F0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
    /* U+00F8 */ "o", "u", "u", "u", "u", "y", "th", "y",
    /* U+0100 */ "a", "a", "a", "a", "a", "a", "c", "c",
    /* U+0108 */ "c", "c", "c", "c", "c", "c", "d", "d",
    /* U+0110 */ "d", "d", "e", "e", "e", "e", "e", "e",
    /* U+0118 */ "e", "e", "e", "e", "g", "g", "g", "g",
    /* U+0120 */ "g", "g", "g", "g", "h", "h", "h", "h",
    /* U+0128 */ "i", "i", "i", "i", "i", "i", "i", "i",
    /* U+0130 */ "i", "i", "ij", "ij", "j", "j", "k", "k",
    /* U+0138 */ "k", "l", "l", "l", "l", "l", "l", "l",
    /* U+0140 */ "l", "l", "l", "n", "n", "n", "n", "n",
    /* U+0148 */ "n", "n", "n", "n", "o", "o", "o", "o",
    /* U+0150 */ "o", "o", "oe", "oe", "r", "r", "r", "r",
    /* U+0158 */ "r", "r", "s", "s", "s", "s", "s", "s",
    /* U+0160 */ "s", "s", "t", "t", "t", "t", "t", "t",
    /* U+0168 */ "u", "u", "u", "u", "u", "u", "u", "u",
    /* U+0170 */ "u", "u", "u", "u", "w", "w", "y", "y",
    /* U+0178 */ "y", "z", "z", "z", "z", "z", "z", "s",
};

char *u8_fold(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s), i = 0, o = 0;
    /* Worst case is an invalid byte becoming U+FFFD: 1 byte -> 3. */
    char *out = xmalloc(3 * n + 1);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
            i++;
            continue;
        }
        uint32_t cp;
        int len = u8_decode(s + i, n - i, &cp);
        i += (size_t)len;
        if (cp >= 0x300 && cp <= 0x36F)
            continue;   /* decomposed accents ("o" + U+0301) vanish too */
        if (cp >= 0xC0 && cp <= 0x17F && fold_latin[cp - 0xC0]) {
            const char *a = fold_latin[cp - 0xC0];
            while (*a)
                out[o++] = *a++;
            continue;
        }
        if (!decoded_invalid(cp, len))
            cp = (uint32_t)towlower((wint_t)cp);
        o += (size_t)u8_encode(cp, out + o);
    }
    out[o] = '\0';
    return out;
}

/* Upper case within U+00C0..U+017F, without asking the locale (the point
 * of u8_ascii is a locale that knows nothing beyond ASCII). */
static bool latin_upper(uint32_t cp)
{
    if (cp < 0x100)
        return cp <= 0xDE && cp != 0xD7;
    if (cp < 0x138)
        return cp % 2 == 0;
    if (cp <= 0x148)
        return cp % 2 == 1;
    if (cp < 0x178)
        return cp % 2 == 0;
    return cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D;
}

static const struct {
    uint32_t cp;
    const char *ascii;
} ASCII_SYMBOLS[] = {
    {0xA1, "!"}, {0xAB, "\""}, {0xBB, "\""}, {0xAA, "a"}, {0xBA, "o"}, {0xB0, "o"},
    {0xB7, "."}, {0xB1, "+-"}, {0xBF, "?"}, {0xB6, "|"}, {0xD7, "x"}, {0xF7, "/"},
    {0x2013, "-"}, {0x2014, "-"}, {0x2018, "'"}, {0x2019, "'"}, {0x201C, "\""},
    {0x201D, "\""}, {0x2022, "*"}, {0x2026, "."}, {0x2190, "<-"}, {0x2191, "^"},
    {0x2192, "->"}, {0x2193, "v"}, {0x2264, "<="}, {0x2265, ">="}, {0x25B6, ">"},
    {0x25B8, ">"}, {0x25C2, "<"}, {0x25BE, "v"}, {0x25CF, "*"}, {0x2713, "v"},
};

char *u8_ascii(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s), i = 0;
    StrBuf b = {0};
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            sb_putc(&b, (char)c);
            i++;
            continue;
        }
        uint32_t cp;
        i += (size_t)u8_decode(s + i, n - i, &cp);
        if (cp >= 0x300 && cp <= 0x36F)
            continue;
        if (cp >= 0xC0 && cp <= 0x17F && fold_latin[cp - 0xC0]) {
            const char *a = fold_latin[cp - 0xC0];
            bool up = latin_upper(cp);
            for (; *a; a++)
                sb_putc(&b, up && a == fold_latin[cp - 0xC0] ? (char)(*a - 32) : *a);
            continue;
        }
        const char *sym = NULL;
        for (size_t k = 0; k < sizeof ASCII_SYMBOLS / sizeof ASCII_SYMBOLS[0] && !sym; k++)
            if (ASCII_SYMBOLS[k].cp == cp)
                sym = ASCII_SYMBOLS[k].ascii;
        if (!sym && cp >= 0x2500 && cp <= 0x257F)   /* box drawing */
            sym = (cp == 0x2502 || cp == 0x2503) ? "|" : (cp <= 0x2501 ? "-" : "+");
        if (!sym && cp >= 0x2580 && cp <= 0x259F)   /* blocks and shades */
            sym = cp >= 0x2591 && cp <= 0x2593 ? "." : "#";
        sb_append(&b, sym ? sym : "?");
    }
    return sb_take(&b);
}

bool u8_contains_folded(const char *haystack, const char *needle)
{
    if (!needle || !*needle)
        return true;
    if (!haystack)
        return false;
    char *h = u8_fold(haystack), *nd = u8_fold(needle);
    bool found = strstr(h, nd) != NULL;
    free(h);
    free(nd);
    return found;
}
