"""Event arguments on invented sentences of other countries and people: appositions,
coordinations, reported speech and role nouns, as any French outlet writes them."""

from __future__ import annotations

from spacy.language import Language

from tests.eventkit import events, names, of_type


def test_an_inverted_speaker_named_after_his_title_is_the_person_not_the_state(
    nlp: Language,
) -> None:
    text = (
        "Le président sénégalais Macky Sall a reçu lundi à Dakar le Premier ministre malien "
        "Choguel Maïga. « Ces frappes sont inacceptables », a dénoncé le ministre sénégalais "
        "des Affaires étrangères, Aïssata Tall Sall, en assurant que le personnel était en "
        "sécurité."
    )
    blames = of_type(events(nlp, text), "ACCUSE")
    assert all(names(e.source) != {"Sénégal"} for e in blames)
    assert all("Aïssata Tall Sall" not in names(e.target) for e in blames)


def test_two_apposed_signatories_joined_by_et_both_sign(nlp: Language) -> None:
    text = (
        "Le 3 juin, à Niamey, le chef d'état-major de l'armée nigérienne, le général Moussa "
        "Barmou, et le commandant des forces maliennes, Oumar Diarra, ont signé un accord de "
        "coopération militaire."
    )
    agreements = of_type(events(nlp, text), "AGREE")
    assert agreements
    assert {"Moussa Barmou", "Oumar Diarra"} <= names(agreements[0].source)
