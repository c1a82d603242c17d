"""The shared parse: sentences that respect the article's lines."""

from __future__ import annotations

from briefkit.extractors.nlp import CHUNK_CHARS, load_model, parse, parse_many


def test_a_headline_with_no_full_stop_is_a_sentence_of_its_own() -> None:
    text = (
        "Automaker GM to cut 10,000 jobs at Opel\n \n"
        "The US car manufacturer General Motors said that it would axe jobs."
    )
    doc = parse(load_model(), text)
    sents = [s.text.strip() for s in doc.sents]
    assert sents == [
        "Automaker GM to cut 10,000 jobs at Opel",
        "The US car manufacturer General Motors said that it would axe jobs.",
    ]
    # The lede's subject is the lede's own, not the headline's.
    said = next(t for t in doc if t.text == "said")
    subjects = {c.text for c in said.children if c.dep_ == "nsubj"}
    assert subjects and subjects <= {"manufacturer", "Motors"}


def test_the_parser_still_splits_inside_a_line() -> None:
    doc = parse(load_model(), "Shares fell. Bonds rose on Friday.\nOil was flat.")
    got = [s.text.strip() for s in doc.sents]
    assert got == ["Shares fell.", "Bonds rose on Friday.", "Oil was flat."]


def test_batched_and_chunked_parses_keep_the_line_breaks() -> None:
    nlp = load_model()
    text = "Markets slide\nThe index fell 3% on Monday.\n"
    lines = ["Markets slide", "The index fell 3% on Monday."]
    (piped,) = parse_many(nlp, [text])
    assert [s.text.strip() for s in piped.sents] == lines
    # Past the chunk size, each piece is parsed the same way, offsets unchanged.
    long = text * (CHUNK_CHARS // len(text) + 2)
    whole = parse(nlp, long)
    assert "".join(t.text_with_ws for t in whole) == long
    assert [s.text.strip() for s in whole.sents][-2:] == lines
