/* cerrojo.c — the one-writer lock of a plan file: a "<plan>.poa-lock" file
 * held with fcntl(F_SETLK) and saying who holds it; see cerrojo.h. */
#include "cerrojo.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* POSIX drops every fcntl lock a process holds on a file when it closes
 * ANY descriptor of that file: the holder never opens it a second time
 * (cerrojo_proceso keeps one per process). */
struct Cerrojo {
    char *ruta;
    int fd;
};

char *cerrojo_ruta(const char *db_path) { return xasprintf("%s.poa-lock", db_path); }

static void copy_line(char *dst, size_t n, const char **s)
{
    const char *e = strchr(*s, '\n');
    size_t len = e ? (size_t)(e - *s) : strlen(*s);
    snprintf(dst, n, "%.*s", (int)len, *s);
    *s += len + (e ? 1 : 0);
}

/* The holder as its file says; pid from the kernel when the file is still
 * empty (its holder is writing it right now). */
static void leer_dueno(int fd, long kernel_pid, CerrojoDueno *d)
{
    memset(d, 0, sizeof *d);
    char buf[512];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    buf[n > 0 ? n : 0] = '\0';
    const char *s = buf;
    char pid[24], hora[32];
    copy_line(d->usuario, sizeof d->usuario, &s);
    copy_line(d->host, sizeof d->host, &s);
    copy_line(pid, sizeof pid, &s);
    copy_line(hora, sizeof hora, &s);
    copy_line(d->programa, sizeof d->programa, &s);
    d->pid = atol(pid) > 0 ? atol(pid) : kernel_pid;
    /* "2024-10-05 14:05:00" -> "14:05" */
    snprintf(d->hora, sizeof d->hora, "%.5s", strlen(hora) >= 16 ? hora + 11 : "?");
    if (!d->usuario[0])
        snprintf(d->usuario, sizeof d->usuario, "otro programa");
    if (!d->host[0])
        snprintf(d->host, sizeof d->host, "este equipo");
}

const char *cerrojo_motivo(const CerrojoDueno *d, char *buf, size_t n)
{
    snprintf(buf, n, "solo lectura — abierto por %s en %s desde %s", d->usuario, d->host,
             d->hora);
    return buf;
}

static void escribir_dueno(int fd, const char *programa)
{
    char host[128] = "", hora[20];
    if (gethostname(host, sizeof host) != 0 || !host[0])
        snprintf(host, sizeof host, "este equipo");
    host[sizeof host - 1] = '\0';
    char *t = xasprintf("%s\n%s\n%ld\n%s\n%s\n", user_name(), host, (long)getpid(),
                        now_text(hora, sizeof hora), programa);
    /* a reader may see it half written: leer_dueno copes with that */
    if (ftruncate(fd, 0) == 0 && pwrite(fd, t, strlen(t), 0) >= 0)
        (void)fsync(fd);
    free(t);
}

CerrojoEstado cerrojo_tomar(const char *db_path, const char *programa, Cerrojo **out,
                            CerrojoDueno *dueno, PoaErr *err)
{
    *out = NULL;
    char *ruta = cerrojo_ruta(db_path);
    /* A holder removes the file when it ends; one who opened the old file
     * just before would lock a name that no longer exists. Locking, then
     * checking that the name is still that file, closes the gap. */
    for (int intento = 0; intento < 20; intento++) {
        int fd = open(ruta, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
        if (fd < 0) {
            int e = errno;
            int rfd = open(ruta, O_RDONLY | O_CLOEXEC);
            if (rfd >= 0) {
                /* someone else's lock file we may not write: is it held? */
                struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
                if (fcntl(rfd, F_GETLK, &q) == 0 && q.l_type != F_UNLCK) {
                    CerrojoDueno d;
                    leer_dueno(rfd, (long)q.l_pid, &d);
                    close(rfd);
                    char m[300];
                    err_set(err, "%s", cerrojo_motivo(&d, m, sizeof m));
                    if (dueno)
                        *dueno = d;
                    free(ruta);
                    return CERROJO_AJENO;
                }
                close(rfd);
            }
            err_set(err, "No se puede crear «%s»: %s", ruta, err_sistema(e));
            free(ruta);
            return CERROJO_IMPOSIBLE;
        }
        struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
        if (fcntl(fd, F_SETLK, &l) != 0) {
            int e = errno;
            if (e != EACCES && e != EAGAIN) {
                /* a file system without locks (some network shares) */
                close(fd);
                err_set(err, "No se puede bloquear «%s»: %s", ruta, err_sistema(e));
                free(ruta);
                return CERROJO_IMPOSIBLE;
            }
            struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
            long kpid = fcntl(fd, F_GETLK, &q) == 0 && q.l_type != F_UNLCK ? (long)q.l_pid : 0;
            CerrojoDueno d;
            leer_dueno(fd, kpid, &d);
            close(fd);
            char m[300];
            err_set(err, "%s", cerrojo_motivo(&d, m, sizeof m));
            if (dueno)
                *dueno = d;
            free(ruta);
            return CERROJO_AJENO;
        }
        struct stat a, b;
        if (fstat(fd, &a) != 0 || stat(ruta, &b) != 0 || a.st_ino != b.st_ino ||
            a.st_dev != b.st_dev) {
            close(fd);   /* the holder removed it meanwhile: try the new one */
            continue;
        }
        escribir_dueno(fd, programa);
        Cerrojo *c = xcalloc(1, sizeof *c);
        c->ruta = ruta;
        c->fd = fd;
        *out = c;
        return CERROJO_TOMADO;
    }
    err_set(err, "No se pudo tomar «%s»: otro programa lo crea y lo borra sin parar", ruta);
    free(ruta);
    return CERROJO_IMPOSIBLE;
}

void cerrojo_soltar(Cerrojo *c)
{
    if (!c)
        return;
    /* removed while still held, so nobody locks the name in between */
    unlink(c->ruta);
    close(c->fd);
    free(c->ruta);
    free(c);
}

/* ---- the process's lock ---- */

static Cerrojo *proceso;
static char *proceso_db;

void cerrojo_proceso_soltar(void)
{
    cerrojo_soltar(proceso);
    proceso = NULL;
    free(proceso_db);
    proceso_db = NULL;
}

CerrojoEstado cerrojo_proceso(const char *db_path, const char *programa, CerrojoDueno *dueno,
                              PoaErr *err)
{
    if (proceso && strcmp(proceso_db, db_path) == 0)
        return CERROJO_TOMADO;
    Cerrojo *c;
    CerrojoEstado e = cerrojo_tomar(db_path, programa, &c, dueno, err);
    if (e != CERROJO_TOMADO)
        return e;
    static bool registrado;
    if (!registrado) {
        registrado = atexit(cerrojo_proceso_soltar) == 0;
    }
    cerrojo_proceso_soltar();   /* one plan per process: a new path replaces the old */
    proceso = c;
    proceso_db = xstrdup(db_path);
    return CERROJO_TOMADO;
}
