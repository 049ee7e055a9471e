#!/usr/bin/env bash
# exportar_plan.sh — the export dialog (x) never writes onto a plan: the
# plan's own name (and a symlink to it) typed as the file, answered «s» to
# «¿Reemplazarlo?», is refused in the status line naming the file, for the
# CSV and the XLSX, and plan.db is byte for byte as before. Then the notice
# of a recovered journal is the first thing the status line shows.
source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
cp "$tmp/plan.db" "$tmp/plan.orig"
ln -s plan.db "$tmp/enlace.db"

file_name() {
    keys Down Down Down Enter
    wait_for 'Archivo:'
    keys C-u
    type_text "$1"
    keys Enter
    wait_gone 'Archivo:'
}
# refused NAME MOVE: the dialog with informe moved by MOVE (Left: CSV; none: Todo, XLSX)
refused() {
    keys x
    wait_for 'Exportar para el Consejo Directivo'
    [ -n "$2" ] && keys "$2"
    file_name "$1"
    keys Enter
    wait_for '¿Reemplazarlo?'
    keys s
    wait_for "No se exportó: No se escribió «$1»: es el archivo del plan abierto"
    # (on the file as the session left it)
    check "cmp -s \"\$tmp/plan.db\" \"\$tmp/plan.orig\" || fail $(printf %q "plan.db cambió ($1)")"
    check '! ls -a "$tmp" | grep -q "\.tmp-" || fail "quedaron temporales: $(ls -a "$tmp")"'
}

start exp 160 40
refused "$tmp/plan.db" Left
refused "$tmp/plan.db" ""
refused "$tmp/enlace.db" Left
quit
[ -L "$tmp/enlace.db" ] || fail "el enlace fue reemplazado"
"$POA" resumen "$tmp/plan.db" >/dev/null || fail "plan.db ya no abre"

# a session killed mid-change: the interface recovers the file and says so
cp "$tmp/plan.orig" "$tmp/hot.db"
"$POA_TOOLS/hot-journal" "$tmp/hot.db" || fail "hot-journal"
start_with hot 200 30 "$tmp/hot.db"
has "una sesión anterior se interrumpió antes de terminar de guardar; se recuperó el archivo"
quit
[ ! -e "$tmp/hot.db-journal" ] || fail "quedó el diario"
echo "exportar_plan: ok"
