/* xlsx_medida.c — text measured on the font the reports print with: the
 * faces fontconfig gives for Calibri (Carlito), glyph advances from FreeType
 * in font units (one cache per face serves every size), wrapping as Excel
 * and LibreOffice wrap, and Excel's column units turned into points. */
#include "xlsx_medida.h"

#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "u8.h"
#include "util.h"
#include "xlsx_fuente.h"

/* Advances cached for the Latin, punctuation and symbol blocks a Spanish
 * report uses (up to U+20FF: «—», «·», «€»); others are asked each time. */
#define MD_CACHE 0x2100

typedef struct {
    FT_Face face;
    double *em;                 /* advance in em by code point; -1 not asked yet */
} Cara;

struct Medida {
    FT_Library lib;
    Cara caras[4];              /* MD_NORMAL | MD_NEGRITA | MD_CURSIVA */
    double upem;                /* units per em of the regular face */
    double linea_em;            /* line height in em (ascent + descent) */
    char archivo[512];
    bool real;
};

/* Without the font: a wide Latin average so a wrapped text gets a little
 * room rather than a cut last line (Carlito's lowercase average is ~0.47 em). */
#define MD_EM_ESTIMADO 0.56
#define MD_LINEA_ESTIMADA 1.25

static bool cara_abrir(Medida *m, int cara, FcConfig *fc)
{
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)"Calibri");
    FcPatternAddInteger(pat, FC_WEIGHT, cara & MD_NEGRITA ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pat, FC_SLANT, cara & MD_CURSIVA ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
    FcConfigSubstitute(fc, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *hit = FcFontMatch(fc, pat, &res);
    FcPatternDestroy(pat);
    bool ok = false;
    FcChar8 *file = NULL, *fam = NULL;
    int index = 0;
    if (hit && FcPatternGetString(hit, FC_FILE, 0, &file) == FcResultMatch &&
        FcPatternGetString(hit, FC_FAMILY, 0, &fam) == FcResultMatch) {
        FcPatternGetInteger(hit, FC_INDEX, 0, &index);
        /* only Calibri or its metric twin measure what Excel and LibreOffice
         * print: another family (DejaVu as the last resort) would mislead */
        if ((strcmp((const char *)fam, "Carlito") == 0 ||
             strcmp((const char *)fam, "Calibri") == 0) &&
            FT_New_Face(m->lib, (const char *)file, index, &m->caras[cara].face) == 0) {
            ok = true;
            if (cara == MD_NORMAL)
                snprintf(m->archivo, sizeof m->archivo, "%s", (const char *)file);
        }
    }
    if (hit)
        FcPatternDestroy(hit);
    return ok;
}

Medida *medida_new(void)
{
    Medida *m = xcalloc(1, sizeof *m);
    FcConfig *fc = FcInitLoadConfigAndFonts();
    if (fc && FT_Init_FreeType(&m->lib) == 0) {
        m->real = true;
        for (int c = 0; c < 4 && m->real; c++)
            m->real = cara_abrir(m, c, fc);
    }
    if (fc)
        FcConfigDestroy(fc);
    if (m->real) {
        FT_Face f = m->caras[MD_NORMAL].face;
        m->upem = f->units_per_EM;
        /* the font's line spacing (hhea ascent + descent + line gap: 1.22 em
         * for Calibri and Carlito), what Excel gives each wrapped line;
         * LibreOffice draws them closer (1.0 em), so it shows some room */
        m->linea_em = (double)f->height / m->upem;
    } else {
        for (int c = 0; c < 4; c++) {
            if (m->caras[c].face)
                FT_Done_Face(m->caras[c].face);
            m->caras[c].face = NULL;
        }
        m->archivo[0] = '\0';
        m->linea_em = MD_LINEA_ESTIMADA;
    }
    for (int c = 0; c < 4; c++) {
        m->caras[c].em = xmalloc(sizeof(double) * MD_CACHE);
        for (int i = 0; i < MD_CACHE; i++)
            m->caras[c].em[i] = -1;
    }
    return m;
}

void medida_free(Medida *m)
{
    if (!m)
        return;
    for (int c = 0; c < 4; c++) {
        if (m->caras[c].face)
            FT_Done_Face(m->caras[c].face);
        free(m->caras[c].em);
    }
    if (m->lib)
        FT_Done_FreeType(m->lib);
    free(m);
}

/* The process's one Medida: opened by the first report that measures, so
 * xlsx_fuente_falta knows whether a report was written on the estimate. */
static Medida *md_compartida;

Medida *medida_compartida(void)
{
    if (!md_compartida)
        md_compartida = medida_new();
    return md_compartida;
}

bool xlsx_fuente_falta(char *msg, size_t n)
{
    if (!md_compartida || md_compartida->real)
        return false;
    snprintf(msg, n, "aviso: falta la fuente Carlito (paquete fonts-crosextra-carlito): las "
                     "alturas de fila y los saltos de página del informe son estimados");
    return true;
}

bool medida_real(const Medida *m)
{
    return m && m->real;
}

const char *medida_archivo(const Medida *m)
{
    return m ? m->archivo : "";
}

/* Advance of one code point in em, asked of the font (or the estimate) and
 * kept: every text of a report goes through here, so the common case is one
 * table read (avance_em). */
static double avance_lento(Medida *m, uint32_t cp, int cara)
{
    Cara *c = &m->caras[cara & 3];
    uint32_t q = cp == '\t' ? ' ' : cp;
    double em;
    if (!m->real) {
        em = q == ' ' ? 0.23 : MD_EM_ESTIMADO + (cara & MD_NEGRITA ? 0.03 : 0.0);
    } else {
        int u = 0;
        /* unscaled, unhinted: the design advance, the same at every size */
        if (FT_Load_Char(c->face, q, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0)
            u = (int)c->face->glyph->advance.x;
        else
            u = (int)(m->upem / 2);
        if (u > INT16_MAX)
            u = INT16_MAX;
        em = u / m->upem;
    }
    if (cp < MD_CACHE)
        c->em[cp] = em;
    return em;
}

static inline double avance_em(Medida *m, uint32_t cp, int cara)
{
    if (cp < MD_CACHE) {
        double em = m->caras[cara & 3].em[cp];
        if (em >= 0)
            return em;
    }
    return avance_lento(m, cp, cara);
}

/* One character of s (n bytes left): ASCII without the decoder. */
static inline int caracter(const char *s, size_t n, uint32_t *cp)
{
    unsigned char b = (unsigned char)s[0];
    if (b < 0x80) {
        *cp = b;
        return 1;
    }
    int len = u8_decode(s, n, cp);
    return len > 0 ? len : 1;
}

double medida_ancho(Medida *m, const char *s, size_t n, double pt, int cara)
{
    double em = 0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += (size_t)caracter(s + i, n - i, &cp);
        em += avance_em(m, cp, cara);
    }
    return em * pt;
}

/* One piece of a line: a word with the spaces after it, ending where a line
 * may break (after spaces, a hyphen not before a digit, a slash, a dash).
 * Measured while it is read: *w the word, *sp the spaces, in points. */
static size_t pieza(Medida *m, const char *s, size_t n, size_t i, size_t *fin_palabra,
                    double pt, int cara, double *w, double *sp)
{
    size_t j = i;
    double em = 0;
    while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') {
        uint32_t cp;
        j += (size_t)caracter(s + j, n - j, &cp);
        em += avance_em(m, cp, cara);
        if (cp == 0x2014 || cp == 0x2013 || cp == '/')
            break;
        if (cp == '-' && j < n && !(s[j] >= '0' && s[j] <= '9'))
            break;
    }
    *fin_palabra = j;
    *w = em * pt;
    em = 0;
    while (j < n && (s[j] == ' ' || s[j] == '\t'))
        em += avance_em(m, (unsigned char)s[j++], cara);
    *sp = em * pt;
    return j;
}

/* Lines of one paragraph (no "\n" in it). */
static int lineas_parrafo(Medida *m, const char *s, size_t n, double ancho, double pt, int cara)
{
    int lineas = 1;
    double x = 0;   /* width of the current line without its trailing spaces */
    double xs = 0;  /* … with them */
    size_t i = 0;
    while (i < n) {
        size_t fp;
        double w, sp;
        size_t j = pieza(m, s, n, i, &fp, pt, cara, &w, &sp);
        if (x > 0 && xs + w > ancho) {
            lineas++;
            x = xs = 0;
        }
        if (w > ancho) {
            /* a word longer than the line: cut between characters */
            size_t k = i;
            double cx = x;
            while (k < fp) {
                uint32_t cp;
                k += (size_t)caracter(s + k, fp - k, &cp);
                double a = avance_em(m, cp, cara) * pt;
                if (cx > 0 && cx + a > ancho) {
                    lineas++;
                    cx = 0;
                }
                cx += a;
            }
            x = cx;
            xs = cx + sp;
        } else {
            x = xs + w;
            xs = x + sp;
        }
        i = j;
    }
    return lineas;
}

int medida_lineas(Medida *m, const char *s, double ancho_pt, double pt, int cara)
{
    if (!s || !s[0])
        return 1;
    if (ancho_pt < pt)
        ancho_pt = pt;   /* a sliver of a column still holds a character a line */
    int total = 0;
    const char *p = s;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > 0 && p[n - 1] == '\r')
            n--;
        total += lineas_parrafo(m, p, n, ancho_pt, pt, cara);
        if (!nl)
            break;
        p = nl + 1;
    }
    return total;
}

double medida_linea_pt(const Medida *m, double pt)
{
    return m->linea_em * pt;
}

/* Excel stores a width of w characters as round(w × 7) + 5 pixels (7 is
 * Calibri 11's digit width in pixels, 5 the cell's padding) and writes
 * px / 7 in the file; LibreOffice prints that many digits of Carlito 11
 * (0.50684 em × 11 pt = 5.575 pt each). Measured with xlsx-render: a 40-wide
 * column holds 42 «n» at 10 pt, a 9-wide one 9, a 22-wide one 23. */
double medida_columna_pt(double ancho)
{
    if (ancho <= 0)
        return 0;
    double px = ancho < 1 ? floor(ancho * 12.0 + 0.5) : floor(ancho * 7.0 + 0.5) + 5.0;
    return px / 7.0 * 0.50684 * 11.0;
}

/* The text of a cell keeps clear of the borders: 3.2 pt in all, the margin
 * that makes every width of that measurement come out (40, 17, 15, 9, 22, 11;
 * regular, bold and italic). */
#define MD_MARGEN_PT 1.6

double medida_texto_pt(double ancho_col_pt)
{
    double w = ancho_col_pt - 2 * MD_MARGEN_PT;
    return w > 1 ? w : 1;
}

/* Lines plus the cell's top and bottom room. */
#define MD_RELLENO_PT 2.0

double medida_alto_fila(const Medida *m, int lineas, double pt)
{
    if (lineas < 1)
        lineas = 1;
    return lineas * medida_linea_pt(m, pt) + MD_RELLENO_PT;
}
