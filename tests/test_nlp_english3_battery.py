"""English news writing: Organisation/Person typing, Office and Role facts on invented sentences written the way
wire services, tech blogs and regional business papers phrase them (datelines, "X-based", "<city> <trade> X",
possessives, appositions with long titles, "who" clauses, "said in a statement", lists of sites, "headquartered
in", "will open", "has a presence in"), with the traps the annotation conventions exclude.

Every company, person and sentence here is invented."""

from __future__ import annotations

import unicodedata

import pytest

from kg.model import Article, Office, Role
from kg.nlp import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


# known misses (xfail, not strict): the text of the sentence and the name checked
KNOWN_MISSES = {
    ("Robotics shares fell after Orbitrade Chief Executive Officer Dagny Holmqvist warned of a slowdown.", "Robotics"),
    ("Ardmore Brokers has completed three acquisitions, most recently Tralee-based Kerrow Insurance, and plans to open "
     "an office in Sligo next year.", "Sligo"),
    ("Its beer is brewed at a plant in Rotherham that it took on in 2020, Millrace Brewing said.", "Rotherham"),
    ("Craft brewer Millrace Brewing runs taprooms in York and Hull.", "Hull"),
    ("Craft brewer Millrace Brewing said in a statement that it would build a distillery in Harrogate.", "Harrogate"),
    ("Stackrow, which was founded in Pittsburgh in 2018, assembles its robots there.", "Pittsburgh"),
    ("Ardmore Brokers and Dubai-based Qarat Ports will set up a joint venture to run a terminal in Antwerp, the companies "
     "said.", "Antwerp"),
    ("Halvorsen Dynamics hired Bram Kettleby last year. Kettleby, the company's head of research, still lectures at a "
     "university.", "Bram Kettleby"),
    ("Millrace Cider was founded by Priya Vantongeren (CEO) and Kofi Ansare (CTO), who met at a brewery.", "Kofi Ansare"),
    ("Millrace Cider was founded by Priya Vantongeren (CEO) and Kofi Ansare (CTO), who met at a brewery.",
     "Priya Vantongeren"),
    ("Ardmore Brokers raised €20 million. \"We want to grow,\" said managing director Niall Roche.", "Niall Roche"),
    ("Ardmore Brokers raised €20 million from Tarnfield Partners. Aine Dorgan, who joined from a rival in the summer, was "
     "recently appointed chief financial officer.", "Aine Dorgan"),
    ("Jonas Brecht, who heads Vantellix's battery unit, said demand was strong.", "Jonas Brecht"),
    ("Former Tarnfield chief executive Owen Pryce has joined Millrace Brewing's board.", "Owen Pryce"),
}


def _known(text: str, *names: str | None) -> None:
    if any((text, n) in KNOWN_MISSES for n in names):
        pytest.xfail("known miss")


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()
    return " ".join(s.replace("-", " ").replace("'", " ").split())


def _run(ex: Extractor, text: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return ex(Article(text=text, lang=lang, date="2025-03-10"))


def _kind(r, name: str) -> str:  # type: ignore[no-untyped-def]
    for e in r.entities:
        if _norm(e.name) == _norm(name) or _norm(name) in {_norm(a) for a in e.aliases}:
            return e.kind
    return ""


# (lang, text, name, expected kind: "Organisation", "Person" or "" for neither)
ENTITIES = [
    ("en", "Founded in 2019 by chief executive Rhona Delacourt and chief technology officer Wendel Ostrava, the "
           "company builds sensors for wind turbines.", "Wendel Ostrava", "Person"),
    ("en", "Founded in 2019 by chief executive Rhona Delacourt and chief technology officer Wendel Ostrava, the "
           "company builds sensors for wind turbines.", "Rhona Delacourt", "Person"),
    ("en", "Created in 2015 in a disused textile mill on the edge of town by Priya Vantongeren and Kofi Ansare, "
           "Millrace Cider employs 22 people.", "Kofi Ansare", "Person"),
    ("en", "Created in 2015 in a disused textile mill on the edge of town by Priya Vantongeren and Kofi Ansare, "
           "Millrace Cider employs 22 people.", "Priya Vantongeren", "Person"),
    ("en", "Chief executive Lorna Feeny, who co-founded the firm with Tadeusz Wrobelski, a chemist from Leiden, "
           "said sales had doubled.", "Tadeusz Wrobelski", "Person"),
    ("en", "Halvorsen Dynamics hired Bram Kettleby last year. (Kettleby, the company's head of research, "
           "still lectures at a university.)", "Bram Kettleby", "Person"),
    ("en", "The round was led by Quarrystone Capital and Leeds investment firm Moorgate Ventures.",
     "Leeds", ""),
    ("en", "Ardmore Brokers raised €20 million from Tarnfield Partners and Dublin family office Corrowe Capital.",
     "Dublin", ""),
    ("en", "Ardmore Brokers raised €20 million from Tarnfield Partners and Dublin family office Corrowe Capital.",
     "Corrowe Capital", "Organisation"),
    ("en", "Insurance broker Ardmore Brokers has branches in Galway, Ennis, Tralee and Dublin and employs 90 people.", "Tralee", ""),
    ("en", "Insurance broker Ardmore Brokers has branches in Galway, Ennis, Tralee and Dublin and employs 90 people.", "Ennis", ""),
    ("en", "The startup signed a supply deal with Slovak state-owned carrier Zelvar Freight.", "Slovak", ""),
    ("en", "The pair met while working at Peruvian fintech Quipay.", "Peruvian", ""),
    ("en", "The pair met while working at Peruvian fintech Quipay.", "Quipay", "Organisation"),
    ("en", "Robotics shares fell after Orbitrade Chief Executive Officer Dagny Holmqvist warned of a slowdown.",
     "Dagny Holmqvist", "Person"),
    ("en", "Robotics shares fell after Orbitrade Chief Executive Officer Dagny Holmqvist warned of a slowdown.",
     "Robotics", ""),
    ("en", "Sheffield cutlery maker Brightsteel Works Ltd has raised £3m.", "Brightsteel Works Ltd", "Organisation"),
    ("en", "Bristol brewer Harbourside Brewing Co has raised £900,000 from its drinkers.",
     "Harbourside Brewing Co", "Organisation"),
    ("en", "Gdansk-based Baltora Logistics said it would hire 50 people, chief executive Marek Zielny said.",
     "Marek Zielny", "Person"),
    ("en", "The deal still needs approval from the Slovenian Competition Protection Agency.",
     "Slovenian Competition Protection Agency", "Organisation"),
]


@pytest.mark.parametrize("lang,text,name,kind", ENTITIES)
def test_entity_kind(ex: Extractor, lang: str, text: str, name: str, kind: str) -> None:
    r = _run(ex, text, lang)
    got = _kind(r, name)
    if (got == kind) if kind else (got not in ("Organisation", "Person")):
        return
    _known(text, name)
    if kind:
        assert got == kind, [(e.kind, e.name) for e in r.entities]
    else:
        assert got not in ("Organisation", "Person"), [(e.kind, e.name) for e in r.entities]


def _offices(r) -> list[Office]:  # type: ignore[no-untyped-def]
    return [f for f in r.facts if isinstance(f, Office)]


def _office(offices: list[Office], org: str, city: str) -> Office | None:
    for o in offices:
        if _norm(org) in _norm(o.organisation) and _norm(city) in {_norm(o.place.name), _norm(o.place.as_written)}:
            return o
    return None


# (lang, text, organisation, city, status or None)
OFFICES = [
    ("en", "Sheffield craft brewer Millrace Brewing has raised £2m to open a second taproom.", "Millrace Brewing",
     "Sheffield", "existing"),
    ("en", "Ardmore Brokers raised €20 million from Tarnfield Partners and Dublin family office Corrowe Capital.",
     "Corrowe Capital", "Dublin", "existing"),
    ("en", "Insurance broker Ardmore Brokers has branches in Galway, Ennis, Tralee and Dublin and employs 90 people.",
     "Ardmore Brokers", "Tralee", "existing"),
    ("en", "Insurance broker Ardmore Brokers has branches in Galway, Ennis, Tralee and Dublin and employs 90 people.",
     "Ardmore Brokers", "Ennis", "existing"),
    ("en", "Insurance broker Ardmore Brokers has branches in Galway, Ennis, Tralee and Dublin and employs 90 people.",
     "Ardmore Brokers", "Dublin", "existing"),
    ("en", "Vantellix, which is headquartered in Leipzig, makes battery casings.", "Vantellix", "Leipzig", "existing"),
    ("en", "Vantellix is headquartered in Leipzig and has a presence in Vienna.", "Vantellix", "Leipzig", "existing"),
    ("en", "Vantellix is headquartered in Leipzig and has a presence in Vienna.", "Vantellix", "Vienna", "existing"),
    ("en", "Vantellix will open an office in Lisbon next year.", "Vantellix", "Lisbon", "planned"),
    ("en", "Vantellix opened a new office in Porto on Monday.", "Vantellix", "Porto", "opening"),
    ("en", "Leipzig-based Vantellix makes battery casings.", "Vantellix", "Leipzig", "existing"),
    ("en", "The Leipzig-headquartered company Vantellix makes battery casings.", "Vantellix", "Leipzig", "existing"),
    ("en", "Vantellix, a Leipzig battery start-up, has raised €10 million.", "Vantellix", "Leipzig", "existing"),
    ("en", "Ardmore Brokers has completed three acquisitions, most recently Tralee-based Kerrow Insurance, and "
           "plans to open an office in Sligo next year.", "Ardmore Brokers", "Sligo", "planned"),
    ("en", "Ardmore Brokers has completed three acquisitions, most recently Tralee-based Kerrow Insurance, and "
           "plans to open an office in Sligo next year.", "Kerrow Insurance", "Tralee", "existing"),
    ("en", "Its beer is brewed at a plant in Rotherham that it took on in 2020, Millrace Brewing said.",
     "Millrace Brewing", "Rotherham", "existing"),
    ("en", "Craft brewer Millrace Brewing runs taprooms in York and Hull.", "Millrace Brewing", "Hull", "existing"),
    ("en", "Craft brewer Millrace Brewing employs 40 people at its site in Wakefield.", "Millrace Brewing", "Wakefield",
     "existing"),
    ("en", "Craft brewer Millrace Brewing said in a statement that it would build a distillery in Harrogate.", "Millrace Brewing",
     "Harrogate", "planned"),
    ("en", "Pittsburgh robotics startup Stackrow has raised $30 million.", "Stackrow", "Pittsburgh", "existing"),
    ("en", "Stackrow is building a factory in Columbus, Ohio, that is expected to open in 2026.", "Stackrow",
     "Columbus", "planned"),
    ("en", "Stackrow, which was founded in Pittsburgh in 2018, assembles its robots there.", "Stackrow", "Pittsburgh",
     None),
    ("en", "Coastline Foods, the Brisbane-based snack maker, has raised A$12 million.", "Coastline Foods", "Brisbane",
     "existing"),
]

# (lang, text, organisation, city): no Office fact
NO_OFFICES = [
    ("en", "Millrace Brewing's beers are sold in supermarkets in Leeds and Hull.", "Millrace Brewing", "Leeds"),
    ("en", "Kinroy Partners, a Yorkshire-based fund manager, led the round in Millrace Brewing.", "Millrace Brewing",
     "Yorkshire"),
    ("en", "Stackrow will deploy its robots at a customer's warehouse in Columbus.", "Stackrow", "Columbus"),
    ("en", "Ardmore Brokers and Dubai-based Qarat Ports will set up a joint venture to run a terminal in Antwerp, "
           "the companies said.", "Qarat Ports", "Antwerp"),
    ("en", "Stackrow last year took a loan from the Pennsylvania Development Authority to equip its headquarters in "
           "Lawrenceville.", "Pennsylvania Development Authority", "Lawrenceville"),
    ("en", "Vantellix's scooters are now available in Madrid and Seville.", "Vantellix", "Madrid"),
    ("en", "Vantellix closed its office in Turin last year.", "Vantellix", "Turin"),
    ("en", "The City of Cork council said Vantellix will open an office in Cork early next year.", "City of Cork",
     "Cork"),
    ("en", "Last month Lumebright opened a studio in Reno, and it plans a partnership with Tavora Media.",
     "Tavora Media", "Reno"),
]


@pytest.mark.parametrize("lang,text,org,city,status", OFFICES)
def test_office(ex: Extractor, lang: str, text: str, org: str, city: str, status: str | None) -> None:
    offices = _offices(_run(ex, text, lang))
    o = _office(offices, org, city)
    if o is None or (status and o.status != status):
        _known(text, city)
    assert o is not None, [(x.organisation, x.place.name, x.status) for x in offices]
    if status:
        assert o.status == status


@pytest.mark.parametrize("lang,text,org,city", NO_OFFICES)
def test_no_office(ex: Extractor, lang: str, text: str, org: str, city: str) -> None:
    offices = _offices(_run(ex, text, lang))
    if _office(offices, org, city) is not None:
        _known(text, city)
    assert _office(offices, org, city) is None, [(x.organisation, x.place.name, x.status) for x in offices]


def _roles(r) -> list[Role]:  # type: ignore[no-untyped-def]
    return [f for f in r.facts if isinstance(f, Role)]


def _role(roles: list[Role], person: str, org: str | None) -> Role | None:
    for x in roles:
        if _norm(person) in _norm(x.person) and (org is None or _norm(org) in _norm(x.organisation)):
            return x
    return None


# (lang, text, person, organisation, word expected in the title)
ROLES = [
    ("en", "Founded in 2019 by chief executive Rhona Delacourt and chief technology officer Wendel Ostrava, "
           "Turbisense builds sensors for wind turbines.", "Wendel Ostrava", "Turbisense", "chief technology officer"),
    ("en", "Halvorsen Dynamics hired Bram Kettleby last year. Kettleby, the company's head of research, still "
           "lectures at a university.", "Bram Kettleby", "Halvorsen Dynamics", "head of research"),
    ("en", "Robotics shares fell after Orbitrade Chief Executive Officer Dagny Holmqvist warned of a slowdown.",
     "Dagny Holmqvist", "Orbitrade", "chief executive officer"),
    ("en", "Millrace Cider was founded by Priya Vantongeren (CEO) and Kofi Ansare (CTO), who met at a brewery.",
     "Kofi Ansare", "Millrace Cider", "CTO"),
    ("en", "Millrace Cider was founded by Priya Vantongeren (CEO) and Kofi Ansare (CTO), who met at a brewery.",
     "Priya Vantongeren", "Millrace Cider", "CEO"),
    ("en", "Ardmore Brokers raised €20 million. \"We want to grow,\" said managing director Niall Roche.",
     "Niall Roche", "Ardmore Brokers", "managing director"),
    ("en", "Ardmore Brokers raised €20 million from Tarnfield Partners. Aine Dorgan, who joined from a rival in "
           "the summer, was recently appointed chief financial officer.", "Aine Dorgan", "Ardmore Brokers",
     "chief financial officer"),
    ("en", "Vantellix chief executive Jonas Brecht said in a statement that the plant would open in May.",
     "Jonas Brecht", "Vantellix", "chief executive"),
    ("en", "\"This is a big step,\" said Jonas Brecht, chief executive and co-founder of Vantellix.", "Jonas Brecht",
     "Vantellix", "chief executive"),
    ("en", "Jonas Brecht, who heads Vantellix's battery unit, said demand was strong.", "Jonas Brecht", "Vantellix",
     None),
    ("en", "Stackrow CEO Dana Whitfield, who co-founded the company in 2018, said the money would fund hiring.",
     "Dana Whitfield", "Stackrow", "CEO"),
]

NO_ROLES = [
    ("en", "Former Tarnfield chief executive Owen Pryce has joined Millrace Brewing's board.", "Owen Pryce",
     "Tarnfield"),
    ("en", "Millrace Brewing is led by Ruth Ames, the ex-CEO of Brackwater Ales.", "Ruth Ames", "Brackwater Ales"),
    ("en", "Energy minister Colm Haverty welcomed the investment by Ardmore Brokers.", "Colm Haverty", None),
]


@pytest.mark.parametrize("lang,text,person,org,title", ROLES)
def test_role(ex: Extractor, lang: str, text: str, person: str, org: str, title: str | None) -> None:
    roles = _roles(_run(ex, text, lang))
    x = _role(roles, person, org)
    if x is None:
        _known(text, person)
    assert x is not None, [(y.person, y.organisation, y.title) for y in roles]
    if title:
        assert _norm(title) in _norm(x.title) or _norm(title) in _norm(x.title_as_written)


@pytest.mark.parametrize("lang,text,person,org", NO_ROLES)
def test_no_role(ex: Extractor, lang: str, text: str, person: str, org: str | None) -> None:
    roles = _roles(_run(ex, text, lang))
    if _role(roles, person, org) is not None:
        _known(text, person)
    assert _role(roles, person, org) is None, [(y.person, y.organisation, y.title) for y in roles]
