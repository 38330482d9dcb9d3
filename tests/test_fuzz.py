"""Property-based fuzzing (hypothesis): article readers and IRI minting never crash and stay well-formed."""

from __future__ import annotations

import json

import pyoxigraph as ox
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kg.articles import ReadFailure, parse_content, parse_front_matter
from kg.iris import Minter, slug
from kg.model import Article

FUZZ = settings(max_examples=150, deadline=None)
texts = st.text(st.characters(codec="utf-8"), max_size=400)


def check_items(items: list[Article | ReadFailure], source: str) -> None:
    assert items, "a reader yields at least one article or failure"
    for item in items:
        if isinstance(item, ReadFailure):
            assert item.source.startswith(source)
            assert item.message and "\n" not in item.message
        else:
            assert item.text.strip()
            assert item.date is None or len(item.date) in (4, 7, 10)
            assert item.lang in (None, "fr", "en")


@FUZZ
@given(texts)
def test_front_matter_never_crashes(text: str) -> None:
    try:
        meta, body = parse_front_matter(text)
    except ValueError as err:
        assert "front matter" in str(err)
        return
    assert isinstance(meta, dict) and isinstance(body, str)


@FUZZ
@given(st.dictionaries(st.sampled_from(["title", "date", "url", "lang", "junk"]), texts, max_size=5), texts)
def test_text_with_front_matter(meta: dict[str, str], body: str) -> None:
    head = "\n".join(f"{k}: {v}" for k, v in meta.items())
    check_items(list(parse_content(f"---\n{head}\n---\n{body}", "f.md", "text")), "f.md")


json_values = st.recursive(st.none() | st.booleans() | st.integers() | texts,
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
                           max_leaves=8)


@FUZZ
@given(st.one_of(json_values, st.fixed_dictionaries({"text": texts, "date": texts, "lang": texts})))
def test_json_reader(value: object) -> None:
    assume(value != [])  # see test_empty_json_list_is_reported
    check_items(list(parse_content(json.dumps(value), "a.json", "json")), "a.json")


@FUZZ
@given(st.lists(st.one_of(texts, st.builds(lambda t: json.dumps({"text": t}), texts)), min_size=1, max_size=6))
def test_jsonl_reader(lines: list[str]) -> None:
    content = "\n".join(line.replace("\n", " ") for line in lines)
    items = list(parse_content(content, "a.jsonl", "jsonl"))
    for item in items:
        if isinstance(item, ReadFailure):
            assert item.source.startswith("a.jsonl:") and "\n" not in item.message
        else:
            assert item.text.strip()


@settings(max_examples=60, deadline=None)
@given(texts, st.sampled_from(["", "<script>x</script>", "<html><body><p>", "<!doctype html>", "</p></div>"]))
def test_html_reader(text: str, markup: str) -> None:
    check_items(list(parse_content(f"<html><body>{markup}<p>{text}</p></body></html>", "p.html", "html")), "p.html")


@FUZZ
@given(texts, texts)
def test_iris_are_valid_and_stable(a: str, b: str) -> None:
    minter = Minter()
    iris = [minter.organisation(a), minter.person(a), minter.place(None, a), minter.office(a, slug(b)),
            minter.role(a, b), minter.partnership([a, b]), minter.article(Article(text=a, url=b).key)]
    for iri in iris:
        assert ox.NamedNode(iri).value == iri
    assert iris == [minter.organisation(a), minter.person(a), minter.place(None, a), minter.office(a, slug(b)),
                    minter.role(a, b), minter.partnership([a, b]), minter.article(Article(text=a, url=b).key)]
    assert minter.partnership([a, b]) == minter.partnership([b, a])
    assert slug(a) == slug(a) and slug(a)


def test_empty_json_list_is_reported() -> None:
    """A .json file holding ``[]`` has no article: it must be reported, not skipped silently."""
    items = list(parse_content("[]", "empty.json", "json"))
    assert len(items) == 1 and isinstance(items[0], ReadFailure) and items[0].source == "empty.json"
