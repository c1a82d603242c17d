"""Figures: measured quantities, with units, approximation and what they are about."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefkit.article import parse_article, read_article
from briefkit.extractors.actors import resolve_entities
from briefkit.extractors.figures import find_figures
from briefkit.extractors.nlp import load_model, parse

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_465411d9f143cfd2.txt"


def _figures(article) -> list[dict[str, object]]:
    doc = parse(load_model(), article.prose)  # as the pipeline parses it
    return find_figures(article, doc, resolve_entities(article, doc))


@pytest.fixture(scope="module")
def seed_figures() -> list[dict[str, object]]:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    return _figures(read_article(SEED))


def test_seed_figures(seed_figures: list[dict[str, object]]) -> None:
    got = [(f["value"], f["unit"], f.get("approximate", False)) for f in seed_figures]
    assert (2500, "troops", True) in got
    assert (900, "troops", True) in got  # the unit comes from the coordinated phrase
    assert (10_000_000_000, "USD", True) in got
    assert (40, "miles", True) in got
    troops = next(f for f in seed_figures if f["value"] == 2500)
    assert troops["about"] == ["united-states", "iraq"]
    assert troops["text"] == "about 2,500 U.S. troops in Iraq"


def test_seed_has_no_ordinals_years_or_small_entity_counts(
    seed_figures: list[dict[str, object]],
) -> None:
    values = {f["value"] for f in seed_figures if f["unit"] != "times"}
    assert not values & {1979, 2003, 2023, 2}
    # the one 2 is the factor of "nearly doubled"
    assert [f["text"] for f in seed_figures if f["value"] == 2] == ["nearly doubled"]
    assert all(f["unit"] not in {"cities", "countries", "parties"} for f in seed_figures)


def test_money_percent_and_counts() -> None:
    figures = _figures(
        parse_article(
            "The flood killed at least 12 people and cut power to 3.5 million homes. "
            "Prices rose 4.2 percent after the company paid €300 million for the site. "
            "Two countries signed the deal in 1998."
        )
    )
    got = {(f["value"], f["unit"]) for f in figures}
    assert (12, "people") in got
    assert (3_500_000, "homes") in got
    assert (4.2, "%") in got
    assert (300_000_000, "EUR") in got
    assert not any(f["value"] in {2, 1998} for f in figures)


def test_index_levels_are_points_only_where_the_sentence_speaks_of_indices() -> None:
    figures = _figures(
        parse_article(
            "The Dow Jones Industrial Average rose 155 points to end the day at 9505.96. "
            "The FTSE 100 gained 1.7%, closing at 4,851, while the broader index reached "
            "a level of 1,026.13. The charity auction closed at 40 after an hour."
        )
    )
    got = {(f["value"], f["unit"]) for f in figures}
    assert {(9505.96, "points"), (4851, "points"), (1026.13, "points")} <= got
    owners = {f["value"]: f.get("about") for f in figures}
    # "rose ... to end the day at", "gained ..., closing at": the index whose level it is
    assert owners[9505.96] == ["dow-jones-industrial-average"]
    assert owners[4851] == ["ftse-100"]


def test_an_index_named_in_apposition_owns_its_change_and_its_level() -> None:
    figures = _figures(
        parse_article(
            "The main British index, the FTSE 100, rose by 4.2% on Friday. "
            "The Nasdaq Composite index has risen by 2.5% to 2248.63. "
            "Apple shares (AAPL) slid $19.37 in late trading."
        )
    )
    got = {f["value"]: (f["unit"], f.get("about")) for f in figures}
    assert got[4.2] == ("%", ["ftse-100"])  # not the United Kingdom of "British"/"UK"
    assert got[2248.63][0] == "points"
    assert got[19.37] == ("USD", ["apple"])  # the ticker in parentheses owns nothing
    assert not any(f["value"] == 40 for f in figures)


def test_figure_evidence_is_in_one_sentence(seed_figures: list[dict[str, object]]) -> None:
    article = read_article(SEED)
    for fig in seed_figures:
        start = article.text.find(str(fig["evidence"]))
        sent = article.sentence_at(start)
        assert sent is not None and start + len(str(fig["evidence"])) <= sent.end


def test_a_range_is_two_approximate_figures_not_their_sum() -> None:
    article = parse_article("Media reports range from ten to 32 pages with 40 to 50 questions.\n")
    got = [(f["value"], f["unit"], f.get("approximate", False)) for f in _figures(article)]
    # Added up, "ten to 32" used to be one figure of 42 pages.
    assert got == [
        (10, "pages", True),
        (32, "pages", True),
        (40, "questions", True),
        (50, "questions", True),
    ]


def test_the_first_end_of_a_range_takes_the_scale_of_the_second() -> None:
    article = parse_article("Officials said about 1.5 to 2 billion dollars was spent.\n")
    assert [f["value"] for f in _figures(article)] == [1_500_000_000, 2_000_000_000]


def test_superscript_digits_are_no_numbers() -> None:
    # str.isdigit() says yes to "²³", int() says no: the fuzzer found the traceback.
    article = parse_article("The man, aged ²³, was hurt on Monday. John Smith, ¹, spoke.\n")
    assert _figures(article) == []


def test_an_amount_paid_to_a_count_of_others_is_no_range() -> None:
    article = parse_article("The agency paid $3 million to two contractors and $500 to 12 towns.\n")
    got = [(f["value"], f["unit"]) for f in _figures(article)]
    # "$3 million to two" used to be a range, and "two" two dollars.
    assert (2, "USD") not in got and (12, "USD") not in got, got
    assert (3_000_000, "USD") in got and (500, "USD") in got
    # A range's bare second end stays a range.
    article = parse_article("Tickets were sold for $40 to 60 at the door.\n")
    assert [(f["value"], f["unit"]) for f in _figures(article)] == [(40, "USD"), (60, "USD")]
    article = parse_article("Dealers offer a $3,000 to 5,000 incentive on each car.\n")
    got = [(f["value"], f["unit"]) for f in _figures(article)]
    assert got[:2] == [(3000, "USD"), (5000, "USD")]


@pytest.mark.parametrize(
    ("text", "value", "unit", "words"),
    [
        ("The company lost $8bn in the quarter.", 8_000_000_000, "USD", "$8bn"),
        ("It raised $17.1bn from investors.", 17_100_000_000, "USD", "$17.1bn"),
        ("The deal was worth $175million.", 175_000_000, "USD", "$175million"),
        ("Some 2.6million people voted.", 2_600_000, "people", "Some 2.6million people"),
    ],
)
def test_compact_amounts_are_read(text: str, value: int, unit: str, words: str) -> None:
    (figure,) = _figures(parse_article(text + "\n"))
    assert (figure["value"], figure["unit"], figure["text"]) == (value, unit, words)


def _one(text: str) -> tuple[object, ...]:
    figures = _figures(parse_article(text + "\n"))
    return tuple((f["value"], f["unit"]) for f in figures)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chrysler will receive CA$ 1 billion from Canada.", ((1_000_000_000, "CAD"),)),
        ("It would be eligible for a US$ 6 billion loan.", ((6_000_000_000, "USD"),)),
        ("The project had an estimated cost of NZ $ 26 million.", ((26_000_000, "NZD"),)),
        ("The bank paid HK$300 million.", ((300_000_000, "HKD"),)),
        ("A $5 bill was found.", ((5, "USD"),)),  # the article "A" is no Australian dollar
        ("Shares fell to four cents.", ((0.04, "USD"),)),
        (
            "They provide US$ 300 to 350 million a year.",
            ((300_000_000, "USD"), (350_000_000, "USD")),
        ),
    ],
)
def test_currencies_by_sign_prefix_and_subunit(text: str, expected: tuple[object, ...]) -> None:
    assert _one(text) == expected


def test_ages_apposed_or_after_aged() -> None:
    figures = _figures(
        parse_article("Daniel Montalvo, 19, was arrested. Steve Jobs dies aged 56.\n")
    )
    got = [(f["value"], f["unit"], f.get("about")) for f in figures]
    assert got == [(19, "years old", ["daniel-montalvo"]), (56, "years old", ["steve-jobs"])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Traffic had increased 18-fold before the attack.", ((18, "times"),)),
        ("A poll found a quarter of citizens favoured the change.", ((25, "%"),)),
        ("One in three visits came from the search engine.", ((33.3, "%"),)),
        ("The index lost almost a thousand points.", ((1000, "points"),)),
    ],
)
def test_factors_shares_and_a_thousand(text: str, expected: tuple[object, ...]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The singer signed an eight-figure deal.",
        "The firm has 300 employees, and one of them spoke.",
        "He paid $5 million for the house and one for his son.",
        "Tunisia lost 1 – 2 to England after winning three points.",
        "The losses could run into a few hundred million dollars.",
        "She finished fourth in the 10th race.",
        "Iraqi Kurdistan has two rival parties.",
        "The two countries signed a treaty.",
    ],
)
def test_not_figures(text: str) -> None:
    values = {f["value"] for f in _figures(parse_article(text + "\n"))}
    assert not values & {8, 1, 2, 100_000_000, 4, 10}


def test_a_count_takes_its_unit_from_of_and_its_owner_from_the_possessor() -> None:
    (fig,) = _figures(
        parse_article("The EU added all 51 of Indonesia's air carriers to its list.\n")
    )
    # The clause's named subject is about it too: the EU is who adds them.
    assert (fig["value"], fig["unit"], fig["about"]) == (51, "carriers", ["eu", "indonesia"])


def test_small_counts_an_event_acts_on() -> None:
    got = _one("The plan would close five plants. Five Panamanian players were booked.")
    assert got == ((5, "plants"), (5, "players"))


def test_a_change_counts_its_subject() -> None:
    article = parse_article("The party's seats in the council increased from 9 to 10.\n")
    got = [(f["value"], f["unit"], f.get("approximate", False)) for f in _figures(article)]
    assert got == [(9, "seats", False), (10, "seats", False)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ryanair will purchase five new 737 aircraft.", ((5, "aircraft"),)),  # 737: a model
        ("More than two dozen lenders failed.", ((24, "lenders"),)),
        ("Passengers will jump to 70m over the next few years.", ((70_000_000, "passengers"),)),
    ],
)
def test_models_dozens_and_glued_scales(text: str, expected: tuple[object, ...]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # GUIDE §8: a factor written as a verb is a figure in `times`, about what grew.
        ("Officials said trade between Iran and Iraq had nearly doubled since 2023.",
         [(2, True, "nearly doubled", ["iran", "iraq"])]),
        ("The stock capital of Acme Inc tripled in 2004.", [(3, False, "tripled", ["acme-inc"])]),
        ("Acme Corp doubled its workforce in 2023.", [(2, False, "doubled", ["acme-corp"])]),
        # Another object than the thing's own: no quantity ("doubled the lead").
        ("Romelu Lukaku doubled the lead for Belgium.", []),
        # A pronoun says nothing of what grew; an adjective is no change.
        ("It doubled.", []),
        ("The double murder shocked the town.", []),
    ],
)  # fmt: skip
def test_a_factor_written_as_a_verb(sentence: str, expected: list[tuple[object, ...]]) -> None:
    figures = _figures(parse_article(sentence))
    got = [(f["value"], f.get("approximate", False), f["text"], f.get("about", []))
           for f in figures if f["unit"] == "times"]  # fmt: skip
    assert got == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # GUIDE §8: an age glued to its noun is the age of whom the noun is.
        ("Ahmed Mohamed, a 14-year-old boy from Irving, was arrested.",
         [(14, "years old", "14-year-old", ["ahmed-mohamed"])]),
        ("A three-year-old girl was hurt.", [(3, "years old", "three-year-old", [])]),
        # A count in digits glued to its unit counts it.
        ("The 131-page document was found on a street.", [(131, "pages", "131-page", [])]),
        ("The airliner has a 79-metre wingspan.", [(79, "metres", "79-metre", [])]),
        # A number word glued to a noun, or a word that is no unit, is an adjective.
        ("It was an eight-figure sum.", []),
        ("A 2000-strong crowd gathered.", []),
        ("The three-nation tour ended.", []),
    ],
)  # fmt: skip
def test_a_number_glued_to_its_unit(sentence: str, expected: list[tuple[object, ...]]) -> None:
    got = [(f["value"], f["unit"], f["text"], f.get("about", []))
           for f in _figures(parse_article(sentence))]  # fmt: skip
    assert got == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A bare number a verb of harm takes counts its victims (GUIDE §8 units).
        ("The crane fell on the mosque, killing 107 and wounding 238.",
         [(107, "dead"), (238, "wounded")]),
        ("The blast left 12 dead and 30 injured.", [(12, "dead"), (30, "injured")]),
        ("Police said 25 were hurt in the crash.", [(25, "injured")]),
        # A modal states no toll; "of" names what is counted.
        ("The strike could kill 100.", []),
        ("The firm hurt 3 of its rivals.", []),
    ],
)  # fmt: skip
def test_casualty_counts(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert [(f["value"], f["unit"]) for f in _figures(parse_article(sentence))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Only ten Republicans joined forty Democrats in backing the bill.",
         {(10, "republicans"), (40, "democrats")}),
        ("Twelve Canadians were among the passengers, the airline said.", {(12, "canadians")}),
    ],
)  # fmt: skip
def test_members_of_a_group_are_counted(text: str, expected: set[tuple[int, str]]) -> None:
    # spaCy tags "Republicans" a plural proper noun (NNPS) of a group (NORP): a count of
    # people, as "ten senators" is.
    got = {(f["value"], f["unit"]) for f in _figures(parse_article(text))}
    assert expected <= got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The subject of the verb whose object holds the figure owns it; "it" is read
        # as the company named before it (GUIDE §8 `about`: owner first).
        ("Ford returns to profit\nDETROIT (Reuters) - Ford Motor Co said on Thursday that "
         "it posted a net profit of $997 million in the third quarter.",
         [(997_000_000, "ford-motor-co", "a net profit of $997 million")]),
        # A possessive owner of the subject; a rate after the figure says what it counts.
        ("Ford's profits equate to 26 cents per share.",
         [(0.26, "ford", "equate to 26 cents per share")]),
        # The nearest subject before the verb, not a headline noun the parse joins to it.
        ("Results\nIn the northern district, the independent Jane Okafor was elected with "
         "84,121 votes.", [(84121, "jane-okafor", "elected with 84,121 votes")]),
        # A verb without a subject of its own takes the one it is joined to.
        ("General Motors plans to close 14 plants by the end of next year.",
         [(14, "general-motors", "close 14 plants")]),
        # Where the counted things are: "N at X".
        ("The strike has cost 2,000 jobs at Boeing, the union said on Tuesday.",
         [(2000, "boeing", "cost 2,000 jobs at Boeing")]),
        # A share: what it is a share of says what it counts and whose it is ("the
        # company" read as the one company named before it).
        ("General Motors said the closures represent 18% of the company's dealership "
         "network.", [(18, "general-motors", "18% of the company's dealership network")]),
        # A subject's owner after it: "Shares of X", "Sales at X".
        ("Shares of Apple fell 5% in early trading on Tuesday.", [(5, "apple", "fell 5%")]),
        # A figure that is a passive's subject belongs to its doer.
        ("About 1,000 jobs will be cut by Ford, the union said on Monday.",
         [(1000, "ford", "About 1,000 jobs")]),
        # The noun a figure modifies says what it measures.
        ("Chrysler would be eligible for a $6 billion loan.",
         [(6_000_000_000, "chrysler", "a $6 billion loan")]),
        # The index the name is (what moves by points is an index), not the country it
        # belongs to.
        ("Germany's DAX gained 71.35 points on Friday.",
         [(71.35, "dax", "gained 71.35 points")]),
    ],
)  # fmt: skip
def test_a_figure_says_whose_it_is_and_what_it_counts(
    text: str, expected: list[tuple[object, str, str]]
) -> None:
    got = [(f["value"], (f.get("about") or [None])[0], f["evidence"])
           for f in _figures(parse_article(text))]  # fmt: skip
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        # A plural pronoun is not resolved: no agreement in number to check it by.
        "The unions said on Monday that they had lost 3,000 members since the merger.",
        # A copula's complement has no doer: the goal is not whose share it is.
        "Microsoft wants the old browser gone. Its goal is to cut the number of its users "
        "to less than one percent.",
        # The one expected to act is not whose money it is.
        "Mr. Pezeshkian is expected to seek the release of $10 billion in frozen assets.",
    ],
)
def test_no_owner_where_the_text_does_not_say_whose(text: str) -> None:
    (figure,) = _figures(parse_article(text))
    assert "about" not in figure


def test_evidence_is_a_phrase_not_the_clause() -> None:
    # "a year earlier" is when, not a rate; a verb far from its figure is not read with it.
    figures = _figures(parse_article("The firm paid $5 million a year earlier."))
    assert [f["evidence"] for f in figures] == ["paid $5 million"]
    figures = _figures(parse_article("Crude rose to $80 a barrel in New York."))
    assert [f["evidence"] for f in figures] == ["rose to $80 a barrel"]


def _owner(text: str, value: float) -> str | None:
    figures = {f["value"]: f for f in _figures(parse_article(text))}
    return (figures[value].get("about") or [None])[0]  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "value", "owner"),
    [
        # A gerund after a preposition is done by the subject of the verb it hangs on.
        ("The Nasdaq reached 2020.90 points after gaining 1.59% on Monday.", 1.59, "nasdaq"),
        # A chain of "it" subjects stands for the body the first one does.
        (
            "General Motors is an American car maker. It remains the largest car maker "
            "in the United States. It currently produces fifteen brands of vehicle.",
            15,
            "general-motors",
        ),
        # The lede's subject, where the headline has no full stop of its own.
        (
            "Automaker GM to cut 10,000 jobs\n\nThe US car manufacturer General Motors "
            "said on Tuesday that it would axe 10,000 jobs at its European division.",
            10000,
            "general-motors",
        ),
        # "It" stands for a thing the previous subject names before its kind noun.
        (
            "Markets fell on Monday. The Merval index is another one that fared badly "
            "today. It dropped in value by 10.12%.",
            10.12,
            "merval",
        ),
        # A relative pronoun stands for the noun its clause hangs on.
        (
            "Analysts praised Ford Motor Company, which posted a profit of $997 million on Monday.",
            997e6,
            "ford-motor-company",
        ),
        # A name the recogniser found once is the owner where it modifies the noun.
        (
            "The Dow Jones Industrial Average (DJIA) fell on Monday. Later the DJIA "
            "index lost 631 points.",
            631,
            "dow-jones-industrial-average",
        ),
    ],
)
def test_the_owner_is_the_doer_the_parse_shows(text: str, value: float, owner: str) -> None:
    assert _owner(text, value) == owner


def test_a_with_after_the_object_says_what_the_object_has() -> None:
    # The market value is the company's, not its founder's; the company is not named
    # here, so no owner rather than the wrong one.
    text = (
        "Steve Jobs, born in San Francisco, has built the most valuable technology "
        "company in the world, with a market value of $348.8 billion."
    )
    assert _owner(text, 348.8e9) is None
    # With no object before it, "with" still tells what the subject had.
    assert _owner("Eddie Chu was elected on Sunday with 84,121 votes.", 84121) == "eddie-chu"


def test_a_number_inside_a_name_is_no_figure() -> None:
    text = (
        "Zentra Labs refunds owners\n\nZentra Labs said owners of its new vPhone 4 can get a "
        "refund. About one in every 200 vPhone 4 customers have called to complain, "
        "and the vPhone 4 will get an update. The older vPhone sold well."
    )
    got = [(f["value"], f["unit"]) for f in _figures(parse_article(text))]
    # "one in every 200" is a share, as "one in three" is (GUIDE §8): 0.5 percent
    assert got == [(0.5, "%")]


def test_an_index_named_by_its_number_owns_its_fall() -> None:
    text = "Markets slide\n\nThe Halvard & Brink's 300 plunged by 30.27 points on Monday."
    assert _owner(text, 30.27) == "halvard-brink-300"


def test_a_list_of_numbers_borrows_the_first_ones_unit() -> None:
    # Commas join the inner items, the conjunction the last: each counts jobs.
    text = (
        "Kelvar said it expects to cut approximately 4,300 jobs in France, 3,700 in "
        "Germany, 1,600 in Norway and 400 in Spain.\n"
    )
    got = {f["value"]: f["unit"] for f in _figures(parse_article(text))}
    assert got == {4300: "jobs", 3700: "jobs", 1600: "jobs", 400: "jobs"}
    # Without a conjunction to close it, a comma joins no list.
    text = "Kelvar cut 4,300 jobs in France, 3,700 in Germany were kept.\n"
    assert {f["value"] for f in _figures(parse_article(text))} == {4300}


def test_the_number_of_a_model_the_article_names_is_no_figure() -> None:
    text = (
        "Kelvar ordered 50 Boeing 787 jets on Monday. Kelvar said the 20 extra seats the "
        "787 offers were decisive, and Boeing now has 237 orders for the 787.\n"
    )
    got = {f["value"] for f in _figures(parse_article(text))}
    assert 787 not in got
    assert {50, 20, 237} <= got


def test_an_age_written_as_what_a_person_was_or_died_at() -> None:
    # Obituary style: "She was 88." after the death, "died ... at 91".
    figures = _figures(
        parse_article(
            "Ann Holt, a pianist, died on Monday at her home in Oslo. She was 88. "
            "Tom Reyes died on Tuesday at 91."
        )
    )
    ages = {(f["value"], f["unit"], tuple(f.get("about") or ())) for f in figures}
    assert (88, "years old", ("ann-holt",)) in ages
    assert (91, "years old", ("tom-reyes",)) in ages
    # a thing's number after "was" is no age
    assert not _figures(parse_article("The plant opened in 1990. The score was 88."))


def test_a_companys_results_it_reports_are_its_own() -> None:
    # "the Tempe, Arizona-based company" is the company named before, and the net
    # income it reports, with no owner of its own, is that company's.
    figures = _figures(
        parse_article(
            "Shares of Carvana Co rose 28% on Thursday. The Tempe, Arizona-based company "
            "said net income was $48 million. The ministry said 2,000 people were evacuated."
        )
    )
    about = {f["text"]: f.get("about") for f in figures}
    assert about["$48 million"] == ["carvana-co"]
    # what a body reports of others is not its own
    assert not about["2,000 people"]


def test_owner_through_participles_auxiliaries_and_plans() -> None:
    # "having reported" shares its head's subject; a split "re-elected" leaves the
    # subject on the auxiliary; a headline's "plans" (read as a noun) and "Quarn's plan
    # to" are whose plan it is.
    figures = _figures(
        parse_article(
            "Veltro Air plans to close 140 routes\n\n"
            "Veltro Air is the largest carrier, having reported record profits of $412m "
            "earlier this year. Marta Quinlivan was re-elected with 48,212 votes. "
            "Dunmore Foods' plan to cut 3,200 jobs was approved. A new Tessaly Workers "
            "contract to reduce costs by 12% was signed."
        )
    )
    about = {f["text"]: f.get("about") for f in figures}
    assert about["$412m"] == ["veltro-air"]
    assert about["48,212 votes"] == ["marta-quinlivan"]
    assert about["140 routes"] == ["veltro-air"]
    assert about["3,200 jobs"] == ["dunmore-foods"]
    # a party to a contract is not the one whose costs it cuts
    assert "tessaly-workers" not in (about.get("12%") or [])


def test_owner_of_a_changed_object_and_of_a_name_after_a_post() -> None:
    figures = _figures(
        parse_article(
            "Carmaker trims costs\n\n"
            "Orvane Motors said on Monday it would sell its German unit Korvel. The firm "
            "wanted to reduce costs at Korvel by 30%. In the north, pro-Kestova district "
            "councillor Ilse Brandauer was elected with 51,516 votes. Stock for the Harrow & "
            "Pike company fell almost 37%."
        )
    )
    about = {f["text"]: f.get("about") for f in figures}
    assert (about["30%"] or [None])[0] == "korvel"
    # the stance "pro-Kestova" says nothing of whose the votes are
    assert about["51,516 votes"] == ["ilse-brandauer"]
    assert about["almost 37%"] == ["harrow-pike"]


def test_a_vote_tally_is_two_counts_of_votes_not_a_range_or_a_score() -> None:
    # GUIDE §8: "the bill passed 61-30" is two figures, unit votes, exact; a match
    # score is none.
    figures = _figures(
        parse_article(
            "Bill passes\n\nThe bill passed the Assembly in March by a vote of 251 to 180. "
            "Later the Senate voted the measure down with a vote of 52-35. Norland defeated "
            "Vestria 1 – 0 on Sunday."
        )
    )
    votes = [(f["value"], f.get("approximate", False)) for f in figures if f["unit"] == "votes"]
    assert votes == [(251, False), (180, False), (52, False), (35, False)]
    senate = [f for f in figures if f["value"] in (52, 35)]
    assert all(f.get("about") == ["senate"] for f in senate)
    assert not [f for f in figures if f["value"] in (0, 1)]


def test_whose_money_a_court_story_counts() -> None:
    # "ordered him to pay": the one ordered pays, and "him" is not the judge who is the
    # subject of his own clause; "a former mayor of Brantley" is the mayor, not the town.
    figures = _figures(
        parse_article(
            "Mayor sentenced\n\nA former mayor of Brantley was sentenced on Thursday for taking "
            "more than $300,000 in bribes. Tomas Wendt, 61, pleaded guilty in June. Judge Ilse "
            "Marlow also ordered him to pay $150,000 in restitution."
        )
    )
    about = {f["text"]: f.get("about") for f in figures}
    assert about["$150,000"] == ["tomas-wendt"]
    assert "brantley" not in (about["more than $300,000"] or [])


def test_shares_written_out_of_every_and_hyphenated() -> None:
    figures = _figures(
        parse_article(
            "Returns\n\nAbout one out of every 200 Zephyr customers have called the help "
            "line. The return rate is about one-third of last year's. Two-thirds of voters "
            "agreed, and one in every ten workers quit."
        )
    )
    got = sorted((f["value"], f["unit"]) for f in figures)
    assert got == [(0.5, "%"), (10.0, "%"), (33.3, "%"), (66.7, "%")]


def _values(text: str) -> set[tuple[object, object, str]]:
    return {(f["value"], f["unit"], str(f["text"])) for f in _figures(parse_article(text))}


def test_measures_written_on_the_number_and_glued_by_a_hyphen() -> None:
    got = _values(
        "Phone launched\n\nIt is only 9.3 millimetres thick and its camera has five "
        "megapixels. The 16GB version costs $199 and the 32GB version $299. Shares fell "
        "below the crucial 8,000-point level before rallying to a two-percent decline."
    )
    assert (9.3, "millimetres", "9.3 millimetres") in got
    assert (5, "megapixels", "five megapixels") in got
    assert (16, "GB", "16GB") in got and (32, "GB", "32GB") in got
    assert (8000, "points", "8,000-point") in got
    assert (2, "%", "two-percent") in got


def test_index_levels_the_model_reads_as_dates_and_a_7_bit_pound_sign() -> None:
    got = _values(
        "Markets slide\n\nThe Shanghai Composite Index lost 6.3 percent to close the day at "
        "1,723.35. The Hang Seng Index ended down 12.7 percent, to 11,015.84. EADS won a "
        "#13 billion contract. It is the #1 seller."
    )
    assert (1723.35, "points", "1,723.35") in got
    assert (11015.84, "points", "11,015.84") in got
    assert (13_000_000_000, "GBP", "#13 billion") in got
    assert not any(text == "#1" or text == "1" for _, _, text in got)  # a rank, no amount


def test_a_surnames_age_and_a_failed_votes_tally() -> None:
    figures = _figures(
        parse_article(
            "Bill fails\n\nSenator Maria Lopez spoke. The bill failed 46-52. Lopez, 54, a "
            "former prosecutor, was elected in 2018."
        )
    )
    got = {(f["value"], f["unit"]) for f in figures}
    # the small model tags the lone surname an adjective and the age a date
    assert (54, "years old") in got
    assert next(f for f in figures if f["unit"] == "years old").get("about") == ["maria-lopez"]
    assert {(46, "votes"), (52, "votes")} <= got
    # a match score is still no vote
    scores = _values("Cup match\n\nBelgium defeated Tunisia 5-2 on Saturday.")
    assert not any(unit == "votes" for _, unit, _ in scores)


def test_an_index_change_with_no_unit_a_penny_in_a_dollar_story_and_a_shared_percent() -> None:
    got = _values(
        "Dow falls\n\nThe Dow Jones Industrial Average, a stock market index, fell 344.65 "
        "on Thursday. The Dow's 344.65-point fall left the index at 11,188.23. Wal-Mart "
        "shares rose $2, a one penny loss. ExxonMobil and Chevron fell by 1.5 and 3 "
        "percent, respectively. Between 2 and 3 percent of voters backed it."
    )
    assert (344.65, "points", "344.65") in got
    assert (344.65, "points", "344.65-point") in got
    assert (11188.23, "points", "11,188.23") in got
    assert (0.01, "USD", "one penny") in got
    assert (1.5, "%", "1.5") in got
    # a range's first end borrows no share of its own
    assert (2, "%", "2") not in got
    # a pence in London stays sterling
    assert (0.03, "GBP", "3 pence") in _values("Prices\n\nPrices rose 3 pence.")
