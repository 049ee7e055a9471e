#!/usr/bin/env bash
# modo.sh — the scripted mode itself (POA_GUION): the screen at the end of
# the script goes to stdout and the session ends as q would; :pantalla,
# :texto and :tamano; a bad script or size is refused before the screen
# opens, naming file:line:column, exit 2, the plan untouched; a dialog left
# waiting when the script runs out is cancelled (nothing saved), exit 1,
# never a hang; keys left when the program quits are an error.
source "$(dirname "$0")/lib.bash"
import_fixture poa2024_ars_semma.csv
"$POA" exportar "$tmp/plan.db" --csv "$tmp/antes.csv" >/dev/null || fail "exportar antes"
db="$tmp/plan.db"
# run SCRIPT-TEXT [SIZE]: poa on the plan with that script; sets rc, out, err
run() {
    rm -rf "$XDG_STATE_HOME"   # each run opens as the first time (nothing remembered)
    printf '%s\n' "$1" >"$tmp/s.guion"
    rc=0
    POA_GUION="$tmp/s.guion" POA_GUION_TAMANO="${2-}" timeout 20 "$POA" "$db" \
        >"$tmp/out" 2>"$tmp/err" </dev/null || rc=$?
    out=$(cat "$tmp/out")
    err=$(cat "$tmp/err")
}
unchanged() {
    "$POA" exportar "$db" --csv "$tmp/ahora.csv" >/dev/null || fail "exportar"
    cmp -s "$tmp/antes.csv" "$tmp/ahora.csv" || fail "$1: el plan cambió"
}

# the end of the script: the screen on stdout, 80×24 by default, exit 0
run 'Down Down Down Down'
[ "$rc" = 0 ] || fail "fin del guion: salida $rc: $err"
[ "$(wc -l <<<"$out")" = 24 ] || fail "no son 24 filas: $(wc -l <<<"$out")"
[ "$(wc -L <<<"$out")" -le 80 ] || fail "más de 80 columnas"
grep -q '^ POA 2024 · ARS SEMMA' <<<"$out" || fail "título: $(head -1 <<<"$out")"
grep -q 'Actividad 1.1 · Departamento de Afiliación' <<<"$out" || fail "sin la actividad 1.1: $out"
[ "$(sed -n 24p <<<"$out" | cut -c1-7)" = F1Ayuda ] || fail "barra: $(sed -n 24p <<<"$out")"
! grep -q ' $' <<<"$out" || fail "quedan espacios al final de las filas"

# :fin ends there, whatever follows; :pantalla writes the screen as it is
run ":pantalla $tmp/p1
Down Down Down Down
:fin
End" 120x40
[ "$rc" = 0 ] || fail ":fin: salida $rc: $err"
grep -q '1/297' "$tmp/p1" || fail ":pantalla: $(tail -2 "$tmp/p1")"
[ "$(wc -l <"$tmp/p1")" = 40 ] || fail ":pantalla: no son 40 filas"
grep -q ' 5/297$' <<<"$out" || fail ":fin no paró antes de End: $(sed -n 39p <<<"$out")"

# :texto types accented text; the line editor is the real one
run '/
:texto afiliación
:pantalla '"$tmp"'/p2
Escape' 120x40
grep -q 'Buscar: afiliación' "$tmp/p2" || fail ":texto: $(sed -n 39p "$tmp/p2")"

# a line starting with «# » is a comment; «#» alone is the key (unbound here)
run '# Down Down: not keys
#'
grep -q 'Tecla sin uso aquí' <<<"$out" || fail "«#»: $(sed -n 23p <<<"$out")"
grep -q ' 1/297$' <<<"$out" || fail "el comentario movió: $(sed -n 23p <<<"$out")"

# :tamano resizes as a terminal would: too small, then back
run ":tamano 30 10
:pantalla $tmp/p3
:tamano 100 30"
[ "$rc" = 0 ] || fail ":tamano: salida $rc: $err"
[ "$(wc -l <"$tmp/p3")" = 10 ] || fail ":tamano 30 10: $(wc -l <"$tmp/p3") filas"
grep -q 'Terminal demasiado' "$tmp/p3" || fail ":tamano 30 10: $(cat "$tmp/p3")"
[ "$(wc -l <<<"$out")" = 30 ] && grep -q 'F10Salir' <<<"$out" || fail ":tamano 100 30: $out"

# a key it does not know: refused before the screen opens, naming the place
run 'Down
Down Arriba'
[ "$rc" = 2 ] || fail "tecla desconocida: salida $rc"
[ "$err" = "poa: $tmp/s.guion:2:6: tecla desconocida «Arriba» (nombres como los de tmux: Up Down Enter Escape Tab BTab F1…F12 C-x Home End PageUp PageDown Space BSpace, o un carácter)" ] ||
    fail "mensaje: $err"
[ -z "$out" ] || fail "se abrió la pantalla: $out"
run ':tamano 80'
[ "$rc" = 2 ] && grep -qF "s.guion:1: orden de guion desconocida o incompleta «:tamano»" <<<"$err" ||
    fail ":tamano incompleto: $rc $err"
run 'Down' 80por24
[ "$rc" = 2 ] && [ "$err" = "poa: POA_GUION_TAMANO: «80por24» no es un tamaño (se esperaba COLUMNASxFILAS, como 80x24)" ] ||
    fail "tamaño: $rc $err"
POA_GUION="$tmp/no-existe.guion" "$POA" "$db" >/dev/null 2>"$tmp/err" && fail "guion inexistente aceptado"
grep -qF "poa: $tmp/no-existe.guion: no se puede leer el guion: no existe" "$tmp/err" || fail "sin guion: $(cat "$tmp/err")"

# the script runs out with the line editor open: nothing saved, exit 1
run 'Down Down Down Down e C-u
:texto Gestión a medias'
[ "$rc" = 1 ] || fail "diálogo abierto: salida $rc"
grep -qF "el guion terminó con un diálogo esperando una tecla; se cancela y se sale" <<<"$err" ||
    fail "diálogo abierto: $err"
grep -q 'Texto: Gestión a medias' <<<"$out" || fail "la pantalla del diálogo: $out"
unchanged "diálogo abierto"
# and with a confirmation open (F10 from the editor asks before quitting)
run 'Down Down Down Down e C-u
:texto Otra
F10'
[ "$rc" = 1 ] || fail "confirmación abierta: salida $rc"
grep -q '¿Descartarla y salir del programa?' <<<"$out" || fail "la confirmación: $out"
unchanged "confirmación abierta"

# keys after the program quit: an error naming the line
run 'q
Down'
[ "$rc" = 1 ] && [ "$err" = "poa: $tmp/s.guion:2: el programa terminó antes del final del guion" ] ||
    fail "teclas de sobra: $rc $err"
unchanged "al final"
echo "modo: ok"
