#!/usr/bin/env bash
# run.sh SECONDS — builds every tests/fuzz/fuzz_*.c with clang and libFuzzer
# (-DPOA_FUZZ=ON, its own build folder) and runs each for SECONDS on a copy
# of its seed corpus (corpus_<name>/, e.g. corpus_csv for fuzz_csv). Prints
# each target's executions; exits non-zero when a target crashes (the
# reproducer is left as crash-* in the build folder).
set -u
secs=${1:?uso: run.sh SEGUNDOS}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=${POA_FUZZ_BUILD:-$src/build-fuzz}
CC=clang cmake -S "$src" -B "$build" -DPOA_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 1
status=0
for f in "$here"/fuzz_*.c; do
    name=$(basename "$f" .c)
    cmake --build "$build" -j2 --target "$name" >/dev/null || { echo "$name: no compila"; exit 1; }
    seeds="$here/corpus_${name#fuzz_}"
    work="$build/corpus-$name"
    mkdir -p "$work"
    [ -d "$seeds" ] && cp -n "$seeds"/* "$work"/ 2>/dev/null
    (cd "$build" && "./$name" -max_total_time="$secs" -print_final_stats=1 -max_len=262144 \
        -timeout=30 "$work" >"$build/$name.log" 2>&1)
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/$name.log" | grep -o '[0-9]*$')
    if [ "$rc" = 0 ]; then
        echo "$name: ${execs:-?} ejecuciones, sin fallos"
    else
        echo "$name: FALLÓ (código $rc) tras ${execs:-?} ejecuciones; ver $build/$name.log"
        grep -m5 -E 'ERROR|SUMMARY|Test unit written' "$build/$name.log"
        status=1
    fi
done
exit $status
