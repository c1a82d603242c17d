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


def test_sentence_at_finds_the_holding_sentence() -> None:
    article = parse_article("Alpha beta. Gamma delta.\nEpsilon.")
    second = article.sentence_at(article.text.index("delta"))
    assert second is not None and second.index == 1
    assert article.sentences[2].paragraph == 1


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
