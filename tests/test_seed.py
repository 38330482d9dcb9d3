"""SPEC §1: the seed article alone yields every fact, queryable with the ontology terms."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "eval" / "dev" / "articles" / "fr-00-openai-offices.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/eval/dev is not beside the repository")

PREFIXES = """
PREFIX kg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture(scope="module")
def store():
    from kg.ingest import ingest
    from kg.store import open_store

    st = open_store(None)
    report = ingest(st, [str(SEED)])
    assert report.ok == 1, report.failures
    return st


def ask(store, body):
    return bool(store.query(PREFIXES + "ASK { " + body + " }"))


@pytest.mark.parametrize("name", ["OpenAI", "AI Singapore", "Union européenne"])
def test_organisations(store, name):
    assert ask(store, f'?o a kg:Organisation ; rdfs:label "{name}" ; kg:mentionedIn ?a . ?a a kg:Article')


@pytest.mark.parametrize("name", ["Sam Altman", "Oliver Jay"])
def test_persons(store, name):
    assert ask(store, f'?p a kg:Person ; rdfs:label "{name}"')


@pytest.mark.parametrize(
    ("city", "status"),
    [("Paris", "opening"), ("Brussels", "opening"), ("New York", "opening"), ("Seattle", "opening"),
     ("Singapore", "planned"), ("London", "existing"), ("Dublin", "existing"), ("Tokyo", "existing")],
)
def test_offices_with_status_and_evidence(store, city, status):
    assert ask(store, f"""
        ?org rdfs:label "OpenAI" ; kg:hasOffice ?office .
        ?office a kg:Office ; kg:locatedIn ?place ; kg:status "{status}" ;
                kg:evidence ?ev ; prov:wasDerivedFrom ?article ; kg:confidence ?c .
        ?place a kg:Place ; rdfs:label "{city}"@en ; kg:geonamesId ?gid .
        ?article a kg:Article .
        FILTER(STRLEN(?ev) > 20 && ?c >= 0 && ?c <= 1)""")


def test_tokyo_opened_april_2024(store):
    assert ask(store, """?office kg:locatedIn/rdfs:label "Tokyo"@en ; kg:startDate ?d .
                        FILTER(STR(?d) = "2024-04")""")


def test_brussels_is_one_place_with_both_labels(store):
    assert ask(store, """?p kg:geonamesId 2800866 ; rdfs:label "Brussels"@en, "Bruxelles"@fr ;
                         owl:sameAs <https://sws.geonames.org/2800866/>""")
    rows = list(store.query(PREFIXES + 'SELECT DISTINCT ?p WHERE { ?p rdfs:label ?l FILTER(STR(?l) IN ("Brussels", "Bruxelles")) }'))
    assert len(rows) == 1


@pytest.mark.parametrize(("person", "title", "written"), [("Sam Altman", "CEO", "PDG"),
                                                         ("Oliver Jay", "managing director", "directeur général")])
def test_roles(store, person, title, written):
    assert ask(store, f"""
        ?r a kg:Role ; kg:person/rdfs:label "{person}" ; kg:organisation/rdfs:label "OpenAI" ;
           kg:title "{title}" ; kg:titleAsWritten ?w ; kg:evidence ?ev ; prov:wasDerivedFrom ?a .
        FILTER(LCASE(STR(?w)) = "{written.lower()}")""")


def test_oliver_jay_based_in_singapore(store):
    assert ask(store, """?r kg:person/rdfs:label "Oliver Jay" ; kg:basedAt ?b .
                         { ?b rdfs:label "Singapore"@en } UNION { ?b kg:locatedIn/rdfs:label "Singapore"@en }""")


def test_partnership(store):
    assert ask(store, """?p a kg:Partnership ; kg:partner ?a, ?b ; kg:evidence ?ev ; prov:wasDerivedFrom ?art .
                         ?a rdfs:label "OpenAI" . ?b rdfs:label "AI Singapore" .""")


def test_funding_round(store):
    assert ask(store, """?f a kg:FundingRound ; kg:raisedBy/rdfs:label "OpenAI" ; kg:amount ?amt ;
                            kg:currency "USD" ; kg:announcedOn ?d ; kg:evidence ?ev ; prov:wasDerivedFrom ?a .
                         FILTER(?amt = 6600000000 && STRSTARTS(STR(?d), "2024-10"))""")


def test_every_fact_in_the_article_named_graph(store):
    rows = list(store.query(PREFIXES + """SELECT ?f WHERE {
        ?f a ?t FILTER(?t IN (kg:Office, kg:Role, kg:Partnership, kg:FundingRound))
        FILTER NOT EXISTS { GRAPH ?a { ?f kg:evidence ?ev . ?a a kg:Article } } }"""))
    assert rows == []
