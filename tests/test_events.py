"""Event extraction: each mechanism on constructed sentences (not the dev corpus)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from spacy.language import Language

from tests.eventkit import events, names
from veilleur import lang
from veilleur.errors import DataError
from veilleur.extraction.builder import deduplicate
from veilleur.extraction.lexicon import Lexicon, load_lexicon
from veilleur.records import PLOVER_TYPES, ActorRef, Event


def only(found: list[Event], type_: str) -> Event:
    """The single event of `type_` in `found`."""
    picked = [e for e in found if e.type == type_]
    assert len(picked) == 1, found
    return picked[0]


def test_lexicon_validates_and_covers_every_plover_type() -> None:
    lexicon = load_lexicon("fr")
    assert {t.type for t in lexicon.triggers} == set(PLOVER_TYPES)


def test_lexicon_rejects_unknown_type() -> None:
    raw = {"triggers": [{"lemmas": ["x"], "pos": "verb", "type": "HUG"}]}
    with pytest.raises(ValidationError):
        Lexicon.model_validate(raw)


def test_inflected_forms_lead_back_to_trigger_verbs() -> None:
    forms = load_lexicon("fr").verb_forms()
    assert forms["signe"] == "signer"
    assert forms["rencontré"] == "rencontrer"


def test_missing_language_is_an_actionable_error() -> None:
    with pytest.raises(DataError, match="E102"):
        lang.load("xx", "triggers", Lexicon)


def test_meeting_with_coordinated_subjects(nlp: Language) -> None:
    found = events(nlp, "Emmanuel Macron et Olaf Scholz ont rencontré Joe Biden à Berlin.")
    event = only(found, "CONSULT")
    parties = names(event.source) | names(event.target)
    assert {"Emmanuel Macron", "Olaf Scholz", "Joe Biden"} <= parties
    assert event.mode == "meet"
    assert event.status == "occurred"
    assert event.location == "Berlin"


def test_entretenir_avec_is_a_meeting(nlp: Language) -> None:
    event = only(events(nlp, "Pedro Sánchez s'est entretenu avec Giorgia Meloni."), "CONSULT")
    assert names(event.source) | names(event.target) >= {"Pedro Sánchez", "Giorgia Meloni"}


def test_future_tense_is_planned(nlp: Language) -> None:
    event = only(events(nlp, "Emmanuel Macron rencontrera Joe Biden à Paris."), "CONSULT")
    assert event.status == "planned"


def test_devoir_infinitive_is_planned(nlp: Language) -> None:
    found = events(nlp, "Emmanuel Macron doit rencontrer Joe Biden la semaine prochaine.")
    assert only(found, "CONSULT").status == "planned"


def test_negated_event_is_dropped(nlp: Language) -> None:
    assert not events(nlp, "Emmanuel Macron n'a pas rencontré Joe Biden.")


def test_hypothetical_event_is_dropped(nlp: Language) -> None:
    found = events(nlp, "Si la Russie attaquait la Pologne, l'Otan répondrait.")
    assert not [e for e in found if e.type == "ASSAULT"]


def test_visit_target_is_the_place_and_location(nlp: Language) -> None:
    event = only(events(nlp, "Antony Blinken est arrivé jeudi en Égypte."), "CONSULT")
    assert event.mode == "visit"
    assert names(event.target) == {"Égypte"}
    assert event.location == "Égypte"


def test_support_with_thanks(nlp: Language) -> None:
    event = only(events(nlp, "Volodymyr Zelensky a remercié Olaf Scholz pour son aide."), "SUPPORT")
    assert names(event.source) == {"Volodymyr Zelensky"}
    assert names(event.target) == {"Olaf Scholz"}


def test_multiword_trigger_needs_its_noun(nlp: Language) -> None:
    found = events(nlp, "Olaf Scholz a exprimé sa gratitude à Emmanuel Macron.")
    assert only(found, "SUPPORT").target
    assert not events(nlp, "Olaf Scholz a exprimé un avis.")


def test_accuse_and_request(nlp: Language) -> None:
    found = events(nlp, "Antony Blinken a condamné la Corée du Nord.")
    assert names(only(found, "ACCUSE").source) == {"Antony Blinken"}
    found = events(nlp, "Le Mali a demandé à la France de retirer ses soldats.")
    assert only(found, "REQUEST")


def test_agreement_is_mutual(nlp: Language) -> None:
    event = only(events(nlp, "L'Arménie et l'Azerbaïdjan ont signé un accord de paix."), "AGREE")
    assert names(event.source) == names(event.target) == {"Arménie", "Azerbaïdjan"}


def test_passive_agent_is_the_source(nlp: Language) -> None:
    found = events(nlp, "Kharkiv a été bombardé mardi par la Russie.")
    assert names(only(found, "ASSAULT").source) == {"Russie"}


def test_nominal_event_with_demonym_and_time(nlp: Language) -> None:
    found = events(nlp, "Il s'agit de la première visite depuis l'attaque russe du 24 février.")
    assert not [e for e in found if e.type == "CONSULT"]


def test_nominal_event_with_agent_and_victim(nlp: Language) -> None:
    text = (
        "Depuis l'assassinat d'Ali Karimi à Bagdad mardi par une frappe américaine, "
        "la tension monte."
    )
    event = only(events(nlp, text), "ASSAULT")
    assert names(event.target) == {"Ali Karimi"}
    assert names(event.source) == {"États-Unis"}
    assert event.location == "Bagdad"


def test_attributed_strike_is_reported(nlp: Language) -> None:
    text = "Mardi, une frappe attribuée à Israël a tué Saleh Arouri à Beyrouth."
    event = only(events(nlp, text), "ASSAULT")
    assert event.status == "reported"
    assert names(event.source) == {"Israël"}


def test_evidence_offsets_point_into_the_text(nlp: Language) -> None:
    text = "Titre sans point\nEmmanuel Macron a rencontré Joe Biden à Rome. Il pleuvait."
    event = only(events(nlp, text), "CONSULT")
    assert text[event.evidence_start : event.evidence_end] == event.evidence
    assert event.evidence == "Emmanuel Macron a rencontré Joe Biden à Rome."
    assert 0.0 <= event.confidence <= 1.0


def test_same_meeting_told_twice_is_one_event(nlp: Language) -> None:
    text = (
        "Emmanuel Macron a rencontré Joe Biden mardi à Rome. "
        "Emmanuel Macron s'est entretenu avec Joe Biden pendant deux heures."
    )
    assert len([e for e in events(nlp, text) if e.type == "CONSULT"]) == 1


def test_deduplicate_merges_a_title_into_the_fuller_body_event() -> None:
    a, b, c = (ActorRef(x, x) for x in "ABC")
    small = Event("CONSULT", (a,), (b,), "occurred", 0, 5, "x", "t", mode="meet")
    big = Event("CONSULT", (a,), (b, c), "occurred", 10, 15, "y", "t", mode="meet")
    other = Event("ASSAULT", (a,), (b,), "occurred", 20, 25, "z", "t")
    # the smaller one stands in the title (before offset 8): the body tells it fully
    assert deduplicate([small, big, other], lead=8) == [big, other]
    # the smaller one is a separate sentence of the body: another meeting
    assert deduplicate([small, big, other], lead=0) == [small, big, other]


def test_delivery_recipient_after_a(nlp: Language) -> None:
    found = events(nlp, "L'Allemagne livrera des chars et des munitions à l'Ukraine.")
    event = only(found, "AID")
    assert names(event.target) == {"Ukraine"}
    assert event.status == "planned"


def test_phone_talk_mode(nlp: Language) -> None:
    text = "Fumio Kishida s'est entretenu par téléphone avec Joe Biden."
    assert only(events(nlp, text), "CONSULT").mode == "phone"


def test_counted_group_is_the_last_people_named(nlp: Language) -> None:
    text = (
        "Emmanuel Macron a rencontré Olaf Scholz à Berlin. "
        "Les deux dirigeants ont signé un accord de défense."
    )
    event = only(events(nlp, text), "AGREE")
    assert names(event.source) == {"Emmanuel Macron", "Olaf Scholz"}


def test_incise_reporting_verb_takes_its_inverted_subject(nlp: Language) -> None:
    text = "« L'armée russe a bombardé Kharkiv toute la nuit », a dénoncé Volodymyr Zelensky."
    event = only(events(nlp, text), "ACCUSE")
    assert names(event.source) == {"Volodymyr Zelensky"}
    assert event.target


def test_first_person_speech_is_left_to_the_quote(nlp: Language) -> None:
    text = "« Nous avons rencontré Joe Biden hier », a déclaré Olaf Scholz."
    assert not [e for e in events(nlp, text) if e.type == "CONSULT"]


def test_refused_act_is_not_an_event(nlp: Language) -> None:
    text = "Le Mali refusait de signer un accord avec la France."
    found = events(nlp, text)
    assert not [e for e in found if e.type == "AGREE"]
    assert names(only(found, "REJECT").target) == {"France"}


def test_title_and_body_visits_are_one_trip(nlp: Language) -> None:
    text = (
        "Visite à Kiev d'Olaf Scholz\n"
        "Le chancelier Olaf Scholz est arrivé lundi en Ukraine pour sa première visite."
    )
    visits = [e for e in events(nlp, text) if e.mode == "visit"]
    assert len(visits) == 1
    assert visits[0].location == "Kiev"


def test_unplaced_event_takes_the_place_of_its_people(nlp: Language) -> None:
    text = (
        "Emmanuel Macron a rencontré Olaf Scholz mardi à Berlin. "
        "Emmanuel Macron a remercié Olaf Scholz pour son accueil."
    )
    assert only(events(nlp, text), "SUPPORT").location == "Berlin"


def test_meeting_officials_of_several_states(nlp: Language) -> None:
    text = "Antony Blinken rencontrera des responsables égyptiens et saoudiens jeudi."
    targets = {a.name for e in events(nlp, text) if e.type == "CONSULT" for a in e.target}
    assert targets == {"Égypte", "Arabie saoudite"}


def test_expected_meeting_is_planned(nlp: Language) -> None:
    text = "Une rencontre entre Emmanuel Macron et Olaf Scholz est probable."
    assert only(events(nlp, text), "CONSULT").status == "planned"


def test_feeling_without_recipient_needs_no_target(nlp: Language) -> None:
    found = events(nlp, "Antony Blinken a réitéré toute sa sympathie après le drame.")
    event = only(found, "SUPPORT")
    assert names(event.source) == {"Antony Blinken"}
    assert event.target == ()


def test_labelling_someone_is_an_accusation(nlp: Language) -> None:
    found = events(nlp, "Le président Lula a qualifié la Russie d'agresseur mardi.")
    event = only(found, "ACCUSE")
    assert (names(event.source), names(event.target)) == ({"Lula"}, {"Russie"})


def test_labelling_participle_after_an_incise(nlp: Language) -> None:
    text = (
        "« Aidez-nous », a de son côté écrit sur Twitter le ministre des Affaires étrangères "
        'Andrii Sybiha, qualifiant la Russie d\'"Etat terroriste".'
    )
    event = only(events(nlp, text), "ACCUSE")
    assert (names(event.source), names(event.target)) == ({"Andrii Sybiha"}, {"Russie"})


def test_passive_participle_blames_the_author_of_the_act(nlp: Language) -> None:
    text = (
        "Les pourparlers ont lieu sur fond d'une offensive israélienne prévue à Jénine, "
        "et qualifiée par Olaf Scholz de « faute grave »."
    )
    event = only(events(nlp, text), "ACCUSE")
    assert (names(event.source), names(event.target)) == ({"Olaf Scholz"}, {"Israël"})


def test_agreement_in_a_relative_clause(nlp: Language) -> None:
    text = (
        "Le sommet a évoqué les accords commerciaux que le Chili a signés avec l'Argentine, "
        "le Pérou et la Bolivie en 2019."
    )
    event = only(events(nlp, text), "AGREE")
    assert names(event.source) == {"Chili", "Argentine", "Pérou", "Bolivie"}


def test_arrival_where_a_relative_points_back_to_the_place(nlp: Language) -> None:
    text = "Le ministre Wang Yi a parlé à Nairobi, où il est arrivé lundi, de la dette."
    event = only(events(nlp, text), "CONSULT")
    assert event.mode == "visit"
    assert event.location == "Nairobi"
    assert names(event.source) == {"Wang Yi"}


def test_visit_to_a_region_goes_to_the_body_seated_there(nlp: Language) -> None:
    text = "Le ministre Wang Yi doit se rendre en Cisjordanie où siège l'Autorité palestinienne."
    event = only(events(nlp, text), "CONSULT")
    assert names(event.target) == {"Autorité palestinienne"}
    assert event.status == "planned"


def test_stop_of_a_trip_is_not_another_visit(nlp: Language) -> None:
    text = (
        "Le ministre Wang Yi est arrivé lundi au Kenya pour une visite officielle. "
        "Il se rendra aussi à Kisumu, ville de l'ouest du pays."
    )
    visits = [e for e in events(nlp, text) if e.mode == "visit"]
    assert [names(v.target) for v in visits] == [{"Kenya"}]


def test_planned_meeting_does_not_swallow_an_earlier_one(nlp: Language) -> None:
    text = (
        "Lula rencontre Milei à Brasilia\n"
        "Lula a échangé avec Javier Milei une poignée de mains lundi à Brasilia. "
        "Lula doit rencontrer Javier Milei et Gabriel Boric mardi."
    )
    statuses = sorted(e.status for e in events(nlp, text) if e.type == "CONSULT")
    assert "occurred" in statuses and "planned" in statuses


def test_killing_by_a_claimed_strike_is_a_cause_not_a_fear(nlp: Language) -> None:
    text = (
        "Les chiites se préparent à une riposte pour l’assassinat du général Ali Karimi, "
        "par une frappe aérienne que Bagdad a imputée à la Turquie."
    )
    assault = only(events(nlp, text), "ASSAULT")
    assert (names(assault.source), names(assault.target)) == ({"Turquie"}, {"Ali Karimi"})


def test_attack_with_no_victim_named_targets_the_state_the_article_is_about(
    nlp: Language,
) -> None:
    text = (
        "L'Ukraine attend des armes. Le ministre Wang Yi a visité l'Ukraine lundi, "
        "une première depuis le début de l'invasion russe le 24 février."
    )
    assault = only(events(nlp, text), "ASSAULT")
    assert (names(assault.source), names(assault.target)) == ({"Russie"}, {"Ukraine"})


def test_a_wave_of_attacks_gets_no_implicit_victim(nlp: Language) -> None:
    text = (
        "L'Inde reste inquiète. Le ministre a évoqué l'Inde et la récente vague "
        "d'attentats pakistanais au Cachemire."
    )
    assert not [e for e in events(nlp, text) if e.type == "ASSAULT"]


def test_operation_that_allowed_a_killing_is_its_author(nlp: Language) -> None:
    text = (
        "Le ministre a donné des précisions sur l’opération ciblée de l'armée soudanaise à "
        "Khartoum qui a permis mardi soir l’élimination du chef rebelle Abdel Rahim Dagalo."
    )
    assaults = [e for e in events(nlp, text) if e.type == "ASSAULT"]
    assert [(names(e.source), names(e.target)) for e in assaults] == [
        ({"armée soudanaise"}, {"Abdel Rahim Dagalo"})
    ]


def test_thanks_go_to_the_government_of_the_adjective(nlp: Language) -> None:
    text = (
        "Le ministre Rafael Grossi a rencontré mardi le président Lula et exprimé sa "
        "reconnaissance envers le gouvernement brésilien, soulignant les liens entre eux."
    )
    support = only(events(nlp, text), "SUPPORT")
    assert names(support.target) == {"Brésil"}


def test_people_inside_another_event_are_not_met(nlp: Language) -> None:
    text = (
        "Le général Kurilla devrait rencontrer des officiels militaires en riposte à "
        "l’assassinat du général Ali Karimi."
    )
    assert not [e for e in events(nlp, text) if e.type == "CONSULT"]


def test_the_two_parties_are_the_states_named_before(nlp: Language) -> None:
    text = (
        "Les officiels américains et israéliens ont déclaré que les deux parties avaient "
        "tenu une série de consultations ces derniers jours."
    )
    event = only(events(nlp, text), "CONSULT")
    assert names(event.source) | names(event.target) == {"États-Unis", "Israël"}


def test_calling_a_peer_a_dictator_accuses_him(nlp: Language) -> None:
    text = (
        "Joe Biden a rencontré Xi Jinping mercredi. Le président américain a dit qu'il "
        "considérait toujours son homologue chinois comme un «dictateur»."
    )
    event = only(events(nlp, text), "ACCUSE")
    assert (names(event.source), names(event.target)) == ({"Joe Biden"}, {"Xi Jinping"})


def test_a_plain_judgement_is_no_accusation(nlp: Language) -> None:
    text = "Joe Biden considère Xi Jinping comme un partenaire difficile."
    assert not [e for e in events(nlp, text) if e.type == "ACCUSE"]


def test_partner_added_with_ainsi_que_is_met_apart(nlp: Language) -> None:
    text = (
        "Le ministre Wang Yi doit rencontrer plus tard le chef de l'Autorité palestinienne "
        "Mahmoud Abbas, ainsi que Yaïr Lapid."
    )
    meetings = [names(e.target) for e in events(nlp, text) if e.type == "CONSULT"]
    assert sorted(meetings, key=sorted) == [{"Mahmoud Abbas"}, {"Yaïr Lapid"}]


def test_trip_and_the_meeting_it_is_for_are_one_visit(nlp: Language) -> None:
    text = (
        "Le ministre Ron Dermer devait se rendre à Washington la semaine prochaine pour "
        "rencontrer de hauts responsables américains."
    )
    event = only(events(nlp, text), "CONSULT")
    assert event.mode == "visit"
    assert event.location == "Washington"


def test_arrival_is_no_passive_and_a_meeting_there_is_another_event(nlp: Language) -> None:
    text = "Le ministre Ron Dermer est arrivé à Washington, où il a rencontré Jake Sullivan."
    found = [e for e in events(nlp, text) if e.type == "CONSULT"]
    assert {(e.mode, frozenset(names(e.source))) for e in found} == {
        ("visit", frozenset({"Ron Dermer"})),
        ("meet", frozenset({"Ron Dermer"})),
    }


def test_recalling_an_ambassador_targets_the_state_of_the_story(nlp: Language) -> None:
    text = (
        "Le Niger a expulsé l'ambassadeur de France. Le Niger accuse la France. La France a "
        "« pris note » de la décision et « décidé de rappeler son ambassadeur »."
    )
    recall = [e for e in events(nlp, text) if e.mode == "withdraw"]
    assert [(names(e.source), names(e.target)) for e in recall] == [({"France"}, {"Niger"})]


def test_a_host_receives_a_visitor(nlp: Language) -> None:
    text = "Le président Lula recevra la semaine prochaine le chancelier Olaf Scholz à Brasilia."
    event = only(events(nlp, text), "CONSULT")
    assert (names(event.source), names(event.target)) == ({"Olaf Scholz"}, {"Lula"})


def test_victims_joined_by_a_repeated_preposition_are_two_killings(nlp: Language) -> None:
    text = (
        "Des rumeurs circulent depuis l'assassinat du chef militaire du Hezbollah, Fuad Shukr, "
        "à Beyrouth, par une frappe israélienne, et du chef du Hamas, Ismail Haniyeh, à "
        "Téhéran, la semaine dernière."
    )
    found = [e for e in events(nlp, text) if e.type == "ASSAULT"]
    assert sorted(n for e in found for n in names(e.target)) == ["Fuad Shukr", "Ismail Haniyeh"]
    assert all(names(e.source) == {"Israël"} for e in found)


def test_the_truce_stands_for_the_one_named_before(nlp: Language) -> None:
    text = (
        "La trêve entre le Soudan et le Tchad a été signée lundi. La trêve, entrée en vigueur "
        "vendredi, a déjà permis la libération de 70 otages égyptiens."
    )
    release = [e for e in events(nlp, text) if e.mode == "release"]
    assert [(names(e.source), names(e.target)) for e in release] == [
        ({"Soudan", "Tchad"}, {"Égypte"})
    ]


def test_unqualified_authorities_are_those_of_the_story(nlp: Language) -> None:
    text = (
        "La ministre Catherine Colonna est arrivée lundi en Ukraine. Elle se rendra aussi à "
        "Boutcha. Elle y « remettra du matériel de sécurité civile » aux autorités. "
        "L'Ukraine remercie."
    )
    aid = only(events(nlp, text), "AID")
    assert names(aid.target) == {"Ukraine"}


def test_a_foreigner_on_a_visit_visits_the_state_of_the_story(nlp: Language) -> None:
    text = (
        "Le Kenya accueille un sommet. Le Kenya espère des accords. Le président kényan "
        "William Ruto a tenu une réunion mardi avec le secrétaire d'État américain Antony "
        "Blinken, qui était en visite pour assister à la cérémonie de passation, qui a eu "
        "lieu lundi."
    )
    visits = [e for e in events(nlp, text) if e.mode == "visit"]
    assert [(names(e.source), names(e.target), e.location) for e in visits] == [
        ({"Antony Blinken"}, {"Kenya"}, "Kenya")
    ]


def test_each_victim_keeps_its_own_place(nlp: Language) -> None:
    text = (
        "Des rumeurs circulent depuis l'assassinat du chef militaire du Hezbollah, Fuad Shukr, "
        "à Beyrouth, par une frappe israélienne, et du chef du Hamas, Ismail Haniyeh, à "
        "Téhéran, la semaine dernière."
    )
    found = {e.target[0].name: e.location for e in events(nlp, text) if e.type == "ASSAULT"}
    assert found == {"Fuad Shukr": "Beyrouth", "Ismail Haniyeh": "Téhéran"}


def test_an_invasion_with_no_place_happened_in_the_invaded_state(nlp: Language) -> None:
    text = (
        "L'Ukraine attend des armes. Le ministre Wang Yi a visité l'Ukraine lundi, "
        "une première depuis le début de l'invasion russe le 24 février."
    )
    assert only(events(nlp, text), "ASSAULT").location == "Ukraine"


def test_the_expelled_is_the_target_of_an_expulsion(nlp: Language) -> None:
    text = "Le Burkina Faso a annoncé lundi l'expulsion du diplomate français Luc Hallade."
    event = only(events(nlp, text), "SANCTION")
    assert (names(event.source), names(event.target)) == ({"Burkina Faso"}, {"Luc Hallade"})
    assert event.mode == "expel"


def test_fronted_place_is_no_party_and_the_partner_hangs_on_the_accord(nlp: Language) -> None:
    text = "À Genève, l'Arménie signe un accord inédit avec l'Azerbaïdjan sur la frontière."
    event = only(events(nlp, text), "AGREE")
    assert names(event.source) == {"Arménie", "Azerbaïdjan"}
    assert event.location == "Genève"


def test_the_strike_that_killed_is_not_a_second_attack(nlp: Language) -> None:
    text = (
        "L'Irak proteste. L'Irak se prépare à une riposte pour l’assassinat du général Ali "
        "Karimi, par une frappe aérienne que Bagdad a imputée à la Turquie, ayant visé son "
        "consulat à Mossoul."
    )
    assaults = [e for e in events(nlp, text) if e.type == "ASSAULT"]
    assert [(names(e.source), names(e.target)) for e in assaults] == [({"Turquie"}, {"Ali Karimi"})]


def test_criticising_an_unattributed_act_blames_the_state_of_the_story(nlp: Language) -> None:
    text = (
        "L'Éthiopie poursuit son offensive. L'Éthiopie dément. Le président Emmanuel Macron a "
        'critiqué les "bombardements aveugles" mardi.'
    )
    event = only(events(nlp, text), "ACCUSE")
    assert (names(event.source), names(event.target)) == ({"Emmanuel Macron"}, {"Éthiopie"})


def test_an_amount_is_not_a_group_of_people(nlp: Language) -> None:
    text = (
        "Le président Volodymyr Zelensky a reçu mardi à Kiev le Premier ministre Mark Rutte. "
        "Mark Rutte a promis 2 milliards d'euros d'aide militaire à l'Ukraine."
    )
    promise = only(events(nlp, text), "AGREE")
    assert names(promise.target) == {"Ukraine"}


def test_a_launch_with_no_victim_is_no_attack_and_this_points_back(nlp: Language) -> None:
    text = (
        "Pékin a appelé à la retenue. La Chine surveille la mer de Chine. La Corée du Nord a "
        "tiré deux missiles balistiques dimanche. Séoul a condamné ce tir."
    )
    found = events(nlp, text)
    assert not [e for e in found if e.type == "ASSAULT"]
    blame = only(found, "ACCUSE")
    assert (names(blame.source), names(blame.target)) == ({"Corée du Sud"}, {"Corée du Nord"})


def test_the_name_after_a_coordinated_title_wins(nlp: Language) -> None:
    text = (
        "Le ministre Yoav Gallant a rencontré le général Michael Kurilla lundi. Lors d'une "
        "réunion séparée, Gallant a rencontré le commandant de l'armée de l'air israélienne, "
        "le général de division Tomer Bar, et des hauts fonctionnaires."
    )
    meetings = [names(e.source) | names(e.target) for e in events(nlp, text)]
    assert {"Yoav Gallant", "Tomer Bar"} in meetings


def test_a_generic_unit_is_no_party_beside_named_ones(nlp: Language) -> None:
    text = (
        "Le général Mark Milley et le général Aviv Kochavi envisagent d’organiser un exercice "
        "conjoint de l’armée de l’air dans les semaines à venir."
    )
    event = only(events(nlp, text), "COOPERATE")
    assert names(event.source) == {"Mark Milley", "Aviv Kochavi"}


def test_retaliating_for_a_killing_targets_not_the_victim(nlp: Language) -> None:
    text = "L'Iran a promis de riposter à la mort de Ali Karimi et de punir la Turquie."
    threat = only(events(nlp, text), "THREATEN")
    assert names(threat.target) == {"Turquie"}


def test_a_threat_aims_at_the_act_promised_not_at_its_condition(nlp: Language) -> None:
    text = (
        "Yoav Gallant s’est engagé mercredi à répondre à l’Iran si Téhéran venait à "
        "attaquer Chypre."
    )
    threat = only(events(nlp, text), "THREATEN")
    assert names(threat.target) == {"Iran"}


def test_ones_own_state_is_not_the_target_of_ones_support(nlp: Language) -> None:
    text = (
        "La ministre française Catherine Colonna effectuait lundi un voyage en Ukraine pour "
        "témoigner de la solidarité de la France à l'égard du peuple ukrainien."
    )
    support = only(events(nlp, text), "SUPPORT")
    assert names(support.target) == {"Ukraine"}


def test_the_city_of_a_reception_is_not_a_guest(nlp: Language) -> None:
    text = (
        "Le président Volodymyr Zelensky a reçu à Kiev le Premier ministre norvégien "
        "Jonas Gahr Store."
    )
    visit = only(events(nlp, text), "CONSULT")
    assert names(visit.source) == {"Jonas Gahr Store"}


def test_a_flattering_label_is_no_accusation(nlp: Language) -> None:
    text = "Le Premier ministre Narendra Modi a qualifié la France de partenaire essentiel."
    assert not [e for e in events(nlp, text) if e.type == "ACCUSE"]


def test_receiving_things_is_no_visit_but_a_call_is_a_talk(nlp: Language) -> None:
    text = (
        "L'Ukraine a reçu des chars allemands la semaine dernière. Le président Tebboune a "
        "reçu une lettre du roi Mohammed VI. Volodymyr Zelensky a reçu un appel de Joe Biden."
    )
    found = [e for e in events(nlp, text) if e.type == "CONSULT"]
    assert [(e.mode, names(e.source) | names(e.target)) for e in found] == [
        ("phone", {"Joe Biden", "Volodymyr Zelensky"})
    ]


def test_the_lexicon_carries_every_cue_the_rules_read() -> None:
    cues = load_lexicon("fr").cues
    lists = {
        "place_relatives": cues.place_relatives,
        "party_nouns": cues.party_nouns,
        "separate_marks": cues.separate_marks,
        "counterpart_nouns": cues.counterpart_nouns,
        "authority_nouns": cues.authority_nouns,
        "quantity_nouns": cues.quantity_nouns,
        "partner_preps": cues.partner_preps,
        "topic_preps": cues.topic_preps,
        "test_weapons": cues.test_weapons,
        "aim_preps": cues.aim_preps,
        "decision_nouns": cues.decision_nouns,
        "object_relatives": cues.object_relatives,
        "iterative_modifiers": cues.iterative_modifiers,
    }
    assert [name for name, words in lists.items() if not words] == []


def test_a_first_person_plea_is_the_speakers_request(nlp: Language) -> None:
    text = "« J'appelle la Russie à cesser le feu », a ajouté Emmanuel Macron."
    event = only(events(nlp, text), "REQUEST")
    assert (names(event.source), names(event.target)) == ({"Emmanuel Macron"}, {"Russie"})


def test_the_beneficiary_of_the_act_requested_is_not_the_addressee(nlp: Language) -> None:
    text = (
        "« J’appelle nos partenaires à fournir à l’Ukraine des systèmes de défense », a "
        "écrit le ministre Dmytro Kouleba."
    )
    requests = [e for e in events(nlp, text) if e.type == "REQUEST"]
    # the partners asked are a group named by a common noun; Ukraine only benefits
    assert [names(e.target) for e in requests] == [{"partenaires"}]


# --- generalisation rules found on the probe corpus (tests/data/probe) --------------------------


def test_a_missile_fired_at_nobody_is_a_show_of_force(nlp: Language) -> None:
    text = "Téhéran a tiré mardi un missile balistique qui est retombé dans le golfe d'Oman."
    found = events(nlp, text)
    event = only(found, "MOBILIZE")
    assert names(event.source) == {"Iran"} and event.target == ()
    assert not [e for e in found if e.type == "ASSAULT"]


def test_missiles_fired_at_a_state_are_an_attack(nlp: Language) -> None:
    text = "Les rebelles houthis ont tiré dimanche des missiles sur l'Arabie saoudite."
    found = events(nlp, text)
    assert not [e for e in found if e.type == "MOBILIZE"]
    assert "Arabie saoudite" in names(only(found, "ASSAULT").target)


def test_strikes_on_sites_in_a_country_target_that_country(nlp: Language) -> None:
    text = "La Turquie a frappé jeudi plusieurs positions en Irak."
    event = only(events(nlp, text), "ASSAULT")
    assert (names(event.source), names(event.target)) == ({"Turquie"}, {"Irak"})


def test_the_topic_of_shared_intelligence_is_no_partner(nlp: Language) -> None:
    text = (
        "Le Premier ministre australien Anthony Albanese et le président philippin Ferdinand "
        "Marcos ont convenu de partager leurs informations sur les manœuvres chinoises."
    )
    for event in events(nlp, text):
        assert "Chine" not in names(event.source) | names(event.target), event


def test_a_reflexive_understanding_is_an_agreement_between_its_subjects(nlp: Language) -> None:
    text = "L'Éthiopie et l'Érythrée se sont entendues lundi à Djeddah sur un tracé de frontière."
    event = only(events(nlp, text), "AGREE")
    assert names(event.source) == names(event.target) == {"Éthiopie", "Érythrée"}


def test_blaming_someone_for_their_refusal_targets_them_not_the_critic(nlp: Language) -> None:
    text = "Le président colombien Gustavo Petro a reproché au Venezuela son refus de négocier."
    event = only(events(nlp, text), "ACCUSE")
    assert names(event.source) == {"Gustavo Petro"}
    assert names(event.target) == {"Venezuela"}


def test_an_act_a_party_claims_for_itself_is_reported(nlp: Language) -> None:
    text = "Moscou affirme avoir abattu deux avions ukrainiens mardi."
    event = only(events(nlp, text), "ASSAULT")
    assert event.status == "reported"
    assert (names(event.source), names(event.target)) == ({"Russie"}, {"Ukraine"})


def test_condemning_a_decision_blames_the_party_that_took_it(nlp: Language) -> None:
    text = (
        "Le Burkina Faso a expulsé lundi trois diplomates français. Paris a condamné mardi une "
        "décision « injustifiée »."
    )
    event = only(events(nlp, text), "ACCUSE")
    assert (names(event.source), names(event.target)) == ({"France"}, {"Burkina Faso"})


def test_an_envoy_of_a_state_accused_in_an_object_relative(nlp: Language) -> None:
    text = (
        "Le Mali a ordonné lundi l'expulsion de l'ambassadeur de Suède, que les autorités "
        "maliennes accusent d'ingérence."
    )
    found = events(nlp, text)
    assert names(only(found, "SANCTION").target) == {"Suède"}
    accused = only(found, "ACCUSE")
    assert (names(accused.source), names(accused.target)) == ({"Mali"}, {"Suède"})


def test_a_recurring_practice_is_no_single_event(nlp: Language) -> None:
    text = "Les deux pays ont convenu d'organiser des rencontres régulières."
    assert not [e for e in events(nlp, text) if e.type == "CONSULT"]


def test_the_leaders_holding_a_summit_between_their_states_take_part(nlp: Language) -> None:
    text = (
        "Le président kényan William Ruto et la présidente tanzanienne Samia Suluhu Hassan ont "
        "tenu lundi à Arusha un sommet entre les deux pays."
    )
    event = only(events(nlp, text), "CONSULT")
    assert {"William Ruto", "Samia Suluhu Hassan"} <= names(event.source) | names(event.target)


def test_lifting_sanctions_is_a_concession_not_a_sanction(nlp: Language) -> None:
    text = (
        "Washington a annoncé mardi la levée des sanctions contre le secteur pétrolier vénézuélien."
    )
    found = events(nlp, text)
    assert not [e for e in found if e.type == "SANCTION"]
    event = only(found, "CONCEDE")
    assert (names(event.source), names(event.target)) == ({"États-Unis"}, {"Venezuela"})


def test_withdrawing_a_complaint_is_a_concession(nlp: Language) -> None:
    found = events(nlp, "L'Argentine a retiré mardi sa plainte contre le Chili.")
    assert not [e for e in found if e.type == "RETREAT"]
    assert names(only(found, "CONCEDE").target) == {"Chili"}


def test_troops_going_home_do_not_withdraw_from_their_own_state(nlp: Language) -> None:
    found = events(nlp, "Paris a annoncé mardi le retrait des soldats français.")
    assert not [e for e in found if e.type == "RETREAT"]


def test_condemned_provocations_blame_the_actor_not_a_critic_of_the_same_side(
    nlp: Language,
) -> None:
    text = (
        "La Chine a déployé lundi des navires de guerre près des îles Spratleys. Le porte-parole "
        "chinois Wang Wenbin a accusé Manille de mentir. Le président philippin Ferdinand Marcos "
        "a condamné mardi ces « provocations »."
    )
    picked = [e for e in events(nlp, text) if "Ferdinand Marcos" in names(e.source)]
    assert [names(e.target) for e in picked if e.type == "ACCUSE"] == [{"Chine"}]


def test_a_pair_of_people_discussing_met(nlp: Language) -> None:
    found = events(nlp, "Emmanuel Macron et Olaf Scholz ont discuté mardi de l'Ukraine.")
    event = only(found, "CONSULT")
    assert names(event.source) | names(event.target) == {"Emmanuel Macron", "Olaf Scholz"}


def test_one_person_discussing_a_topic_met_nobody(nlp: Language) -> None:
    text = "Le président William Ruto a discuté lundi de la menace iranienne."
    assert not [e for e in events(nlp, text) if e.type == "CONSULT"]


def test_accusations_aimed_at_a_state_are_no_attack(nlp: Language) -> None:
    text = "Gustavo Petro a rejeté lundi les critiques visant La Havane."
    assert not [e for e in events(nlp, text) if e.type == "ASSAULT"]


def test_the_city_an_accord_is_signed_in_is_no_party(nlp: Language) -> None:
    text = "L'Éthiopie et l'Érythrée ont signé dimanche à Washington un accord de paix."
    event = only(events(nlp, text), "AGREE")
    assert names(event.source) == names(event.target) == {"Éthiopie", "Érythrée"}


def test_a_ceasefire_one_side_accepts_is_with_the_state_of_the_story(nlp: Language) -> None:
    text = (
        "L'Éthiopie a bombardé lundi le Tigré. L'Éthiopie accuse les rebelles. Les autorités du "
        "Tigré ont accepté mardi un cessez-le-feu. L'Éthiopie n'a pas réagi."
    )
    event = only(events(nlp, text), "AGREE")
    # the region's authorities stand for the region, and are named as written too
    assert {"Tigré", "Éthiopie"} <= names(event.source)


def test_an_object_clitic_is_the_person_told_of_before_not_the_critic(nlp: Language) -> None:
    text = (
        "Le président argentin Javier Milei a critiqué lundi le gouvernement espagnol. Le "
        "ministre espagnol des Affaires étrangères, José Manuel Albares, l'a accusé mardi "
        "d'avoir insulté l'Espagne."
    )
    picked = [e for e in events(nlp, text) if "José Manuel Albares" in names(e.source)]
    assert [names(e.target) for e in picked if e.type == "ACCUSE"] == [{"Javier Milei"}]


def test_a_seat_of_government_after_a_preposition_is_where_not_who(nlp: Language) -> None:
    found = events(
        nlp,
        " date 2024-06 Moscou\nWilliam Ruto reçu au Kremlin pour sa première visite en Russie\n"
        "Le président kényan a été accueilli par son homologue russe.",
    )
    consults = [e for e in found if e.type == "CONSULT"]
    assert consults and all("Kremlin" not in names((*e.source, *e.target)) for e in consults)


def test_a_body_seated_in_a_region_stays_a_party(nlp: Language) -> None:
    found = events(
        nlp,
        " date 2023-11 Ramallah\nAntony Blinken doit se rendre en Cisjordanie où siège "
        "l'Autorité palestinienne.",
    )
    visit = only(found, "CONSULT")
    assert "Autorité palestinienne" in names(visit.target)
