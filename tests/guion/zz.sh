source "$(dirname "$0")/lib.bash"
import_fixture seguimiento2024_t3_caja.csv
start a 120 40
keys Down Down Down m
shot s1
keys Escape
quit
cat $s1
