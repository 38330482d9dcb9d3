from decimal import Decimal

import pytest

from kg.iris import Minter, fold, label_name, slug, strip_legal_suffix


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Globex Inc.", "Globex"),
        ("Globex, Inc.", "Globex"),
        ("Acier Martin S.A.S.", "Acier Martin"),
        ("Vandelay Industries Ltd", "Vandelay Industries"),
        ("Nordvik AB", "Nordvik"),
        ("Brauhaus GmbH", "Brauhaus"),
        ("GmbH", "GmbH"),  # never strip a whole name
        ("Banque Delorme", "Banque Delorme"),
    ],
)
def test_strip_legal_suffix_drops_trailing_forms(name, expected):
    assert strip_legal_suffix(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Société Générale", "societe-generale"), ("L’Oréal", "l-oreal"), ("AT&T", "at-and-t"), ("***", "x")],
)
def test_slug_folds_accents_and_punctuation(name, expected):
    assert slug(name) == expected


def test_fold_is_case_and_accent_insensitive():
    assert fold("Écolé") == fold("ecole")


def test_minter_iris_are_deterministic_and_follow_spec():
    m = Minter()
    assert m.organisation("Globex Inc.") == m.organisation("globex") == "https://w3id.org/newskg/id/org/globex"
    assert m.person("Émilie Durand") == "https://w3id.org/newskg/id/person/emilie-durand"
    assert m.place(2800866, "Brussels") == "https://w3id.org/newskg/id/place/geonames-2800866"
    assert m.place(None, "Atlantis") == "https://w3id.org/newskg/id/place/atlantis"
    assert m.office("Globex", "geonames-1") == "https://w3id.org/newskg/id/office/globex/geonames-1"
    assert m.role("Ann Lee", "Globex") == "https://w3id.org/newskg/id/role/ann-lee/globex"
    assert m.partnership(["Zeta", "Alpha", "zeta"]) == "https://w3id.org/newskg/id/partnership/alpha+zeta"
    assert m.funding("Globex", "USD", Decimal("6.6E+9")) == "https://w3id.org/newskg/id/funding/globex/usd-6600000000"


def test_minter_base_is_configurable():
    assert Minter("https://example.org/kg").organisation("A") == "https://example.org/kg/org/a"


@pytest.mark.parametrize("name,expected", [
    ("OpenAI Inc.", "OpenAI"),
    ("Air Liquide S.A.", "Air Liquide"),
    ("Kestrel Lithium Ltd.", "Kestrel Lithium"),
    ("Foundry Lane Brewing Co", "Foundry Lane Brewing Co"),
    ("Tourism Finance Corporation", "Tourism Finance Corporation"),
    ("Nordvind Foundations A/S", "Nordvind Foundations A/S"),
    ("SAS", "SAS"),
])
def test_the_preferred_label_keeps_forms_that_are_part_of_the_written_name(name, expected):
    assert label_name(name) == expected
