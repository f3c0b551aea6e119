#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md in one run, on the shared corpus (release build with the
# RocksDB store). Figures go to standard output; copy them into BENCHMARKS.md with the date.
#
#   ./benches/run.sh            # all
#   ./benches/run.sh stages     # one part: seed | stages | pdf | whole | scale | serve
#
# The pdf part runs PyMuPDF beside unakn: PYMUPDF_PYTHON names a Python that has it
# (`python3 -m venv v && v/bin/pip install pymupdf`).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/corpus
bin=target/release/unakn
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
part="${1:-all}"
want() { [ "$part" = all ] || [ "$part" = "$1" ]; }

# The default build has the RocksDB store (a long C++ build the first time; libclang as `./run`).
source scripts/libclang.sh
cargo build --release >/dev/null 2>&1 || cargo build --release

if want seed; then
  echo "== seed, side by side with bluebell (unakn, bluebell, unakn)"
  $bin bench samples/A_RES_77_213.md --repeats 201 | grep -E 'stage|text →'
  if [ -n "${BLUEBELL_VENV:-}" ]; then
    (cd ../shared/bench && "$BLUEBELL_VENV/bin/python" bench_bluebell.py --n 200 --warmup 10 --repeats 5 --input seed.bluebell.txt | grep -E '^(mode|py|rs|api) ')
  else
    echo "(set BLUEBELL_VENV to the venv of ../shared/bench/README.md for the peer)"
  fi
  $bin bench samples/A_RES_77_213.md --repeats 201 | grep -E 'text →'
fi

# `unakn convert` of a folder three times, each run's wall time and peak memory.
convert_three_times() {
  for i in 1 2 3; do
    /usr/bin/env time -f "%e s wall, %M kB peak" $bin convert "$1" -o "$tmp/$2-$i" 2>&1 | tail -1
  done
}

if want stages; then
  echo "== every stage on session 78, one thread"
  $bin bench $corpus/ga-78/text $corpus/ga-78/akn --repeats 7
  echo "== convert the 328 texts, both cores (3 runs)"
  convert_three_times $corpus/ga-78/text convert
fi

if want pdf; then
  echo "== the 328 PDFs of session 78, one thread: unakn, PyMuPDF, unakn"
  $bin bench $corpus/ga-78/pdf --repeats 5 | grep -E 'inputs|stage|PDF →'
  if [ -n "${PYMUPDF_PYTHON:-}" ]; then
    "$PYMUPDF_PYTHON" benches/pymupdf_pages.py $corpus/ga-78/pdf --repeats 5
  else
    echo "(set PYMUPDF_PYTHON to a Python with pymupdf for the peer)"
  fi
  $bin bench $corpus/ga-78/pdf --repeats 5 | grep -E 'PDF →'
  echo "== convert the 328 PDFs, both cores (3 runs)"
  convert_three_times $corpus/ga-78/pdf pdf
fi

if want whole; then
  echo "== the whole shared corpus: load (both cores) and the catalogue, in memory"
  $bin bench --whole $corpus --repeats 21
  echo "== the same into a new RocksDB store"
  $bin bench --whole $corpus --repeats 21 --store "$tmp/whole"
  echo "== unakn load of the whole corpus into a new RocksDB store, as a user runs it"
  /usr/bin/env time -f "%e s wall, %M kB peak, %P CPU" $bin load --store "$tmp/load" $corpus 2>&1 | tail -2
fi

if want scale; then
  # Load time, quads/s and peak memory, every catalogue query's median and p95 in process, the
  # store's size on disk; then each query as a user runs it (a new process opening the store).
  echo "== 1x, 5x and 10x the corpus (copies under other symbols) into RocksDB"
  for copies in 1 5 10; do
    $bin bench --whole $corpus --copies $copies --repeats 5 --store "$tmp/scale-$copies" 2>/dev/null
    echo "on disk: $(du -sh "$tmp/scale-$copies" | cut -f1)"
    for q in samples/queries/*.rq; do
      for i in 1 2 3 4 5; do
        /usr/bin/env time -f "%e" $bin query --store "$tmp/scale-$copies" --file "$q" --format tsv 2>&1 >/dev/null | tail -1
      done | sort -n | awk -v q="$(basename "$q" .rq)" '{t[NR]=$1} END {print "  " q ": median " t[3] " s, max " t[5] " s (whole process)"}'
    done
    rm -rf "$tmp/scale-$copies"
  done
fi

if want serve; then
  echo "== 200 concurrent clients on the served corpus while another load runs"
  $bin load --store "$tmp/served" $corpus 2>/dev/null
  $bin serve --store "$tmp/served" --bind 127.0.0.1:7979 2>/dev/null &
  until curl -s -o /dev/null http://127.0.0.1:7979/; do sleep 0.2; done
  python3 benches/sparql_load.py http://127.0.0.1:7979/sparql samples/queries/*.rq --clients 200 --rounds 1
  $bin load --store "$tmp/other" $corpus 2>/dev/null &
  loader=$!
  python3 benches/sparql_load.py http://127.0.0.1:7979/sparql samples/queries/*.rq --clients 200 --rounds 5
  if kill -0 $loader 2>/dev/null; then echo "(the other load was still running at the end)"; fi
  wait $loader
fi
