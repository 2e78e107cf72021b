"""Where events happened: the clause's place, carried places, and place names in the KB."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from spacy.language import Language

from veilleur.errors import DataError
from veilleur.extraction.actors import ActorIndex
from veilleur.extraction.frames import noun_frame
from veilleur.extraction.lexicon import load_lexicon
from veilleur.extraction.places import (
    PlaceWords,
    carry_locations,
    clause_locations,
    load_place_words,
)
from veilleur.geo import (
    is_seat,
    load_places,
    locate,
    place_country,
    place_level,
    place_name,
    seat_city,
)
from veilleur.kb import KnowledgeBase
from veilleur.pipeline import analyse
from veilleur.readers import from_text
from veilleur.records import ActorRef, ArticleRecord, Event, PartialDate

# Invented sentences, one rule each; the expected place of the event of the given type and
# parties (None: no place).
CASES: dict[str, tuple[str, frozenset[str], str | None]] = {
    "the clause's place": (
        "Antony Blinken a rencontré Benjamin Netanyahou mardi à Jérusalem.",
        frozenset({"Antony Blinken", "Benjamin Netanyahou"}), "Jérusalem",
    ),
    "a time adjunct's place is the event's": (
        "Olaf Scholz a rencontré Emmanuel Macron lundi à Paris.",
        frozenset({"Olaf Scholz", "Emmanuel Macron"}), "Paris",
    ),
    "a periphrasis of a state is the state": (
        "Le secrétaire d'État américain Antony Blinken s'est rendu mardi dans l'État hébreu.",
        frozenset({"Antony Blinken", "Israël"}), "Israël",
    ),
    "a party's post is not the place": (
        "Le ministre français des Armées Sébastien Lecornu a rencontré mardi l'ambassadeur "
        "américain en Pologne, Mark Brzezinski.",
        frozenset({"Sébastien Lecornu", "Mark Brzezinski"}), None,
    ),
    "a verb that places the event noun": (
        "La rencontre entre Emmanuel Macron et Olaf Scholz a eu lieu jeudi dans les salons de "
        "la chancellerie à Berlin.",
        frozenset({"Emmanuel Macron", "Olaf Scholz"}), "Berlin",
    ),
    "the place an earlier mention of the event gave": (
        "Lors d'une réunion au Kremlin, les dirigeants russes et chinois ont discuté du "
        "commerce.\nLa réunion a réuni Vladimir Poutine et Xi Jinping.",
        frozenset({"Vladimir Poutine", "Xi Jinping"}), "Kremlin",
    ),
    "a participle that places a party": (
        "Le président Volodymyr Zelensky s'est adressé lundi aux dirigeants européens réunis "
        "à Bruxelles pour un sommet.",
        frozenset({"Volodymyr Zelensky", "Union européenne"}), "Bruxelles",
    ),
    "a place within a place": (
        "Le secrétaire d'État Antony Blinken a rencontré mercredi Benjamin Netanyahou au centre "
        "de commandement de l'armée israélienne à Tel-Aviv.",
        frozenset({"Antony Blinken", "Benjamin Netanyahou"}), "Tel-Aviv",
    ),
    "another act's place is not the attack's; an attack happens where it strikes": (
        "Il s'agit de la deuxième visite au Moyen-Orient de M. Blinken depuis l'attaque "
        "sanglante du Hamas contre Israël le 7 octobre.",
        frozenset({"Hamas", "Israël"}), "Israël",
    ),
    "the town struck": (
        "L'armée russe a bombardé la ville ukrainienne de Kharkiv, tuant dix civils.",
        frozenset({"armée russe", "Ukraine", "Kharkiv"}), "Kharkiv",
    ),
    "the occasion's place": (
        "Lors d'un sommet à Abuja, les dirigeants de la Cedeao ont menacé le Niger de sanctions.",
        frozenset({"Cedeao", "Niger"}), "Abuja",
    ),
    "the place a relative 'où' stands for": (
        "La ministre française des Affaires étrangères Catherine Colonna s'est rendue jeudi à "
        "Kiev, où elle a rencontré le président Volodymyr Zelensky.",
        frozenset({"Catherine Colonna", "Volodymyr Zelensky"}), "Kiev",
    ),
    "a seat of government hosts a meeting": (
        "Le président russe Vladimir Poutine a reçu jeudi au Kremlin le président chinois Xi "
        "Jinping.",
        frozenset({"Vladimir Poutine", "Xi Jinping"}), "Kremlin",  # where, not who
    ),
    "a trip told alongside an act does not place it": (
        "L'armée israélienne doit réduire ses frappes, avait suggéré M. Jake Sullivan avant son "
        "arrivée à Jérusalem.",
        frozenset({"Jake Sullivan", "Tsahal"}), None,
    ),
    "an act during a meeting of the same sentence": (
        "Le président Volodymyr Zelensky a dénoncé une terreur russe, recevant à Kiev le "
        "Premier ministre norvégien Jonas Gahr Store.",
        frozenset({"Volodymyr Zelensky", "Russie"}), "Kiev",
    ),
    "a place the act's own sentence declines is not carried to it": (
        "Le ministre allemand de la Défense Boris Pistorius est arrivé lundi en Lituanie.\n"
        "M. Pistorius avait condamné la Russie avant son arrivée à Vilnius.",
        frozenset({"Boris Pistorius", "Russie"}), None,
    ),
    "the place of the operation a relative clause tells the act through": (
        "Le Pentagone a détaillé l'opération ciblée de l'armée américaine à Bagdad qui a "
        "permis vendredi l'élimination du chef des Gardiens de la révolution Qassem Soleimani.",
        frozenset({"armée américaine", "Qassem Soleimani"}), "Bagdad",
    ),
    "the place of the strike that was the act's means": (
        "L'Iran a juré de venger la mort du général Ali Hosseini, par une frappe que Téhéran "
        "attribue à Israël, ayant visé son convoi à Alep au début du mois.",
        frozenset({"Israël", "Ali Hosseini"}), "Alep",
    ),
    "where two people were together, what they do next": (
        "Le président Emmanuel Macron a salué mardi à Berlin ses excellentes relations avec "
        "le chancelier Olaf Scholz.\nÀ son arrivée, Emmanuel Macron a échangé avec Olaf "
        "Scholz une longue accolade.",
        frozenset({"Emmanuel Macron", "Olaf Scholz"}), "Berlin",
    ),
    "the place the title gave the same act": (
        "À Astana, l'Arménie signe un accord avec l'Azerbaïdjan sur la frontière.\n"
        "L'Azerbaïdjan et l'Arménie ont fini par signer l'accord, avec la Russie, lors d'une "
        "cérémonie inédite.",
        frozenset({"Arménie", "Azerbaïdjan", "Russie"}), "Astana",
    ),
    "an envoy is expelled from the post the article gives": (
        "Le gouvernement du Niger a décidé d'expulser l'ambassadeur de France.\n"
        "L'ambassadeur de France à Niamey, Sylvain Itté, a reçu l'ordre de partir.",
        frozenset({"Niger", "France"}), "Niamey",
    ),
    "another state's envoy's post, or a post elsewhere, is not the expulsion's": (
        "Le Mali a expulsé l'ambassadeur de France.\n"
        "L'ambassadeur d'Allemagne à Bamako et l'ambassadeur de France à Dakar ont été reçus "
        "par le ministre.",
        frozenset({"Mali", "France"}), None,
    ),
    "the pronoun 'y' stands for the place the sentence before named": (
        "Le ministre allemand des Affaires étrangères se rendra aussi à Kharkiv.\n"
        "La ministre Annalena Baerbock y remettra des ambulances à l'Ukraine.",
        frozenset({"Annalena Baerbock", "Ukraine"}), "Kharkiv",
    ),
    "a judgment is not where the thing judged was planned": (
        "La France s'inquiète d'une offensive russe lancée à Kharkiv, et condamnée par le "
        "président Emmanuel Macron comme une grave erreur.",
        frozenset({"Emmanuel Macron", "Russie"}), None,
    ),
}  # fmt: skip

# Receptions: the mode of the meeting of the given parties.
RECEPTIONS: dict[str, tuple[str, frozenset[str], str]] = {
    "a foreign guest received by a host is on a visit": (
        "Le président Emmanuel Macron a reçu mardi à l'Élysée le chancelier allemand Olaf "
        "Scholz.",
        frozenset({"Emmanuel Macron", "Olaf Scholz"}), "visit",
    ),
    "a guest of the host's own state meets him": (
        "Le président Emmanuel Macron a reçu mardi à l'Élysée le Premier ministre français "
        "Michel Barnier.",
        frozenset({"Emmanuel Macron", "Michel Barnier"}), "meet",
    ),
    "a reception stays an event of its own beside the guest's arrival": (
        "Le chancelier allemand Olaf Scholz est arrivé lundi à Kiev, où il a été reçu par le "
        "président Volodymyr Zelensky.",
        frozenset({"Olaf Scholz", "Volodymyr Zelensky"}), "visit",
    ),
}  # fmt: skip

# One article whose later events have no place of their own.
CARRIED = (
    "Olaf Scholz a rencontré Emmanuel Macron lundi à Paris.\n"
    "Scholz a remercié Macron pour son soutien.\n"
    "Scholz a aussi remercié Joe Biden pour son aide.\n"
    "Le ministre français des Affaires étrangères Jean-Noël Barrot est arrivé mardi au Liban.\n"
    "Jean-Noël Barrot a rencontré le ministre jordanien des Affaires étrangères Ayman Safadi.\n"
    "Jean-Noël Barrot a rencontré le Premier ministre libanais Najib Mikati.\n"
)
SITE = (
    "Le président Emmanuel Macron a reçu Volodymyr Zelensky à l'Élysée.\n"
    "Le président français a aussi rencontré Olaf Scholz.\n"
)


@pytest.fixture(scope="module")
def records(nlp: Language) -> dict[str, ArticleRecord]:
    texts = [text for text, _, _ in CASES.values()] + [CARRIED, SITE]
    return {r.article.text: r for r in analyse(texts, nlp=nlp)}


def _place_of(record: ArticleRecord, parties: frozenset[str]) -> str | None:
    for event in record.events:
        if {a.name for a in (*event.source, *event.target)} == parties:
            return event.location
    raise AssertionError(f"no event between {sorted(parties)} in {record.events}")


@pytest.mark.parametrize("rule", sorted(CASES))
def test_event_place_from_its_clause(rule: str, records: dict[str, ArticleRecord]) -> None:
    text, parties, place = CASES[rule]
    assert _place_of(records[text], parties) == place


@pytest.mark.parametrize("rule", sorted(RECEPTIONS))
def test_reception_mode(rule: str, nlp: Language) -> None:
    text, people, mode = RECEPTIONS[rule]
    (record,) = analyse([text], nlp=nlp)
    modes = [e.mode for e in record.events if people <= {a.name for a in (*e.source, *e.target)}]
    assert modes == [mode]


def test_a_place_goes_to_what_the_meeting_s_people_did_there(
    records: dict[str, ArticleRecord],
) -> None:
    record = records[CARRIED]
    assert _place_of(record, frozenset({"Olaf Scholz", "Emmanuel Macron"})) == "Paris"
    # thanks to someone who was not at the meeting were given elsewhere
    assert _place_of(record, frozenset({"Olaf Scholz", "Joe Biden"})) is None
    # a Jordanian minister is not in Lebanon because his guest is; the Lebanese one is
    assert _place_of(record, frozenset({"Jean-Noël Barrot", "Ayman Safadi"})) is None
    assert _place_of(record, frozenset({"Jean-Noël Barrot", "Najib Mikati"})) == "Liban"


def test_another_meeting_inherits_the_city_of_a_site(records: dict[str, ArticleRecord]) -> None:
    record = records[SITE]
    assert _place_of(record, frozenset({"Emmanuel Macron", "Volodymyr Zelensky"})) == "Élysée"
    assert _place_of(record, frozenset({"Emmanuel Macron", "Olaf Scholz"})) == "Paris"


def _event(start: int, type_: str, people: list[str], **kw: object) -> Event:
    refs = tuple(ActorRef(f"p:{n}", n, "person", "USA") for n in people)
    status = kw.pop("status", "occurred")
    return Event(type_, refs[:1], refs[1:], status, start, start + 1, "", "t", **kw)  # type: ignore[arg-type]


def test_carry_skips_calls_and_plans_and_places_mutual_wars_nowhere() -> None:
    call = _event(0, "CONSULT", ["a", "b"], mode="phone", location="Tel-Aviv")
    thanks = _event(10, "SUPPORT", ["a", "b"])
    plan = _event(20, "CONSULT", ["a", "b"], status="planned", location="Tel-Aviv")
    after = _event(30, "SUPPORT", ["a", "b"])
    state = ActorRef("state:ISR", "Israël", "state", "ISR")
    group = ActorRef("org:HEZ", "Hezbollah", "group")
    war = Event("ASSAULT", (state, group), (state, group), "occurred", 40, 41, "", "guerre")
    strike = Event("ASSAULT", (group,), (state,), "occurred", 50, 51, "", "frappe")
    out = carry_locations([call, thanks, plan, after, war, strike])
    assert [e.location for e in out] == ["Tel-Aviv", None, "Tel-Aviv", None, None, "Israël"]


def test_people_placed_together_carry_their_place_but_victims_do_not() -> None:
    thanks = _event(0, "SUPPORT", ["a", "b"], location="Élysée")
    after = _event(10, "CONSULT", ["a", "b"])
    state = ActorRef("state:ISR", "Israël", "state", "ISR")
    victims = tuple(ActorRef(f"p:{n}", n, "person", "LBN") for n in ("c", "d"))
    strike = Event("ASSAULT", (state,), victims, "occurred", 20, 21, "", "tué", location="Tyr")
    met = Event("CONSULT", victims[:1], victims[1:], "occurred", 30, 31, "", "rencontré")
    out = carry_locations([thanks, after, strike, met])
    assert [e.location for e in out] == ["Élysée", "Élysée", "Tyr", None]


def test_place_words_are_validated() -> None:
    words = load_place_words()
    assert words.at <= set(words.ranks) and words.ranks["à"] < words.ranks["en"]
    # the words of places told elsewhere are not prepositions of place
    assert not (words.means | words.there) & set(words.ranks)
    assert "expel" in words.envoy_acts and words.envoys
    with pytest.raises(ValidationError):
        PlaceWords.model_validate({"ranks": {"à": 0}, "at": ["à"], "venue_verbs": []})
    with pytest.raises(DataError, match="E102"):
        load_place_words("xx")


def test_places_file_names_real_states_once() -> None:
    kb = KnowledgeBase.load()
    places = load_places()
    names = [kb.key(n) for p in places for n in (p.name, *p.names)]
    assert len(names) == len(set(names))
    assert all(kb.get(f"state:{p.country}") is not None for p in places)
    # a room or wing names a seat of its own country
    for part in (p for p in places if p.part_of is not None):
        whole = locate(part.part_of or "")
        assert whole.level == "site" and whole.country == part.country, part.name


def test_a_room_of_a_seat_is_that_seat_for_merging() -> None:
    from veilleur.merge import places_agree
    from veilleur.store.merging import default_rules

    assert locate("Bureau ovale").key == locate("Maison Blanche").key
    rules = default_rules()
    assert places_agree("Bureau ovale", "Maison Blanche", rules)
    assert places_agree("Bureau ovale", "Washington", rules)
    assert not places_agree("Bureau ovale", "Pentagone", rules)


@pytest.mark.parametrize(
    ("place", "country", "level"),
    [
        ("Israël", "ISR", "state"),
        ("l'État hébreu", "ISR", "state"),
        ("Tel-Aviv", "ISR", "city"),
        ("Odessa", "UKR", "city"),
        ("Cisjordanie", "PSE", "region"),
        ("Pentagone", "USA", "site"),
        ("palais de Dolmabahçe", "TUR", "site"),
        ("Atlantide", None, "unknown"),
    ],
)
def test_places_are_located_through_the_kb(place: str, country: str | None, level: str) -> None:
    assert (place_country(place), place_level(place)) == (country, level)
    assert (locate(place).country, locate(place).level) == (country, level)


def test_place_names_and_seats() -> None:
    israel = ActorRef("state:ISR", "Israël", "state", "ISR")
    ukraine = ActorRef("state:UKR", "Ukraine", "state", "UKR")
    assert place_name(israel, "État juif") == "Israël"
    assert place_name(ukraine, "Kiev") == "Kiev"
    assert place_name(ActorRef("x", "Gaza", "place"), "Gaza") == "Gaza"
    assert is_seat("Kremlin") and is_seat("Pentagone") and not is_seat("Otan")
    assert seat_city("Pentagone") == "Washington"
    assert seat_city("Élysée") == "Paris"
    assert seat_city("Tel-Aviv") is None and seat_city("palais de Dolmabahçe") is None
    # two names of one place share a key; a seat knows the capital it stands in
    pentagon, washington = locate("Pentagone"), locate("Washington")
    assert pentagon.key == locate("ministère américain de la Défense").key != washington.key
    assert pentagon.within == washington.key and washington.within is None


def test_coordinated_places_come_in_text_order(nlp: Language) -> None:
    text = (
        "Le général Pierre Schill a tenu mardi des réunions au Pentagone et à la Maison "
        "Blanche pour discuter avec Mark Milley et Jake Sullivan."
    )
    article = from_text(text)
    doc = nlp.make_doc(article.content)
    doc._.article = article
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    index = ActorIndex(doc)
    lexicon = load_lexicon()
    meetings = next(t for t in doc if t.lemma_ == "réunion")
    (entry, *_) = lexicon.entries("réunion", "noun")
    frame = noun_frame(meetings, entry, index, lexicon.cues)
    assert clause_locations(meetings, index, lexicon.cues, frame) == ["Pentagone", "Maison Blanche"]


def test_the_states_of_a_city_meeting_share_its_place_for_their_agreement_only() -> None:
    def ref(name: str, kind: str, country: str) -> ActorRef:
        return ActorRef(f"{kind}:{name}", name, kind, country)

    host, guest = ref("Kaïs", "person", "TUN"), ref("Tebboune", "person", "DZA")
    tunisia, algeria = ref("Tunisie", "state", "TUN"), ref("Algérie", "state", "DZA")
    met = Event("CONSULT", (host,), (guest,), "occurred", 0, 1, "", "reçu", location="Tunis")
    signed = Event("AGREE", (tunisia, algeria), (tunisia, algeria), "occurred", 10, 11, "", "s")
    blamed = Event("ACCUSE", (algeria,), (tunisia,), "occurred", 20, 21, "", "reproché")
    out = carry_locations([met, signed, blamed])
    assert [e.location for e in out] == ["Tunis", "Tunis", None]
    # a visit to a country is no venue the two states' next agreement surely shares
    trip = Event("CONSULT", (host,), (guest,), "occurred", 0, 1, "", "visite", location="Algérie")
    assert carry_locations([trip, signed])[1].location is None
    # nor is a day the text gives apart another day's venue
    later = Event(
        "AGREE", (tunisia, algeria), (tunisia, algeria), "occurred", 10, 11, "", "s",
        date=PartialDate.parse("2024-05-02"), date_from="text",
    )  # fmt: skip
    dated = Event(
        "CONSULT", (host,), (guest,), "occurred", 0, 1, "", "reçu", location="Tunis",
        date=PartialDate.parse("2024-03-01"), date_from="text",
    )  # fmt: skip
    assert carry_locations([dated, later])[1].location is None


def test_a_capital_addressed_by_a_verb_of_saying_is_its_state(nlp: Language) -> None:
    text = (
        "Le président tanzanien a reproché jeudi à Nairobi ses taxes sur le sucre. "
        "La délégation est arrivée vendredi à Nairobi."
    )
    (record,) = analyse([text], nlp=nlp)
    accused = [e for e in record.events if e.type == "ACCUSE"]
    assert accused and {a.name for a in accused[0].target} == {"Kenya"}
    assert accused[0].location is None
    # a verb of saying names where it was said; a noun's complement is a place
    for text in (
        "« Nous ne céderons pas », a déclaré à Nairobi le président kényan.",
        "Le ministre a demandé une réunion à Nairobi avec son homologue.",
    ):
        doc = nlp(text)
        assert [m.kind for m in doc._.mentions if m.text == "Nairobi"] == ["place"]


def test_seas_straits_and_gulfs_are_places_not_the_state_they_are_named_after(
    nlp: Language,
) -> None:
    text = (
        "Des navires iraniens ont patrouillé mardi dans le golfe d'Oman, puis en mer d'Arabie "
        "et dans le détroit d'Ormuz, loin de la mer de Chine méridionale."
    )
    doc = nlp(text)
    places = [m.name for m in doc._.mentions if m.kind == "place"]
    assert places == ["golfe d'Oman", "mer d'Arabie", "détroit d'Ormuz", "mer de Chine méridionale"]
    assert not [m for m in doc._.mentions if m.kind == "state" and m.name in {"Oman", "Chine"}]


def test_where_the_object_of_an_act_came_down_is_its_place(nlp: Language) -> None:
    text = "Mardi, l'Iran a tiré un missile balistique qui s'est abîmé dans le golfe Persique."
    (record,) = analyse([text], nlp=nlp)
    assert [e.location for e in record.events if e.type == "MOBILIZE"] == ["golfe Persique"]


def test_the_states_of_a_meeting_told_far_before_do_not_carry_its_place() -> None:
    host = ActorRef("person:a", "A", "person", "TUN")
    guest = ActorRef("person:b", "B", "person", "DZA")
    tunisia = ActorRef("state:TUN", "Tunisie", "state", "TUN")
    algeria = ActorRef("state:DZA", "Algérie", "state", "DZA")
    met = Event("CONSULT", (host,), (guest,), "occurred", 0, 1, "", "reçu", location="Tunis")
    far = Event("AGREE", (tunisia, algeria), (tunisia, algeria), "occurred", 5000, 5001, "", "s")
    assert carry_locations([met, far])[1].location is None
