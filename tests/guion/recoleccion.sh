#!/usr/bin/env bash
# recoleccion.sh — «¿Quién falta?» (W) on the Caja at corte 3 with capture
# rows written as the export and import would, at 80×24 and 120×30: one row
# per unit with its state (vencida past [captura] fecha_limite_3 with
# POA_HOY), sin reporte, sin causa and the board's %; o cycles the order;
# Enter opens that unit's table, Esc comes back, Esc again to the plan; W
# from the board; c changes the corte; without UTF-8 the marks in ASCII.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
sqlite3 "$tmp/plan.db" "
INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella, recibida_en, recibida_de)
  VALUES (1, (SELECT id FROM unidad WHERE nombre = 'Comercialización'), 3, '2024-10-01 09:00:00',
          'captura-comercializacion-3.xlsx', 'h1', '2024-10-09 16:30:00', 'devuelto/comercializacion.xlsx');
INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella)
  VALUES (1, (SELECT id FROM unidad WHERE nombre = 'Logística y Activos'), 3, '2024-10-01 09:00:00',
          'captura-logistica-3.xlsx', 'h2');
INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella)
  VALUES (1, (SELECT id FROM unidad WHERE nombre = 'Operaciones'), 2, '2024-07-01 09:00:00',
          'captura-operaciones-2.xlsx', 'h3');" || fail "capturas"
printf '[plan]\ncorte = 3\n[captura]\nfecha_limite_3 = 15/10/2024\n' >"$tmp/config.ini"
guion_env=(POA_HOY=2024-10-16)
start_cfg() { start_with "$1" "$2" "$3" --config "$tmp/config.ini" "$tmp/plan.db"; }

start_cfg rec 80 24
keys W
wait_for ' ¿Quién falta? · Corte 3 JUL-SEP (abierto)'
has 'Esc: volver'
has ' Fecha límite: 15/10/2024 · hoy: 16/10/2024 · Orden: nombre (o)'
has ' Devueltas 1 · pendientes 0 · vencidas 1 · no enviadas 6 de 8 — sin reporte 4 ·'
has 'sin causa 7 · Institución 90 % ●V'
check <<'C'
line 5 | grep -qE '^ Unidad +Enviada +Devuelta +Estado +S/rep\. S/causa +%$' || fail "cabecera: $(line 5)"
[ "$(screen | sed -n '6,13p' | wc -l)" = 8 ] || fail "ocho unidades"
line 6 | grep -qE '^ Auditoría Interna +— +— +no enviada +1 +0 +83 % ●V$' || fail "Auditoría: $(line 6)"
line 7 | grep -qE '^ Comercialización +01/10/2024 09/10/2024 devuelta +0 +5 +88 % ●V$' || fail "Comercialización: $(line 7)"
row ' Logística y Activos' | grep -qE '01/10/2024 — +vencida +0 +0 +100 % ●V$' || fail "Logística: $(row ' Logística')"
row ' Planificación y Des' | grep -qE 'no enviada +3 +0 +80 % ●V$' || fail "Planificación: $(row ' Planificación')"
line 13 | grep -q '^ UAIP ' || fail "UAIP al final: $(line 13)"
C
# every unit's % is the board's: read both screens
shot rec_f
has ' Auditoría Interna: no se le envió libro de captura para este corte y la fecha'
has ' 1/8'
keys b
wait_for 'Tablero · Corte 3'
check <<'C'
for u in 'Auditoría Interna' 'Comercialización' 'Desarrollo Humano' 'Operaciones' 'UAIP'; do
    t=$(row " $u" | grep -oE '[0-9]+ % ●[VAR]')
    w=$(row_in "$rec_f" " $u" | grep -oE '[0-9]+ % ●[VAR]')
    [ -n "$t" ] && [ "$t" = "$w" ] || fail "$u: tablero «$t», ¿quién falta? «$w»"
done
C
# W from the board too; o cycles the orders, the selection follows its unit
keys W
wait_for ' ¿Quién falta? · Corte 3'
keys Down
wait_for ' Comercialización: enviada captura-comercializacion-3.xlsx (01/10/2024 09:00);'
has 'devuelta 09/10/2024 16:30 de devuelto/comercializacion.xlsx.'
keys o
wait_for 'Ordenado por estado (vencidas primero)'
check <<'C'
line 6 | grep -q '^ Logística y Activos .* vencida ' || fail "vencida primero: $(line 6)"
line 13 | grep -q '^ Comercialización .* devuelta ' || fail "devuelta al final: $(line 13)"
C
has ' 8/8'
keys o
wait_for 'Ordenado por % de ejecución (menor primero)'
check <<'C'
line 6 | grep -q '^ Planificación y Des.* 80 % ●V$' || fail "menor % primero: $(line 6)"
C
keys o
wait_for 'Ordenado por sin reporte (más primero)'
check <<'C'
line 6 | grep -q '^ Planificación y Des.* 3 ' || fail "más sin reporte primero: $(line 6)"
line 7 | grep -q '^ Auditoría Interna ' || fail "luego Auditoría: $(line 7)"
C
keys o
wait_for 'Ordenado por nombre'
has ' 2/8'
# Enter: Comercialización's table; Esc back here, on the same unit; Esc to the plan
keys Enter
wait_for 'Seguimiento · Corte 3 JUL-SEP (abierto) · Comercialización'
has 'AO.6.1 '
keys Escape
wait_for ' ¿Quién falta? · Corte 3'
has ' 2/8'
keys Escape
wait_for 'Plan (árbol)'
hasnt '¿Quién falta?'
# c: the corte; at corte 2 Operaciones' capture is the only one sent (no deadline)
keys W c
wait_for 'Corte (trimestre acumulado)'
keys Up Enter
wait_for ' ¿Quién falta? · Corte 2 ABR-JUN (abierto)'
has ' Sin fecha límite ([captura] fecha_limite_2) · hoy: 16/10/2024'
check <<'C'
row ' Operaciones' | grep -qE '01/07/2024 — +pendiente ' || fail "corte 2: $(row ' Operaciones')"
row ' Comercialización' | grep -q 'no enviada' || fail "corte 2: $(row ' Comercialización')"
C
quit

# wide: the times of the capture beside the dates
start_cfg ancha 120 30
keys W
wait_for ' ¿Quién falta? · Corte 3'
check <<'C'
row ' Comercialización' | grep -qE '01/10/2024 09:00 +09/10/2024 16:30 +devuelta ' || fail "ancha: $(row ' Comercialización')"
row ' Planificación y Desarrollo Institucional' | grep -q 'no enviada' || fail "nombre entero: $(row ' Planificación')"
C
quit

# without UTF-8 the marks read in ASCII (the help lists W: help_keys.sh)
guion_env=(POA_HOY=2024-10-16 LC_ALL=C)
start_cfg ascii 80 24
keys W
wait_for ' ?Quien falta? . Corte 3 JUL-SEP (abierto)'
has ' Fecha limite: 15/10/2024 . hoy: 16/10/2024'
check <<'C'
row ' Comercializacion' | grep -qE 'devuelta +0 +5 +88 % \*V$' || fail "ASCII: $(row ' Comercializacion')"
C
quit
