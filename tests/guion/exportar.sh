#!/usr/bin/env bash
# exportar.sh — the export dialog (x) on the Caja at corte 3 (config.ini):
# the seguimiento XLSX for corte 3 read back with xlsx-inspect (AO.6.1
# Comercialización 479 / 1565 = 0.306, headers with accents), the CSV with
# cálculos (a row checked), replacing a file only after asking, and a
# folder that does not exist: the Spanish error and no file. Then the title
# and the bottom bar of every view at 80×24.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
import_fixture seguimiento2024_t3_caja.csv
printf '[plan]\ncorte = 3\n' >"$tmp/config.ini"

# (the session runs in $tmp, where the dialog proposes to write)
start_cfg() { start_with "$1" "$2" "$3" --config "$tmp/config.ini" "$tmp/plan.db"; }
# file_name PATH: in the dialog, edit the file name and go to [ Exportar ]
file_name() {
    keys Down Down Down Enter
    wait_for 'Archivo:'
    keys C-u
    type_text "$1"
    keys Enter
    wait_gone 'Archivo:'
}

start_cfg exp 120 40
# the dialog: defaults from the screen (Todo, corte 3, all units, a name here)
keys x
wait_for 'Exportar para el Consejo Directivo'
has 'Informe  ◂ Todo ▸'
has 'Corte    ◂ 3 JUL-SEP (abierto) ▸'
has 'Unidad   ◂ Todas ▸'
has 'Archivo  informe-2024-T3.xlsx'
has "en $tmp"
# Seguimiento (two to the right); the name follows the choice
keys Right Right
wait_for 'Informe  ◂ Seguimiento ▸'
has 'Archivo  seguimiento-2024-T3.xlsx'
file_name "$tmp/seg.xlsx"
has "Archivo  $tmp/seg.xlsx"
keys Enter
wait_for "Informe escrito en «$tmp/seg.xlsx» (1 hoja)"
hasnt 'Exportar para el Consejo Directivo'
# checks on files run after the session, on the files as it left them
check '[ -f "$tmp/seg.xlsx" ] || fail "no se escribió seg.xlsx"; seg_ok'
seg_ok() {
"$POA_TOOLS/xlsx-inspect" --json "$tmp/seg.xlsx" >"$tmp/seg.json"
JSON="$tmp/seg.json" $PY - <<'PYEOF' || fail "seg.xlsx no es el seguimiento del corte 3"
import json, os, sys
d = json.load(open(os.environ["JSON"]))
bad = []
if d["sheet_names"] != ["Seguimiento EN-SEP"]:
    bad.append(d["sheet_names"])
cells = {c["cell"]: c for c in d["sheets"][0]["cells"]}
if cells["B4"]["value"] != "ACCIÓN OPERATIVA" or cells["K4"]["value"] != "% EJECUCIÓN EN-SEP":
    bad.append((cells["B4"]["value"], cells["K4"]["value"]))
hit = [c for c in d["sheets"][0]["cells"] if c["cell"].startswith("J") and c["value"] == 479]
if len(hit) != 1:
    bad.append("AO.6.1 Comercialización: %d filas con real 479" % len(hit))
else:
    row = hit[0]["cell"][1:]
    if cells["A" + row]["value"] != "AO.6.1" or abs(cells["K" + row]["cached"] - 479 / 1565) > 1e-9:
        bad.append((cells["A" + row], cells["K" + row]))
if bad:
    print(bad, file=sys.stderr)
    sys.exit(1)
PYEOF
}

# the flat CSV with cálculos at corte 3: one to the left of Todo
keys x
wait_for 'Exportar para el Consejo Directivo'
keys Left
wait_for 'Informe  ◂ Plantilla CSV con cálculos ▸'
has 'Archivo  plan-2024-T3.csv'
file_name "$tmp/plan.csv"
keys Enter
wait_for "Plantilla escrita en «$tmp/plan.csv» (89 actividades)"
check <<'C'
head -1 "$tmp/plan.csv" | grep -q ',programado_acumulado,pct_ejecucion,semaforo,estado$' ||
    fail "cabecera del CSV: $(head -1 "$tmp/plan.csv")"
grep -F ',AO.6.1,Realizar la venta del Seguro de Vida Opcional.,' "$tmp/plan.csv" |
    grep -q ',3,479,31%,.*,1565,31%,rojo,reportada$' || fail "fila AO.6.1 del CSV"
C

# the same name again: asks before replacing; No leaves the file, Sí writes
keys x
wait_for 'Exportar para el Consejo Directivo'
keys Left
file_name "$tmp/plan.csv"
keys Enter
wait_for "Ya existe «$tmp/plan.csv»."
has '¿Reemplazarlo?'
keys n
wait_for "No se exportó: «$tmp/plan.csv» queda como estaba"
keys x
wait_for 'Exportar para el Consejo Directivo'
keys Left
file_name "$tmp/plan.csv"
keys Enter
wait_for '¿Reemplazarlo?'
keys s
wait_for "Plantilla escrita en «$tmp/plan.csv» (89 actividades)"
check <<'C'
[ "$(head -1 "$tmp/plan.csv" | cut -c1-11)" = institucion ] || fail "plan.csv reemplazado"
C

# a folder that does not exist: Spanish error, nothing written
keys x
wait_for 'Exportar para el Consejo Directivo'
file_name "$tmp/no-existe/informe.xlsx"
keys Enter
wait_for "No se exportó: la carpeta «$tmp/no-existe» no existe"
check <<'C'
[ ! -e "$tmp/no-existe" ] || fail "se creó algo en no-existe"
! ls "$tmp" | grep -q 'tmp-' || fail "quedó un archivo temporal: $(ls "$tmp")"
C
# Esc cancels without writing
keys x
wait_for 'Exportar para el Consejo Directivo'
keys Escape
wait_for 'Exportación cancelada'
check <<'C'
[ ! -e "$tmp/informe-2024-T3.xlsx" ] || fail "Esc escribió el informe"
C

# 80×24: the corte stays in the title, the institution is cut; no labels
# run together in the bottom bar ("F6HijoF7Mover"); x works there too
resize 80 24
wait_for 'Corte 3 JUL-SEP (abierto)'
check_80() {
    local t b
    t=$(line 1)
    b=$(line 24)
    echo "$t" | grep -q 'Corte 3 JUL-SEP (abierto)' || fail "$1: título sin el corte: $t"
    echo "$b" | grep -qE 'F[0-9]+[^ ]+F[0-9]' && fail "$1: barra pegada: $b"
    echo "$b" | grep -q 'F1Ayuda' || fail "$1: barra: $b"
    echo "$b" | grep -q 'F10Salir' || fail "$1: barra sin F10: $b"
}
check 'check_80 plan'
check <<'C'
line 1 | grep -q '^ POA 2024 · Caja Mutual de los Empl… · Unidad: todas · Corte 3' ||
    fail "título del plan: $(line 1)"
C
keys x
wait_for 'Exportar para el Consejo Directivo'
has 'Archivo  informe-2024-T3.xlsx'
keys Escape
wait_gone 'Exportar para el Consejo Directivo'
keys b
wait_for ' Tablero · Corte 3'
check 'check_80 tablero'
check <<'C'
line 1 | grep -q '· Caja Mutual .*… 2024' || fail "título del tablero: $(line 1)"
C
keys Enter
wait_for 'Seguimiento · Corte 3'
check 'check_80 tabla'
keys Escape
wait_for ' Tablero · Corte 3'
keys Escape
wait_for 'Plan (árbol)'
keys /
type_text 'Seguro de Vida Opcional'
keys Enter
wait_for 'Actividad AO.6.1 · Comercialización'
keys s
wait_for 'Formulario de seguimiento · Corte 3'
check 'check_80 formulario'
keys Escape
wait_for 'Plan (árbol)'
quit
