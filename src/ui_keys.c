/* ui_keys.c — the one key table: it drives the dispatcher, the bottom bar,
 * the help screen and docs/keys.md (poa --teclas). Edit keys only here. */
#include <string.h>

#include "ui.h"
#include "ui_app.h"
#include "ui_seg.h"

#define K_ESC 27
#define K_CTRL(c) ((c) & 0x1f)

const UiKey UI_KEYS[] = {
    /* teclas, keys, ctx, acción, F, barra, grupo, descripción, handler,
     * and for F-keys the order in which they leave a narrow bottom bar
     * (higher first; 0 stays) — they stay in the help */
    {"Arriba, k", {KEY_UP, 'k'}, CTX_ALL, "Subir", 0, NULL, "Moverse",
     "Va a la fila anterior", ui_act_up, 0},
    {"Abajo, j", {KEY_DOWN, 'j'}, CTX_ALL, "Bajar", 0, NULL, "Moverse",
     "Va a la fila siguiente", ui_act_down, 0},
    {"RePág", {KEY_PPAGE, K_CTRL('b')}, CTX_ALL, "Página anterior", 0, NULL, "Moverse",
     "Sube una pantalla", ui_act_pgup, 0},
    {"AvPág", {KEY_NPAGE, K_CTRL('f')}, CTX_ALL, "Página siguiente", 0, NULL, "Moverse",
     "Baja una pantalla", ui_act_pgdn, 0},
    {"Inicio, g", {KEY_HOME, 'g'}, CTX_ALL, "Primera fila", 0, NULL, "Moverse",
     "Va a la primera fila", ui_act_home, 0},
    {"Fin, G", {KEY_END, 'G'}, CTX_ALL, "Última fila", 0, NULL, "Moverse",
     "Va a la última fila", ui_act_end, 0},
    {"Izquierda, h", {KEY_LEFT, 'h'}, CTX_TREE, "Plegar o subir", 0, NULL, "Moverse",
     "En el árbol: pliega la rama, o va al elemento que la contiene", ui_act_left, 0},
    {"Derecha, l", {KEY_RIGHT, 'l'}, CTX_TREE, "Desplegar o entrar", 0, NULL, "Moverse",
     "En el árbol: despliega la rama, o va a su primer elemento", ui_act_right, 0},
    {"Izquierda, h", {KEY_LEFT, 'h'}, CTX_GRID, "Mes anterior", 0, NULL, "Moverse",
     "En el cronograma: va al mes anterior", ui_act_mes_left, 0},
    {"Derecha, l", {KEY_RIGHT, 'l'}, CTX_GRID, "Mes siguiente", 0, NULL, "Moverse",
     "En el cronograma: va al mes siguiente", ui_act_mes_right, 0},
    {"Tab", {'\t', KEY_BTAB}, CTX_ALL, "Árbol / cronograma", 0, NULL, "Moverse",
     "Pasa del árbol al cronograma y viceversa", ui_act_focus, 0},
    {">, <", {'>', '<'}, CTX_ALL, "Columnas", 0, NULL, "Moverse",
     "En una terminal angosta: alterna cronograma y responsables/presupuesto",
     ui_act_columns, 0},

    {"Enter", {'\n', '\r', KEY_ENTER}, CTX_ALL, "Desplegar/plegar", 0, NULL, "Árbol",
     "Despliega o pliega la rama seleccionada", ui_act_toggle, 0},
    {"+", {'+'}, CTX_ALL, "Desplegar", 0, NULL, "Árbol", "Despliega la rama", ui_act_expand, 0},
    {"-", {'-'}, CTX_ALL, "Plegar", 0, NULL, "Árbol", "Pliega la rama", ui_act_collapse, 0},
    {"*", {'*'}, CTX_ALL, "Todo", 0, NULL, "Árbol",
     "Despliega todo el plan; otra vez: lo pliega todo", ui_act_all, 0},

    {"/, F3", {'/', KEY_F(3)}, CTX_ALL, "Buscar", 3, "Buscar", "Buscar y filtrar",
     "Busca texto sin distinguir acentos ni mayúsculas", ui_act_search, 0},
    {"n", {'n'}, CTX_ALL, "Siguiente", 0, NULL, "Buscar y filtrar",
     "Va a la siguiente coincidencia", ui_act_next, 0},
    {"N", {'N'}, CTX_ALL, "Anterior", 0, NULL, "Buscar y filtrar",
     "Va a la coincidencia anterior", ui_act_prev, 0},
    {"u, F9", {'u', KEY_F(9)}, CTX_ALL, "Unidad", 9, "Unidad", "Buscar y filtrar",
     "Muestra solo una unidad (lista para elegir)", ui_act_unidad, 0},
    {"r", {'r'}, CTX_ALL, "Responsable", 0, NULL, "Buscar y filtrar",
     "Muestra solo las actividades de un responsable (lista para elegir)", ui_act_resp, 0},
    {"Esc", {K_ESC}, CTX_ALL, "Quitar filtros", 0, NULL, "Buscar y filtrar",
     "Quita los filtros de unidad y de responsable", ui_act_clear, 0},

    {"e, F2", {'e', KEY_F(2)}, CTX_ALL, "Editar", 2, "Editar", "Editar",
     "Edita el texto del elemento", ui_act_edit, 0},
    {"E, F4", {'E', KEY_F(4)}, CTX_ALL, "Campos", 4, "Campos", "Editar",
     "Elige un campo (código, indicador, responsables, presupuesto, metas…) y lo edita",
     ui_act_fields, 0},
    {"a, F5", {'a', KEY_F(5)}, CTX_ALL, "Agregar hermano", 5, "Nuevo", "Editar",
     "Agrega un elemento del mismo nivel debajo del seleccionado", ui_act_add_sibling, 0},
    {"A, F6", {'A', KEY_F(6)}, CTX_ALL, "Agregar hijo", 6, "Hijo", "Editar",
     "Agrega un elemento dentro del seleccionado", ui_act_add_child, 0},
    {"d, F8", {'d', KEY_F(8)}, CTX_ALL, "Borrar", 8, "Borrar", "Editar",
     "Borra el elemento y lo que contiene (pide confirmación)", ui_act_delete, 0},
    {"K", {'K'}, CTX_ALL, "Subir elemento", 0, NULL, "Editar",
     "Sube el elemento un lugar entre sus hermanos", ui_act_move_up, 0},
    {"J", {'J'}, CTX_ALL, "Bajar elemento", 0, NULL, "Editar",
     "Baja el elemento un lugar entre sus hermanos", ui_act_move_down, 0},
    {"m, F7", {'m', KEY_F(7)}, CTX_ALL, "Mover", 7, "Mover", "Editar",
     "Mueve el elemento a otro padre (lista para elegir)", ui_act_move_to, 1},
    {"R", {'R'}, CTX_ALL, "Renumerar", 0, NULL, "Editar",
     "Renumera los códigos del elemento y sus hermanos (1.1, 1.2…)", ui_act_renumber, 0},

    {"Espacio", {' '}, CTX_GRID, "Marcar mes", 0, NULL, "Cronograma",
     "Marca el mes con x, o lo vacía si ya tenía algo", ui_act_mark, 0},
    {"0…9", {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}, CTX_GRID, "Cantidad", 0,
     NULL, "Cronograma", "Escribe una cantidad en el mes", ui_act_qty, 0},
    {"Supr, Retroceso", {KEY_DC, KEY_BACKSPACE, 127, 8}, CTX_GRID, "Vaciar mes", 0, NULL,
     "Cronograma", "Vacía el mes", ui_act_clear_cell, 0},
    {"t", {'t'}, CTX_GRID, "Llenar trimestre", 0, NULL, "Cronograma",
     "Marca con x los meses vacíos del trimestre del mes seleccionado", ui_act_fill_q, 0},
    {"T", {'T'}, CTX_GRID, "Vaciar trimestre", 0, NULL, "Cronograma",
     "Vacía los meses del trimestre del mes seleccionado", ui_act_clear_q, 0},
    {"y", {'y'}, CTX_ALL, "Llenar año", 0, NULL, "Cronograma",
     "Marca con x todos los meses vacíos del año", ui_act_fill_y, 0},
    {"Y", {'Y'}, CTX_ALL, "Vaciar año", 0, NULL, "Cronograma", "Vacía los doce meses",
     ui_act_clear_y, 0},
    {"c", {'c'}, CTX_ALL, "Copiar cronograma", 0, NULL, "Cronograma",
     "Copia los doce meses de la actividad", ui_act_copy, 0},
    {"p", {'p'}, CTX_ALL, "Pegar cronograma", 0, NULL, "Cronograma",
     "Pega los meses copiados; en una fila resumen, en todas sus actividades", ui_act_paste, 0},

    {"F1, ?", {KEY_F(1), '?'}, CTX_VISTAS, "Ayuda", 1, "Ayuda", "General",
     "Muestra esta lista de teclas", ui_act_help, 0},
    {"x", {'x'}, CTX_VISTAS, "Exportar", 0, NULL, "General",
     "Exporta a XLSX o a CSV: elige informe, corte, unidad y nombre del archivo",
     ui_act_exportar, 0},
    {"i", {'i'}, CTX_ALL, "Importar", 0, NULL, "General",
     "Importa un CSV (o libro) al plan: muestra lo que cambiaría y pide confirmación",
     ui_act_importar, 0},
    {"z", {'z'}, CTX_VISTAS, "Deshacer", 0, NULL, "General",
     "Deshace la última edición; otra vez, la anterior (borrar e importar no)",
     ui_act_deshacer, 0},
    {"Ctrl-L", {K_CTRL('l')}, CTX_VISTAS, "Redibujar", 0, NULL, "General",
     "Vuelve a dibujar la pantalla", ui_act_redraw, 0},
    {"q, F10", {'q', KEY_F(10)}, CTX_VISTAS, "Salir", 10, "Salir", "General",
     "Sale del programa (los cambios ya están guardados)", ui_act_quit, 0},

    /* ---- seguimiento (ui_seg.c, ui_tablero.c): keep this block last ---- */
    {"s", {'s'}, CTX_VISTAS, "Formulario", 0, NULL, "Seguimiento",
     "Formulario de seguimiento de la actividad seleccionada al corte actual", ui_act_seg_form, 0},
    {"S, F11", {'S', KEY_F(11)}, CTX_VISTAS, "Tabla de seguimiento", 11, "Seguim.", "Seguimiento",
     "Tabla de seguimiento de una unidad (la de la fila seleccionada)", ui_act_seg_tabla, 2},
    {"b, F12", {'b', KEY_F(12)}, CTX_VISTAS, "Tablero", 12, "Tablero", "Seguimiento",
     "Tablero: % de ejecución y semáforo por unidad, objetivo y eje", ui_act_seg_tablero, 2},
    {"Esc", {K_ESC}, CTX_SEG, "Volver", 0, NULL, "Seguimiento",
     "En seguimiento: vuelve a la pantalla anterior", ui_act_seg_volver, 0},
    {"Arriba, k", {KEY_UP, 'k'}, CTX_SEG, "Subir", 0, NULL, "Seguimiento",
     "En seguimiento: fila (o campo del formulario) anterior", ui_act_seg_up, 0},
    {"Abajo, j", {KEY_DOWN, 'j'}, CTX_SEG, "Bajar", 0, NULL, "Seguimiento",
     "En seguimiento: fila (o campo del formulario) siguiente", ui_act_seg_down, 0},
    {"Izquierda, h", {KEY_LEFT, 'h'}, CTX_TABLA, "Columna anterior", 0, NULL, "Seguimiento",
     "En la tabla: celda de la izquierda", ui_act_seg_left, 0},
    {"Derecha, l", {KEY_RIGHT, 'l'}, CTX_TABLA, "Columna siguiente", 0, NULL, "Seguimiento",
     "En la tabla: celda de la derecha", ui_act_seg_right, 0},
    {"RePág", {KEY_PPAGE, K_CTRL('b')}, CTX_SEG, "Página anterior", 0, NULL, "Seguimiento",
     "En seguimiento: sube una pantalla; en el formulario, actividad anterior", ui_act_seg_pgup, 0},
    {"AvPág", {KEY_NPAGE, K_CTRL('f')}, CTX_SEG, "Página siguiente", 0, NULL, "Seguimiento",
     "En seguimiento: baja una pantalla; en el formulario, actividad siguiente", ui_act_seg_pgdn, 0},
    {"Inicio, g", {KEY_HOME, 'g'}, CTX_SEG, "Primera fila", 0, NULL, "Seguimiento",
     "En seguimiento: primera fila", ui_act_seg_home, 0},
    {"Fin, G", {KEY_END, 'G'}, CTX_SEG, "Última fila", 0, NULL, "Seguimiento",
     "En seguimiento: última fila", ui_act_seg_end, 0},
    {"Enter, F2", {'\n', '\r', KEY_ENTER, KEY_F(2)}, CTX_SEG, "Editar", 2, "Editar", "Seguimiento",
     "Edita el campo o la celda (real, observaciones); en el tablero abre la unidad",
     ui_act_seg_enter, 0},
    {"0…9", {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9'}, CTX_TABLA, "Escribir real", 0,
     NULL, "Seguimiento", "En la tabla: empieza a escribir el real de la fila", ui_act_seg_digit, 0},
    {"r", {'r'}, CTX_FORM, "Real", 0, NULL, "Seguimiento",
     "En el formulario: edita el real acumulado", ui_act_seg_real, 0},
    {"o", {'o'}, CTX_FORM, "Observaciones", 0, NULL, "Seguimiento",
     "En el formulario: edita las observaciones (¶ separa párrafos)", ui_act_seg_obs, 0},
    {"v", {'v'}, CTX_FORM, "Evidencia", 0, NULL, "Seguimiento",
     "En el formulario: edita la evidencia", ui_act_seg_evid, 0},
    {"u, F9", {'u', KEY_F(9)}, CTX_TABLA, "Unidad", 9, "Unidad", "Seguimiento",
     "En la tabla: elige la unidad", ui_act_seg_unidad, 0},
    {"c, F4", {'c', KEY_F(4)}, CTX_SEG, "Corte", 4, "Corte", "Seguimiento",
     "En seguimiento: elige el corte (1 a 4)", ui_act_seg_corte, 0},
    {"K, F8", {'K', KEY_F(8)}, CTX_SEG, "Cerrar/reabrir corte", 8, "Cerrar", "Seguimiento",
     "Cierra el corte (congela sus valores); si está cerrado, lo reabre con un motivo",
     ui_act_seg_cerrar, 0},
    {"Tab, 1, 2, 3", {'\t', KEY_BTAB, '1', '2', '3'}, CTX_TABLERO, "Agrupar", 0, NULL,
     "Seguimiento", "En el tablero: por unidad (1), objetivo (2) o eje (3); Tab alterna",
     ui_act_tab_grupo, 0},
    {"o, F6", {'o', KEY_F(6)}, CTX_TABLERO, "Ordenar", 6, "Orden", "Seguimiento",
     "En el tablero: ordena por nombre o por % de ejecución", ui_act_tab_orden, 0},
};
const int UI_NKEYS = (int)POA_ARRAY_LEN(UI_KEYS);

bool ui_key_applies(const UiKey *k, const App *a)
{
    if (k->ctx == CTX_VISTAS)
        return true;
    if (a->vista == VISTA_PLAN)
        return k->ctx == CTX_ALL || k->ctx == (a->focus == FOCUS_TREE ? CTX_TREE : CTX_GRID);
    return k->ctx == CTX_SEG || (k->ctx == CTX_FORM && a->vista == VISTA_FORM) ||
           (k->ctx == CTX_TABLA && a->vista == VISTA_TABLA) ||
           (k->ctx == CTX_TABLERO && a->vista == VISTA_TABLERO);
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
        fprintf(out, "| %s | %s | %s |\n", k->teclas, k->accion, k->descripcion);
    }
}
