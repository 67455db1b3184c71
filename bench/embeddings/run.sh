#!/usr/bin/env bash
# Embedding speed: MoltEmbeddings (Swift + OpenBLAS) against the same all-MiniLM-L6-v2 weights under
# onnxruntime, side by side, on texts of exactly 16, 128 and 256 tokens. Writes bench/embeddings/RESULTS.md.
#
#   bench/embeddings/run.sh [--rounds N] [--seconds S]
#
# What it does, idempotently:
#   1. scripts/models.sh install (the model folder);
#   2. onnxruntime, onnx, numpy and tokenizers from PyPI into .moltnet/bench-python (pinned, project-local);
#   3. exports the safetensors weights to an fp32 ONNX graph (export_onnx.py) once;
#   4. builds MoltBench with `swift build -c release`;
#   5. runs N rounds (default 5); each round measures every length on our side and then at once on
#      onnxruntime's, so that load from other processes on the (shared) machine hits both alike. The summary
#      gives each side's median and fastest call and the median of the per-round paired ratios.
# Time per embedding includes tokenisation, the forward pass, pooling and normalisation on both sides.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/bench/embeddings
WORK=$ROOT/bench/.work/embeddings
PYDIR=$ROOT/.moltnet/bench-python
MODEL_DIR=$("$ROOT/scripts/models.sh" path)
ONNX=$ROOT/.moltnet/bench/all-MiniLM-L6-v2.onnx
PY_REQUIREMENTS="onnxruntime==1.32.0 onnx==1.23.2 numpy==2.4.6 tokenizers==0.23.3"
ROUNDS=5
SECONDS_PER_MEASURE=1

while [ $# -gt 0 ]; do
    case "$1" in
        --rounds) ROUNDS=$2; shift 2 ;;
        --seconds) SECONDS_PER_MEASURE=$2; shift 2 ;;
        *) echo "usage: bench/embeddings/run.sh [--rounds N] [--seconds S]" >&2; exit 2 ;;
    esac
done

say() { printf 'bench: %s\n' "$*" >&2; }

"$ROOT/scripts/models.sh" install

if [ "$(cat "$PYDIR/.requirements" 2>/dev/null)" != "$PY_REQUIREMENTS" ]; then
    say "installing $PY_REQUIREMENTS into $PYDIR"
    rm -rf "$PYDIR"
    # shellcheck disable=SC2086
    python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --only-binary=:all: \
        --target "$PYDIR" $PY_REQUIREMENTS
    printf '%s' "$PY_REQUIREMENTS" >"$PYDIR/.requirements"
fi
export PYTHONPATH=$PYDIR

if [ ! -s "$ONNX" ] || [ "$HERE/export_onnx.py" -nt "$ONNX" ]; then
    say "exporting $MODEL_DIR to $ONNX"
    mkdir -p "$(dirname "$ONNX")"
    python3 "$HERE/export_onnx.py" "$MODEL_DIR" "$ONNX"
fi

say "building MoltBench (release)"
(cd "$ROOT" && swift build -c release --product MoltBench 2>&1 | grep -E 'error|warning: |Compiling|Build' >&2 || true)
BENCH=$ROOT/.build/release/MoltBench
[ -x "$BENCH" ] || { say "MoltBench did not build"; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK"
"$BENCH" embeddings --model-dir "$MODEL_DIR" --write-texts "$WORK/texts.json" >/dev/null
uptime >"$WORK/load-before.txt"
for round in $(seq 1 "$ROUNDS"); do
    for length in 16 128 256; do
        say "round $round/$ROUNDS, $length tokens"
        "$BENCH" embeddings --model-dir "$MODEL_DIR" --lengths "$length" --seconds "$SECONDS_PER_MEASURE" \
            >>"$WORK/ours-$round.jsonl"
        python3 "$HERE/ort_bench.py" "$MODEL_DIR" "$ONNX" "$WORK/texts.json" --lengths "$length" \
            --seconds "$SECONDS_PER_MEASURE" --check "$ROOT/Tests/Fixtures/embeddings-reference-minilm.json" \
            >>"$WORK/ort-$round.jsonl"
    done
done
uptime >"$WORK/load-after.txt"

python3 "$HERE/summarize.py" "$WORK" "$HERE/RESULTS.md"
cat "$HERE/RESULTS.md"
