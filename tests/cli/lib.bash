# lib.bash — shared helpers for the command-line test scripts: a private
# temporary folder, and assertions that count and print what they saw.
#
# Source it first (`source "$(dirname "$0")/lib.bash"`), end the script with
# `finish`. Every helper below counts one pass or one failure (check_py may
# count many); a failure prints «FALLA: …» and what was seen on stderr, and
# returns 1. Nothing stops at a failure except `require`.
#
#   $TMP                      private folder, removed at exit
#   ok / bad MSG              count a pass / a failure by hand
#   expect_code N CMD…        CMD exits with N; its stdout/stderr are kept
#                             in $TMP/out and $TMP/err for the checks after
#   expect_error CMD…         the same, for any non-zero exit
#   expect_in FILE TEXT       FILE contains TEXT (fixed string, grep -F)
#   expect_not_in FILE TEXT   FILE does not contain TEXT
#   expect_grep [-E] FILE RE  a line of FILE matches RE (grep basic regex,
#                             extended with -E)
#   expect_not_grep [-E] FILE RE   no line of FILE matches RE
#   check WHAT CMD…           CMD succeeds (exit 0); WHAT names the failure
#   check_eq WHAT GOT WANT    two strings are equal; prints both if not
#   check_py WHAT [ARG…] <<'PY' … PY
#                             runs the python script on stdin with ARGs as
#                             sys.argv[1:]; in it, check(cond, msg) counts a
#                             pass or a failure «WHAT: línea L: msg» (L in
#                             the script). An exception or
#                             a non-zero exit is one more failure, shown
#                             with its output; a script that calls no check()
#                             and ends well counts one pass.
#   require HELPER…           runs one of the checks above (or any command);
#                             if it failed, the test stops there: for steps
#                             the rest depends on (import, the file inspected)
#   finish                    prints «N passed, N failed» (read by CI); exit
#                             status 0 only if nothing failed
set -u
: "${POA:?POA (the binary) must be set; run through ctest}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/poa-cli.XXXXXX")
# u+w first: a test may leave a read-only folder in $TMP
trap 'chmod -R u+w "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
fails=0 passes=0
ok()   { passes=$((passes + 1)); }
bad()  { fails=$((fails + 1)); printf 'FALLA: %s\n' "$*" >&2; return 1; }
# what a failed command said: its stderr, or its stdout when stderr is empty
_show_output() {
    if [ -s "$TMP/err" ]; then cat "$TMP/err" >&2; else head -n 40 "$TMP/out" >&2; fi
}
# expect_code N cmd...: runs cmd, keeps stdout/stderr in $TMP/out $TMP/err
expect_code() {
    local want=$1; shift
    "$@" >"$TMP/out" 2>"$TMP/err"; local got=$?
    if [ "$got" = "$want" ]; then ok; else bad "código $got (se esperaba $want): $*"; _show_output; return 1; fi
}
expect_error() {
    "$@" >"$TMP/out" 2>"$TMP/err"; local got=$?
    if [ "$got" != 0 ]; then ok; else bad "código 0 (se esperaba un error): $*"; _show_output; return 1; fi
}
expect_in() {  # expect_in FILE TEXT
    if grep -qF -- "$2" "$1"; then ok; else bad "«$2» no aparece en $(basename "$1"):"; cat "$1" >&2; return 1; fi
}
expect_not_in() {
    if grep -qF -- "$2" "$1"; then bad "«$2» aparece en $(basename "$1"):"; grep -F -- "$2" "$1" >&2; return 1; else ok; fi
}
expect_grep() {  # expect_grep [-E] FILE REGEX
    local opt=-G; [ "$1" = -E ] && { opt=-E; shift; }
    if grep -q "$opt" -- "$2" "$1"; then ok; else bad "ninguna línea de $(basename "$1") casa con «$2»:"; cat "$1" >&2; return 1; fi
}
expect_not_grep() {
    local opt=-G; [ "$1" = -E ] && { opt=-E; shift; }
    if grep -q "$opt" -- "$2" "$1"; then bad "líneas de $(basename "$1") casan con «$2»:"; grep "$opt" -- "$2" "$1" >&2; return 1; else ok; fi
}
check() {  # check WHAT cmd...
    local what=$1; shift
    if "$@"; then ok; else bad "$what  [falló: $*]"; fi
}
check_eq() {  # check_eq WHAT GOT WANT
    if [ "$2" = "$3" ]; then ok; else bad "$1: «$2» (se esperaba «$3»)"; fi
}
# The script comes on stdin and is compiled under the name «check_py» so a
# traceback points at its own lines; check() writes one line per call to a
# results file that is counted afterwards.
_CHECK_PY_PRELUDE='
import os, sys
_res = open(os.environ["POA_CHECK_PY_RESULTS"], "w", encoding="utf-8")
def check(cond, msg=""):
    # the line of the check() call, to find it in the heredoc
    line = sys._getframe(1).f_lineno
    _res.write(("ok" if cond else f"FALLA\tlínea {line}: " + " ".join(str(msg).splitlines())) + "\n")
    _res.flush()
    return bool(cond)
_src = sys.stdin.read()
sys.stdin = open(os.devnull)
sys.argv[0] = "check_py"
exec(compile(_src, "check_py", "exec"), {"__name__": "__main__", "check": check})
'
check_py() {  # check_py WHAT [ARG...] <<'PY' ... PY
    local what=$1; shift
    local res="$TMP/check_py.res" log="$TMP/check_py.log" rc before=$fails n=0 line
    : >"$res"
    POA_CHECK_PY_RESULTS="$res" /usr/bin/python3 -c "$_CHECK_PY_PRELUDE" "$@" >"$log" 2>&1; rc=$?
    while IFS= read -r line; do
        n=$((n + 1))
        if [ "$line" = ok ]; then ok; else bad "$what: ${line#FALLA$'\t'}"; fi
    done <"$res"
    if [ "$rc" != 0 ]; then
        bad "$what: el script de python terminó con código $rc:"; cat "$log" >&2
    elif [ "$n" = 0 ]; then
        ok
    elif [ "$fails" != "$before" ] && [ -s "$log" ]; then
        cat "$log" >&2
    fi
    [ "$fails" = "$before" ]
}
require() {  # require HELPER ARGS...: stop the test if this check failed
    local before=$fails
    "$@" || [ "$fails" != "$before" ] || bad "$*"
    if [ "$fails" != "$before" ]; then
        printf 'FALLA: se detiene aquí; los pasos siguientes dependen de este\n' >&2
        finish
        exit 1
    fi
}
finish() { printf '%d passed, %d failed\n' "$passes" "$fails"; [ "$fails" = 0 ]; }
