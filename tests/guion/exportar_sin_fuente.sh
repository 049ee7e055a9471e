#!/usr/bin/env bash
# exportar_sin_fuente.sh — without the printing font (Carlito) the export
# dialog (x) still writes the report, and the status line says, after the
# file's name, that its row heights and page breaks are estimated (the CLI
# says the same on stderr: tests/cli/fuente_falta.sh).
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
# a fontconfig that knows no font at all
mkdir -p "$tmp/fc"
printf '<?xml version="1.0"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n' \
    "$tmp/fc" "$tmp/fc" >"$tmp/fc/fonts.conf"
export FONTCONFIG_FILE="$tmp/fc/fonts.conf"

start exp 200 40
keys x
wait_for 'Exportar para el Consejo Directivo'
keys Down Down Down Enter
wait_for 'Archivo:'
keys C-u
type_text "$tmp/todo.xlsx"
keys Enter
wait_gone 'Archivo:'
keys Enter
wait_for "Informe escrito en «$tmp/todo.xlsx» (4 hojas) · aviso: falta la fuente Carlito"
check <<'C'
[ -s "$tmp/todo.xlsx" ] || fail "no se escribió el informe"
C
quit
