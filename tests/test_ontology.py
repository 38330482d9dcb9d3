"""The ontology layer: kg.ttl, shapes.ttl, the generated vocabulary and the saved queries (with golden results)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg import ontology
from kg.ontology import QueryParameterError, SavedQueryError, load_saved_query, saved_queries
from kg.vocab import KG, LABELS, XSD

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DATA = ROOT / "tests" / "data" / "golden.trig"
MERGED = "https://w3id.org/newskg/graph/merged"
NS = rdflib.Namespace("https://w3id.org/newskg/ontology#")

SPEC_CLASSES = ["Organisation", "Person", "Office", "Partnership", "FundingRound", "Role", "Place", "Article",
                "City", "Country"]
SPEC_OBJECT_PROPERTIES = ["hasOffice", "locatedIn", "person", "organisation", "basedAt", "partner", "raisedBy",
                          "investor", "leadInvestor", "country", "mentionedIn"]
SPEC_DATATYPE_PROPERTIES = ["status", "startDate", "title", "titleAsWritten", "announcedOn", "purpose", "amount",
                            "currency", "series", "valuation", "geonamesId", "evidence", "confidence", "contentHash",
                            "extractedBy", "evidenceStart", "evidenceEnd"]
SCHEMA = rdflib.Namespace("https://schema.org/")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology.ontology_path(), format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology.shapes_path(), format="turtle")


# -- kg.ttl -----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("term", "kind"),
    [(t, OWL.Class) for t in SPEC_CLASSES] + [(t, OWL.ObjectProperty) for t in SPEC_OBJECT_PROPERTIES]
    + [(t, OWL.DatatypeProperty) for t in SPEC_DATATYPE_PROPERTIES],
)
def test_ontology_declares_term_with_bilingual_label_and_comment(onto: rdflib.Graph, term: str, kind: rdflib.URIRef):
    iri = NS[term]
    assert (iri, RDF.type, kind) in onto
    for prop in (RDFS.label, RDFS.comment):
        langs = {o.language for o in onto.objects(iri, prop) if isinstance(o, rdflib.Literal)}
        assert {"en", "fr"} <= langs, f"kg:{term} lacks an English or French {prop}"
    if kind != OWL.Class:
        assert (iri, RDFS.domain, None) in onto and (iri, RDFS.range, None) in onto


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        (NS.Organisation, RDFS.subClassOf, SCHEMA.Organization),
        (NS.Organisation, RDFS.subClassOf, ORG.Organization),
        (NS.Person, RDFS.subClassOf, SCHEMA.Person),
        (NS.Person, RDFS.subClassOf, FOAF.Person),
        (NS.Office, RDFS.subClassOf, ORG.Site),
        (NS.Partnership, SKOS.closeMatch, ORG.OrganizationalCollaboration),
        (NS.FundingRound, RDFS.subClassOf, SCHEMA.Event),
        (NS.Role, RDFS.subClassOf, ORG.Membership),
        (NS.Place, RDFS.subClassOf, SCHEMA.Place),
        (NS.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
        (NS.Article, RDFS.subClassOf, PROV.Entity),
        (NS.City, RDFS.subClassOf, NS.Place),
        (NS.leadInvestor, RDFS.subPropertyOf, NS.investor),
        (NS.amount, RDFS.range, rdflib.XSD.decimal),
        (NS.geonamesId, RDFS.range, rdflib.XSD.integer),
    ],
)
def test_ontology_alignments(onto: rdflib.Graph, subject, predicate, obj):
    assert (subject, predicate, obj) in onto


def test_ontology_header(onto: rdflib.Graph):
    header = rdflib.URIRef("https://w3id.org/newskg/ontology")
    assert (header, RDF.type, OWL.Ontology) in onto
    assert onto.value(header, OWL.versionInfo) is not None
    assert onto.value(header, rdflib.URIRef("http://purl.org/dc/terms/license")) is not None
    assert {o.language for o in onto.objects(header, RDFS.comment)} == {"en", "fr"}


# -- vocab.py ---------------------------------------------------------------------------------------------------
def test_vocab_is_up_to_date():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_vocab.py"), "--check"], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()


def test_vocab_terms_are_iris_and_typos_fail(onto: rdflib.Graph):
    assert KG.Organisation == "https://w3id.org/newskg/ontology#Organisation"
    assert XSD.decimal == "http://www.w3.org/2001/XMLSchema#decimal"
    with pytest.raises(AttributeError, match="kg:Organization is not a term"):
        _ = KG.Organization
    declared = {str(s) for s in onto.subjects() if str(s).startswith(str(NS))}
    assert set(KG) == declared
    assert LABELS[KG.FundingRound] == {"en": "Funding round", "fr": "Levée de fonds"}


def test_vocab_imports_nothing_third_party():
    code = "import sys, kg.vocab; print(sorted(m for m in ('rdflib', 'pyoxigraph', 'click') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


# -- shapes.ttl -------------------------------------------------------------------------------------------------
CONFORMING = """
@base <https://w3id.org/newskg/id/> .
@prefix kg: <https://w3id.org/newskg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
<article/0123456789abcdef> a kg:Article ; schema:headline "A headline" ; schema:datePublished "2025-01-05"^^xsd:date ;
    schema:inLanguage "en" ; kg:contentHash "abc123" .
<article/fedcba9876543210> a kg:Article ; kg:contentHash "def456" .
<org/acme> a kg:Organisation ; rdfs:label "Acme" ; kg:hasOffice <office/acme/geonames-1> ;
    kg:mentionedIn <article/0123456789abcdef> .
<org/zenith> a kg:Organisation ; rdfs:label "Zenith" .
<person/ada-lovelace> a kg:Person ; rdfs:label "Ada Lovelace" .
<place/geonames-1> a kg:Place , kg:City ; rdfs:label "Springfield"@en , "Springfield"@fr ; kg:geonamesId 1 .
<office/acme/geonames-1> a kg:Office ; rdfs:label "Acme office in Springfield" ; kg:locatedIn <place/geonames-1> ;
    kg:status "opening" , "existing" ; kg:startDate "2024-04"^^xsd:gYearMonth ;
    prov:wasDerivedFrom <article/0123456789abcdef> , <article/fedcba9876543210> ;
    kg:evidence "Acme opens an office in Springfield." , "Acme's Springfield office is open." ;
    kg:confidence 0.8 , 0.6 ; kg:extractedBy "en.office.open-verb" ; kg:evidenceStart 0 ; kg:evidenceEnd 36 .
<role/ada-lovelace/acme> a kg:Role ; rdfs:label "Ada Lovelace, CEO of Acme" ; kg:person <person/ada-lovelace> ;
    kg:organisation <org/acme> ; kg:title "CEO" ; kg:titleAsWritten "PDG" ; kg:basedAt <place/geonames-1> ;
    prov:wasDerivedFrom <article/0123456789abcdef> ; kg:evidence "Ada Lovelace, PDG d'Acme." ; kg:confidence 0.9 .
<partnership/acme+zenith> a kg:Partnership ; rdfs:label "Acme and Zenith" ; kg:partner <org/acme> , <org/zenith> ;
    prov:wasDerivedFrom <article/0123456789abcdef> ; kg:evidence "Acme and Zenith team up." ; kg:confidence 0.7 .
<funding/acme/eur-5000000> a kg:FundingRound ; rdfs:label "Acme raised 5000000 EUR" ; kg:raisedBy <org/acme> ;
    kg:amount "5000000"^^xsd:decimal ; kg:currency "EUR" ; kg:series "Seed" ;
    kg:investor <org/zenith> , <person/ada-lovelace> ; kg:leadInvestor <org/zenith> ;
    prov:wasDerivedFrom <article/0123456789abcdef> ; kg:evidence "Acme raised 5 million euros." ; kg:confidence 0.8 .
"""


def _validate(data: str, shapes: rdflib.Graph) -> tuple[bool, str]:
    import pyshacl

    conforms, _graph, text = pyshacl.validate(rdflib.Graph().parse(data=data, format="turtle"), shacl_graph=shapes)
    return conforms, text


def test_shapes_accept_conforming_graph(shapes: rdflib.Graph):
    conforms, text = _validate(CONFORMING, shapes)
    assert conforms, text


def test_shapes_accept_golden_merged_graph(shapes: rdflib.Graph):
    store = ox.Store()
    store.load(path=str(GOLDEN_DATA), format=ox.RdfFormat.TRIG)
    merged = store.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.NamedNode(MERGED)).decode()
    conforms, text = _validate(merged, shapes)
    assert conforms, text


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("kg:partner <org/acme> , <org/zenith> ;", "kg:partner <org/acme> ;", "at least two kg:partner"),
        ('kg:currency "EUR"', 'kg:currency "euros"', "ISO 4217"),
        ('kg:evidence "Acme and Zenith team up." ;', "", "at least one evidence sentence"),
        ('kg:evidence "Acme raised 5 million euros." ;', 'kg:evidence "" ;', "at least one evidence sentence"),
        ('<org/acme> ; kg:title "CEO"', "<place/geonames-1> ; kg:title \"CEO\"", "kg:organisation"),
        ('kg:status "opening" , "existing"', 'kg:status "rumoured"', "kg:status"),
        ("kg:confidence 0.8 , 0.6", "kg:confidence 1.5", "between 0 and 1"),
        ('kg:amount "5000000"^^xsd:decimal', 'kg:amount "-5"^^xsd:decimal', "kg:amount"),
        ("kg:geonamesId 1 ", 'kg:geonamesId "1" ', "kg:geonamesId"),
        ('; kg:contentHash "def456"', "", "kg:contentHash"),
        ("kg:leadInvestor <org/zenith>", "kg:leadInvestor <org/acme>", "not also stated as a kg:investor"),
        ("prov:wasDerivedFrom <article/0123456789abcdef> ; kg:evidence \"Acme and", "kg:evidence \"Acme and",
         "prov:wasDerivedFrom"),
    ],
)
def test_shapes_report_violations(shapes: rdflib.Graph, old: str, new: str, message: str):
    assert old in CONFORMING
    conforms, text = _validate(CONFORMING.replace(old, new, 1), shapes)
    assert not conforms
    assert message in text


# -- saved queries ----------------------------------------------------------------------------------------------
EXPECTED_QUERIES = {"offices", "roles", "partners", "partnership-network", "funding", "funding-totals", "investors",
                    "timeline", "organisations-in-city", "mentions", "evidence", "top-entities"}


def test_saved_queries_are_listed_with_headers():
    queries = saved_queries()
    assert {q.name for q in queries} == EXPECTED_QUERIES
    for q in queries:
        assert q.title and q.description and q.examples, q.name
        assert q.examples[0].startswith(f"kg query {q.name}")
        for p in q.params:
            assert p.description and p.example, (q.name, p.name)


@pytest.mark.parametrize("name", sorted(EXPECTED_QUERIES))
def test_saved_query_parses_and_runs_on_empty_store(name: str):
    q = load_saved_query(name)
    assert list(ox.Store().query(q.text)) == []
    example = {p.name: p.example or "x" for p in q.params}
    assert list(ox.Store().query(q.bind(example))) == []


def test_bind_escapes_values_and_checks_names():
    q = load_saved_query("offices")
    hostile = 'x" } } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    store = ox.Store()
    store.load(path=str(GOLDEN_DATA), format=ox.RdfFormat.TRIG)
    assert list(store.query(q.bind({"org": hostile}), default_graph=ox.NamedNode(MERGED))) == []
    with pytest.raises(QueryParameterError, match="needs --param org"):
        q.bind({})
    with pytest.raises(QueryParameterError, match="no parameter 'city'"):
        q.bind({"org": "Acme", "city": "Paris"})
    with pytest.raises(SavedQueryError, match="no saved query named"):
        load_saved_query("../kg")


def test_query_header_format(tmp_path: Path):
    path = tmp_path / "demo.rq"
    path.write_text(
        "# title: Demo\n# description: First line\n#   and second line.\n"
        '# param: who ?who_name optional any-language  A name (e.g. "Ada")\n# example: kg query demo\n'
        "SELECT ?x WHERE { VALUES ?who_name { UNDEF } ?x ?p ?who_name }\n",
        encoding="utf-8",
    )
    q = ontology.parse_saved_query(path)
    assert q.description == "First line and second line."
    (p,) = q.params
    assert (p.name, p.variable, p.required, p.any_language, p.example) == ("who", "who_name", False, True, "Ada")
    assert 'VALUES ?who_name { "Ada" "Ada"@en "Ada"@fr }' in q.bind({"who": "Ada"})
    path.write_text("# title: Demo\n# description: d\n# param: who ?who_name  A name\nSELECT * {}\n", encoding="utf-8")
    with pytest.raises(SavedQueryError, match="UNDEF"):
        ontology.parse_saved_query(path)


# -- saved queries on tests/data/golden.trig (their golden results: tests/test_cli_query.py) ---------------------
@pytest.fixture(scope="module")
def golden_store() -> ox.Store:
    store = ox.Store()
    store.load(path=str(GOLDEN_DATA), format=ox.RdfFormat.TRIG)
    return store


def _run(store: ox.Store, name: str, params: dict[str, str]) -> dict:
    text = load_saved_query(name).bind(params)
    solutions = store.query(text, default_graph=ox.NamedNode(MERGED))
    return json.loads(solutions.serialize(format=ox.QueryResultsFormat.JSON))


@pytest.mark.parametrize(
    ("name", "params", "column", "values"),
    [
        ("roles", {"person": "Ortega"}, "organisation", {"Nordlicht Robotics"}),
        ("roles", {"org": "Quillon Bio", "person": "Claire Dumont"}, "title_as_written", {"PDG"}),
        ("roles", {"org": "Quillon Bio", "person": "Rafael Ortega"}, "title", set()),
        ("funding", {}, "amount", {"12000000", "2500000", "30000000"}),
        ("organisations-in-city", {"city": "Montreal"}, "organisation", {"Nordlicht Robotics"}),
        ("organisations-in-city", {"city": "France"}, "city", {"Lyon", "Paris"}),
        ("mentions", {"entity": "Quillon"}, "article", {
            "https://w3id.org/newskg/id/article/a1a1a1a1a1a1a1a1", "https://w3id.org/newskg/id/article/b2b2b2b2b2b2b2b2",
            "https://w3id.org/newskg/id/article/c3c3c3c3c3c3c3c3"}),
        ("investors", {"investor": "Amira Haddad"}, "lead", {"false"}),
        ("offices", {"org": "Nobody"}, "city", set()),
    ],
)
def test_saved_query_parameters(golden_store: ox.Store, name: str, params: dict, column: str, values: set):
    got = _run(golden_store, name, params)
    assert {b[column]["value"] for b in got["results"]["bindings"] if column in b} == values


def test_only_if_lines_dropped_when_optional_param_missing():
    roles = load_saved_query("roles")
    assert "?person_iri rdfs:label|skos:altLabel ?person_name" in roles.text
    unbound = roles.bind({"org": "Quillon Bio"})
    assert "?person_name ." not in unbound and "?org_name ." in unbound
    assert "?person_name ." in roles.bind({"person": "Ortega"})


def test_only_if_must_name_an_optional_param(tmp_path):
    path = tmp_path / "demo.rq"
    path.write_text("# title: Demo\n# description: d\n# param: who ?who_name  A name\n"
                    "SELECT * { VALUES ?who_name { UNDEF }\n ?s ?p ?who_name .  # only-if: who\n}\n", encoding="utf-8")
    with pytest.raises(SavedQueryError, match="only-if"):
        ontology.parse_saved_query(path)
