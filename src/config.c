/* config.c — config.ini into struct Config. One table of keys (CONFIG_CLAVES[])
 * drives reading, validation, the Spanish warnings, docs/configuracion.md
 * and the default config.ini. The only user of iniparser. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <math.h>
#include <pwd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config_claves.h"
#include "config_lineas.h"
#include "fecha.h"
#include "u8.h"

/* How much of a bad value a warning quotes: enough to recognise it. */
#define SHOW_MAX 60

/* ---- small helpers ---- */

static const char *home_dir(void)
{
    const char *h = getenv("HOME");
    if (h && *h)
        return h;
    struct passwd *pw = getpwuid(getuid());
    return pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
}

/* A value as quoted in a warning: at most SHOW_MAX bytes cut at a character
 * boundary with "…", invalid bytes as "�", control characters as "?". */
static const char *mostrar(const char *v, char *buf, size_t n)
{
    size_t o = 0, len = strlen(v);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = u8_decode(v + i, len - i, &cp);
        char piece[4];
        size_t plen;
        if (cp < 0x20 || cp == 0x7F) {
            piece[0] = '?';
            plen = 1;
        } else {
            plen = (size_t)u8_encode(cp, piece);   /* invalid bytes decode as U+FFFD */
        }
        if (o + plen > SHOW_MAX) {
            if (o + sizeof "…" <= n) {
                memcpy(buf + o, "…", sizeof "…" - 1);
                o += sizeof "…" - 1;
            }
            break;
        }
        if (o + plen >= n)
            break;
        memcpy(buf + o, piece, plen);
        o += plen;
        i += (size_t)k;
    }
    buf[o] = '\0';
    return buf;
}

/* Trimmed, ASCII-lowercased copy for matching words and numbers. */
static char *palabra(const char *v)
{
    char *w = str_trim(xstrdup(v));
    for (char *q = w; *q; q++)
        if (*q >= 'A' && *q <= 'Z')
            *q = (char)(*q - 'A' + 'a');
    return w;
}

/* Whole numbers in plain decimal (iniparser_getint would read "010" as
 * octal and "12abc" as 12). */
static bool parse_entero(const char *w, long *out)
{
    size_t n = strlen(w);
    if (!(n > 0 && n <= 9 && strspn(w, "0123456789") == n))
        return false;
    *out = strtol(w, NULL, 10);
    return true;
}

/* "80", "72.5", "80%" or "80 %", in percent. */
static bool parse_pct(char *w, double *out)
{
    size_t n = strlen(w);
    if (n && w[n - 1] == '%') {
        w[n - 1] = '\0';
        str_trim(w);
    }
    return num_parse(w, out) && isfinite(*out);
}

/* ---- warnings ---- */

typedef struct {
    const char *file;
    ConfigLineas *lineas;
    ConfigAvisos out;
    int *orden;       /* line of each warning, to sort them like the file */
} Ctx;

static void aviso_add(Ctx *x, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void aviso_add(Ctx *x, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char body[1400];
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    int i = x->out.n++;
    x->out.lineas = xrealloc(x->out.lineas, sizeof *x->out.lineas * (size_t)x->out.n);
    x->orden = xrealloc(x->orden, sizeof *x->orden * (size_t)x->out.n);
    x->out.lineas[i] = line > 0 ? xasprintf("%s:%d: %s", x->file, line, body)
                                : xasprintf("%s: %s", x->file, body);
    x->orden[i] = line;
}

static void aviso_valor(Ctx *x, const Clave *k, const char *val, const char *why)
{
    char shown[SHOW_MAX + 8];
    aviso_add(x, config_lineas_de(x->lineas, k->seccion, k->clave), "[%s] %s = «%s»: %s; %s",
              k->seccion, k->clave, mostrar(val, shown, sizeof shown), why, k->usado);
}

/* Sorted by line (stable), so the list reads like the file. */
static void avisos_entregar(Ctx *x, ConfigAvisos *out)
{
    for (int i = 1; i < x->out.n; i++)
        for (int j = i; j > 0 && x->orden[j - 1] > x->orden[j]; j--) {
            int t = x->orden[j];
            x->orden[j] = x->orden[j - 1];
            x->orden[j - 1] = t;
            char *s = x->out.lineas[j];
            x->out.lineas[j] = x->out.lineas[j - 1];
            x->out.lineas[j - 1] = s;
        }
    free(x->orden);
    if (out)
        *out = x->out;
    else
        config_avisos_free(&x->out);
}

/* ---- one key ---- */

/* A date: checked here so that a typo is a warning with its line, not a
 * surprise when the deadline is read. */
static bool leer_fecha(Ctx *x, const Clave *k, const char *val, Config *c)
{
    char *w = str_trim(xstrdup(val)), iso[11];
    char *dst = (char *)c + k->off;
    bool ok = true;
    if (!*w && k->vacio_ok)
        dst[0] = '\0';
    else if (fecha_dma_iso(w, iso))
        snprintf(dst, k->size, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
    else
        ok = false;
    free(w);
    if (!ok)
        aviso_valor(x, k, val, k->esperado);
    return ok;
}

static bool leer_texto(Ctx *x, const Clave *k, const char *val, Config *c)
{
    if (k->tipo == T_FECHA)
        return leer_fecha(x, k, val, c);
    char *full = NULL;
    const char *v = val;
    if (k->tipo == T_RUTA) {
        char *t = str_trim(xstrdup(val));
        if (t[0] == '~' && (t[1] == '/' || t[1] == '\0')) {
            const char *home = home_dir();
            if (!home) {
                aviso_valor(x, k, val, "no se sabe cuál es la carpeta personal para expandir «~»");
                free(t);
                return false;
            }
            full = xasprintf("%s%s", home, t + 1);
            free(t);
        } else {
            full = t;
        }
        v = full;
    }
    size_t len = strlen(v), bad;
    bool ok = true;
    if (!u8_valid(v, len, &bad)) {
        aviso_valor(x, k, val, "no es texto UTF-8 válido (guarde el archivo como UTF-8)");
        ok = false;
    } else if (len >= k->size) {
        /* cut at the buffer it could leave half an "ñ" and a wrong name */
        char why[128];
        snprintf(why, sizeof why, "%s (%zu bytes; máximo %zu)",
                 k->tipo == T_RUTA ? "ruta demasiado larga" : "demasiado largo", len, k->size - 1);
        aviso_valor(x, k, val, why);
        ok = false;
    } else {
        memcpy((char *)c + k->off, v, len + 1);
    }
    free(full);
    return ok;
}

static bool leer_numero(Ctx *x, const Clave *k, const char *val, Config *c)
{
    char *w = palabra(val);
    bool ok;
    if (k->tipo == T_ENTERO) {
        long n = 0;
        ok = (*w == '\0' && k->vacio_ok) ||
             (parse_entero(w, &n) && n >= (long)k->min && n <= (long)k->max);
        if (ok)
            *(int *)((char *)c + k->off) = (int)n;
    } else {
        double p;
        ok = parse_pct(w, &p) && (k->min_excl ? p > k->min : p >= k->min) && p <= k->max;
        if (ok)
            *(double *)((char *)c + k->off) = p / 100.0;
    }
    free(w);
    if (!ok)
        aviso_valor(x, k, val, k->esperado);
    return ok;
}

static bool leer_opcion(Ctx *x, const Clave *k, const char *val, Config *c)
{
    char *w = palabra(val);
    const Opcion *hit = NULL;
    for (const Opcion *o = k->opciones; o->palabra && !hit; o++)
        if (strcmp(w, o->palabra) == 0)
            hit = o;
    free(w);
    if (!hit) {
        char lista[200], why[240];
        config_opciones_texto(k->opciones, false, lista, sizeof lista);
        snprintf(why, sizeof why, "se esperaba %s", lista);
        aviso_valor(x, k, val, why);
        return false;
    }
    if (k->size == sizeof(bool))
        *(bool *)((char *)c + k->off) = hit->valor != 0;
    else
        *(int *)((char *)c + k->off) = hit->valor;
    return true;
}

/* The default of one key, written into c. */
static void poner_defecto(const Clave *k, Config *c)
{
    Ctx quiet = {.file = ""};
    switch (k->tipo) {
    case T_TEXTO:
    case T_RUTA: snprintf((char *)c + k->off, k->size, "%s", k->defecto); break;
    case T_ENTERO: leer_numero(&quiet, k, k->defecto, c); break;
    case T_PCT: leer_numero(&quiet, k, k->defecto, c); break;
    case T_OPCION: leer_opcion(&quiet, k, k->defecto, c); break;
    case T_FECHA: leer_fecha(&quiet, k, k->defecto, c); break;
    }
    config_avisos_free(&quiet.out);
    free(quiet.orden);
}

void config_defaults(Config *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < CONFIG_NCLAVES; i++)
        poner_defecto(&CONFIG_CLAVES[i], c);
}

const char *papel_name(Papel p)
{
    switch (p) {
    case PAPEL_CARTA: return "carta";
    case PAPEL_OFICIO: return "oficio";
    case PAPEL_A4:
    default: return "A4";
    }
}

/* ---- unknown keys ---- */

static const Clave *clave_de(const char *sec, const char *key)
{
    for (size_t i = 0; i < CONFIG_NCLAVES; i++)
        if (strcmp(CONFIG_CLAVES[i].seccion, sec) == 0 && (!key || strcmp(CONFIG_CLAVES[i].clave, key) == 0))
            return &CONFIG_CLAVES[i];
    return NULL;
}

/* Typos would otherwise be silently ignored and the default used. */
static void avisar_desconocidas(Ctx *x)
{
    const ConfigLineas *m = x->lineas;
    for (int i = 0; i < m->n; i++) {
        const ConfigLinea *l = &m->v[i];
        char hint[80] = "";
        if (!l->clave) {
            if (clave_de(l->seccion, NULL))
                continue;
            const char *s = config_sugerir(l->seccion, NULL);
            if (s)
                snprintf(hint, sizeof hint, " (¿quiso decir [%s]?)", s);
            aviso_add(x, l->linea, "sección desconocida [%s]%s; se ignora con todas sus claves",
                      l->seccion, hint);
        } else if (!*l->seccion) {
            aviso_add(x, l->linea, "clave desconocida «%s» fuera de toda sección; se ignora",
                      l->clave);
        } else if (clave_de(l->seccion, NULL) && !clave_de(l->seccion, l->clave)) {
            const char *s = config_sugerir(l->clave, l->seccion);
            if (s)
                snprintf(hint, sizeof hint, " (¿quiso decir «%s»?)", s);
            aviso_add(x, l->linea, "[%s] clave desconocida «%s»%s; se ignora", l->seccion,
                      l->clave, hint);
        }
        /* keys of an unknown section were covered by the section's warning */
    }
    for (int i = 0; i < m->nrep; i++)
        aviso_add(x, m->rep[i].linea, "[%s] %s repetida (ya estaba en la línea %d); vale esta",
                  m->rep[i].seccion, m->rep[i].clave, m->rep[i].anterior);
}

/* ---- loading ---- */

#ifndef POA_CONFIG_INSTALADA
#define POA_CONFIG_INSTALADA ""
#endif
/* The config.ini `cmake --install` puts in share/poa (the build says where). */
static char ruta_instalada[1024] = POA_CONFIG_INSTALADA;

void config_set_ruta_instalada(const char *path)
{
    snprintf(ruta_instalada, sizeof ruta_instalada, "%s", path ? path : "");
}

/* *out = the file to read, or NULL for defaults. False only for an explicit
 * file that is missing or a path too long for Config.origen. */
static bool config_find(const char *explicit_path, char **out, PoaErr *err)
{
    *out = NULL;
    struct stat st;
    if (explicit_path) {
        if (stat(explicit_path, &st) != 0) {
            if (errno == ENOENT || errno == ENOTDIR)
                err_set(err, "No existe el archivo de configuración «%s»", explicit_path);
            else
                err_set(err, "No se pudo acceder al archivo de configuración «%s»: %s",
                        explicit_path, err_sistema(errno));
            return false;
        }
        *out = xstrdup(explicit_path);
    } else {
        /* XDG says a relative or empty $XDG_CONFIG_HOME is to be ignored. */
        const char *xdg = getenv("XDG_CONFIG_HOME");
        char *cand = NULL;
        if (xdg && xdg[0] == '/') {
            size_t n = strlen(xdg);
            while (n > 1 && xdg[n - 1] == '/')
                n--;
            cand = xasprintf("%.*s/poa/config.ini", (int)n, xdg);
        } else if (home_dir()) {
            cand = xasprintf("%s/.config/poa/config.ini", home_dir());
        }
        if (cand && stat(cand, &st) == 0) {
            *out = cand;
        } else {
            free(cand);
            if (stat("config.ini", &st) == 0)
                *out = xstrdup("config.ini");
            else if (ruta_instalada[0] && stat(ruta_instalada, &st) == 0)
                *out = xstrdup(ruta_instalada);   /* the last fallback: what was installed */
            else
                return true;
        }
    }
    if (strlen(*out) >= sizeof((Config *)0)->origen) {
        err_set(err, "La ruta del archivo de configuración es demasiado larga (%zu bytes)",
                strlen(*out));
        free(*out);
        *out = NULL;
        return false;
    }
    return true;
}

/* iniparser 4.1 prints its parse errors to stderr, which would corrupt the
 * curses screen: they are dropped. Our own pass over the lines has already
 * named any line iniparser would reject, in Spanish. */
static int config_ini_error(const char *fmt, ...)
{
    (void)fmt;
    return 0;
}

static bool config_read(const char *path, Config *c, ConfigAvisos *avisos, PoaErr *err)
{
    ConfigLineas m;
    char *copy = NULL;
    if (!config_lineas_leer(path, &m, &copy, err))
        return false;
    if (m.error_linea) {
        char shown[SHOW_MAX + 8];
        if (m.error_larga)
            err_set(err, "%s:%d: línea demasiado larga (más de %d bytes); no se pudo leer el "
                    "archivo de configuración", path, m.error_linea, CONFIG_LINEA_MAX);
        else
            err_set(err, "%s:%d: línea no válida «%s»: se esperaba «[sección]», «clave = valor» "
                    "o un comentario que empiece con ; o #", path, m.error_linea,
                    mostrar(m.error_texto, shown, sizeof shown));
        config_lineas_free(&m, copy);
        return false;
    }
    dictionary *d = iniparser_load(copy ? copy : path);
    if (!d) {
        err_set(err, "No se pudo leer el archivo de configuración «%s»", path);
        config_lineas_free(&m, copy);
        return false;
    }
    Ctx x = {.file = path, .lineas = &m};
    for (size_t i = 0; i < CONFIG_NCLAVES; i++) {
        const Clave *k = &CONFIG_CLAVES[i];
        char name[64];
        snprintf(name, sizeof name, "%s:%s", k->seccion, k->clave);
        const char *v = iniparser_getstring(d, name, NULL);
        if (!v)
            continue;
        bool ok = k->tipo == T_OPCION ? leer_opcion(&x, k, v, c)
                  : k->tipo == T_ENTERO || k->tipo == T_PCT ? leer_numero(&x, k, v, c)
                                                            : leer_texto(&x, k, v, c);
        if (!ok)
            poner_defecto(k, c);
    }
    /* the one rule across keys: keeping one of the two would leave an
     * order nobody chose */
    if (c->umbrales.amarillo > c->umbrales.verde) {
        char a[40], b[40];
        int line = config_lineas_de(&m, "semaforo", "amarillo");
        if (!line)
            line = config_lineas_de(&m, "semaforo", "verde");
        aviso_add(&x, line,
                  "[semaforo] amarillo (%s) es mayor que verde (%s): amarillo debe ser menor "
                  "o igual; se usan verde = 80 y amarillo = 60",
                  num_format(c->umbrales.amarillo * 100.0, a, sizeof a),
                  num_format(c->umbrales.verde * 100.0, b, sizeof b));
        poner_defecto(clave_de("semaforo", "verde"), c);
        poner_defecto(clave_de("semaforo", "amarillo"), c);
    }
    avisar_desconocidas(&x);
    iniparser_freedict(d);
    config_lineas_free(&m, copy);
    snprintf(c->origen, sizeof c->origen, "%s", path);
    avisos_entregar(&x, avisos);
    return true;
}

bool config_load(const char *explicit_path, Config *c, ConfigAvisos *avisos, PoaErr *err)
{
    config_defaults(c);
    /* installed before anything can reach iniparser, and left installed */
    iniparser_set_error_callback(config_ini_error);
    char *path = NULL;
    bool ok = config_find(explicit_path, &path, err);
    if (ok && path) {
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            err_set(err, "«%s» es una carpeta, no un archivo de configuración", path);
            ok = false;
        } else {
            ok = config_read(path, c, avisos, err);
        }
    }
    if (!ok)
        config_defaults(c);   /* no half-read file leaks into the settings */
    /* https://no-color.org: any non-empty NO_COLOR wins over the file. */
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        c->colores = false;
    free(path);
    return ok;
}
