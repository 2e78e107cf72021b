"""Quotations: spans of each form, and attribution of each kind (constructed sentences)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from veilleur.extraction.lexicon import load_quote_lexicon
from veilleur.extraction.spans import adjacent, find_quotes, word_count
from veilleur.extraction.speakers import load_speaker_lexicon
from veilleur.pipeline import analyse
from veilleur.records import Quote


def quotes(nlp: Language, text: str) -> list[Quote]:
    """Quotations veilleur attributes in `text`."""
    return list(next(analyse([text], nlp=nlp)).quotes)


def spans(text: str) -> list[str]:
    """The quoted texts the span finder returns."""
    return [text[s.start : s.end] for s in find_quotes(text, load_quote_lexicon())]


def speakers(found: list[Quote]) -> list[str | None]:
    """Speaker names in order."""
    return [q.speaker.name if q.speaker else None for q in found]


def test_spans_of_each_mark() -> None:
    text = 'Il a dit « un deux trois » puis “quatre cinq six” et "sept huit neuf".'
    assert spans(text) == ["un deux trois", "quatre cinq six", "sept huit neuf"]


def test_nested_quotes_stay_inside() -> None:
    text = "« Il a parlé d'une “ligne rouge” hier », a-t-il dit."
    assert spans(text) == ["Il a parlé d'une “ligne rouge” hier"]


def test_missing_close_ends_at_paragraph() -> None:
    text = "« Nous ne céderons jamais\nLa suite du texte."
    assert spans(text) == ["Nous ne céderons jamais"]


def test_quote_continued_over_paragraphs() -> None:
    text = "« Premier paragraphe du discours\n« Second paragraphe du discours »"
    assert spans(text) == [text[2:-2]]


def test_straight_quote_after_elision() -> None:
    assert spans("Il a souligné qu'\"aucun pays n'est en guerre\".") == [
        "aucun pays n'est en guerre"
    ]


def test_adjacent_allows_only_the_cue_between_quotes() -> None:
    text = '"A b c", a dit X. "D e f". Puis il partit. "G h i"'
    assert adjacent(text, text.index(", a dit"), text.index('"D'))
    assert not adjacent(text, text.index(". Puis"), text.index('"G'))
    assert word_count("l'Otan donnera") == 2


def test_speech_verb_after_the_quote(nlp: Language) -> None:
    found = quotes(nlp, "« Nous soutiendrons l'Ukraine jusqu'au bout », a déclaré Olaf Scholz.")
    assert speakers(found) == ["Olaf Scholz"]
    assert found[0].text == "Nous soutiendrons l'Ukraine jusqu'au bout"


def test_inverted_organisation_speaker(nlp: Language) -> None:
    text = "« Les frappes ont visé des dépôts militaires », a indiqué le ministère de la défense."
    assert speakers(quotes(nlp, text)) == ["ministère de la défense"]


def test_pronoun_speaker_is_the_last_speaker(nlp: Language) -> None:
    text = (
        "« La situation est très grave », a déclaré Olaf Scholz. "
        "« Nous devons agir ensemble maintenant », a-t-il ajouté."
    )
    assert speakers(quotes(nlp, text)) == ["Olaf Scholz", "Olaf Scholz"]


def test_pronoun_skips_a_speaker_of_the_other_gender(nlp: Language) -> None:
    text = (
        "« Nous restons prêts à discuter », a déclaré Olaf Scholz. "
        "L'armée allemande a annoncé que « les exercices continueront demain ». "
        "« Rien ne changera pour nous », a-t-il ajouté."
    )
    assert speakers(quotes(nlp, text))[-1] == "Olaf Scholz"


def test_speech_verb_before_the_quote(nlp: Language) -> None:
    text = "Olaf Scholz a déclaré : « Nous ne laisserons pas faire cela. »"
    assert speakers(quotes(nlp, text)) == ["Olaf Scholz"]


def test_selon_gives_the_speaker(nlp: Language) -> None:
    text = "Selon Olaf Scholz, l'accord reste « une bonne base de travail »."
    assert speakers(quotes(nlp, text)) == ["Olaf Scholz"]


def test_partial_quote_goes_to_the_clause_subject(nlp: Language) -> None:
    text = "Olaf Scholz a remercié Emmanuel Macron pour son « soutien sans faille à Berlin »."
    assert speakers(quotes(nlp, text)) == ["Olaf Scholz"]


def test_following_quote_keeps_the_speaker(nlp: Language) -> None:
    text = "« La paix est possible », a déclaré Olaf Scholz. « Elle demande du courage. »"
    assert speakers(quotes(nlp, text)) == ["Olaf Scholz", "Olaf Scholz"]


def test_quote_without_speaker_is_left_out(nlp: Language) -> None:
    text = "Le temps était clair.\n\n« Une journée historique pour tous »\n\nLa foule est partie."
    assert quotes(nlp, text) == []


def test_short_quotes_are_left_out(nlp: Language) -> None:
    assert quotes(nlp, "Olaf Scholz a qualifié l'attaque de « barbare ».") == []


def test_offsets_point_into_the_text(nlp: Language) -> None:
    text = "Titre\n« Nous resterons unis face à la menace », a affirmé Olaf Scholz."
    found = quotes(nlp, text)
    assert [text[q.start : q.end] for q in found] == [q.text for q in found]


def test_pronoun_after_narration_is_its_subject(nlp: Language) -> None:
    text = (
        "« Le dialogue reste ouvert avec tous », a déclaré Olaf Scholz.\n"
        "Antony Blinken est attendu jeudi à Riyad. « Nous voulons une désescalade », "
        "a-t-il déclaré."
    )
    assert speakers(quotes(nlp, text))[-1] == "Antony Blinken"


def test_negated_speech_names_no_speaker(nlp: Language) -> None:
    text = (
        "« Le dialogue reste ouvert avec tous », a déclaré Olaf Scholz, alors qu'Emmanuel "
        "Macron n'a pas commenté. « Nous restons unis face à eux », a-t-il ajouté."
    )
    assert speakers(quotes(nlp, text))[-1] == "Olaf Scholz"


def test_document_speaks_for_the_last_speaker(nlp: Language) -> None:
    text = (
        "« Nous avons discuté de la sécurité régionale », a déclaré Olaf Scholz. "
        "« Les deux pays renforceront leur coopération », indique le communiqué."
    )
    assert speakers(quotes(nlp, text)) == ["Olaf Scholz", "Olaf Scholz"]


def test_bare_ministry_is_named_after_its_minister(nlp: Language) -> None:
    text = (
        "Le ministre de la Défense Boris Pistorius a reçu son homologue. "
        "« Les livraisons continueront cette année », indique le ministère."
    )
    assert speakers(quotes(nlp, text)) == ["ministère de la Défense"]


def test_unnamed_official_speaks_for_the_body(nlp: Language) -> None:
    text = "« Les discussions avancent bien », a déclaré un porte-parole du Kremlin."
    assert speakers(quotes(nlp, text)) == ["Kremlin"]


def test_speaker_lexicon_is_valid() -> None:
    words = load_speaker_lexicon()
    assert "responsable" in words.person_nouns
    assert "gouvernement" in words.body_nouns
    assert words.max_term_words >= 3


def test_document_speaks_for_the_body_among_its_complements(nlp: Language) -> None:
    text = (
        "Une note de la réunion de mardi du conseil des ministres a souligné que "
        "« la sécurité des frontières reste la priorité du pays »."
    )
    assert speakers(quotes(nlp, text)) == ["conseil des ministres"]


def test_document_issuer_keeps_a_split_hyphenated_name(nlp: Language) -> None:
    text = (
        "Un compte rendu de l'entretien de jeudi des chefs d'état-major a indiqué que "
        "« les deux armées renforceront leurs échanges »."
    )
    assert speakers(quotes(nlp, text)) == ["chefs d'état-major"]


def test_ce_dernier_is_the_person_mentioned_last(nlp: Language) -> None:
    text = (
        "Olaf Scholz a reçu le président ukrainien Volodymyr Zelensky à Berlin. "
        "Ce dernier a salué « le courage immense des soldats »."
    )
    assert speakers(quotes(nlp, text)) == ["Volodymyr Zelensky"]


def test_title_goes_to_the_person_the_article_names_with_it(nlp: Language) -> None:
    text = (
        "Emmanuel Macron a reçu le président élu des États-Unis à Paris. Ce dernier a promis "
        "« une paix rapide en Ukraine ». Le président élu des États-Unis, Donald Trump, doit "
        "prendre ses fonctions en janvier."
    )
    assert speakers(quotes(nlp, text)) == ["Donald Trump"]


def test_function_phrase_is_the_person_whose_role_it_matches(nlp: Language) -> None:
    text = (
        "Le ministre ukrainien de la Défense, Oleksii Reznikov, a visité le front.\n\n"
        "« Nous tiendrons toutes nos positions », a assuré le responsable ukrainien de la "
        "Défense."
    )
    assert speakers(quotes(nlp, text)) == ["Oleksii Reznikov"]


def test_function_phrase_matching_no_role_stays_as_written(nlp: Language) -> None:
    text = (
        "Le ministre ukrainien de la Défense, Oleksii Reznikov, a visité le front.\n\n"
        "« Les convois partiront demain matin », a assuré le responsable de la logistique."
    )
    assert speakers(quotes(nlp, text)) == ["responsable de la logistique"]


def test_a_group_of_people_speaks_through_the_body_quoted_before(nlp: Language) -> None:
    text = (
        "Le chancelier Olaf Scholz a rencontré le président polonais Andrzej Duda à Varsovie. "
        "« Les deux pays achèteront ensemble des munitions », a annoncé la chancellerie. "
        "Les deux dirigeants ont aussi évoqué la « coopération énergétique entre leurs pays »."
    )
    assert speakers(quotes(nlp, text)) == ["chancellerie", "chancellerie"]


def test_statement_naming_its_author_as_it_opens(nlp: Language) -> None:
    text = (
        "Le texte a été lu à la radio nationale :\n« Le gouvernement de la République du "
        "Niger informe la population que l'ambassadeur de France doit quitter le pays. »"
    )
    assert speakers(quotes(nlp, text)) == ["gouvernement nigérien"]


def test_colon_ending_the_paragraph_before_the_words(nlp: Language) -> None:
    text = (
        "Le porte-parole du Kremlin, Dmitri Peskov, a déclaré :\n"
        "« Nous n'accepterons aucune condition préalable. »"
    )
    assert speakers(quotes(nlp, text)) == ["Dmitri Peskov"]


def test_uncued_words_belong_to_the_statement_the_paragraph_relays(nlp: Language) -> None:
    text = (
        "« La ministre se rendra à Odessa », a indiqué le Quai d'Orsay. "
        "Elle y « remettra des générateurs aux autorités locales »."
    )
    assert speakers(quotes(nlp, text)) == ["Quai d'Orsay", "Quai d'Orsay"]


def test_uncued_words_of_another_paragraph_are_left_out(nlp: Language) -> None:
    text = (
        "« La ministre se rendra à Odessa », a indiqué le Quai d'Orsay.\n\n"
        "La ville a connu « des coupures de courant répétées »."
    )
    assert speakers(quotes(nlp, text)) == ["Quai d'Orsay"]


def test_a_quoted_term_is_not_speech(nlp: Language) -> None:
    text = "Olaf Scholz a défendu l'idée d'une « union européenne de défense » devant les élus."
    assert quotes(nlp, text) == []


def test_short_quoted_words_with_a_determiner_are_speech(nlp: Language) -> None:
    text = "Olaf Scholz a dénoncé « une agression brutale » contre l'Ukraine."
    assert speakers(quotes(nlp, text)) == ["Olaf Scholz"]


def test_generic_body_with_its_state_adjective_is_the_known_body(nlp: Language) -> None:
    text = (
        "La France « condamne fermement cette attaque », a déclaré le ministère des affaires "
        "étrangères français."
    )
    assert speakers(quotes(nlp, text)) == ["Quai d'Orsay"]


def test_ce_dernier_may_be_a_body(nlp: Language) -> None:
    text = (
        "Joe Biden a vivement critiqué le Kremlin. Ce dernier a répondu que « les menaces "
        "américaines ne changent rien »."
    )
    assert speakers(quotes(nlp, text)) == ["Kremlin"]


def test_a_bare_rank_is_the_person_quoted_last(nlp: Language) -> None:
    text = (
        "« Nous ne reculerons pas », a martelé Ibrahim Traoré. Le capitaine a aussi fustigé "
        "« les ennemis de la nation burkinabè »."
    )
    assert speakers(quotes(nlp, text)) == ["Ibrahim Traoré", "Ibrahim Traoré"]


def test_a_generic_issuer_keeps_its_name_as_written(nlp: Language) -> None:
    text = (
        "Selon un communiqué de la présidence nigérienne, « le président a reçu l'ambassadeur "
        "de Russie »."
    )
    assert speakers(quotes(nlp, text)) == ["présidence nigérienne"]


def test_a_thing_as_subject_does_not_speak(nlp: Language) -> None:
    assert quotes(nlp, "La ville a connu « des coupures de courant répétées » cette semaine.") == []


def test_subject_hung_on_the_auxiliary_still_speaks(nlp: Language) -> None:
    text = (
        "Le Premier ministre indien Narendra Modi a appelé à « la retenue de toutes les "
        "parties ». Son homologue pakistanais a, de son côté, évoqué « une agression "
        "caractérisée contre la souveraineté du Pakistan »."
    )
    assert speakers(quotes(nlp, text)) == ["Narendra Modi", "homologue pakistanais"]


def test_a_circumstance_is_not_part_of_the_speaker(nlp: Language) -> None:
    text = (
        "« Personne ne veut d'une guerre régionale », estime un diplomate européen sous "
        "couvert d'anonymat."
    )
    assert speakers(quotes(nlp, text)) == ["diplomate européen"]
    text = (
        "« Nous allons continuer à nous battre », a déclaré un soldat ukrainien près de Bakhmout."
    )
    assert speakers(quotes(nlp, text)) == ["soldat ukrainien"]


def test_quote_running_over_paragraphs_without_opening_marks() -> None:
    text = "Il a dit :\n« Premier paragraphe du discours\n\nSecond paragraphe\n\nFin du discours. »"
    assert spans(text) == [text[text.index("Premier") : text.index(" »")]]


def test_unclosed_quote_before_another_quote_ends_at_its_paragraph() -> None:
    text = "« Premier paragraphe sans fin\nUne phrase. « Une autre citation » ici."
    assert spans(text) == ["Premier paragraphe sans fin", "Une autre citation"]


def test_a_short_noun_phrase_a_speech_verb_reports_is_speech(nlp: Language) -> None:
    text = "Olaf Scholz a dénoncé une « attaque terroriste abjecte » contre la synagogue."
    assert speakers(quotes(nlp, text)) == ["Olaf Scholz"]


def test_the_document_named_after_the_words_speaks_for_its_issuer(nlp: Language) -> None:
    text = (
        "« La France condamne avec la plus grande fermeté cette attaque », peut-on lire dans "
        "le communiqué de l'Élysée."
    )
    assert speakers(quotes(nlp, text)) == ["Élysée"]


def test_a_document_published_by_a_body_speaks_for_it(nlp: Language) -> None:
    text = (
        "Le communiqué publié par la Maison Blanche affirme que « les États-Unis ne "
        "toléreront aucune attaque »."
    )
    assert speakers(quotes(nlp, text)) == ["Maison Blanche"]


def test_a_function_the_parse_hangs_on_a_medium_still_speaks(nlp: Language) -> None:
    text = (
        "« Les négociations sont dans une impasse », a confié au Monde un haut responsable "
        "européen."
    )
    assert speakers(quotes(nlp, text)) == ["haut responsable européen"]


def test_pour_x_after_a_headline_colon(nlp: Language) -> None:
    text = (
        "Guerre en Ukraine : pour Volodymyr Zelensky, « la paix passe par la force »\n\n"
        "Le président ukrainien s'est exprimé à Davos."
    )
    assert speakers(quotes(nlp, text)) == ["Volodymyr Zelensky"]


def test_headline_name_colon_quote(nlp: Language) -> None:
    text = (
        "Emmanuel Macron : « La France sera au rendez-vous de l'histoire »\n\n"
        "Le président a parlé hier soir à la télévision."
    )
    assert speakers(quotes(nlp, text)) == ["Emmanuel Macron"]


def test_celui_ci_is_the_person_mentioned_last(nlp: Language) -> None:
    text = (
        "Olaf Scholz a reçu le président ukrainien Volodymyr Zelensky à Berlin. "
        "Celui-ci a salué « le courage immense des soldats »."
    )
    assert speakers(quotes(nlp, text)) == ["Volodymyr Zelensky"]


def test_a_quoted_name_after_the_noun_it_names_is_not_speech(nlp: Language) -> None:
    assert quotes(nlp, "Tsahal a lancé l'opération « Bouclier du Nord » à la frontière.") == []


def test_selon_elle_is_the_subject_of_its_own_sentence(nlp: Language) -> None:
    text = (
        "Liban : Israël frappe Beyrouth, le Hezbollah promet de riposter\n\nL'armée "
        "israélienne a mené mardi une frappe dans la banlieue de Beyrouth, visant selon elle "
        "« un haut commandant du Hezbollah »."
    )
    assert speakers(quotes(nlp, text)) == ["armée israélienne"]


def test_inverted_pronoun_is_not_its_sentence_subject(nlp: Language) -> None:
    text = (
        "Le patron de l'Onu Antonio Guterres a remercié les deux pays. Maintenant, l'accord "
        "« doit être pleinement appliqué », a-t-il plaidé."
    )
    assert speakers(quotes(nlp, text)) == ["Antonio Guterres"]


def test_a_relative_pronoun_speaks_for_its_antecedent(nlp: Language) -> None:
    text = (
        "Olaf Scholz a reçu les syndicats, a indiqué la chancellerie, qui parle d'« échanges "
        "francs et constructifs »."
    )
    assert speakers(quotes(nlp, text)) == ["chancellerie"]


def test_a_capital_that_speaks_stands_for_its_state(nlp: Language) -> None:
    text = (
        "Les garde-côtes chinois ont tiré au canon à eau samedi sur deux navires philippins "
        "près du récif de Second Thomas, a dénoncé Manille, qui parle d'« actions dangereuses "
        "et illégales »."
    )
    found = quotes(nlp, text)
    assert [q.speaker.kind if q.speaker else None for q in found] == ["state"]
    assert speakers(found) == ["Philippines"]


def test_a_person_known_by_one_word_is_the_person_named_in_full(nlp: Language) -> None:
    text = (
        "Pékin a rejeté ces accusations. Les navires ont « pénétré illégalement dans nos "
        "eaux », a affirmé un porte-parole des garde-côtes chinois, Gan Yu, dans un "
        "communiqué. Selon M. Gan, les mesures prises étaient « professionnelles et "
        "conformes à la loi »."
    )
    assert speakers(quotes(nlp, text)) == ["Gan Yu", "Gan Yu"]


def test_a_cue_between_commas_inside_the_marks(nlp: Language) -> None:
    text = (
        "La réunion s'est tenue à Genève. « Nous sommes prêts, a déclaré Sergueï Lavrov, à "
        "reprendre les discussions sans condition. »"
    )
    assert speakers(quotes(nlp, text)) == ["Sergueï Lavrov"]


def test_an_inverted_pronoun_between_commas_inside_the_marks(nlp: Language) -> None:
    text = (
        "Giorgia Meloni a parlé. Le sommet a pris fin. « Cette guerre, a-t-elle ajouté, doit "
        "cesser au plus vite. »"
    )
    assert speakers(quotes(nlp, text)) == ["Giorgia Meloni"]


def test_people_without_a_function_may_be_quoted(nlp: Language) -> None:
    text = "À Tbilissi, les manifestants scandaient « Non à la loi russe » devant le Parlement."
    assert speakers(quotes(nlp, text)) == ["manifestants"]


def test_a_quote_closing_its_sentence_is_not_the_next_sentences(nlp: Language) -> None:
    text = (
        "Le président ghanéen, Kwame Mensah, s'est dit inquiet : « Nous ne laisserons pas la "
        "crise s'étendre. » Le président togolais, Faure Gnassingbé, a lui aussi critiqué la "
        "décision."
    )
    assert speakers(quotes(nlp, text)) == ["Kwame Mensah"]


def test_a_known_body_drops_an_adjective_its_name_does_not_need(nlp: Language) -> None:
    text = "Le département d'État américain a appelé Caracas à « libérer les opposants »."
    assert speakers(quotes(nlp, text)) == ["département d'État"]
    text = "L'armée israélienne a affirmé avoir « neutralisé plusieurs menaces » dans la nuit."
    assert speakers(quotes(nlp, text)) == ["armée israélienne"]


def test_soldiers_in_power_speak_as_the_state_s_junta(nlp: Language) -> None:
    text = "Les militaires au pouvoir à Bamako ont dénoncé « une ingérence inacceptable » mardi."
    assert speakers(quotes(nlp, text)) == ["junte malienne"]
    text = "Les militaires déployés à Gao ont dénoncé « une attaque lâche et barbare » mardi."
    assert speakers(quotes(nlp, text)) != ["junte malienne"]


@pytest.mark.parametrize(
    "narration",
    [
        # a fronted participle phrase: its agent is not who the next sentence is about
        "Reçu au palais présidentiel par le président William Ruto, M. Olaf Scholz a évoqué"
        " le sort des réfugiés.",
        "Accueilli à l'aéroport par le ministre Moussa Faki, Olaf Scholz a rappelé les"
        " engagements de Berlin.",
    ],
)
def test_a_pronoun_after_narration_is_its_subject_not_a_participles_agent(
    nlp: Language, narration: str
) -> None:
    text = f"{narration} « Nous tiendrons nos promesses envers la région », a-t-il déclaré."
    assert speakers(quotes(nlp, text)) == ["Olaf Scholz"]


def test_a_pronoun_after_a_passive_narration_is_its_agent(nlp: Language) -> None:
    text = (
        "L'annonce a été faite mardi par le président William Ruto."
        " « Nous tiendrons nos promesses envers la région », a-t-il déclaré."
    )
    assert speakers(quotes(nlp, text)) == ["William Ruto"]


def test_a_pronoun_after_a_quote_of_two_sentences_is_whom_the_narration_names(
    nlp: Language,
) -> None:
    # the pronoun's own sentence starts inside the quotation: the narration is before it
    text = (
        "Lundi, le ministère letton de la Défense avait convoqué l'attaché militaire russe.\n\n"
        "À Vienne, à l'issue d'une réunion extraordinaire du conseil permanent, jeudi, le "
        "secrétaire général de l'OSCE, Feridun Sinirlioglu, a mis Riga hors de cause. "
        "« Rien ne permet d'accuser la Lettonie. Moscou doit s'expliquer », a-t-il affirmé."
    )
    assert speakers(quotes(nlp, text))[-1] == "Feridun Sinirlioglu"


def test_a_pronoun_after_narration_the_parse_glued_to_the_quote(nlp: Language) -> None:
    text = (
        "Le ministre japonais de la Défense, Minoru Kihara, a jugé mardi que Tokyo devait "
        "« revoir sa doctrine » de défense.\n\n"
        "Depuis Jakarta, où il a été reçu mercredi par son homologue indonésien, Prabowo "
        "Subianto, Lee Jae-myung a mis en garde Pékin. « Ce serait une faute grave », "
        "a-t-il déclaré devant la presse."
    )
    assert speakers(quotes(nlp, text))[-1] == "Lee Jae-myung"


def test_a_counted_group_speaking_in_a_document_is_the_document_or_its_state(
    nlp: Language,
) -> None:
    text = (
        "Le président kényan a reçu son homologue tanzanien à Nairobi. Dans une déclaration "
        "finale, les deux dirigeants se sont engagés à « renforcer les échanges commerciaux » "
        "entre leurs pays. Le président brésilien a appelé son homologue chilien. Selon le "
        "communiqué brésilien, les deux présidents ont évoqué « une coopération énergétique "
        "renforcée » dans la région."
    )
    assert speakers(quotes(nlp, text)) == ["déclaration finale", "gouvernement brésilien"]
    # a group the sentence names is the document's issuer itself
    issued = quotes(
        nlp,
        "Les militaires au pouvoir à Bamako ont salué mardi dans un communiqué « une étape "
        "décisive pour la souveraineté du pays ».",
    )
    assert speakers(issued) != ["communiqué"]


def test_selon_elle_after_a_titled_minister_is_the_minister_named_in_apposition(
    nlp: Language,
) -> None:
    # "la ministre" is epicene: its determiner gives the gender "elle" must agree with
    text = (
        "Le chef rebelle Sultani Makenga a promis de poursuivre « la marche vers la "
        "capitale ».\n\nDimanche, devant le Conseil de sécurité de l'ONU réuni en urgence, la "
        "ministre sud-africaine des Affaires étrangères, Mariam Chabi Talata, avait réclamé des "
        "sanctions contre le Rwanda, dont l'offensive constitue selon elle « une violation "
        "flagrante du droit international »."
    )
    assert speakers(quotes(nlp, text)) == ["Sultani Makenga", "Mariam Chabi Talata"]


def test_a_word_of_the_quotation_parsed_as_a_conjunction_does_not_hide_the_cue(
    nlp: Language,
) -> None:
    # the parse may take "est" inside the quotation for a "cc" of the verb after it
    text = (
        "Sur le chemin du retour, le lendemain, M. Ruto s'est arrêté à Kampala pour "
        "s'entretenir avec le président ougandais, qu'il a remercié pour son soutien.\n\n"
        "« Le plus dur est devant nous », prévient un diplomate africain en poste à Nairobi."
    )
    assert speakers(quotes(nlp, text)) == ["diplomate africain"]
