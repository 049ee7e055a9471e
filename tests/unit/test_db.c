/* test_db.c — the database file's safety net below the CLI: backup names
 * and retention (respaldo.c), the backup the core makes before closing a
 * corte (so the interface gets it too), restoring, the write guard that
 * keeps every atomic write off a plan, and the open's notice. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "respaldo.h"
#include "seguimiento.h"
#include "testlib.h"

#define CAJA POA_FIXTURES "/seguimiento2024_t3_caja.csv"

static int count_in(const char *dir, const char *needle)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += strstr(e->d_name, needle) != NULL;
    if (d)
        closedir(d);
    return n;
}

TEST(nombres_de_respaldo)
{
    char k[32];
    CHECK(respaldo_es_de("plan.db.20261201-213000.importar.bak", "plan.db", k));
    CHECK_STR(k, "20261201-213000");
    CHECK(respaldo_es_de("plan.db.20261201-213000_02.corte3.bak", "plan.db", k));
    CHECK_STR(k, "20261201-213000_02");
    CHECK(respaldo_es_de("plan.db.v1-20240101-101010.bak", "plan.db", k));
    CHECK_STR(k, "20240101-101010");
    CHECK(respaldo_es_de("plan.db.20261201-213000.migracion-v1.bak", "plan.db", k));
    /* not ours, or another plan's */
    CHECK(!respaldo_es_de("plan.db.notas.bak", "plan.db", k));
    CHECK(!respaldo_es_de("plan.db.20261201-213000.importar.bak.tmp-AbC123", "plan.db", k));
    CHECK(!respaldo_es_de("otro.db.20261201-213000.importar.bak", "plan.db", k));
    CHECK(!respaldo_es_de("plan.db2.20261201-213000.importar.bak", "plan.db", k));
    CHECK(!respaldo_es_de("plan.db.20261201-213000..bak", "plan.db", k));
    CHECK(!respaldo_es_de("plan.db.20261201-213000.a b.bak", "plan.db", k));

    /* in the same second the names still differ and sort in order made */
    char *dir = t_tmp("nombres");
    mkdir(dir, 0755);
    char *a = respaldo_nuevo_nombre("/x/plan.db", dir, "manual");
    fclose(fopen(a, "w"));
    char *b = respaldo_nuevo_nombre("/x/plan.db", dir, "manual");
    CHECK(strcmp(a, b) != 0);
    fclose(fopen(b, "w"));
    char *u = respaldo_ultimo("/x/plan.db", dir);
    CHECK_STR(u, b);
    CHECK(strncmp(a, dir, strlen(dir)) == 0 && strstr(a, "/plan.db.") && strstr(a, ".manual.bak"));
    /* beside the plan: the plan's own path, no "./" */
    char *c = respaldo_nuevo_nombre("plan.db", NULL, "importar");
    CHECK(strncmp(c, "plan.db.20", 10) == 0);
    free(a);
    free(b);
    free(c);
    free(u);
    free(dir);
}

TEST(conservar_los_ultimos)
{
    char *dir = t_tmp("podar");
    mkdir(dir, 0755);
    const char *names[] = {"plan.db.20240101-000000.importar.bak",
                           "plan.db.20240102-000000.corte1.bak",
                           "plan.db.v1-20231231-000000.bak",
                           "plan.db.20240103-000000.manual.bak",
                           "plan.db.20240103-000000_01.manual.bak",
                           /* not backups of plan.db: never removed */
                           "otro.db.20200101-000000.importar.bak", "plan.db.notas.bak"};
    for (size_t i = 0; i < POA_ARRAY_LEN(names); i++) {
        char *p = xasprintf("%s/%s", dir, names[i]);
        fclose(fopen(p, "w"));
        free(p);
    }
    CHECK_INT(respaldo_podar("/x/plan.db", dir, 0), 0);
    CHECK_INT(count_in(dir, ".bak"), 7);
    CHECK_INT(respaldo_podar("/x/plan.db", dir, 2), 3);
    CHECK_INT(count_in(dir, "plan.db.2024010"), 2);
    CHECK_INT(count_in(dir, "20240103-000000.manual"), 1);
    CHECK_INT(count_in(dir, "20240103-000000_01.manual"), 1);
    CHECK_INT(count_in(dir, "otro.db."), 1);
    CHECK_INT(count_in(dir, "plan.db.notas.bak"), 1);
    free(dir);
}

TEST(temporales_de_un_respaldo_interrumpido)
{
    char *dir = t_tmp("limpiar");
    mkdir(dir, 0755);
    const char *names[] = {"plan.db.20240101-000000.manual.bak.tmp-AbC123",
                           "plan.db.20240101-000000.manual.bak.tmp-AbC123-journal",
                           "plan.db.20240102-000000.corte1.bak.tmp-Qw9999-journal",
                           /* a live writer's (locked below), and not ours */
                           "plan.db.20240103-000000.manual.bak.tmp-Vivo00",
                           "plan.db.notas.bak.tmp-AbC123", "otro.db.20240101-000000.manual.bak.tmp-AbC123",
                           "plan.db.20240101-000000.manual.bak.tmp-AbC12"};
    for (size_t i = 0; i < POA_ARRAY_LEN(names); i++) {
        char *p = xasprintf("%s/%s", dir, names[i]);
        fclose(fopen(p, "w"));
        free(p);
    }
    char *vivo = xasprintf("%s/%s", dir, names[3]);
    int fd = open(vivo, O_RDONLY);
    CHECK(fd >= 0 && flock(fd, LOCK_EX) == 0);
    CHECK_INT(respaldo_limpiar("/x/plan.db", dir), 3);
    CHECK_INT(count_in(dir, "AbC123"), 2);
    CHECK_INT(count_in(dir, "Vivo00"), 1);
    CHECK_INT(count_in(dir, "Qw9999"), 0);
    CHECK_INT(count_in(dir, "tmp-AbC12"), 3);
    close(fd);
    CHECK_INT(respaldo_limpiar("/x/plan.db", dir), 1);
    free(vivo);
    free(dir);
}

TEST(cerrar_corte_respalda_desde_el_nucleo)
{
    char *path = t_tmp("corte.db");
    Plan *p = NULL;
    Db *db = t_import_db(path, CAJA, &p, NULL, NULL);
    if (!db || !p)
        return;
    char *dir = t_tmp("resp-corte");
    DbRespaldos r = {.carpeta = dir, .conservar = 10};
    db_close(db);
    PoaErr err = {{0}};
    db = db_open_respaldos(path, DB_EXISTING, &r, &err);
    CHECK(db != NULL);
    CHECK(seguimiento_cerrar_corte(db, p, 3, &err));
    const char *bak = db_respaldo_path(db);
    CHECK(bak && strstr(bak, ".corte3.bak"));
    /* the backup is the file before the closing */
    CHECK_INT(t_sql_int(bak, "SELECT count(*) FROM corte WHERE estado = 'cerrado'"), 0);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM corte WHERE estado = 'cerrado'"), 1);
    CHECK_INT(count_in(dir, ".corte3.bak"), 1);
    /* a folder that cannot be made: the corte stays open, the user told why */
    db_close(db);
    plan_free(p);
    p = t_import(path, CAJA, NULL);
    char *file = t_write_text("no-carpeta", "x");
    char *bad = xasprintf("%s/sub", file);
    DbRespaldos r2 = {.carpeta = bad, .conservar = 10};
    db = db_open_respaldos(path, DB_EXISTING, &r2, &err);
    CHECK(db != NULL);
    CHECK(!seguimiento_cerrar_corte(db, p, 2, &err));
    CHECK_CONTAINS(err.msg, "No se cerró el corte 2: falló la copia de respaldo previa");
    CHECK_CONTAINS(err.msg, bad);
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM corte WHERE estado = 'cerrado' AND numero = 2"), 0);
    db_close(db);
    plan_free(p);
    free(file);
    free(bad);
    free(dir);
    free(path);
}

TEST(restaurar)
{
    char *path = t_tmp("rest.db");
    plan_free(t_import(path, CAJA, NULL));
    char *dir = t_tmp("resp-rest");
    DbRespaldos r = {.carpeta = dir, .conservar = 10};
    PoaErr err = {{0}};
    Db *db = db_open_respaldos(path, DB_EXISTING, &r, &err);
    CHECK(db_respaldo(db, "manual", &err));
    char *bak = xstrdup(db_respaldo_path(db));
    db_close(db);
    t_sql_exec(path, "DELETE FROM seguimiento");
    CHECK_INT(t_sql_int(path, "SELECT count(*) FROM seguimiento"), 0);
    char *previo = NULL;
    CHECK(db_restaurar(path, bak, &r, &previo, &err));
    CHECK(t_sql_int(path, "SELECT count(*) FROM seguimiento") > 0);
    CHECK(previo && strstr(previo, ".antes-de-restaurar.bak"));
    CHECK_INT(t_sql_int(previo, "SELECT count(*) FROM seguimiento"), 0);
    free(previo);
    /* not a poa file: nothing happens */
    char *txt = t_write_text("no-es.bak", "hola");
    CHECK(!db_restaurar(path, txt, &r, &previo, &err));
    CHECK_CONTAINS(err.msg, "no es una copia de un plan de poa");
    CHECK(previo == NULL);
    /* onto itself */
    CHECK(!db_restaurar(path, path, &r, &previo, &err));
    CHECK_CONTAINS(err.msg, "son el mismo archivo");
    free(txt);
    free(bak);
    free(dir);
    free(path);
}

TEST(ninguna_escritura_sobre_un_plan)
{
    char *path = t_tmp("guard.db");
    plan_free(t_import(path, CAJA, NULL));
    PoaErr err = {{0}};
    /* a plan this process opened, and any other poa file */
    CHECK(!file_target_check(path, &err));
    CHECK_CONTAINS(err.msg, "es el archivo del plan abierto");
    char *copia = t_tmp("copia.db");
    CHECK(file_copy(path, copia, &err));
    CHECK(!file_target_check(copia, &err));
    CHECK_CONTAINS(err.msg, "es un archivo de plan de poa");
    free(copia);
    char *journal = xasprintf("%s-journal", path);
    CHECK(!file_target_check(journal, &err));
    CHECK_CONTAINS(err.msg, "es el diario del plan");
    AtomicFile af;
    CHECK(!atomic_open(&af, path, &err));
    CHECK(!atomic_open(&af, journal, &err));
    CHECK(!file_exists(journal));
    /* the open plan by inode, even before it has our id (a new, empty file) */
    char *nuevo = t_tmp("nuevo.db");
    Db *db = db_open(nuevo, DB_CREATE, NULL, &err);
    CHECK(db != NULL);
    CHECK(!file_target_check(nuevo, &err));
    char *tmp = atomic_tmp_name(nuevo);
    CHECK(!atomic_rename(tmp, nuevo, &err));
    CHECK_CONTAINS(err.msg, "No se escribió");
    CHECK(!file_exists(tmp));
    CHECK_INT(t_db_int(db, "PRAGMA application_id"), POA_APPLICATION_ID);
    db_close(db);
    /* an ordinary file is replaced as always */
    char *otro = t_write_text("otro.csv", "viejo");
    CHECK(file_target_check(otro, &err));
    CHECK(atomic_open(&af, otro, &err));
    fputs("nuevo", af.f);
    CHECK(atomic_commit(&af, &err));
    char *txt = t_read_file(otro, NULL);
    CHECK_STR(txt, "nuevo");
    free(txt);
    free(tmp);
    free(otro);
    free(nuevo);
    free(journal);
    free(path);
}

TEST(aviso_vacio_en_un_archivo_sano)
{
    char *path = t_tmp("sano.db");
    plan_free(t_import(path, CAJA, NULL));
    PoaErr err = {{0}};
    Db *db = db_open(path, DB_READONLY, NULL, &err);
    CHECK(db != NULL);
    CHECK(db && db_aviso(db) == NULL);
    CHECK(db && db_tiene_datos(db));
    db_close(db);
    free(path);
}

int main(void)
{
    RUN(nombres_de_respaldo);
    RUN(conservar_los_ultimos);
    RUN(temporales_de_un_respaldo_interrumpido);
    RUN(cerrar_corte_respalda_desde_el_nucleo);
    RUN(restaurar);
    RUN(ninguna_escritura_sobre_un_plan);
    RUN(aviso_vacio_en_un_archivo_sano);
    return t_finish();
}
