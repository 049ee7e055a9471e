#!/usr/bin/env bash
# captura.sh — the capture workbooks in the interface: the export dialog (x)
# offers «Captura por unidad» and writes one workbook per unit into a folder
# (each recorded in table captura); a filled workbook imported with `poa
# importar` is one action that z undoes whole: after the session the plan's
# CSV is what it was before the import.
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
UNIDAD="$PY $POA_SRC/tests/tools/captura_unidad.py"
# the plan with only the targets of the Caja
$PY - "$POA_FIXTURES/seguimiento2024_t3_caja.csv" "$tmp/metas.csv" <<'PYEOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    for r in rows:
        for k in ("corte", "real", "pct_publicado", "observaciones"):
            r[k] = ""
        w.writerow(r)
PYEOF
"$POA" importar "$tmp/plan.db" "$tmp/metas.csv" >/dev/null || fail "importar metas"
printf '[plan]\ncorte = 3\n' >"$tmp/config.ini"
"$POA" exportar "$tmp/plan.db" --csv "$tmp/antes.csv" --corte 3 >/dev/null || fail "exportar antes"
"$POA" exportar "$tmp/plan.db" --xlsx "$tmp/uaip.xlsx" --informe captura --corte 3 \
    --unidad UAIP >/dev/null || fail "exportar la captura de UAIP"
$UNIDAD llenar "$tmp/uaip.xlsx" "$POA_FIXTURES/seguimiento2024_t3_caja.csv" >/dev/null || fail "llenar"
$UNIDAD poner "$tmp/uaip.xlsx" L9 "Solicitudes atendidas fuera de plazo; se refuerza el turno." ||
    fail "poner la causa"
"$POA" importar "$tmp/plan.db" "$tmp/uaip.xlsx" >"$tmp/imp.txt" 2>&1 || fail "importar: $(cat "$tmp/imp.txt")"
grep -qF 'resumen: nuevo real 7' "$tmp/imp.txt" || fail "importar: $(cat "$tmp/imp.txt")"
grep -qF 'también observaciones, causa' "$tmp/imp.txt" || fail "la causa no se tomó: $(cat "$tmp/imp.txt")"

start_with cap 120 40 --config "$tmp/config.ini" "$tmp/plan.db"
keys x
wait_for 'Exportar para el Consejo Directivo'
keys Right Right Right Right
wait_for 'Informe  ◂ Captura por unidad ▸'
has 'Archivo  captura-2024-T3 '
has 'XLSX que llena cada unidad'
keys Down Down Down Down Enter
wait_for 'Captura del corte 3 escrita en «captura-2024-T3» (8 libros)'
# the import of the filled workbook: one action, undone whole
keys z
wait_for 'Deshecho: Captura «'
quit

[ -f "$tmp/captura-2024-T3/captura-2024-T3-UAIP.xlsx" ] || fail "no se escribió la carpeta: $(ls "$tmp")"
[ "$(ls "$tmp/captura-2024-T3" | wc -l)" = 8 ] || fail "libros: $(ls "$tmp/captura-2024-T3")"
"$POA" exportar "$tmp/plan.db" --csv "$tmp/despues.csv" --corte 3 >/dev/null || fail "exportar después"
cmp -s "$tmp/antes.csv" "$tmp/despues.csv" || fail "el CSV cambió: $(diff "$tmp/antes.csv" "$tmp/despues.csv" | head -5)"
$PY - "$tmp/plan.db" <<'PYEOF' || fail "tabla captura"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT count(*) FROM captura").fetchone()[0]
if n != 9:
    sys.exit(f"{n} filas en captura, se esperaban 9")
# the cause went back too (corte3.causa undone)
c = db.execute("SELECT count(*) FROM seguimiento WHERE causa != ''").fetchone()[0]
sys.exit(0 if c == 0 else f"{c} causas quedaron tras deshacer")
PYEOF
# the seguimiento form shows the cause a unit sent (read-only for now)
"$POA" exportar "$tmp/plan.db" --xlsx "$tmp/co.xlsx" --informe captura --corte 3 \
    --unidad "Comercialización" >/dev/null || fail "exportar la captura de Comercialización"
$UNIDAD poner "$tmp/co.xlsx" J22 479 || fail "poner el real"
$UNIDAD poner "$tmp/co.xlsx" L22 "Cierre de dos agencias; campaña en octubre." || fail "poner la causa"
"$POA" importar "$tmp/plan.db" "$tmp/co.xlsx" >"$tmp/imp2.txt" 2>&1 || fail "importar: $(cat "$tmp/imp2.txt")"
start_with form 120 40 --config "$tmp/config.ini" "$tmp/plan.db"
keys /
type_text 'Seguro de Vida Opcional'
keys Enter
wait_for 'Actividad AO.6.1 · Comercialización'
keys s
wait_for 'Formulario de seguimiento · Corte 3 JUL-SEP (abierto) · Comercialización'
check <<'C'
row 'Causa y medida correctiva' | grep -qF 'Cierre de dos agencias; campaña en octubre.' ||
    fail "causa: $(row 'Causa y medida correctiva')"
C
quit
echo "captura: ok"
