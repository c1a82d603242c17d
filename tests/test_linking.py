from briefkit.linking import Known, link, name_key

PEZESHKIAN = Known("masoud-pezeshkian", "Masoud Pezeshkian", "person", ("Mr. Pezeshkian",))
SUDANI = Known("mohammed-shia-al-sudani", "Mohammed Shia al-Sudani", "person")
IRAQ = Known("iraq", "Iraq", "country", ("Iraqi",))


def facts(**overrides: object) -> dict:
    base = {
        "actors": [
            {
                "id": "pezeshkian",
                "name": "Pezeshkian",
                "kind": "person",
                "aliases": ["Mr. Pezeshkian"],
            },
            {
                "id": "republic-of-iraq",
                "name": "Republic of Iraq",
                "kind": "country",
                "aliases": ["Iraq"],
            },
        ],
        "places": [],
        "events": [{"id": "e", "actors": ["pezeshkian", "republic-of-iraq"], "places": []}],
        "quotes": [{"speaker": "pezeshkian", "text": "t", "evidence": "t"}],
        "figures": [{"value": 1, "about": ["republic-of-iraq"], "evidence": "x"}],
        "relations": [
            {"from": "pezeshkian", "kind": "role", "to": "republic-of-iraq", "evidence": "x"}
        ],
    }
    base.update(overrides)
    return base


def test_names_compare_without_case_accents_articles_or_possessives() -> None:
    assert name_key("The United States") == name_key("united states")
    assert name_key("Iran’s") == "iran"
    assert name_key("São Tomé") == "sao tome"
    assert name_key("Tromsø") == name_key("Tromso")


def test_an_alias_match_of_the_same_kind_takes_the_known_id_everywhere() -> None:
    data = facts()
    result = link(data, [PEZESHKIAN, IRAQ], [])
    assert result.merged == {"pezeshkian": "masoud-pezeshkian", "republic-of-iraq": "iraq"}
    assert [a["id"] for a in data["actors"]] == ["masoud-pezeshkian", "iraq"]
    assert data["events"][0]["actors"] == ["masoud-pezeshkian", "iraq"]
    assert data["quotes"][0]["speaker"] == "masoud-pezeshkian"
    assert data["figures"][0]["about"] == ["iraq"]
    assert (data["relations"][0]["from"], data["relations"][0]["to"]) == (
        "masoud-pezeshkian",
        "iraq",
    )


def test_a_different_kind_is_not_merged() -> None:
    data = facts(actors=[{"id": "iraq-fc", "name": "Iraq", "kind": "organization"}])
    assert link(data, [IRAQ], []).merged == {}


def test_a_close_name_is_reported_not_merged() -> None:
    data = facts(
        actors=[
            {"id": "mohammad-shia-al-sudani", "name": "Mohammad Shia al-Sudani", "kind": "person"}
        ]
    )
    result = link(data, [SUDANI], [])
    assert result.merged == {}
    (note,) = result.notes
    assert "close to 'Mohammed Shia al-Sudani' (mohammed-shia-al-sudani)" in note


def test_two_entries_linked_to_one_id_become_one() -> None:
    data = facts(
        actors=[
            {"id": "masoud-pezeshkian", "name": "Masoud Pezeshkian", "kind": "person"},
            {
                "id": "pezeshkian",
                "name": "Pezeshkian",
                "kind": "person",
                "aliases": ["Mr. Pezeshkian"],
            },
        ]
    )
    link(data, [PEZESHKIAN], [])
    (actor,) = data["actors"]
    assert actor["id"] == "masoud-pezeshkian"
    assert actor["aliases"] == ["Pezeshkian", "Mr. Pezeshkian"]


def test_ambiguous_matches_are_left_for_the_analyst() -> None:
    other = Known("iraq-2", "Iraq", "country")
    data = facts(actors=[{"id": "x", "name": "Iraq", "kind": "country"}])
    result = link(data, [IRAQ, other], [])
    assert result.merged == {}
    assert "matches several known actors" in result.notes[0]
