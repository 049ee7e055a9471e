/* config_lineas.c — the line of every section and key of a config.ini, and
 * the first line iniparser would reject, read with iniparser 4.1's rules. */
#include "config_lineas.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static ConfigLinea *buscar(const ConfigLineas *m, const char *sec, const char *key)
{
    for (int i = 0; m && i < m->n; i++)
        if (strcmp(m->v[i].seccion, sec) == 0 &&
            (key ? m->v[i].clave && strcmp(m->v[i].clave, key) == 0 : !m->v[i].clave))
            return &m->v[i];
    return NULL;
}

int config_lineas_de(const ConfigLineas *m, const char *seccion, const char *clave)
{
    const ConfigLinea *l = buscar(m, seccion, clave);
    return l ? l->linea : 0;
}

static void poner(ConfigLineas *m, const char *sec, const char *key, int line)
{
    ConfigLinea *l = buscar(m, sec, key);
    if (l && !key)
        return;   /* a section opened twice is merged by iniparser: fine */
    if (l) {
        m->rep = xrealloc(m->rep, sizeof *m->rep * (size_t)(m->nrep + 1));
        m->rep[m->nrep++] = (ConfigRepetida){xstrdup(sec), xstrdup(key), line, l->linea};
        l->linea = line;
        return;
    }
    m->v = xrealloc(m->v, sizeof *m->v * (size_t)(m->n + 1));
    m->v[m->n++] = (ConfigLinea){xstrdup(sec), key ? xstrdup(key) : NULL, line};
}

static void error_en(ConfigLineas *m, int line, const char *text, bool larga)
{
    if (m->error_linea)
        return;
    m->error_linea = line;
    m->error_texto = xstrdup(text);
    m->error_larga = larga;
}

static char *recortar(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    while (*s && isspace((unsigned char)*s))
        s++;
    return s;
}

static void minusculas(char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            *s = (char)(*s - 'A' + 'a');
}

/* One logical line (continuations joined), as iniparser_line() sees it. */
static void logica(ConfigLineas *m, char *buf, char **section, int first, int last)
{
    char *s = recortar(buf);
    size_t len = strlen(s);
    if (len == 0 || s[0] == '#' || s[0] == ';')
        return;
    if (s[0] == '[' && s[len - 1] == ']') {
        size_t end = strcspn(s + 1, "]");
        char *name = xstrndup(s + 1, end);
        char *t = recortar(name);
        if (end > 0) {   /* "[]" leaves iniparser's current section as it was */
            minusculas(t);
            str_replace(section, t);
        }
        poner(m, *section, NULL, first);
        free(name);
        return;
    }
    char *eq = strchr(s, '=');
    if (!eq || eq == s) {
        error_en(m, last, s, false);
        return;
    }
    char *key = xstrndup(s, (size_t)(eq - s));
    char *k = recortar(key);
    minusculas(k);
    poner(m, *section, k, first);
    free(key);
}

/* A temporary copy of path without its first three bytes (the BOM). */
static char *copia_sin_bom(const char *path, PoaErr *err)
{
    const char *dir = getenv("TMPDIR");
    char *tmp = xasprintf("%s/poa-config-XXXXXX", str_empty(dir) ? "/tmp" : dir);
    int fd = mkstemp(tmp);
    FILE *in = fopen(path, "rb");
    FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
    bool ok = in && out && fseek(in, 3, SEEK_SET) == 0;
    char buf[8192];
    size_t n;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
        ok = fwrite(buf, 1, n, out) == n;
    ok = ok && !ferror(in);
    int saved = errno;
    if (in)
        fclose(in);
    if (out ? fclose(out) != 0 : (fd >= 0 && close(fd) != 0))
        ok = false;
    if (!ok) {
        err_set(err, "No se pudo leer el archivo de configuración «%s»: %s", path,
                err_sistema(saved));
        if (fd >= 0)
            unlink(tmp);
        free(tmp);
        return NULL;
    }
    return tmp;
}

bool config_lineas_leer(const char *path, ConfigLineas *m, char **copia, PoaErr *err)
{
    memset(m, 0, sizeof *m);
    *copia = NULL;
    FILE *f = fopen(path, "r");
    if (!f) {
        err_set(err, "No se pudo leer el archivo de configuración «%s»: %s", path,
                err_sistema(errno));
        return false;
    }
    char *raw = NULL, *section = xstrdup("");
    size_t cap = 0;
    ssize_t got;
    StrBuf acc = {0};
    int lineno = 0, first = 0;
    bool bom = false;
    while ((got = getline(&raw, &cap, f)) != -1) {
        lineno++;
        if (lineno == 1 && got >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) {
            bom = true;   /* Notepad's UTF-8 writes one */
            memmove(raw, raw + 3, (size_t)got - 2);
            got -= 3;
        }
        /* iniparser skips a line whose length minus one is <= 0: "\n", and
         * also a lone character without '\n' at the end of the file */
        if (acc.len == 0 && got <= 1)
            continue;
        size_t phys = (size_t)got - (raw[got - 1] == '\n');
        if (acc.len + phys > CONFIG_LINEA_MAX)
            error_en(m, lineno, "", true);
        if (acc.len == 0)
            first = lineno;
        sb_appendn(&acc, raw, (size_t)got);
        while (acc.len && isspace((unsigned char)acc.s[acc.len - 1]))
            acc.s[--acc.len] = '\0';
        if (acc.len && acc.s[acc.len - 1] == '\\') {
            acc.s[--acc.len] = '\0';   /* continuation: the next line replaces the '\' */
            continue;
        }
        logica(m, acc.s, &section, first, lineno);
        sb_clear(&acc);
    }
    if (acc.len)
        logica(m, acc.s, &section, first, lineno);
    bool read_err = ferror(f);
    int saved = errno;
    fclose(f);
    sb_free(&acc);
    free(raw);
    free(section);
    if (read_err) {
        err_set(err, "No se pudo leer el archivo de configuración «%s»: %s", path,
                err_sistema(saved));
        config_lineas_free(m, NULL);
        return false;
    }
    if (bom && !(*copia = copia_sin_bom(path, err))) {
        config_lineas_free(m, NULL);
        return false;
    }
    return true;
}

void config_lineas_free(ConfigLineas *m, char *copia)
{
    for (int i = 0; i < m->n; i++) {
        free(m->v[i].seccion);
        free(m->v[i].clave);
    }
    for (int i = 0; i < m->nrep; i++) {
        free(m->rep[i].seccion);
        free(m->rep[i].clave);
    }
    free(m->v);
    free(m->rep);
    free(m->error_texto);
    memset(m, 0, sizeof *m);
    if (copia) {
        unlink(copia);
        free(copia);
    }
}
