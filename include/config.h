/* config.h — settings from config.ini (the only user of iniparser is
 * config.c). Values are copied into struct Config; a missing file means
 * defaults; a bad value is reported with its key and line and the default
 * is kept. iniparser never writes to the terminal. */
#ifndef POA_CONFIG_H
#define POA_CONFIG_H

#include <stdbool.h>

#include "calc.h"
#include "util.h"

typedef enum { PAPEL_A4 = 0, PAPEL_CARTA, PAPEL_OFICIO } Papel;

/* [exportar] agrupar_seguimiento: how the seguimiento sheet groups its rows. */
typedef enum { AGRUPAR_UNIDAD = 0, AGRUPAR_OBJETIVO } AgruparSeg;
/* [columnas] seguimiento_*: the seguimiento sheet's column titles, in this order. */
enum {
    COLSEG_CODIGO, COLSEG_ACCION, COLSEG_LIDER, COLSEG_RESPONSABLE, COLSEG_META, COLSEG_REAL,
    COLSEG_PCT, COLSEG_PUBLICADO, COLSEG_OBSERVACIONES, COLSEG_N
};

typedef struct {
    char institucion[256];      /* [institucion] nombre; "" = take it from the file */
    int anio;                   /* [plan] anio; 0 = the latest year in the file */
    int corte;                  /* [plan] corte 1..4; 0 (default) = the last with seguimiento */
    Umbrales umbrales;          /* [semaforo] verde = 80, amarillo = 60 (percent in the file) */
    ReglaConsolidacion regla;   /* [consolidacion] regla = media|ponderada, tope = 100 */
    bool colores;               /* [interfaz] colores = si|no (NO_COLOR also turns them off) */
    bool recordar;              /* [interfaz] recordar = si|no: the state file (estado.h) */
    bool columna_lider;         /* [interfaz] unidad_lider = si|no: the plan's líder column at start */
    Papel papel;                /* [exportar] papel = A4|carta|oficio */
    bool horizontal;            /* [exportar] orientacion = horizontal|vertical */
    char autor[256];            /* [exportar] autor (document properties) */
    char moneda[16];            /* [exportar] moneda: symbol of the POA's amounts; "" = the plan's most used */
    char carpeta_respaldos[1024]; /* [respaldos] carpeta; "" = next to the database */
    int conservar_respaldos;    /* [respaldos] conservar: backups kept per plan; 0 = all */
    /* [captura] fecha_limite_1..4: the deadline of each corte's capture
     * workbooks, dd/mm/aaaa; "" = none (recoleccion.c: «vencida») */
    char fecha_limite[POA_TRIMESTRES][11];
    char contrasena[256];       /* [captura] contrasena: sheet protection; "" = no password */
    char enviar_a[256];         /* [captura] enviar_a: who units send the workbook to */
    /* [columnas] poa_entregables … poa_presupuesto: the POA sheet's column
     * titles, as the institution writes them (XLSX_POA_T_* order) */
    char titulo_poa[6][128];

    /* [firmas] elaborado_por/_cargo, revisado_por/_cargo, aprobado_por/_cargo:
     * the signature block of the summary sheet; "" = a blank line */
    char firma_nombre[3][256];
    char firma_cargo[3][256];
    char origen[1024];          /* the file that was read, "" when defaults only */
    AgruparSeg agrupar_seguimiento;   /* [exportar] agrupar_seguimiento = unidad|objetivo */
    char columnas_seg[COLSEG_N][128]; /* [columnas] seguimiento_*: titles ({acum}, {trim}) */
} Config;

/* Diagnostics: one Spanish line per problem, "config.ini:12: [semaforo]
 * verde = «ochenta»: se esperaba un número entre 0 y 1000; se usa 80". */
typedef Lineas ConfigAvisos;

void config_defaults(Config *c);
/* Looks the file up in order: explicit (if not NULL; then it must exist),
 * $XDG_CONFIG_HOME/poa/config.ini (or ~/.config/poa/config.ini), ./config.ini,
 * and last the installed one (share/poa/config.ini under the install prefix).
 * Returns false only when the file exists but cannot be read or parsed at
 * all, or an explicit file is missing (err says why; c holds defaults). */
bool config_load(const char *explicit_path, Config *c, ConfigAvisos *avisos, PoaErr *err);
static inline void config_avisos_free(ConfigAvisos *a) { lineas_free(a); }
const char *papel_name(Papel p);   /* "A4", "carta", "oficio" */

/* From the table of keys: the keys table of docs/configuracion.md, and the
 * default config.ini (poa --configuracion md|ini). */
void config_doc_markdown(StrBuf *b);
/* Where the installed config.ini is looked for (tests point it elsewhere;
 * "" = none). */
void config_set_ruta_instalada(const char *path);
void config_ini_defecto(StrBuf *b);

#endif
