/* test_cerrojo.c — the one-writer lock: a second process is told who holds
 * it; release removes the file; a holder killed with SIGKILL leaves a lock
 * the next process takes over; a read-only folder gives no lock. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cerrojo.h"
#include "testlib.h"

/* In a child process: 0 = TOMADO, 1 = AJENO with the right words, 2 = else. */
static int child_try(const char *db)
{
    pid_t pid = fork();
    if (pid == 0) {
        Cerrojo *c;
        CerrojoDueno d;
        PoaErr err = {{0}};
        CerrojoEstado e = cerrojo_tomar(db, "orden", &c, &d, &err);
        if (e == CERROJO_TOMADO)
            _exit(0);
        _exit(e == CERROJO_AJENO && strstr(err.msg, "solo lectura — abierto por ") &&
                      strstr(err.msg, " desde ") && d.pid == (long)getppid() &&
                      strcmp(d.programa, "interfaz") == 0
                  ? 1
                  : 2);
    }
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 3;
}

TEST(second_process_is_told)
{
    char *db = t_tmp("a.db");
    Cerrojo *c;
    CerrojoDueno d;
    PoaErr err = {{0}};
    CHECK_INT(cerrojo_tomar(db, "interfaz", &c, &d, &err), CERROJO_TOMADO);
    char *ruta = cerrojo_ruta(db);
    CHECK(file_exists(ruta));
    /* who holds it (pid, programa) is checked by the child: reading the
     * file here would close a descriptor of it, and POSIX then drops every
     * fcntl lock this process has on it */
    CHECK_INT(child_try(db), 1);
    cerrojo_soltar(c);
    CHECK(!file_exists(ruta));
    CHECK_INT(child_try(db), 0);
    free(ruta);
    free(db);
}

TEST(killed_holder_is_taken_over)
{
    char *db = t_tmp("b.db");
    int ready[2];
    CHECK(pipe(ready) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        Cerrojo *c;
        PoaErr err = {{0}};
        if (cerrojo_tomar(db, "interfaz", &c, NULL, &err) != CERROJO_TOMADO)
            _exit(2);
        (void)!write(ready[1], "x", 1);
        pause();
        _exit(0);
    }
    char x;
    CHECK(read(ready[0], &x, 1) == 1);
    Cerrojo *c;
    CerrojoDueno d;
    PoaErr err = {{0}};
    CHECK_INT(cerrojo_tomar(db, "orden", &c, &d, &err), CERROJO_AJENO);
    CHECK_INT(d.pid, pid);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    char *ruta = cerrojo_ruta(db);
    CHECK(file_exists(ruta));   /* the file stays; the kernel dropped the lock */
    CHECK_INT(cerrojo_tomar(db, "orden", &c, &d, &err), CERROJO_TOMADO);
    cerrojo_soltar(c);
    close(ready[0]);
    close(ready[1]);
    free(ruta);
    free(db);
}

TEST(process_lock_is_taken_once)
{
    char *db = t_tmp("c.db");
    PoaErr err = {{0}};
    CHECK_INT(cerrojo_proceso(db, "interfaz", NULL, &err), CERROJO_TOMADO);
    /* the same process again (cli_open_db after ui_run): still held, once */
    CHECK_INT(cerrojo_proceso(db, "orden", NULL, &err), CERROJO_TOMADO);
    CHECK_INT(child_try(db), 1);
    cerrojo_proceso_soltar();
    CHECK_INT(child_try(db), 0);
    free(db);
}

TEST(read_only_folder_has_no_lock)
{
    if (geteuid() == 0)
        return;   /* root writes anywhere: the case cannot be built here */
    char *dir = t_tmp("ro");
    CHECK(mkdir(dir, 0755) == 0);
    char *db = xasprintf("%s/x.db", dir);
    CHECK(chmod(dir, 0555) == 0);
    Cerrojo *c;
    PoaErr err = {{0}};
    CHECK_INT(cerrojo_tomar(db, "orden", &c, NULL, &err), CERROJO_IMPOSIBLE);
    CHECK_CONTAINS(err.msg, "No se puede crear");
    chmod(dir, 0755);
    free(db);
    free(dir);
}

int main(void)
{
    RUN(second_process_is_told);
    RUN(killed_holder_is_taken_over);
    RUN(process_lock_is_taken_once);
    RUN(read_only_folder_has_no_lock);
    return t_finish();
}
