"""Judgements in quoted words: the speaker blames (ACCUSE) or praises (SUPPORT) the actor the
words are said of; invented sentences, none from an annotated corpus."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.eventkit import events, names
from veilleur.extraction.stances import load_stance_words


def _judgements(nlp: Language, text: str) -> set[tuple[str, frozenset[str], frozenset[str]]]:
    return {
        (e.type, frozenset(names(e.source)), frozenset(names(e.target)))
        for e in events(nlp, " date 2024-03 " + text)
        if e.type in ("ACCUSE", "SUPPORT")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "« Les tirs de l'armée serbe sont une provocation inacceptable », a déclaré"
            " Albin Kurti.",
            ("ACCUSE", "Albin Kurti", "armée serbe"),
        ),
        (
            "« Le Brésil est un partenaire fiable et un ami », a déclaré Olaf Scholz.",
            ("SUPPORT", "Olaf Scholz", "Brésil"),
        ),
        (
            "« C'est un honneur de vous accueillir à Brasilia », a lancé Lula à Olaf Scholz.",
            ("SUPPORT", "Lula", "Olaf Scholz"),
        ),
    ],
)
def test_a_quotation_judging_an_actor_is_its_speakers_act(
    nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    kind, speaker, judged = expected
    found = _judgements(nlp, text)
    assert (kind, frozenset({speaker}), frozenset({judged})) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # negated: no judgement
        "« Ce n'est pas une provocation de la Serbie », a déclaré Albin Kurti.",
        # a pair described, not one judged by the other
        "« Le Kenya et le Brésil sont des partenaires fiables », a déclaré Olaf Scholz.",
        # the content of a demand is the demand's (REQUEST), not a separate blame
        "« Nous exigeons que la Serbie cesse ses provocations », a déclaré Albin Kurti.",
        # the speaker's own state is never what the speaker judges
        "« L'Allemagne est un partenaire fiable », a déclaré Olaf Scholz.",
        # words with no judgement
        "« Le Brésil organisera le sommet en novembre », a déclaré Olaf Scholz.",
    ],
)
def test_no_judgement_is_read_where_the_words_do_not_judge_one_actor(
    nlp: Language, text: str
) -> None:
    assert _judgements(nlp, text) == set()


def test_a_trigger_that_already_tells_the_judgement_is_not_doubled(nlp: Language) -> None:
    text = "Albin Kurti a dénoncé « une provocation inacceptable » de la Serbie."
    found = [e for e in events(nlp, " date 2024-03 " + text) if e.type == "ACCUSE"]
    assert len(found) == 1


def test_the_judgement_words_are_validated_language_data() -> None:
    words = load_stance_words("fr")
    assert "inacceptable" in words.blame and "ami" in words.praise
    assert not words.blame & words.praise
