/* ui_keys.c — the one key table, keys to requests (data; it calls nothing
 * above it): it drives the dispatcher, the bottom bar, the help screen and
 * docs/keys.md (poa --teclas), whose key names come from the codes. Edit
 * keys only here. */
#include <stdio.h>
#include <string.h>

#include "ui.h"
#include "ui_app.h"

#define K_ESC 27
#define K_CTRL(c) ((c) & 0x1f)

const UiKey UI_KEYS[] = {
    /* keys, ctx, acción, F, barra, grupo, descripción, request,
     * and for F-keys the order in which they leave a narrow bottom bar
     * (higher first; 0 stays) — they stay in the help; last, whether the
     * key edits the file (refused in a read-only session) */
    {{KEY_UP, 'k'}, CTX_ALL, "Subir", 0, NULL, "Moverse",
     "Va a la fila anterior", REQ_UP, 0, false},
    {{KEY_DOWN, 'j'}, CTX_ALL, "Bajar", 0, NULL, "Moverse",
     "Va a la fila siguiente", REQ_DOWN, 0, false},
    {{KEY_PPAGE, K_CTRL('b')}, CTX_ALL, "Página anterior", 0, NULL, "Moverse",
     "Sube una pantalla", REQ_PAGE_UP, 0, false},
    {{KEY_NPAGE, K_CTRL('f')}, CTX_ALL, "Página siguiente", 0, NULL, "Moverse",
     "Baja una pantalla", REQ_PAGE_DOWN, 0, false},
    {{KEY_HOME, 'g'}, CTX_ALL, "Primera fila", 0, NULL, "Moverse",
     "Va a la primera fila", REQ_HOME, 0, false},
    {{KEY_END, 'G'}, CTX_ALL, "Última fila", 0, NULL, "Moverse",
     "Va a la última fila", REQ_END, 0, false},
    {{KEY_LEFT, 'h'}, CTX_TREE, "Plegar o subir", 0, NULL, "Moverse",
     "En el árbol: pliega la rama, o va al elemento que la contiene", REQ_LEFT, 0, false},
    {{KEY_RIGHT, 'l'}, CTX_TREE, "Desplegar o entrar", 0, NULL, "Moverse",
     "En el árbol: despliega la rama, o va a su primer elemento", REQ_RIGHT, 0, false},
    {{KEY_LEFT, 'h'}, CTX_GRID, "Mes anterior", 0, NULL, "Moverse",
     "En el cronograma: va al mes anterior", REQ_MES_PREV, 0, false},
    {{KEY_RIGHT, 'l'}, CTX_GRID, "Mes siguiente", 0, NULL, "Moverse",
     "En el cronograma: va al mes siguiente", REQ_MES_NEXT, 0, false},
    {{'\t', KEY_BTAB}, CTX_ALL, "Árbol / cronograma", 0, NULL, "Moverse",
     "Pasa del árbol al cronograma y viceversa", REQ_FOCUS, 0, false},
    {{'>', '<'}, CTX_ALL, "Columnas", 0, NULL, "Moverse",
     "En una terminal angosta: alterna cronograma y responsables/presupuesto",
     REQ_COLUMNS, 0, false},
    {{'L'}, CTX_ALL, "Unidad líder", 0, NULL, "Moverse",
     "Muestra u oculta la columna «Unidad líder» junto al árbol", REQ_LIDER, 0, false},

    {{'\n', '\r', KEY_ENTER}, CTX_ALL, "Desplegar/plegar", 0, NULL, "Árbol",
     "Despliega o pliega la rama seleccionada", REQ_TOGGLE, 0, false},
    {{'+'}, CTX_ALL, "Desplegar", 0, NULL, "Árbol", "Despliega la rama", REQ_EXPAND, 0, false},
    {{'-'}, CTX_ALL, "Plegar", 0, NULL, "Árbol", "Pliega la rama", REQ_COLLAPSE, 0, false},
    {{'*'}, CTX_ALL, "Todo", 0, NULL, "Árbol",
     "Despliega todo el plan; otra vez: lo pliega todo", REQ_EXPAND_ALL, 0, false},

    {{'/', KEY_F(3)}, CTX_ALL, "Buscar", 3, "Buscar", "Buscar y filtrar",
     "Busca texto sin distinguir acentos ni mayúsculas", REQ_SEARCH, 0, false},
    {{'n'}, CTX_ALL, "Siguiente", 0, NULL, "Buscar y filtrar",
     "Va a la siguiente coincidencia", REQ_SEARCH_NEXT, 0, false},
    {{'N'}, CTX_ALL, "Anterior", 0, NULL, "Buscar y filtrar",
     "Va a la coincidencia anterior", REQ_SEARCH_PREV, 0, false},
    {{'u', KEY_F(9)}, CTX_ALL, "Unidad", 9, "Unidad", "Buscar y filtrar",
     "Muestra solo una unidad (lista para elegir)", REQ_FILTER_UNIDAD, 0, false},
    {{'r'}, CTX_ALL, "Responsable", 0, NULL, "Buscar y filtrar",
     "Muestra solo las actividades de un responsable (lista para elegir)", REQ_FILTER_RESP, 0, false},
    {{'f'}, CTX_ALL, "Estado", 0, NULL, "Buscar y filtrar",
     "Muestra solo las actividades en un estado al corte: rojo, amarillo, verde, sin "
     "reporte o no vencida (lista para elegir)", REQ_FILTER_ESTADO, 0, false},
    {{':'}, CTX_ALL, "Ir a", 0, NULL, "Buscar y filtrar",
     "Va a una actividad por su código, o por «unidad · código» si el código se repite",
     REQ_GOTO, 0, false},
    {{K_ESC}, CTX_ALL, "Quitar filtros", 0, NULL, "Buscar y filtrar",
     "Quita los filtros de unidad, de responsable y de estado", REQ_FILTER_CLEAR, 0, false},

    {{'e', KEY_F(2)}, CTX_ALL, "Editar", 2, "Editar", "Editar",
     "Edita el texto del elemento", REQ_EDIT, 0, true},
    {{'E', KEY_F(4)}, CTX_ALL, "Campos", 4, "Campos", "Editar",
     "Elige un campo (código, indicador, responsables, presupuesto, metas…) y lo edita",
     REQ_FIELDS, 0, true},
    {{'a', KEY_F(5)}, CTX_ALL, "Agregar hermano", 5, "Nuevo", "Editar",
     "Agrega un elemento del mismo nivel debajo del seleccionado", REQ_ADD_SIBLING, 0, true},
    {{'A', KEY_F(6)}, CTX_ALL, "Agregar hijo", 6, "Hijo", "Editar",
     "Agrega un elemento dentro del seleccionado", REQ_ADD_CHILD, 0, true},
    {{'d', KEY_F(8)}, CTX_ALL, "Borrar", 8, "Borrar", "Editar",
     "Borra el elemento y lo que contiene (pide confirmación)", REQ_DELETE, 0, true},
    {{'K'}, CTX_ALL, "Subir elemento", 0, NULL, "Editar",
     "Sube el elemento un lugar entre sus hermanos", REQ_MOVE_UP, 0, true},
    {{'J'}, CTX_ALL, "Bajar elemento", 0, NULL, "Editar",
     "Baja el elemento un lugar entre sus hermanos", REQ_MOVE_DOWN, 0, true},
    {{'m', KEY_F(7)}, CTX_ALL, "Mover", 7, "Mover", "Editar",
     "Mueve el elemento a otro padre (lista para elegir)", REQ_MOVE_TO, 1, true},
    {{'R'}, CTX_ALL, "Renumerar", 0, NULL, "Editar",
     "Renumera los códigos del elemento y sus hermanos (1.1, 1.2…)", REQ_RENUMBER, 0, true},
    {{'U'}, CTX_ALL, "Unidades", 0, NULL, "Plan",
     "Las unidades del plan: agregar, renombrar, misión y nota, borrar una vacía, ordenar",
     REQ_VIEW_UNIDADES, 0, false},
    {{'P'}, CTX_ALL, "Plan", 0, NULL, "Plan",
     "Datos del plan (institución, año), cambiar a otro año o institución del archivo, "
     "nuevo año copiado de este", REQ_PLAN_MENU, 0, false},

    {{' '}, CTX_TREE, "Marcar fila", 0, NULL, "Copiar y marcar",
     "Marca o desmarca la fila y baja; m, d, E y el cronograma actúan sobre las marcadas",
     REQ_MARCAR, 0, false},
    {{'M'}, CTX_ALL, "Quitar marcas", 0, NULL, "Copiar y marcar",
     "Desmarca todas las filas marcadas", REQ_DESMARCAR, 0, false},
    {{'C'}, CTX_TREE, "Copiar", 0, NULL, "Copiar y marcar",
     "Copia el elemento con todo lo que contiene (o las filas marcadas)", REQ_COPIAR, 0, false},
    {{'X'}, CTX_TREE, "Cortar", 0, NULL, "Copiar y marcar",
     "Corta el elemento (o las filas marcadas): V lo mueve adonde esté el cursor",
     REQ_CORTAR, 0, true},
    {{'V'}, CTX_TREE, "Pegar", 0, NULL, "Copiar y marcar",
     "Pega lo copiado o cortado: dentro del elemento de arriba, o después del de su nivel",
     REQ_PEGAR, 0, true},
    {{'D'}, CTX_TREE, "Duplicar", 0, NULL, "Copiar y marcar",
     "Duplica el elemento con todo lo que contiene, justo debajo", REQ_DUPLICAR, 0, true},

    {{' '}, CTX_GRID, "Marcar mes", 0, NULL, "Cronograma",
     "Marca el mes con x, o lo vacía si ya tenía algo", REQ_MES_MARK, 0, true},
    {{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}, CTX_GRID, "Cantidad", 0,
     NULL, "Cronograma", "Escribe una cantidad en el mes", REQ_MES_QTY, 0, true},
    {{KEY_DC, KEY_BACKSPACE, 127, 8}, CTX_GRID, "Vaciar mes", 0, NULL,
     "Cronograma", "Vacía el mes", REQ_MES_CLEAR, 0, true},
    {{'t'}, CTX_GRID, "Llenar trimestre", 0, NULL, "Cronograma",
     "Marca con x los meses vacíos del trimestre del mes seleccionado", REQ_TRIM_FILL, 0, true},
    {{'T'}, CTX_GRID, "Vaciar trimestre", 0, NULL, "Cronograma",
     "Vacía los meses del trimestre del mes seleccionado", REQ_TRIM_CLEAR, 0, true},
    {{'y'}, CTX_ALL, "Llenar año", 0, NULL, "Cronograma",
     "Marca con x todos los meses vacíos del año", REQ_ANIO_FILL, 0, true},
    {{'Y'}, CTX_ALL, "Vaciar año", 0, NULL, "Cronograma", "Vacía los doce meses",
     REQ_ANIO_CLEAR, 0, true},
    {{'c'}, CTX_ALL, "Copiar cronograma", 0, NULL, "Cronograma",
     "Copia los doce meses de la actividad", REQ_CRONOGRAMA_COPY, 0, false},
    {{'p'}, CTX_ALL, "Pegar cronograma", 0, NULL, "Cronograma",
     "Pega los meses copiados; en una fila resumen, en todas sus actividades", REQ_CRONOGRAMA_PASTE, 0, true},

    {{KEY_F(1), '?'}, CTX_VISTAS, "Ayuda", 1, "Ayuda", "General",
     "Muestra esta lista de teclas", REQ_HELP, 0, false},
    {{'x'}, CTX_VISTAS, "Exportar", 0, NULL, "General",
     "Exporta a XLSX o a CSV: elige informe, corte, unidad y nombre del archivo",
     REQ_EXPORT, 0, false},
    {{'i'}, CTX_ALL, "Importar", 0, NULL, "General",
     "Importa un CSV o un libro de cálculo al plan: muestra lo que cambiaría y pide "
     "confirmación", REQ_IMPORT, 0, true},
    {{'z'}, CTX_VISTAS, "Deshacer", 0, NULL, "General",
     "Deshace la última acción (también borrar, importar o un corte); otra vez, la anterior",
     REQ_UNDO, 0, true},
    {{K_CTRL('r')}, CTX_VISTAS, "Rehacer", 0, NULL, "General",
     "Vuelve a hacer lo último que se deshizo (hasta la próxima edición)", REQ_REDO, 0, true},
    {{K_CTRL('l')}, CTX_VISTAS, "Redibujar", 0, NULL, "General",
     "Vuelve a dibujar la pantalla", REQ_REDRAW, 0, false},
    {{'q', KEY_F(10)}, CTX_VISTAS, "Salir", 10, "Salir", "General",
     "Sale del programa (los cambios ya están guardados)", REQ_QUIT, 0, false},

    /* ---- the units screen (ui_unidades.c) ---- */
    {{KEY_UP, 'k'}, CTX_UNIDADES, "Subir", 0, NULL, "Unidades",
     "En las unidades: la anterior", REQ_UP, 0, false},
    {{KEY_DOWN, 'j'}, CTX_UNIDADES, "Bajar", 0, NULL, "Unidades",
     "En las unidades: la siguiente", REQ_DOWN, 0, false},
    {{KEY_PPAGE, K_CTRL('b')}, CTX_UNIDADES, "Página anterior", 0, NULL, "Unidades",
     "En las unidades: sube una pantalla", REQ_PAGE_UP, 0, false},
    {{KEY_NPAGE, K_CTRL('f')}, CTX_UNIDADES, "Página siguiente", 0, NULL, "Unidades",
     "En las unidades: baja una pantalla", REQ_PAGE_DOWN, 0, false},
    {{KEY_HOME, 'g'}, CTX_UNIDADES, "Primera", 0, NULL, "Unidades",
     "En las unidades: la primera", REQ_HOME, 0, false},
    {{KEY_END, 'G'}, CTX_UNIDADES, "Última", 0, NULL, "Unidades",
     "En las unidades: la última", REQ_END, 0, false},
    {{'a', KEY_F(5)}, CTX_UNIDADES, "Nueva unidad", 5, "Nueva", "Unidades",
     "En las unidades: agrega una unidad al final", REQ_ADD_SIBLING, 0, true},
    {{'e', KEY_F(2)}, CTX_UNIDADES, "Renombrar", 2, "Nombre", "Unidades",
     "En las unidades: cambia el nombre de la unidad", REQ_EDIT, 0, true},
    {{'E', KEY_F(4)}, CTX_UNIDADES, "Misión o nota", 4, "Campos", "Unidades",
     "En las unidades: edita la misión o la nota de la unidad", REQ_FIELDS, 0, true},
    {{'d', KEY_F(8)}, CTX_UNIDADES, "Borrar unidad", 8, "Borrar", "Unidades",
     "En las unidades: borra una unidad sin metas (pide confirmación)", REQ_DELETE, 0, true},
    {{'K'}, CTX_UNIDADES, "Subir unidad", 0, NULL, "Unidades",
     "En las unidades: la sube un lugar (el orden de los informes)", REQ_MOVE_UP, 0, true},
    {{'J'}, CTX_UNIDADES, "Bajar unidad", 0, NULL, "Unidades",
     "En las unidades: la baja un lugar", REQ_MOVE_DOWN, 0, true},
    {{K_ESC, 'U'}, CTX_UNIDADES, "Volver", 0, NULL, "Unidades",
     "En las unidades: vuelve al plan", REQ_BACK, 0, false},

    /* ---- seguimiento (ui_seg.c, ui_tablero.c): keep this block last ---- */
    {{'s'}, CTX_VISTAS, "Formulario", 0, NULL, "Seguimiento",
     "Formulario de seguimiento de la actividad seleccionada al corte actual", REQ_VIEW_FORM, 0, false},
    {{'S', KEY_F(11)}, CTX_VISTAS, "Tabla de seguimiento", 11, "Seguim.", "Seguimiento",
     "Tabla de seguimiento de una unidad (la de la fila seleccionada)", REQ_VIEW_TABLA, 2, false},
    {{'b', KEY_F(12)}, CTX_VISTAS, "Tablero", 12, "Tablero", "Seguimiento",
     "Tablero: % de ejecución y semáforo por unidad, objetivo y eje", REQ_VIEW_TABLERO, 2, false},
    {{K_ESC}, CTX_SEG, "Volver", 0, NULL, "Seguimiento",
     "En seguimiento: vuelve a la pantalla anterior", REQ_BACK, 0, false},
    {{KEY_UP, 'k'}, CTX_SEG, "Subir", 0, NULL, "Seguimiento",
     "En seguimiento: fila (o campo del formulario) anterior", REQ_UP, 0, false},
    {{KEY_DOWN, 'j'}, CTX_SEG, "Bajar", 0, NULL, "Seguimiento",
     "En seguimiento: fila (o campo del formulario) siguiente", REQ_DOWN, 0, false},
    {{KEY_LEFT, 'h'}, CTX_TABLA, "Columna anterior", 0, NULL, "Seguimiento",
     "En la tabla: celda de la izquierda", REQ_LEFT, 0, false},
    {{KEY_RIGHT, 'l'}, CTX_TABLA, "Columna siguiente", 0, NULL, "Seguimiento",
     "En la tabla: celda de la derecha", REQ_RIGHT, 0, false},
    {{KEY_PPAGE, K_CTRL('b')}, CTX_SEG, "Página anterior", 0, NULL, "Seguimiento",
     "En seguimiento: sube una pantalla; en el formulario, actividad anterior", REQ_PAGE_UP, 0, false},
    {{KEY_NPAGE, K_CTRL('f')}, CTX_SEG, "Página siguiente", 0, NULL, "Seguimiento",
     "En seguimiento: baja una pantalla; en el formulario, actividad siguiente", REQ_PAGE_DOWN, 0, false},
    {{KEY_HOME, 'g'}, CTX_SEG, "Primera fila", 0, NULL, "Seguimiento",
     "En seguimiento: primera fila", REQ_HOME, 0, false},
    {{KEY_END, 'G'}, CTX_SEG, "Última fila", 0, NULL, "Seguimiento",
     "En seguimiento: última fila", REQ_END, 0, false},
    {{'\n', '\r', KEY_ENTER, KEY_F(2)}, CTX_SEG, "Editar", 2, "Editar", "Seguimiento",
     "Edita el campo o la celda (real, observaciones); en el tablero abre la unidad",
     REQ_SEG_ENTER, 0, false},
    {{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}, CTX_TABLA, "Escribir real", 0,
     NULL, "Seguimiento", "En la tabla: empieza a escribir el real de la fila", REQ_SEG_DIGIT, 0, true},
    {{'r'}, CTX_FORM, "Real", 0, NULL, "Seguimiento",
     "En el formulario: edita el real acumulado", REQ_SEG_REAL, 0, true},
    {{'o'}, CTX_FORM, "Observaciones", 0, NULL, "Seguimiento",
     "En el formulario: edita las observaciones (¶ separa párrafos)", REQ_SEG_OBS, 0, true},
    {{'v'}, CTX_FORM, "Evidencia", 0, NULL, "Seguimiento",
     "En el formulario: edita la evidencia", REQ_SEG_EVID, 0, true},
    {{'a'}, CTX_FORM, "Causa", 0, NULL, "Seguimiento",
     "En el formulario: edita la causa y medida correctiva (¶ separa párrafos)", REQ_SEG_CAUSA, 0,
     true},
    {{'u', KEY_F(9)}, CTX_TABLA, "Unidad", 9, "Unidad", "Seguimiento",
     "En la tabla: elige la unidad", REQ_SEG_UNIDAD, 0, false},
    {{'f'}, CTX_TABLA, "Estado", 0, NULL, "Seguimiento",
     "En la tabla: solo las actividades en un estado al corte (Esc quita el filtro)",
     REQ_FILTER_ESTADO, 0, false},
    {{'c', KEY_F(4)}, CTX_SEG, "Corte", 4, "Corte", "Seguimiento",
     "En seguimiento: elige el corte (1 a 4)", REQ_CORTE_PICK, 0, false},
    {{'K', KEY_F(8)}, CTX_SEG, "Cerrar/reabrir corte", 8, "Cerrar", "Seguimiento",
     "Cierra el corte (congela sus valores); si está cerrado, lo reabre con un motivo",
     REQ_CORTE_CLOSE, 0, true},
    {{'1', '2', '3'}, CTX_TABLERO, "Agrupar", 0, NULL,
     "Seguimiento", "En el tablero: por unidad (1), objetivo (2) o eje (3)",
     REQ_TABLERO_GRUPO, 0, false},
    {{'\t', KEY_BTAB}, CTX_TABLERO, "Otro grupo", 0, NULL, "Seguimiento",
     "En el tablero: Tab pasa al grupo siguiente; Mayús-Tab, al anterior",
     REQ_TABLERO_GRUPO, 0, false},
    {{'o', KEY_F(6)}, CTX_TABLERO, "Ordenar", 6, "Orden", "Seguimiento",
     "En el tablero: ordena por nombre o por % de ejecución", REQ_TABLERO_ORDEN, 0, false},
    /* «¿Quién falta?» (ui_recoleccion.c) */
    {{'W'}, CTX_VISTAS, "¿Quién falta?", 0, NULL, "Seguimiento",
     "Por unidad: libro de captura enviado, devuelto o vencido, sin reporte, sin causa y %",
     REQ_VIEW_RECOLECCION, 0, false},
    {{'o', KEY_F(6)}, CTX_RECOLECCION, "Ordenar", 6, "Orden", "Seguimiento",
     "En ¿Quién falta?: ordena por nombre, estado, % de ejecución o sin reporte",
     REQ_RECOLECCION_ORDEN, 0, false},
};
const int UI_NKEYS = (int)POA_ARRAY_LEN(UI_KEYS);

bool ui_key_applies(const UiKey *k, const App *a)
{
    if (k->ctx == CTX_VISTAS)
        return true;
    if (a->vista == VISTA_UNIDADES)
        return k->ctx == CTX_UNIDADES;
    if (a->vista == VISTA_PLAN)
        return k->ctx == CTX_ALL || k->ctx == (a->focus == FOCUS_TREE ? CTX_TREE : CTX_GRID);
    return k->ctx == CTX_SEG || (k->ctx == CTX_FORM && a->vista == VISTA_FORM) ||
           (k->ctx == CTX_TABLA && a->vista == VISTA_TABLA) ||
           (k->ctx == CTX_TABLERO && a->vista == VISTA_TABLERO) ||
           (k->ctx == CTX_RECOLECCION && a->vista == VISTA_RECOLECCION);
}

const UiKey *ui_key_find(const App *a, int key)
{
    for (int i = 0; i < UI_NKEYS; i++) {
        const UiKey *k = &UI_KEYS[i];
        if (!ui_key_applies(k, a))
            continue;
        for (int j = 0; j < 10 && k->keys[j]; j++)
            if (k->keys[j] == key)
                return k;
    }
    return NULL;
}

/* The name of one key code, as a Spanish keyboard labels it. */
static const char *code_name(int c, char *buf, size_t n)
{
    static const struct {
        int code;
        const char *name;
    } KEY_LABELS[] = {
        {KEY_UP, "Arriba"}, {KEY_DOWN, "Abajo"}, {KEY_LEFT, "Izquierda"},
        {KEY_RIGHT, "Derecha"}, {KEY_PPAGE, "RePág"}, {KEY_NPAGE, "AvPág"},
        {KEY_HOME, "Inicio"}, {KEY_END, "Fin"}, {KEY_ENTER, "Enter"}, {'\n', "Enter"},
        {'\r', "Enter"}, {'\t', "Tab"}, {KEY_BTAB, "Mayús-Tab"}, {K_ESC, "Esc"},
        {' ', "Espacio"}, {KEY_DC, "Supr"}, {KEY_BACKSPACE, "Retroceso"}, {127, "Retroceso"},
        {8, "Retroceso"},
    };
    for (size_t i = 0; i < POA_ARRAY_LEN(KEY_LABELS); i++)
        if (KEY_LABELS[i].code == c)
            return KEY_LABELS[i].name;
    if (c >= KEY_F(1) && c <= KEY_F(63))
        snprintf(buf, n, "F%d", c - KEY_F0);
    else if (c > 0 && c < 32)
        snprintf(buf, n, "Ctrl-%c", c + '@');
    else if (c >= 32 && c < 127)
        snprintf(buf, n, "%c", c);
    else
        snprintf(buf, n, "tecla %d", c);   /* no code may hide from the help */
    return buf;
}

const char *ui_key_names(const UiKey *k, char *buf, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int j = 0; j < 10 && k->keys[j]; j++) {
        int c = k->keys[j];
        char one[32];
        const char *name = code_name(c, one, sizeof one);
        /* a run of digits reads "0…9" */
        int run = 0;
        while (c >= '0' && c <= '9' && j + run + 1 < 10 && k->keys[j + run + 1] == c + run + 1)
            run++;
        char range[32];
        if (run >= 3) {
            snprintf(range, sizeof range, "%c…%c", c, c + run);
            name = range;
            j += run;
        }
        /* Enter and Retroceso have several codes: one name */
        if (used && strstr(buf, name)) {
            const char *at = strstr(buf, name);
            size_t l = strlen(name);
            if ((at == buf || at[-1] == ' ') && (at[l] == '\0' || at[l] == ','))
                continue;
        }
        int w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", name);
        if (w < 0 || (size_t)w >= n - used)
            break;
        used += (size_t)w;
    }
    return buf;
}

void ui_keys_markdown(FILE *out)
{
    fputs("# Teclas de la interfaz\n\n"
          "Generado con `poa --teclas` a partir de la tabla de teclas (src/ui_keys.c);\n"
          "la pantalla de ayuda (F1) muestra la misma lista. No editar a mano.\n",
          out);
    const char *grupo = NULL;
    for (int i = 0; i < UI_NKEYS; i++) {
        const UiKey *k = &UI_KEYS[i];
        if (!grupo || strcmp(grupo, k->grupo) != 0) {
            grupo = k->grupo;
            fprintf(out, "\n## %s\n\n| Teclas | Acción | Descripción |\n|---|---|---|\n", grupo);
        }
        char names[128];
        fprintf(out, "| %s | %s | %s |\n", ui_key_names(k, names, sizeof names), k->accion,
                k->descripcion);
    }
}
