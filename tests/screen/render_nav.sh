#!/usr/bin/env bash
# render_nav.sh — the real-terminal smoke test: in tmux, the ARS plan renders
# (tree, grid, accents), takes keys and exits with 0. Everything else on
# screen is tested by the scripted tests (tests/guion/render_nav.sh & co.).
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
keys /
wait_for 'Buscar:'
type_text 'afiliacion'
keys Enter
wait_for '«afiliacion»: n siguiente'
quit
