/* config_claves.c — the table of config.ini's keys, and what it generates:
 * the keys' table of docs/configuracion.md and the default config.ini
 * (poa --configuracion md|ini; tests compare them with the committed files). */
#include "config_claves.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "u8.h"

#define OPCIONES(...) ((const Opcion[]){__VA_ARGS__, {NULL, 0, false, NULL}})
#define CAMPO(f) offsetof(Config, f), sizeof(((Config *)0)->f)

static const Opcion SINO[] = {
    {"si", 1, true, NULL}, {"sí", 1, false, NULL}, {"sÍ", 1, false, NULL},
    {"yes", 1, false, NULL}, {"true", 1, false, NULL}, {"1", 1, false, NULL},
    {"no", 0, true, NULL}, {"false", 0, false, NULL}, {"0", 0, false, NULL},
    {NULL, 0, false, NULL},
};

const Clave CONFIG_CLAVES[] = {
    {.seccion = "institucion", .clave = "nombre", .tipo = T_TEXTO, CAMPO(institucion),
     .defecto = "", .vacio_ok = true,
     .usado = "se deja vacío (se toma el nombre de los datos)",
     .valores = "texto, máximo 255 bytes",
     .ayuda = "Nombre de la institución en pantallas e informes. Vacío: se toma de los "
              "datos importados."},
    {.seccion = "plan", .clave = "anio", .tipo = T_ENTERO, CAMPO(anio), .defecto = "",
     .min = 1900, .max = 2200, .vacio_ok = true,
     .esperado = "se esperaba un año entre 1900 y 2200, o vacío",
     .usado = "se usa el año más reciente de los datos",
     .valores = "entero de 1900 a 2200, o vacío",
     .ayuda = "Año del plan que se abre. Vacío: el año más reciente de los datos."},
    {.seccion = "plan", .clave = "corte", .tipo = T_ENTERO, CAMPO(corte), .defecto = "",
     .min = 1, .max = 4, .vacio_ok = true, .esperado = "se esperaba un trimestre entre 1 y 4, o vacío",
     .usado = "se usa el último corte con seguimiento", .valores = "entero de 1 a 4, o vacío",
     .ayuda = "Trimestre de corte con que abre siempre la interfaz (acumulado hasta ese "
              "trimestre). Vacío: el que el analista eligió la última vez en ese archivo "
              "(`recordar`), o si no el último corte con seguimiento, la misma regla que "
              "`poa exportar`."},
    {.seccion = "semaforo", .clave = "verde", .tipo = T_PCT, CAMPO(umbrales.verde),
     .defecto = "80", .min = 0, .max = 1000, .esperado = "se esperaba un número entre 0 y 1000",
     .usado = "se usa 80",
     .valores = "número de 0 a 1000 (por ciento; se admite `80` u `80%`, decimales con "
                "punto: `72.5`)",
     .ayuda = "% de ejecución mínimo para el verde."},
    {.seccion = "semaforo", .clave = "amarillo", .tipo = T_PCT, CAMPO(umbrales.amarillo),
     .defecto = "60", .min = 0, .max = 1000, .esperado = "se esperaba un número entre 0 y 1000",
     .usado = "se usa 60", .valores = "número de 0 a 1000, menor o igual que `verde`",
     .ayuda = "% de ejecución mínimo para el amarillo; por debajo, rojo."},
    {.seccion = "consolidacion", .clave = "regla", .tipo = T_OPCION, CAMPO(regla.regla),
     .defecto = "media",
     .opciones = OPCIONES({"media", ROLLUP_MEDIA, true, NULL},
                          {"ponderada", ROLLUP_PONDERADA, true, NULL}),
     .usado = "se usa media", .valores = "`media` o `ponderada` (sin distinguir mayúsculas)",
     .ayuda = "`media`: promedio simple del % de las actividades vencidas; `ponderada`: "
              "promedio ponderado por el peso de cada actividad."},
    {.seccion = "consolidacion", .clave = "tope", .tipo = T_PCT, CAMPO(regla.tope),
     .defecto = "100", .min = 0, .max = INFINITY, .min_excl = true,
     .esperado = "se esperaba un número mayor que 0", .usado = "se usa 100",
     .valores = "número mayor que 0 (por ciento)",
     .ayuda = "Tope que se aplica al % de cada actividad antes de promediar."},
    {.seccion = "interfaz", .clave = "colores", .tipo = T_OPCION, CAMPO(colores),
     .defecto = "si", .opciones = SINO, .usado = "se usa si",
     .valores = "`si`, `sí`, `yes`, `true`, `1` / `no`, `false`, `0` (sin distinguir "
                "mayúsculas)",
     .ayuda = "Colores en la terminal. La variable de entorno `NO_COLOR` (no vacía) los "
              "apaga siempre."},
    {.seccion = "interfaz", .clave = "recordar", .tipo = T_OPCION, CAMPO(recordar),
     .defecto = "si", .opciones = SINO, .usado = "se usa si",
     .valores = "`si`, `sí`, `yes`, `true`, `1` / `no`, `false`, `0` (sin distinguir "
                "mayúsculas)",
     .ayuda = "Recordar por archivo y usuario el corte, los filtros, la fila seleccionada, "
              "lo plegado y la pantalla, en `$XDG_STATE_HOME/poa/` (o "
              "`~/.local/state/poa/`). `no`: la interfaz abre siempre como la primera vez."},
    {.seccion = "interfaz", .clave = "unidad_lider", .tipo = T_OPCION, CAMPO(columna_lider),
     .defecto = "no", .opciones = SINO, .usado = "se usa no",
     .valores = "`si`, `sí`, `yes`, `true`, `1` / `no`, `false`, `0` (sin distinguir "
                "mayúsculas)",
     .ayuda = "Columna «Unidad líder» en el árbol del plan al abrir (la tecla L la "
              "muestra u oculta)."},
    {.seccion = "exportar", .clave = "papel", .tipo = T_OPCION, CAMPO(papel), .defecto = "carta",
     .opciones = OPCIONES({"a4", PAPEL_A4, true, "A4"}, {"carta", PAPEL_CARTA, true, NULL},
                          {"oficio", PAPEL_OFICIO, true, NULL}),
     .usado = "se usa carta", .valores = "`A4`, `carta` u `oficio` (sin distinguir mayúsculas)",
     .ayuda = "Tamaño de papel de los informes."},
    {.seccion = "exportar", .clave = "orientacion", .tipo = T_OPCION, CAMPO(horizontal),
     .defecto = "horizontal",
     .opciones = OPCIONES({"horizontal", 1, true, NULL}, {"vertical", 0, true, NULL}),
     .usado = "se usa horizontal", .valores = "`horizontal` o `vertical`",
     .ayuda = "Orientación de la página."},
    {.seccion = "exportar", .clave = "autor", .tipo = T_TEXTO, CAMPO(autor),
     .defecto = "Departamento de Planificación y Desarrollo", .vacio_ok = true,
     .usado = "se usa «Departamento de Planificación y Desarrollo»",
     .valores = "texto, máximo 255 bytes (vacío: sin autor)",
     .ayuda = "Autor en las propiedades de los documentos exportados."},
    {.seccion = "exportar", .clave = "moneda", .tipo = T_TEXTO, CAMPO(moneda), .defecto = "",
     .vacio_ok = true, .usado = "se deja vacío (el símbolo que más llevan los montos del plan)",
     .valores = "texto, máximo 15 bytes (`RD$`, `$`, `US$`…), o vacío",
     .ayuda = "Símbolo con que la hoja POA imprime los montos del presupuesto: uno solo por "
              "plan, también en los totales. Vacío: el que más llevan los montos del plan "
              "(el que encontró la importación). Un monto escrito en otra moneda (US$ en un "
              "plan en RD$) conserva su símbolo y se totaliza aparte: no hay tipo de cambio "
              "en el plan."},

    {.seccion = "exportar", .clave = "agrupar_seguimiento", .tipo = T_OPCION,
     CAMPO(agrupar_seguimiento), .defecto = "unidad",
     .opciones = OPCIONES({"unidad", AGRUPAR_UNIDAD, true, NULL},
                          {"objetivo", AGRUPAR_OBJETIVO, true, NULL}),
     .usado = "se usa unidad", .valores = "`unidad` u `objetivo`",
     .ayuda = "Orden de la hoja de seguimiento. `unidad`: cada unidad con su misión, sus "
              "objetivos estratégicos en orden de código y sus acciones, y su nota al pie "
              "(como el documento de la Caja); `objetivo`: cada objetivo con las unidades "
              "que trabajan en él."},
    {.seccion = "respaldos", .clave = "carpeta", .tipo = T_RUTA, CAMPO(carpeta_respaldos),
     .defecto = "", .vacio_ok = true,
     .usado = "se deja vacío (los respaldos van junto a la base de datos)",
     .valores = "ruta, máximo 1023 bytes una vez expandida",
     .ayuda = "Carpeta de los respaldos. Vacío: junto a la base de datos. Un `~/` inicial "
              "(o `~` solo) se reemplaza por la carpeta personal; una ruta relativa cuenta "
              "desde la carpeta actual."},
    {.seccion = "respaldos", .clave = "conservar", .tipo = T_ENTERO, CAMPO(conservar_respaldos),
     .defecto = "10", .min = 0, .max = 100000,
     .esperado = "se esperaba un número entero de 0 (todos) en adelante",
     .usado = "se conservan 10", .valores = "número entero, 0 o más",
     .ayuda = "Respaldos que se conservan por archivo de plan: al hacer uno nuevo se borran "
              "los más viejos de ese plan (solo los que `poa` nombró, "
              "`plan.db.AAAAMMDD-HHMMSS.motivo.bak`). `0`: se conservan todos."},
    {.seccion = "captura", .clave = "fecha_limite_1", .tipo = T_FECHA, CAMPO(fecha_limite[0]),
     .defecto = "", .vacio_ok = true,
     .esperado = "se esperaba una fecha dd/mm/aaaa (día/mes/año), o vacío",
     .usado = "se deja vacío (sin fecha límite)",
     .valores = "fecha `dd/mm/aaaa`, o vacío",
     .ayuda = "Fecha límite para devolver los libros de captura del corte 1. Pasada esa "
              "fecha, una unidad que no devolvió el suyo figura «vencida» en «¿Quién falta?»; "
              "la imprimen las instrucciones del libro. Vacío: sin fecha límite."},
    {.seccion = "captura", .clave = "fecha_limite_2", .tipo = T_FECHA, CAMPO(fecha_limite[1]),
     .defecto = "", .vacio_ok = true,
     .esperado = "se esperaba una fecha dd/mm/aaaa (día/mes/año), o vacío",
     .usado = "se deja vacío (sin fecha límite)",
     .valores = "fecha `dd/mm/aaaa`, o vacío",
     .ayuda = "Fecha límite para devolver los libros de captura del corte 2. Pasada esa "
              "fecha, una unidad que no devolvió el suyo figura «vencida» en «¿Quién falta?»; "
              "la imprimen las instrucciones del libro. Vacío: sin fecha límite."},
    {.seccion = "captura", .clave = "fecha_limite_3", .tipo = T_FECHA, CAMPO(fecha_limite[2]),
     .defecto = "", .vacio_ok = true,
     .esperado = "se esperaba una fecha dd/mm/aaaa (día/mes/año), o vacío",
     .usado = "se deja vacío (sin fecha límite)",
     .valores = "fecha `dd/mm/aaaa`, o vacío",
     .ayuda = "Fecha límite para devolver los libros de captura del corte 3. Pasada esa "
              "fecha, una unidad que no devolvió el suyo figura «vencida» en «¿Quién falta?»; "
              "la imprimen las instrucciones del libro. Vacío: sin fecha límite."},
    {.seccion = "captura", .clave = "fecha_limite_4", .tipo = T_FECHA, CAMPO(fecha_limite[3]),
     .defecto = "", .vacio_ok = true,
     .esperado = "se esperaba una fecha dd/mm/aaaa (día/mes/año), o vacío",
     .usado = "se deja vacío (sin fecha límite)",
     .valores = "fecha `dd/mm/aaaa`, o vacío",
     .ayuda = "Fecha límite para devolver los libros de captura del corte 4. Pasada esa "
              "fecha, una unidad que no devolvió el suyo figura «vencida» en «¿Quién falta?»; "
              "la imprimen las instrucciones del libro. Vacío: sin fecha límite."},
    {.seccion = "captura", .clave = "contrasena", .tipo = T_TEXTO, CAMPO(contrasena),
     .defecto = "", .vacio_ok = true, .usado = "se deja vacío (protección sin contraseña)",
     .valores = "texto, máximo 255 bytes (vacío: sin contraseña)",
     .ayuda = "Contraseña de la protección de las hojas del libro de captura. Vacío: las "
              "hojas se protegen sin contraseña (evita errores, no es seguridad)."},
    {.seccion = "captura", .clave = "enviar_a", .tipo = T_TEXTO, CAMPO(enviar_a),
     .defecto = "", .vacio_ok = true, .usado = "se deja vacío",
     .valores = "texto, máximo 255 bytes",
     .ayuda = "A quién devuelven las unidades el libro de captura (nombre y correo); lo "
              "imprimen las instrucciones del libro."},
    {.seccion = "columnas", .clave = "poa_entregables", .tipo = T_TEXTO, CAMPO(titulo_poa[0]),
     .defecto = "Entregables", .usado = "se usa «Entregables»", .valores = "texto, máximo 127 bytes",
     .ayuda = "Título de la columna «Entregables» de la hoja POA, como lo escribe la institución."},
    {.seccion = "columnas", .clave = "poa_indicadores", .tipo = T_TEXTO, CAMPO(titulo_poa[1]),
     .defecto = "Indicadores", .usado = "se usa «Indicadores»", .valores = "texto, máximo 127 bytes",
     .ayuda = "Título de la columna «Indicadores» de la hoja POA, como lo escribe la institución."},
    {.seccion = "columnas", .clave = "poa_actividades", .tipo = T_TEXTO, CAMPO(titulo_poa[2]),
     .defecto = "Actividades", .usado = "se usa «Actividades»", .valores = "texto, máximo 127 bytes",
     .ayuda = "Título de la columna «Actividades» de la hoja POA, como lo escribe la institución."},
    {.seccion = "columnas", .clave = "poa_cronograma", .tipo = T_TEXTO, CAMPO(titulo_poa[3]),
     .defecto = "Cronograma", .usado = "se usa «Cronograma»", .valores = "texto, máximo 127 bytes",
     .ayuda = "Título de la columna «Cronograma» de la hoja POA, como lo escribe la institución."},
    {.seccion = "columnas", .clave = "poa_responsables", .tipo = T_TEXTO, CAMPO(titulo_poa[4]),
     .defecto = "Responsables", .usado = "se usa «Responsables»", .valores = "texto, máximo 127 bytes",
     .ayuda = "Título de la columna «Responsables» de la hoja POA, como lo escribe la institución."},
    {.seccion = "columnas", .clave = "poa_presupuesto", .tipo = T_TEXTO, CAMPO(titulo_poa[5]),
     .defecto = "Presupuesto", .usado = "se usa «Presupuesto»", .valores = "texto, máximo 127 bytes",
     .ayuda = "Título de la columna «Presupuesto» de la hoja POA, como lo escribe la institución."},

    {.seccion = "columnas", .clave = "seguimiento_codigo", .tipo = T_TEXTO,
     CAMPO(columnas_seg[COLSEG_CODIGO]), .defecto = "CÓDIGO", .usado = "se usa «CÓDIGO»",
     .valores = "texto, máximo 127 bytes; `{acum}` se reemplaza por el periodo acumulado "
                "(`EN-SEP`) y `{trim}` por el trimestre (`3er. Trim.`)",
     .ayuda = "Título de la columna con el código de la actividad en la hoja de seguimiento."},
    {.seccion = "columnas", .clave = "seguimiento_accion", .tipo = T_TEXTO,
     CAMPO(columnas_seg[COLSEG_ACCION]), .defecto = "ACCIÓN OPERATIVA", .usado = "se usa «ACCIÓN OPERATIVA»",
     .valores = "texto, máximo 127 bytes; `{acum}` se reemplaza por el periodo acumulado "
                "(`EN-SEP`) y `{trim}` por el trimestre (`3er. Trim.`)",
     .ayuda = "Título de la columna con la actividad (acción operativa) en la hoja de seguimiento."},
    {.seccion = "columnas", .clave = "seguimiento_lider", .tipo = T_TEXTO,
     CAMPO(columnas_seg[COLSEG_LIDER]), .defecto = "UNIDAD LÍDER", .usado = "se usa «UNIDAD LÍDER»",
     .valores = "texto, máximo 127 bytes; `{acum}` se reemplaza por el periodo acumulado "
                "(`EN-SEP`) y `{trim}` por el trimestre (`3er. Trim.`)",
     .ayuda = "Título de la columna con la unidad líder en la hoja de seguimiento."},
    {.seccion = "columnas", .clave = "seguimiento_responsable", .tipo = T_TEXTO,
     CAMPO(columnas_seg[COLSEG_RESPONSABLE]), .defecto = "UNIDAD-ÁREA RESPONSABLE", .usado = "se usa «UNIDAD-ÁREA RESPONSABLE»",
     .valores = "texto, máximo 127 bytes; `{acum}` se reemplaza por el periodo acumulado "
                "(`EN-SEP`) y `{trim}` por el trimestre (`3er. Trim.`)",
     .ayuda = "Título de la columna con los responsables en la hoja de seguimiento."},
    {.seccion = "columnas", .clave = "seguimiento_meta", .tipo = T_TEXTO,
     CAMPO(columnas_seg[COLSEG_META]), .defecto = "META ANUAL", .usado = "se usa «META ANUAL»",
     .valores = "texto, máximo 127 bytes; `{acum}` se reemplaza por el periodo acumulado "
                "(`EN-SEP`) y `{trim}` por el trimestre (`3er. Trim.`)",
     .ayuda = "Título de la columna con la meta anual en la hoja de seguimiento."},
    {.seccion = "columnas", .clave = "seguimiento_real", .tipo = T_TEXTO,
     CAMPO(columnas_seg[COLSEG_REAL]), .defecto = "REAL {acum}", .usado = "se usa «REAL {acum}»",
     .valores = "texto, máximo 127 bytes; `{acum}` se reemplaza por el periodo acumulado "
                "(`EN-SEP`) y `{trim}` por el trimestre (`3er. Trim.`)",
     .ayuda = "Título de la columna con el real acumulado al corte en la hoja de seguimiento."},
    {.seccion = "columnas", .clave = "seguimiento_pct", .tipo = T_TEXTO,
     CAMPO(columnas_seg[COLSEG_PCT]), .defecto = "% EJECUCIÓN {acum}", .usado = "se usa «% EJECUCIÓN {acum}»",
     .valores = "texto, máximo 127 bytes; `{acum}` se reemplaza por el periodo acumulado "
                "(`EN-SEP`) y `{trim}` por el trimestre (`3er. Trim.`)",
     .ayuda = "Título de la columna con el % de ejecución al corte en la hoja de seguimiento."},
    {.seccion = "columnas", .clave = "seguimiento_publicado", .tipo = T_TEXTO,
     CAMPO(columnas_seg[COLSEG_PUBLICADO]), .defecto = "% PUBLICADO {acum}", .usado = "se usa «% PUBLICADO {acum}»",
     .valores = "texto, máximo 127 bytes; `{acum}` se reemplaza por el periodo acumulado "
                "(`EN-SEP`) y `{trim}` por el trimestre (`3er. Trim.`)",
     .ayuda = "Título de la columna con el % publicado por la institución (solo si el archivo lo trajo) en la hoja de seguimiento."},
    {.seccion = "columnas", .clave = "seguimiento_observaciones", .tipo = T_TEXTO,
     CAMPO(columnas_seg[COLSEG_OBSERVACIONES]), .defecto = "OBSERVACIONES {trim}", .usado = "se usa «OBSERVACIONES {trim}»",
     .valores = "texto, máximo 127 bytes; `{acum}` se reemplaza por el periodo acumulado "
                "(`EN-SEP`) y `{trim}` por el trimestre (`3er. Trim.`)",
     .ayuda = "Título de la columna con las observaciones del trimestre en la hoja de seguimiento."},

    {.seccion = "firmas", .clave = "elaborado_por", .tipo = T_TEXTO, CAMPO(firma_nombre[0]),
     .defecto = "", .vacio_ok = true, .usado = "se deja vacío (una línea para firmar)",
     .valores = "texto, máximo 255 bytes",
     .ayuda = "Nombre bajo «Elaborado por» en el bloque de firmas del resumen ejecutivo. "
              "Vacío: la línea queda para escribirlo a mano."},
    {.seccion = "firmas", .clave = "elaborado_cargo", .tipo = T_TEXTO, CAMPO(firma_cargo[0]),
     .defecto = "", .vacio_ok = true, .usado = "se deja vacío",
     .valores = "texto, máximo 255 bytes",
     .ayuda = "Cargo bajo el nombre de «Elaborado por» en el resumen ejecutivo."},
    {.seccion = "firmas", .clave = "revisado_por", .tipo = T_TEXTO, CAMPO(firma_nombre[1]),
     .defecto = "", .vacio_ok = true, .usado = "se deja vacío (una línea para firmar)",
     .valores = "texto, máximo 255 bytes",
     .ayuda = "Nombre bajo «Revisado por» en el bloque de firmas del resumen ejecutivo. "
              "Vacío: la línea queda para escribirlo a mano."},
    {.seccion = "firmas", .clave = "revisado_cargo", .tipo = T_TEXTO, CAMPO(firma_cargo[1]),
     .defecto = "", .vacio_ok = true, .usado = "se deja vacío",
     .valores = "texto, máximo 255 bytes",
     .ayuda = "Cargo bajo el nombre de «Revisado por» en el resumen ejecutivo."},
    {.seccion = "firmas", .clave = "aprobado_por", .tipo = T_TEXTO, CAMPO(firma_nombre[2]),
     .defecto = "", .vacio_ok = true, .usado = "se deja vacío (una línea para firmar)",
     .valores = "texto, máximo 255 bytes",
     .ayuda = "Nombre bajo «Aprobado por» en el bloque de firmas del resumen ejecutivo. "
              "Vacío: la línea queda para escribirlo a mano."},
    {.seccion = "firmas", .clave = "aprobado_cargo", .tipo = T_TEXTO, CAMPO(firma_cargo[2]),
     .defecto = "", .vacio_ok = true, .usado = "se deja vacío",
     .valores = "texto, máximo 255 bytes",
     .ayuda = "Cargo bajo el nombre de «Aprobado por» en el resumen ejecutivo."},
};

const size_t CONFIG_NCLAVES = POA_ARRAY_LEN(CONFIG_CLAVES);

/* "se esperaba «media» o «ponderada»" from the listed options. */
void config_opciones_texto(const Opcion *o, bool md, char *buf, size_t n)
{
    int total = 0, k = 0;
    for (const Opcion *p = o; p->palabra; p++)
        total += p->mostrar;
    size_t at = 0;
    for (const Opcion *p = o; p->palabra && at < n; p++) {
        if (!p->mostrar)
            continue;
        const char *sep = k == 0 ? "" : k == total - 1 ? (total > 2 ? " u " : " o ") : ", ";
        at += (size_t)snprintf(buf + at, n - at, md ? "%s`%s`" : "%s«%s»", sep,
                               p->escrita ? p->escrita : p->palabra);
        k++;
    }
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
            int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
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

/* The closest known section (sec NULL) or key of sec, within 2 edits. */
const char *config_sugerir(const char *word, const char *sec)
{
    const char *best = NULL;
    int bestd = 3;
    for (size_t i = 0; i < CONFIG_NCLAVES; i++) {
        if (sec && strcmp(CONFIG_CLAVES[i].seccion, sec) != 0)
            continue;
        const char *cand = sec ? CONFIG_CLAVES[i].clave : CONFIG_CLAVES[i].seccion;
        int d = distancia(word, cand);
        if (d < bestd) {
            bestd = d;
            best = cand;
        }
    }
    return best;
}

/* ---- what the table generates ---- */

void config_doc_markdown(StrBuf *b)
{
    sb_append(b, "| Sección | Clave | Valores válidos | Por omisión | Significado |\n"
                 "|---|---|---|---|---|\n");
    for (size_t i = 0; i < CONFIG_NCLAVES; i++) {
        const Clave *k = &CONFIG_CLAVES[i];
        sb_appendf(b, "| `[%s]` | `%s` | %s | ", k->seccion, k->clave, k->valores);
        if (*k->defecto)
            sb_appendf(b, "`%s`", k->defecto);
        else
            sb_append(b, "vacío");
        sb_appendf(b, " | %s |\n", k->ayuda);
    }
}

/* The meaning as a config.ini comment: markdown's backquotes dropped,
 * wrapped at 78 columns. */
static void comentario(StrBuf *b, const char *texto)
{
    char *t = xstrdup(texto);
    char *o = t;
    for (const char *p = texto; *p; p++)
        if (*p != '`')
            *o++ = *p;
    *o = '\0';
    int col = 0;
    for (char *w = strtok(t, " "); w; w = strtok(NULL, " ")) {
        int ww = u8_width(w);
        if (col && col + 1 + ww > 78) {
            sb_append(b, "\n");
            col = 0;
        }
        sb_append(b, col ? " " : "; ");
        col += col ? 1 : 2;
        sb_append(b, w);
        col += ww;
    }
    sb_append(b, "\n");
    free(t);
}

void config_ini_defecto(StrBuf *b)
{
    sb_append(b, "; Configuración de poa (Plan Operativo Anual — seguimiento trimestral)\n"
                 ";\n"
                 "; poa busca este archivo, en orden:\n"
                 ";   1. el indicado con --config ARCHIVO (si no existe, poa se detiene);\n"
                 ";   2. $XDG_CONFIG_HOME/poa/config.ini (o ~/.config/poa/config.ini);\n"
                 ";   3. config.ini en la carpeta actual;\n"
                 ";   4. el config.ini instalado con poa (share/poa/config.ini).\n"
                 "; Si no encuentra ninguno, usa los valores por omisión (los de abajo).\n"
                 ";\n"
                 "; Formato: [sección] y debajo «clave = valor». Las líneas que empiezan con\n"
                 "; ; o # son comentarios; un ; o # después de un valor también: si el valor\n"
                 "; los contiene, escríbalo entre comillas (\"...\"). Las claves no distinguen\n"
                 "; mayúsculas de minúsculas. Un valor incorrecto no detiene el programa: se\n"
                 "; avisa (archivo, línea y clave) y se usa el valor por omisión.\n"
                 "; Este archivo lo genera «poa --configuracion ini»; referencia completa:\n"
                 "; docs/configuracion.md\n");
    const char *sec = "";
    for (size_t i = 0; i < CONFIG_NCLAVES; i++) {
        const Clave *k = &CONFIG_CLAVES[i];
        if (strcmp(sec, k->seccion) != 0) {
            sb_appendf(b, "\n[%s]\n", k->seccion);
            sec = k->seccion;
        }
        comentario(b, k->ayuda);
        char valores[400];
        snprintf(valores, sizeof valores, "Valores: %s.", k->valores);
        comentario(b, valores);
        sb_appendf(b, *k->defecto ? "%s = %s\n" : "%s =%s\n", k->clave, k->defecto);
    }
}
