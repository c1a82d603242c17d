"""Dates: recognising date expressions and anchoring them on the publication date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from briefkit.extractors.dates import DateExpression, find_dates
from briefkit.extractors.nlp import load_model

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "000_465411d9f143cfd2.txt"
WEDNESDAY = dt.date(2024, 9, 11)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def dates(nlp: Language, text: str, published: dt.date | None = WEDNESDAY) -> list[DateExpression]:
    return find_dates(text, published, nlp(text))


def values(nlp: Language, text: str, published: dt.date | None = WEDNESDAY) -> dict[str, str]:
    return {d.text: d.value for d in dates(nlp, text, published)}


@pytest.fixture(scope="module")
def seed_dates(nlp: Language) -> list[DateExpression]:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    text = SEED.read_text(encoding="utf-8")
    return find_dates(text, WEDNESDAY, nlp(text))


def test_seed_dates_resolve_against_the_publication_date(
    seed_dates: list[DateExpression],
) -> None:
    got = [(d.text, d.kind, d.value) for d in seed_dates]
    assert got == [
        ("Wednesday", "date", "2024-09-11"),
        ("July", "date", "2024-07"),
        ("three-day", "duration", "P3D"),
        ("1979", "date", "1979"),
        ("two years", "duration", "P2Y"),
        ("the last year or so", "duration", "P1Y"),
        ("A few hours", "duration", "PTXH"),
        ("Thursday", "date", "2024-09-12"),
        ("annually", "set", "P1Y"),
        ("Friday", "date", "2024-09-13"),
        ("July", "date", "2024-07"),
        ("2023", "date", "2023"),
        ("2003", "date", "2003"),
        ("Monday", "date", "2024-09-09"),
        ("Last week", "date", "2024-W36"),
        ("years", "duration", "PXY"),
        ("Tuesday", "date", "2024-09-10"),
    ]


def test_spans_are_offsets_into_the_text(seed_dates: list[DateExpression]) -> None:
    text = SEED.read_text(encoding="utf-8")
    for d in seed_dates:
        assert text[d.start : d.end] == d.text
        assert d.resolved


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The minister resigned on Monday.", "2024-09-09"),
        ("The minister will resign on Monday.", "2024-09-16"),
        ("The council met on Wednesday.", "2024-09-11"),
        ("The council will meet on Wednesday.", "2024-09-11"),
        ("The talks are scheduled to resume on Friday.", "2024-09-13"),
        ("The mayor plans to visit the port on Saturday.", "2024-09-14"),
        ("Police arrested two men on Saturday.", "2024-09-07"),
        ("Officials said on Sunday that the bridge had reopened.", "2024-09-08"),
    ],
)
def test_weekdays_follow_the_tense_of_their_clause(
    nlp: Language, sentence: str, expected: str
) -> None:
    [d] = dates(nlp, sentence)
    assert d.value == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The factory closed in March.", "2024-03"),
        ("The factory will reopen in March.", "2025-03"),
        ("The vote took place on Oct. 3.", "2023-10-03"),
        ("The vote will take place on Oct. 3.", "2024-10-03"),
        ("Exports fell last month.", "2024-08"),
        ("Exports fell last year.", "2023"),
        ("Exports will rise next year.", "2025"),
        ("The deal was signed yesterday.", "2024-09-10"),
        ("The deal will be signed tomorrow.", "2024-09-12"),
        ("The minister will speak tonight.", "2024-09-11TNI"),
        ("The minister spoke this morning.", "2024-09-11TMO"),
        ("The plant opened two days ago.", "2024-09-09"),
        ("The plant opened three years ago.", "2021"),
        ("Sales rose this week.", "2024-W37"),
        ("Prices will be reviewed in the third quarter of 2025.", "2025-Q3"),
        ("The city grew quickly in the 1980s.", "198X"),
        ("The church dates from the 19th century.", "18XX"),
        ("The drought began in summer 2022.", "2022-SU"),
    ],
)
def test_relative_dates_are_anchored_on_publication(
    nlp: Language, sentence: str, expected: str
) -> None:
    found = dates(nlp, sentence)
    assert [d.value for d in found] == [expected]


def test_explicit_dates_need_no_anchor(nlp: Language) -> None:
    got = values(nlp, "The treaty was signed on June 4, 1989, and ratified in May 1990.", None)
    assert got == {"June 4, 1989": "1989-06-04", "May 1990": "1990-05"}


def test_full_dateline_is_one_expression(nlp: Language) -> None:
    [d] = dates(nlp, "Thursday, February 23, 2023\n")
    assert (d.text, d.value) == ("Thursday, February 23, 2023", "2023-02-23")


def test_durations_and_sets(nlp: Language) -> None:
    got = values(
        nlp,
        "The 18-month project ran for several weeks over budget; inspectors visit weekly, "
        "the board meets every year, and the pumps run for 24 hours daily after decades of use.",
    )
    assert got == {
        "18-month": "P18M",
        "several weeks": "PXW",
        "weekly": "P1W",
        "every year": "P1Y",
        "24 hours": "PT24H",
        "daily": "P1D",
        "decades": "PXDE",
    }
    kinds = {d.text: d.kind for d in dates(nlp, "They meet weekly for two hours.")}
    assert kinds == {"weekly": "set", "two hours": "duration"}


def test_a_rate_is_a_set_not_a_duration(nlp: Language) -> None:
    [d] = dates(nlp, "The scheme costs $40 million a year.")
    assert (d.text, d.kind, d.value) == ("a year", "set", "P1Y")


def test_present_and_past_references(nlp: Language) -> None:
    text = "The port is now closed; it was recently expanded and formerly run by the navy."
    got = values(nlp, text)
    # "formerly" (like "previously") places a state before another event, not before now.
    assert got == {"now": "PRESENT_REF", "recently": "PAST_REF"}


def test_clock_times_take_the_day_named_in_their_sentence(nlp: Language) -> None:
    got = values(nlp, "The plane landed on Tuesday at 18:00 UTC. Another landed at 9 p.m.")
    # A time with no day of its own is on the day the story last named, not the day
    # of publication: "Another landed" is still Tuesday's story.
    assert got == {"Tuesday at 18:00 UTC": "2024-09-10T18:00", "9 p.m.": "2024-09-10T21:00"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The region may no longer be a safe refuge, we are told.",
        "The fund released some $10 billion in assets.",
        "About 2,500 troops are based 40 miles north of the city.",
        "Theresa May met the delegation.",
        "Thousands joined a march on the capital.",
        "It finished second in the race.",
        "A survey of 1709 schoolchildren was published.",
        "The Marmara region and the Marquis attended.",
        "Turnout was 2012 votes higher.",
    ],
)
def test_no_false_dates(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == []


def test_years_need_a_date_like_context(nlp: Language) -> None:
    got = values(nlp, "Since 2019 the museum, founded in 1887, has held 1500 objects.")
    assert got == {"2019": "2019", "1887": "1887"}


def test_since_stays_outside_the_span(nlp: Language) -> None:
    [d] = dates(nlp, "Trade has doubled since 2023.")
    assert (d.text, d.value) == ("2023", "2023")


def test_unresolved_without_a_publication_date(nlp: Language) -> None:
    text = "The ship docked on Wednesday and will sail in July, as it did in 2003."
    found = dates(nlp, text, None)
    got = [(d.text, d.value, d.resolved) for d in found]
    assert got == [
        ("Wednesday", "XXXX-WXX-3", False),
        ("July", "XXXX-07", False),
        ("2003", "2003", True),
    ]


def test_parses_on_its_own_when_no_doc_is_given() -> None:
    [d] = find_dates("The court ruled on Tuesday.", WEDNESDAY)
    assert d.value == "2024-09-10"


def test_recent_years_are_a_past_reference_but_the_adjective_is_no_date(nlp: Language) -> None:
    # GUIDE §5: "recent", like "former", qualifies a thing ("the recent strike").
    got = values(nlp, "Fares rose in recent years after the recent strike.")
    assert got == {"recent years": "PAST_REF"}


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Boeing had hoped to have its jet ready for 2012.", "2012"),
        ("Delivery is now expected around 2020, and not 2015 as hoped.", "2015"),
        ("The jet stays in production until at least 2014.", "2014"),
        ("Since its 1967 debut the jet has sold well.", "1967"),
        ("The closures cut 7% of the company's 2008 revenue.", "2008"),
    ],
)
def test_a_year_after_for_not_at_least_or_a_possessive_is_a_date(
    nlp: Language, sentence: str, year: str
) -> None:
    assert year in values(nlp, sentence).values()


@pytest.mark.parametrize(
    "sentence",
    ["The firm thanked its 2000 employees.", "Tickets for 1500 fans sold out.",
     "The club's 1500 members voted."],
)  # fmt: skip
def test_a_count_after_for_or_a_possessive_is_no_year(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == []


def test_decades_ago_count_back_in_years(nlp: Language) -> None:
    got = values(nlp, "The ferry was built a decade ago and the pier two decades ago.")
    assert got == {"a decade ago": "2014", "two decades ago": "2004"}


def test_a_year_before_a_function_word_is_a_year(nlp: Language) -> None:
    got = values(nlp, "The archive opened in 1999 as a museum. The Acme 2000 Index fell 3%.")
    assert got == {"1999": "1999"}


def test_short_years_after_a_preposition(nlp: Language) -> None:
    got = values(nlp, "Shares hit their lowest level since '82; the song '99 Tears' did not.")
    assert got == {"'82": "1982"}


def test_a_range_starts_before_it_ends(nlp: Language) -> None:
    got = values(nlp, "The show is to run from January 23 through March 9.", dt.date(2014, 1, 28))
    assert got == {"January 23": "2014-01-23", "March 9": "2014-03-09"}
    got = values(nlp, "The fair will run from December 28 to January 4.")
    assert got == {"December 28": "2024-12-28", "January 4": "2025-01-04"}


def test_the_weekend_by_tense(nlp: Language) -> None:
    assert values(nlp, "The fair ran throughout the weekend.") == {"the weekend": "2024-W36-WE"}
    assert values(nlp, "The fair will run over the weekend.") == {"the weekend": "2024-W37-WE"}


def test_half_units_and_shared_units(nlp: Language) -> None:
    got = values(nlp, "The jet is two and a half years late; repairs take between 60 and 90 days.")
    assert got == {"two and a half years": "P2.5Y", "60": "P60D", "90 days": "P90D"}


def test_the_day_is_the_day_the_story_tells(nlp: Language) -> None:
    text = (
        "On Monday the index fell 2%. It ended the day at 7,100. "
        "The next day it rose, and on the same day the bank cut rates."
    )
    got = values(nlp, text)
    assert got["the day"] == "2024-09-09"
    assert got["The next day"] == "2024-09-10"
    assert got["the same day"] == "2024-09-10"
    # With no day named before it, "the day" is the day of publication.
    assert values(nlp, "Stocks ended the day higher.") == {"the day": "2024-09-11"}
    # "the day of ..." and "the day he ..." name a day by a description, not by reference.
    assert values(nlp, "He recalled the day he left and the day of the vote.") == {}


def test_clock_times_follow_the_story_day(nlp: Language) -> None:
    got = values(nlp, "Voting on Sunday was slow. Polls closed at 22:30.")
    assert got["22:30"] == "2024-09-08T22:30"


def test_an_infinitive_takes_the_tense_of_its_frame(nlp: Language) -> None:
    got = values(nlp, "She was willing to skip class on Thursday to attend.")
    assert got == {"Thursday": "2024-09-05"}
    assert values(nlp, "She is likely to resign on Thursday.") == {"Thursday": "2024-09-12"}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("In 1957-58 the team won the cup.", "1957-58", "1957/1958"),
        ("The 2014–15 season was long.", "2014–15", "2014/2015"),
        ("In 1999-00 prices rose.", "1999-00", "1999/2000"),
    ],
)
def test_two_years_in_one_token_are_one_span(text: str, span: str, value: str) -> None:
    from briefkit.extractors.dates import find_dates

    (found,) = find_dates(text, dt.date(2016, 9, 9))
    assert (found.text, found.value) == (span, value)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("He told USA TODAY that he would run.", []),
        ("She appeared on Good Morning America Today.", []),
        ("Today, I am here to testify.", ["Today"]),
        ("Talks continue today.", ["today"]),
    ],
)
def test_a_day_word_that_ends_a_name_is_not_a_date(text: str, found: list[str]) -> None:
    from briefkit.extractors.dates import find_dates

    assert [d.text for d in find_dates(text, dt.date(2016, 9, 9))] == found


def test_a_day_word_after_a_full_stop_opens_a_sentence_and_is_a_date() -> None:
    from briefkit.extractors.dates import find_dates

    found = find_dates("He met Mark Zuckerberg. Yesterday Mohamed left.", dt.date(2016, 9, 9))
    assert [(d.text, d.value) for d in found] == [("Yesterday", "2016-09-08")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Whitmore told LA Weekly that the case was closed.",
        "It was not hard to convince a 19 year old who knew nothing.",
        "Users should leave the 10-year-old browser behind.",
        "The net produces these events every now and again.",
        "The shares slid in after hours trading.",
        "It has been so since the early days of the newsgroups.",
        "This will go down as one of our greatest days.",
        "The antenna of their most recent model failed.",
    ],
)
def test_names_ages_and_descriptions_are_not_dates(nlp: Language, sentence: str) -> None:
    assert dates(nlp, sentence) == []


def test_a_determined_plural_of_time_stays_a_duration(nlp: Language) -> None:
    assert values(nlp, "Prices rose in the intervening years.") == {"years": "PXY"}


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # A state that lasts "until" a day, told in the present or perfect, ends ahead.
        ("The government has kept all stock markets closed until Friday.", "2024-09-13"),
        ("The ban has been extended until March.", "2025-03"),
        # In the pluperfect it ended before the time of writing.
        ("The markets had been closed until Friday.", "2024-09-06"),
        # A time clause of a "would" clause is as future as its head.
        ("He said money would be infused when the markets opened on Friday.", "2024-09-13"),
        ("He said it would have closed on Friday.", "2024-09-06"),
        # "would" and a conjunct sharing it: the future seen from the telling
        ("She said it would close stores and cut jobs by the end of March.", "2025-03"),
        ("She said the firm would hire staff in June.", "2025-06"),
    ],
)
def test_until_and_time_clauses_of_the_future(nlp: Language, sentence: str, value: str) -> None:
    assert list(values(nlp, sentence).values()) == [value]


def test_a_chained_unit_counts_from_the_last_time_mentioned(nlp: Language) -> None:
    got = values(nlp, "In 2001 it launched the iPod, and the following year the new system.")
    assert got["the following year"] == "2002"
    got = values(nlp, "Costs fell last year, by $19 billion more than the year previous.")
    assert got["the year previous"] == "2022"
    # With nothing mentioned before, publication anchors.
    assert values(nlp, "Sales rose from the previous month.") == {"the previous month": "2024-08"}


def test_the_day_right_after_a_speech_verb_is_the_day_of_the_telling(nlp: Language) -> None:
    # The model hangs "on Monday" on "seek"; the mayor said it on the Monday before.
    got = values(nlp, "The mayor said on Monday she would not seek a third term.")
    assert got == {"Monday": "2024-09-09"}
    assert values(nlp, "Talks will resume on Friday, he said.") == {"Friday": "2024-09-13"}


def test_a_quarter_in_the_future_is_the_nearest_one(nlp: Language) -> None:
    november = dt.date(2024, 11, 20)
    said = "Results for the third quarter will be released next month."
    assert values(nlp, said, november)["the third quarter"] == "2024-Q3"
    said = "The company will open the plant in the first quarter."
    assert values(nlp, said, november)["the first quarter"] == "2025-Q1"


def test_that_year_is_the_year_the_story_last_named(nlp: Language) -> None:
    got = values(nlp, "In 2019, the firm moved to Ohio. That year, it hired 300 workers.")
    assert got["That year"] == "2019"
    got = values(nlp, "He joined in March 2011, and the same month the firm lost a client.")
    assert got["the same month"] == "2011-03"
    # A possessive is a budget's year, not a time the story tells.
    assert "that year" not in values(nlp, "He said that year's budget would be cut.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The official had ignored three requests to testify since March.",
        "The rule has applied since October, and will be reviewed.",
    ],
)
def test_since_a_month_is_before_now_whatever_the_tense(nlp: Language, sentence: str) -> None:
    (value,) = values(nlp, sentence).values()
    assert value < "2024-09-12", value


def test_a_chained_unit_finer_than_its_anchor_is_left_unresolved(nlp: Language) -> None:
    text = "At a hearing last month the judge ordered a review. The following week it appealed."
    (hearing, week) = dates(nlp, text)
    assert (hearing.value, week.text, week.resolved) == ("2024-08", "The following week", False)


def test_a_clock_time_with_its_day_phrase_is_one_span(nlp: Language) -> None:
    text = "Voting on Sunday was slow. Polls closed at 22:30; the last vote: 2:30 the next day."
    got = values(nlp, text)
    assert got["22:30"] == "2024-09-08T22:30"
    assert got["2:30 the next day"] == "2024-09-09T02:30"


def test_four_digit_years_in_one_token_are_one_span(nlp: Language) -> None:
    assert values(nlp, 'The page shows the text "Steve Jobs 1955-2011".') == {
        "1955-2011": "1955/2011"
    }


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("A 2012 flood ruined the harvest.", {"2012": "2012"}),
        ("Output is back above 1990 levels.", {"1990": "1990"}),
        ("The river in spate; from file, 2009.", {"2009": "2009"}),
        ("It rained. 2011 was the wettest year.", {"2011": "2011"}),
        ("They ran a 1500 metre race before a 2000-strong crowd.", {}),
        ("He has 2000 friends.", {}),
    ],
)
def test_a_year_as_modifier_caption_or_subject(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The video went up just over 48 hours ago.", {"just over 48 hours ago": "2024-09-09"}),
        ("The report appeared three hours ago.", {"three hours ago": "PAST_REF"}),
        ("The board hopes to finish by year end.", {"year end": "2024"}),
        ("Rates will stay high for the next couple of years.",
         {"the next couple of years": "P2Y"}),
        ("She joined the firm and soon after left it.", {}),
        ("The museum will soon reopen.", {"soon": "FUTURE_REF"}),
    ],
)  # fmt: skip
def test_hedged_offsets_year_end_couples_and_soon_after(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


def test_the_dateline_is_the_reference_when_the_stamp_lags_it(nlp: Language) -> None:
    text = "Storm closes port\nThursday, September 12, 2024\nYesterday the port closed."
    assert values(nlp, text)["Yesterday"] == "2024-09-11"
    far = "Storm closes port\nThursday, October 24, 2024\nYesterday the port closed."
    assert values(nlp, far)["Yesterday"] == "2024-09-10"  # too far off: the stamp holds


def test_a_quoted_today_is_the_day_the_words_were_said(nlp: Language) -> None:
    text = (
        'The team won on Monday. After the game the coach said, "We played well today." '
        'On Tuesday he added, "Next week is another story."'
    )
    assert values(nlp, text)["today"] == "2024-09-09"
    later = 'The final is on Friday. The coach said, "Today we rest."'
    assert values(nlp, later)["Today"] == "2024-09-11"  # never after the story's date


def test_a_quoted_day_is_no_day_of_the_narration(nlp: Language) -> None:
    # The publication day is Wednesday 2024-09-11; "tomorrow" is the speaker's
    text = (
        'The bill failed. "I dread looking at the markets tomorrow," the senator said. '
        "Shares fell at midday."
    )
    found = values(nlp, text)
    assert found["tomorrow"] == "2024-09-12"
    assert found["midday"] == "2024-09-11T12:00"


def test_a_week_of_a_month_is_the_iso_week_of_its_thursday(nlp: Language) -> None:
    found = values(nlp, "Traffic peaked in the last week of August 2024.")
    assert found == {"the last week of August 2024": "2024-W35"}
    found = values(nlp, "Work starts in the first week of October 2024.")
    assert found == {"the first week of October 2024": "2024-W40"}


def test_the_same_period_a_year_before_is_the_last_period_named(nlp: Language) -> None:
    found = values(nlp, "Orders fell 12% in July compared to the same month a year earlier.")
    assert found["the same month a year earlier"] == "2023-07"
    found = values(nlp, "In the second quarter of 2022, rents beat the same period last year.")
    assert found["the same period last year"] == "2021-Q2"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The fair was held on June 3 and 4.", {"June 3": "2024-06-03", "4": "2024-06-04"}),
        ("Polls opened on March 8 and 9, 2019.", {"March 8": "2019-03-08", "9": "2019-03-09"}),
        ("The strike ran from 2 to 6 August.", {"2": "2024-08-02", "6 August": "2024-08-06"}),
        ("The fair opened on June 3 and 12 people came.", {"June 3": "2024-06-03"}),
    ],
)
def test_a_day_number_joined_to_a_date_shares_its_month(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The shops closed on Boxing Day.", {"Boxing Day": "2023-12-26"}),
        ("The parade will be held on Thanksgiving.", {"Thanksgiving": "2024-11-28"}),
        ("Pilgrims gathered on Good Friday.", {"Good Friday": "2024-03-29"}),
        ("Toy sales rose before Christmas and New Year celebrations began.", {}),
        ("The comic is drawn by Ada Christmas.", {}),
        ("They sailed to Easter Island.", {}),
    ],
)
def test_holidays_are_their_day_in_the_year_tense_points_to(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Few firms are as nimble as today's Acme.", "PRESENT_REF"),
        ("Today's teenagers rarely write letters.", "PRESENT_REF"),
        ("The river is as clean today as it was a century ago.", "PRESENT_REF"),
        ("Thousands watched today's race.", "2024-09-11"),
        ("The mayor resigned today.", "2024-09-11"),
        # A fronted "Today," before a bare present sets the present age against the past.
        ("Today, about 2,000 families farm the valley.", "PRESENT_REF"),
        ("Today, the council announced a new levy.", "2024-09-11"),
        ("Today, researchers say that the reef is recovering.", "2024-09-11"),
        ("The ministry today rejects the plan.", "2024-09-11"),
    ],
)
def test_today_meaning_nowadays_is_the_present(nlp: Language, sentence: str, value: str) -> None:
    found = {d.text.lower(): d.value for d in dates(nlp, sentence)}
    assert found["today"] == value


def test_a_bare_month_after_a_year_of_history_is_in_that_year(nlp: Language) -> None:
    text = "The mill was founded in 1961. In May it hired weavers, and on June 2 it opened."
    found = values(nlp, text)
    assert found["May"] == "1961-05"
    assert found["June 2"] == "1961-06-02"
    # A new sentence that does not open with its time may be news of this year.
    found = values(nlp, "The mill was founded in 1961. Output rose in May, the owners say.")
    assert found["May"] == "2024-05"
    # So is a month in the present tense: "as of May, it employs".
    found = values(nlp, "The mill was founded in 1961 and as of May it employs forty.")
    assert found["May"] == "2024-05"


def test_a_unit_after_a_count_of_smaller_units_is_a_rate(nlp: Language) -> None:
    found = values(
        nlp, "The clinic opens six days a week. He rested two days. A week later he left."
    )
    assert found["a week"] == "P1W"
    assert {d.text: d.kind for d in dates(nlp, "It opens six days a week.")}["a week"] == "set"
    assert {d.text: d.kind for d in dates(nlp, "He rested two days. A week later he left.")}[
        "A week"
    ] == "duration"


def test_a_day_range_in_one_token_is_one_span(nlp: Language) -> None:
    assert values(nlp, "The summit was held on March 4-5.") == {
        "March 4-5": "2024-03-04/2024-03-05"
    }


def test_a_day_named_by_reference_dates_events_but_is_no_date_of_its_own(nlp: Language) -> None:
    # GUIDE §5: "that day", "the same day" have no value of their own; the events
    # extractor still reads them (find_dates in the pipeline), the public API does not.
    import briefkit

    text = "The court met on Tuesday. On the same day, the judge ruled. That day was long."
    inside = [d.text for d in dates(nlp, text)]
    assert inside == ["Tuesday", "the same day", "That day"]
    assert [d.text for d in briefkit.find_dates(text, WEDNESDAY)] == ["Tuesday"]


def test_a_bare_the_day_of_the_account_is_a_date_of_its_own() -> None:
    # GUIDE §5: "to end the day at ...", "for the day" mean the day the account tells,
    # a required date, where "that day" stays an anaphor.
    import briefkit

    text = (
        "On Tuesday the index fell 3% before it recovered later in the day. "
        "It ended the day at 7,114. For the day, volume was light. That day was long."
    )
    found = [(d.text, d.value) for d in briefkit.find_dates(text, WEDNESDAY)]
    assert found == [
        ("Tuesday", "2024-09-10"),
        ("the day", "2024-09-10"),
        ("the day", "2024-09-10"),
        ("the day", "2024-09-10"),
    ]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Over the past five trading days, the Nikkei shed 9%.",
         {"the past five trading days": "P5D"}),
        ("The next three business days will decide the bid.",
         {"The next three business days": "P3D"}),
        ("Rates climbed for the last 12 straight months.", {"the last 12 straight months": "P12M"}),
    ],
)  # fmt: skip
def test_a_count_with_its_adjective_after_the_past_is_one_duration(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Shares of the carmaker hit their lowest in over six years.", {"over six years": "P6Y"}),
        ("The jet is almost two and a half years late.", {"almost two and a half years": "P2.5Y"}),
        ("It was the best week for stocks in nearly five months.", {"nearly five months": "P5M"}),
        # "over" opening a clause is "during": outside the span.
        ("Over two years, prices rose by half.", {"two years": "P2Y"}),
    ],
)
def test_a_hedge_on_a_duration_is_inside_its_span(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The plant reopened in early 2009.", {"early 2009": "2009"}),
        ("Lion is due in mid-2011, Apple says.", {"mid-2011": "2011"}),
        ("A new flag could be chosen early in 2016.", {"early in 2016": "2016"}),
        ("Talks should conclude by the end of 2025.", {"the end of 2025": "2025"}),
        ("The firm was sold late last year.", {"late last year": "2023"}),
        ("The late 2000 votes were counted by hand.", {}),
    ],
)
def test_a_boundary_before_a_year_is_in_its_span_and_leaves_the_year(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Detroit built boxy cars in the 70s and 80s.", {"the 70s": "197X", "80s": "198X"}),
        ("The hits of the '60s and '70s still sell.", {"the '60s": "196X", "'70s": "197X"}),
        ("In the 1970s and 80s, oil was cheap.", {"the 1970s": "197X", "80s": "198X"}),
        ("Between the early 1990s and late 90s it grew.", {"the early 1990s": "199X",
                                                          "late 90s": "199X"}),
        ("Prices in the 1990s and 00s rose.", {"the 1990s": "199X", "00s": "200X"}),
        # Ages are not decades.
        ("Voters in their 20s and 30s backed her.", {}),
    ],
)  # fmt: skip
def test_a_decade_joined_to_a_decade_takes_its_century(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # Published on a Wednesday: "Last Wednesday" is a week ago, not today.
        ("Last Wednesday, the board voted to sell.", {"Last Wednesday": "2024-09-04"}),
        ("Next Monday the strike begins.", {"Next Monday": "2024-09-16"}),
        ("Late Monday, the union rejected the offer.", {"Late Monday": "2024-09-09"}),
        ("Early March was the wettest on record.", {"Early March": "2024-03"}),
    ],
)
def test_words_before_a_weekday_or_month_count_at_a_sentence_start(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


def test_earlier_today_is_one_span_on_the_day(nlp: Language) -> None:
    found = values(nlp, "The Dow was down 2% at 16:08 UTC, a slight rise from earlier today.")
    assert found["earlier today"] == "2024-09-11"
    assert values(nlp, "Earlier this morning, the minister resigned.") == {
        "Earlier this morning": "2024-09-11TMO"
    }


def test_a_day_that_bounds_a_period_is_no_anchor_for_the_same_period(nlp: Language) -> None:
    text = (
        "Profit rose 78% in the last quarter, which ended June 29, against the same period"
        " a year earlier."
    )
    assert values(nlp, text)["the same period a year earlier"] == "2023-Q2"
    text = "In the three months to June 30, sales beat the same period last year."
    # The period is no named one; its bound gives the year, no finer.
    assert values(nlp, text)["the same period last year"] == "2023"


def test_a_part_of_the_trading_day_is_on_the_day_the_story_tells(nlp: Language) -> None:
    text = "On Monday, shares of the bank rose 4% in morning trading before slipping."
    assert values(nlp, text) == {"Monday": "2024-09-09", "morning": "2024-09-09TMO"}
    text = "The index fell in late afternoon trade."
    assert values(nlp, text) == {"late afternoon": "2024-09-11TAF"}


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Revenue in fiscal 2009 rose 4%.", {"fiscal 2009": "FY2009"}),
        ("Fiscal year 2025 closed with a loss.", {"Fiscal year 2025": "FY2025"}),
        ("For the 2023 fiscal year, it lost money.", {"the 2023 fiscal year": "FY2023"}),
        ("Sales in FY24 beat forecasts.", {"FY24": "FY2024"}),
        ("Profit in the third quarter of fiscal 2024 fell.",
         {"the third quarter of fiscal 2024": "FY2024-Q3"}),
        ("Its fiscal 2024 second quarter was weak.", {"fiscal 2024 second quarter": "FY2024-Q2"}),
        # A fiscal quarter with no year: no calendar year is guessed for it.
        ("The fiscal third quarter ended in June.",
         {"The fiscal third quarter": "FYXXXX-Q3", "June": "2024-06"}),
        ("Results for the fourth fiscal quarter are due.",
         {"the fourth fiscal quarter": "FYXXXX-Q4"}),
    ],
)  # fmt: skip
def test_a_fiscal_year_and_its_quarters_keep_their_fy_value(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("A ruling is expected in March.", {"March": "2025-03"}),
        ("Results are forecast for March, the firm said.", {"March": "2025-03"}),
        ("Turnout is anticipated in November to be low.", {"November": "2024-11"}),
        # Told in the past, the expectation is of a month gone by.
        ("Analysts had expected a cut in March.", {"March": "2024-03"}),
    ],
)
def test_a_passive_of_expecting_points_ahead(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "kind", "value"),
    [
        ("Net income rose to $2bn from $1.5bn a year earlier.", "duration", "P1Y"),
        ("Output was up 4% a month later.", "duration", "P1M"),
        ("The fund pays 5% a year on deposits.", "set", "P1Y"),
    ],
)
def test_a_unit_before_earlier_or_later_is_an_offset_not_a_rate(
    nlp: Language, sentence: str, kind: str, value: str
) -> None:
    (found,) = dates(nlp, sentence)
    assert (found.kind, found.value) == (kind, value)


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Markets may stay volatile in the coming weeks.", {"the coming weeks": "PXW"}),
        ("Over the past months, rents climbed.", {"the past months": "PXM"}),
        ("The past month was the hottest.", {"The past month": "P1M"}),
    ],
)
def test_a_plural_unit_with_no_count_after_the_past_is_of_unknown_length(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


def test_two_days_off_and_midday(nlp: Language) -> None:
    text = "The ceasefire collapsed the day before yesterday; talks resume the day after tomorrow."
    assert values(nlp, text) == {
        "the day before yesterday": "2024-09-09",
        "the day after tomorrow": "2024-09-13",
    }
    assert values(nlp, "By midday, the Hang Seng was flat.") == {"midday": "2024-09-11T12:00"}


@pytest.mark.parametrize(
    ("published", "sentence", "found"),
    [
        # Winter is named by its December: in January the one under way began last year.
        (dt.date(2025, 1, 20), "This winter has been the coldest on record.",
         {"This winter": "2024-WI"}),
        (dt.date(2025, 1, 20), "Last winter was mild by comparison.", {"Last winter": "2023-WI"}),
        # In October, last summer is the one just gone, not a year before it.
        (dt.date(2024, 10, 20), "Last summer the river ran dry.", {"Last summer": "2024-SU"}),
        (dt.date(2024, 10, 20), "This past summer, tourists stayed away.",
         {"This past summer": "2024-SU"}),
        # In January, next spring is this year's.
        (dt.date(2025, 1, 20), "The bridge reopens next spring.", {"next spring": "2025-SP"}),
        (dt.date(2024, 4, 10), "The bridge reopens next spring.", {"next spring": "2025-SP"}),
    ],
)  # fmt: skip
def test_this_last_and_next_season_count_from_the_season_under_way(
    nlp: Language, published: dt.date, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence, published) == found


def test_the_last_fiscal_quarter_is_the_one_just_ended(nlp: Language) -> None:
    text = "In the last fiscal quarter, iPad sales doubled."
    assert values(nlp, text) == {"the last fiscal quarter": "2024-Q2"}
    text = "The final quarter of fiscal 2023 was its best."
    assert values(nlp, text) == {"The final quarter of fiscal 2023": "FY2023-Q4"}


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The Kospi has lost nearly three quarters of its value.", {}),
        ("Three quarters of the seats went to the ruling party.", {}),
        ("Two consecutive quarters of contraction followed.", {"Two consecutive quarters": "P2Q"}),
    ],
)
def test_quarters_of_a_whole_are_fractions(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The Shanghai Daily newspaper carried the story.", {}),
        ("The Weekly Standard ran an editorial.", {}),
        ("Daily, the ferries leave at dawn.", {"Daily": "P1D"}),
        ("The line must build from four a month to twelve.", {"a month": "P1M"}),
    ],
)
def test_frequency_words_in_titles_and_counts_in_words(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found
    assert all(d.kind == "set" for d in dates(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Coal made up 40% of the grid in 2015; that share has fallen to 25% today.",
         "PRESENT_REF"),
        ("Unlike in 2008, the bank today holds ample capital.", "PRESENT_REF"),
        # A happening told in the simple past is on the day.
        ("Shares sank in 2008 and today closed at a record.", "2024-09-11"),
        # A year that only modifies a noun sets nothing against the present.
        ("The 2019 law takes effect today.", "2024-09-11"),
        # Without a comparison, a year in the sentence leaves today the day.
        ("The senator, elected in 2012, is today expected to resign.", "2024-09-11"),
    ],
)  # fmt: skip
def test_today_set_against_a_year_gone_by_is_the_present(
    nlp: Language, sentence: str, value: str
) -> None:
    assert values(nlp, sentence)["today"] == value


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("At the moment, the carmaker has 6,000 dealers.", {"the moment": "PRESENT_REF"}),
        ("The merger is for the moment on hold.", {"the moment": "PRESENT_REF"}),
        ("At the moment of impact, the driver braked.", {}),
    ],
)
def test_at_the_moment_is_the_present(nlp: Language, sentence: str, found: dict[str, str]) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The council published agendas and minutes of its meetings.", {}),
        ("Within minutes, the index fell 3%.", {"minutes": "PTXM"}),
        ("Minutes later the alarm sounded.", {"Minutes": "PTXM"}),
    ],
)
def test_minutes_as_a_record_are_not_a_length(
    nlp: Language, sentence: str, found: dict[str, str]
) -> None:
    assert values(nlp, sentence) == found


def test_this_years_without_its_apostrophe_is_this_year(nlp: Language) -> None:
    assert values(nlp, "The theme of this years parade is the ocean.") == {"this years": "2024"}
    assert values(nlp, "In this years we saw change.") == {"years": "PXY"}
    # Not after "coming" or "next": a stretch of unknown length, not the coming week.
    assert values(nlp, "Rates may rise in coming weeks.") == {"weeks": "PXW"}


@pytest.mark.parametrize("dateline", ["Friday 13 September 2024", "Sep. 13, 2024", "13 Sept 2024"])
def test_a_dateline_written_day_first_or_abbreviated_is_the_reference(
    nlp: Language, dateline: str
) -> None:
    text = f"Ferry strike ends\n{dateline}\nThe crews returned to work yesterday."
    # The feed's stamp lags the dateline by two days; the dateline is the reference.
    assert values(nlp, text, dt.date(2024, 9, 11))["yesterday"] == "2024-09-12"


def test_the_part_of_a_named_day_is_one_span(nlp: Language) -> None:
    text = "On the morning of September 3, a car bomb exploded in the capital."
    assert values(nlp, text) == {"the morning of September 3": "2024-09-03TMO"}
    text = "The night of the attack, nobody slept."
    assert values(nlp, text) == {}


def test_the_2000s_is_a_decade_the_1800s_a_century(nlp: Language) -> None:
    text = "Growth in the 2000s outpaced anything seen in the 1800s."
    assert values(nlp, text) == {"the 2000s": "200X", "the 1800s": "18XX"}


def test_the_year_earlier_period_is_the_last_period_named_a_year_before(nlp: Language) -> None:
    text = "Net profit in the second quarter rose 5% from the year-earlier period."
    assert values(nlp, text)["the year-earlier period"] == "2023-Q2"
    text = "Car sales in July fell 3% from the year-ago month."
    assert values(nlp, text)["the year-ago month"] == "2023-07"


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Exports grew in the first half of the year.", {"the first half of the year": "2024-H1"}),
        ("A recovery is forecast for the second half of next year.",
         {"the second half of next year": "2025-H2"}),
        ("Deliveries slowed in the first half of last year.",
         {"the first half of last year": "2023-H1"}),
    ],
)  # fmt: skip
def test_a_half_of_a_relative_year(nlp: Language, sentence: str, found: dict[str, str]) -> None:
    assert values(nlp, sentence) == found


@pytest.mark.parametrize(
    ("article", "value"),
    [
        # Headline style tells a past happening in the present: the last such day.
        ("Voters reject school budget Sunday\nSeptember 11, 2024\nThe levy failed.", "2024-09-08"),
        # The body's telling of the same day decides, when it gives one.
        ("Nurses strike Monday\nSeptember 11, 2024\nNurses said they will strike on Monday.",
         "2024-09-16"),
        ("Rebels seize port Tuesday\nSeptember 11, 2024\nRebels seized the port on Tuesday.",
         "2024-09-10"),
    ],
)  # fmt: skip
def test_a_weekday_in_a_headline_is_the_one_the_story_tells(
    nlp: Language, article: str, value: str
) -> None:
    assert dates(nlp, article)[0].value == value


def test_hourly_pay_and_a_numbered_local_are_no_times() -> None:
    # "hourly workers" says how they are paid; "Local 1520" is a union local's number.
    day = dt.date(2006, 1, 23)
    assert find_dates("The impacted hourly and salaried workers find it hard.", day) == []
    assert find_dates("Ford pays hourly workers more.", day) == []
    assert [d.value for d in find_dates("The bus runs hourly.", day)] == ["PT1H"]
    said = "Whitey MacDonald, chairperson of Local 1520, Canadian Auto Workers union, said."
    assert find_dates(said, day) == []
