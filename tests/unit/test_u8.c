/* test_u8.c — UTF-8 decoding, widths, fitting, cursor steps, wrapping and
 * folding, run under C.UTF-8 (testlib sets the locale). */
#include <stdio.h>
#include <stdlib.h>

#include "testlib.h"
#include "u8.h"

#define CJK "\xE6\x97\xA5"          /* 日 U+65E5, two columns */
#define ACUTE "\xCC\x81"            /* U+0301 combining acute accent */
#define ELLIPSIS "\xE2\x80\xA6"

TEST(decode_encode)
{
    uint32_t cp;
    CHECK_INT(u8_decode("A", 1, &cp), 1);
    CHECK_INT(cp, 'A');
    CHECK_INT(u8_decode("ó", 2, &cp), 2);
    CHECK_INT(cp, 0xF3);
    CHECK_INT(u8_decode(CJK, 3, &cp), 3);
    CHECK_INT(cp, 0x65E5);
    CHECK_INT(u8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
    /* Invalid: lone continuation, Latin-1 byte, truncated, overlong, surrogate. */
    CHECK_INT(u8_decode("\x80", 1, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    CHECK_INT(u8_decode("\xE1n", 2, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    CHECK_INT(u8_decode("\xC3", 1, &cp), 1);
    CHECK_INT(cp, 0xFFFD);
    CHECK_INT(u8_decode("\xC0\xAF", 2, &cp), 1);
    CHECK_INT(u8_decode("\xE0\x80\xAF", 3, &cp), 1);
    CHECK_INT(u8_decode("\xED\xA0\x80", 3, &cp), 1);
    CHECK_INT(u8_decode("\xF4\x90\x80\x80", 4, &cp), 1);
    CHECK_INT(u8_decode("", 0, &cp), 0);

    char out[4];
    uint32_t cps[] = {0x41, 0xF1, 0x2026, 0x65E5, 0x1F600};
    for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
        int n = u8_encode(cps[i], out);
        uint32_t back;
        CHECK_INT(u8_decode(out, (size_t)n, &back), n);
        CHECK_INT(back, cps[i]);
    }
    CHECK_INT(u8_encode(0xD800, out), 3);   /* surrogate -> U+FFFD */
    CHECK(memcmp(out, "\xEF\xBF\xBD", 3) == 0);
}

TEST(valid)
{
    size_t bad = 99;
    CHECK(u8_valid("Año Afiliación 日本", strlen("Año Afiliación 日本"), &bad));
    CHECK(u8_valid("", 0, NULL));
    const char *s = "Afiliaci\xF3n";   /* Latin-1 ó */
    CHECK(!u8_valid(s, strlen(s), &bad));
    CHECK_INT(bad, 8);
    s = "ok \xE2\x82";                  /* truncated at the end */
    CHECK(!u8_valid(s, strlen(s), &bad));
    CHECK_INT(bad, 3);
}

TEST(widths)
{
    CHECK_INT(u8_width("Año"), 3);
    CHECK_INT(u8_width("Afiliación"), 10);
    CHECK_INT(u8_width(CJK), 2);
    CHECK_INT(u8_width("a" CJK "b"), 4);
    CHECK_INT(u8_width("e" ACUTE), 1);
    CHECK_INT(u8_width("Afiliacio" ACUTE "n"), 10);
    CHECK_INT(u8_width(ELLIPSIS), 1);
    CHECK_INT(u8_width("\t"), 1);
    CHECK_INT(u8_width("a\x80" "b"), 3);
    CHECK_INT(u8_width(""), 0);
    CHECK_INT(u8_width(NULL), 0);
    CHECK_INT(u8_cp_width(0x0301), 0);
    CHECK_INT(u8_cp_width(0x65E5), 2);
    CHECK_INT(u8_cp_width(0x1B), 1);
    CHECK_INT(u8_cp_width(0x85), 1);
}

TEST(fit)
{
    int used;
    /* "Afiliación": "ó" is bytes 8..9; 9 columns end right after it. */
    CHECK_INT(u8_fit("Afiliación", 9, &used), 10);
    CHECK_INT(used, 9);
    CHECK_INT(u8_fit("Afiliación", 8, &used), 8);
    CHECK_INT(used, 8);
    CHECK_INT(u8_fit("Afiliación", 100, &used), strlen("Afiliación"));
    CHECK_INT(used, 10);
    CHECK_INT(u8_fit("Año", 2, &used), 3);   /* "Añ" */
    /* A wide char that does not fit is left out whole. */
    CHECK_INT(u8_fit("a" CJK, 2, &used), 1);
    CHECK_INT(used, 1);
    CHECK_INT(u8_fit("a" CJK, 3, &used), 4);
    CHECK_INT(used, 3);
    /* The combining accent stays with its "e". */
    CHECK_INT(u8_fit("e" ACUTE "x", 1, &used), 3);
    CHECK_INT(used, 1);
    CHECK_INT(u8_fit("abc", 0, &used), 0);
    CHECK_INT(used, 0);
}

TEST(fit_copy)
{
    char out[64];
    CHECK_INT(u8_fit_copy("Afiliación", 20, false, out, sizeof out), 10);
    CHECK_STR(out, "Afiliación");
    CHECK_INT(u8_fit_copy("Afiliación", 12, true, out, sizeof out), 12);
    CHECK_STR(out, "Afiliación  ");
    CHECK_INT(u8_fit_copy("Afiliación", 10, true, out, sizeof out), 10);
    CHECK_STR(out, "Afiliación");
    CHECK_INT(u8_fit_copy("Afiliación", 9, false, out, sizeof out), 9);
    CHECK_STR(out, "Afiliaci" ELLIPSIS);
    CHECK_INT(u8_fit_copy("Departamento de Afiliación", 10, false, out, sizeof out), 10);
    CHECK_STR(out, "Departame" ELLIPSIS);
    CHECK_INT(u8_fit_copy("Año", 1, false, out, sizeof out), 1);
    CHECK_STR(out, ELLIPSIS);
    /* The wide char would straddle the edge: dropped, then padded. */
    CHECK_INT(u8_fit_copy("ab" CJK CJK, 4, true, out, sizeof out), 4);
    CHECK_STR(out, "ab" ELLIPSIS " ");
    CHECK_INT(u8_fit_copy("ab" CJK CJK, 4, false, out, sizeof out), 3);
    CHECK_STR(out, "ab" ELLIPSIS);
    CHECK_INT(u8_fit_copy("", 3, true, out, sizeof out), 3);
    CHECK_STR(out, "   ");
    CHECK_INT(u8_fit_copy("abc", 0, true, out, sizeof out), 0);
    CHECK_STR(out, "");
    /* A small buffer never gets half a character. */
    char small[6];
    u8_fit_copy("ñññññ", 10, false, small, sizeof small);
    CHECK(u8_valid(small, strlen(small), NULL));
    CHECK(strlen(small) <= 5);
    CHECK_STR(small, "ñ" ELLIPSIS);
    char tiny[3];
    u8_fit_copy("ñññ", 10, false, tiny, sizeof tiny);
    CHECK_STR(tiny, "ñ");
}

TEST(prev_next)
{
    const char *s = "Añ" CJK "e" ACUTE "!";
    /* bytes: A 0, ñ 1-2, 日 3-5, e 6, U+0301 7-8, ! 9 */
    CHECK_INT(u8_next(s, 0), 1);
    CHECK_INT(u8_next(s, 1), 3);
    CHECK_INT(u8_next(s, 3), 6);
    CHECK_INT(u8_next(s, 6), 9);   /* over "e" and its accent together */
    CHECK_INT(u8_next(s, 9), 10);
    CHECK_INT(u8_next(s, 10), 10);
    CHECK_INT(u8_prev(s, 10), 9);
    CHECK_INT(u8_prev(s, 9), 6);
    CHECK_INT(u8_prev(s, 6), 3);
    CHECK_INT(u8_prev(s, 3), 1);
    CHECK_INT(u8_prev(s, 1), 0);
    CHECK_INT(u8_prev(s, 0), 0);
    /* Invalid bytes are one step each. */
    const char *bad = "a\x80\x80" "b";
    CHECK_INT(u8_next(bad, 1), 2);
    CHECK_INT(u8_prev(bad, 3), 2);
    CHECK_INT(u8_prev(bad, 2), 1);
}

typedef struct {
    char lines[16][64];
    int n;
} Lines;

static void collect(const char *line, size_t len, void *ctx)
{
    Lines *l = ctx;
    if (l->n < 16)
        snprintf(l->lines[l->n], sizeof l->lines[0], "%.*s", (int)len, line);
    l->n++;
}

TEST(wrap)
{
    Lines l = {0};
    CHECK_INT(u8_wrap("Alianza estratégica con el MINERD", 12, collect, &l), 4);
    CHECK_INT(l.n, 4);
    CHECK_STR(l.lines[0], "Alianza");
    CHECK_STR(l.lines[1], "estratégica");   /* 11 columns, not 12 bytes */
    CHECK_STR(l.lines[2], "con el");
    CHECK_STR(l.lines[3], "MINERD");
    memset(&l, 0, sizeof l);
    CHECK_INT(u8_wrap("uno dos tres", 7, collect, &l), 2);
    CHECK_STR(l.lines[0], "uno dos");
    CHECK_STR(l.lines[1], "tres");
    /* Hard break of a long word; accents count as one column. */
    memset(&l, 0, sizeof l);
    CHECK_INT(u8_wrap("Afiliación", 4, collect, &l), 3);
    CHECK_STR(l.lines[0], "Afil");
    CHECK_STR(l.lines[1], "iaci");
    CHECK_STR(l.lines[2], "ón");
    /* Embedded newlines, including an empty line and CRLF. */
    memset(&l, 0, sizeof l);
    CHECK_INT(u8_wrap("uno\n\ndos tres\r\ncuatro\n", 20, collect, &l), 4);
    CHECK_STR(l.lines[0], "uno");
    CHECK_STR(l.lines[1], "");
    CHECK_STR(l.lines[2], "dos tres");
    CHECK_STR(l.lines[3], "cuatro");
    /* Several spaces at the break vanish; a line never ends in spaces. */
    memset(&l, 0, sizeof l);
    CHECK_INT(u8_wrap("abc    def", 5, collect, &l), 2);
    CHECK_STR(l.lines[0], "abc");
    CHECK_STR(l.lines[1], "def");
    /* Wide characters. */
    memset(&l, 0, sizeof l);
    CHECK_INT(u8_wrap(CJK CJK CJK, 5, collect, &l), 2);
    CHECK_STR(l.lines[0], CJK CJK);
    CHECK_STR(l.lines[1], CJK);
    /* cols smaller than a wide char still advances. */
    memset(&l, 0, sizeof l);
    CHECK_INT(u8_wrap(CJK CJK, 1, collect, &l), 2);
    /* Indentation is kept when it fits and dropped when it cannot. */
    memset(&l, 0, sizeof l);
    CHECK_INT(u8_wrap("  - uno", 10, collect, &l), 1);
    CHECK_STR(l.lines[0], "  - uno");
    memset(&l, 0, sizeof l);
    CHECK_INT(u8_wrap("     abc", 2, collect, &l), 2);
    CHECK_STR(l.lines[0], "ab");
    CHECK_STR(l.lines[1], "c");
    CHECK_INT(u8_wrap("", 10, collect, &l), 0);
    CHECK_INT(u8_wrap("exacto", 6, NULL, NULL), 1);
    CHECK_INT(u8_wrap("a b c d", 1, NULL, NULL), 4);
}

TEST(fold)
{
    char *f = u8_fold("Departamento de Afiliación");
    CHECK_STR(f, "departamento de afiliacion");
    free(f);
    f = u8_fold("ÁÉÍÓÚÜÑ áéíóúüñ çÇ àèìòù âêîôû ãõ");
    CHECK_STR(f, "aeiouun aeiouun cc aeiou aeiou ao");
    free(f);
    f = u8_fold("Straße Œuvre Łódź Čeština");
    CHECK_STR(f, "strasse oeuvre lodz cestina");
    free(f);
    f = u8_fold("Afiliacio" ACUTE "n");
    CHECK_STR(f, "afiliacion");
    free(f);
    f = u8_fold("ΑΒΓ Ж 日本 ×");
    CHECK_STR(f, "αβγ ж 日本 ×");
    free(f);
    f = u8_fold("");
    CHECK_STR(f, "");
    free(f);

    CHECK(u8_contains_folded("Departamento de Afiliación", "AFILIACION"));
    CHECK(u8_contains_folded("Departamento de Afiliación", "afiliación"));
    CHECK(u8_contains_folded("Departamento de Afiliación", "Depto") == false);
    CHECK(u8_contains_folded("Departamento de Afiliación", ""));
    CHECK(u8_contains_folded("", ""));
    CHECK(u8_contains_folded("AÑO", "ano"));
    CHECK(u8_contains_folded("Logística y Activos", "LOGISTICA Y"));
    CHECK(!u8_contains_folded("abc", "abcd"));
}

TEST(ascii_spelling)
{
    char *t = u8_ascii("Gestión de Año — «Ñandú» … ≥ 80 %");
    CHECK_STR(t, "Gestion de Ano - \"Nandu\" . >= 80 %");
    free(t);
    t = u8_ascii("├─▾ Financiero │ █▏░ ●V ¿Qué? ¡Sí!");
    CHECK_STR(t, "+-v Financiero | ##. *V ?Que? !Si!");
    free(t);
    t = u8_ascii("ÀÉÎÕÜÇ àéîõüç Œœ ß");
    CHECK_STR(t, "AEIOUC aeiouc Oeoe ss");
    free(t);
    t = u8_ascii(NULL);
    CHECK_STR(t, "");
    free(t);
}

int main(void)
{
    RUN(decode_encode);
    RUN(valid);
    RUN(widths);
    RUN(fit);
    RUN(fit_copy);
    RUN(prev_next);
    RUN(wrap);
    RUN(fold);
    RUN(ascii_spelling);
    return t_finish();
}
