#!/usr/bin/env bash
# config_avisos.sh — config.ini's warnings reach the analyst inside the
# interface (status line at start), not behind its screen, and are listed in
# full on stderr when the session ends. A UTF-8 BOM (Notepad) is accepted.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
printf '\xEF\xBB\xBF[semaforo]\nverde = ochenta\n[plan]\ncorte = 9\n' > "$tmp/config.ini"
cur="avisos$$"
sessions+=("$cur")
"$T" start "$cur" 120 30 -- sh -c "exec \"$POA\" --config \"$tmp/config.ini\" \"$tmp/plan.db\" 2>\"$tmp/err\""
wait_for 'F10Salir'
wait_for "config.ini:2: [semaforo] verde = «ochenta»"
has 'y más avisos de la configuración: se listan al salir'
keys q
rc=$("$T" wait-exit "$cur") || true
[ "$rc" = 0 ] || fail "la salida fue $rc"
grep -qF "config.ini:2: [semaforo] verde = «ochenta»" "$tmp/err" || fail "stderr sin el aviso de la línea 2: $(cat "$tmp/err")"
grep -qF "config.ini:4: [plan] corte = «9»" "$tmp/err" || fail "stderr sin el aviso de la línea 4: $(cat "$tmp/err")"
echo "4 passed, 0 failed"
