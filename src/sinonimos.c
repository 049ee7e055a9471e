/* sinonimos.c — the one table of the labels the institutions' documents
 * use, with their spellings and misspellings, and tolerant matching of a
 * text against it (case, accents, spaces and punctuation aside). */
#include "formatos.h"

#include <stdlib.h>
#include <string.h>

#include "u8.h"

/* Each synonym is written folded (lowercase, no accents), one space between
 * words; punctuation never counts ("% EJECUCIÓN" matches "ejecucion").
 * Longer synonyms of the same label come first. docs/documentos.md lists
 * this table for people. */
static const struct {
    Etiqueta e;
    const char *nombre;
    const char *sin[8];
} SINONIMOS[] = {
    {ETQ_GENERALES, "Generales", {"generales", "datos generales"}},
    {ETQ_NOMBRE, "Nombre", {"nombre del plan", "nombre"}},
    {ETQ_FECHA, "Fecha", {"fecha", "periodo"}},
    {ETQ_AREA, "Área", {"area"}},
    {ETQ_EJE, "Eje o perspectiva",
     {"eje o perspectiva", "riesgo o perspectiva", "eje estrategico", "perspectiva", "eje"}},
    {ETQ_OBJETIVO, "Objetivo estratégico de referencia",
     {"objetivo estrategico de referencia", "objetivo estrategico", "objetivo de referencia"}},
    {ETQ_META_OP, "Meta operativa anual", {"meta operativa anual", "meta operativa"}},
    {ETQ_ENTREGABLES, "Entregables", {"entregables", "entregable", "productos"}},
    {ETQ_INDICADORES, "Indicadores", {"indicadores", "indicador"}},
    {ETQ_ACTIVIDADES, "Actividades", {"actividades", "actividad"}},
    {ETQ_CRONOGRAMA, "Cronograma", {"cronograma", "calendario"}},
    {ETQ_RESPONSABLES, "Responsables", {"responsables", "responsable"}},
    {ETQ_PRESUPUESTO, "Presupuesto", {"presupuesto", "costo"}},
    {ETQ_CODIGO, "Código", {"codigo", "cod"}},
    {ETQ_ACCION, "Acción operativa", {"accion operativa", "acciones operativas", "accion"}},
    {ETQ_LIDER, "Unidad organizativa líder",
     {"unidad organizativa lider", "unidad lider", "lider"}},
    {ETQ_UNIDAD_RESP, "Unidad-área responsable",
     {"unidad area responsable", "area responsable", "unidad responsable"}},
    {ETQ_META_ANUAL, "Meta anual", {"meta anual"}},
    {ETQ_METAS_ANIO, "Metas para año", {"metas para ano", "metas para el ano", "metas trimestrales"}},
    {ETQ_REAL, "Real", {"real", "logro", "ejecutado"}},
    {ETQ_PCT_EJECUCION, "% ejecución", {"ejecucion", "ejeccion", "ejecusion", "de ejecucion"}},
    {ETQ_OBSERVACIONES, "Observaciones", {"observaciones", "observacion", "comentarios"}},
    {ETQ_MISION, "Misión", {"mision"}},
    {ETQ_NOTA, "Nota", {"nota", "notas"}},
};

const char *sinonimo_nombre(Etiqueta e)
{
    for (size_t i = 0; i < POA_ARRAY_LEN(SINONIMOS); i++)
        if (SINONIMOS[i].e == e)
            return SINONIMOS[i].nombre;
    return "";
}

/* Letters and digits make words; a byte >= 0x80 is part of a letter. */
static bool es_letra(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c >= 0x80;
}

/* Does texto, from p, start with the words of sin? *fin = the byte after
 * the last matched word. */
static bool palabras_coinciden(const char *p, const char *sin, const char **fin)
{
    while (*sin) {
        while (*p && !es_letra((unsigned char)*p))
            p++;
        const char *w = p;
        while (*p && es_letra((unsigned char)*p))
            p++;
        size_t wl = (size_t)(p - w);
        const char *sp = strchr(sin, ' ');
        size_t sl = sp ? (size_t)(sp - sin) : strlen(sin);
        if (wl == 0)
            return false;
        char *word = xstrndup(w, wl);
        char *f = u8_fold(word);
        bool ok = strlen(f) == sl && memcmp(f, sin, sl) == 0;
        free(word);
        free(f);
        if (!ok)
            return false;
        sin += sl;
        if (*sin == ' ')
            sin++;
    }
    *fin = p;
    return true;
}

static const char *saltar_puntuacion(const char *p)
{
    while (*p == ' ' || *p == ':' || *p == '.' || *p == '-' || *p == '\t' || *p == '\n' ||
           *p == '\r')
        p++;
    return p;
}

Etiqueta sinonimo_prefijo(const char *texto, Etiqueta desde, Etiqueta hasta, const char **resto)
{
    if (!texto)
        return ETQ_NINGUNA;
    for (size_t i = 0; i < POA_ARRAY_LEN(SINONIMOS); i++) {
        if (SINONIMOS[i].e < desde || SINONIMOS[i].e > hasta)
            continue;
        for (int k = 0; k < 8 && SINONIMOS[i].sin[k]; k++) {
            const char *fin;
            if (palabras_coinciden(texto, SINONIMOS[i].sin[k], &fin)) {
                if (resto)
                    *resto = saltar_puntuacion(fin);
                return SINONIMOS[i].e;
            }
        }
    }
    return ETQ_NINGUNA;
}

Etiqueta sinonimo_exacto(const char *texto, Etiqueta desde, Etiqueta hasta)
{
    const char *resto;
    Etiqueta e = sinonimo_prefijo(texto, desde, hasta, &resto);
    if (e == ETQ_NINGUNA)
        return e;
    for (const char *p = resto; *p; p++)
        if (es_letra((unsigned char)*p))
            return ETQ_NINGUNA;
    return e;
}

bool sinonimo_buscar(const char *texto, Etiqueta desde, Etiqueta hasta, size_t *inicio,
                     size_t *fin)
{
    size_t n = strlen(texto);
    for (size_t i = *inicio; i < n; i++) {
        if (!es_letra((unsigned char)texto[i]) ||
            (i > 0 && es_letra((unsigned char)texto[i - 1])))
            continue;
        const char *resto;
        if (sinonimo_prefijo(texto + i, desde, hasta, &resto) != ETQ_NINGUNA) {
            *inicio = i;
            *fin = (size_t)(resto - texto);
            return true;
        }
    }
    return false;
}
