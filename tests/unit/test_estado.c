/* test_estado.c — the interface's remembered state (estado.c): where the file
 * goes (XDG_STATE_HOME, HOME), a round trip, and the files that must be
 * ignored without error: missing, damaged, of another plan file or plan, and
 * nodes or units that no longer exist. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "estado.h"
#include "testlib.h"

typedef struct {
    Plan *p;
    int eje, obj, meta, ent, a1, a2;
} Fix;

static Fix fix_new(int64_t plan_id)
{
    Fix f;
    Plan *p = f.p = plan_new("Institución", 2024);
    p->id = plan_id;
    plan_add_unidad(p, 7, "Planificación", "", "");
    plan_add_unidad(p, 9, "Finanzas", "", "");
    f.eje = plan_add_node(p, NODE_EJE, 11, 0, -1, -1, "1", "Gestión");
    f.obj = plan_add_node(p, NODE_OBJETIVO, 11, f.eje, -1, -1, "1.1", "Fortalecer");
    f.meta = plan_add_node(p, NODE_META, 21, f.obj, -1, 1, "", "Meta");
    f.ent = plan_add_node(p, NODE_ENTREGABLE, 31, f.meta, -1, 1, "1", "Informe");
    f.a1 = plan_add_node(p, NODE_ACTIVIDAD, 41, f.ent, -1, 1, "1.1", "Diagnóstico");
    f.a2 = plan_add_node(p, NODE_ACTIVIDAD, 42, f.ent, -1, 1, "1.2", "Validación");
    return f;
}

static Estado *sample(const Fix *f)
{
    Estado *e = estado_new();
    snprintf(e->vista, sizeof e->vista, "tabla");
    e->corte = 2;
    e->unidad = 1;
    e->responsable = xstrdup("Ana / Dirección");
    e->filtro_estado = 5;
    e->nodo = f->a2;
    e->foco = f->a1;
    e->pliegues = true;
    iv_push(&e->abiertos, f->eje);
    iv_push(&e->abiertos, f->meta);
    return e;
}

TEST(path_follows_xdg_then_home_and_differs_per_file_and_plan)
{
    char *plan = t_write_text("plan.db", "x"), *otro = t_write_text("otro.db", "x");
    char *state = t_tmp("estado");
    setenv("XDG_STATE_HOME", state, 1);
    char *r1 = estado_ruta(plan, 3), *r2 = estado_ruta(otro, 3), *r3 = estado_ruta(plan, 4);
    char *want = xasprintf("%s/poa/plan.db-", state);
    CHECK(r1 && strncmp(r1, want, strlen(want)) == 0);
    CHECK(r1 && strstr(r1, ".estado") == r1 + strlen(r1) - strlen(".estado"));
    CHECK(r1 && r2 && strcmp(r1, r2) != 0);
    CHECK(r1 && r3 && strcmp(r1, r3) != 0);
    /* the same file through another name (a relative path) is the same file */
    char *dir = xstrdup(plan);
    *strrchr(dir, '/') = '\0';
    char cwd[4096];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK(chdir(dir) == 0);
    char *r4 = estado_ruta("plan.db", 3);
    CHECK(chdir(cwd) == 0);
    CHECK_STR(r4, r1);
    /* a relative XDG_STATE_HOME is ignored, as the spec says: HOME decides */
    setenv("XDG_STATE_HOME", "relativa", 1);
    setenv("HOME", "/casa/ana", 1);
    char *r5 = estado_ruta(plan, 3);
    CHECK(r5 && strncmp(r5, "/casa/ana/.local/state/poa/plan.db-", 35) == 0);
    unsetenv("XDG_STATE_HOME");
    unsetenv("HOME");
    char *r6 = estado_ruta(plan, 3);
    CHECK(r6 == NULL);
    /* a plan path that does not exist has no state */
    setenv("HOME", "/casa/ana", 1);
    char *missing = t_tmp("no-existe.db");
    CHECK(estado_ruta(missing, 3) == NULL);
    free(missing);
    free(r1), free(r2), free(r3), free(r4), free(r5), free(want), free(dir);
    free(plan), free(otro), free(state);
}

TEST(round_trip_keeps_every_field_and_makes_the_folder)
{
    Fix f = fix_new(3);
    char *plan = t_write_text("plan2.db", "x");
    char *ruta = t_tmp("deep/er/state.estado");
    Estado *e = sample(&f);
    PoaErr err = {{0}};
    CHECK(estado_save(ruta, plan, f.p, e, &err));
    struct stat st;
    char *dir = xstrdup(ruta);
    *strrchr(dir, '/') = '\0';
    CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
    Estado *back = estado_new();
    CHECK(estado_load(ruta, plan, f.p, back));
    CHECK_STR(back->vista, "tabla");
    CHECK_INT(back->corte, 2);
    CHECK_INT(back->unidad, 1);
    CHECK_STR(back->responsable, "Ana / Dirección");
    CHECK_INT(back->filtro_estado, 5);
    CHECK_INT(back->nodo, f.a2);
    CHECK_INT(back->foco, f.a1);
    CHECK(back->pliegues);
    CHECK_INT(back->abiertos.n, 2);
    CHECK(back->abiertos.n == 2 && back->abiertos.v[0] == f.eje && back->abiertos.v[1] == f.meta);
    /* nodes are named by kind and row id, not by index: the objetivo and
     * the eje share row id 11 and stay apart */
    char *text = t_read_file(ruta, NULL);
    CHECK_CONTAINS(text, "\nabiertos=1:11 3:21\n");
    CHECK_CONTAINS(text, "\nnodo=5:42\n");
    CHECK_CONTAINS(text, "\nunidad=9\n");
    /* nothing remembered at all: the file says only whose it is */
    Estado *empty = estado_new();
    CHECK(estado_save(ruta, plan, f.p, empty, &err));
    Estado *back2 = estado_new();
    CHECK(estado_load(ruta, plan, f.p, back2));
    CHECK_INT(back2->corte, 0);
    CHECK_INT(back2->nodo, -1);
    CHECK(!back2->pliegues);
    free(text), free(dir);
    estado_free(e), estado_free(back), estado_free(empty), estado_free(back2);
    estado_free(NULL);
    free(plan), free(ruta);
    plan_free(f.p);
}

/* Loads text as a state file of plan p in plan_path: whether it was taken. */
static bool load_text(const char *text, const char *plan_path, const Plan *p, Estado *e)
{
    char *ruta = t_write_text("probe.estado", text);
    bool ok = estado_load(ruta, plan_path, p, e);
    free(ruta);
    return ok;
}

TEST(missing_damaged_and_foreign_files_are_ignored)
{
    Fix f = fix_new(3);
    char *plan = t_write_text("plan3.db", "x");
    char *real = realpath(plan, NULL);
    Estado *e = estado_new();
    char *missing = t_tmp("nada.estado");
    CHECK(!estado_load(missing, plan, f.p, e));
    CHECK(!estado_load(NULL, plan, f.p, e));
    char *good = xasprintf("poa-estado 1\narchivo=%s\nplan=3\ncorte=3\n", real);
    CHECK(load_text(good, plan, f.p, e));
    CHECK_INT(e->corte, 3);
    const char *bad[] = {
        "",                                            /* empty */
        "\x89PNG\r\n\x1a\n",                           /* not text */
        "poa-estado 2\narchivo=%s\nplan=3\ncorte=3\n",  /* another format */
        "poa-estado 1\narchivo=%s\nplan=3\ncorte=7\n",  /* out of range */
        "poa-estado 1\narchivo=%s\nplan=3\ncorte=dos\n",
        "poa-estado 1\narchivo=%s\nplan=3\nvista=otra\n",
        "poa-estado 1\narchivo=%s\nplan=3\nlínea sin igual\n",
        "poa-estado 1\narchivo=/otro/plan.db\nplan=3\ncorte=3\n",   /* another file */
        "poa-estado 1\narchivo=%s\nplan=4\ncorte=3\n",              /* another plan */
        "poa-estado 1\ncorte=3\n",                                  /* whose? */
    };
    for (size_t i = 0; i < POA_ARRAY_LEN(bad); i++) {
        char *t = xasprintf(bad[i], real);
        Estado *x = estado_new();
        x->corte = 0;
        bool ok = load_text(t, plan, f.p, x);
        char what[64];
        snprintf(what, sizeof what, "bad[%zu]", i);
        t_report(!ok && x->corte == 0 && x->nodo == -1, __FILE__, __LINE__, what, t);
        estado_free(x);
        free(t);
    }
    free(good), free(missing), free(real), free(plan);
    estado_free(e);
    plan_free(f.p);
}

TEST(gone_nodes_and_units_are_left_out_and_the_rest_kept)
{
    Fix f = fix_new(3);
    char *plan = t_write_text("plan4.db", "x");
    char *ruta = t_tmp("gone.estado");
    Estado *e = sample(&f);
    PoaErr err = {{0}};
    CHECK(estado_save(ruta, plan, f.p, e, &err));
    /* the same file read back by a later session in which a2 and the meta
     * were deleted and unit 9 is gone (another program edited the plan) */
    Fix g = fix_new(3);
    plan_remove_node(g.p, g.a2);
    plan_remove_node(g.p, g.meta);
    g.p->unidades[1].id = 99;
    Estado *back = estado_new();
    CHECK(estado_load(ruta, plan, g.p, back));
    CHECK_INT(back->nodo, -1);
    CHECK_INT(back->foco, -1);   /* a1 went with its meta */
    CHECK_INT(back->unidad, -1);
    CHECK_INT(back->corte, 2);
    CHECK_STR(back->vista, "tabla");
    CHECK_INT(back->abiertos.n, 1);
    CHECK(back->abiertos.n == 1 && back->abiertos.v[0] == g.eje);
    /* an unknown key (a newer poa) does not spoil the file */
    char *real = realpath(plan, NULL);
    char *t = xasprintf("poa-estado 1\narchivo=%s\nplan=3\ncolumna_nueva=1\ncorte=4\n", real);
    Estado *x = estado_new();
    CHECK(load_text(t, plan, g.p, x));
    CHECK_INT(x->corte, 4);
    free(t), free(real), free(ruta), free(plan);
    estado_free(e), estado_free(back), estado_free(x);
    plan_free(f.p);
    plan_free(g.p);
}

int main(void)
{
    RUN(path_follows_xdg_then_home_and_differs_per_file_and_plan);
    RUN(round_trip_keeps_every_field_and_makes_the_folder);
    RUN(missing_damaged_and_foreign_files_are_ignored);
    RUN(gone_nodes_and_units_are_left_out_and_the_rest_kept);
    return t_finish();
}
