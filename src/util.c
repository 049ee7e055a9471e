/* util.c — allocation, strings, numbers and atomic file writes shared by
 * every module. Nothing here knows about plans or the terminal. */
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <math.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void (*fatal_hook)(void);

void util_set_fatal_hook(void (*hook)(void)) { fatal_hook = hook; }

static void out_of_memory(size_t n)
{
    if (fatal_hook)
        fatal_hook();
    fprintf(stderr, "poa: memoria agotada (se pidieron %zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *xstrdup(const char *s)
{
    return xstrndup(s ? s : "", s ? strlen(s) : 0);
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    char *p = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

char str_vacio[1];

void str_free(char *s)
{
    if (s != str_vacio)
        free(s);
}

void str_replace(char **dst, const char *src)
{
    char *copy = xstrdup(src);
    str_free(*dst);
    *dst = copy;
}

void str_set_compartido(char **dst, const char *src)
{
    char *v = src && *src ? xstrdup(src) : str_vacio;
    str_free(*dst);
    *dst = v;
}

bool str_empty(const char *s) { return !s || !*s; }

char *str_trim(char *s)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1]))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] && strchr(" \t\r\n", s[i]))
        i++;
    if (i)
        memmove(s, s + i, n - i + 1);
    return s;
}

const char *err_sistema(int errnum)
{
    switch (errnum) {
    case ENOENT: return "no existe el archivo o la carpeta";
    case EACCES:
    case EPERM: return "permiso denegado";
    case ENOSPC: return "el disco está lleno";
    case EDQUOT: return "se agotó la cuota de disco";
    case EROFS: return "el disco es de solo lectura";
    case EISDIR: return "es una carpeta";
    case ENOTDIR: return "una parte de la ruta no es una carpeta";
    case EEXIST: return "ya existe";
    case ENAMETOOLONG: return "el nombre es demasiado largo";
    case EMFILE:
    case ENFILE: return "hay demasiados archivos abiertos";
    case EIO: return "error de lectura o escritura en el disco";
    case EBUSY: return "el archivo está en uso";
    case EFBIG: return "el archivo es demasiado grande";
    case ELOOP: return "demasiados enlaces simbólicos en la ruta";
    case EXDEV: return "no se puede mover entre discos distintos";
    case ENOMEM: return "memoria agotada";
    default: return strerror(errnum);
    }
}

void err_set(PoaErr *e, const char *fmt, ...)
{
    if (!e)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    va_end(ap);
}

void err_prefix(PoaErr *e, const char *fmt, ...)
{
    if (!e)
        return;
    char head[512], old[sizeof e->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(head, sizeof head, fmt, ap);
    va_end(ap);
    memcpy(old, e->msg, sizeof old);
    size_t hl = strlen(head);
    if (hl > sizeof e->msg - 3)
        hl = sizeof e->msg - 3;
    memcpy(e->msg, head, hl);
    memcpy(e->msg + hl, ": ", 2);
    size_t room = sizeof e->msg - hl - 3;
    size_t ol = strnlen(old, room);
    memcpy(e->msg + hl + 2, old, ol);
    e->msg[hl + 2 + ol] = '\0';
}

static void sb_grow(StrBuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->s = xrealloc(b->s, cap);
    b->cap = cap;
}

void sb_appendn(StrBuf *b, const char *s, size_t n)
{
    sb_grow(b, n);
    if (n)
        memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sb_append(StrBuf *b, const char *s) { sb_appendn(b, s ? s : "", s ? strlen(s) : 0); }

void sb_putc(StrBuf *b, char c) { sb_appendn(b, &c, 1); }

void sb_appendf(StrBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_clear(StrBuf *b)
{
    b->len = 0;
    if (b->s)
        b->s[0] = '\0';
}

const char *sb_str(const StrBuf *b) { return b->s ? b->s : ""; }

char *sb_take(StrBuf *b)
{
    char *s = b->s ? b->s : xstrdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void sb_free(StrBuf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

void iv_push(IntVec *iv, int x) { iv_insert(iv, iv->n, x); }

void iv_insert(IntVec *iv, int pos, int x)
{
    if (iv->n == iv->cap) {
        iv->cap = iv->cap ? iv->cap * 2 : 4;
        iv->v = xrealloc(iv->v, sizeof(int) * (size_t)iv->cap);
    }
    if (pos < 0 || pos > iv->n)
        pos = iv->n;
    memmove(iv->v + pos + 1, iv->v + pos, sizeof(int) * (size_t)(iv->n - pos));
    iv->v[pos] = x;
    iv->n++;
}

void iv_remove_at(IntVec *iv, int pos)
{
    if (pos < 0 || pos >= iv->n)
        return;
    memmove(iv->v + pos, iv->v + pos + 1, sizeof(int) * (size_t)(iv->n - pos - 1));
    iv->n--;
}

int iv_find(const IntVec *iv, int x)
{
    for (int i = 0; i < iv->n; i++)
        if (iv->v[i] == x)
            return i;
    return -1;
}

void iv_free(IntVec *iv)
{
    free(iv->v);
    iv->v = NULL;
    iv->n = iv->cap = 0;
}

bool num_parse(const char *s, double *out)
{
    if (!s)
        return false;
    while (*s == ' ')
        s++;
    char clean[64];
    size_t n = 0;
    const char *p = s;
    if (*p == '-' || *p == '+')
        clean[n++] = *p++;
    int digits = 0, group = -1;
    bool seen_comma = false, seen_dot = false;
    for (; *p && *p != ' '; p++) {
        if (n >= sizeof clean - 1)
            return false;
        if (isdigit((unsigned char)*p)) {
            clean[n++] = *p;
            digits++;
            if (group >= 0 && !seen_dot)
                group++;
        } else if (*p == ',' && !seen_dot) {
            /* thousands separator: groups of exactly three digits */
            if (digits == 0 || (seen_comma && group != 3) || (!seen_comma && digits > 3))
                return false;
            seen_comma = true;
            group = 0;
        } else if (*p == '.' && !seen_dot) {
            if (seen_comma && group != 3)
                return false;
            seen_dot = true;
            clean[n++] = '.';
        } else {
            return false;
        }
    }
    while (*p == ' ')
        p++;
    if (*p || digits == 0 || (seen_comma && !seen_dot && group != 3))
        return false;
    clean[n] = '\0';
    char *end;
    errno = 0;
    double v = strtod(clean, &end);
    if (*end || errno == ERANGE || !isfinite(v))
        return false;
    *out = v;
    return true;
}

bool num_parse_pct(const char *s, double *out, bool *is_pct)
{
    if (!s)
        return false;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    if (n && s[n - 1] == '%') {
        char tmp[64];
        if (n - 1 >= sizeof tmp)
            return false;
        memcpy(tmp, s, n - 1);
        tmp[n - 1] = '\0';
        double v;
        if (!num_parse(tmp, &v))
            return false;
        *out = v / 100.0;
        *is_pct = true;
        return true;
    }
    *is_pct = false;
    return num_parse(s, out);
}

const char *num_format(double v, char *buf, size_t n)
{
    if (v == 0)
        v = 0; /* no "-0" */
    if (fabs(v) < 1e15) {
        /* the fewest decimals that read back as the same double */
        for (int dec = 0; dec <= 15; dec++) {
            snprintf(buf, n, "%.*f", dec, v);
            if (strtod(buf, NULL) == v)
                return buf;
        }
    }
    snprintf(buf, n, "%.17g", v);
    return buf;
}

const char *num_format_pct(double v, char *buf, size_t n)
{
    char tmp[48];
    double p = round(v * 100.0 * 100.0) / 100.0;
    num_format(p, tmp, sizeof tmp);
    snprintf(buf, n, "%s%%", tmp);
    return buf;
}

const char *num_format_money(double v, char *buf, size_t n)
{
    char raw[64];
    snprintf(raw, sizeof raw, "%.2f", fabs(v));
    char *dot = strchr(raw, '.');
    size_t int_len = dot ? (size_t)(dot - raw) : strlen(raw);
    StrBuf b = {0};
    if (v < 0 && round(fabs(v) * 100) != 0)
        sb_putc(&b, '-');
    for (size_t i = 0; i < int_len; i++) {
        if (i && (int_len - i) % 3 == 0)
            sb_putc(&b, ',');
        sb_putc(&b, raw[i]);
    }
    if (dot)
        sb_append(&b, dot);
    snprintf(buf, n, "%s", sb_str(&b));
    sb_free(&b);
    return buf;
}

/* Temporary files handed out by name (libxlsxwriter and SQLite open them
 * themselves) keep our descriptor open with an flock until they are renamed:
 * the lock is what tells a live write from one a killed process left. */
static struct {
    char *tmp;
    int fd;
} held[16];

static void held_release(const char *tmp)
{
    for (size_t i = 0; i < POA_ARRAY_LEN(held); i++)
        if (held[i].tmp && (!tmp ? access(held[i].tmp, F_OK) != 0 : strcmp(held[i].tmp, tmp) == 0)) {
            close(held[i].fd);
            free(held[i].tmp);
            held[i].tmp = NULL;
        }
}

static void held_add(const char *tmp, int fd)
{
    held_release(NULL); /* writers that unlinked their file on failure */
    for (size_t i = 0; i < POA_ARRAY_LEN(held); i++)
        if (!held[i].tmp) {
            held[i].tmp = xstrdup(tmp);
            held[i].fd = fd;
            return;
        }
    close(fd); /* more than 16 writes at once: only the stale-file lock is lost */
}

/* "<base>.tmp-XXXXXX" exactly as mkstemp fills it, and nothing else. */
static bool is_our_tmp(const char *name, const char *base)
{
    size_t bl = strlen(base);
    if (strncmp(name, base, bl) != 0 || strncmp(name + bl, ".tmp-", 5) != 0)
        return false;
    const char *x = name + bl + 5;
    for (int i = 0; i < 6; i++)
        if (!isalnum((unsigned char)x[i]))
            return false;
    return x[6] == '\0';
}

/* Removes the temporary files a killed write of path left beside it. One
 * that another process is still writing holds its flock and stays. */
static void sweep_stale_tmp(const char *path)
{
    char *dcopy = xstrdup(path), *bcopy = xstrdup(path);
    const char *dir = dirname(dcopy), *base = basename(bcopy);
    DIR *d = opendir(dir);
    if (d) {
        int dfd = dirfd(d);
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (!is_our_tmp(e->d_name, base))
                continue;
            int fd = openat(dfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
            if (fd < 0)
                continue;
            struct stat st;
            if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
                unlinkat(dfd, e->d_name, 0);
            close(fd);
        }
        closedir(d);
    }
    free(dcopy);
    free(bcopy);
}

char *atomic_tmp_name(const char *path)
{
    sweep_stale_tmp(path);
    char *t = xasprintf("%s.tmp-XXXXXX", path);
    int fd = mkstemp(t);
    if (fd >= 0) {
        int e = errno;
        flock(fd, LOCK_EX);
        held_add(t, fd);
        errno = e;
    }
    return t;
}

bool atomic_open(AtomicFile *af, const char *path, PoaErr *err)
{
    memset(af, 0, sizeof *af);
    if (!file_target_check(path, err))
        return false;
    sweep_stale_tmp(path);
    af->path = xstrdup(path);
    af->tmp = xasprintf("%s.tmp-XXXXXX", path);
    int fd = mkstemp(af->tmp);
    if (fd >= 0)
        flock(fd, LOCK_EX); /* held until fclose: marks the file as being written */
    if (fd < 0) {
        err_set(err, "No se pudo crear «%s»: %s", path, err_sistema(errno));
        free(af->path);
        free(af->tmp);
        memset(af, 0, sizeof *af);
        return false;
    }
    af->f = fdopen(fd, "wb");
    if (!af->f) {
        err_set(err, "No se pudo escribir «%s»: %s", path, err_sistema(errno));
        close(fd);
        unlink(af->tmp);
        free(af->path);
        free(af->tmp);
        memset(af, 0, sizeof *af);
        return false;
    }
    return true;
}

static void fsync_dir_of(const char *path)
{
    char *copy = xstrdup(path);
    int fd = open(dirname(copy), O_RDONLY);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(copy);
}

/* The mode a replaced file keeps, or what a new file would get under the
 * umask (mkstemp creates 0600, too private for a report to forward). */
static mode_t target_mode(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0)
        return st.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

bool atomic_rename(const char *tmp, const char *path, PoaErr *err)
{
    /* checked again here: this is the moment a plan would be replaced */
    if (!file_target_check(path, err)) {
        unlink(tmp);
        held_release(tmp);
        return false;
    }
    chmod(tmp, target_mode(path));
    /* the data must be on disk before the name points at it (libxlsxwriter
     * and SQLite wrote this file through their own descriptors) */
    int fd = open(tmp, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fsync(fd) != 0) {
        err_set(err, "No se pudo guardar «%s»: %s", path, err_sistema(errno));
        if (fd >= 0)
            close(fd);
        unlink(tmp);
        held_release(tmp);
        return false;
    }
    close(fd);
    if (rename(tmp, path) != 0) {
        err_set(err, "No se pudo guardar «%s»: %s", path, err_sistema(errno));
        unlink(tmp);
        held_release(tmp);
        return false;
    }
    held_release(tmp);
    fsync_dir_of(path);
    return true;
}

bool atomic_commit(AtomicFile *af, PoaErr *err)
{
    bool ok = true;
    if (fflush(af->f) != 0 || fsync(fileno(af->f)) != 0) {
        err_set(err, "No se pudo escribir «%s»: %s", af->path, err_sistema(errno));
        ok = false;
    }
    /* renamed while still open: our flock keeps another process's sweep of
     * stale temporary files away from it until it has its name */
    if (ok)
        ok = atomic_rename(af->tmp, af->path, err);
    else
        unlink(af->tmp);
    fclose(af->f);
    af->f = NULL;
    free(af->path);
    free(af->tmp);
    memset(af, 0, sizeof *af);
    return ok;
}

void atomic_abort(AtomicFile *af)
{
    if (af->f)
        fclose(af->f);
    if (af->tmp)
        unlink(af->tmp);
    free(af->path);
    free(af->tmp);
    memset(af, 0, sizeof *af);
}

/* Our application_id ('POA1', db.h's POA_APPLICATION_ID): util knows the
 * number only to refuse writing over a plan. */
#define UTIL_POA_APPID 0x504F4131u

/* Files this process opened as plans, by device and inode: a name can
 * reach them through a symlink, "./", or a hard link. */
typedef struct {
    dev_t dev;
    ino_t ino;
} FileId;
static FileId guarded[32];
static int nguarded;

void file_guard_add(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    for (int i = 0; i < nguarded; i++)
        if (guarded[i].dev == st.st_dev && guarded[i].ino == st.st_ino)
            return;
    if (nguarded < (int)POA_ARRAY_LEN(guarded))
        guarded[nguarded++] = (FileId){st.st_dev, st.st_ino};
}

static bool is_guarded(const struct stat *st)
{
    for (int i = 0; i < nguarded; i++)
        if (guarded[i].dev == st->st_dev && guarded[i].ino == st->st_ino)
            return true;
    return false;
}

bool file_sqlite_appid(const char *path, uint32_t *appid)
{
    /* the 100-byte header: magic at 0, application_id big-endian at 68 */
    unsigned char h[100];
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, h, sizeof h);
    close(fd);
    if (n != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0)
        return false;
    *appid = (uint32_t)h[68] << 24 | (uint32_t)h[69] << 16 | (uint32_t)h[70] << 8 | h[71];
    return true;
}

static bool is_plan_file(const char *path)
{
    struct stat st;
    uint32_t id;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    return is_guarded(&st) || (file_sqlite_appid(path, &id) && id == UTIL_POA_APPID);
}

bool file_target_check(const char *path, PoaErr *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
        if (is_guarded(&st)) {
            err_set(err, "No se escribió «%s»: es el archivo del plan abierto (se perdería el "
                    "plan); elija otro nombre", path);
            return false;
        }
        uint32_t id;
        if (file_sqlite_appid(path, &id) && id == UTIL_POA_APPID) {
            err_set(err, "No se escribió «%s»: es un archivo de plan de poa (se perdería ese "
                    "plan); elija otro nombre", path);
            return false;
        }
    }
    /* a plan's companions: a file written there would be taken for its journal */
    static const char *const sufijos[] = {"-journal", "-wal", "-shm"};
    size_t len = strlen(path);
    for (size_t i = 0; i < POA_ARRAY_LEN(sufijos); i++) {
        size_t sl = strlen(sufijos[i]);
        if (len <= sl || strcmp(path + len - sl, sufijos[i]) != 0)
            continue;
        char *base = xstrndup(path, len - sl);
        bool plan = is_plan_file(base);
        if (plan)
            err_set(err, "No se escribió «%s»: es el diario del plan «%s» (reemplazarlo dañaría "
                    "el plan); elija otro nombre", path, base);
        free(base);
        if (plan)
            return false;
    }
    return true;
}

bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

bool file_copy(const char *src, const char *dst, PoaErr *err)
{
    FILE *in = fopen(src, "rb");
    if (!in) {
        err_set(err, "No se pudo leer «%s»: %s", src, err_sistema(errno));
        return false;
    }
    AtomicFile af;
    if (!atomic_open(&af, dst, err)) {
        fclose(in);
        return false;
    }
    char buf[1 << 16];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        if (fwrite(buf, 1, n, af.f) != n) {
            err_set(err, "No se pudo escribir «%s»: %s", dst, err_sistema(errno));
            fclose(in);
            atomic_abort(&af);
            return false;
        }
    }
    bool rd_err = ferror(in);
    fclose(in);
    if (rd_err) {
        err_set(err, "No se pudo leer «%s»", src);
        atomic_abort(&af);
        return false;
    }
    return atomic_commit(&af, err);
}

const char *now_text(char *buf, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(buf, n, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

const char *user_name(void)
{
    const char *u = getenv("USER");
    if (!str_empty(u))
        return u;
    struct passwd *pw = getpwuid(getuid());
    if (pw && !str_empty(pw->pw_name))
        return pw->pw_name;
    return "desconocido";
}

void lineas_add(Lineas *l, char *line)
{
    if (!l) {
        free(line);
        return;
    }
    l->lineas = xrealloc(l->lineas, sizeof *l->lineas * (size_t)(l->n + 1));
    l->lineas[l->n++] = line;
}

void lineas_free(Lineas *l)
{
    if (!l)
        return;
    for (int i = 0; i < l->n; i++)
        free(l->lineas[i]);
    free(l->lineas);
    l->lineas = NULL;
    l->n = 0;
}

const char *num_plural(long n, const char *uno, const char *varios)
{
    return n == 1 || n == -1 ? uno : varios;
}

/* A published percentage as the documents write it: "31%", "31 %", and
 * plain numbers (above 1.5 read as percent points, else as a fraction). */
bool num_parse_publicado(const char *s, double *out)
{
    char *t = xstrdup(s);
    str_trim(t);
    size_t n = strlen(t);
    if (n >= 2 && t[n - 1] == '%') {
        size_t j = n - 1;
        while (j > 0 && t[j - 1] == ' ')
            j--;
        t[j] = '%';
        t[j + 1] = '\0';
    }
    bool pct;
    bool ok = num_parse_pct(t, out, &pct);
    free(t);
    if (ok && !pct && *out > 1.5)
        *out /= 100.0;
    return ok;
}
