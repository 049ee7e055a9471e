#!/usr/bin/env bash
# humo.sh — the smoke test of poa-rendimiento (ctest -L rendimiento, only with
# POA_BENCH=ON): one small run gives every figure and rewrites only its block.
# Usage: humo.sh POA-RENDIMIENTO SOURCE_DIR
set -euo pipefail
bin=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/docs/rendimiento.md" "$tmp/rendimiento.md"
"$bin" --tamanos 1000 --repeticiones 1 --teclas 5 --ediciones 2 --dir "$tmp/trabajo" \
    --salida "$tmp/rendimiento.md" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
fuera() { sed '/poa-rendimiento: inicio/,/poa-rendimiento: fin/d' "$1"; }
if ! diff <(fuera "$src/docs/rendimiento.md") <(fuera "$tmp/rendimiento.md"); then
    echo "FALLO: cambió el texto fuera de las marcas"; exit 1
fi
# the table: eleven figures, each with a number at 1 000 (the second column)
filas=$(awk '/^\| cifra \|/{t=1; next} t && /^\|---/{next} t && /^\|/{print} t && !/^\|/{t=0}' \
        "$tmp/rendimiento.md")
n=$(printf '%s\n' "$filas" | grep -c .)
if [ "$n" -ne 11 ]; then
    echo "FALLO: la tabla tiene $n filas, no 11:"; printf '%s\n' "$filas"; exit 1
fi
sin=$(printf '%s\n' "$filas" | awk -F' \\| ' '$2 !~ /[0-9]/ {print}')
if [ -n "$sin" ]; then
    echo "FALLO: cifras sin medir a 1 000:"; printf '%s\n' "$sin"; exit 1
fi
grep -q '^Máquina: .* núcleos, .* GiB de RAM; Debian ' "$tmp/rendimiento.md" ||
    { echo "FALLO: falta la máquina"; exit 1; }
echo "ok: 11 cifras a 1 000 actividades; el resto de docs/rendimiento.md intacto"
