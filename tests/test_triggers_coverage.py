"""The trigger lexicon covers the ordinary vocabulary of French news for each PLOVER act,
measured on invented sentences about other countries and people than the corpora."""

from __future__ import annotations

import pydantic
import pytest
from spacy.language import Language

from tests.eventkit import events, names, of_type
from veilleur.extraction.lexicon import Trigger, load_lexicon

# (sentence, PLOVER type, one source name, one target name or None when none is named)
CASES: list[tuple[str, str, str, str | None]] = [
    # CONSULT: meals, talks, audiences, stopovers
    (
        "Le président colombien Gustavo Petro a dîné mardi à Bogota avec son homologue "
        "bolivien Luis Arce.",
        "CONSULT",
        "Gustavo Petro",
        "Luis Arce",
    ),
    (
        "Le président kazakh Kassym-Jomart Tokaïev a déjeuné jeudi avec le président ouzbek "
        "Shavkat Mirziyoyev à Astana.",
        "CONSULT",
        "Kassym-Jomart Tokaïev",
        "Shavkat Mirziyoyev",
    ),
    (
        "Gustavo Petro a parlé au téléphone dimanche avec la présidente mexicaine Claudia "
        "Sheinbaum.",
        "CONSULT",
        "Gustavo Petro",
        "Claudia Sheinbaum",
    ),
    (
        "Le président nigérian Bola Tinubu a fait escale mardi au Ghana.",
        "CONSULT",
        "Bola Tinubu",
        "Ghana",
    ),
    # SUPPORT
    (
        "William Ruto a réaffirmé jeudi son soutien à la Somalie.",
        "SUPPORT",
        "William Ruto",
        "Somalie",
    ),
    ("Le Brésil a réitéré mardi son appui à la Bolivie.", "SUPPORT", "Brésil", "Bolivie"),
    (
        "La Colombie a accueilli favorablement vendredi la proposition du Venezuela.",
        "SUPPORT",
        "Colombie",
        "Venezuela",
    ),
    (
        "Cyril Ramaphosa a présenté ses condoléances au Mozambique.",
        "SUPPORT",
        "Cyril Ramaphosa",
        "Mozambique",
    ),
    (
        "La Pologne a reconnu lundi la souveraineté de la Lituanie sur ces îles.",
        "SUPPORT",
        "Pologne",
        "Lituanie",
    ),
    # AGREE
    (
        "L'Arménie et l'Azerbaïdjan se sont mis d'accord jeudi sur le tracé de leur frontière.",
        "AGREE",
        "Arménie",
        "Azerbaïdjan",
    ),
    (
        "Le Pérou et le Chili sont parvenus lundi à un accord sur la pêche.",
        "AGREE",
        "Pérou",
        "Chili",
    ),
    (
        "L'Indonésie a trouvé mercredi un accord avec la Malaisie sur la frontière maritime.",
        "AGREE",
        "Indonésie",
        "Malaisie",
    ),
    (
        "Les Vingt-Sept ont accordé jeudi à la Moldavie le statut de pays candidat.",
        "AGREE",
        "Union européenne",
        "Moldavie",
    ),
    (
        "La Thaïlande et le Cambodge ont scellé dimanche un accord de paix.",
        "AGREE",
        "Thaïlande",
        "Cambodge",
    ),
    # THREATEN
    (
        "L'Azerbaïdjan a mis en garde lundi l'Arménie contre toute provocation.",
        "THREATEN",
        "Azerbaïdjan",
        "Arménie",
    ),
    # ASSAULT
    (
        "La police kényane a dispersé mardi les manifestants à coups de gaz lacrymogène.",
        "ASSAULT",
        "police kényane",
        "manifestants",
    ),
    (
        "Les rebelles du M23 ont pris le contrôle jeudi de la ville de Bukavu.",
        "ASSAULT",
        "M23",
        "Bukavu",
    ),
    (
        "L'Azerbaïdjan a occupé lundi plusieurs villages de l'Arménie.",
        "ASSAULT",
        "Azerbaïdjan",
        "Arménie",
    ),
    (
        "Des jihadistes ont tendu mardi une embuscade à l'armée du Burkina Faso.",
        "ASSAULT",
        "jihadistes",
        "Burkina Faso",
    ),
    (
        "Des jihadistes ont attaqué dimanche un poste de l'armée du Niger près de Tillabéri.",
        "ASSAULT",
        "jihadistes",
        "Niger",
    ),
    (
        "Les garde-côtes vietnamiens ont éperonné lundi un chalutier chinois.",
        "ASSAULT",
        "Viêt Nam",
        "Chine",
    ),
    # COOPERATE
    (
        "Le Kenya et l'Éthiopie ont renforcé jeudi leur coopération sécuritaire.",
        "COOPERATE",
        "Kenya",
        "Éthiopie",
    ),
    # AID
    (
        "Le Mexique a octroyé mardi l'asile politique à l'ancien vice-président Jorge Glas.",
        "AID",
        "Mexique",
        "Jorge Glas",
    ),
    ("Le Japon a livré lundi des patrouilleurs aux Philippines.", "AID", "Japon", "Philippines"),
    (
        "La Banque mondiale a versé jeudi 200 millions de dollars au Malawi.",
        "AID",
        "Banque mondiale",
        "Malawi",
    ),
    ("La Turquie a fourni des drones à la Somalie.", "AID", "Turquie", "Somalie"),
    # ACCUSE
    ("Le Burundi a pointé du doigt le Rwanda.", "ACCUSE", "Burundi", "Rwanda"),
    ("Le Chili a mis en cause mercredi la Bolivie.", "ACCUSE", "Chili", "Bolivie"),
    (
        "La Thaïlande s'est insurgée mardi contre la décision du Cambodge.",
        "ACCUSE",
        "Thaïlande",
        "Cambodge",
    ),
    (
        "La Tunisie s'est indignée lundi de la décision de la Libye.",
        "ACCUSE",
        "Tunisie",
        "Libye",
    ),
    ("L'Inde soupçonne le Pakistan d'avoir armé les assaillants.", "ACCUSE", "Inde", "Pakistan"),
    ("Les Philippines ont porté plainte mardi contre la Chine.", "ACCUSE", "Philippines", "Chine"),
    # SANCTION
    (
        "Le Tchad a mis fin jeudi à l'accord de coopération militaire avec la France.",
        "SANCTION",
        "Tchad",
        "France",
    ),
    (
        "La Chine a réduit ses relations diplomatiques avec la Lituanie.",
        "SANCTION",
        "Chine",
        "Lituanie",
    ),
    (
        "Les États-Unis ont frappé de sanctions lundi plusieurs entreprises de la Chine.",
        "SANCTION",
        "États-Unis",
        "Chine",
    ),
    # PROTEST
    (
        "Des centaines de manifestants ont conspué mardi le président Prabowo Subianto à Jakarta.",
        "PROTEST",
        "manifestants",
        "Prabowo Subianto",
    ),
    (
        "Des manifestants ont hué lundi William Ruto à Nairobi.",
        "PROTEST",
        "manifestants",
        "William Ruto",
    ),
    # MOBILIZE
    ("L'Inde a dépêché lundi des troupes à la frontière.", "MOBILIZE", "Inde", None),
    ("L'Azerbaïdjan a rappelé lundi des milliers de réservistes.", "MOBILIZE", "Azerbaïdjan", None),
    ("Le Pakistan a placé son armée en état d'alerte maximale.", "MOBILIZE", "Pakistan", None),
    # COERCE
    (
        "La Russie a incarcéré le journaliste Evan Gershkovich.",
        "COERCE",
        "Russie",
        "Evan Gershkovich",
    ),
    ("Le Hamas a pris en otage des dizaines d'Israéliens.", "COERCE", "Hamas", "Israéliens"),
    # CONCEDE
    (
        "Les États-Unis ont assoupli mardi les sanctions contre le Venezuela.",
        "CONCEDE",
        "États-Unis",
        "Venezuela",
    ),
    (
        "La Commission européenne a dégelé jeudi des fonds destinés à la Hongrie.",
        "CONCEDE",
        "Commission européenne",
        "Hongrie",
    ),
    # REQUEST
    ("Le Kenya a invité le Soudan à reprendre les négociations.", "REQUEST", "Kenya", "Soudan"),
    ("Le Pérou a prié la Bolivie de rappeler son ambassadeur.", "REQUEST", "Pérou", "Bolivie"),
    ("La Hongrie s'est rangée derrière la Serbie.", "SUPPORT", "Hongrie", "Serbie"),
    ("La Pologne se tient aux côtés de l'Ukraine.", "SUPPORT", "Pologne", "Ukraine"),
    ("L'Algérie a retiré mardi son ambassadeur en France.", "SANCTION", "Algérie", "France"),
    (
        "Les États-Unis ont placé lundi le Nicaragua sur leur liste noire.",
        "SANCTION",
        "États-Unis",
        "Nicaragua",
    ),
    (
        "L'Iran a condamné à mort le chercheur Ahmadreza Djalali.",
        "COERCE",
        "Iran",
        "Ahmadreza Djalali",
    ),
    ("L'Équateur a décrété lundi l'état d'urgence.", "COERCE", "Équateur", None),
    ("Les rebelles du M23 ont levé le siège de la ville de Sake.", "RETREAT", "M23", None),
    (
        "Narendra Modi a tenu mardi une visioconférence avec Anthony Albanese.",
        "CONSULT",
        "Narendra Modi",
        "Anthony Albanese",
    ),
    # REJECT
    ("Le Maroc a contesté lundi la décision de l'Algérie.", "REJECT", "Maroc", "Algérie"),
    (
        "L'Azerbaïdjan a repoussé jeudi la proposition de l'Arménie.",
        "REJECT",
        "Azerbaïdjan",
        "Arménie",
    ),
    # a call told with "téléphoner à"
    (
        "Le président sénégalais Bassirou Diomaye Faye a téléphoné mardi à Emmanuel Macron.",
        "CONSULT",
        "Bassirou Diomaye Faye",
        "Emmanuel Macron",
    ),
    # a body convened, a guest received told with "était reçu par"
    (
        "La présidente tanzanienne Samia Suluhu Hassan a réuni lundi en urgence le Conseil "
        "de sécurité nationale.",
        "CONSULT",
        "Samia Suluhu Hassan",
        "Conseil de sécurité nationale",
    ),
    (
        "Le 3 mars, le chef de la diplomatie turque, Hakan Fidan, était reçu à Dakar par son "
        "homologue sénégalais, Yassine Fall.",
        "CONSULT",
        "Hakan Fidan",
        "Yassine Fall",
    ),
    # a treaty ended, its other side named in the clause that says what it is
    (
        "Le Niger a dénoncé l'accord de 2012 qui encadre la présence des forces armées "
        "américaines sur son territoire.",
        "SANCTION",
        "Niger",
        "États-Unis",
    ),
    # a warning to a capital, defending another's act, an ultimatum's demand
    (
        "Depuis Nairobi, le président kényan William Ruto a mis en garde lundi Kampala.",
        "THREATEN",
        "William Ruto",
        "Ouganda",
    ),
    (
        "Le président biélorusse Alexandre Loukachenko a justifié mardi l'offensive russe.",
        "SUPPORT",
        "Alexandre Loukachenko",
        "Russie",
    ),
    (
        "L'Union africaine a posé dimanche un ultimatum de quinze jours au Soudan.",
        "REQUEST",
        "Union africaine",
        "Soudan",
    ),
]


@pytest.mark.parametrize(("text", "kind", "source", "target"), CASES)
def test_ordinary_news_vocabulary_starts_the_event(
    nlp: Language, text: str, kind: str, source: str, target: str | None
) -> None:
    found = of_type(events(nlp, text), kind)
    assert any(
        source in names(e.source) and (target is None or target in names(e.target)) for e in found
    ), [(names(e.source), names(e.target)) for e in found]


def test_a_meal_with_nobody_named_is_no_meeting(nlp: Language) -> None:
    assert not of_type(events(nlp, "Le président kényan a déjeuné avec appétit."), "CONSULT")


def test_ending_needs_both_words_implementing_an_accord_ends_nothing(nlp: Language) -> None:
    text = "Le Tchad a mis en œuvre jeudi l'accord de coopération avec la France."
    assert not of_type(events(nlp, text), "SANCTION")


def test_the_accord_an_act_ends_is_no_new_agreement(nlp: Language) -> None:
    text = "Le Tchad a mis fin jeudi à l'accord de coopération militaire avec la France."
    assert not of_type(events(nlp, text), "AGREE")


def test_an_invitation_to_a_place_is_no_request(nlp: Language) -> None:
    found = events(nlp, "Le Kenya a invité le Soudan au sommet de Nairobi.")
    assert not of_type(found, "REQUEST")


def test_strengthening_ties_as_an_aim_is_not_done(nlp: Language) -> None:
    text = (
        "Le Kenya et l'Éthiopie ont signé jeudi des documents pour renforcer leur "
        "coopération militaire."
    )
    found = events(nlp, text)
    assert of_type(found, "AGREE")
    assert not of_type(found, "COOPERATE")


def test_an_aim_stated_by_visant_a_is_not_done(nlp: Language) -> None:
    text = (
        "Le Kenya et l'Éthiopie ont signé jeudi des documents visant à renforcer leur "
        "coopération militaire."
    )
    assert not of_type(events(nlp, text), "COOPERATE")


def test_a_suspect_label_is_no_accusation(nlp: Language) -> None:
    text = "La police sénégalaise a interpellé un homme soupçonné d'espionnage au profit du Mali."
    found = events(nlp, text)
    assert not of_type(found, "ACCUSE")
    assert of_type(found, "COERCE")  # the arrest counts, the man left unnamed


def test_leaders_meeting_among_themselves_convened_no_one(nlp: Language) -> None:
    text = (
        "Les principaux dirigeants militaires du Kenya et de la Somalie se sont réunis lundi "
        "pour élaborer une stratégie contre les shebab."
    )
    assert all("shebab" not in " ".join(names(e.target)) for e in events(nlp, text))


def test_custody_is_no_warning(nlp: Language) -> None:
    text = "La police bolivienne a mis l'opposant Luis Camacho en garde à vue."
    assert not of_type(events(nlp, text), "THREATEN")


def test_joint_manoeuvres_written_without_ligature(nlp: Language) -> None:
    text = "L'Indonésie a mené mardi des manoeuvres conjointes avec le Vietnam."
    found = of_type(events(nlp, text), "COOPERATE")
    assert any({"Viêt Nam", "Indonésie"} <= names(e.source) for e in found), found


def test_measures_aimed_at_a_state_are_no_strike(nlp: Language) -> None:
    text = "Le Japon a levé lundi les restrictions visant la Corée du Sud."
    found = events(nlp, text)
    assert of_type(found, "CONCEDE")
    assert not of_type(found, "ASSAULT")


def test_the_opponent_as_a_noun_is_no_rejection(nlp: Language) -> None:
    found = events(nlp, "La police a arrêté mardi l'opposant Ousmane Diallo à Conakry.")
    assert not of_type(found, "REJECT")


def test_new_requirement_keys_are_validated() -> None:
    entry = Trigger(
        lemmas=("mettre",), pos="verb", type="SANCTION", requires_all=("fin",), finite=True
    )
    assert entry.requires_all == ("fin",)
    with pytest.raises(pydantic.ValidationError):
        Trigger(lemmas=("mettre",), pos="verb", type="SANCTION", requires_every=("fin",))  # type: ignore[call-arg]


def test_lexicon_heads_include_spellings_without_ligature() -> None:
    lexicon = load_lexicon()
    assert "manœuvre" in lexicon.lemma_set("noun")
    assert lexicon.entries("manoeuvre", "noun")
    assert lexicon.entries("manoeuvre", "noun") == lexicon.entries("manœuvre", "noun")


def test_recognising_a_fact_is_no_support_of_anyone(nlp: Language) -> None:
    text = "Le président ivoirien a reconnu que l'état de l'économie restait fragile."
    assert not of_type(events(nlp, text), "SUPPORT")


def test_a_feeling_expressed_with_nobody_named_is_support(nlp: Language) -> None:
    found = of_type(events(nlp, "Le président ivoirien a présenté ses condoléances."), "SUPPORT")
    assert found and all(not e.target for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "Israël n'exclut pas une riposte militaire contre l'Iran.",
        "L'Inde n'exclut pas de frapper le Pakistan.",
    ],
)
def test_not_ruling_out_force_is_a_threat(nlp: Language, text: str) -> None:
    found = events(nlp, text)
    assert of_type(found, "THREATEN")
    assert not of_type(found, "ASSAULT")  # the strike is not ruled out, not done


def test_taking_a_case_to_a_court_is_no_seizure(nlp: Language) -> None:
    found = events(nlp, "Le Guyana saisira la Cour internationale de justice.")
    assert not of_type(found, "COERCE")
    assert any(names(e.source) == {"Guyana"} for e in of_type(found, "ACCUSE"))


@pytest.mark.parametrize(
    ("text", "crowd"),
    [
        ("Des milliers d'étudiants sont descendus dans la rue samedi à Tbilissi.", "étudiants"),
        ("Des agriculteurs ont manifesté mardi devant le Parlement européen.", "agriculteurs"),
    ],
)
def test_crowds_of_a_trade_protest(nlp: Language, text: str, crowd: str) -> None:
    found = of_type(events(nlp, text), "PROTEST")
    assert any(crowd in names(e.source) for e in found), found


def test_a_quoted_act_of_our_people_is_the_speakers(nlp: Language) -> None:
    text = (
        "« Notre gouvernement condamne fermement l'attaque du Rwanda », a déclaré le président "
        "burundais Évariste Ndayishimiye."
    )
    found = of_type(events(nlp, text), "ACCUSE")
    assert any(
        names(e.source) == {"Évariste Ndayishimiye"} and "Rwanda" in names(e.target) for e in found
    ), found


def test_a_leader_expected_somewhere_is_a_planned_visit(nlp: Language) -> None:
    found = of_type(
        events(nlp, "Le président brésilien Lula est attendu jeudi à Luanda."), "CONSULT"
    )
    assert any(e.status == "planned" and names(e.target) == {"Angola"} for e in found), found


def test_expecting_a_rise_is_no_visit(nlp: Language) -> None:
    text = "Les experts s'attendent à une hausse des prix en Angola."
    assert not of_type(events(nlp, text), "CONSULT")
