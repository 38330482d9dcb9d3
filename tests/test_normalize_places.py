"""kg.normalize.places: GeoNames cities and countries, French labels, false friends, demonyms."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.normalize.places import demonym_place, is_demonym, place_index, resolve_place


@pytest.mark.parametrize(
    ("name", "lang", "geonames_id", "english", "country"),
    [
        ("Bruxelles", "fr", 2800866, "Brussels", "Belgium"),
        ("Brussels", "en", 2800866, "Brussels", "Belgium"),
        ("Londres", "fr", 2643743, "London", "United Kingdom"),
        ("Paris", None, 2988507, "Paris", "France"),
        ("Pékin", "fr", 1816670, "Beijing", "China"),
        ("Francfort", "fr", 2925533, "Frankfurt", "Germany"),
        ("Cologne", "en", 2886242, "Cologne", "Germany"),
        ("Vienne", "fr", 2761369, "Vienna", "Austria"),
        ("Le Caire", "fr", 360630, "Cairo", "Egypt"),
        ("New-York", "fr", 5128581, "New York", "United States"),
        ("Mexico", "fr", 3530597, "Mexico City", "Mexico"),
        ("Genève", "fr", 2660646, "Geneva", "Switzerland"),
        ("Dunkerque", "fr", 3020686, "Dunkirk", "France"),
        ("Nice", "fr", 2990440, "Nice", "France"),
    ],
)
def test_resolve_city(name: str, lang: str | None, geonames_id: int, english: str, country: str) -> None:
    place = resolve_place(name, lang)
    assert place is not None and place.kind == "city"
    assert (place.geonames_id, place.name, place.as_written) == (geonames_id, english, name)
    assert place.country is not None and place.country.kind == "country" and place.country.name == country
    assert place.lat is not None and place.long is not None
    assert dict(place.labels)["en"] == english


def test_french_label_from_exonym_table() -> None:
    assert dict(resolve_place("Brussels", "en").labels) == {"en": "Brussels", "fr": "Bruxelles"}
    assert dict(resolve_place("Lyon", "fr").labels) == {"en": "Lyon", "fr": "Lyon"}


@pytest.mark.parametrize(
    ("name", "lang", "english"),
    [
        ("France", "fr", "France"), ("Royaume-Uni", "fr", "United Kingdom"), ("United Kingdom", "en", "United Kingdom"),
        ("UK", "en", "United Kingdom"), ("Etats-Unis", "fr", "United States"), ("États-Unis", "fr", "United States"),
        ("USA", "en", "United States"), ("Allemagne", "fr", "Germany"), ("la France", "fr", "France"),
        ("Mexico", "en", "Mexico"),
    ],
)
def test_resolve_country(name: str, lang: str, english: str) -> None:
    place = resolve_place(name, lang)
    assert place is not None and place.kind == "country" and place.name == english
    assert place.geonames_id is not None and place.country is None


@pytest.mark.parametrize(("name", "lang", "english", "fr"), [
    ("Singapour", "fr", "Singapore", "Singapour"), ("Singapore", "en", "Singapore", "Singapour"),
    ("Hong Kong", "en", "Hong Kong", None), ("Monaco", "fr", "Monaco", "Monaco"), ("Luxembourg", "fr", "Luxembourg", None),
])
def test_city_states_resolve_to_their_city(name: str, lang: str, english: str, fr: str | None) -> None:
    place = resolve_place(name, lang)
    assert place is not None and place.kind == "city" and place.name == english
    assert place.country is not None and place.country.kind == "country" and place.country.geonames_id != place.geonames_id
    if fr:
        assert dict(place.labels)["fr"] == fr


def test_large_capitals_do_not_swallow_their_country() -> None:
    assert resolve_place("Mexique", "fr").kind == "country"
    assert resolve_place("Guatemala", "en").kind == "country"


def test_country_labels_in_french() -> None:
    assert dict(resolve_place("Germany", "en").labels)["fr"] == "Allemagne"


@pytest.mark.parametrize(
    "name",
    ["paris", "us", "Sam", "Cannes", "California", "Texas", "Europe", "Silicon Valley", "Apple", "", "  "],
)
def test_not_resolved(name: str) -> None:
    # lower case, pronoun, short alias, common word under 100k people, regions and states, companies
    assert resolve_place(name, "en") is None


def test_common_word_cities_need_a_large_population() -> None:
    assert resolve_place("Reading", "en").name == "Reading"  # 318k people
    assert resolve_place("Bath", "en").name == "Bath"  # 101,557 people: just above the threshold
    assert resolve_place("Lens", "fr") is None  # "lens", 31k people
    assert resolve_place("Sens", "fr") is None


def test_index_is_cached() -> None:
    assert place_index() is place_index()


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("lyonnaise", "Lyon"), ("parisien", "Paris"), ("parisiennes", "Paris"), ("marseillaise", "Marseille"),
        ("bordelaise", "Bordeaux"), ("toulousain", "Toulouse"), ("nantaise", "Nantes"), ("lilloise", "Lille"),
        ("grenobloise", "Grenoble"), ("montpelliéraine", "Montpellier"), ("niçoise", "Nice"),
        ("strasbourgeois", "Strasbourg"), ("rennaise", "Rennes"), ("londonienne", "London"), ("berlinois", "Berlin"),
        ("new-yorkaise", "New York"), ("bruxelloise", "Brussels"), ("genevois", "Geneva"),
        ("barcelonaise", "Barcelona"), ("munichoise", "Munich"), ("madrilène", "Madrid"), ("milanais", "Milan"),
        ("tourangelle", "Tours"),
    ],
)
def test_french_demonyms(word: str, english: str) -> None:
    assert is_demonym(word, "fr")
    place = demonym_place(word, "fr")
    assert place is not None and place.kind == "city" and place.name == english and place.as_written == word


def test_country_demonyms_only_on_request() -> None:
    assert not is_demonym("française", "fr")
    assert demonym_place("française", "fr") is None
    assert demonym_place("française", "fr", countries=True).name == "France"
    assert demonym_place("German", "en", countries=True).name == "Germany"
    assert not is_demonym("société", "fr")
    assert not is_demonym("Florentin", "fr")  # capitalised in French: a first name, not an adjective


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["fr", "en", None]))
def test_places_never_raise(name: str, lang: str | None) -> None:
    place = resolve_place(name, lang)
    assert place is None or place.kind in ("city", "country")
    is_demonym(name, lang)
    demonym_place(name, lang)
