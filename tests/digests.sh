#!/usr/bin/env bash
# Guard rail for refactoring: the digest of every output (AKN, JSON, N-Quads) of every input the
# project has (the samples, and with ../shared/corpus the seed, session 78's and 80's texts,
# PDFs and AKN, session 80's drafts, session 75's AKN in six languages) against the digests
# committed in tests/digests.txt. A refactor changes none; a commit that changes output on purpose updates
# them with `--update` and says which change it carries.
#
#   tests/digests.sh [--update] [BINARY]     # BINARY: target/release/unakn by default
set -euo pipefail
cd "$(dirname "$0")/.."
update=""
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
bin="${1:-target/release/unakn}"
if [ ! -x "$bin" ]; then
  source scripts/libclang.sh
  cargo build --release --quiet
fi
corpus=../shared/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name and inputs of each set; inputs are files or folders.
sets=("samples" "$(ls samples/*.md samples/*.txt; ls samples/*.xml | grep -v '\.akn\.xml$')"
      "samples-pdf" "$(ls samples/pdf/*.pdf)")
if [ -d "$corpus" ]; then
  sets+=("seed" "$corpus/seed")
  for d in ga-78/text ga-78/pdf ga-78/akn ga-80/text ga-80/pdf ga-80/akn ga-80-drafts/text \
           ga-80-drafts/pdf ga-75-akn; do
    sets+=("$d" "$corpus/$d")
  done
elif [ -n "${UNAKN_REQUIRE_ALL:-}" ]; then
  echo "digests: ../shared/corpus is missing" >&2; exit 1
fi

for ((i = 0; i < ${#sets[@]}; i += 2)); do
  name=${sets[i]}
  # shellcheck disable=SC2086
  for to in akn json nq; do
    out="$tmp/out/$name/$to"
    # Bad inputs of a set (one in ga-75-akn) are reported and left out, as always.
    "$bin" convert ${sets[i + 1]} --to "$to" -o "$out" 2>/dev/null || true
  done
done

(cd "$tmp/out" && find . -type f -print0 | sort -z | xargs -0 sha256sum | cut -c1-16,65-) > "$tmp/digests.txt"
if [ -n "$update" ]; then
  cp "$tmp/digests.txt" tests/digests.txt
  echo "digests: $(wc -l < tests/digests.txt) outputs written to tests/digests.txt"
elif [ ! -f tests/digests.txt ]; then
  echo "digests: no tests/digests.txt; run with --update" >&2; exit 1
elif [ ! -d "$corpus" ]; then
  # Without the corpus, only the samples can be compared.
  diff <(grep ' ./samples/' tests/digests.txt) "$tmp/digests.txt" && echo "digests: samples unchanged"
else
  if ! diff tests/digests.txt "$tmp/digests.txt" > "$tmp/diff"; then
    echo "digests: $(grep -c '^[<>]' "$tmp/diff") lines differ; the first:" >&2
    head -20 "$tmp/diff" >&2
    exit 1
  fi
  echo "digests: $(wc -l < tests/digests.txt) outputs unchanged"
fi
