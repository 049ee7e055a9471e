#!/usr/bin/env bash
# render_nav.sh — the real-terminal smoke test: in tmux, the ARS plan renders
# (tree, grid, accents), takes keys and exits with 0; and the scripted mode
# (POA_GUION) draws the same screens, character for character, for the same
# keys. Everything else on screen is tested by the scripted tests
# (tests/guion/render_nav.sh & co.).
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
start nav 120 40

has 'POA 2024 · ARS SEMMA'
has '│1er.Trim.│2do.Trim.│3er.Trim.│4to.Trim.│'
has '├─▾ Financiero (1)'
has '1.1 Alianza estratégica con el MINERD'
has '│ x     x │ x  x    │ x     x │ x  x  x │'      # 1.1's months
has 'Departamento de Afiliación: Optimizar'
has '1/297'
keys Down Down Down Down
wait_for 'Actividad 1.1 · Departamento de Afiliación'
keys Tab
wait_for 'Plan (cronograma)'
settle
screen | sed 's/ *$//' >"$tmp/tmux1.txt"
keys F1
wait_for 'Ayuda: teclas de poa'
settle
screen | sed 's/ *$//' >"$tmp/tmux2.txt"
keys Escape Tab
wait_for 'Plan (árbol)'
keys /
wait_for 'Buscar:'
type_text 'afiliacion'
keys Enter
wait_for '«afiliacion»: 3 de 9 · n siguiente'
quit

rm -rf "$XDG_STATE_HOME"   # the scripted run opens as the tmux one did: nothing remembered
printf 'Down Down Down Down Tab\n:pantalla %s\nF1\n:pantalla %s\nEscape Tab q\n' \
    "$tmp/guion1.txt" "$tmp/guion2.txt" >"$tmp/s.guion"
POA_GUION="$tmp/s.guion" POA_GUION_TAMANO=120x40 "$POA" "$tmp/plan.db" >/dev/null || fail "el guion falló"
cur=
diff "$tmp/tmux1.txt" "$tmp/guion1.txt" || fail "el cronograma difiere entre tmux y el guion"
diff "$tmp/tmux2.txt" "$tmp/guion2.txt" || fail "la ayuda difiere entre tmux y el guion"
