"""Build the list of given names shipped in kg/lang/data/first_names.txt.gz (run by hand when Faker changes).

The names come from the person providers of the installed Faker package (MIT licence,
https://github.com/joke2k/faker), every locale written in Latin script: English, French, German, Spanish, Italian,
Portuguese, Dutch, Nordic, Slavic, Turkish, and the romanised Indian, African and Arabic lists. A given name is one
capitalised word of letters (accents, hyphen and apostrophe allowed) of 2 to 20 characters. Left out: names that are
also cities or countries kg resolves ("Paris", "Georgia"), and names that are common lower-case English words in the
GUM corpus or English/French stop words ("Will", "Grace", "Mark"), as tools/build_places.py computes them; demonyms;
and names found only in Faker's generic "en" locale, whose long tail holds brand-like words ("Dell", "Chanel").

kg uses the list as one vote among others: a capitalised sequence of two to four words whose first word is a given
name leans towards Person ("Lena Okafor said ...") when nothing else in its context says organisation.

Usage: .venv/bin/python tools/build_first_names.py [--gum DIR]   (needs the `train` extra: pip install -e '.[train]')
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import pkgutil
import re
import sys
from pathlib import Path

import faker
import faker.providers.person as person_providers

OUT = Path(__file__).resolve().parent.parent / "kg" / "lang" / "data" / "first_names.txt.gz"
ATTRIBUTES = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'\-]{1,19}")


def is_latin(text: str) -> bool:
    return all(not c.isalpha() or ord(c) < 0x250 for c in text)


def names_of(provider: type) -> set[str]:
    out: set[str] = set()
    for attribute in ATTRIBUTES:
        value = vars(provider).get(attribute)
        if value is None:  # inherited: the parent locale contributes its own list
            continue
        if isinstance(value, (dict, list, tuple, set, frozenset)):
            out.update(value)
    return {n.strip() for n in out if isinstance(n, str)}


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_places import english_words, fold
    from spacy.lang.fr.stop_words import STOP_WORDS

    from kg.normalize.places import is_demonym, resolve_place

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gum", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data" / "gum-en")
    args = parser.parse_args()
    common = english_words(args.gum) | {fold(w) for w in STOP_WORDS}

    def is_place_name(name: str) -> bool:  # the place's own name, not one of GeoNames' many alternate names
        return any(place is not None and fold(place.name) == fold(name)
                   for place in (resolve_place(name, "en"), resolve_place(name, "fr")))

    locales: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        for name in names_of(provider):
            if is_latin(name) and NAME.fullmatch(name):
                locales.setdefault(name, set()).add(module.name)
    names = {n for n, where in locales.items() if where != {"en"} and fold(n) not in common
             and not is_demonym(n, "en", countries=True) and not is_demonym(n, "fr", countries=True)
             and not is_place_name(n)}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = f"# given names from Faker {faker.VERSION} person providers (MIT licence); built by tools/build_first_names.py\n"
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:
        fh.write((header + "\n".join(sorted(names)) + "\n").encode("utf-8"))
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main()
