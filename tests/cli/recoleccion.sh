#!/bin/bash
# recoleccion.sh — poa recoleccion / collection on the Caja at corte 3 with
# capture rows written as the export and import would: the Spanish table and
# its totals, --json (stable keys), the four orders, «vencida» with POA_HOY
# past [captura] fecha_limite_3 of a config file, the default corte, and
# exit 2 on a bad corte, order or POA_HOY. Reading never changes the file.
source "$(dirname "$0")/lib.bash"
DB="$TMP/caja.db"
require expect_code 0 "$POA" importar "$DB" "$POA_FIXTURES/seguimiento2024_t3_caja.csv"
# unit ids of the Caja: 1 Logística y Activos, 3 Comercialización, 6 Operaciones
require check "capturas" sqlite3 "$DB" "
INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella, recibida_en, recibida_de)
  VALUES (1, (SELECT id FROM unidad WHERE nombre = 'Comercialización'), 3, '2024-10-01 09:00:00',
          'captura-comercializacion-3.xlsx', 'h1', '2024-10-09 16:30:00', 'devuelto/comercializacion.xlsx');
INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella)
  VALUES (1, (SELECT id FROM unidad WHERE nombre = 'Logística y Activos'), 3, '2024-10-01 09:00:00',
          'captura-logistica-3.xlsx', 'h2');
INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella, recibida_en, recibida_de)
  VALUES (1, (SELECT id FROM unidad WHERE nombre = 'Operaciones'), 3, '2024-10-01 09:00:00',
          'captura-operaciones-3.xlsx', 'h3', '2024-10-05 10:00:00', 'vuelta1.xlsx');
INSERT INTO captura (plan_id, unidad_id, corte, enviada_en, archivo, huella)
  VALUES (1, (SELECT id FROM unidad WHERE nombre = 'Operaciones'), 3, '2024-10-07 11:15:00',
          'captura-operaciones-3-b.xlsx', 'h4');"
cp "$DB" "$TMP/antes.db"
printf '[captura]\nfecha_limite_3 = 15/10/2024\n' >"$TMP/plazo.ini"
printf '[captura]\n' >"$TMP/sin.ini"

# the table, before the deadline: nothing late; the default corte is 3
POA_HOY=2024-10-15 expect_code 0 "$POA" --config "$TMP/plazo.ini" recoleccion "$DB"
cp "$TMP/out" "$TMP/tabla"
expect_in "$TMP/tabla" "¿Quién falta? — Caja Mutual de los Empleados del Ministerio de Educación 2024 · corte 3 (JUL-SEP)"
expect_in "$TMP/tabla" "Fecha límite: 15/10/2024 · hoy: 15/10/2024"
expect_in "$TMP/tabla" "Ordenado por nombre"
expect_grep "$TMP/tabla" "^Unidad  *Enviada  *Devuelta  *Estado  *Sin reporte  Sin causa      %$"
expect_grep -E "$TMP/tabla" "^Comercialización  +01/10/2024 09:00  09/10/2024 16:30  devuelta +0 +5 +88 %$"
expect_grep -E "$TMP/tabla" "^Logística y Activos  +01/10/2024 09:00  —  +pendiente +0 +0 +100 %$"
expect_grep -E "$TMP/tabla" "^Operaciones  +07/10/2024 11:15  —  +pendiente +0 +1 +95 %$"
expect_grep -E "$TMP/tabla" "^Auditoría Interna  +—  +—  +no enviada +1 +0 +83 %$"
expect_grep -E "$TMP/tabla" "^Planificación y Desarrollo Institucional  +—  +—  +no enviada +3 +0 +80 %$"
expect_grep -E "$TMP/tabla" "^Total  +3 de 8  +1 de 8  +4 +7 +90 %$"
expect_in "$TMP/tabla" "8 unidades — devueltas: 1 · pendientes: 2 · vencidas: 0 · no enviadas: 5"
expect_in "$TMP/tabla" "88 de 89 actividades vencen al corte; 4 sin reporte; 7 en amarillo o rojo sin causa."
expect_in "$TMP/tabla" "  Comercialización: enviada captura-comercializacion-3.xlsx; devuelta de devuelto/comercializacion.xlsx"
expect_in "$TMP/tabla" "  Operaciones: enviada captura-operaciones-3-b.xlsx (2 envíos; cuenta el último)"
# rows sorted by name: Auditoría first, UAIP last
check_eq "primera fila" "$(sed -n '6p' "$TMP/tabla" | sed 's/  .*//')" "Auditoría Interna"
check_eq "última fila" "$(sed -n '13p' "$TMP/tabla" | sed 's/  .*//')" "UAIP"

# the day after the deadline: sent and not returned is «vencida»
POA_HOY=2024-10-16 expect_code 0 "$POA" --config "$TMP/plazo.ini" collection "$DB"
expect_grep -E "$TMP/out" "^Logística y Activos  +01/10/2024 09:00  —  +vencida +0 +0 +100 %$"
expect_grep -E "$TMP/out" "^Operaciones  +07/10/2024 11:15  —  +vencida "
expect_grep -E "$TMP/out" "^Comercialización  .* devuelta "
expect_in "$TMP/out" "devueltas: 1 · pendientes: 0 · vencidas: 2 · no enviadas: 5"
# without a deadline nothing is ever late
POA_HOY=2030-01-01 expect_code 0 "$POA" --config "$TMP/sin.ini" recoleccion "$DB" --corte 3
expect_in "$TMP/out" "Sin fecha límite ([captura] fecha_limite_3) · hoy: 01/01/2030"
expect_in "$TMP/out" "vencidas: 0"

# --json: stable keys, numbers as numbers, null for what is missing
POA_HOY=2024-10-16 expect_code 0 "$POA" --config "$TMP/plazo.ini" recoleccion "$DB" --json
check_py "json" "$(cat "$TMP/out")" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
check(list(d) == ["archivo", "institucion", "anio", "corte", "hoy", "fecha_limite", "orden",
                  "unidades", "totales"], list(d))
check(d["corte"] == 3 and d["anio"] == 2024 and d["hoy"] == "2024-10-16", d)
check(d["fecha_limite"] == "15/10/2024" and d["orden"] == "nombre", d)
u = {x["nombre"]: x for x in d["unidades"]}
check(len(u) == 8, list(u))
check(list(u["UAIP"]) == ["nombre", "estado", "fuera_de_plazo", "envios", "enviada_en", "archivo",
                         "recibida_en", "recibida_de", "actividades", "actividades_vencidas", "sin_reporte",
                         "sin_causa", "pct", "pct_entero", "semaforo"], list(u["UAIP"]))
c = u["Comercialización"]
check(c["estado"] == "devuelta" and c["fuera_de_plazo"] is False and c["envios"] == 1, c)
check(c["enviada_en"] == "2024-10-01 09:00:00" and c["recibida_en"] == "2024-10-09 16:30:00", c)
check(c["recibida_de"] == "devuelto/comercializacion.xlsx", c)
check(c["actividades"] == 24 and c["actividades_vencidas"] == 24 and c["sin_reporte"] == 0 and c["sin_causa"] == 5, c)
check(c["pct_entero"] == 88 and c["semaforo"] == "verde" and abs(c["pct"] - 0.879644) < 1e-6, c)
l = u["Logística y Activos"]
check(l["estado"] == "vencida" and l["fuera_de_plazo"] is True and l["recibida_en"] is None, l)
a = u["Auditoría Interna"]
check(a["estado"] == "no enviada" and a["fuera_de_plazo"] is True and a["envios"] == 0, a)
check(a["enviada_en"] is None and a["archivo"] is None, a)
check(a["actividades"] == 7 and a["actividades_vencidas"] == 6 and a["sin_reporte"] == 1, a)
check(u["Operaciones"]["envios"] == 2 and u["Operaciones"]["archivo"] == "captura-operaciones-3-b.xlsx",
      u["Operaciones"])
t = d["totales"]
check(t == {"unidades": 8, "devueltas": 1, "pendientes": 0, "vencidas": 2, "no_enviadas": 5,
            "fuera_de_plazo": 7, "actividades": 89, "actividades_vencidas": 88, "sin_reporte": 4,
            "sin_causa": 7, "pct": t["pct"], "pct_entero": 90, "semaforo": "verde"}, t)
PY

# the orders, as --json lists them
orden() { POA_HOY=2024-10-16 "$POA" --config "$TMP/plazo.ini" recoleccion "$DB" --json --orden "$1" \
    | /usr/bin/python3 -c 'import json,sys; print("|".join(u["nombre"] for u in json.load(sys.stdin)["unidades"]))'; }
check_eq "--orden estado" "$(orden estado | cut -d'|' -f1,2,8)" "Logística y Activos|Operaciones|Comercialización"
check_eq "--orden pct" "$(orden pct | cut -d'|' -f1)" "Planificación y Desarrollo Institucional"
check_eq "--orden faltan" "$(orden faltan | cut -d'|' -f1,2)" "Planificación y Desarrollo Institucional|Auditoría Interna"
check_eq "--orden nombre" "$(orden nombre | cut -d'|' -f1)" "Auditoría Interna"
POA_HOY=2024-10-16 expect_code 0 "$POA" --config "$TMP/plazo.ini" recoleccion "$DB" --orden estado
expect_in "$TMP/out" "Ordenado por estado (vencidas primero)"

check "leer no cambia el archivo" cmp -s "$DB" "$TMP/antes.db"

# the default corte: the last with a capture sent (4 here), else the last with data
require check "captura al corte 4" sqlite3 "$DB" "INSERT INTO captura (plan_id, unidad_id, corte,
  enviada_en, archivo, huella) VALUES (1, (SELECT id FROM unidad WHERE nombre = 'UAIP'), 4,
  '2024-12-20 09:00:00', 'captura-uaip-4.xlsx', 'h9');"
POA_HOY=2024-12-21 expect_code 0 "$POA" --config "$TMP/sin.ini" recoleccion "$DB" --json
check_py "corte por omisión" "$(cat "$TMP/out")" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
check(d["corte"] == 4, d["corte"])
check([u["nombre"] for u in d["unidades"] if u["estado"] != "no enviada"] == ["UAIP"], d["unidades"])
PY
cp "$TMP/antes.db" "$DB"

# bad input: exit 2 and why
expect_code 2 "$POA" recoleccion "$DB" --corte 5
expect_in "$TMP/err" "--corte espera un trimestre de 1 a 4, no «5»"
expect_code 2 "$POA" recoleccion "$DB" --corte tres
expect_code 2 "$POA" recoleccion "$DB" --orden porcentaje
expect_in "$TMP/err" "--orden espera nombre, estado, pct o faltan, no «porcentaje»"
POA_HOY=16/10/2024 expect_code 2 "$POA" recoleccion "$DB"
expect_in "$TMP/err" "POA_HOY = «16/10/2024»: se esperaba una fecha AAAA-MM-DD"
expect_code 2 "$POA" recoleccion
expect_code 2 "$POA" recoleccion "$TMP/no-existe.db"
# a malformed deadline is a warning with its line, and no deadline
printf '[captura]\nfecha_limite_3 = 32/10/2024\n' >"$TMP/mal.ini"
POA_HOY=2030-01-01 expect_code 0 "$POA" --config "$TMP/mal.ini" recoleccion "$DB"
expect_in "$TMP/err" "mal.ini:2: [captura] fecha_limite_3 = «32/10/2024»: se esperaba una fecha dd/mm/aaaa (día/mes/año), o vacío; se deja vacío (sin fecha límite)"
expect_in "$TMP/out" "Sin fecha límite"

# reading changed nothing
check "el archivo no cambió" cmp -s "$DB" "$TMP/antes.db"
expect_in <("$POA" --help) "poa recoleccion ARCHIVO.db [--corte N] [--orden nombre|estado|pct|faltan] [--json]"
finish
