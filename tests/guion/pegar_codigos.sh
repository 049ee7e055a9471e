#!/usr/bin/env bash
# pegar_codigos.sh — an entregable copied (C) and pasted (V) in its own
# meta gets a free code (1 → 4 in Operaciones de Afiliación, whose only meta
# has entregables 1–3) and its actividades follow it (1.1 → 4.1…): they used
# to keep 1.1, 1.2, 1.3, the codes of the originals in the same unit, and
# `poa verificar` warned the references by code were ambiguous.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
"$POA" verificar "$tmp/plan.db" >"$tmp/ver0.txt" 2>&1 || true
start pegar_codigos 120 40
keys /
type_text 'Mejoras internas gestionadas'
keys Enter
wait_for 'Entregable 1 · Operaciones de Afiliación'
keys C /
type_text 'Módulo de gestión de Exclusion'
keys Enter Down Down Down
wait_for 'Actividad 3.3 · Operaciones de Afiliación'
keys V
wait_for 'Pegado: entregable «4 Mejoras internas gestionadas del Sistem…» (con 3 actividades); 1 código ya usado, cambiado'
keys Down Down Down
wait_for 'Actividad 4.3 · Operaciones de Afiliación'
check <<'C'
[ "$(screen | grep -c '─▾ 4 Mejoras internas gestionadas')" = 1 ] || fail "sin entregable 4: $(screen | grep 'Mejoras')"
n=$(screen | grep -cE '─  4\.[123] ')
[ "$n" = 3 ] || fail "las actividades no son 4.1–4.3 ($n): $(screen | sed -n 20,36p)"
C
keys z
wait_for 'Deshecho: Pegar entregable'
quit
"$POA" verificar "$tmp/plan.db" >"$tmp/ver1.txt" 2>&1 || true
cmp -s "$tmp/ver0.txt" "$tmp/ver1.txt" || fail "z dejó otra verificación"
# the paste redone: no code repeated in the unit
"$POA" verificar "$tmp/plan.db" >/dev/null 2>&1 || true
start pegar_codigos_rehacer 120 40
keys C-r
wait_for 'Rehecho: Pegar entregable'
quit
"$POA" verificar "$tmp/plan.db" >"$tmp/ver2.txt" 2>&1 || true
! grep -A4 '^Operaciones de Afiliación' "$tmp/ver2.txt" | grep -qF 'se repite en la unidad' \
    || fail "verificar: $(grep -A4 '^Operaciones de Afiliación' "$tmp/ver2.txt")"
