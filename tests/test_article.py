from briefkit.article import find_names, parse_article, slugify, split_sentences


def test_syndication_line_is_metadata_not_body() -> None:
    raw = "First line.\nSecond line.\nThe post A Big Story appeared first on Daily Example.\n"
    article = parse_article(raw)
    assert article.title == "A Big Story"
    assert article.outlet == "Daily Example"
    assert article.body == "First line.\nSecond line."
    assert "appeared first" not in article.body


def test_syndication_words_mid_article_stay_body() -> None:
    raw = "The post Foo appeared first on Bar.\nThen the story goes on."
    article = parse_article(raw)
    assert article.title is None
    assert article.body == raw


def test_bom_and_crlf_are_normalised() -> None:
    article = parse_article("\ufeffOne.\r\nTwo.\r\n")
    assert article.text == "One.\nTwo.\n"


def test_sentences_do_not_split_at_abbreviations() -> None:
    text = (
        "Mr. Smith met U.S. officials in Washington. They talked. "
        "“It went well,” he said. Then he left."
    )
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == [
        "Mr. Smith met U.S. officials in Washington.",
        "They talked.",
        "“It went well,” he said.",
        "Then he left.",
    ]
    # initials are not a sentence's end: the quote after keeps its speaker
    text = "He wrote it with Senator J.D. Vance, a Republican. It passed."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "He wrote it with Senator J.D. Vance, a Republican.",
        "It passed.",
    ]


def test_sentence_at_finds_the_holding_sentence() -> None:
    article = parse_article("Alpha beta. Gamma delta.\nEpsilon.")
    second = article.sentence_at(article.text.index("delta"))
    assert second is not None and second.index == 1
    assert article.sentences[2].paragraph == 1


def test_in_one_sentence_is_evidence_the_site_can_link() -> None:
    article = parse_article("Ana Ruiz met the mayor. Tom Lee stayed home.\n")
    second = article.text.index("Tom")
    assert article.in_one_sentence(0, second - 2)
    assert not article.in_one_sentence(0, second + 3)  # runs into the next sentence
    assert not article.in_one_sentence(len(article.text) + 5, len(article.text) + 9)


def test_find_tolerates_rewrapped_whitespace() -> None:
    article = parse_article("The quick brown fox jumps.")
    assert article.find("quick  brown\nfox") == (4, 19)
    assert article.find("slow fox") is None


def test_find_names_prefers_the_longest_name_and_respects_word_edges() -> None:
    text = "Iraqi Kurdistan and Iraq; Iranian is not Iran."
    found = find_names(text, {"iraq": ["Iraq"], "kurdistan": ["Iraqi Kurdistan"], "iran": ["Iran"]})
    assert [(text[a:b], ref) for a, b, ref in found] == [
        ("Iraqi Kurdistan", "kurdistan"),
        ("Iraq", "iraq"),
        ("Iran", "iran"),
    ]


def test_slugify_is_the_one_id_policy() -> None:
    # A possessive goes; any other apostrophe, like any other mark, is a hyphen.
    assert slugify("Iran’s New President") == "iran-new-president"
    assert slugify("O'Leary") == slugify("O’Leary") == "o-leary"
    assert slugify("Côte d’Ivoire") == "cote-d-ivoire"
    assert slugify("São Paulo") == "sao-paulo"
    # Letters with no accent to drop, and other scripts, fold to ASCII, not to nothing.
    assert slugify("Tromsø") == "tromso"
    assert slugify("Łódź") == "lodz"
    assert slugify("Москва") == "moskva"
    assert slugify("The Fall of the Wall", max_words=3, drop_stopwords=True) == "fall-wall"
    assert slugify("talks of the", end_on=frozenset({"of", "the"})) == "talks"


def test_every_id_in_a_draft_follows_the_one_policy() -> None:
    from briefkit.extractors.events import slugify as event_slug
    from briefkit.extractors.gazetteer import slugify as place_slug

    assert place_slug is slugify
    # "Iran’s" is `iran` for a briefing, a place and an event alike (it was three ids).
    assert slugify("Iran’s") == place_slug("Iran’s") == event_slug("Iran’s") == "iran"


def test_windows_1252_is_read_and_a_bad_encoding_is_located(tmp_path) -> None:
    import pytest

    from briefkit.article import read_article
    from briefkit.errors import BriefkitError

    path = tmp_path / "a.txt"
    path.write_bytes("“Quoted,” said the café owner.".encode("cp1252"))
    assert read_article(path).text == "“Quoted,” said the café owner."
    path.write_bytes(b"line one\nbad \x81 byte")
    with pytest.raises(BriefkitError, match=r"a\.txt:2:5: the text is neither UTF-8"):
        read_article(path)
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(BriefkitError, match="binary"):
        read_article(path)
    path.write_bytes(b"  \n\n ")
    with pytest.raises(BriefkitError, match="empty"):
        read_article(path)


def test_text_without_punctuation_or_in_capitals_still_splits_sanely() -> None:
    article = parse_article(
        "NO PUNCTUATION HERE AT ALL\nSECOND PARAGRAPH IN CAPITALS. ANOTHER ONE."
    )
    texts = [article.text[s.start : s.end] for s in article.sentences]
    assert texts == ["NO PUNCTUATION HERE AT ALL", "SECOND PARAGRAPH IN CAPITALS.", "ANOTHER ONE."]


def _kinds(raw: str) -> list[tuple[str, str]]:
    article = parse_article(raw)
    return [(p.kind, article.text[p.start : p.end]) for p in article.structure]


_STORY = (
    "The council voted on Tuesday to close the old bridge to traffic.\n"
    "Its members said repairs would take at least two years.\n"
)


def test_headline_dateline_and_byline_are_furniture_and_the_headline_is_the_title() -> None:
    raw = "Council Closes Old Bridge\nBy Jane Doe and John Roe\nFriday, July 21, 2017\n" + _STORY
    assert _kinds(raw) == [
        ("headline", "Council Closes Old Bridge"),
        ("byline", "By Jane Doe and John Roe"),
        ("dateline", "Friday, July 21, 2017"),
    ]
    article = parse_article(raw)
    assert article.title == "Council Closes Old Bridge"
    assert len(article.prose) == len(article.body)  # offsets hold
    # The headline stays in the parse for its names; the byline and dateline do not.
    assert article.prose.split("\n")[:3] == ["Council Closes Old Bridge", " " * 24, " " * 21]
    assert not article.is_body(0) and article.is_body(article.text.index("The council"))
    first = article.body_sentences[0]
    assert article.text[first.start : first.end].startswith("The council")


def test_a_syndication_title_wins_over_the_headline() -> None:
    raw = "Council Closes Old Bridge\n" + _STORY + "The post Bridge Shut appeared first on Daily.\n"
    assert parse_article(raw).title == "Bridge Shut"


def test_wire_datelines_are_a_prefix_of_the_first_paragraph() -> None:
    for lead in ("WASHINGTON (Reuters) - ", "KABUL, Afghanistan, July 21 (AP) — ", "BAGHDAD — "):
        kinds = _kinds("Bridge Closed\n" + lead + _STORY)
        assert kinds[1] == ("dateline", lead.rstrip()) or kinds[1] == ("dateline", lead)


def test_credits_corrections_notes_and_teasers_are_furniture() -> None:
    raw = (
        _STORY
        + "Photo: Jane Doe/Reuters\n"
        + "Correction: An earlier version misspelled the mayor's name.\n"
        + "Editor's note: This story contains reporting from the wires.\n"
        + "READ MORE: Five bridges that fell\n"
        + "SIGN UP FOR OUR DAILY NEWSLETTER\n"
        + "Work begins next spring.\n"
    )
    assert [k for k, _ in _kinds(raw)] == ["credit", "correction", "note", "teaser", "teaser"]


def test_web_and_wire_furniture_is_not_story() -> None:
    raw = (
        "Bridge Closed\n"
        "Share\n"
        "Getty Images\n"
        "Image caption, Trucks queue at the old bridge\n"
        "Listen to this article · 4 min\n"
        + _STORY
        + "Reuters/Jane Doe\n"
        + "Associated Press writer John Roe in Albany contributed to this report.\n"
        + "Reporting by Jane Doe; Editing by John Roe\n"
        + "A version of this article appears in print on May 2, 2024, Section A, Page 3.\n"
    )
    assert [k for k, _ in _kinds(raw)] == [
        "headline", "teaser", "credit", "caption", "teaser", "credit", "byline", "byline", "note",
    ]  # fmt: skip
    # Story sentences with the same words stay story.
    story = (
        "The council met on Tuesday to share the costs.\n"
        "Three donors contributed to the fund, and the mayor contributed $500.\n"
        "Reuters reported that the bridge would close.\n"
    )
    assert _kinds(story) == []


def test_a_news_sites_related_topics_are_not_body() -> None:
    story = "Officials closed the bridge on Tuesday.\nA spokesman said repairs would take a year."
    article = parse_article(story + "\nRelated topics\nBridges\nLocal government\n")
    assert article.body == story


def test_captions_and_subheads_and_inline_credits() -> None:
    raw = (
        "Bridge Closed\n"
        + _STORY
        + "The old bridge in September 2010\n"
        + "What Comes Next\n"
        + "Engineers will inspect it. The mayor (left) on October 25, 2022. Image: City Hall. "
        + "The vote was close.\n"
    )
    assert _kinds(raw)[1:] == [
        ("caption", "The old bridge in September 2010"),
        ("subhead", "What Comes Next"),
        ("caption", "The mayor (left) on October 25, 2022."),
        ("credit", "Image: City Hall."),
    ]


def test_body_lines_that_look_like_furniture_stay() -> None:
    raw = (
        "The council voted on Tuesday.\n"  # a one-line paragraph that is a sentence
        "“We will rebuild it”\n"  # a quote
        "NATO\n"  # a short all-caps acronym line
        "By the time police arrived, the bridge was closed.\n"
        "- a list item without a full stop\n"
        "Repairs will take two years.\n"
    )
    assert _kinds(raw) == []
    assert parse_article(raw).title is None


def test_hard_wrapped_text_is_not_read_as_headlines_and_captions() -> None:
    raw = (
        "Iran's president arrived in Iraq on Wednesday for his first trip\n"
        "abroad since taking office, a demonstration of the value placed\n"
        "on the alliance. He was traveling with a delegation of senior\n"
        "officials and businessmen, according to Iranian media.\n"
    )
    assert _kinds(raw) == []


def test_an_article_all_in_capitals_keeps_its_lines() -> None:
    raw = "THE COUNCIL MET ON TUESDAY.\nIT VOTED TO CLOSE THE BRIDGE.\nWORK STARTS IN MAY.\n"
    assert _kinds(raw) == []


def test_a_wiki_pages_sources_and_categories_are_not_body() -> None:
    story = (
        "Officials found the file on Tuesday. Nobody was hurt.\n"
        "A spokesman said the matter was closed."
    )
    footer = (
        "Sources\n"
        '"File found on wet street" — Daily Planet, May 2, 2008\n'
        'Jane Roe. "Calls for inquiry" — Gotham Gazette, May 3, 2008\n'
        "Categories:\nMay 2, 2008\nPolitics and conflicts\nArchived"
    )
    for joined in ("\n", " "):  # on its own line, or joined to the last sentence
        article = parse_article(story + joined + footer)
        assert article.body == story
        assert "Daily Planet" not in article.prose


def test_sources_in_the_story_stay_body() -> None:
    raw = (
        "Sources\nclose to the talks said on Monday that the two sides had agreed on a "
        "framework that would settle the dispute over fishing rights before the summer "
        "and open the harbour to both fleets.\nThe ministers will meet again in June."
    )
    assert parse_article(raw).body == raw
    said = "The minister spoke. Sources:\nsaid the deal was close.\nMore talks follow."
    assert parse_article(said).body == said


def test_a_wire_dateline_with_its_year_and_its_agency_is_no_story() -> None:
    article = parse_article(
        "EU imposes sanctions\n\nBRUSSELS, Nov. 6, 2020 (Reuters) - The European Union on "
        "Friday imposed sanctions on Belarus.\n"
    )
    kinds = [(p.kind, article.text[p.start : p.end].strip()) for p in article.structure]
    assert ("dateline", "BRUSSELS, Nov. 6, 2020 (Reuters) -") in kinds
    # the agency that filed it is the newsroom's, not an actor of the story
    assert [article.text[a:b] for a, b in article.credited] == ["Reuters"]
