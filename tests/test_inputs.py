"""What `briefkit add` takes besides a text file: pages, feeds and URLs, and copies.

The fast tier: parsing (trafilatura, feedparser), the fetch limits against a local
server, copy detection and sources. Nothing here loads spaCy: each CLI run here
stops before extraction (an error, or a copy recorded as a source).
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import REPO
from webfixtures import FURNITURE, PAGES, atom, rss, serving, wire_copy

import briefkit.fetch as fetch_module
from briefkit.cli import _plural, main
from briefkit.errors import BriefkitError
from briefkit.fetch import fetch, is_url
from briefkit.inputs import (
    COPY_THRESHOLD,
    FEED,
    HTML,
    TEXT,
    kind_of,
    read_feed,
    read_page,
    shingles,
    similarity,
)
from briefkit.linking import Known, link
from briefkit.model import Briefing, validate_shape
from briefkit.store import add_source, find_copy, load_corpus, read_yaml

SEED = "2024-09-11-iran-president-visits-iraq"


@pytest.fixture(scope="module")
def web() -> Iterator[str]:
    with serving() as base:
        yield base


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "briefings"
    shutil.copytree(REPO / "briefings", root)
    return root


# --------------------------------------------------------------------------- kinds


def test_kind_is_told_by_content_not_extension(tmp_path: Path) -> None:
    assert kind_of((PAGES / "ferry.html").read_bytes()) == HTML
    assert kind_of(rss("http://x")) == FEED
    assert kind_of(atom("http://x")) == FEED
    assert kind_of(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- c --><rss version='2.0'/>") == FEED
    assert kind_of(b"<!doctype html><title>t</title><p>x") == HTML
    assert kind_of(b"The council voted on Thursday.\n") == TEXT
    assert kind_of(b"<notes><n>an XML file that is no feed</n></notes>") == TEXT


# --------------------------------------------------------------------------- pages


@pytest.mark.parametrize("name", ["ferry.html", "orchard.html"])
def test_page_furniture_stays_out_of_the_text(name: str) -> None:
    page = read_page((PAGES / name).read_bytes(), name)
    for words in FURNITURE:
        assert words.lower() not in page.text.lower(), words
    assert "voted on Thursday" in page.text or "said on Monday" in page.text


def test_page_metadata_from_json_ld_open_graph_and_time() -> None:
    page = read_page((PAGES / "ferry.html").read_bytes(), "ferry.html")
    assert page.title == "Harbour council approves new ferry link"
    assert page.outlet == "The Northgate Courier"
    assert page.authors == ["Elin Varga", "Tomas Ridley"]
    assert str(page.published) == "2024-03-14"
    assert page.url == "https://courier.example/news/2024/03/harbour-ferry-link"
    assert page.language == "en-GB"
    orchard = read_page((PAGES / "orchard.html").read_bytes(), "orchard.html")
    assert (orchard.outlet, orchard.authors, str(orchard.published)) == (
        "Valley Ledger",
        ["Priya Castellan"],
        "2024-04-22",
    )
    assert orchard.url is None  # no canonical link: none is made up


def test_a_page_without_article_text_is_refused() -> None:
    with pytest.raises(BriefkitError, match="no article text"):
        read_page(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty.html")


# --------------------------------------------------------------------------- feeds


def test_rss_and_atom_items() -> None:
    items = read_feed(rss("http://h"), "rss.xml")
    assert [i.url for i in items] == ["http://h/news/ferry.html", "http://h/news/orchard.html"]
    assert str(items[0].published) == "2024-03-14"
    entries = read_feed(atom("http://h"), "atom.xml")
    assert [i.url for i in entries] == ["http://h/wire/ferry.html", "http://h/news/orchard.html"]
    assert entries[1].title == "Frost threatens Dellmoor apple harvest"


# --------------------------------------------------------------------------- fetch limits


def test_fetch_follows_a_redirect(web: str) -> None:
    fetched = fetch(f"{web}/moved")
    assert fetched.url == f"{web}/news/ferry.html"
    assert fetched.media_type == "text/html"
    assert b"ferry link" in fetched.data


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/loop-a", "redirect loop"),
        ("/chain/0", "more than 5 redirects"),
        ("/to-ftp", "which is not http(s)"),
        ("/missing", "HTTP 404"),
        ("/huge-declared", "past the cap"),
        ("/huge", "larger than the cap"),
    ],
)
def test_fetch_limits(web: str, path: str, message: str) -> None:
    with pytest.raises(BriefkitError) as caught:
        fetch(f"{web}{path}", max_bytes=1_000_000)
    (problem,) = caught.value.problems
    assert problem.path == f"{web}{path}"
    assert message in problem.message
    assert str(problem).startswith(f"{web}{path}:0:0: ")


@pytest.mark.parametrize(
    ("host", "inside"),
    [("127.0.0.1", True), ("10.1.2.3", True), ("169.254.169.254", True), ("::1", True),
     ("192.168.0.9", True), ("100.64.0.1", True), ("8.8.8.8", False), ("2001:4860::8888", False)],
)  # fmt: skip
def test_internal_addresses(host: str, inside: bool) -> None:
    assert fetch_module.internal(host) is inside


def _as_public(monkeypatch: pytest.MonkeyPatch, web: str) -> str:
    """The local server under the name "localhost", which counts as a public host:
    its name and the address the connection reaches both pass for public."""
    _name_looks_public(monkeypatch)
    monkeypatch.setattr(fetch_module, "_reached_inside", lambda peer: False)
    return web.replace("127.0.0.1", "localhost")


def _name_looks_public(monkeypatch: pytest.MonkeyPatch) -> None:
    real = fetch_module.internal
    monkeypatch.setattr(fetch_module, "internal", lambda h: h != "localhost" and real(h))


def test_a_name_that_resolves_inside_at_connect_time_is_refused(
    web: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DNS rebinding: the name passes the check as public, then the connection
    # reaches 127.0.0.1. The peer of the real socket is what decides.
    _name_looks_public(monkeypatch)
    with pytest.raises(BriefkitError) as caught:
        fetch(web.replace("127.0.0.1", "localhost") + "/news/ferry.html")
    (problem,) = caught.value.problems
    assert "connected to 127.0.0.1, inside this network" in problem.message
    # Typed as an internal address, the same page is the analyst's choice.
    assert b"ferry link" in fetch(f"{web}/news/ferry.html").data


def test_a_public_page_may_not_redirect_inside_the_network(
    web: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    public = _as_public(monkeypatch, web)
    assert b"ferry link" in fetch(f"{public}/moved").data  # public to public
    with pytest.raises(BriefkitError) as caught:
        fetch(f"{public}/to-internal")
    (problem,) = caught.value.problems
    assert problem.path == f"{public}/to-internal"
    assert "is inside this network (127.0.0.1)" in problem.message
    # Typed, an internal address is the analyst's choice: it is fetched.
    assert b"ferry link" in fetch(f"{web}/to-internal").data


def test_a_public_feeds_items_may_not_point_inside_the_network(
    web: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    public = _as_public(monkeypatch, web)
    root = tmp_path / "briefings"
    # The feed is served from "localhost", its items name 127.0.0.1.
    assert main(["add", f"{public}/rss.xml", "--root", str(root)]) == 1
    captured = capsys.readouterr()
    assert "2 items: 0 added" in captured.out and "2 failed" in captured.out
    assert "is inside this network (127.0.0.1)" in captured.err
    assert not root.exists() or not [p for p in root.iterdir() if not p.name.startswith(".")]


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "gopher://h/"])
def test_only_http_and_https(url: str) -> None:
    assert is_url(url)
    with pytest.raises(BriefkitError, match="only http and https"):
        fetch(url)


def test_a_dns_failure_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_dns(*_args: object, **_kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    # No lookup leaves the machine: the resolver itself fails.
    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(BriefkitError, match=r"cannot find the host news\.invalid"):
        fetch("http://news.invalid/story")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/logo.png", "is not an HTML page or a feed (served as image/png)"),
        ("/plain.txt", "is not an HTML page or a feed (served as text/plain)"),
        ("/missing", "the server answered HTTP 404"),
        ("/loop-a", "redirect loop"),
    ],
)
def test_add_reports_a_bad_url_and_writes_nothing(
    web: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], path: str, message: str
) -> None:
    root = tmp_path / "briefings"
    assert main(["add", f"{web}{path}", "--root", str(root)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{web}{path}:0:0: ")
    assert message in err and "nothing was written" in err
    assert "Traceback" not in err
    assert not root.exists()


def test_add_of_a_non_http_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["add", "ftp://127.0.0.1/story.html", "--root", str(tmp_path / "b")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ftp://127.0.0.1/story.html:0:0: briefkit fetches only http and https")


def test_extract_never_fetches(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "http://127.0.0.1:9/story"]) == 1
    assert "only `briefkit add` fetches" in capsys.readouterr().err


# --------------------------------------------------------------------------- copies


def test_near_copy_threshold() -> None:
    story = (PAGES / "ferry.html").read_bytes()
    original = shingles(read_page(story, "a").text)
    wire = shingles(read_page(wire_copy(), "b").text)
    other = shingles(read_page((PAGES / "orchard.html").read_bytes(), "c").text)
    assert similarity(original, original) == 1.0
    assert COPY_THRESHOLD <= similarity(original, wire) < 1.0
    assert similarity(original, other) < 0.1


def test_find_copy_in_the_corpus(corpus: Path) -> None:
    text = (corpus / SEED / "article.txt").read_text("utf-8")
    assert find_copy(corpus, text).folder.name == SEED  # type: ignore[union-attr]
    edited = text.replace("arrived in Iraq", "arrived in Iraq's capital", 1) + "\n(Wire copy.)\n"
    copy = find_copy(corpus, edited)
    assert copy is not None and copy.folder.name == SEED and copy.score < 1.0
    assert find_copy(corpus, (PAGES / "orchard.html").read_text("utf-8")) is None


def test_add_source_keeps_the_analysts_comments(corpus: Path) -> None:
    path = corpus / SEED / "briefing.yaml"
    text = path.read_text("utf-8").replace("\ntags:", "\n# checked by hand, keep\ntags:", 1)
    path.write_text(text, "utf-8")
    assert add_source(corpus / SEED, "Wire Co", "https://wire.example/a", "2024-09-12")
    assert not add_source(corpus / SEED, "Wire Co", "https://wire.example/a", "2024-09-12")
    after = path.read_text("utf-8")
    assert "# checked by hand, keep\ntags:" in after
    added = (
        "sources:\n  - {outlet: Wire Co, url: https://wire.example/a, published: '2024-09-12'}\n"
    )
    assert added in after
    # Nothing else moved: the new lines are the only difference.
    assert after.replace(added, "") == text
    briefings, problems = load_corpus(corpus)
    assert problems == []
    seed = next(b for b in briefings if b.id == SEED)
    assert [(s.outlet, s.url) for s in seed.sources] == [("Wire Co", "https://wire.example/a")]


def test_a_copy_at_another_address_becomes_a_source(
    web: str, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The seed's text as another outlet's page: recorded on the seed, no second briefing."""
    text = (corpus / SEED / "article.txt").read_text("utf-8").split("The post ")[0]
    paragraphs = "".join(f"<p>{p}</p>\n" for p in text.split("\n") if p.strip())
    page = tmp_path / "saved.txt"  # a saved page, named as if it were text
    page.write_text(
        "<!DOCTYPE html><html lang='en'><head><title>Iran visit</title>"
        "<meta property='og:site_name' content='Gulf Wire'>"
        "<link rel='canonical' href='https://gulfwire.example/iran-visit'></head>"
        f"<body><nav><a href='/'>Home</a></nav><article>{paragraphs}</article>"
        "<footer>All rights reserved</footer></body></html>",
        "utf-8",
    )
    before = sorted(p.name for p in corpus.iterdir())
    assert main(["add", str(page), "--root", str(corpus)]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert f"as {corpus / SEED}/: recorded as another source" in out
    assert sorted(p.name for p in corpus.iterdir()) == before
    data, _, _ = read_yaml(corpus / SEED / "briefing.yaml")
    assert data["sources"] == [
        {"outlet": "Gulf Wire", "url": "https://gulfwire.example/iran-visit", "published": None}
    ]
    # The same again is the same source: refused, as adding one article twice is.
    assert main(["add", str(page), "--root", str(corpus)]) == 1
    assert "this article exists already" in capsys.readouterr().err


def test_the_same_text_twice_is_refused_as_before(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = corpus / SEED / "article.txt"
    assert main(["add", str(article), "--root", str(corpus)]) == 1
    assert "this article exists already, as" in capsys.readouterr().err


# --------------------------------------------------------------------------- the contract


def test_schema_and_model_take_sources() -> None:
    data = {
        "id": "x",
        "title": "X",
        "source": {"outlet": "A", "published": "2024-01-02", "url": None, "article": "article.txt",
                   "authors": ["Ann Lee"], "language": "en"},
        "sources": [{"outlet": "B", "url": "https://b.example/x", "published": "2024-01-03"}],
    }  # fmt: skip
    assert validate_shape(data, "x.yaml", lambda _p: (1, 1)) == []
    briefing = Briefing.from_dict(data)
    assert briefing.to_dict()["sources"] == data["sources"]
    assert briefing.to_dict()["source"]["authors"] == ["Ann Lee"]
    bad = {**data, "sources": [{"outlet": "B", "url": "ftp://b/x", "article": "a.txt"}]}
    assert validate_shape(bad, "x.yaml", lambda _p: (1, 1)) != []


# --------------------------------------------------------------------------- the terminal


def test_linking_says_what_it_linked_and_the_name_conflicts() -> None:
    facts = {
        "actors": [
            {
                "id": "recep-erdogan",
                "name": "Recep Erdogan",
                "kind": "person",
                "aliases": ["Erdogan"],
            },
            {"id": "turkey", "name": "Turkey", "kind": "country"},
        ]
    }
    known = [Known("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "person", ("Erdogan",))]
    messages = link(facts, known, []).messages()
    assert messages[0] == (
        "linked 'Recep Erdogan' (recep-erdogan) to corpus actor 'Recep Tayyip Erdogan' "
        "(recep-tayyip-erdogan)"
    )
    assert (
        "'Recep Erdogan' and 'Recep Tayyip Erdogan' both name actor recep-tayyip-erdogan"
        in (messages[1])
    )
    assert len(messages) == 2


def test_plurals() -> None:
    assert [_plural(n, "figures") for n in (0, 1, 2)] == ["0 figures", "1 figure", "2 figures"]
    assert _plural(1, "events") == "1 event"
