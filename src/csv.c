/* csv.c — RFC 4180 reading (whole file in memory, fields unescaped in
 * place, line:column of every field) and writing of the flat plan CSV. */
#include "csv.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

struct CsvReader {
    char *path;
    char *buf;          /* the file plus a NUL; fields are cut out of it */
    size_t len, pos;
    int line, col;      /* position of buf[pos] */
    char sep;
    char **fields;      /* reused from record to record */
    int *lines, *cols;
    int cap;
    bool failed;        /* after an error the position is meaningless */
    PoaErr err;
    char *nota;         /* the conversion done on open, for one warning line */
    char *head;         /* the first bytes as read, so csv_rewind need not read again */
    size_t nhead;
};

/* Reading a file's first rows to recognise it and then all of it is the
 * common case: this much of the original is kept to start over cheaply. */
enum { CSV_HEAD_KEEP = 1 << 20 };

/* Reads with fread in a loop rather than trusting a size from stat, so
 * pipes and files that change under us still read correctly. */
static char *read_all(const char *path, size_t *len, PoaErr *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(err, "%s: no se pudo abrir: %s", path, err_sistema(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (cap - n < 2) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        err_set(err, "%s: no se pudo leer: %s", path, err_sistema(errno));
        fclose(f);
        free(buf);
        return NULL;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Physical line and character column of byte off, counting from start.
 * Only called on the error path, so a scan from the beginning is fine. */
static void place_of(const char *s, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b == '\n' || (b == '\r' && s[i + 1] != '\n')) {
            l++;
            c = 1;
        } else if (b != '\r' && (b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* Excel in Spanish locales writes ';' because ',' is the decimal comma.
 * Count both outside quotes on the first non-empty record. */
static char detect_sep(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == '\n' || s[i] == '\r'))
        i++;
    int commas = 0, semis = 0;
    bool quoted = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;   /* "" inside quotes toggles twice: no effect */
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            commas++;
        else if (!quoted && c == ';')
            semis++;
    }
    return semis > commas ? ';' : ',';
}

/* Converts buf (len bytes) from charset to UTF-8 with glibc's iconv. On a
 * byte the charset does not define, err names its place in the original. */
static char *convert_to_utf8(const char *path, const char *charset, char *buf, size_t len,
                             size_t *outlen, PoaErr *err)
{
    iconv_t cd = iconv_open("UTF-8", charset);
    if (cd == (iconv_t)-1) {
        err_set(err, "%s: no se conoce la codificación «%s»", path, charset);
        return NULL;
    }
    size_t cap = len * 3 + 1;   /* every Windows-1252 byte is at most 3 UTF-8 bytes */
    char *out = xmalloc(cap + 1);
    char *in = buf, *o = out;
    size_t inleft = len, oleft = cap;
    while (inleft > 0) {
        if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
            if (errno == E2BIG) {
                size_t used = (size_t)(o - out);
                cap *= 2;
                out = xrealloc(out, cap + 1);
                o = out + used;
                oleft = cap - used;
                continue;
            }
            int line, col;
            place_of(buf, (size_t)(in - buf), &line, &col);
            err_set(err, "%s:%d:%d: el byte 0x%02X no es texto en %s", path, line, col,
                    (unsigned char)*in, charset);
            iconv_close(cd);
            free(out);
            return NULL;
        }
    }
    iconv_close(cd);
    *outlen = (size_t)(o - out);
    out[*outlen] = '\0';
    return out;
}

CsvReader *csv_open(const char *path, PoaErr *err)
{
    return csv_open_enc(path, "UTF-8", err);
}

CsvReader *csv_open_enc(const char *path, const char *codificacion, PoaErr *err)
{
    size_t len;
    char *buf = read_all(path, &len, err);
    if (!buf)
        return NULL;
    size_t skip = 0;
    const unsigned char *u = (const unsigned char *)buf;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        err_set(err, "%s: el archivo está en UTF-16; guárdelo como «CSV UTF-8»", path);
        free(buf);
        return NULL;
    }
    /* A NUL would silently cut a field short; it usually means UTF-16
     * without a BOM or a binary file picked by mistake. */
    const char *nul = memchr(buf, '\0', len);
    if (nul) {
        int line, col;
        place_of(buf, (size_t)(nul - buf), &line, &col);
        err_set(err, "%s:%d:%d: el archivo contiene un byte nulo (¿no es un CSV de texto?)", path,
                line, col);
        free(buf);
        return NULL;
    }
    char *nota = NULL;
    bool utf8 = codificacion == NULL || strcmp(codificacion, "UTF-8") == 0;
    size_t bad;
    if (codificacion == NULL && !u8_valid(buf, len, &bad)) {
        /* Excel in a Spanish Windows saves «CSV (delimitado por comas)» in
         * Windows-1252: bytes that are not UTF-8 are read as that. */
        int line, col;
        place_of(buf, bad, &line, &col);
        codificacion = "WINDOWS-1252";
        utf8 = false;
        nota = xasprintf("%s: el archivo no es UTF-8 (primer byte distinto en %d:%d); se "
                         "leyó como Windows-1252", path, line, col);
    }
    if (!utf8) {
        size_t n2;
        char *conv = convert_to_utf8(path, codificacion, buf, len, &n2, err);
        free(buf);
        if (!conv) {
            free(nota);
            return NULL;
        }
        buf = conv;
        len = n2;
        u = (const unsigned char *)buf;
    }
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        skip = 3;
    const char *text = buf + skip;
    size_t tlen = len - skip;
    if (!u8_valid(text, tlen, &bad)) {
        int line, col;
        place_of(text, bad, &line, &col);
        err_set(err, "%s:%d:%d: el texto no es UTF-8 válido (byte 0x%02X)", path, line, col,
                (unsigned char)text[bad]);
        free(buf);
        free(nota);
        return NULL;
    }
    if (skip)
        memmove(buf, buf + skip, tlen + 1);
    CsvReader *r = xcalloc(1, sizeof *r);
    r->path = xstrdup(path);
    r->buf = buf;
    r->len = tlen;
    r->line = 1;
    r->col = 1;
    r->sep = detect_sep(buf, tlen);
    r->nota = nota;
    r->nhead = tlen < CSV_HEAD_KEEP ? tlen : CSV_HEAD_KEEP;
    r->head = xmalloc(r->nhead + 1);
    memcpy(r->head, buf, r->nhead);
    return r;
}

bool csv_rewind(CsvReader *r)
{
    /* csv_next writes only inside the records it returned, so restoring the
     * bytes before the position restores the file */
    if (r->failed || r->pos >= r->nhead)
        return false;
    memcpy(r->buf, r->head, r->pos + 1 <= r->nhead ? r->pos + 1 : r->nhead);
    r->pos = 0;
    r->line = 1;
    r->col = 1;
    return true;
}

char csv_separator(const CsvReader *r) { return r->sep; }
const char *csv_nota(const CsvReader *r) { return r->nota; }

const char *csv_path(const CsvReader *r) { return r ? r->path : ""; }

void csv_close(CsvReader *r)
{
    if (!r)
        return;
    free(r->path);
    free(r->nota);
    free(r->head);
    free(r->buf);
    free(r->fields);
    free(r->lines);
    free(r->cols);
    free(r);
}

static int fail(CsvReader *r, PoaErr *err, int line, int col, const char *what)
{
    err_set(&r->err, "%s:%d:%d: %s", r->path, line, col, what);
    r->failed = true;
    if (err)
        *err = r->err;
    return -1;
}

static void grow_fields(CsvReader *r)
{
    r->cap = r->cap ? r->cap * 2 : 64;
    r->fields = xrealloc(r->fields, (size_t)r->cap * sizeof *r->fields);
    r->lines = xrealloc(r->lines, (size_t)r->cap * sizeof *r->lines);
    r->cols = xrealloc(r->cols, (size_t)r->cap * sizeof *r->cols);
}

/* Each byte is looked at once. Unescaping writes at w <= p, and the NUL
 * that ends a field goes where its separator or closing quote was, so no
 * field is ever copied. */
int csv_next(CsvReader *r, CsvRow *row, PoaErr *err)
{
    if (r->failed) {
        if (err)
            *err = r->err;
        return -1;
    }
    char *b = r->buf;
    const size_t n = r->len;
    const char sep = r->sep;
    size_t p = r->pos;
    int line = r->line, col = r->col;

    while (p < n && (b[p] == '\n' || b[p] == '\r')) {
        if (b[p] == '\r' && p + 1 < n && b[p + 1] == '\n')
            p++;
        p++;
        line++;
        col = 1;
    }
    if (p >= n) {
        r->pos = p;
        r->line = line;
        r->col = col;
        return 0;
    }

    int nf = 0;
    row->line = line;
    for (;;) {
        if (nf == r->cap)
            grow_fields(r);
        r->lines[nf] = line;
        r->cols[nf] = col;
        char *start = b + p;
        char term;   /* what ended the field: sep, '\n', '\r' or 0 at EOF */
        if (p < n && b[p] == '"') {
            int fline = line, fcol = col;
            size_t w = p;
            p++;
            col++;
            for (;;) {
                if (p >= n)
                    return fail(r, err, fline, fcol, "comillas sin cerrar (el campo empieza aquí)");
                char c = b[p];
                if (c == '"') {
                    if (p + 1 < n && b[p + 1] == '"') {
                        b[w++] = '"';
                        p += 2;
                        col += 2;
                        continue;
                    }
                    p++;
                    col++;
                    break;
                }
                if (c == '\n' || c == '\r') {
                    /* Line ends inside a field become '\n' whatever the
                     * file used, so stored text does not depend on it. */
                    b[w++] = '\n';
                    p++;
                    if (c == '\r' && p < n && b[p] == '\n')
                        p++;
                    line++;
                    col = 1;
                    continue;
                }
                if (((unsigned char)c & 0xC0) != 0x80)
                    col++;
                b[w++] = c;
                p++;
            }
            term = p < n ? b[p] : '\0';
            if (term != '\0' && term != sep && term != '\n' && term != '\r')
                return fail(r, err, line, col,
                            "texto después de las comillas de cierre (un campo entre comillas "
                            "debe terminar en la comilla)");
            b[w] = '\0';   /* w <= p - 2: the separator is still intact */
        } else {
            while (p < n) {
                char c = b[p];
                if (c == sep || c == '\n' || c == '\r')
                    break;
                if (c == '"')
                    return fail(r, err, line, col,
                                "comilla suelta en un campo sin comillas (encierre el campo "
                                "entre comillas y duplique las de adentro: \"\")");
                if (((unsigned char)c & 0xC0) != 0x80)
                    col++;
                p++;
            }
            term = p < n ? b[p] : '\0';
            b[p] = '\0';   /* buf has len + 1 bytes, so p == n is fine */
        }
        r->fields[nf++] = start;
        if (term == sep) {
            p++;
            col++;
            continue;   /* "a," has a second, empty field */
        }
        if (term == '\r') {
            p++;
            if (p < n && b[p] == '\n')
                p++;
            line++;
            col = 1;
        } else if (term == '\n') {
            p++;
            line++;
            col = 1;
        }
        break;
    }
    r->pos = p;
    r->line = line;
    r->col = col;
    row->fields = r->fields;
    row->lines = r->lines;
    row->cols = r->cols;
    row->nfields = nf;
    return 1;
}

/* A value is escaped when it starts with any number of apostrophes and
 * then = + - or @. Escaping adds one apostrophe and unescaping removes
 * one, so a value that really starts with "'=" survives a round trip. */
static bool formula_like(const char *v)
{
    while (*v == '\'')
        v++;
    return *v == '=' || *v == '+' || *v == '-' || *v == '@';
}

void csv_write_field(FILE *f, const char *value, bool text)
{
    if (!value)
        value = "";
    size_t n = strlen(value);
    bool escape = text && formula_like(value);
    bool quote = strpbrk(value, ",\"\r\n") != NULL;
    if (n > 0 && (value[0] == ' ' || value[0] == '\t' || value[n - 1] == ' ' ||
                  value[n - 1] == '\t'))
        quote = true;   /* readers and spreadsheets trim unquoted spaces */
    if (!quote) {
        if (escape)
            fputc('\'', f);
        fwrite(value, 1, n, f);
        return;
    }
    fputc('"', f);
    if (escape)
        fputc('\'', f);
    for (const char *p = value; *p; p++) {
        if (*p == '"')
            fputc('"', f);
        fputc(*p, f);
    }
    fputc('"', f);
}

void csv_unescape_text(char *value)
{
    if (value && value[0] == '\'' && formula_like(value + 1))
        memmove(value, value + 1, strlen(value));
}
