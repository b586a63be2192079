#!/usr/bin/env bash
# Validates the whole corpus with ./homeport check and with a yanglint loop over the same files, alternating,
# and prints wall and CPU time of each and their ratio (yanglint / homeport: above 1 means homeport is faster).
#   lsp-server/bench/check-vs-yanglint.sh [RUNS [CORPUS]]
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
RUNS=${1:-3}
find_corpus() { # shared/corpus beside the project, looked for upwards (as the tests do)
  local d=$ROOT
  [ -n "${HOMEPORT_SHARED:-}" ] && { echo "$HOMEPORT_SHARED/corpus"; return; }
  while [ "$d" != / ]; do [ -d "$d/shared/corpus" ] && { echo "$d/shared/corpus"; return; }; d=$(dirname "$d"); done
  echo "no shared/corpus above $ROOT" >&2; exit 2
}
CORPUS=$(cd "${2:-$(find_corpus)}" && pwd)
command -v yanglint >/dev/null || { echo "needs yanglint (apt-get install libyang2-tools)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
"$ROOT/homeport" check --help >/dev/null 2>&1   # builds the jar when needed, outside the timing
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
find "$CORPUS" -name '*.yang' | sort > "$WORK/files"
# yanglint gets every corpus folder on its path, as in docs/validation.md
sed 's|/[^/]*$||' "$WORK/files" | sort -u | sed 's/^/-p /' | tr '\n' ' ' > "$WORK/path"
cat > "$WORK/yanglint-loop.sh" <<'LOOP'
P=$(cat "$1/path")
while read -r f; do yanglint -i $P "$f" >/dev/null 2>&1 || true; done < "$1/files"
LOOP
echo "corpus: $(wc -l < "$WORK/files") files in $CORPUS; $(nproc) processors; load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %-10s %9s %9s %9s\n' run tool wall_s cpu_s maxrss_mb
for i in $(seq 1 "$RUNS"); do
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/h" "$ROOT/homeport" check --stats "$CORPUS" > /dev/null 2> "$WORK/h.err" || true
  /usr/bin/time -f '%e %U %S %M' -o "$WORK/y" bash "$WORK/yanglint-loop.sh" "$WORK"
  # time's last line has the figures (a line before it reports homeport's exit status 1: the corpus has errors)
  read -r hw hu hs hm < <(tail -1 "$WORK/h"); read -r yw yu ys ym < <(tail -1 "$WORK/y")
  printf '%-4s %-10s %9.2f %9.2f %9d\n' "$i" homeport "$hw" "$(echo "$hu + $hs" | bc)" $((hm / 1024))
  printf '%-4s %-10s %9.2f %9.2f %9d\n' "$i" yanglint "$yw" "$(echo "$yu + $ys" | bc)" $((ym / 1024))
  echo "$hw $yw $(echo "$hu + $hs" | bc) $(echo "$yu + $ys" | bc)" >> "$WORK/pairs"
  grep 'homeport check:' "$WORK/h.err" | sed 's/^/     /'
done
median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
wall=$(awk '{printf "%.2f\n", $2/$1}' "$WORK/pairs" | median)
cpu=$(awk '{printf "%.2f\n", $4/$3}' "$WORK/pairs" | median)
echo "median ratio yanglint/homeport over $RUNS runs: wall ${wall}x, cpu ${cpu}x"
