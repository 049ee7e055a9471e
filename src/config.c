/* config.c — finds and reads config.ini into struct Config: lookup order, defaults,
 * validation with Spanish warnings naming file and line. The only user of iniparser. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <math.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEF_VERDE 80.0
#define DEF_AMARILLO 60.0
#define DEF_TOPE 100.0
#define DEF_AUTOR "Departamento de Planificación y Desarrollo"
#define DEF_CONSERVAR 10 /* respaldo.h's RESPALDO_CONSERVAR, as text for the warning */
#define POA_STR2(x) #x
#define POA_STR(x) POA_STR2(x)

/* iniparser 4.1 reads each line into a 1024-byte buffer (ASCIILINESZ) and
 * rejects the whole file when a line does not fit (1022 bytes + '\n'). */
#define INI_LINE_MAX 1022

/* How much of a bad value a warning quotes: enough to recognise it, not a
 * whole 1000-byte line on the user's screen. */
#define SHOW_MAX 60

static const char *const known_sections[] = {
    "institucion", "plan", "semaforo", "consolidacion", "interfaz", "exportar", "respaldos",
};

/* Keys as iniparser names them: "section:key", both lowercased. */
static const char *const known_keys[] = {
    "institucion:nombre", "plan:anio", "plan:corte", "semaforo:verde", "semaforo:amarillo",
    "consolidacion:regla", "consolidacion:tope", "interfaz:colores", "exportar:papel",
    "exportar:orientacion", "exportar:autor", "respaldos:carpeta", "respaldos:conservar",
};

void config_defaults(Config *c)
{
    memset(c, 0, sizeof *c);
    c->anio = 0;
    c->corte = 1;
    c->umbrales.verde = DEF_VERDE / 100.0;
    c->umbrales.amarillo = DEF_AMARILLO / 100.0;
    c->regla.regla = ROLLUP_MEDIA;
    c->regla.tope = DEF_TOPE / 100.0;
    c->colores = true;
    c->papel = PAPEL_A4;
    c->horizontal = true;
    snprintf(c->autor, sizeof c->autor, "%s", DEF_AUTOR);
    c->conservar_respaldos = DEF_CONSERVAR;
}

const char *papel_name(Papel p)
{
    switch (p) {
    case PAPEL_CARTA:
        return "carta";
    case PAPEL_OFICIO:
        return "oficio";
    case PAPEL_A4:
    default:
        return "A4";
    }
}

void config_avisos_free(ConfigAvisos *a)
{
    if (!a)
        return;
    for (int i = 0; i < a->n; i++)
        free(a->lineas[i]);
    free(a->lineas);
    a->lineas = NULL;
    a->n = 0;
}

/* ---- iniparser's messages ------------------------------------------------
 * iniparser 4.1 prints parse errors to stderr by default, which would
 * corrupt the curses screen. The callback stays installed for the life of
 * the process; during a load the messages are collected (in English) and
 * turned into our Spanish ones, otherwise they are dropped. */

static StrBuf *ini_msgs;

static int config_ini_error(const char *fmt, ...)
{
    if (!ini_msgs)
        return 0;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return 0;
    char *buf = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb_append(ini_msgs, buf);
    free(buf);
    return n;
}

/* The first iniparser message in Spanish, with its line number when the
 * message carries one ("... in <file> (<n>)"). */
static char *config_ini_msg_text(const char *raw, const char *file)
{
    int line = 0;
    char *pat = xasprintf("in %s (", file);
    const char *at = strstr(raw, pat);
    if (at)
        line = atoi(at + strlen(pat));
    free(pat);
    const char *what;
    if (strstr(raw, "syntax error"))
        what = "error de sintaxis";
    else if (strstr(raw, "too long"))
        what = "línea demasiado larga (más de 1022 bytes)";
    else if (strstr(raw, "cannot open"))
        what = "no se pudo abrir";
    else if (strstr(raw, "memory"))
        what = "memoria insuficiente";
    else
        what = NULL;
    if (what && line > 0)
        return xasprintf("%s:%d: %s", file, line, what);
    if (what)
        return xasprintf("%s: %s", file, what);
    /* An unknown message: better in English than lost. */
    size_t len = strcspn(raw, "\n");
    return xasprintf("%s: iniparser: %.*s", file, (int)len, raw);
}

/* ---- small text helpers -------------------------------------------------- */


/* Length of the valid UTF-8 character at p, or 0 (overlong forms,
 * surrogates and code points past Unicode are invalid too). */
static int utf8_len(const unsigned char *p)
{
    unsigned c = p[0];
    int len;
    unsigned cp;
    if (c < 0x80)
        return 1;
    if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    return len;
}

static bool utf8_valid(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        int n = utf8_len(p);
        if (!n)
            return false;
        p += n;
    }
    return true;
}

/* A value as quoted in a warning, safe to put on the screen: at most
 * SHOW_MAX bytes cut at a character boundary (never inside an "ñ") with
 * "…", invalid bytes as "�" and control characters as "?". */
static const char *mostrar(const char *v, char *buf, size_t n)
{
    const unsigned char *p = (const unsigned char *)v;
    size_t o = 0;
    while (*p) {
        int len = utf8_len(p);
        const char *piece = (const char *)p;
        size_t plen = (size_t)len;
        if (len == 0) {
            piece = "\xEF\xBF\xBD";
            plen = 3;
            len = 1;
        } else if (len == 1 && (*p < 0x20 || *p == 0x7F)) {
            piece = "?";
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
        p += len;
    }
    buf[o] = '\0';
    return buf;
}

static void lower_ascii(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* Trimmed, ASCII-lowercased copy for matching words and numbers; quoted
 * values reach us with their inner spaces, so trim here too. */
static char *palabra(const char *v)
{
    char *w = str_trim(xstrdup(v));
    lower_ascii(w);
    return w;
}

static bool in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(w, list[i]) == 0)
            return true;
    return false;
}

/* Edit distance, to suggest the key meant by a typo ("verd" -> "verde"). */
static int distancia(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    int row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        int diag = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int up = row[j];
            int best = diag + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static const char *home_dir(void)
{
    const char *h = getenv("HOME");
    if (h && *h)
        return h;
    struct passwd *pw = getpwuid(getuid());
    return pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
}

/* ---- our own pass over the file ------------------------------------------
 * iniparser gives no line numbers, so we read the file once more with the
 * same rules iniparser 4.1 uses (sections and keys stripped and lowercased,
 * ';' and '#' comments, '\' continuation lines) and remember where each
 * section and key is. Its values are never used: they come from iniparser. */

typedef struct {
    char *name;   /* "section" or "section:key", as iniparser names it */
    int line;     /* last occurrence for keys (iniparser keeps the last value) */
} Lugar;

typedef struct {
    Lugar *v;
    int n, cap;
    int err_line;     /* first line iniparser will reject (0 = none) */
    char *err_text;
    bool err_long;    /* the rejected line is too long rather than malformed */
    bool bom;
    struct { int line, prev; char *name; } *dup;
    int ndup, capdup;
} Mapa;

static Lugar *mapa_find(Mapa *m, const char *name)
{
    for (int i = 0; i < m->n; i++)
        if (strcmp(m->v[i].name, name) == 0)
            return &m->v[i];
    return NULL;
}

static int mapa_line(Mapa *m, const char *name)
{
    Lugar *l = mapa_find(m, name);
    return l ? l->line : 0;
}

static void mapa_put(Mapa *m, const char *name, int line, bool is_key)
{
    Lugar *l = mapa_find(m, name);
    if (l) {
        if (!is_key)
            return;   /* a section opened twice is merged by iniparser: fine */
        if (m->ndup == m->capdup) {
            m->capdup = m->capdup ? m->capdup * 2 : 4;
            m->dup = xrealloc(m->dup, (size_t)m->capdup * sizeof *m->dup);
        }
        m->dup[m->ndup].line = line;
        m->dup[m->ndup].prev = l->line;
        m->dup[m->ndup].name = xstrdup(name);
        m->ndup++;
        l->line = line;
        return;
    }
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->v = xrealloc(m->v, (size_t)m->cap * sizeof *m->v);
    }
    m->v[m->n].name = xstrdup(name);
    m->v[m->n].line = line;
    m->n++;
}

static void mapa_free(Mapa *m)
{
    for (int i = 0; i < m->n; i++)
        free(m->v[i].name);
    for (int i = 0; i < m->ndup; i++)
        free(m->dup[i].name);
    free(m->v);
    free(m->dup);
    free(m->err_text);
    memset(m, 0, sizeof *m);
}

static char *strip_space(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    char *p = s;
    while (*p && isspace((unsigned char)*p))
        p++;
    return p;
}

static void mapa_error(Mapa *m, int line, const char *text, bool too_long)
{
    if (m->err_line)
        return;
    m->err_line = line;
    m->err_text = xstrdup(text);
    m->err_long = too_long;
}

/* One logical line (continuations joined), as iniparser_line() sees it. */
static void mapa_logical(Mapa *m, char *buf, char **section, int first, int last)
{
    char *s = strip_space(buf);
    size_t len = strlen(s);
    if (len == 0 || s[0] == '#' || s[0] == ';')
        return;
    if (s[0] == '[' && s[len - 1] == ']') {
        size_t end = strcspn(s + 1, "]");
        char *name = xstrndup(s + 1, end);
        char *t = strip_space(name);
        /* "[]" leaves iniparser's current section unchanged. */
        if (end > 0) {
            lower_ascii(t);
            str_replace(section, t);
        }
        mapa_put(m, *section, first, false);
        free(name);
        return;
    }
    char *eq = strchr(s, '=');
    if (!eq || eq == s) {
        mapa_error(m, last, s, false);
        return;
    }
    char *key = xstrndup(s, (size_t)(eq - s));
    char *k = strip_space(key);
    lower_ascii(k);
    char *name = xasprintf("%s:%s", *section, k);
    mapa_put(m, name, first, true);
    free(name);
    free(key);
}

static void mapa_scan(FILE *f, Mapa *m)
{
    char *raw = NULL;
    size_t cap = 0;
    ssize_t got;
    StrBuf acc = {0};
    char *section = xstrdup("");
    int lineno = 0, first = 0;
    while ((got = getline(&raw, &cap, f)) != -1) {
        lineno++;
        if (lineno == 1 && got >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
            m->bom = true;
        /* iniparser skips a line whose length minus one is <= 0: "\n", and
         * also a lone character without '\n' at the end of the file. */
        if (acc.len == 0 && got <= 1)
            continue;
        size_t phys = (size_t)got - (raw[got - 1] == '\n');
        if (acc.len + phys > INI_LINE_MAX)
            mapa_error(m, lineno, "", true);
        if (acc.len == 0)
            first = lineno;
        sb_appendn(&acc, raw, (size_t)got);
        size_t n = acc.len;
        while (n && isspace((unsigned char)acc.s[n - 1]))
            n--;
        acc.s[n] = '\0';
        acc.len = n;
        if (n && acc.s[n - 1] == '\\') {
            /* Continuation: the next line replaces the backslash. */
            acc.s[--acc.len] = '\0';
            continue;
        }
        mapa_logical(m, acc.s, &section, first, lineno);
        sb_clear(&acc);
    }
    if (acc.len)
        mapa_logical(m, acc.s, &section, first, lineno);
    sb_free(&acc);
    free(raw);
    free(section);
}

/* ---- warnings ------------------------------------------------------------ */

typedef struct {
    int line, seq;
    char *text;
} Aviso;

typedef struct {
    const char *file;
    dictionary *d;
    Mapa *m;
    Aviso *v;
    int n, cap;
} Ctx;

static void aviso_add(Ctx *x, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void aviso_add(Ctx *x, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *body = xmalloc((size_t)(n > 0 ? n : 0) + 1);
    va_start(ap, fmt);
    vsnprintf(body, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    va_end(ap);
    if (x->n == x->cap) {
        x->cap = x->cap ? x->cap * 2 : 8;
        x->v = xrealloc(x->v, (size_t)x->cap * sizeof *x->v);
    }
    Aviso *a = &x->v[x->n];
    a->line = line;
    a->seq = x->n;
    a->text = line > 0 ? xasprintf("%s:%d: %s", x->file, line, body)
                       : xasprintf("%s: %s", x->file, body);
    x->n++;
    free(body);
}

/* A bad value: "[semaforo] verde = «ochenta»: <why>; <what is used>". */
static void aviso_valor(Ctx *x, const char *name, const char *val, const char *why,
                        const char *usado)
{
    char shown[SHOW_MAX + 8];
    const char *colon = strchr(name, ':');
    aviso_add(x, mapa_line(x->m, name), "[%.*s] %s = «%s»: %s; %s", (int)(colon - name), name,
              colon + 1, mostrar(val, shown, sizeof shown), why, usado);
}

static int aviso_cmp(const void *pa, const void *pb)
{
    const Aviso *a = pa, *b = pb;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sorted by line so the list reads like the file. */
static void avisos_entregar(Ctx *x, ConfigAvisos *out)
{
    if (x->n > 1)
        qsort(x->v, (size_t)x->n, sizeof *x->v, aviso_cmp);
    for (int i = 0; i < x->n; i++) {
        if (out) {
            out->lineas = xrealloc(out->lineas, (size_t)(out->n + 1) * sizeof *out->lineas);
            out->lineas[out->n++] = x->v[i].text;
        } else {
            free(x->v[i].text);
        }
    }
    free(x->v);
    x->v = NULL;
    x->n = x->cap = 0;
}

/* ---- values --------------------------------------------------------------- */

static const char *ini_get(Ctx *x, const char *name)
{
    return iniparser_getstring(x->d, name, NULL);
}

/* Text values are copied whole or not at all: cutting a name at the buffer
 * size could leave half an "ñ" and a wrong name in every report. */
static bool valor_texto(Ctx *x, const char *name, const char *val, char *dst, size_t size,
                        const char *usado)
{
    if (!utf8_valid(val)) {
        aviso_valor(x, name, val, "no es texto UTF-8 válido (guarde el archivo como UTF-8)", usado);
        return false;
    }
    size_t len = strlen(val);
    if (len >= size) {
        char why[128];
        snprintf(why, sizeof why, "demasiado largo (%zu bytes; máximo %zu)", len, size - 1);
        aviso_valor(x, name, val, why, usado);
        return false;
    }
    memcpy(dst, val, len + 1);
    return true;
}

/* Whole numbers in plain decimal: iniparser_getint would take "010" as
 * octal and "12abc" as 12. */
static bool parse_entero(const char *val, long *out)
{
    char *w = palabra(val);
    size_t n = strlen(w);
    bool ok = n > 0 && n <= 9 && strspn(w, "0123456789") == n;
    if (ok)
        *out = strtol(w, NULL, 10);
    free(w);
    return ok;
}

/* A percentage as written in the file: "80", "72.5", "80%" or "80 %";
 * *out in percent (80). */
static bool parse_pct(const char *val, double *out)
{
    char *w = palabra(val);
    size_t n = strlen(w);
    if (n && w[n - 1] == '%') {
        w[n - 1] = '\0';
        str_trim(w);
    }
    double v;
    bool ok = num_parse(w, &v) && isfinite(v);
    if (ok)
        *out = v;
    free(w);
    return ok;
}

static void leer_institucion(Ctx *x, Config *c)
{
    const char *v = ini_get(x, "institucion:nombre");
    if (v)
        valor_texto(x, "institucion:nombre", v, c->institucion, sizeof c->institucion,
                    "se deja vacío (se toma el nombre de los datos)");
}

static void leer_plan(Ctx *x, Config *c)
{
    const char *v = ini_get(x, "plan:anio");
    long n;
    if (v) {
        char *w = palabra(v);
        if (*w == '\0')
            c->anio = 0;
        else if (parse_entero(w, &n) && n >= 1900 && n <= 2200)
            c->anio = (int)n;
        else
            aviso_valor(x, "plan:anio", v, "se esperaba un año entre 1900 y 2200, o vacío",
                        "se usa el año más reciente de los datos");
        free(w);
    }
    v = ini_get(x, "plan:corte");
    if (v) {
        if (parse_entero(v, &n) && n >= 1 && n <= 4)
            c->corte = (int)n;
        else
            aviso_valor(x, "plan:corte", v, "se esperaba un trimestre entre 1 y 4", "se usa 1");
    }
}

static void leer_semaforo(Ctx *x, Config *c)
{
    double verde = DEF_VERDE, amarillo = DEF_AMARILLO, p;
    const char *vv = ini_get(x, "semaforo:verde");
    const char *va = ini_get(x, "semaforo:amarillo");
    if (vv) {
        if (parse_pct(vv, &p) && p >= 0 && p <= 1000)
            verde = p;
        else
            aviso_valor(x, "semaforo:verde", vv, "se esperaba un número entre 0 y 1000",
                        "se usa 80");
    }
    if (va) {
        if (parse_pct(va, &p) && p >= 0 && p <= 1000)
            amarillo = p;
        else
            aviso_valor(x, "semaforo:amarillo", va, "se esperaba un número entre 0 y 1000",
                        "se usa 60");
    }
    if (amarillo > verde) {
        /* Keeping one of the two would still leave an order nobody chose. */
        char a[40], b[40];
        int line = va ? mapa_line(x->m, "semaforo:amarillo") : mapa_line(x->m, "semaforo:verde");
        aviso_add(x, line,
                  "[semaforo] amarillo (%s) es mayor que verde (%s): amarillo debe ser menor "
                  "o igual; se usan verde = 80 y amarillo = 60",
                  num_format(amarillo, a, sizeof a), num_format(verde, b, sizeof b));
        verde = DEF_VERDE;
        amarillo = DEF_AMARILLO;
    }
    c->umbrales.verde = verde / 100.0;
    c->umbrales.amarillo = amarillo / 100.0;
}

static void leer_consolidacion(Ctx *x, Config *c)
{
    const char *v = ini_get(x, "consolidacion:regla");
    if (v) {
        char *w = palabra(v);
        if (strcmp(w, "media") == 0)
            c->regla.regla = ROLLUP_MEDIA;
        else if (strcmp(w, "ponderada") == 0)
            c->regla.regla = ROLLUP_PONDERADA;
        else
            aviso_valor(x, "consolidacion:regla", v, "se esperaba «media» o «ponderada»",
                        "se usa media");
        free(w);
    }
    v = ini_get(x, "consolidacion:tope");
    double p;
    if (v) {
        if (parse_pct(v, &p) && p > 0)
            c->regla.tope = p / 100.0;
        else
            aviso_valor(x, "consolidacion:tope", v, "se esperaba un número mayor que 0",
                        "se usa 100");
    }
}

static void leer_interfaz(Ctx *x, Config *c)
{
    /* "sí" lowercased byte-wise keeps its accented letter as written. */
    static const char *const si[] = {"si", "sí", "sÍ", "yes", "true", "1"};
    static const char *const no[] = {"no", "false", "0"};
    const char *v = ini_get(x, "interfaz:colores");
    if (!v)
        return;
    char *w = palabra(v);
    if (in_list(w, si, POA_ARRAY_LEN(si)))
        c->colores = true;
    else if (in_list(w, no, POA_ARRAY_LEN(no)))
        c->colores = false;
    else
        aviso_valor(x, "interfaz:colores", v, "se esperaba «si» o «no»", "se usa si");
    free(w);
}

static void leer_exportar(Ctx *x, Config *c)
{
    const char *v = ini_get(x, "exportar:papel");
    if (v) {
        char *w = palabra(v);
        if (strcmp(w, "a4") == 0)
            c->papel = PAPEL_A4;
        else if (strcmp(w, "carta") == 0)
            c->papel = PAPEL_CARTA;
        else if (strcmp(w, "oficio") == 0)
            c->papel = PAPEL_OFICIO;
        else
            aviso_valor(x, "exportar:papel", v, "se esperaba «A4», «carta» u «oficio»",
                        "se usa A4");
        free(w);
    }
    v = ini_get(x, "exportar:orientacion");
    if (v) {
        char *w = palabra(v);
        if (strcmp(w, "horizontal") == 0)
            c->horizontal = true;
        else if (strcmp(w, "vertical") == 0)
            c->horizontal = false;
        else
            aviso_valor(x, "exportar:orientacion", v, "se esperaba «horizontal» o «vertical»",
                        "se usa horizontal");
        free(w);
    }
    v = ini_get(x, "exportar:autor");
    if (v && !valor_texto(x, "exportar:autor", v, c->autor, sizeof c->autor,
                          "se usa «" DEF_AUTOR "»"))
        snprintf(c->autor, sizeof c->autor, "%s", DEF_AUTOR);
}

static void leer_respaldos(Ctx *x, Config *c)
{
    const char *v = ini_get(x, "respaldos:conservar");
    long n;
    if (v) {
        if (parse_entero(v, &n) && n >= 0 && n <= 100000)
            c->conservar_respaldos = (int)n;
        else
            aviso_valor(x, "respaldos:conservar", v,
                        "se esperaba un número entero de 0 (todos) en adelante",
                        "se conservan " POA_STR(DEF_CONSERVAR));
    }
    v = ini_get(x, "respaldos:carpeta");
    if (!v)
        return;
    const char *usado = "se deja vacío (los respaldos van junto a la base de datos)";
    char *val = str_trim(xstrdup(v));
    char *full = NULL;
    if (val[0] == '~' && (val[1] == '/' || val[1] == '\0')) {
        const char *home = home_dir();
        if (!home) {
            aviso_valor(x, "respaldos:carpeta", v,
                        "no se sabe cuál es la carpeta personal para expandir «~»", usado);
            free(val);
            return;
        }
        full = xasprintf("%s%s", home, val + 1);
    } else {
        full = xstrdup(val);
    }
    /* The check is on the expanded path, which is what must fit. */
    if (strlen(full) >= sizeof c->carpeta_respaldos) {
        char why[128];
        snprintf(why, sizeof why, "ruta demasiado larga (%zu bytes; máximo %zu)", strlen(full),
                 sizeof c->carpeta_respaldos - 1);
        aviso_valor(x, "respaldos:carpeta", v, why, usado);
    } else {
        valor_texto(x, "respaldos:carpeta", full, c->carpeta_respaldos,
                    sizeof c->carpeta_respaldos, usado);
    }
    free(full);
    free(val);
}

static const char *sugerir(const char *word, const char *sec)
{
    const char *best = NULL;
    int bestd = 3;
    size_t sl = sec ? strlen(sec) : 0;
    if (!sec) {
        for (size_t i = 0; i < POA_ARRAY_LEN(known_sections); i++) {
            int d = distancia(word, known_sections[i]);
            if (d < bestd) {
                bestd = d;
                best = known_sections[i];
            }
        }
        return best;
    }
    for (size_t i = 0; i < POA_ARRAY_LEN(known_keys); i++) {
        if (strncmp(known_keys[i], sec, sl) != 0 || known_keys[i][sl] != ':')
            continue;
        int d = distancia(word, known_keys[i] + sl + 1);
        if (d < bestd) {
            bestd = d;
            best = known_keys[i] + sl + 1;
        }
    }
    return best;
}

/* Typos would otherwise be silently ignored and the default used. */
static void avisar_desconocidas(Ctx *x)
{
    dictionary *d = x->d;
    for (ssize_t i = 0; i < d->size; i++) {
        const char *k = d->key[i];
        if (!k)
            continue;
        const char *colon = strchr(k, ':');
        int line = mapa_line(x->m, k);
        if (!colon) {
            if (in_list(k, known_sections, POA_ARRAY_LEN(known_sections)))
                continue;
            const char *s = sugerir(k, NULL);
            char hint[80] = "";
            if (s)
                snprintf(hint, sizeof hint, " (¿quiso decir [%s]?)", s);
            aviso_add(x, line, "sección desconocida [%s]%s; se ignora con todas sus claves", k,
                      hint);
            continue;
        }
        char *sec = xstrndup(k, (size_t)(colon - k));
        const char *key = colon + 1;
        if (*sec == '\0') {
            aviso_add(x, line, "clave desconocida «%s» fuera de toda sección; se ignora", key);
        } else if (in_list(sec, known_sections, POA_ARRAY_LEN(known_sections)) &&
                   !in_list(k, known_keys, POA_ARRAY_LEN(known_keys))) {
            const char *s = sugerir(key, sec);
            char hint[80] = "";
            if (s)
                snprintf(hint, sizeof hint, " (¿quiso decir «%s»?)", s);
            aviso_add(x, line, "[%s] clave desconocida «%s»%s; se ignora", sec, key, hint);
        }
        /* Keys of an unknown section were covered by the section's warning. */
        free(sec);
    }
    for (int i = 0; i < x->m->ndup; i++) {
        const char *name = x->m->dup[i].name;
        const char *colon = strchr(name, ':');
        aviso_add(x, x->m->dup[i].line, "[%.*s] %s repetida (ya estaba en la línea %d); vale esta",
                  (int)(colon - name), name, colon + 1, x->m->dup[i].prev);
    }
}

/* ---- loading -------------------------------------------------------------- */

/* *out = the file to read, or NULL for defaults. False only for an explicit
 * file that is missing or a path we cannot even name in Config.origen. */
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
        } else {
            const char *home = home_dir();
            if (home)
                cand = xasprintf("%s/.config/poa/config.ini", home);
        }
        if (cand && stat(cand, &st) == 0) {
            *out = cand;
        } else {
            free(cand);
            if (stat("config.ini", &st) != 0)
                return true;
            *out = xstrdup("config.ini");
        }
    }
    if (strlen(*out) >= sizeof ((Config *)0)->origen) {
        err_set(err, "La ruta del archivo de configuración es demasiado larga (%zu bytes)",
                strlen(*out));
        free(*out);
        *out = NULL;
        return false;
    }
    return true;
}

static bool config_read(const char *path, Config *c, ConfigAvisos *avisos, PoaErr *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        err_set(err, "«%s» es una carpeta, no un archivo de configuración", path);
        return false;
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        err_set(err, "No se pudo leer el archivo de configuración «%s»: %s", path,
                err_sistema(errno));
        return false;
    }
    Mapa m = {0};
    mapa_scan(f, &m);
    bool read_err = ferror(f);
    int saved = errno;
    fclose(f);
    if (read_err) {
        err_set(err, "No se pudo leer el archivo de configuración «%s»: %s", path,
                err_sistema(saved));
        mapa_free(&m);
        return false;
    }
    if (m.bom) {
        /* iniparser would take the mark as part of the first line. */
        err_set(err, "%s:1: el archivo empieza con una marca BOM (UTF-8 con BOM); guárdelo "
                "como UTF-8 sin BOM", path);
        mapa_free(&m);
        return false;
    }

    StrBuf msgs = {0};
    iniparser_set_error_callback(config_ini_error);
    ini_msgs = &msgs;
    dictionary *d = iniparser_load(path);
    ini_msgs = NULL;
    if (!d) {
        char shown[SHOW_MAX + 8];
        if (m.err_line && m.err_long)
            err_set(err, "%s:%d: línea demasiado larga (más de %d bytes); no se pudo leer el "
                    "archivo de configuración", path, m.err_line, INI_LINE_MAX);
        else if (m.err_line)
            err_set(err, "%s:%d: línea no válida «%s»: se esperaba «[sección]», «clave = valor» "
                    "o un comentario que empiece con ; o #", path, m.err_line,
                    mostrar(m.err_text, shown, sizeof shown));
        else if (msgs.len) {
            char *t = config_ini_msg_text(sb_str(&msgs), path);
            err_set(err, "No se pudo leer el archivo de configuración: %s", t);
            free(t);
        } else
            err_set(err, "No se pudo leer el archivo de configuración «%s»", path);
        sb_free(&msgs);
        mapa_free(&m);
        return false;
    }

    Ctx x = {.file = path, .d = d, .m = &m};
    if (msgs.len) {
        /* iniparser read the file but complained: pass it on, not to stderr. */
        char *t = config_ini_msg_text(sb_str(&msgs), path);
        aviso_add(&x, 0, "aviso de iniparser: %s", t);
        free(t);
    }
    sb_free(&msgs);

    leer_institucion(&x, c);
    leer_plan(&x, c);
    leer_semaforo(&x, c);
    leer_consolidacion(&x, c);
    leer_interfaz(&x, c);
    leer_exportar(&x, c);
    leer_respaldos(&x, c);
    avisar_desconocidas(&x);
    iniparser_freedict(d);
    mapa_free(&m);

    snprintf(c->origen, sizeof c->origen, "%s", path);
    avisos_entregar(&x, avisos);
    return true;
}

bool config_load(const char *explicit_path, Config *c, ConfigAvisos *avisos, PoaErr *err)
{
    config_defaults(c);
    /* Installed before anything can reach iniparser, and left installed. */
    iniparser_set_error_callback(config_ini_error);
    char *path = NULL;
    bool ok = config_find(explicit_path, &path, err);
    if (ok && path)
        ok = config_read(path, c, avisos, err);
    if (!ok)
        config_defaults(c);   /* no half-read file leaks into the settings */
    /* https://no-color.org: any non-empty NO_COLOR wins over the file. */
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        c->colores = false;
    free(path);
    return ok;
}
