"""Knowledge base: shipped files validate and hang together; look-ups; titles; user files."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from veilleur.errors import DataError
from veilleur.kb import KnowledgeBase, fold
from veilleur.kb.loader import load_data

_UN = (
    "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH "
    "BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP "
    "CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU "
    "GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ "
    "KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS "
    "MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN "
    "PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC "
    "SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN "
    "TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE"
)
UN_MEMBERS = re.findall(r"[A-Z]{3}", _UN)

# A user KB in the documented format. Its people and office are made up, so that the shipped
# data (real office holders) cannot change what the tests see.
USER_KB = """
offices:
  - key: test_chief
    kind: military
    titles: [chef des essais]
people:
  - id: person:test-testovich
    name: Avi Testovich
    aliases: [Avi Testowicz, Testowicz]
    country: ISR
    offices:
      - {role: test_chief, label: chef des essais, country: ISR, start: 2019-01-15,
         end: 2023-01-16}
  - id: person:test-probel
    name: Herzl Probel
    aliases: [Probell]
    country: ISR
    offices:
      - {role: test_chief, label: chef des essais, country: ISR, start: 2023-01-16,
         end: 2025-03-05}
  - id: person:test-levi
    name: Dana Levitest
    country: ISR
    offices:
      - {role: test_chief, label: chef des essais, country: ISR, start: 2010-01, end: 2011-06}
  - id: person:test-probel-elder
    name: Moshe Probel
    country: ISR
"""


@pytest.fixture(autouse=True, scope="module")
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Parsed KB files are cached as JSON; keep the tests' cache out of the user's home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("VEILLEUR_CACHE_DIR", str(tmp_path_factory.mktemp("kbcache")))
        yield


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def user_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    path = tmp_path_factory.mktemp("userkb") / "people.yaml"
    path.write_text(USER_KB, encoding="utf-8")
    return KnowledgeBase.load(extra_paths=[str(path)])


def _raw(name: str) -> Any:
    text = resources.files("veilleur.kb").joinpath("data", f"{name}.yaml").read_text("utf-8")
    return yaml.safe_load(text)


# ---------------------------------------------------------------- shipped data
def test_shipped_files_validate() -> None:
    data = load_data()
    assert len(data.states) >= 197
    assert len(data.organisations) >= 150
    assert len(data.offices) >= 30
    assert "general" in {fold(r) for r in data.ranks}


def test_every_un_member_and_the_four_others_are_states() -> None:
    assert len(set(UN_MEMBERS)) == 193
    ids = {s["id"] for s in _raw("states")}
    missing = set(UN_MEMBERS) | {"PSE", "XKX", "TWN", "VAT"}
    assert missing - ids == set()


def test_ids_are_unique_in_each_file() -> None:
    people = _raw("people") or []
    for name, entries, field in (
        ("states", _raw("states"), "id"),
        ("organisations", _raw("organisations"), "id"),
        ("people", people, "id"),
        ("offices", _raw("offices")["offices"], "key"),
    ):
        counts = Counter(e[field] for e in entries)
        assert [k for k, n in counts.items() if n > 1] == [], name


def test_wikidata_ids_are_unique() -> None:
    qids = [
        e["wikidata"]
        for e in [*_raw("states"), *_raw("organisations"), *(_raw("people") or [])]
        if e.get("wikidata")
    ]
    assert [q for q, n in Counter(qids).items() if n > 1] == []


def test_references_exist() -> None:
    """Every country code and office key named anywhere is defined."""
    data = load_data()
    countries = {s.id for s in data.states}
    roles = {o.key for o in data.offices}
    orgs = {o.id for o in data.organisations}
    assert {o.country for o in data.organisations} - {None} <= countries
    assert {o.parent for o in data.organisations} - {None} <= orgs
    assert {o.organisation for o in data.offices} - {None} <= orgs
    titles = [t for o in data.offices for t in o.titles if not isinstance(t, str)]
    assert {t.country for t in titles} - {None} <= countries
    held = [o for p in data.people for o in p.offices]
    assert {o.role for o in held} <= roles
    assert {o.country for o in held} - {None} <= countries
    assert {p.country for p in data.people} - {None} <= countries


def test_demonym_and_prefix_forms_are_unique_across_states() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for state in _raw("states"):
        for form in state.get("demonyms", []) + state.get("prefix_forms", []):
            key = fold(form)
            if owner.setdefault(key, state["id"]) != state["id"]:
                clashes.append((form, owner[key], state["id"]))
    assert clashes == []


def test_every_state_has_demonyms_and_a_name() -> None:
    for state in _raw("states"):
        assert state.get("demonyms"), state["id"]
        assert state["name"].strip(), state["id"]


def test_office_titles_are_not_ranks(kb: KnowledgeBase) -> None:
    """A rank that is also a title start ("commandant") must still read as a title."""
    match = kb.parse_title("commandant du CENTCOM")
    assert match is not None and match.role == "centcom_commander"
    assert kb.is_rank("lieutenant-colonel") and kb.is_rank("Général")
    assert not kb.is_rank("ministre")
    assert kb.strip_ranks("le colonel-major Assimi Goïta") == "assimi goita"
    assert kb.strip_ranks("lieutenant-général Jean Test") == "jean test"


# ---------------------------------------------------------------- look-ups
def test_lookups(kb: KnowledgeBase) -> None:
    usa = kb.state("Etats-Unis")
    assert usa is not None and usa.id == "state:USA" and usa.kind == "state"
    iran = kb.demonym("iranienne")
    assert iran is not None and iran.id == "state:IRN"
    idf = kb.organisation("Tsahal")
    assert idf is not None and idf == kb.organisation("armée israélienne")
    assert idf.country == "ISR" and idf.org_kind == "armed_forces"
    assert kb.office_for_title("ministre des Armées") == "defence_minister"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("États-Unis", "USA"),
        ("les Etats-Unis", "USA"),
        ("USA", "USA"),
        ("Amérique", "USA"),
        ("l’Iran", "IRN"),
        ("d'Israël", "ISR"),
        ("l'État hébreu", "ISR"),
        ("Grande-Bretagne", "GBR"),
        ("République populaire de Chine", "CHN"),
        ("RDC", "COD"),
        ("la Corée du Nord", "PRK"),
        ("Türkiye", "TUR"),
        ("Saint-Siège", "VAT"),
        ("Kosovo", "XKX"),
        ("Taïwan", "TWN"),
        ("Palestine", "PSE"),
    ],
)
def test_state_names(kb: KnowledgeBase, text: str, code: str) -> None:
    state = kb.state(text)
    assert state is not None and state.country == code


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("américaines", "USA"),
        ("israélien", "ISR"),
        ("sud-coréenne", "KOR"),
        ("nord-coréens", "PRK"),
        ("burkinabè", "BFA"),
        ("émiratie", "ARE"),
        ("britanniques", "GBR"),
        ("RUSSE", "RUS"),
    ],
)
def test_demonyms(kb: KnowledgeBase, word: str, code: str) -> None:
    state = kb.demonym(word)
    assert state is not None and state.country == code


def test_compound_demonyms(kb: KnowledgeBase) -> None:
    assert [a.country for a in kb.demonyms_in("israélo-américain")] == ["ISR", "USA"]
    assert [a.country for a in kb.demonyms_in("russo-ukrainienne")] == ["RUS", "UKR"]
    assert [a.country for a in kb.demonyms_in("sino-américaines")] == ["CHN", "USA"]
    assert [a.country for a in kb.demonyms_in("iranien")] == ["IRN"]
    assert kb.demonyms_in("Indo-Pacifique") == ()
    assert kb.demonyms_in("ministre") == ()


def test_places(kb: KnowledgeBase) -> None:
    for place, code in (
        ("Washington", "USA"),
        ("Moscou", "RUS"),
        ("Kyiv", "UKR"),
        ("Pékin", "CHN"),
    ):
        state = kb.metonym(place)
        assert state is not None and state.country == code
    tel_aviv = kb.metonym("Tel Aviv")
    assert tel_aviv is not None and tel_aviv.country == "ISR"
    assert kb.capital_of("Tel-Aviv") is None  # a metonym, not the capital
    capital = kb.capital_of("Kiyv")
    assert capital is not None and capital.country == "UKR"


@pytest.mark.parametrize(
    ("text", "org_id", "country"),
    [
        ("l'Otan", "org:NATO", None),
        ("OTAN", "org:NATO", None),
        ("Nations unies", "org:UN", None),
        ("pasdarans", "org:IRGC", "IRN"),
        ("Daech", "org:ISIS", None),
        ("Ansar Allah", "org:HOUTHIS", None),
        ("la Maison Blanche", "org:WHITE_HOUSE", "USA"),
        ("Quai d'Orsay", "org:QUAI_D_ORSAY", "FRA"),
        ("Commandement central", "org:CENTCOM", "USA"),
        ("FAMa", "org:FAMA", "MLI"),
        ("ministère de la Défense", "org:MINISTRY_OF_DEFENCE", None),
        ("ministère iranien de la Défense", "org:MINISTRY_OF_DEFENCE", "IRN"),
        ("armée soudanaise", "org:SAF", "SDN"),
        ("armée tanzanienne", "org:ARMED_FORCES", "TZA"),
    ],
)
def test_organisations(kb: KnowledgeBase, text: str, org_id: str, country: str | None) -> None:
    match = kb.organisation_match(text)
    assert match is not None
    assert (match.actor.id, match.country) == (org_id, country)


def test_kinds_of_organisations(kb: KnowledgeBase) -> None:
    hezbollah = kb.organisation("Hezbollah")
    assert hezbollah is not None and hezbollah.kind == "group" and hezbollah.country is None
    kan = kb.organisation("KAN")
    assert kan is not None and kan.org_kind == "media"
    generic = kb.organisation("ministère de la Défense")
    assert generic is not None and generic.generic


def test_common_words_do_not_match_names_written_in_capitals(kb: KnowledgeBase) -> None:
    assert kb.state("grenade") is None
    grenada = kb.state("la Grenade")
    assert grenada is not None and grenada.country == "GRD"
    assert kb.organisation("ei") is None
    isis = kb.organisation("l'EI")
    assert isis is not None and isis.id == "org:ISIS"
    assert kb.state("bénin") is None and kb.state("Bénin") is not None


# ---------------------------------------------------------------- titles
@pytest.mark.parametrize(
    ("title", "role", "country", "org"),
    [
        ("le ministre israélien de la Défense", "defence_minister", "ISR", None),
        ("Le Ministre israélien de la Défense", "defence_minister", "ISR", None),
        ("le chef d'état-major de Tsahal", "chief_of_staff", "ISR", "org:IDF"),
        ("le président américain", "head_of_state", "USA", None),
        ("le secrétaire américain à la Défense", "defence_minister", "USA", None),
        ("le chef de la diplomatie française", "foreign_minister", "FRA", None),
        ("le secrétaire d'État", "foreign_minister", "USA", None),
        ("le commandant du CENTCOM des États-Unis", "centcom_commander", "USA", None),
        ("le guide suprême iranien", "supreme_leader", "IRN", None),
        ("le porte-parole du Pentagone", "spokesperson", "USA", "org:US_DOD"),
        ("le ministre ukrainien des Affaires étrangères", "foreign_minister", "UKR", None),
        ("le chancelier", "head_of_government", "DEU", None),
        ("le chancelier autrichien", "head_of_government", "AUT", None),
        ("la présidente de la Commission européenne", "eu_commission_president", None, None),
        ("le secrétaire général de l'Otan", "nato_secretary_general", None, None),
        ("le chef du groupe terroriste Hamas", "group_leader", None, "org:HAMAS"),
        ("chef de l'État islamique", "group_leader", None, "org:ISIS"),
        ("le chef de l'État", "head_of_state", None, None),
        ("le président du CHP", "party_leader", "TUR", "org:CHP"),
        ("ambassadeur d'Israël à l'ONU", "un_ambassador", "ISR", None),
        ("ambassadeur des États-Unis en Turquie", "ambassador", "USA", None),
        ("secrétaire à la Défense par intérim", "defence_minister", "USA", None),
        ("garde des Sceaux, ministre de la Justice", "justice_minister", None, None),
        ("porte-parole du ministre russe des Affaires étrangères", "spokesperson", "RUS", None),
        ("le ministre nord-coréen de la Défense", "defence_minister", "PRK", None),
        ("député à la Knesset", "legislator", "ISR", "org:KNESSET"),
        ("sénateur républicain", "legislator", None, None),
        ("le chef de Tsahal", "chief_of_staff", "ISR", "org:IDF"),
        ("chef de l'Autorité palestinienne", "head_of_state", "PSE", "org:PALESTINIAN_AUTHORITY"),
        ("président élu", "head_of_state", None, None),
        ("chef du Commandement central des États-Unis (CENTCOM)", "centcom_commander", "USA", None),
        ("le vice-ministre russe des Affaires étrangères", "deputy_minister", "RUS", None),
        ("le directeur de l'AIEA", "iaea_director_general", None, "org:IAEA"),
        ("le patron du groupe Wagner", "group_leader", None, "org:WAGNER"),
        (
            "le ministre des Finances de l'Autorité palestinienne",
            "finance_minister",
            "PSE",
            "org:PALESTINIAN_AUTHORITY",
        ),
        ("le chef de la junte malienne", "head_of_state", "MLI", None),
        ("la haute-commissaire de l'ONU", "organisation_head", None, "org:UN"),
        (
            "le chef du Groupe de soutien à l'islam et aux musulmans",
            "group_leader",
            None,
            "org:JNIM",
        ),
        (
            "la présidente du Conseil de la Fédération",
            "parliament_speaker",
            "RUS",
            "org:RUS_FEDERATION_COUNCIL",
        ),
    ],
)
def test_titles(
    kb: KnowledgeBase, title: str, role: str, country: str | None, org: str | None
) -> None:
    match = kb.parse_title(title)
    assert match is not None
    assert (match.role, match.country, match.organisation, match.rest) == (role, country, org, "")
    assert kb.office_for_title(title) == role


def test_title_country_must_fit() -> None:
    """A country-specific title read with another country's demonym is not that office."""
    kb = KnowledgeBase.load()
    match = kb.parse_title("secrétaire d'État français")
    assert match is not None and match.role == "minister" and match.country == "FRA"


def test_former_and_future_holders(kb: KnowledgeBase) -> None:
    former = kb.parse_title("l'ex-chef d'état-major de Tsahal")
    assert former is not None and former.role == "chief_of_staff" and former.country == "ISR"
    assert former.former and not former.future
    future = kb.parse_title("le président élu")
    assert future is not None and future.role == "head_of_state" and future.future
    coming = kb.parse_title("le futur chancelier allemand")
    assert coming is not None and coming.country == "DEU" and coming.future
    now = kb.parse_title("le Premier ministre britannique")
    assert now is not None and not now.former and not now.future
    elected = kb.parse_title("élu démocrate")  # "élu" heading a title is the title itself
    assert elected is not None and elected.role == "legislator" and not elected.future


def test_title_scope_and_rest(kb: KnowledgeBase) -> None:
    envoy = kb.parse_title("envoyé spécial de l'ONU pour la Syrie")
    assert envoy is not None and envoy.role == "envoy" and envoy.rest == ""
    assert envoy.organisation == "org:UN" and envoy.scope == "pour la syrie"
    mayor = kb.parse_title("maire d'Istanbul")  # an office whose complement is a place
    assert mayor is not None and mayor.role == "mayor" and mayor.scope == "d'istanbul"
    museum = kb.parse_title("directeur du musée des Beaux-Arts")
    assert museum is not None and museum.rest == "du musee des beaux arts"
    assert kb.office_for_title("directeur du musée des Beaux-Arts") is None
    # Another title as complement fits only offices taking any complement (spokesperson...).
    odd = kb.parse_title("président du ministre de la Défense")
    assert odd is not None and odd.rest != ""
    assert kb.parse_title("le général") is None
    assert kb.parse_title("Herzi Halevi") is None


# ---------------------------------------------------------------- people
def test_holders_change_with_the_date(user_kb: KnowledgeBase) -> None:
    def names(on: dt.date, until: dt.date | None = None) -> list[str]:
        return [a.name for a in user_kb.holders("test_chief", "ISR", on, until=until)]

    assert names(dt.date(2022, 11, 15)) == ["Avi Testovich"]
    assert names(dt.date(2023, 3, 1)) == ["Herzl Probel"]
    assert names(dt.date(2023, 1, 1), dt.date(2023, 1, 31)) == ["Herzl Probel", "Avi Testovich"]
    assert user_kb.holders("test_chief", "USA", dt.date(2023, 3, 1)) == []
    assert names(dt.date(2026, 1, 1)) == []
    assert user_kb.office_for_title("le chef israélien des essais") == "test_chief"


def test_candidates_ranking(user_kb: KnowledgeBase) -> None:
    # A family name alone: the one in office on the date comes first.
    found = [a.id for a in user_kb.candidates("Probel", dt.date(2024, 1, 1))]
    assert found == ["person:test-probel", "person:test-probel-elder"]
    # An alias beats a family name; ranks are stripped; accents and case do not matter.
    assert [a.id for a in user_kb.candidates("Testowicz")] == ["person:test-testovich"]
    assert [a.id for a in user_kb.candidates("le général Herzl Probel")] == ["person:test-probel"]
    assert [a.id for a in user_kb.candidates("HERZL PROBÉL")] == ["person:test-probel"]
    office = user_kb.get("person:test-probel")
    assert office is not None and office.role_on(dt.date(2024, 1, 1)) is not None
    assert office.role_on(dt.date(2026, 1, 1)) is None


def test_partial_dates_cover_their_period(user_kb: KnowledgeBase) -> None:
    levi = user_kb.get("person:test-levi")
    assert levi is not None
    office = levi.offices[0]
    assert (office.start, office.end) == (dt.date(2010, 1, 1), dt.date(2011, 6, 30))


# ---------------------------------------------------------------- user files
def test_user_file_adds_actor(tmp_path: Path) -> None:
    path = tmp_path / "my.yaml"
    path.write_text(
        "organisations:\n"
        "  - {id: org:TEST_MILITIA, name: Brigade du Test, names: [BdT], kind: armed_group}\n"
        "people:\n"
        "  - id: person:test-one\n"
        "    name: Jean Essaitest\n"
        "    country: FRA\n"
        "    offices:\n"
        "      - {role: defence_minister, label: ministre des Armées, country: FRA,"
        " start: 2030-01-02, end: null}\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load(extra_paths=[str(path)])
    assert [a.id for a in kb.candidates("Essaitest", dt.date(2031, 1, 1))] == ["person:test-one"]
    holders = kb.holders("defence_minister", "FRA", dt.date(2031, 1, 1))
    assert holders[0].name == "Jean Essaitest"  # the latest appointed comes first
    militia = kb.organisation("la Brigade du Test")
    assert militia is not None and militia.kind == "group"
    assert KnowledgeBase.load().organisation("Brigade du Test") is None


def test_user_entry_wins_over_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "override.yaml"
    path.write_text(
        "states:\n  - {id: ISR, name: Israël, names: [Pays de test], demonyms: [israélien]}\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load(extra_paths=[str(path)])
    state = kb.state("Pays de test")
    assert state is not None and state.country == "ISR"
    assert kb.state("État hébreu") is None  # the whole entry was replaced


def test_load_is_cached() -> None:
    assert KnowledgeBase.load() is KnowledgeBase.load()


@pytest.mark.parametrize(
    ("content", "pattern"),
    [
        ("states:\n  - id: XX\n    name: Nowhere\n", r"states\[0\] \(id 'XX'\) field id"),
        (
            "people:\n  - id: person:x\n    name: X\n    offices: [{role: wizard, label: w}]\n",
            r"'person:x'.*unknown office key 'wizard'",
        ),
        ("people:\n  - {id: person:y, name: Y, country: ZZZ}\n", r"unknown country code 'ZZZ'"),
        ("people:\n  - {id: person:z, name: Z, colour: blue}\n", r"people\[0\].*colour"),
        (
            "people:\n  - {id: person:d, name: D}\n  - {id: person:d, name: E}\n",
            r"'person:d' appears twice",
        ),
        ("people: [unclosed\n", r"not valid YAML"),
        ("- just a list\n", r"expected a mapping"),
    ],
)
def test_bad_user_file_says_where(tmp_path: Path, content: str, pattern: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=r"^E103 .*bad\.yaml|^E103 ") as info:
        load_data([str(path)])
    assert info.match(pattern)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"E103 .*cannot read it"):
        load_data([str(tmp_path / "none.yaml")])


def test_parse_cache_is_used_and_survives_corruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VEILLEUR_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "u.yaml"
    path.write_text("people:\n  - {id: person:c, name: Cache Test}\n", encoding="utf-8")
    first = load_data([str(path)])
    cached = list((tmp_path / "cache").glob("kb-*.json"))
    assert cached
    for file in cached:
        file.write_text("{not json", encoding="utf-8")
    again = load_data([str(path)])
    assert [p.name for p in again.people if p.id == "person:c"] == ["Cache Test"]
    assert first.people == again.people


def test_a_bare_name_is_the_kb_actor_of_that_kind(kb: KnowledgeBase) -> None:
    # a state named alone, a state's generic government, a body with a demonym, a periphrasis
    france = kb.named("France", "place")
    assert france is not None and france.actor.id == "state:FRA"
    government = kb.named("le gouvernement nigérien", "organisation")
    assert government is not None and government.actor.id == "state:NER"
    army = kb.named("armée ukrainienne", "organisation")
    assert army is not None and army.country == "UKR"
    nato = kb.named("l'organisation transatlantique", "organisation")
    assert nato is not None and nato.actor.id == "org:NATO"
    # a generic body without its country, an unknown name: nothing to say
    assert kb.named("ministère de la Défense", "organisation") is None
    assert kb.named("Fondation Zorbel", "organisation") is None


def test_a_bare_family_name_is_a_kb_person_only_when_one_bears_it(kb: KnowledgeBase) -> None:
    biden = kb.named("Biden", "person")
    assert biden is not None and biden.actor.name == "Joe Biden"
    assert kb.named("Zorbelski", "person") is None


def test_a_leaders_administration_is_the_state_they_lead(kb: KnowledgeBase) -> None:
    regime = kb.named("le régime Assad", "organisation")
    assert regime is not None and regime.actor.id == "state:SYR"
    cabinet = kb.named("le gouvernement Netanyahou", "organisation")
    assert cabinet is not None and cabinet.actor.id == "state:ISR"
    # an unknown leader, or no leader at all: nothing
    assert kb.named("l'administration Zorbelski", "organisation") is None
    assert kb.named("le régime", "organisation") is None
