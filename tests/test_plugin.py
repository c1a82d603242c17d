"""End to end: `mkdocs build --strict` on a copy of the project, then the HTML."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlparse

import pytest
from helpers import FIXTURES, build, make_project

# Builds sites, runs briefkit in subprocesses, or drives a browser: the slow tier.
pytestmark = pytest.mark.slow

PORT_DEAL = "2025-03-04-port-deal"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text("utf-8"))
    return links


def main_text(path: Path) -> str:
    html = path.read_text("utf-8")
    article = html[html.index('<article class="md-content__inner') : html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def test_a_page_per_actor_and_place(built_fixture_site: Path) -> None:
    for actor in ("elena-marsh", "piotr-lind", "valdoria", "ostrava", "northern-trade-council"):
        assert (built_fixture_site / "actors" / actor / "index.html").is_file()
    for place in ("kessel", "port-lumen"):
        assert (built_fixture_site / "places" / place / "index.html").is_file()


def test_generated_pages_stay_out_of_the_nav(built_fixture_site: Path) -> None:
    html = (built_fixture_site / "index.html").read_text("utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary') :]
    nav = nav[: nav.index("</nav>")]
    assert "elena-marsh" not in nav
    assert PORT_DEAL not in nav


def test_timeline_interleaves_briefings_in_date_order(built_fixture_site: Path) -> None:
    text = main_text(built_fixture_site / "timeline" / "index.html")
    order = ["2019", "4 March 2025", "7 March 2025", "10 March 2025", "June 2025"]
    positions = [re.search(rf"{label} ?:", text).start() for label in order]  # type: ignore[union-attr]
    assert positions == sorted(positions), text


def test_every_evidence_link_resolves_to_an_anchor(built_fixture_site: Path) -> None:
    checked = 0
    for page in built_fixture_site.rglob("index.html"):
        base = "http://site/" + str(page.parent.relative_to(built_fixture_site)) + "/"
        for href in parse(page).hrefs:
            url = urlparse(urljoin(base, href))
            if url.netloc != "site" or not url.fragment.startswith(("ev-", "s-")):
                continue
            target = built_fixture_site / url.path.lstrip("/") / "index.html"
            assert url.fragment in parse(target).ids, f"{page}: {href}"
            checked += 1
    assert checked > 20


def test_evidence_is_marked_in_the_article(built_fixture_site: Path) -> None:
    html = (built_fixture_site / "briefings" / PORT_DEAL / "index.html").read_text("utf-8")
    assert re.search(
        r'<mark class="bk-ev" data-ev="[^"]*ev-events-1[^"]*">On Friday, Ms. Marsh is expected',
        html,
    )


def test_search_index_holds_aliases_and_boosts_actor_pages(built_fixture_site: Path) -> None:
    index = json.loads((built_fixture_site / "search" / "search_index.json").read_text("utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    marsh = docs["actors/elena-marsh/"]
    assert "Ms. Marsh" in marsh["text"]
    assert marsh.get("boost", 1) > docs["briefings/"].get("boost", 1)


def test_editing_alias_and_role_changes_the_site(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    yaml_path = project / "briefings" / PORT_DEAL / "briefing.yaml"
    text = yaml_path.read_text("utf-8")
    text = text.replace(
        "aliases: [Ms. Marsh, Marsh]", "aliases: [Ms. Marsh, Marsh, The Iron Lady of Lumen]"
    )
    text = text.replace("role: Prime Minister of Valdoria", "role: Chancellor of Valdoria")
    yaml_path.write_text(text, "utf-8")
    # The newer briefing states the old role; the edited one is older, so it
    # shows as the earlier role on the actor's page.
    result = build(project)
    assert result.returncode == 0, result.stderr
    page = main_text(project / "site" / "actors" / "elena-marsh" / "index.html")
    assert "The Iron Lady of Lumen" in page
    assert "Chancellor of Valdoria" in page


def test_broken_briefings_fail_the_strict_build_with_located_messages(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    yaml_path = project / "briefings" / PORT_DEAL / "briefing.yaml"
    text = yaml_path.read_text("utf-8")
    text = text.replace("actors: [elena-marsh, ostrava]", "actors: [elena-marsch, ostrava]", 1)
    text = text.replace("evidence: signed a port agreement", "evidence: signed a treaty", 1)
    text = text.replace("tags: [valdoria", "title: Again\ntags: [valdoria", 1)
    yaml_path.write_text(text, "utf-8")
    result = build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    rel = f"briefings/{PORT_DEAL}/briefing.yaml"
    assert re.search(rf"{rel}:\d+:\d+: duplicate key 'title'", result.stderr), result.stderr


def test_unknown_ids_and_missing_evidence_are_warnings_that_strict_turns_fatal(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path)
    yaml_path = project / "briefings" / PORT_DEAL / "briefing.yaml"
    text = yaml_path.read_text("utf-8")
    text = text.replace("actors: [elena-marsh, ostrava]", "actors: [elena-marsch, ostrava]", 1)
    text = text.replace("evidence: signed a port agreement", "evidence: signed a treaty", 1)
    yaml_path.write_text(text, "utf-8")
    result = build(project)
    assert result.returncode != 0
    rel = f"briefings/{PORT_DEAL}/briefing.yaml"
    assert re.search(
        rf"{rel}:\d+:\d+: unknown actor id 'elena-marsch'; did you mean 'elena-marsh'\?",
        result.stderr,
    )
    assert re.search(rf"{rel}:\d+:\d+: evidence not found in article.txt", result.stderr)
    # Without --strict the site still builds, leaving out the briefing that has problems.
    lenient = build(project, "--no-strict")
    assert lenient.returncode == 0, lenient.stderr
    assert (project / "site" / "index.html").is_file()
    assert not (project / "site" / "briefings" / PORT_DEAL).exists()


@pytest.mark.parametrize("missing", ["templates"])
def test_a_missing_template_folder_is_a_clear_error(tmp_path: Path, missing: str) -> None:
    project = make_project(tmp_path)
    shutil.rmtree(project / missing)
    result = build(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "templates" in result.stderr


def test_fixture_corpus_is_clean() -> None:
    from briefkit.store import load_corpus

    briefings, problems = load_corpus(FIXTURES / "corpus")
    assert problems == []
    assert sorted(b.id for b in briefings) == [PORT_DEAL, "2025-03-10-council-summit"]


def test_a_busy_timeline_splits_by_year_and_month_and_every_link_resolves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a small page size, the fixture takes the shape a thousand briefings take."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from briefkit.render import pages

    monkeypatch.setattr(pages, "PERIOD_LIMIT", 2)
    monkeypatch.setattr(pages, "PROFILE_EVENTS", 1)
    monkeypatch.setattr(pages, "PROFILE_APPEARANCES", 0)
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    # Strict: a link mkdocs cannot resolve fails the build.
    mkdocs_build(load_config(str(project / "mkdocs.yml"), strict=True))
    site = project / "site"

    # 2019 holds one event: a page for the year. 2025 holds four: a page per month.
    index = main_text(site / "timeline" / "index.html")
    assert re.search(r"2019 1 event\b.*2025 ?: March 3 · June 1", index), index
    assert [h for h in parse(site / "timeline" / "index.html").hrefs if "2025-03" in h]
    march = main_text(site / "timeline" / "2025-03" / "index.html")
    assert "Marsh travels to Kessel" in march and "opens its summit" in march
    assert "Ostrava joins" not in march
    assert 'class="bk-filter"' in (site / "timeline" / "2025-03" / "index.html").read_text("utf-8")

    # Elena Marsh's page shows her newest event, and points to the rest; her briefings
    # are listed a line each.
    marsh = site / "actors" / "elena-marsh" / "index.html"
    text = main_text(marsh)
    assert "The newest 1 of 3 events" in text
    assert "Earlier briefings" in text and "Valdoria and Ostrava Sign Port Deal" in text
    earlier = marsh.read_text("utf-8").split('id="earlier-briefings"')[1].split("</ul>")[0]
    assert earlier.count("<li>") == 2 and "4 March 2025" in earlier
    assert "../../timeline/2025-03/?actor=elena-marsh" in parse(marsh).hrefs

    # Timeline and quotes pages repeat the briefings' facts: they stay out of the search
    # index, the pages that list their years too.
    index_json = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    locations = {d["location"] for d in index_json["docs"]}
    assert not [loc for loc in locations if loc.startswith(("timeline/", "quotes/"))]


# --------------------------------------------------------------------------- two cores


def build_in_process(project: Path, site: Path, split: bool) -> tuple[Any, Exception | None]:
    """A one-off build here, so the plugin can be looked at; ``split`` off: one core."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.config.defaults import MkDocsConfig

    import briefkit.htmlcache as htmlcache

    MkDocsConfig.plugins.plugin_cache.clear()
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    start = htmlcache.ConversionInTwo.start
    if not split:
        htmlcache.ConversionInTwo.start = lambda self, *args: None  # type: ignore[method-assign]
    error = None
    try:
        mkdocs_build(config)
    except Exception as exc:  # mkdocs' Abort on a strict warning
        error = exc
    finally:
        htmlcache.ConversionInTwo.start = start  # type: ignore[method-assign]
    return config.plugins["briefkit"], error


def test_converting_on_two_cores_gives_the_same_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    plugin, error = build_in_process(project, tmp_path / "two", split=True)
    assert error is None
    assert plugin.conversion.assigned, "the child converted nothing"
    _plugin, error = build_in_process(project, tmp_path / "one", split=False)
    assert error is None
    two = {
        str(p.relative_to(tmp_path / "two")): p.read_bytes()
        for p in (tmp_path / "two").rglob("*")
        if p.is_file()
    }
    one = {
        str(p.relative_to(tmp_path / "one")): p.read_bytes()
        for p in (tmp_path / "one").rglob("*")
        if p.is_file()
    }
    for files in (one, two):
        files.pop("sitemap.xml.gz", None)
    assert two.keys() == one.keys()
    assert sorted(name for name in one if one[name] != two[name]) == []


def test_a_broken_link_on_a_page_the_child_converts_still_fails_strict(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every warning the child's conversions log is logged here too: as many as on one core."""
    import logging

    project = make_project(tmp_path)
    monkeypatch.chdir(project)
    for name in ("actor.md.j2", "place.md.j2", "briefing.md.j2"):
        template = project / "templates" / name
        template.write_text(template.read_text("utf-8") + "\n[gone](nowhere-at-all.md)\n", "utf-8")
    seen: list[str] = []

    class Count(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if "nowhere-at-all" in record.getMessage() and record.levelno >= logging.WARNING:
                seen.append(record.getMessage())

    handler = Count()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        plugin, error = build_in_process(project, tmp_path / "two", split=True)
        on_two = len(seen)
        seen.clear()
        _plugin, error_one = build_in_process(project, tmp_path / "one", split=False)
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    assert any(
        u.startswith(("actors/", "places/", "briefings/")) for u in plugin.conversion.assigned
    )
    assert error is not None and "strict" in str(error), error
    assert error_one is not None
    assert on_two == len(seen) > 0
