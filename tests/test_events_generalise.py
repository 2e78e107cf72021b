"""Event rules that carry across regions and outlets, on invented sentences."""

from __future__ import annotations

from spacy.language import Language

from tests.eventkit import events, names, of_type


def test_opposite_strikes_are_two_events(nlp: Language) -> None:
    text = (
        "L'Éthiopie a bombardé mardi des positions en Érythrée. "
        "Le lendemain, l'Érythrée a bombardé l'Éthiopie en représailles."
    )
    pairs = {(frozenset(names(e.source)), frozenset(names(e.target))) for e in events(nlp, text)}
    assert (frozenset({"Éthiopie"}), frozenset({"Érythrée"})) in pairs
    assert (frozenset({"Érythrée"}), frozenset({"Éthiopie"})) in pairs


def test_show_of_force_around_a_state_targets_it_and_the_exercise_is_no_actor(
    nlp: Language,
) -> None:
    text = (
        "Moscou déploie des navires au large de la Lituanie\n"
        "La marine russe a lancé lundi des exercices navals de grande ampleur au large de la "
        "Lituanie. Baptisés « Bouclier-7 », les exercices mobilisent des navires de guerre."
    )
    shows = of_type(events(nlp, text), "MOBILIZE")
    assert shows, "a show of force is found"
    assert all(names(e.target) == {"Lituanie"} for e in shows)
    assert all("Bouclier-7" not in " ".join(names(e.source)) for e in shows)
    assert len(shows) == 1  # the state in the title and its navy in the lead: one act


def test_a_country_adjective_on_rebels_does_not_make_the_state_act(nlp: Language) -> None:
    text = "Les rebelles tchadiens acceptent un cessez-le-feu avec le Soudan."
    for event in events(nlp, text):
        assert "Tchad" not in names(event.source), event


def test_a_complaint_withdrawn_before_a_court_is_conceded_to_the_other_state(
    nlp: Language,
) -> None:
    text = (
        "Le Chili a annoncé la levée des taxes sur les importations de cuivre vers le Pérou, "
        "tandis que Lima retire sa plainte devant la Cour internationale de justice."
    )
    concessions = of_type(events(nlp, text), "CONCEDE")
    pairs = {(frozenset(names(e.source)), frozenset(names(e.target))) for e in concessions}
    assert (frozenset({"Pérou"}), frozenset({"Chili"})) in pairs
    assert all("Cour internationale de justice" not in names(e.target) for e in concessions)


def test_agreeing_to_share_intelligence_is_no_cooperation_yet(nlp: Language) -> None:
    text = (
        "Le président kényan William Ruto et le président tanzanien Samia Suluhu Hassan ont "
        "convenu mardi de partager leurs renseignements sur les groupes armés."
    )
    found = events(nlp, text)
    assert of_type(found, "AGREE")
    assert not of_type(found, "COOPERATE")


def test_retaliation_promised_threatens_whoever_struck(nlp: Language) -> None:
    text = "Le Soudan du Sud a bombardé lundi des positions au Soudan. Khartoum promet de riposter."
    threats = of_type(events(nlp, text), "THREATEN")
    assert [(names(e.source), names(e.target)) for e in threats] == [
        ({"Soudan"}, {"Soudan du Sud"})
    ]


def test_a_warning_threatens_the_parties_it_names(nlp: Language) -> None:
    text = (
        "L'Union africaine a averti mardi que toute nouvelle incursion du Rwanda aurait "
        "des conséquences graves."
    )
    threat = of_type(events(nlp, text), "THREATEN")
    assert threat and "Rwanda" in names(threat[0].target)


def test_refusing_to_recognise_is_a_rejection(nlp: Language) -> None:
    text = "Le Maroc ne reconnaît pas le gouvernement de l'Algérie, a déclaré mardi Nasser Bourita."
    rejections = of_type(events(nlp, text), "REJECT")
    assert [(names(e.source), names(e.target)) for e in rejections] == [({"Maroc"}, {"Algérie"})]
    assert rejections[0].status == "occurred"


def test_the_two_countries_are_states_not_a_body_named_between(nlp: Language) -> None:
    text = (
        "Le Cambodge et la Thaïlande se disputent un temple. Le secrétaire général de "
        "l'ONU, António Guterres, a appelé mardi les deux pays à la retenue."
    )
    request = of_type(events(nlp, text), "REQUEST")
    assert request and names(request[0].target) == {"Cambodge", "Thaïlande"}


def test_a_host_does_not_visit_his_own_country(nlp: Language) -> None:
    text = (
        "Le président kényan William Ruto a accueilli lundi son homologue ougandais Yoweri "
        "Museveni à Nairobi, pour sa première visite au Kenya depuis 2019."
    )
    for event in of_type(events(nlp, text), "CONSULT"):
        assert not ("William Ruto" in names(event.source) and "Kenya" in names(event.target))


def test_a_visit_named_in_the_title_is_the_meeting_the_body_tells(nlp: Language) -> None:
    text = (
        "Gustavo Petro reçu au palais de la Moneda pour sa première visite au Chili\n"
        "Le président colombien Gustavo Petro s'est entretenu mardi avec le président "
        "chilien Gabriel Boric à Santiago."
    )
    consults = of_type(events(nlp, text), "CONSULT")
    assert len(consults) == 1, consults
    assert names(consults[0].target) | names(consults[0].source) >= {
        "Gustavo Petro",
        "Gabriel Boric",
    }
    assert consults[0].mode == "visit"


def test_troops_leaving_the_country_of_the_story_is_a_withdrawal(nlp: Language) -> None:
    text = (
        "Le Tchad a rompu son accord de défense avec la France en novembre. Le Tchad veut "
        "tourner la page. Les derniers soldats français doivent avoir quitté le pays le "
        "31 janvier."
    )
    retreat = of_type(events(nlp, text), "RETREAT")
    assert [(names(e.source), names(e.target)) for e in retreat] == [({"France"}, {"Tchad"})]


def test_a_body_meets_alone_and_is_asked_for_a_meeting(nlp: Language) -> None:
    text = (
        "Le Japon a demandé une réunion d'urgence du Conseil de sécurité de l'ONU, qui doit "
        "se tenir vendredi 12 avril 2024 à New York."
    )
    found = events(nlp, text)
    request = of_type(found, "REQUEST")
    assert [names(e.target) for e in request] == [{"Conseil de sécurité de l'ONU"}]
    meeting = of_type(found, "CONSULT")
    assert [(names(e.source), e.mode, e.status) for e in meeting] == [
        ({"Conseil de sécurité de l'ONU"}, "multilateral", "planned")
    ]


def test_a_body_meeting_with_no_partner_is_multilateral(nlp: Language) -> None:
    found = events(nlp, "Le Conseil de sécurité de l'ONU s'est réuni vendredi à Genève.")
    assert [(names(e.source), e.mode) for e in of_type(found, "CONSULT")] == [
        ({"Conseil de sécurité de l'ONU"}, "multilateral")
    ]


def test_a_delegation_received_stands_for_its_state(nlp: Language) -> None:
    text = (
        "Le ministre malien des Affaires étrangères, Abdoulaye Diop, a reçu lundi à Bamako "
        "la délégation turque."
    )
    consult = of_type(events(nlp, text), "CONSULT")
    assert consult
    assert {"Abdoulaye Diop", "Turquie"} <= names(consult[0].source) | names(consult[0].target)


def test_a_host_receiving_two_delegations_does_not_meet_his_own_state(nlp: Language) -> None:
    text = (
        "L'Éthiopie et l'Égypte ont repris lundi leurs discussions sur le barrage. "
        "Le président kényan William Ruto a reçu les deux délégations à Nairobi."
    )
    consult = [e for e in of_type(events(nlp, text), "CONSULT") if e.trigger == "reçu"]
    assert consult
    parties = names(consult[0].source) | names(consult[0].target)
    assert "William Ruto" in parties and "Kenya" not in parties


def test_an_agreement_of_states_and_its_signatories_is_one_event(nlp: Language) -> None:
    text = (
        "Le Kenya et la Tanzanie ont signé lundi un accord de paix à Arusha. Le président "
        "kényan William Ruto et la présidente tanzanienne Samia Suluhu Hassan ont paraphé le "
        "texte au siège de l'Union africaine."
    )
    agreements = of_type(events(nlp, text), "AGREE")
    assert len(agreements) == 1, agreements
    parties = names(agreements[0].source)
    assert parties == names(agreements[0].target)
    assert {"Kenya", "Tanzanie", "William Ruto", "Samia Suluhu Hassan"} <= parties
    assert "Union africaine" not in parties


def test_restoring_relations_is_cooperation_and_recalling_an_envoy_a_sanction(
    nlp: Language,
) -> None:
    found = events(
        nlp,
        "Le Maroc a rétabli lundi ses relations diplomatiques avec l'Iran. "
        "Le Qatar a rapatrié mardi son ambassadeur en Iran.",
    )
    assert [(names(e.source), names(e.target)) for e in of_type(found, "COOPERATE")] == [
        ({"Maroc"}, {"Iran"})
    ]
    recalls = of_type(found, "SANCTION")
    assert [(names(e.source), names(e.target), e.mode) for e in recalls] == [
        ({"Qatar"}, {"Iran"}, "withdraw")
    ]
    assert not of_type(found, "RETREAT")


def test_a_standing_accusation_in_a_relative_has_no_date_of_its_own(nlp: Language) -> None:
    text = (
        "Le Burkina Faso avait expulsé le 3 mars 2024 le consul de Côte d'Ivoire, "
        "que les autorités burkinabées accusent d'espionnage."
    )
    accusations = of_type(events(nlp, text), "ACCUSE")
    assert accusations and accusations[0].date is None
    expulsions = of_type(events(nlp, text), "SANCTION")
    assert expulsions and expulsions[0].date is not None


def test_a_bilateral_summit_is_a_meeting(nlp: Language) -> None:
    text = (
        "Le président kényan William Ruto et le président tanzanien Samia Suluhu Hassan ont "
        "tenu mardi à Nairobi un sommet bilatéral entre les deux pays."
    )
    consult = of_type(events(nlp, text), "CONSULT")
    assert [e.mode for e in consult] == ["meet"]


def test_a_date_of_a_participle_phrase_does_not_date_the_main_act(nlp: Language) -> None:
    text = (
        "Le Canada et le Venezuela ont tenu jeudi 12 mai 2022 un sommet à Ottawa. Le Canada a "
        "également annoncé la levée des taxes sur l'acier vers le Venezuela, imposées en 2019."
    )
    concede = of_type(events(nlp, text), "CONCEDE")
    assert concede and concede[0].date is not None
    assert concede[0].date.year == 2022


def test_a_withdrawal_happens_in_the_country_left_not_at_home(nlp: Language) -> None:
    text = (
        "Le Tchad a rompu son accord de défense avec la France. Le Tchad veut tourner la page. "
        "Le président français a annoncé le retour à Paris de l'ambassadeur et le retrait des "
        "soldats français déployés dans le pays."
    )
    retreat = of_type(events(nlp, text), "RETREAT")
    assert [(names(e.target), e.location) for e in retreat] == [({"Tchad"}, "Tchad")]


def test_common_acts_of_other_regions(nlp: Language) -> None:
    cases = {
        "COERCE": "L'opposant russe Ilia Iachine a été condamné vendredi à huit ans de prison "
        "par un tribunal de Moscou.",
        "SANCTION": "Le Niger a fermé mercredi sa frontière avec le Bénin.",
        "REQUEST": "Séoul a sommé Pyongyang de cesser ses provocations.",
        "ACCUSE": "Le Japon a déploré le tir d'un missile par la Corée du Nord.",
        "SUPPORT": "Le Premier ministre indien Narendra Modi a rendu hommage à Shinzo Abe.",
    }
    for kind, text in cases.items():
        found = events(nlp, text)
        assert [e.type for e in found] == [kind], (text, found)


def test_blame_shifted_is_an_accusation_not_an_expulsion(nlp: Language) -> None:
    found = events(nlp, "Hanoï a rejeté mardi la responsabilité de l'incident sur Pékin.")
    assert [e.type for e in found] == ["ACCUSE"]


def test_a_mandate_is_a_request_and_its_task_no_event_yet(nlp: Language) -> None:
    text = (
        "Les chefs d'État de l'Union africaine réunis à Addis-Abeba ont chargé mardi le "
        "président kényan William Ruto de renouer le dialogue avec le Soudan."
    )
    found = events(nlp, text)
    assert [(names(e.source), names(e.target)) for e in of_type(found, "REQUEST")] == [
        ({"Union africaine"}, {"William Ruto"})
    ]
    meetings = of_type(found, "CONSULT")
    assert [(names(e.source), e.mode) for e in meetings] == [({"Union africaine"}, "multilateral")]


def test_leaders_named_by_an_adjective_are_no_body_meeting(nlp: Language) -> None:
    text = "Le président ukrainien s'est adressé lundi aux dirigeants européens réunis à Bruxelles."
    assert not [
        e
        for e in of_type(events(nlp, text), "CONSULT")
        if e.mode == "multilateral" and names(e.source) == {"Union européenne"} and not e.target
    ]


def test_a_title_second_clause_has_its_own_subject(nlp: Language) -> None:
    text = (
        "Aleksandar Vucic reçu à Pékin par Xi Jinping, les dirigeants de l'OTAN critiquent "
        "la Serbie"
    )
    accusations = of_type(events(nlp, text), "ACCUSE")
    assert [(names(e.source), names(e.target)) for e in accusations] == [({"Otan"}, {"Serbie"})]


def test_a_visit_noun_beside_a_reception_or_an_act_is_with_the_host(nlp: Language) -> None:
    received = events(
        nlp,
        "Le président turc Recep Tayyip Erdogan a été reçu mardi à Bakou par le président "
        "Ilham Aliev, une visite qui a irrité Erevan.",
    )
    consults = of_type(received, "CONSULT")
    assert len(consults) == 1 and "Ilham Aliev" in names(consults[0].target), consults
    signed = events(
        nlp,
        "En visite à Varsovie, Volodymyr Zelensky a signé mardi avec le Premier ministre "
        "polonais Donald Tusk un accord de sécurité.",
    )
    visits = [e for e in of_type(signed, "CONSULT") if e.mode == "visit"]
    assert [names(e.target) for e in visits] == [{"Donald Tusk"}]


def test_an_exercise_that_mobilises_ships_is_not_a_second_act(nlp: Language) -> None:
    text = (
        "L'Inde et la France doivent entamer le 14 mars leur plus vaste exercice militaire "
        "conjoint, qui mobilisera des navires et des avions."
    )
    assert not of_type(events(nlp, text), "MOBILIZE")


def test_summoning_an_envoy_to_protest_is_one_accusation(nlp: Language) -> None:
    text = (
        "Le ministère vietnamien des Affaires étrangères a convoqué mardi l'ambassadeur "
        "chinois, Xiong Bo, pour protester contre l'incident."
    )
    found = events(nlp, text)
    assert not of_type(found, "PROTEST")
    assert len(of_type(found, "ACCUSE")) == 1


def test_a_past_request_in_a_relative_keeps_its_date(nlp: Language) -> None:
    text = (
        "Le président moldave a obtenu le 3 mars 2024 à Bucarest une partie de ce qu'il "
        "demandait à la Roumanie."
    )
    requests = of_type(events(nlp, text), "REQUEST")
    assert all(e.date is not None for e in requests)


def test_a_possessed_event_noun_as_subject_does_not_ask_for_itself(nlp: Language) -> None:
    # "sa visite" is the subject of "a pris": its possessor is read from "sa", not from the
    # subject of "a pris" (which is "sa visite" again; this recursed without end)
    text = (
        " date 2024-08 Deux jours après sa visite historique dans la capitale ukrainienne, où il"
        " avait serré dans ses bras le président Zelensky sous les dorures du palais Mariinsky,"
        " Olaf Scholz a pris soin d'appeler le maître du Kremlin."
    )
    assert [t.dep_ for t in nlp(text) if t.text == "visite"] == ["nsubj"]  # the parse at issue
    found = events(nlp, text)
    assert all(e.source for e in found)


def test_two_meetings_of_the_same_people_on_other_dates_stay_two(nlp: Language) -> None:
    text = (
        " date 2023-09-22 Olaf Scholz a rencontré jeudi Joe Biden à la Maison Blanche."
        " Lors de sa première visite, en décembre dernier, Olaf Scholz avait rencontré Joe Biden"
        " dans le Bureau ovale."
    )
    met = of_type(events(nlp, text), "CONSULT")
    dates = sorted(e.date.iso() for e in met if e.date and "Joe Biden" in names(e.target))
    assert dates == ["2022-12", "2023-09-21"]


def test_a_meeting_held_and_the_next_one_agreed_on_stay_two(nlp: Language) -> None:
    text = (
        " date 2024-03-08 Le président kényan William Ruto et son homologue somalien Hassan"
        " Cheikh Mohamoud se sont rencontrés jeudi à Nairobi. Les deux dirigeants ont aussi"
        " convenu de se retrouver à Mogadiscio dans les deux prochains mois."
    )
    met = of_type(events(nlp, text), "CONSULT")
    assert sorted(e.status for e in met) == ["occurred", "planned"]
    (held,) = [e for e in met if e.status == "occurred"]
    assert held.date is not None and held.date.iso() == "2024-03-07"


def test_a_trip_someone_is_invited_on_is_planned(nlp: Language) -> None:
    text = (
        " date 2024-05-14 Le président ghanéen a invité M. Erdogan à se rendre au Ghana, "
        "une invitation acceptée, selon l'agence officielle."
    )
    trips = [e for e in of_type(events(nlp, text), "CONSULT") if e.mode == "visit"]
    assert trips and all(e.status == "planned" for e in trips)


def test_a_meeting_in_the_title_and_the_reception_in_the_lead_are_one(nlp: Language) -> None:
    text = (
        " date 2024-05 William Ruto et Samia Suluhu Hassan se sont rencontrés mercredi au palais "
        "présidentiel de Dodoma.\n\n"
        "DODOMA, 15 mai 2024 (AFP) - La présidente tanzanienne a accueilli le président kényan "
        "par une longue poignée de main devant le palais, avant des entretiens de trois heures."
    )
    met = of_type(events(nlp, text), "CONSULT")
    assert len(met) == 1


def test_the_two_men_who_had_already_met_are_the_story_s_two_leaders(nlp: Language) -> None:
    # an official named last, once, is not one of "les deux hommes"
    text = (
        " date 2024-07-14 Le président kényan William Ruto a reçu vendredi à Mombasa son "
        "homologue ougandais Yoweri Museveni. M. Ruto a remercié M. Museveni pour son soutien. "
        "Le vice-président kényan Rigathi Gachagua a annoncé la signature d'un accord sur le "
        "rail. Les deux hommes s'étaient déjà vus dix jours plus tôt à Kampala."
    )
    earlier = [e for e in of_type(events(nlp, text), "CONSULT") if e.trigger == "vus"]
    assert [names(e.source) | names(e.target) for e in earlier] == [
        {"William Ruto", "Yoweri Museveni"}
    ]
