#!/usr/bin/env bash
# exportar_sin_seguimiento.sh — the export dialog (x) on ARS SEMMA, which has
# no seguimiento: «Todo» writes the POA alone (with the verification sheet)
# and the status line says why; «Tablero» asked for writes it, and says the
# figures are gray. Both files read back with xlsx-inspect.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
import_fixture poa2024_ars_semma.csv

start exp 200 40
keys x
wait_for 'Exportar para el Consejo Directivo'
has 'Informe  ◂ Todo ▸'
keys Down Down Down Enter
wait_for 'Archivo:'
keys C-u
type_text "$tmp/todo.xlsx"
keys Enter
wait_gone 'Archivo:'
keys Enter
wait_for "Solo el POA en «$tmp/todo.xlsx»: sin seguimiento registrado al corte 1 (2 hojas, con observaciones de verificación)"
# the tablero by name: three to the right of Todo
keys x
wait_for 'Exportar para el Consejo Directivo'
keys Right Right Right
wait_for 'Informe  ◂ Tablero ▸'
keys Down Down Down Enter
wait_for 'Archivo:'
keys C-u
type_text "$tmp/tablero.xlsx"
keys Enter
wait_gone 'Archivo:'
keys Enter
wait_for "Informe escrito en «$tmp/tablero.xlsx» (1 hoja, en gris: sin seguimiento)"
check <<'C'
"$POA_TOOLS/xlsx-inspect" --json "$tmp/todo.xlsx" >"$tmp/todo.json" || fail "xlsx-inspect todo.xlsx"
"$POA_TOOLS/xlsx-inspect" --json "$tmp/tablero.xlsx" >"$tmp/tablero.json" || fail "xlsx-inspect tablero.xlsx"
T="$tmp" $PY - <<'PYEOF' || fail "los libros no son los esperados"
import json, os, sys
T = os.environ["T"]
a = json.load(open(T + "/todo.json"))
b = json.load(open(T + "/tablero.json"))
bad = []
if a["sheet_names"] != ["POA 2024", "Observaciones de verificación"]:
    bad.append(a["sheet_names"])
if b["sheet_names"] != ["Tablero EN-MAR"]:
    bad.append(b["sheet_names"])
if any(c["cell"].startswith("G") and c["kind"] == "n" for c in b["sheets"][0]["cells"]):
    bad.append("a % on the gray board")
if bad:
    print(bad, file=sys.stderr)
    sys.exit(1)
PYEOF
C
quit
