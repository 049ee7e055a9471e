#!/usr/bin/env bash
# tablero_cifras.sh — the board on screen shows, for every unit, objetivo and
# eje, the same whole % as `poa verificar --json` (and so as the XLSX report:
# tests/cli/consolidado.sh), at every corte of both fixtures: the three read
# one roll-up (calc_rollup).
set -u
: "${POA:?run through ctest}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_STATE_HOME="$tmp/estado"   # what the interface remembers stays here
fails=0 passes=0
for fx in seguimiento2024_t3_caja.csv poa2024_ars_semma.csv; do
    db="$tmp/${fx%.csv}.db"
    "$POA" importar "$db" "$POA_FIXTURES/$fx" >/dev/null 2>&1 || { echo "FALLA: importar $fx"; exit 1; }
    for corte in 1 2 3 4; do
        printf '[plan]\ncorte = %d\n' "$corte" >"$tmp/config.ini"
        # the board's three groupings, each dumped
        printf 'b\n:pantalla %s/u.txt\n2\n:pantalla %s/o.txt\n3\n:pantalla %s/e.txt\n' \
            "$tmp" "$tmp" "$tmp" >"$tmp/guion"
        (cd "$tmp" && POA_GUION="$tmp/guion" POA_GUION_TAMANO=200x60 timeout 60 \
            "$POA" --config "$tmp/config.ini" "$db" >/dev/null 2>"$tmp/err") \
            || { echo "FALLA: la interfaz ($fx, corte $corte): $(cat "$tmp/err")"; exit 1; }
        "$POA" verificar "$db" --corte "$corte" --json >"$tmp/v.json" 2>/dev/null
        if /usr/bin/python3 - "$tmp" "$fx" "$corte" <<'PY'
import json, math, re, sys
tmp, fx, corte = sys.argv[1:]
v = json.load(open(f"{tmp}/v.json"))["consolidado"]
def entero(p):   # calc_pct_entero: half away from zero
    return None if p is None else int(math.floor(p * 100 + 0.5 + 1e-9))
NAME_W = 40   # the board's name column at 200 columns (ui_tablero.c: W / 4, at most 40)
def board(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        m = re.search(r"(?:(\d+) %|— %) ●", line[NAME_W:])
        if line.startswith(" ") and m and not line.startswith(" Tablero"):
            name = line[1:NAME_W].strip().rstrip("…")
            rows.append((name, None if m.group(1) is None else int(m.group(1))))
    return rows
bad = 0
for shot, key in (("u", "unidades"), ("o", "objetivos"), ("e", "ejes")):
    want = [(f["nombre"], entero(f["pct"])) for f in v[key]]
    got = board(f"{tmp}/{shot}.txt")
    for name, pct in want:
        hits = [g for g in got if name.startswith(g[0]) or g[0].startswith(name)]
        if not hits:
            print(f"{fx} corte {corte} {key}: «{name}» no está en el tablero"); bad += 1
        elif all(h[1] != pct for h in hits):
            print(f"{fx} corte {corte} {key}: «{name}» tablero {[h[1] for h in hits]}, verificar {pct}"); bad += 1
sys.exit(1 if bad else 0)
PY
        then passes=$((passes + 1)); else fails=$((fails + 1)); fi
    done
done
echo "$passes passed, $fails failed"
[ "$fails" = 0 ]
