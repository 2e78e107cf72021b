"""The fast paths (per-Doc arrays, caches) give exactly what the token-by-token code gives."""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pytest
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from veilleur.components.dates import PARSED_KEY, parse_expressions, parsed_expressions
from veilleur.components.paragraphs import paragraphs_component
from veilleur.doctext import CACHE_PREFIX, TEXT_KEY, cache_key, drop_caches, text_of
from veilleur.extraction import spans
from veilleur.extraction.actors import INDEX_KEY, ActorIndex
from veilleur.extraction.clauses import SENTENCES_KEY
from veilleur.extraction.lexicon import load_lexicon as load_triggers
from veilleur.extraction.lexicon import load_quote_lexicon
from veilleur.extraction.triggers import _member
from veilleur.kb import KnowledgeBase
from veilleur.linking.kbmatch import KbMatcher, fold_same_length
from veilleur.linking.tokens import (
    _quote_spans,
    capitalised_text,
    is_capitalised,
    joined,
    layout,
    morph_feature,
    morph_values,
    word,
    words,
)
from veilleur.record import content_vector
from veilleur.records import ActorRef
from veilleur.temporal import DayInterval, grammar_for, load_lexicon, resolve
from veilleur.temporal.governing import _quoted_ranges
from veilleur.temporal.resolve import _resolve

_TEXT = (
    "Le président sénégalais a reçu mardi à Dakar son homologue ghanéen. "
    "« Nous voulons la paix », a déclaré le chef de l'État, cité par l'agence officielle. "
    "Les deux dirigeants ont signé un accord de coopération militaire."
)


def _slow_vector(nlp: Language, text: str) -> tuple[float, ...]:
    doc = nlp.make_doc(text)
    words = [t for t in doc if t.has_vector and t.is_alpha and not t.is_stop]
    mean = np.asarray([t.vector for t in words], dtype=np.float32).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return tuple(round(float(x), 5) for x in mean / norm)


def test_content_vector_reads_the_same_rows_as_token_vectors(nlp: Language) -> None:
    fast = content_vector(nlp.make_doc(_TEXT))
    assert len(fast) == nlp.vocab.vectors.shape[1]
    assert fast == _slow_vector(nlp, _TEXT)


def test_content_vector_of_stop_words_only_is_empty(nlp: Language) -> None:
    assert content_vector(nlp.make_doc("le la les de du , .")) == ()


def test_words_table_equals_token_by_token_reads(nlp: Language) -> None:
    doc = nlp("Le lieutenant-colonel Amadou Diallo, chef d'état - major, est arrivé à Niamey.")
    table = words(doc)
    assert table.text == tuple(t.text for t in doc)
    assert table.folded == tuple(word(t) for t in doc)
    assert table.spaced == tuple(bool(t.whitespace_) for t in doc)
    assert table.capitalised == tuple(is_capitalised(t) for t in doc)
    assert table.pos == tuple(t.pos_ for t in doc)
    assert words(doc) is table  # built once per Doc


def test_joined_reads_hyphen_compounds_from_the_table(nlp: Language) -> None:
    doc = nlp.make_doc("Le chef d'état-major a reçu Ahmed el-Tayeb, puis il est parti.")
    texts = [t.text for t in doc]
    assert doc[texts.index("état") : joined(doc, texts.index("état"))].text == "état-major"
    assert doc[texts.index("el") : joined(doc, texts.index("el"))].text == "el-Tayeb"
    assert joined(doc, texts.index("parti")) == texts.index("parti") + 1


def test_layout_starts_sentences_after_final_stops_and_line_breaks(nlp: Language) -> None:
    text = "Le ministre est arrivé. « Il a dit. Non », a-t-il ajouté.\nUne autre ligne ici."
    doc = nlp.make_doc(text)
    starts = [doc[i].text for i in layout(doc).sentence_starts]
    assert starts == ["Le", "«", "Une"]  # the quotation's full stop starts nothing
    assert [doc[i].text for i in layout(doc).line_starts] == ["Le", "Une"]


def test_dates_leaves_its_parse_for_anchor_and_anchor_drops_the_caches(nlp: Language) -> None:
    doc = nlp.make_doc("Le sommet s'est ouvert lundi 3 mars 2025 à Nairobi.")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "veilleur_dates":
            parsed = doc.user_data[PARSED_KEY]
            grammar = grammar_for("fr")
            future = frozenset(w.lower() for w in load_lexicon("fr").future_lemmas)
            assert parsed == parse_expressions(doc, grammar, future_lemmas=future)
            assert parsed_expressions(doc, grammar, future_lemmas=future) is parsed
    assert PARSED_KEY not in doc.user_data
    assert not [k for k in doc.user_data if isinstance(k, str) and k.startswith(CACHE_PREFIX)]


def test_timex_scan_of_lower_cased_text_equals_the_case_insensitive_scan() -> None:
    grammar = grammar_for("fr")
    text = "Dès LUNDI 3 Mars 2025, puis au Printemps 2024 et il y a Trois Semaines, à Kyiv."
    fast = grammar.find(text)
    slow = sorted(
        (e for rule in grammar.rules for e in grammar._matches(rule, text, None)),
        key=lambda e: e.start,
    )
    assert [e.text for e in fast] == [
        "Dès LUNDI 3 Mars 2025",
        "au Printemps 2024",
        "il y a Trois Semaines",
    ]
    assert all(e in slow for e in fast)
    assert all(text[e.start : e.end] == e.text for e in fast)


def test_timex_offsets_hold_when_lower_casing_changes_the_length() -> None:
    text = "İstanbul, le 3 mars 2025."  # "İ" lower-cases to two characters
    found = grammar_for("fr").find(text)
    assert [(e.text, text[e.start : e.end]) for e in found] == [("le 3 mars 2025",) * 2]


def test_trigger_entries_by_head_equal_a_scan_of_every_trigger() -> None:
    lexicon = load_triggers("fr")
    heads = {(lemma, t.pos) for t in lexicon.triggers for lemma in t.lemmas}
    for lemma, pos in [*sorted(heads), ("inconnu", "verb")]:
        scan = [t for t in lexicon.triggers if t.pos == pos and lemma in t.lemmas]
        assert lexicon.entries(lemma, pos) == scan


def test_sorted_membership_equals_isin() -> None:
    ids = np.asarray(sorted({5, 17, 2**63 + 3, 40}), dtype=np.uint64)
    values = np.asarray([0, 5, 6, 40, 41, 2**63 + 3, 2**64 - 1], dtype=np.uint64)
    assert _member(values, ids).tolist() == np.isin(values, ids).tolist()
    assert _member(values, ids[:0]).tolist() == [False] * len(values)


def test_capitalised_text_short_cut_agrees_with_the_full_test() -> None:
    def full(text: str) -> bool:
        return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)

    for text in ["Gallant", "É", "KAN", "", "le", "Ⅳe", "Ⅳ", "«", "1er", "Ⓐ"]:
        assert capitalised_text(text) == full(text), text


def test_morph_values_read_once_equal_token_morph(nlp: Language) -> None:
    doc = nlp("Les ministres qui signeront l'accord seront reçus demain à Abuja.")
    doc[2].set_morph("PronType=Int,Rel")  # a multi-valued feature keeps its order
    names = ("PronType", "VerbForm", "Tense", "Number", "Gender", "Mood", "Absent")
    for token in doc:
        for name in names:
            values = token.morph.get(name, [])
            assert morph_values(token, name) == tuple(values)
            assert morph_feature(token, name) == (values[0] if values else None)


def test_words_table_holds_lemmas_and_dependencies(nlp: Language) -> None:
    doc = nlp("Le Premier ministre malien a rencontré ses homologues du Niger.")
    assert words(doc).lemma == tuple(t.lemma_ for t in doc)
    assert words(doc).dep == tuple(t.dep_ for t in doc)


def test_actor_index_reads_country_adjectives_once_per_token(nlp: Language) -> None:
    doc = nlp("Des drones russes ont frappé une ville ukrainienne, selon Kiev.")
    index = ActorIndex(doc)
    found = index.in_range(0, len(doc))
    texts = {doc[i].text: actor for i, actor in found}
    assert texts["russes"].kind == "state" and texts["ukrainienne"].kind == "state"
    assert texts["russes"].country != texts["ukrainienne"].country
    for i, actor in found:
        assert index.at(doc[i]) == actor
    assert index.demonym(doc[0]) is None  # a determiner names no state
    assert index.in_range(0, len(doc)) == found  # the memo answers the same
    for start, end in [(0, 3), (2, 9), (5, len(doc)), (-4, 2), (7, 7), (3, 99)]:
        naive: list[tuple[int, ActorRef]] = []
        seen: set[int] = set()
        for i in range(max(start, 0), min(end, len(doc))):
            actor, first = index.at(doc[i]), index.start_of(doc[i])
            if actor is not None and first not in seen:
                seen.add(first)
                naive.append((i, actor))
        assert index.in_range(start, end) == naive


def _quoted_char_by_char(text: str, start: int, end: int) -> list[tuple[int, int]]:
    opening = {"«": "»", "“": "”", '"': '"'}
    ranges: list[tuple[int, int]] = []
    i = start
    while i < end:
        closing = opening.get(text[i])
        if closing is not None:
            j = text.find(closing, i + 1, end)
            if j < 0:
                break
            ranges.append((i, j))
            i = j + 1
        else:
            i += 1
    return ranges


def test_quoted_ranges_jump_to_each_opening_mark() -> None:
    text = 'Il a dit « non » puis “peut-être” et "oui" ; « ouvert sans fin'
    for start, end in [(0, len(text)), (3, 40), (12, len(text)), (0, 0)]:
        assert _quoted_ranges(text, start, end) == _quoted_char_by_char(text, start, end)


def test_remembered_parse_and_resolve_equal_fresh_ones() -> None:
    grammar = grammar_for("fr")
    anchor = DayInterval(dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    for text in ["mardi dernier", "il y a trois jours", "le 14 juillet", "la veille", "hier"]:
        expr = grammar.parse(text)
        assert expr is not None and expr == grammar._longest(text)
        for tense in ("past", "future", "present", "unknown"):
            fresh = _resolve.__wrapped__(expr, anchor, None, tense)
            assert resolve(expr, anchor=anchor, tense=tense) == fresh


def test_find_quotes_jumping_to_marks_equals_reading_every_character(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lexicon = load_quote_lexicon("fr")
    text = (
        "Le porte-parole a déclaré : « Nous ne céderons pas “jamais” ici. » Puis il est parti.\n"
        "« Un appel resté ouvert\n"
        '« qui continue ici », a-t-il ajouté. Le texte dit "oui" et "non.\n'
        "Fin sans guillemet."
    )
    fast = spans.find_quotes(text, lexicon)
    monkeypatch.setattr(spans, "_marks_pattern", lambda closers: re.compile("(?s).{1}"))
    assert fast and fast == spans.find_quotes(text, lexicon)


def _quote_spans_char_by_char(text: str) -> tuple[tuple[int, int], ...]:
    opening = {"«": "»", "“": "”", "„": "“"}
    spans: list[tuple[int, int]] = []
    closing: str | None = None
    start = 0
    for k, ch in enumerate(text):
        if closing is None:
            if ch in opening:
                closing, start = opening[ch], k
            elif ch == '"':
                closing, start = '"', k
        elif ch == closing:
            spans.append((start, k + 1))
            closing = None
        elif ch == "\n" and (closing == '"' or text[k - 1 : k] == "\n"):
            closing = None
    return tuple(spans)


def test_layout_quote_spans_jump_to_marks_like_the_character_walk() -> None:
    text = 'Il a dit « non » et „ja“ puis "oui" ; un " seul\nligne\n\n« ouvert\n\nfin » “fin”'
    assert _quote_spans(text) == _quote_spans_char_by_char(text)
    assert _quote_spans(text)


def test_text_of_is_read_once_and_equals_doc_text(nlp: Language) -> None:
    doc = nlp.make_doc("Le président a reçu son homologue à Accra.")
    assert text_of(doc) == doc.text
    assert text_of(doc) is doc.user_data[TEXT_KEY]


def test_actor_index_is_shared_while_the_mentions_stay(nlp: Language) -> None:
    doc = nlp("Le président kényan a reçu le Premier ministre éthiopien à Nairobi.")
    assert INDEX_KEY not in doc.user_data  # the pipeline dropped the one it shared
    first = ActorIndex.of(doc)
    assert ActorIndex.of(doc) is first
    doc._.mentions = list(doc._.mentions or [])  # a new list: the index is rebuilt
    again = ActorIndex.of(doc)
    assert again is not first
    assert again.in_range(0, len(doc)) == first.in_range(0, len(doc))


def test_an_analysed_doc_carries_no_cache_and_serialises(nlp: Language) -> None:
    doc = nlp("« Nous partirons demain », a dit le ministre malien, selon l'AFP.")
    keys = {k for k in doc.user_data if isinstance(k, str)}
    assert not {TEXT_KEY, PARSED_KEY, INDEX_KEY, SENTENCES_KEY} & keys
    assert not [k for k in keys if k.startswith(CACHE_PREFIX)]
    assert Doc(nlp.vocab).from_bytes(doc.to_bytes())._.quotes == doc._.quotes


def test_paragraph_starts_read_from_arrays_follow_the_token_rules(nlp: Language) -> None:
    text = "Titre sans point\nLe chef de l'état-major a parlé. « C'est fini. » Puis il est parti"
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "veilleur_paragraphs":
            break
        doc = proc(doc)
    doc = paragraphs_component(doc)
    starts = {t.text for t in doc if t.is_sent_start and t.i > 0}
    assert "Le" in starts  # after a line break
    assert not any(t.is_sent_start for t in doc if t.i > 0 and doc[t.i - 1].text == "l'")
    assert not doc[[t.text for t in doc].index("»")].is_sent_start  # closes its sentence


def test_lemma_sets_built_once_equal_a_scan() -> None:
    lexicon = load_triggers("fr")
    for pos in ("verb", "noun", "adjective"):
        scan = frozenset(lemma for t in lexicon.triggers if t.pos == pos for lemma in t.lemmas)
        assert lexicon.lemma_set(pos) == scan
    assert lexicon.lemma_set("verb") is lexicon.lemma_set("verb")


_FOLD_TEXT = (
    "  Le président  du Burkina Faso a reçu à Ouagadougou l’envoyé de l'ONU, puis "
    "(selon la CEDEAO) les Etats-Unis « et » la Russie.\n\n\xa0Le Royaume-Uni ; l' Union "
    "africaine,Nations unies - Moscou – Kiev/Pékin ! c.-à-d. M. Poutine\t  à Séoul.  "
)


def test_folded_tokens_read_piece_by_piece_equal_one_tokenizer_pass(nlp: Language) -> None:
    matcher = KbMatcher(nlp, KnowledgeBase.load())
    for text in (_FOLD_TEXT, _FOLD_TEXT.strip(), " " + _FOLD_TEXT, "x", ""):
        folded = fold_same_length(text)
        whole = nlp.tokenizer(folded)
        assert matcher._folded_tokens(folded) == ([t.text for t in whole], [t.idx for t in whole])


def test_kb_names_found_piece_by_piece_equal_a_phrase_matcher(nlp: Language) -> None:
    kb = KnowledgeBase.load()
    phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
    phrases.add("KB", [nlp.make_doc(k) for k in sorted({fold_same_length(n) for n in kb.names()})])
    folded = nlp.tokenizer(fold_same_length(_FOLD_TEXT))
    slow = {(folded[s].idx, folded[e - 1].idx + len(folded[e - 1])) for _, s, e in phrases(folded)}
    fast = KbMatcher(nlp, kb).folded_matches(_FOLD_TEXT)
    assert len(fast) == len(set(fast)) and set(fast) == slow
    assert {_FOLD_TEXT[a:b] for a, b in fast} >= {
        "Burkina Faso",
        "Etats-Unis",
        "ONU",
        "Union africaine",
    }


def test_words_table_of_short_and_unparsed_docs_equals_token_reads(nlp: Language) -> None:
    for doc in (nlp.make_doc("Niamey"), nlp.make_doc(""), nlp("Oui, oui, oui : le oui.")):
        table = words(doc)
        assert table.text == tuple(t.text for t in doc)
        assert table.pos == tuple(t.pos_ for t in doc)
        assert table.lemma == tuple(t.lemma_ for t in doc)
        assert table.dep == tuple(t.dep_ for t in doc)
        assert table.spaced == tuple(bool(t.whitespace_) for t in doc)


def _starts_token_by_token(doc: Doc) -> list[int]:
    final = {".", "!", "?", "…", "»", "”", '"', ":", ";"}
    starts = [1 if t.is_sent_start else -1 if t.is_sent_start is False else 0 for t in doc]
    for i in range(1, len(doc)):
        previous = doc[i - 1]
        closing = doc[i].text in ("»", "”") or (doc[i].text == '"' and not previous.whitespace_)
        if "\n" in previous.text or previous.text.isspace():
            starts[i] = 1
        elif previous.text[-1:] not in final or closing:
            starts[i] = -1
    return starts


def test_paragraph_starts_classify_each_distinct_word_like_the_token_walk(nlp: Language) -> None:
    text = (
        'Le chef a dit "oui." Puis "non" . « Fin. » Et\n\n  la suite : Lomé ; Accra !\n'
        "» Un titre sans point\nOui ? Oui… “Non.” Fin"
    )
    doc = nlp.make_doc(text)
    expected = _starts_token_by_token(doc)
    done = paragraphs_component(nlp.make_doc(text))
    assert [1 if t.is_sent_start else -1 if t.is_sent_start is False else 0 for t in done] == (
        expected
    )
    assert 1 in expected and -1 in expected


def test_every_per_doc_cache_declares_a_key_that_drop_caches_removes(nlp: Language) -> None:
    doc = nlp("Le président nigérien a reçu à Niamey le ministre togolais des Affaires étrangères.")
    text_of(doc)
    layout(doc)  # reads words(doc) too
    ActorIndex.of(doc)
    morph_feature(doc[1], "Number")
    doc.user_data[PARSED_KEY] = []
    keys = {k for k in doc.user_data if isinstance(k, str)}
    assert {TEXT_KEY, PARSED_KEY, INDEX_KEY} <= keys
    assert all(k.startswith(CACHE_PREFIX) for k in (TEXT_KEY, PARSED_KEY, INDEX_KEY, SENTENCES_KEY))
    doc.user_data["veilleur.result"] = 1  # a value that is no cache stays
    drop_caches(doc)
    assert {k for k in doc.user_data if isinstance(k, str)} == {"veilleur.result"}
    assert cache_key("x") != cache_key("y") and cache_key("x").startswith(CACHE_PREFIX)


def test_sea_names_read_from_the_word_table(nlp: Language) -> None:
    from veilleur.extraction.placewords import load_place_words
    from veilleur.linking.mentions import _waters

    places = load_place_words("fr")
    doc = nlp(
        "Des navires ont croisé dans le golfe de Guinée puis en mer de Chine méridionale, "
        "loin de la Mer Rouge et d'une mer calme."
    )
    found = _waters(doc, places.waters, places.water_qualifiers, set())
    assert [s.text for s in found] == ["golfe de Guinée", "mer de Chine méridionale"]
    first = next(i for i, t in enumerate(doc) if t.text == "golfe")
    assert _waters(doc, places.waters, places.water_qualifiers, {first})[0].text.startswith("mer")
