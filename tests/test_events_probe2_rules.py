"""Event rules of plain news sentences that gave no event before, on invented sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.eventkit import events, names, of_type, pairs


def test_a_group_named_by_a_common_noun_is_the_party_asked(nlp: Language) -> None:
    text = (
        "La ministre allemande Annalena Baerbock a appelé mercredi les partenaires européens "
        "à livrer davantage d'obus."
    )
    assert pairs(events(nlp, text), "REQUEST") == {
        (frozenset({"Annalena Baerbock"}), frozenset({"partenaires européens"}))
    }


def test_the_allies_of_a_state_are_a_group_not_the_state(nlp: Language) -> None:
    text = "Le président Gitanas Nausėda a appelé les alliés de la Moldavie à livrer des radars."
    targets = [names(e.target) for e in of_type(events(nlp, text), "REQUEST")]
    assert targets == [{"alliés de la Moldavie"}]


def test_protesters_in_front_of_an_embassy_protest_against_its_state(nlp: Language) -> None:
    text = "Des centaines de manifestants ont protesté samedi devant l'ambassade de France à Gao."
    assert pairs(events(nlp, text), "PROTEST") == {
        (frozenset({"manifestants"}), frozenset({"France"}))
    }


@pytest.mark.parametrize(
    "text",
    [
        "Les garde-côtes chinois ont aspergé au canon à eau un navire vietnamien.",
        "Les garde-côtes chinois ont arrosé mardi un chalutier vietnamien.",
        "Un navire des garde-côtes chinois a braqué son canon à eau sur un chalutier vietnamien.",
    ],
)
def test_water_cannon_is_an_assault_on_the_state_of_the_boat(nlp: Language, text: str) -> None:
    found = of_type(events(nlp, text), "ASSAULT")
    assert found and all("Viêt Nam" in names(e.target) for e in found)


def test_a_ship_intercepted_is_seized_and_named_as_target(nlp: Language) -> None:
    text = (
        "La marine indienne a intercepté lundi le Galaxy Star, un pétrolier battant pavillon "
        "libérien, au large de Bombay."
    )
    targets = [names(e.target) for e in of_type(events(nlp, text), "COERCE")]
    assert targets == [{"Galaxy Star"}]


def test_missiles_intercepted_are_no_seizure(nlp: Language) -> None:
    text = "La défense antiaérienne ukrainienne a intercepté lundi 40 missiles russes."
    assert not of_type(events(nlp, text), "COERCE")


def test_a_title_telling_with_a_common_noun_what_the_body_names_is_one_event(
    nlp: Language,
) -> None:
    text = (
        "Les séparatistes sahraouis acceptent une trêve avec le Maroc\n\n"
        "Les combats avaient repris en novembre près de Guerguerat.\n\n"
        "Le Front Polisario et le Maroc ont accepté mardi une trêve de trois mois, a annoncé "
        "l'envoyé de l'ONU."
    )
    agreements = of_type(events(nlp, text), "AGREE")
    assert len(agreements) == 1
    assert "séparatistes" not in names(agreements[0].source)


def test_a_demand_that_someone_act_targets_the_subject_of_the_demand(nlp: Language) -> None:
    text = (
        "Le ministre indien Subrahmanyam Jaishankar a exigé mardi que le Pakistan ferme les camps."
    )
    assert pairs(events(nlp, text), "REQUEST") == {
        (frozenset({"Subrahmanyam Jaishankar"}), frozenset({"Pakistan"}))
    }


def test_a_quoted_demand_is_the_speakers_and_targets_whom_it_asks(nlp: Language) -> None:
    text = (
        "« Nous exigeons que les garde-côtes vietnamiens cessent leurs manœuvres », a écrit "
        "dimanche le porte-parole Nguyen Van Binh."
    )
    assert pairs(events(nlp, text), "REQUEST") == {
        (frozenset({"Nguyen Van Binh"}), frozenset({"Viêt Nam"}))
    }


def test_a_claim_that_someone_acted_illegally_accuses_them(nlp: Language) -> None:
    text = (
        "Le porte-parole de la marine chinoise, Zhang Wei, a affirmé que les navires japonais "
        "étaient entrés « illégalement » dans les eaux chinoises."
    )
    assert pairs(events(nlp, text), "ACCUSE") == {(frozenset({"Zhang Wei"}), frozenset({"Japon"}))}


def test_a_claim_without_blame_accuses_nobody(nlp: Language) -> None:
    text = "Le porte-parole Zhang Wei a affirmé que les navires japonais étaient entrés au port."
    assert not of_type(events(nlp, text), "ACCUSE")


def test_a_denial_rejects_the_accuser_and_a_city_acting_is_its_state(nlp: Language) -> None:
    text = (
        "Bamako accuse Alger d'ingérence. Le ministre algérien Ahmed Attaf a démenti mardi "
        "toute ingérence."
    )
    found = events(nlp, text)
    assert pairs(found, "ACCUSE") == {(frozenset({"Mali"}), frozenset({"Algérie"}))}
    assert pairs(found, "REJECT") == {(frozenset({"Ahmed Attaf"}), frozenset({"Mali"}))}


def test_a_denial_with_no_accuser_still_counts_without_target(nlp: Language) -> None:
    text = "L'armée soudanaise a démenti avoir bombardé le marché d'El-Facher."
    found = events(nlp, text)
    rejections = of_type(found, "REJECT")
    assert len(rejections) == 1 and not rejections[0].target
    assert not of_type(found, "ASSAULT")  # the act denied is not told as done


def test_turning_ones_back_on_a_body_rejects_it(nlp: Language) -> None:
    text = "Le Tchad a tourné le dos à la Communauté économique des États de l'Afrique centrale."
    found = of_type(events(nlp, text), "REJECT")
    assert [names(e.source) for e in found] == [{"Tchad"}]


def test_a_quoted_blame_in_the_passive_is_the_speakers(nlp: Language) -> None:
    text = (
        "« La Serbie doit être tenue pour responsable de chaque attaque », a déclaré mardi la "
        "Première ministre kosovare Vjosa Osmani."
    )
    found = of_type(events(nlp, text), "ACCUSE")
    assert pairs(found, "ACCUSE") == {(frozenset({"Vjosa Osmani"}), frozenset({"Serbie"}))}
    assert found[0].status == "occurred"


def test_a_generic_ministry_is_named_as_written(nlp: Language) -> None:
    text = "Le ministère kényan des Affaires étrangères a convoqué lundi l'ambassadeur d'Ouganda."
    sources = [names(e.source) for e in of_type(events(nlp, text), "ACCUSE")]
    assert sources == [{"ministère kényan des Affaires étrangères"}]


def test_a_visit_where_the_traveller_addresses_a_leader_is_a_visit_to_him(
    nlp: Language,
) -> None:
    text = (
        "Jeudi, M. Fico s'était rendu à Belgrade, où il avait appelé Aleksandar Vučić à "
        "reprendre le dialogue avec Pristina."
    )
    visits = [e for e in of_type(events(nlp, text), "CONSULT") if e.mode == "visit"]
    assert [names(e.target) for e in visits] == [{"Aleksandar Vučić"}]


def test_a_visit_told_beside_a_meeting_stays_a_visit_to_the_state(nlp: Language) -> None:
    text = (
        "Le président kényan William Ruto, qui était en visite, a rencontré mardi le président "
        "Samia Suluhu Hassan à Dodoma."
    )
    found = of_type(events(nlp, text), "CONSULT")
    assert [names(e.target) for e in found if e.mode == "visit"] == [{"Tanzanie"}]
    assert [names(e.target) for e in found if e.mode == "meet"] == [{"Samia Suluhu Hassan"}]


def test_a_government_signing_is_its_state(nlp: Language) -> None:
    text = (
        "Le gouvernement soudanais et les Forces de soutien rapide (FSR) ont signé lundi un "
        "accord à Djeddah."
    )
    found = of_type(events(nlp, text), "AGREE")
    assert found and all("Soudan" in names(e.source) for e in found)


def test_a_host_receiving_a_clitic_receives_the_traveller_of_the_clause(nlp: Language) -> None:
    text = (
        "Mardi, le président brésilien Luiz Inácio Lula da Silva s'envolait pour Luanda, où "
        "João Lourenço l'a reçu."
    )
    found = of_type(events(nlp, text), "CONSULT")
    assert {frozenset(names(e.source) | names(e.target)) for e in found} == {
        frozenset({"Luiz Inácio Lula da Silva", "João Lourenço"})
    }


def test_two_states_adopting_a_joint_declaration_agree(nlp: Language) -> None:
    text = (
        "Le Cambodge et la Thaïlande se sont rencontrés jeudi à Kuala Lumpur. Les deux pays "
        "ont adopté une déclaration commune."
    )
    assert pairs(events(nlp, text), "AGREE") == {
        (frozenset({"Cambodge", "Thaïlande"}), frozenset({"Cambodge", "Thaïlande"}))
    }


def test_the_leader_of_a_state_named_before_is_that_person(nlp: Language) -> None:
    text = (
        "Le Premier ministre slovaque Robert Fico a été reçu mardi à Moscou. Le chancelier "
        "Olaf Scholz a reproché mercredi au dirigeant slovaque d'agir sans mandat."
    )
    assert pairs(events(nlp, text), "ACCUSE") == {
        (frozenset({"Olaf Scholz"}), frozenset({"Robert Fico"}))
    }


def test_support_to_an_unnamed_ally_goes_to_the_state_others_struck(nlp: Language) -> None:
    text = (
        "Les forces nord-coréennes ont bombardé samedi l'île sud-coréenne de Yeonpyeong. "
        "Pyongyang a qualifié l'opération de légitime. La Corée du Nord a ensuite menacé "
        "Séoul. Tokyo a apporté dimanche son soutien à son allié."
    )
    supports = of_type(events(nlp, text), "SUPPORT")
    assert pairs(supports, "SUPPORT") == {(frozenset({"Japon"}), frozenset({"Corée du Sud"}))}


def test_the_rulers_of_a_region_are_a_group_and_a_relative_is_no_clitic(nlp: Language) -> None:
    text = (
        "Le conflit avait éclaté en mars, quand le président Félix Tshisekedi avait lancé une "
        "offensive contre les autorités du Kasaï, qu'il accusait d'avoir armé des milices."
    )
    found = events(nlp, text)
    accusations = of_type(found, "ACCUSE")
    assert [names(e.source) for e in accusations] == [{"Félix Tshisekedi"}]
    assert "autorités du Kasaï" in names(accusations[0].target)
    assert "Félix Tshisekedi" not in names(accusations[0].target)


def test_the_two_countries_are_the_parties_not_the_venue(nlp: Language) -> None:
    text = (
        "Le président serbe Aleksandar Vučić et le Premier ministre croate Andrej Plenković se "
        "sont rencontrés lundi à Bruxelles, en Belgique. Les deux pays ont adopté une "
        "déclaration commune."
    )
    assert pairs(events(nlp, text), "AGREE") == {
        (frozenset({"Serbie", "Croatie"}), frozenset({"Serbie", "Croatie"}))
    }


def test_a_ship_named_before_its_kind_is_the_target_of_its_seizure(nlp: Language) -> None:
    text = (
        "La marine russe a saisi mardi en mer Noire le Sea Breeze, un vieux cargo battant "
        "pavillon turc."
    )
    seizures = of_type(events(nlp, text), "COERCE")
    assert [names(e.target) for e in seizures] == [{"Sea Breeze"}]
    assert seizures[0].mode == "seize"


def test_a_ship_taken_away_after_being_surrounded_is_the_clitics_antecedent(
    nlp: Language,
) -> None:
    text = (
        "Les garde-côtes libyens ont encerclé samedi le Sea Watch, un navire battant pavillon "
        "allemand, avant de le dérouter vers Tripoli."
    )
    seizures = of_type(events(nlp, text), "COERCE")
    assert [names(e.target) for e in seizures] == [{"Sea Watch"}]


def test_a_summons_to_protest_is_one_accusation_of_the_envoy_and_his_state(
    nlp: Language,
) -> None:
    text = (
        "Le ministère vietnamien des Affaires étrangères a convoqué lundi l'ambassadeur "
        "chinois, Xiong Bo, pour protester contre ces incidents."
    )
    found = events(nlp, text)
    assert not of_type(found, "PROTEST")  # the summons is the protest
    assert pairs(found, "ACCUSE") == {
        (
            frozenset({"ministère vietnamien des Affaires étrangères"}),
            frozenset({"Xiong Bo", "Chine"}),
        )
    }


def test_laying_the_blame_on_someone_accuses_them(nlp: Language) -> None:
    text = "Pyongyang renvoie la faute sur Séoul."
    assert pairs(events(nlp, text), "ACCUSE") == {
        (frozenset({"Corée du Nord"}), frozenset({"Corée du Sud"}))
    }


def test_concessions_told_in_the_first_person_are_the_speakers(nlp: Language) -> None:
    text = (
        "« Nous avons fait des concessions douloureuses pour bâtir la confiance », a reconnu "
        "Riek Machar lors de la cérémonie."
    )
    concessions = of_type(events(nlp, text), "CONCEDE")
    assert [names(e.source) for e in concessions] == [{"Riek Machar"}]
    assert concessions[0].target == ()


def test_strengthening_a_military_presence_is_a_mobilisation(nlp: Language) -> None:
    text = "Début mars, l'Inde avait renforcé sa présence militaire à sa frontière nord."
    assert pairs(events(nlp, text), "MOBILIZE") == {(frozenset({"Inde"}), frozenset())}


def test_strengthening_cooperation_is_no_mobilisation(nlp: Language) -> None:
    text = "Le Tchad et le Niger ont promis de renforcer leur coopération militaire."
    assert not of_type(events(nlp, text), "MOBILIZE")


def test_the_parties_asked_are_the_two_sides_named_before(nlp: Language) -> None:
    text = (
        "Le Rwanda et la République démocratique du Congo ont signé jeudi un accord à "
        "Washington. Le président de l'Union africaine, Moussa Faki, a appelé les parties à "
        "garantir l'accès humanitaire."
    )
    requests = of_type(events(nlp, text), "REQUEST")
    assert [names(e.target) for e in requests] == [{"Rwanda", "République démocratique du Congo"}]


def test_a_mandate_is_a_request_and_its_task_no_event_yet(nlp: Language) -> None:
    text = (
        "Les chefs d'État de l'Union africaine réunis à Addis-Abeba ont chargé mardi le "
        "président kényan William Ruto de renouer le dialogue avec le Soudan."
    )
    found = events(nlp, text)
    assert [(names(e.source), names(e.target)) for e in of_type(found, "REQUEST")] == [
        ({"Union africaine"}, {"William Ruto"})
    ]
    assert not [e for e in of_type(found, "CONSULT") if "Soudan" in names(e.target)]


def test_a_convoy_loaded_with_medicine_is_no_request(nlp: Language) -> None:
    text = "Un convoi du CICR chargé de médicaments est arrivé mardi à Mekele."
    assert not of_type(events(nlp, text), "REQUEST")
