/* test_sesion.c — opening a plan for a session (sesion.c): the plan loaded,
 * each failure named, another interface making this one read-only, a
 * command holding the lock waited for, and the command line refused. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sesion.h"
#include "testlib.h"

#define ARS POA_FIXTURES "/poa2024_ars_semma.csv"

static Config cfg;

static SesionPedido pedido(const char *path, const char *programa, bool ceder)
{
    return (SesionPedido){.path = path, .modo = DB_EXISTING, .programa = programa,
                          .ceder = ceder, .cfg = &cfg};
}

/* A child holds path's lock as programa; it lets go after ms milliseconds
 * (0: when killed). Returns its pid once it holds the lock. */
static pid_t hold_lock(const char *path, const char *programa, int ms)
{
    int ready[2];
    if (pipe(ready) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        Cerrojo *c;
        CerrojoDueno d;
        PoaErr err = {{0}};
        if (cerrojo_tomar(path, programa, &c, &d, &err) != CERROJO_TOMADO)
            _exit(1);
        if (write(ready[1], "x", 1) != 1)
            _exit(1);
        if (ms)
            usleep((useconds_t)ms * 1000);
        else
            pause();
        cerrojo_soltar(c);
        _exit(0);
    }
    char x;
    if (read(ready[0], &x, 1) != 1)
        pid = -1;
    close(ready[0]);
    close(ready[1]);
    return pid;
}

TEST(opens_and_loads_the_plan)
{
    char *path = t_tmp("a.db");
    plan_free(t_import(path, ARS, NULL));
    SesionPedido q = pedido(path, "orden", false);
    Sesion s;
    SesionFallo f;
    PoaErr err = {{0}};
    CHECK(sesion_open(&q, &s, &f, &err));
    CHECK_INT(f, SESION_OK);
    CHECK(s.db != NULL);
    CHECK(s.plan != NULL);
    if (s.plan)
        CHECK_INT(s.plan->anio, 2024);
    CHECK_STR(s.solo_lectura, "");
    CHECK(s.aviso == NULL);
    CHECK(s.migracion == NULL);
    sesion_close(&s);
    CHECK(s.db == NULL && s.plan == NULL);
    cerrojo_proceso_soltar();
    free(path);
}

TEST(each_failure_is_named)
{
    char *path = t_tmp("b.db");
    plan_free(t_import(path, ARS, NULL));
    Sesion s;
    SesionFallo f;
    PoaErr err = {{0}};
    char *missing = t_tmp("no_existe.db");
    SesionPedido q = pedido(missing, "orden", false);
    CHECK(!sesion_open(&q, &s, &f, &err));
    CHECK_INT(f, SESION_ARCHIVO);
    CHECK_CONTAINS(err.msg, "no_existe.db");
    CHECK(s.db == NULL);
    sesion_close(&s);
    cerrojo_proceso_soltar();

    q = pedido(path, "orden", false);
    q.institucion = "Otra institución";
    err = (PoaErr){{0}};
    CHECK(!sesion_open(&q, &s, &f, &err));
    CHECK_INT(f, SESION_ELEGIR);
    CHECK_CONTAINS(err.msg, "Otra institución");
    CHECK(s.db == NULL && s.plan == NULL);
    sesion_close(&s);
    cerrojo_proceso_soltar();
    free(missing);
    free(path);
}

TEST(another_interface_makes_it_read_only)
{
    char *path = t_tmp("c.db");
    plan_free(t_import(path, ARS, NULL));
    pid_t pid = hold_lock(path, "interfaz", 0);
    CHECK(pid > 0);
    Sesion s;
    SesionFallo f;
    PoaErr err = {{0}};
    /* the interface yields: it opens, read-only, and says who writes */
    SesionPedido q = pedido(path, "interfaz", true);
    CHECK(sesion_open(&q, &s, &f, &err));
    CHECK_CONTAINS(s.solo_lectura, "solo lectura — abierto por ");
    CHECK(s.plan != NULL);
    sesion_close(&s);
    /* a command does not: it is refused, and says why */
    q = pedido(path, "orden", false);
    CHECK(!sesion_open(&q, &s, &f, &err));
    CHECK_INT(f, SESION_CERROJO);
    CHECK_CONTAINS(err.msg, "solo lectura — abierto por ");
    CHECK_CONTAINS(err.msg, "no se puede escribir; cierre esa sesión de poa y repita la orden");
    CHECK(s.db == NULL);
    sesion_close(&s);
    /* reading needs no lock */
    q.modo = DB_READONLY;
    CHECK(sesion_open(&q, &s, &f, &err));
    sesion_close(&s);
    kill(pid, SIGTERM);
    waitpid(pid, NULL, 0);
    cerrojo_proceso_soltar();
    free(path);
}

static int waited;
static void count_wait(const char *aviso, void *ctx)
{
    (void)ctx;
    if (strstr(aviso, "esperando a que termine la orden de poa que escribe"))
        waited++;
}

TEST(a_command_holding_the_lock_is_waited_for)
{
    char *path = t_tmp("d.db");
    plan_free(t_import(path, ARS, NULL));
    pid_t pid = hold_lock(path, "importar", 400);
    CHECK(pid > 0);
    Sesion s;
    SesionFallo f;
    PoaErr err = {{0}};
    SesionPedido q = pedido(path, "interfaz", true);
    q.esperando = count_wait;
    CHECK(sesion_open(&q, &s, &f, &err));
    CHECK_INT(waited, 1);
    CHECK_STR(s.solo_lectura, "");   /* it writes: the command has finished */
    sesion_close(&s);
    waitpid(pid, NULL, 0);
    cerrojo_proceso_soltar();
    free(path);
}

int main(void)
{
    config_defaults(&cfg);
    RUN(opens_and_loads_the_plan);
    RUN(each_failure_is_named);
    RUN(another_interface_makes_it_read_only);
    RUN(a_command_holding_the_lock_is_waited_for);
    return t_finish();
}
