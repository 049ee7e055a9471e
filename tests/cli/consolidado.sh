#!/usr/bin/env bash
# consolidado.sh — one roll-up for every consumer: at every corte of both
# fixtures, the XLSX tablero (what the Consejo receives) and `poa verificar
# --json` give the same figure for the institution, every unit, eje and
# objetivo, and both equal an independent recomputation from the exported
# CSV (real ÷ programado acumulado of each due activity, capped at 100 %,
# averaged). At a corte where nothing was reported the tablero has no
# figure (gray), and says so under its title. The board on screen reads the same roll-up (screen/tablero.sh).
source "$(dirname "$0")/lib.bash"
PY=/usr/bin/python3
for fx in seguimiento2024_t3_caja.csv poa2024_ars_semma.csv; do
    db="$TMP/${fx%.csv}.db"
    expect_code 0 "$POA" importar "$db" "$POA_FIXTURES/$fx"
    for corte in 1 2 3 4; do
        expect_code 0 "$POA" verificar "$db" --corte "$corte" --json
        cp "$TMP/out" "$TMP/v.json"
        expect_code 0 "$POA" exportar "$db" --xlsx "$TMP/t.xlsx" --informe tablero --corte "$corte"
        expect_code 0 "$POA" exportar "$db" --csv "$TMP/c.csv" --corte "$corte"
        if "$PY" - "$TMP/v.json" "$TMP/t.xlsx" "$TMP/c.csv" "$fx" "$corte" >"$TMP/cmp" 2>&1 <<'PY'
import csv, json, sys
from collections import defaultdict
import openpyxl
vjson, xlsx, csvp, fx, corte = sys.argv[1:]
norm = lambda s: "".join(ch for ch in s if ch not in ". ")
v = json.load(open(vjson))["consolidado"]
# names repeat (one objetivo text under two ejes): lists in plan order, and
# the objetivos keyed by eje too for the recomputation
ver = {"unidad": [(norm(f["nombre"]), f["pct"]) for f in v["unidades"]],
       "eje": [(norm(f["nombre"]), f["pct"]) for f in v["ejes"]],
       "objetivo": [(norm(f["nombre"]), f["pct"]) for f in v["objetivos"]],
       "total": [("", v["institucion"]["pct"])]}
ver_key = {"unidad": [k for k, _ in ver["unidad"]], "eje": [k for k, _ in ver["eje"]],
           "objetivo": [norm(f["eje"]) + "|" + norm(f["nombre"]) for f in v["objetivos"]],
           "total": [""]}
# the XLSX tablero: sections "Por unidad", "Por eje…", "Por objetivo…", then the total
ws = openpyxl.load_workbook(xlsx).worksheets[0]
xl = defaultdict(list); sec = None
for row in ws.iter_rows(min_row=5, values_only=True):
    name, pct = row[0], row[6]
    if name is None:
        continue
    if name == "Por unidad": sec = "unidad"; continue
    if name.startswith("Por eje"): sec = "eje"; continue
    if name.startswith("Por objetivo"): sec = "objetivo"; continue
    if name.startswith("Total de la"):
        xl["total"].append(("", pct if isinstance(pct, (int, float)) else None))
        break
    if sec:
        xl[sec].append((norm(name), pct if isinstance(pct, (int, float)) else None))
# the tablero lists objetivos in code order, numbers compared in turn (O.E.1 <
# O.E.3 < 6), uncoded ones after, ties in plan order
import re
codigo = {}
for r in csv.DictReader(open(csvp)):
    codigo[norm((r["objetivo_codigo"] + " " + r["objetivo"]).strip() or "(sin objetivo estratégico)")] = r["objetivo_codigo"]
def ckey(i_nombre):
    c = codigo.get(i_nombre[1][0], "")
    nums = [int(n) for n in re.findall(r"\d+", c)]
    return (0 if nums else 1 if c else 2, nums, c, i_nombre[0])
orden = [i for i, _ in sorted(enumerate(ver["objetivo"]), key=ckey)]
ver["objetivo"] = [ver["objetivo"][i] for i in orden]
ver_key["objetivo"] = [ver_key["objetivo"][i] for i in orden]
# independent: real ÷ programado of each due activity, capped at 1, mean
def num(s):
    s = s.strip()
    return float(s[:-1]) / 100 if s.endswith("%") else float(s)
acc = defaultdict(list)
for r in csv.DictReader(open(csvp)):
    if r["estado"] not in ("reportada", "sin reporte"):
        due = False
    else:
        due = True
        prog = num(r["programado_acumulado"])
        real = num(r["real"]) if r["real"].strip() else 0.0
        if r.get("sentido") == "descendente":
            pct = 1.0 if real == 0 else prog / real
        else:
            pct = real / prog
        pct = min(pct, 1.0)
    obj = norm(r["eje"]) + "|" + norm((r["objetivo_codigo"] + " " + r["objetivo"]).strip()
                                     or "(sin objetivo estratégico)")
    for key in (("unidad", norm(r["unidad"])), ("eje", norm(r["eje"])), ("objetivo", obj), ("total", "")):
        if key == ("eje", ""):
            continue   # a plan without ejes: no eje figure
        acc[key].append(pct if due else None)
ind = defaultdict(dict)
for (lvl, k), vals in acc.items():
    due = [x for x in vals if x is not None]
    ind[lvl][k] = sum(due) / len(due) if due else None
# a corte where nothing was reported: the report has no figure at all (gray,
# «sin seguimiento registrado»), never the 0 % the roll-up computes
rows = list(csv.DictReader(open(csvp)))
con_datos = any(r[c].strip() for r in rows for c in ("real", "observaciones", "evidencia", "pct_publicado"))
bad = 0
if not con_datos:
    a3 = ws["A3"].value or ""
    if not a3.startswith("Sin seguimiento registrado al corte"):
        print(f"{fx} corte {corte}: A3 «{a3}»"); bad += 1
    for lvl in ("total", "unidad", "eje", "objetivo"):
        for k, px in xl[lvl]:
            if px is not None:
                print(f"{fx} corte {corte} {lvl} «{k}»: xlsx {px} sin seguimiento"); bad += 1
    print(f"{sum(len(xl[l]) for l in xl)} cifras sin seguimiento")
    sys.exit(1 if bad else 0)
def same(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-6)
for lvl in ("total", "unidad", "eje", "objetivo"):
    if [k for k, _ in ver[lvl]] != [k for k, _ in xl[lvl]]:
        print(f"{fx} corte {corte} {lvl}: verificar {ver[lvl]} ≠ xlsx {xl[lvl]}"); bad += 1
        continue
    for (k, pv), (_, px), key in zip(ver[lvl], xl[lvl], ver_key[lvl]):
        pi = ind[lvl].get(key, "falta")
        if not same(pv, px) or pi == "falta" or not same(pv, pi):
            print(f"{fx} corte {corte} {lvl} «{key}»: verificar {pv}, xlsx {px}, recalculado {pi}"); bad += 1
    if set(ver_key[lvl]) != set(ind[lvl]):
        print(f"{fx} corte {corte} {lvl}: grupos recalculados {sorted(set(ind[lvl]) - set(ver_key[lvl]))} faltan"); bad += 1
print(f"{sum(len(ver[l]) for l in ver)} cifras")
sys.exit(1 if bad else 0)
PY
        then ok; else bad "cifras distintas ($fx, corte $corte):"; cat "$TMP/cmp" >&2; fi
    done
done
finish
