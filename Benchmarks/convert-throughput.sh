#!/usr/bin/env bash
# End-to-end throughput of `talkplan convert`, against GNU `date -f` and dateutils' `dconv`.
#
#   Benchmarks/convert-throughput.sh [LINES]        # default 10,000,000 lines
#
# Environment:
#   ZONE=America/Chicago   the zone converted to (--to) and from (--from)
#   RUNS=3                 timed runs per tool; the median is reported
#   BASELINE_LINES=1000000 lines given to `date` and `dconv` (at most LINES; they are slow, and
#                          rates are per line)
#   DATE_FROM_LINES=100000 lines given to `date` for --from: the zone is named inside each line
#                          (`TZ="America/Chicago" 2024-03-10T02:30:00`), and date loads it anew
#                          for every line, at about 10,000 lines/s
#   TALKPLAN=path          use this talkplan binary instead of building one
#   TALKPLAN_ROOT=dir      the package to build (default: the parent of this directory)
#   WORK=dir               where inputs are kept between runs (default $TMPDIR/talkplan-convert-throughput)
#
# What it does:
#   1. builds talkplan in release mode (`swift build -c release --product talkplan`);
#   2. writes LINES random instants uniform over 1970-01-01 ..< 2038-01-01 as
#      `YYYY-MM-DDTHH:MM:SSZ`, and LINES random wall times as `YYYY-MM-DDTHH:MM:SS`, from a
#      fixed-seed SplitMix64 (the same files on every machine; kept in WORK and reused);
#   3. checks on the first 100,000 lines that every tool prints the same text as talkplan;
#   4. times each tool RUNS times reading the file on stdin and writing to /dev/null
#      (`/usr/bin/time -f '%e %M'`: elapsed seconds and peak resident set size), and prints the
#      median lines/s and the peak RSS; talkplan's peak RSS is also taken on LINES/10 lines, to
#      show that memory does not grow with the input.
#
# The machine's load average is printed before and after: on a shared machine, compare numbers
# from one invocation only.
set -euo pipefail

lines=${1:-10000000}
zone=${ZONE:-America/Chicago}
runs=${RUNS:-3}
baseline_lines=${BASELINE_LINES:-1000000}
if ((baseline_lines > lines)); then baseline_lines=$lines; fi
date_from_lines=${DATE_FROM_LINES:-100000}
if ((date_from_lines > baseline_lines)); then date_from_lines=$baseline_lines; fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=${TALKPLAN_ROOT:-$(dirname "$here")}
work=${WORK:-${TMPDIR:-/tmp}/talkplan-convert-throughput}
mkdir -p "$work"

say() { printf '%s\n' "$*" >&2; }

# 1. talkplan
if [[ -n ${TALKPLAN:-} ]]; then
    talkplan=$TALKPLAN
else
    say "building talkplan (release) in $root"
    swift build -c release --package-path "$root" --product talkplan >&2
    talkplan="$(swift build -c release --package-path "$root" --show-bin-path)/talkplan"
fi
[[ -x $talkplan ]] || { say "no talkplan binary at $talkplan"; exit 1; }

# 2. inputs
generate() {  # generate KIND LINES FILE; KIND is instants or walls
    python3 - "$1" "$2" "$3" <<'PY'
import sys, time
kind, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
mask = (1 << 64) - 1
state = 0x7A1C_0001 if kind == "instants" else 0x7A1C_0002
span = 2_145_916_800  # 1970-01-01 ..< 2038-01-01
suffix = "Z" if kind == "instants" else ""
with open(path + ".partial", "w") as out:
    chunk = []
    for _ in range(count):
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        z ^= z >> 31
        t = time.gmtime(z % span)
        chunk.append("%04d-%02d-%02dT%02d:%02d:%02d%s" % (t[0], t[1], t[2], t[3], t[4], t[5], suffix))
        if len(chunk) == 100_000:
            out.write("\n".join(chunk) + "\n")
            chunk = []
    if chunk:
        out.write("\n".join(chunk) + "\n")
PY
    mv "$3.partial" "$3"
}
instants="$work/instants-$lines.txt"
walls="$work/walls-$lines.txt"
for kind in instants walls; do
    file="$work/$kind-$lines.txt"
    if [[ ! -s $file ]]; then
        say "writing $lines $kind to $file"
        generate "$kind" "$lines" "$file"
    fi
done
head -n "$((lines / 10))" "$instants" > "$work/instants-tenth.txt"
head -n "$baseline_lines" "$instants" > "$work/instants-baseline.txt"
head -n "$baseline_lines" "$walls" > "$work/walls-baseline.txt"
# GNU date reads a wall time in a zone named inside the line, and prints in the TZ of its environment.
head -n "$date_from_lines" "$work/walls-baseline.txt" | sed "s|^|TZ=\"$zone\" |" > "$work/walls-date.txt"

have_dconv=
if command -v dateutils.dconv > /dev/null; then
    dconv=dateutils.dconv; have_dconv=1
elif command -v dconv > /dev/null; then
    dconv=dconv; have_dconv=1
fi

# The commands, by name: each reads stdin and writes stdout.
declare -A command
command[talkplan-to]="$talkplan convert --to $zone"
command[date-to]="env TZ=$zone date -f - +%Y-%m-%dT%H:%M:%S%:z"
command[talkplan-from]="$talkplan convert --from $zone"
command[date-from]="env TZ=UTC0 date -f - +%Y-%m-%dT%H:%M:%SZ"
if [[ -n $have_dconv ]]; then
    command[dconv-to]="$dconv -i %Y-%m-%dT%H:%M:%SZ --from-zone UTC --zone $zone -f %Y-%m-%dT%H:%M:%S%Z"
    command[dconv-from]="$dconv -i %Y-%m-%dT%H:%M:%S --from-zone $zone --zone UTC -f %Y-%m-%dT%H:%M:%SZ"
fi
input_of() {  # the input file a command reads, and its line count
    case $1 in
        talkplan-to) echo "$instants $lines" ;;
        talkplan-from) echo "$walls $lines" ;;
        talkplan-to-tenth) echo "$work/instants-tenth.txt $((lines / 10))" ;;
        date-from) echo "$work/walls-date.txt $date_from_lines" ;;
        *-from) echo "$work/walls-baseline.txt $baseline_lines" ;;
        *) echo "$work/instants-baseline.txt $baseline_lines" ;;
    esac
}

# 3. agreement on the first 100,000 lines
check() {  # check NAME REFERENCE: the tool's output against talkplan's
    local name=$1 reference=$2 input
    read -r input _ < <(input_of "$name")
    head -n 100000 "$input" | ${command[$name]} > "$work/check-$name.txt" 2> /dev/null || true
    # Compared as multisets of lines: `date` prints nothing at all for a wall time it refuses
    # (one in a gap), so its output is shorter and line numbers would drift.
    local same printed
    same=$(awk 'NR == FNR { seen[$0]++; next } seen[$0]-- > 0 { same++ } END { print same + 0 }' \
        "$work/check-$reference.txt" "$work/check-$name.txt")
    printed=$(wc -l < "$work/check-$name.txt")
    say "agreement: for the first 100000 lines $name printed $printed lines, $same of them as $reference prints them"
}
read -r input _ < <(input_of talkplan-to)
head -n 100000 "$input" | ${command[talkplan-to]} > "$work/check-talkplan-to.txt"
read -r input _ < <(input_of talkplan-from)
head -n 100000 "$input" | ${command[talkplan-from]} > "$work/check-talkplan-from.txt"
check date-to talkplan-to
check date-from talkplan-from
if [[ -n $have_dconv ]]; then
    check dconv-to talkplan-to
    check dconv-from talkplan-from
fi

# 4. timing
measure() {  # measure NAME: sets rate[NAME] (M lines/s) and row[NAME] (its table cells)
    local name=$1 input count runs_done=0 elapsed=() peak=0
    read -r input count < <(input_of "$name")
    local cmd=${command[${name%-tenth}]}
    while ((runs_done < runs)); do
        # A non-zero status is not a failure here: `date` and `talkplan` both exit 1 when some
        # line could not be converted (a wall time in a gap, for `date`), after converting the rest.
        /usr/bin/time -f '%e %M %x' -o "$work/time.txt" $cmd < "$input" > /dev/null 2> "$work/stderr.txt" || true
        read -r seconds kilobytes status < <(tail -n 1 "$work/time.txt")
        if [[ $status != 0 && $status != 1 ]]; then
            say "$name failed (status $status): $(head -c 300 "$work/stderr.txt")"
            return
        fi
        elapsed+=("$seconds")
        if ((kilobytes > peak)); then peak=$kilobytes; fi
        runs_done=$((runs_done + 1))
    done
    local median
    median=$(printf '%s\n' "${elapsed[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
    rate[$name]=$(awk -v c="$count" -v s="$median" 'BEGIN { printf "%.4f", (s > 0 ? c / s / 1e6 : 0) }')
    row[$name]=$(awk -v c="$count" -v s="$median" -v p="$peak" -v all="${elapsed[*]}" \
        'BEGIN { printf "%d | %.2f (%s) | %.2f M | %.1f MB", c, s, all, (s > 0 ? c / s / 1e6 : 0), p / 1024 }')
}
declare -A rate row

say "load before: $(uptime)"
echo "talkplan: $talkplan; zone $zone; $runs runs each, median shown"
if [[ -z $have_dconv ]]; then
    echo "dateutils' dconv is not installed (apt-get install dateutils): skipped"
else
    echo "dateutils: $($dconv --version | head -n 1)"
fi
echo "GNU date: $(date --version | head -n 1)"
echo
names=(talkplan-to talkplan-to-tenth date-to)
if [[ -n $have_dconv ]]; then names+=(dconv-to); fi
names+=(talkplan-from date-from)
if [[ -n $have_dconv ]]; then names+=(dconv-from); fi
for name in "${names[@]}"; do
    measure "$name"
done
echo "| command | lines | seconds, median (all runs) | lines/s | peak RSS | talkplan is … faster |"
echo "|---|---:|---:|---:|---:|---:|"
for name in "${names[@]}"; do
    if [[ -z ${row[$name]:-} ]]; then continue; fi
    case $name in
        talkplan-*) ratio="" ;;
        *-to) ratio=$(awk -v t="${rate[talkplan-to]:-0}" -v r="${rate[$name]}" 'BEGIN { if (r > 0) printf "%.1f×", t / r }') ;;
        *-from) ratio=$(awk -v t="${rate[talkplan-from]:-0}" -v r="${rate[$name]}" 'BEGIN { if (r > 0) printf "%.1f×", t / r }') ;;
    esac
    echo "| $name | ${row[$name]} | $ratio |"
done
echo
echo "commands:"
for name in talkplan-to date-to dconv-to talkplan-from date-from dconv-from; do
    if [[ -n ${command[$name]:-} ]]; then
        echo "  $name: ${command[$name]} < $(input_of "$name" | cut -d ' ' -f 1)"
    fi
done
say "load after: $(uptime)"
