# lib.bash — shared helpers for the command-line and screen test scripts:
# a private temporary folder, and assertions that print what they saw.
set -u
: "${POA:?POA (the binary) must be set; run through ctest}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/poa-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
fails=0 passes=0
ok()   { passes=$((passes + 1)); }
bad()  { fails=$((fails + 1)); printf 'FALLA: %s\n' "$*" >&2; }
# expect_code N cmd...: runs cmd, keeps stdout/stderr in $TMP/out $TMP/err
expect_code() {
    local want=$1; shift
    "$@" >"$TMP/out" 2>"$TMP/err"; local got=$?
    if [ "$got" = "$want" ]; then ok; else bad "código $got (se esperaba $want): $*"; cat "$TMP/err" >&2; fi
}
expect_in() {  # expect_in FILE TEXT
    if grep -qF -- "$2" "$1"; then ok; else bad "«$2» no aparece en $(basename "$1"):"; cat "$1" >&2; fi
}
expect_not_in() {
    if grep -qF -- "$2" "$1"; then bad "«$2» aparece en $(basename "$1")"; else ok; fi
}
finish() { printf '%d passed, %d failed\n' "$passes" "$fails"; [ "$fails" = 0 ]; }
