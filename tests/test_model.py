import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from helpers import REPO

from briefkit.article import parse_article
from briefkit.model import Briefing, Corpus, DateValue, validate_facts, validate_shape


def nowhere(_path: tuple) -> tuple[int, int]:
    return (1, 1)


@pytest.mark.parametrize(
    ("text", "label", "precision"),
    [
        ("2024-09-11", "11 September 2024", "day"),
        ("2024-07", "July 2024", "month"),
        ("2024-W36", "week of 2 Sep 2024", "week"),
        ("1979", "1979", "year"),
        ("2024-09-11/2024-09-13", "11 September 2024 – 13 September 2024", "range"),
    ],
)
def test_dates_read_as_a_reader_says_them(text: str, label: str, precision: str) -> None:
    value = DateValue.parse(text)
    assert value.label() == label
    assert value.precision == precision


def test_dates_sort_coarse_before_fine_and_by_start() -> None:
    texts = ["2024-09-12", "2024-09", "2024", "2024-W36", "2023-12-31", "2024-09-11"]
    ordered = sorted(texts, key=lambda t: DateValue.parse(t).sort_key())
    # The week of 2 September starts after the month of September does.
    assert ordered == ["2023-12-31", "2024", "2024-09", "2024-W36", "2024-09-11", "2024-09-12"]


@pytest.mark.parametrize("bad", ["2024-13", "2024-02-30", "2024-09-12/2024-09-01", "24"])
def test_impossible_dates_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        DateValue.parse(bad)


def minimal(**extra: object) -> dict:
    return {"id": "b", "title": "T", "source": {"article": "article.txt"}, **extra}


def test_schema_names_unknown_fields_and_wrong_types() -> None:
    data = minimal(
        actors=[{"id": "x", "name": "X", "kind": "person", "nickname": "y"}], tags="oops"
    )
    messages = [p.message for p in validate_shape(data, "f.yaml", nowhere)]
    assert any("unknown field 'nickname'" in m for m in messages)
    assert any("tags should be array" in m for m in messages)


def test_both_validators_refuse_an_id_with_a_trailing_newline() -> None:
    # Python's "$" matches before a final newline; JSON Schema's does not. Both
    # validators used to disagree, and "ghost\n" passed check and became a folder.
    (problem,) = validate_shape(minimal(tags=["news\n"]), "f.yaml", nowhere)
    assert problem.message == (
        "tags.0 is 'news\\n', which does not fit: Lowercase letters, digits and single hyphens."
    )
    data = minimal(actors=[{"id": "ghost\n", "name": "Ghost", "kind": "person"}])
    (problem,) = validate_shape(data, "f.yaml", nowhere)
    assert problem.message.startswith("actors.0.id is 'ghost\\n', which does not fit")
    (problem,) = validate_shape(minimal(tags=["News"]), "f.yaml", nowhere)
    assert problem.message.startswith("tags.0 is 'News', which does not fit")


def test_schema_refuses_non_http_urls() -> None:
    data = minimal(source={"article": "article.txt", "url": "javascript:alert(1)"})
    (problem,) = validate_shape(data, "f.yaml", nowhere)
    assert problem.message == (
        "source.url is 'javascript:alert(1)', which does not fit: Where the article was "
        "published (http or https)."
    )
    ok = minimal(source={"article": "article.txt", "url": "https://example.org/a"})
    assert validate_shape(ok, "f.yaml", nowhere) == []


def test_facts_checks_find_missing_evidence_duplicates_and_bad_dates() -> None:
    article = parse_article("Alpha met Beta on Monday.")
    data = minimal(
        events=[
            {"id": "e", "date": "2024-02-30", "what": "w", "evidence": "Alpha met Beta"},
            {"id": "e", "date": "2024", "what": "w", "evidence": "Gamma"},
        ]
    )
    messages = [p.message for p in validate_facts(data, "f.yaml", nowhere, article)]
    assert any(m.startswith("bad date") for m in messages)
    assert any("duplicate id 'e'" in m for m in messages)
    assert any("evidence not found" in m and "'Gamma'" in m for m in messages)


def test_corpus_merges_actors_across_briefings_newest_first() -> None:
    def briefing(ident: str, published: str, role: str) -> Briefing:
        return Briefing.from_dict(
            minimal(
                id=ident,
                source={"article": "article.txt", "published": published},
                actors=[{"id": "ana", "name": "Ana", "kind": "person", "role": role}],
                events=[
                    {"id": "e", "date": published, "what": "w", "evidence": "x", "actors": ["ana"]}
                ],
            )
        )

    corpus = Corpus.build(
        [briefing("old", "2024-01-01", "Minister"), briefing("new", "2024-06-01", "Leader")]
    )
    ana = corpus.actors["ana"]
    assert [a.briefing.id for a in ana.appearances] == ["new", "old"]
    assert ana.latest.role == "Leader"
    assert [e.date for _b, e in ana.events] == ["2024-01-01", "2024-06-01"]
    assert dt.date(2024, 6, 1) == corpus.briefings[0].source.published_date


@pytest.mark.parametrize("ident", ["con", "nul", "com1", "lpt9"])
def test_reserved_device_names_are_refused_as_page_ids(ident: str) -> None:
    data = minimal(id=ident, actors=[{"id": ident, "name": "X", "kind": "person"}])
    messages = [p.message for p in validate_facts(data, "f.yaml", nowhere)]
    assert sum("reserved device name" in m for m in messages) == 2


@pytest.mark.parametrize("ident", ["../../etc/passwd", "", "Ira\u0441", "a--b", "-a", "A"])
def test_ids_that_could_escape_or_deceive_are_refused(ident: str) -> None:
    assert validate_shape(minimal(id=ident), "f.yaml", nowhere)


def test_the_corpus_names_an_actor_in_full_and_keeps_the_short_form_as_an_alias() -> None:
    from briefkit.model import Briefing, Corpus, fullest_name

    def briefing(ident: str, published: str, name: str) -> Briefing:
        data = minimal(id=ident, actors=[{"id": "erdogan", "name": name, "kind": "person"}])
        data["source"]["published"] = published
        return Briefing.from_dict(data)

    corpus = Corpus.build(
        [
            briefing("b-old", "2024-01-01", "Recep Tayyip Erdogan"),
            briefing("b-new", "2024-02-01", "Recep Erdogan"),
        ]
    )
    profile = corpus.actors["erdogan"]
    assert profile.name == "Recep Tayyip Erdogan"  # the newest briefing says it shorter
    assert profile.aliases == ["Recep Erdogan"]
    # Only a fuller form of the same name replaces the newest; an honorific is not fuller.
    assert fullest_name(["President Erdogan", "Recep Tayyip Erdogan"]) == "President Erdogan"
    assert fullest_name(["Pezeshkian", "Mr. Masoud Pezeshkian", "Masoud Pezeshkian"]) == (
        "Masoud Pezeshkian"
    )
    assert fullest_name(["Masoud Pezeshkian", "Mr. Masoud Pezeshkian"]) == "Masoud Pezeshkian"


def _profiles(corpus: Corpus) -> dict[str, object]:
    """Everything a profile holds, by value and in order, for both tables."""

    def facts(pairs: list[Any]) -> list[tuple[str, str]]:
        return [(b.id, f.id) for b, f in pairs]

    return {
        table: [
            (
                ident,
                p.name,
                p.category,
                p.aliases,
                p.fullest,
                p.record,
                [(a.briefing.id, a.entry.id, a.role) for a in p.appearances],
                facts(p.events),
                facts(p.quotes),
                facts(p.relations),
            )
            for ident, p in getattr(corpus, table).items()
        ]
        for table in ("actors", "places")
    }


def test_a_corpus_made_again_in_part_is_the_one_made_from_nothing(tmp_path: Path) -> None:
    """Serve's loader builds each corpus on the last one, remaking only the profiles an
    added, changed or removed briefing names; after any edit it must equal a fresh build."""
    import random
    import shutil
    import sys

    from briefkit.store import CorpusLoader

    sys.path.insert(0, str(REPO / "scripts"))
    from bench_build import write_corpus

    root = tmp_path / "briefings"
    write_corpus(root, 16)
    loader = CorpusLoader(root, cache=True)
    loader.load()
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    rng = random.Random(7)
    for step in range(8):
        folder = rng.choice([f for f in folders if f.exists()])
        yaml_file = folder / "briefing.yaml"
        text = yaml_file.read_text("utf-8")
        if step % 4 == 0:  # an actor renamed: every page that shows it follows
            text = text.replace("name: ", "name: Renamed ", 1)
        elif step % 4 == 1:  # a briefing gone
            shutil.rmtree(folder)
            continue
        elif step % 4 == 2:  # a briefing added: a copy under a new id
            copy = root / f"{folder.name}-copy{step}"
            shutil.copytree(folder, copy)
            copy_yaml = copy / "briefing.yaml"
            copy_yaml.write_text(text.replace(f"id: {folder.name}", f"id: {copy.name}", 1), "utf-8")
            folders.append(copy)
            continue
        else:  # an event's wording
            text = text.replace("what: ", "what: Reportedly, ", 1)
        yaml_file.write_text(text, "utf-8")
        corpus, problems = loader.load()
        fresh, _ = CorpusLoader(root).load()
        assert problems == [] or all("unknown" in p.message for p in problems)
        assert [b.id for b in corpus.briefings] == [b.id for b in fresh.briefings]
        assert _profiles(corpus) == _profiles(fresh), step
