#!/usr/bin/env bash
# f10_editor.sh — F10 with a dialog open asks, visibly, whether to leave:
# in the line editor «¿Descartarla y salir del programa?», n goes back to
# the edit with what was typed, F10 asks again and s leaves without saving
# it; in a list (E, m), the export dialog and the import question the same:
# n goes back to the dialog, s (or F10 once more) leaves having done nothing. The file keeps what it had (poa
# exportar before = after).
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
"$POA" exportar "$tmp/plan.db" --csv "$tmp/antes.csv" >/dev/null || fail "exportar antes"

start editor 80 24
keys Down Down Down Down e
wait_for 'Texto:'
keys C-u
type_text 'Texto a medias'
keys F10
wait_for '¿Descartarla y salir del programa?'
has 'Hay una edición abierta.'
has '[s] o F10 Sí    [n] No (Esc)'
keys n
wait_gone '¿Descartarla y salir del programa?'
check <<'C'
line 23 | grep -q '^Texto: Texto a medias' || fail "la edición no volvió: $(line 23)"
C
keys F10
wait_for '¿Descartarla y salir del programa?'
keys s
end 0
grep -qF 'Texto a medias' "$tmp/final.txt" && fail "la edición descartada se ve al salir"
"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" >/dev/null || fail "exportar después"
cmp -s "$tmp/antes.csv" "$tmp/despues.csv" || fail "el plan cambió"

start lista 80 24
keys Down Down Down Down E
wait_for 'Campo a editar'
keys F10
wait_for '¿Cerrarla y salir del programa?'
has 'Hay una lista abierta: no se eligió nada.'
keys n
wait_gone '¿Cerrarla y salir del programa?'
has 'Campo a editar'
# the list still works: its filter and Esc
type_text 'Presup'
wait_for '(2 de '
keys Escape
wait_gone 'Campo a editar'
# the move list: F10 twice leaves
keys m
wait_for 'Mover actividad a…'
keys F10
wait_for '¿Cerrarla y salir del programa?'
keys F10
end 0
"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" >/dev/null || fail "exportar después"
cmp -s "$tmp/antes.csv" "$tmp/despues.csv" || fail "el plan cambió"

# the export dialog and the import question ask the same
start exportar 80 24
keys x
wait_for 'Exportar para el Consejo Directivo'
keys F10
wait_for '¿Cancelarla y salir del programa?'
has 'La exportación no empezó.'
keys n
wait_gone '¿Cancelarla y salir del programa?'
has 'Exportar para el Consejo Directivo'
keys F10 F10
end 0
[ -z "$(ls "$tmp" | grep -i '\.xlsx$')" ] || fail "se escribió un informe: $(ls "$tmp")"
head -2 "$POA_FIXTURES/poa2024_ars_semma.csv" >"$tmp/uno.csv"
start importar 80 24
keys i
wait_for 'Importar (CSV o libro de cálculo):'
keys C-u
type_text "$tmp/uno.csv"
keys Enter
wait_for '¿Importar? (s/n)'
keys F10
wait_for '¿Cancelarla y salir del programa?'
has 'La importación no se hizo: nada cambió.'
keys s
end 0
"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" >/dev/null || fail "exportar después"
cmp -s "$tmp/antes.csv" "$tmp/despues.csv" || fail "el plan cambió"
