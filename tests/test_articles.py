import io
import json

import pytest

from kg.articles import ReadFailure, normalise_date, parse_front_matter, read_articles


def _read(*paths, stdin=None):
    return list(read_articles([str(p) for p in paths], stdin=stdin))


def test_markdown_front_matter(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: \"Acme opens\"\ndate: 2025-02-03\nurl: https://example.org/a\nlang: fr\n---\nCorps.\n")
    [art] = _read(f)
    assert (art.title, art.date, art.url, art.lang, art.text) == ("Acme opens", "2025-02-03", "https://example.org/a",
                                                                  "fr", "Corps.")


def test_text_without_front_matter_keeps_everything(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Plain text --- with dashes.\n")
    [art] = _read(f)
    assert art.text == "Plain text --- with dashes." and art.title is None


def test_unterminated_front_matter_is_a_named_failure(tmp_path):
    f = tmp_path / "bad.md"
    f.write_text("---\ntitle: x\ndate: 2024-01-01\n")
    [fail] = _read(f)
    assert isinstance(fail, ReadFailure) and fail.source == str(f) and "never closed" in fail.message


@pytest.mark.parametrize(("content", "message"), [(b"", "empty file"), (b"\x00\x01\x02binary", "binary")])
def test_empty_and_binary_files_fail_clearly(tmp_path, content, message):
    f = tmp_path / "x.txt"
    f.write_bytes(content)
    [fail] = _read(f)
    assert isinstance(fail, ReadFailure) and message in fail.message


def test_windows_1252_is_read(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Société générale à Paris".encode("cp1252"))
    [art] = _read(f)
    assert art.text == "Société générale à Paris" and "Windows-1252" in art.source


def test_jsonl_bad_line_does_not_stop_the_file(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps({"text": "One."}) + "\n{broken\n" + json.dumps({"body": "Two.", "lang": "en"}) + "\n")
    items = _read(f)
    assert [type(i).__name__ for i in items] == ["Article", "ReadFailure", "Article"]
    assert items[1].source == f"{f}:2"
    assert items[2].lang == "en"


def test_json_object_and_truncated_json(tmp_path):
    good, bad = tmp_path / "a.json", tmp_path / "b.json"
    good.write_text(json.dumps({"text": "Hello.", "title": "T", "date": "2024-05-06T10:00:00Z"}))
    bad.write_text('{"text": "Hel')
    art, fail = _read(good, bad)
    assert art.date == "2024-05-06"
    assert isinstance(fail, ReadFailure) and "invalid JSON" in fail.message


def test_html_main_text_without_boilerplate(tmp_path):
    f = tmp_path / "p.html"
    body = "Globex said on Monday that it has opened a new research office in Lyon with forty engineers. " * 3
    f.write_text(f"<html><head><title>Globex in Lyon</title><script>var x=1;</script></head><body>"
                 f"<nav>Home | Sign in</nav><article><h1>Globex in Lyon</h1><p>{body}</p></article>"
                 f"<footer>Cookies policy</footer></body></html>")
    [art] = _read(f)
    assert "research office in Lyon" in art.text
    assert "Cookies" not in art.text and "var x" not in art.text
    assert art.title == "Globex in Lyon"


def test_folder_is_read_recursively_and_stdin(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B.")
    (tmp_path / "a.md").write_text("A.")
    (tmp_path / "ignore.csv").write_text("x")
    assert [a.text for a in _read(tmp_path)] == ["A.", "B."]
    [art] = _read("-", stdin=io.BytesIO(b"---\nlang: en\n---\nFrom stdin."))
    assert art.text == "From stdin." and art.lang == "en"


def test_missing_path_and_empty_folder(tmp_path):
    missing, empty = tmp_path / "nope.txt", tmp_path / "empty"
    empty.mkdir()
    f1, f2 = _read(missing, empty)
    assert "no such file" in f1.message and "no article files" in f2.message


@pytest.mark.parametrize(("raw", "iso"), [("2024", "2024"), ("2024-10", "2024-10"), ("2024-1-5", "2024-01-05"),
                                          ("2024-10-03T08:00:00Z", "2024-10-03"), ("yesterday", None), ("", None)])
def test_normalise_date(raw, iso):
    assert normalise_date(raw) == iso


def test_front_matter_bad_line():
    with pytest.raises(ValueError, match="bad front matter line"):
        parse_front_matter("---\njust words\n---\nbody")


def test_article_key_uses_url_then_text():
    from kg.model import Article

    assert Article(text="x", url="https://e.org/a").key == Article(text="y", url="https://e.org/a").key
    assert Article(text="x").key != Article(text="y").key


def test_overlong_article_is_refused_with_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MAX_ARTICLE_CHARS", "100")
    f = tmp_path / "long.txt"
    f.write_text("word " * 50)
    [fail] = _read(f)
    assert isinstance(fail, ReadFailure) and "article too long (250 characters > 100)" in fail.message
