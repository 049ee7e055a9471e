/* test_lista.c — the one list movement (lista.c): a page is the rows on
 * screen less one, never a key code; first and last; heading rows skipped;
 * the view follows the selection. */
#include "lista.h"
#include "testlib.h"

TEST(steps_and_pages)
{
    Lista l = {.n = 300, .page = 20};
    lista_fit(&l, 20);
    CHECK(lista_move(&l, LISTA_ABAJO));
    CHECK_INT(l.sel, 1);
    CHECK(lista_move(&l, LISTA_ARRIBA));
    CHECK(!lista_move(&l, LISTA_ARRIBA));   /* at the top it stays */
    CHECK_INT(l.sel, 0);
    /* a page is 19 rows (the last row shown stays in sight), whatever the key */
    lista_move(&l, LISTA_PAG_ABAJO);
    CHECK_INT(l.sel, 19);
    CHECK_INT(l.top, 19);
    lista_move(&l, LISTA_PAG_ARRIBA);
    CHECK_INT(l.sel, 0);
    CHECK_INT(l.top, 0);
    lista_move(&l, LISTA_FIN);
    CHECK_INT(l.sel, 299);
    lista_fit(&l, 20);
    CHECK_INT(l.top, 280);
    CHECK(!lista_move(&l, LISTA_ABAJO));
    CHECK(!lista_move(&l, LISTA_PAG_ABAJO));
    CHECK_INT(l.sel, 299);
    lista_fit(&l, 20);
    CHECK_INT(l.top, 280);   /* no empty rows below the end */
    lista_move(&l, LISTA_INICIO);
    lista_fit(&l, 20);
    CHECK_INT(l.sel, 0);
    CHECK_INT(l.top, 0);
}

TEST(short_and_empty_lists)
{
    Lista l = {.n = 5, .page = 20};
    lista_move(&l, LISTA_PAG_ABAJO);
    CHECK_INT(l.sel, 4);
    lista_fit(&l, 20);
    CHECK_INT(l.top, 0);
    Lista e = {.n = 0, .page = 20, .sel = 3, .top = 2};
    CHECK(!lista_move(&e, LISTA_FIN));
    CHECK_INT(e.sel, 0);
    CHECK_INT(e.top, 0);
    /* a page of one or two rows still moves one */
    Lista t = {.n = 10, .page = 1};
    lista_move(&t, LISTA_PAG_ABAJO);
    CHECK_INT(t.sel, 1);
    /* the list shrank under the selection */
    Lista s = {.n = 3, .sel = 7, .top = 6};
    lista_fit(&s, 10);
    CHECK_INT(s.sel, 2);
    CHECK_INT(s.top, 0);
}

/* rows 0, 4 and 8 head the rows below them */
static bool heading(const void *ctx, int row)
{
    (void)ctx;
    return row % 4 == 0;
}

TEST(headings_are_skipped)
{
    Lista l = {.n = 10, .page = 4, .salta = heading};
    lista_fit(&l, 4);
    CHECK_INT(l.sel, 1);
    lista_move(&l, LISTA_ARRIBA);   /* only a heading above: stays */
    CHECK_INT(l.sel, 1);
    l.sel = 3;
    lista_move(&l, LISTA_ABAJO);
    CHECK_INT(l.sel, 5);
    lista_move(&l, LISTA_ARRIBA);
    CHECK_INT(l.sel, 3);
    l.sel = 5;
    lista_move(&l, LISTA_PAG_ABAJO);   /* 5 + 3 = 8, a heading: on to 9 */
    CHECK_INT(l.sel, 9);
    lista_move(&l, LISTA_INICIO);
    CHECK_INT(l.sel, 1);
    lista_move(&l, LISTA_FIN);
    CHECK_INT(l.sel, 9);
    Lista all = {.n = 1, .salta = heading};   /* nothing to rest on */
    lista_fit(&all, 4);
    CHECK_INT(all.sel, 0);
}

int main(void)
{
    RUN(steps_and_pages);
    RUN(short_and_empty_lists);
    RUN(headings_are_skipped);
    return t_finish();
}
