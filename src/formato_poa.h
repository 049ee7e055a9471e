/* formato_poa.h — private to formato_poa*.c: the state of reading one sheet
 * of ARS SEMMA's POA blocks, shared by the header, row and Generales parts. */
#ifndef POA_FORMATO_POA_H
#define POA_FORMATO_POA_H

#include "formatos.h"

#define COMPARTIDO "monto compartido con las actividades siguientes del entregable"

typedef struct {
    int ent, ind, act, resp, pres, crono;
    int mes[12];
    bool valido;
    /* The header's labels stacked down one column: which columns hold the
     * entregable, indicador and actividad is read from the first row. */
    bool apilado;
} Columnas;

typedef struct {
    char *v;
    Celda c;
    bool hay;
} Valor;

typedef struct {
    Libro *l;
    int hoja;
    PlanoAvisos *av;
    char *institucion, *anio;
    Valor unidad, eje, obj, meta;
    bool eje_en_bloque, hubo_bloque, en_tabla, pend_encabezado;
    int en_bloque;   /* bits: eje 1, objetivo 2, meta 4 given by this block */
    /* this block's Generales gave a second, different value: a second set */
    bool segundo_juego;
    Columnas col, col_prev, col_nueva;
    const Celda *cab;   /* not kept past the row */
    Celda c_cab;
    Valor ent_cod, ent, ind;
    /* The sheet's activities wait for its end: an entregable may come after
     * its first activities, a note under a table may be its budget. */
    RegPlano *regs;
    int nregs, cap;
    int ent_ini, bloque_ini;   /* first record of the entregable, of the block */
    /* Generales labels with no value yet (the value may come on a later
     * line of its own). */
    Etiqueta pendientes[8];
    int npend;
} Poa;

void poa_valor_poner(Valor *x, const char *v, const Celda *c);
void poa_valor_free(Valor *x);
/* The cell at col (0-based) if not empty, else NULL. */
const Celda *poa_celda_en(const Fila *f, int col);
bool poa_codigo_es(const char *texto);

/* formato_poa_filas.c: records. */
/* Closes the current entregable (a budget on its first activity only is
 * shared); records stay buffered until poa_hoja_emitir. */
void poa_entregable_cerrar(Poa *x);
bool poa_hoja_emitir(Poa *x, PlanoEmit emit, void *ctx, PoaErr *err);
/* A new entregable from its cell; activities above it that carry its code
 * move to it. */
void poa_entregable_nuevo(Poa *x, const Celda *ent, const Celda *ind);
/* Does ent continue the text of the entregable above? */
bool poa_entregable_sigue(const Poa *x, const Celda *ent);
/* One record for the activity in act (corr: the row slid that many
 * columns); two when the cell holds two activities. */
void poa_actividad_leer(Poa *x, const Fila *f, const Celda *act, int corr);

/* formato_poa_generales.c: the Generales lines and the title. */
int poa_generales_leer(Poa *x, const Fila *f);
/* Sets the Generales value of label e (Área, Eje, Objetivo, Meta). */
void poa_etiqueta_poner(Poa *x, Etiqueta e, const char *v, const Celda *c);
bool poa_titulo_es(Poa *x, const Fila *f);

#endif
