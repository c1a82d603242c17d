"""People's roles (GUIDE §2 Roles): titles and posts set before or beside a name."""

from __future__ import annotations

from briefkit.article import parse_article
from briefkit.extractors.actors import actor_records, resolve_entities
from briefkit.extractors.nlp import load_model


def _roles(text: str) -> dict[str, object]:
    article = parse_article(text)
    entities = resolve_entities(article, load_model()(article.body))
    records = actor_records(entities, article)
    return {a["id"]: a.get("role") for a in records if a["kind"] == "person"}


def test_a_title_and_its_body_set_off_before_the_name() -> None:
    roles = _roles(
        "Co-founder of Acme Robotics, Laura Quinn, visited the plant on Monday. "
        "The vice president of Brelco, Constantin Stroe, said the price was fair."
    )
    assert roles["laura-quinn"] == "Co-founder of Acme Robotics"
    assert str(roles["constantin-stroe"]).lower() == "vice president of brelco"


def test_a_post_of_a_part_of_a_body_before_the_name() -> None:
    roles = _roles(
        "Executive director of the Ohio chapter of the Red Cross Maria Lopez arrived later. "
        "Professor of history at Yale University Tom Baker spoke to students."
    )
    assert roles["maria-lopez"] == "Executive director of the Ohio chapter of Red Cross"
    assert roles["tom-baker"] == "Professor of history at Yale University"


def test_a_post_set_off_after_a_product_or_body_name() -> None:
    roles = _roles(
        '"It is the best decision for our plants," said the general secretary of the '
        "British union Unite, Tony Woodley."
    )
    assert "secretary" in str(roles["tony-woodley"]).lower()


def test_who_heads_a_body_is_its_head_and_a_bakery_is_no_body() -> None:
    roles = _roles(
        "Sam Patel, who heads the Ohio Fire Department, praised the crews. "
        "Ann Cole, who founded Brightwater Foods in 1998, was not hurt. "
        "Tom Reed, who runs a bakery nearby, said the smoke was thick."
    )
    assert roles["sam-patel"] == "head of Ohio Fire Department"
    assert roles["ann-cole"] == "founder of Brightwater Foods"
    assert roles["tom-reed"] is None


def test_a_hyphened_post_the_tagger_splits_is_the_whole_word() -> None:
    roles = _roles("The BBC's director-general, Tim Davie, paid tribute to the presenter.")
    assert str(roles["tim-davie"]).lower() == "director-general of bbc"


def test_a_headline_the_parser_runs_into_the_first_line_is_no_part_of_the_role() -> None:
    roles = _roles(
        "Candidates clash over crime in mayoral debate\n\n"
        "By Jane Smith, Staff Writer\n\n"
        "Mayoral candidates Karen Bass and Rick Caruso sparred Tuesday over crime."
    )
    assert str(roles["karen-bass"]).lower() == "mayoral candidate"


def test_posts_of_schools_courts_and_churches_are_roles() -> None:
    roles = _roles(
        "The headteacher of Brookfield Academy, Sarah Jenkins, said pupils were safe. "
        "The ombudsman, Robert Behrend, said the complaint was upheld. "
        "The registrar, Ann Pryce, confirmed the vote on Tuesday."
    )
    assert "headteacher" in str(roles["sarah-jenkins"]).lower()
    assert "ombudsman" in str(roles["robert-behrend"]).lower()
    assert "registrar" in str(roles["ann-pryce"]).lower()


def test_a_kin_noun_bound_to_the_name_gives_a_relational_role() -> None:
    # Newspaper: "his then-girlfriend X", no commas; the "then-" is kept as written.
    paper = _roles(
        "Tom Baird resigned after he left papers at the flat of his then-girlfriend Julie Lamont."
    )
    assert paper["julie-lamont"] == "then-girlfriend of Tom Baird"
    # Wire: "his fiancée X" in the sentence after the person is named.
    wire = _roles(
        "Police said Mark Dorsey, 31, was arrested. His fiancée Anna Kell said he was innocent."
    )
    assert wire["anna-kell"] == "fiancée of Mark Dorsey"
    # Broadcaster: a post before the name is no kin noun and stays the post.
    aired = _roles("Tom Baird met party leader Julie Lamont on Monday.")
    assert aired["julie-lamont"] == "party leader"


def test_names_given_as_examples_of_a_plural_post_hold_it() -> None:
    # GUIDE §2 Roles, as a plural title before a list: each example holds the post,
    # also when a relative clause comes between the plural and "such as".
    roles = _roles(
        "Lawmakers including Dana Whitfield and Owen Marsh backed the bill on Tuesday. "
        "The show sets her beside other well-known photographers who worked in colour, "
        "such as Ruth Abernathy and Carl Mendes. Bank executives such as Lena Ortiz "
        "attended the hearing."
    )
    assert roles["dana-whitfield"] == roles["owen-marsh"] == "lawmaker"
    assert roles["ruth-abernathy"] == roles["carl-mendes"] == "photographer"
    assert roles["lena-ortiz"] == "bank executive"


def test_examples_of_a_plural_that_is_no_post_get_none() -> None:
    roles = _roles("Fans such as Alma Reyes queued overnight outside the arena.")
    assert roles.get("alma-reyes") is None


def test_a_bare_plural_beside_one_name_is_not_its_post() -> None:
    # "players" are the game's, not what the game is: the number disagrees.
    article = parse_article(
        "At the expo, Sony showed Ember Knight VR, players are dropped into a cave."
    )
    entities = resolve_entities(article, load_model()(article.body))
    records = {a["id"]: a for a in actor_records(entities, article)}
    game = records.get("ember-knight-vr", {})
    assert "role" not in game
    assert game.get("kind") != "person"


def test_a_company_named_once_before_a_capitalised_head_title_is_its_body() -> None:
    # Reuters style: the company's one mention is the title's modifier. A portfolio
    # before an office ("Health Minister") stays part of the title.
    roles = _roles(
        "Shares rose on Wednesday. Dravix Chief Executive Jensen Marlow said demand was "
        "strong. Health Minister Ann Reyes said the rules would not change."
    )
    assert roles["jensen-marlow"] == "Chief Executive of Dravix"
    assert roles["ann-reyes"] == "Health Minister"


def test_a_spokesperson_after_an_unread_name_is_that_bodys() -> None:
    article = parse_article(
        "Drug maker hit by recall\nThe recall began on Monday. Pellmark spokeswoman Jane "
        "Lee declined to comment."
    )
    entities = resolve_entities(article, load_model()(article.body))
    records = {a["id"]: a for a in actor_records(entities, article)}
    assert records["pellmark"]["kind"] == "organization"
    assert records["jane-lee"]["role"] == "spokeswoman of Pellmark"


def test_a_post_a_relative_clause_says_the_person_was_named_to() -> None:
    roles = _roles(
        "Tom Banks, who was named chief executive of Halvorsen Group in 2020, praised "
        "the deal on Monday."
    )
    assert roles["tom-banks"] == "Chief Executive of Halvorsen Group"


def test_a_post_with_a_named_body_takes_the_body() -> None:
    # AP style: "a staff attorney with the Legal Aid Society"; "with" a thing is no body.
    roles = _roles(
        "The jury heard from Raymond Kole, a staff attorney with the Orland Legal Aid "
        "Society. Ada Moss, a lawyer with 20 years of experience, disagreed."
    )
    assert roles["raymond-kole"] == "Staff Attorney of Orland Legal Aid Society"
    assert roles["ada-moss"] == "Lawyer"


def test_an_unread_company_before_a_chief_title_is_its_body() -> None:
    roles = _roles(
        "Bank profits rise\nProfits rose 12 percent in the quarter. Barwell Chief Executive "
        "Priya Raman said costs had fallen."
    )
    assert roles["priya-raman"] == "Chief Executive of Barwell"


def test_a_place_noun_opening_a_title_names_the_place_in_reach() -> None:
    # "City mayor X" after the city is named: the one city in reach holds the office; a
    # body's post for a country ("Country director X") names no place.
    roles = _roles(
        "The lantern festival opened in Taipei on Friday. City mayor Hau Lin-po said it "
        "was a success. Protests spread across Kenya. Country director Jane Obara spoke."
    )
    assert str(roles["hau-lin-po"]).lower() == "mayor of taipei"
    assert "kenya" not in str(roles["jane-obara"]).lower()


def test_a_hyphenated_general_office_is_one_post() -> None:
    roles = _roles("The United Nations met. UN Secretary-General Ivo Karsten arrived.")
    assert roles["ivo-karsten"] == "Secretary-General of United Nations"


def test_a_party_and_state_code_after_a_lawmakers_name_gives_the_state() -> None:
    # GUIDE §15 R4: "(R-AZ)" on a title with no modifier makes the state its body.
    roles = _roles("Senator Edwin Kaulder (D-Del.) spoke. Senator John Tavers (R-AZ) agreed.")
    assert roles["edwin-kaulder"] == "Senator of Delaware"
    assert roles["john-tavers"] == "Senator of Arizona"


def test_a_party_adjective_before_a_post_is_no_part_of_the_role() -> None:
    article = parse_article(
        "Senators meet\n\nDemocratic Senator Maria Lopez of New Mexico met Republican "
        "Senator John Tavers on Monday."
    )
    doc = load_model()(article.prose)
    roles = {a.id: a.role for a in resolve_entities(article, doc).actors}
    assert roles["maria-lopez"] == "Senator"
    assert roles["john-tavers"] == "Senator"


def test_an_opener_before_the_bodys_name_belongs_to_the_post() -> None:
    article = parse_article(
        "Verdict\n\nAssistant U.S. Attorney Rachel Kim told jurors he had lied."
    )
    doc = load_model()(article.prose)
    kim = next(a for a in resolve_entities(article, doc).actors if a.id == "rachel-kim")
    assert kim.role == "Assistant Attorney of United States"
    assert kim.affiliation == "united-states"


def test_a_partner_at_a_firm_and_hyphened_modifiers_of_a_post() -> None:
    article = parse_article(
        "Council vote\n\nFormer Governor Bill Owens, now a partner at the law firm Greenberg "
        "Traurig, advised the team. Ann Lee, his partner, agreed. Tom Roe, a long-time "
        "board member of Acme Corp., left. Paul Lopez, the council's longest-serving "
        "member, abstained."
    )
    doc = load_model()(article.prose)
    actors = {a.id: a for a in resolve_entities(article, doc).actors}
    assert actors["bill-owens"].role == "Partner of Greenberg Traurig"
    assert actors["bill-owens"].affiliation == "greenberg-traurig"
    # "his partner" alone is a tie, not a post
    assert actors["ann-lee"].role is None
    assert actors["tom-roe"].role == "Board Member of Acme Corp."
    # the tokenizer's half of "longest-serving" is no post
    assert actors["paul-lopez"].role != "Serving Member"


def test_a_bodys_head_word_alone_in_a_title_is_that_body() -> None:
    article = parse_article(
        "Stadium vote\n\nThe Denver City Council approved a stadium on Tuesday. Council "
        "President Jolon Clark said the vote was historic."
    )
    doc = load_model()(article.prose)
    clark = next(a for a in resolve_entities(article, doc).actors if a.id == "jolon-clark")
    assert clark.affiliation == "denver-city-council"
    # with two councils named, the head word alone names neither
    article = parse_article(
        "Stadium vote\n\nThe Denver City Council and the Aurora City Council met on "
        "Tuesday. Council President Jolon Clark spoke."
    )
    doc = load_model()(article.prose)
    clark = next(a for a in resolve_entities(article, doc).actors if a.id == "jolon-clark")
    assert clark.affiliation is None
