"""The web UI and REST API in-process: every page and its JSON twin agree, filters, clean 404s."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from spacy.language import Language

from veilleur.merge import MergeRules
from veilleur.pipeline import analyse
from veilleur.readers import from_text, read
from veilleur.records import ActorRef, Article, ArticleRecord, Event, PartialDate, Quote
from veilleur.store import Store
from veilleur.web import create_app
from veilleur.web.text import Mark, paragraph_around, paragraphs

GALLANT = ActorRef("person:yoav-gallant", "Yoav Gallant", "person", "ISR")
AUSTIN = ActorRef("person:lloyd-austin", "Lloyd Austin", "person", "USA")
BIDEN = ActorRef("person:Q6279", "Joe Biden", "person", "USA")
XI = ActorRef("person:xi-jinping", "Xi Jinping", "person", "CHN")
RUSSIA = ActorRef("state:RUS", "Russie", "state", "RUS")
UKRAINE = ActorRef("state:UKR", "Ukraine", "state", "UKR")

# Dev articles analysed for real (people, mentions, quotes); their events are set by hand below
# (a sentence of the article each), so that assertions are exact whatever the event extractor does.
DEV_FILES = (
    "008-gallant-austin-entretien-fuad-shukr.txt",
    "014-biden-xi-sommet-san-francisco.txt",
    "018-frappes-russes-region-odessa.txt",
)
SECOND_REPORT = (
    "Yoav Gallant a eu mercredi un long entretien téléphonique avec Lloyd Austin.\n\n"
    "Le ministre israélien a dit à son homologue : « Israël ne cherche pas la guerre ».\n"
)


def _sentence(article: Article, start_words: str) -> tuple[int, int]:
    """Offsets of the sentence of `article` that starts with `start_words`."""
    start = article.text.index(start_words)
    match = re.compile(r"[.!?](?=\s|$)").search(article.text, start)
    assert match is not None
    return start, match.end()


def _event(
    article: Article, words: str, kind: str, src: tuple[ActorRef, ...],
    tgt: tuple[ActorRef, ...], date: PartialDate, place: str | None = None,
) -> Event:  # fmt: skip
    start, end = _sentence(article, words)
    return Event(kind, src, tgt, "occurred", start, end, article.text[start:end], words.split()[-1],
                 date=date, date_from="text", location=place, confidence=0.8)  # fmt: skip


def _events(article: Article) -> tuple[Event, ...]:
    """The hand-made events of one dev article."""
    doc = article.doc_name
    if doc.startswith("008"):
        return (_event(article, "Le ministre israélien de la Défense Yoav Gallant", "CONSULT",
                       (GALLANT,), (AUSTIN,), PartialDate(2024, 7, 31)),)  # fmt: skip
    if doc.startswith("014"):
        return (_event(article, "Joe Biden et Xi Jinping ont rétabli", "CONSULT", (BIDEN,), (XI,),
                       PartialDate(2023, 11, 15), "San Francisco"),)  # fmt: skip
    return (_event(article, "Au moins 21 personnes ont été tuées", "ASSAULT", (RUSSIA,),
                   (UKRAINE,), PartialDate(2022, 7, 1), "Odessa"),)  # fmt: skip


def _second_report() -> ArticleRecord:
    """A short article reporting the Gallant-Austin call again, with a quote."""
    article = from_text(SECOND_REPORT, name="second-report", outlet="Test Presse",
                        title="Gallant et Austin au téléphone",
                        published=PartialDate(2024, 8, 1))  # fmt: skip
    event = _event(article, "Yoav Gallant a eu mercredi", "CONSULT", (GALLANT,), (AUSTIN,),
                   PartialDate(2024, 7, 31))  # fmt: skip
    start = article.text.index("« ") + 2
    end = article.text.index(" »")
    quote = Quote(start, end, article.text[start:end], GALLANT, cue="dit")
    return ArticleRecord(article=article, events=(event,), quotes=(quote,),
                         published=PartialDate(2024, 8, 1))  # fmt: skip


def build_store(path: Path, nlp: Language, dev_dir: Path, *, url: str | None = None) -> Store:
    """A store (SQLite at `path`, or `url`) of three analysed dev articles and a short one."""
    store = Store.open(url or path, rules=MergeRules())
    articles = [a for a in read([dev_dir / name for name in DEV_FILES]) if isinstance(a, Article)]
    assert len(articles) == len(DEV_FILES)
    for record in analyse(articles, nlp=nlp):
        store.add(dataclasses.replace(record, events=_events(record.article)))
    store.add(_second_report())
    return store


@pytest.fixture(scope="module")
def store(
    tmp_path_factory: pytest.TempPathFactory, nlp: Language, dev_dir: Path
) -> Iterator[Store]:
    db = build_store(tmp_path_factory.mktemp("web") / "web.db", nlp, dev_dir)
    yield db
    db.close()


@pytest.fixture(scope="module")
def client(store: Store) -> TestClient:
    return TestClient(create_app(store))


def _event_id(client: TestClient, kind: str, actor: str) -> str:
    rows = client.get("/events.json", params={"type": kind, "actor": actor}).json()["events"]
    assert len(rows) == 1
    return str(rows[0]["event_id"])


# --- the text module -------------------------------------------------------------------------


def test_paragraphs_cut_at_every_mark_boundary() -> None:
    text = "Un.  Deux trois quatre.\n\n  Cinq six. "
    marks = [Mark(5, 23, "evidence", "e1", "X"), Mark(10, 16, "quote", "", "")]
    found = paragraphs(text, marks)
    assert [(p.start, p.end) for p in found] == [(0, 23), (27, 36)]
    first = found[0]
    assert "".join(s.text for s in first.segments) == text[0:23]
    assert [(s.text, s.kinds) for s in first.segments] == [
        ("Un.  ", ()),
        ("Deux ", ("evidence",)),
        ("trois ", ("evidence", "quote")),
        ("quatre.", ("evidence",)),
    ]
    assert not found[1].marked


def test_paragraph_around_a_mark_is_its_whole_paragraph() -> None:
    text = "Titre\nPremière phrase. Seconde phrase ici.\nAutre paragraphe."
    start = text.index("Seconde")
    end = start + len("Seconde phrase ici.")
    context = paragraph_around(text, Mark(start, end, "evidence", "e", "T"))
    assert text[context.start : context.end] == "Première phrase. Seconde phrase ici."
    assert [s.text for s in context.segments if s.marks] == ["Seconde phrase ici."]


# --- timeline ----------------------------------------------------------------------------------


def test_timeline_json_lists_real_events_in_date_order(client: TestClient) -> None:
    data = client.get("/events.json").json()
    assert data["total"] == 3  # the call reported twice is one event
    assert [e["type"] for e in data["events"]] == ["ASSAULT", "CONSULT", "CONSULT"]
    assert [e["date"] for e in data["events"]] == ["2022-07-01", "2023-11-15", "2024-07-31"]
    call = data["events"][2]
    assert call["n_sources"] == 2
    assert [a["name"] for a in call["source"]] == ["Yoav Gallant"]
    assert [a["actor_id"] for a in call["target"]] == ["person:lloyd-austin"]


def test_timeline_page_and_its_twin_show_the_same_events(client: TestClient) -> None:
    data = client.get("/events.json", params={"country": "usa"}).json()
    page = client.get("/", params={"country": "usa"})
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    shown = re.findall(r'<tr class="event" data-event="([^"]+)"', page.text)
    assert shown == [e["event_id"] for e in data["events"]]
    assert len(shown) == 2  # Biden-Xi and Gallant-Austin involve the United States
    assert 'href="/events.json?country=usa"' in page.text
    assert 'href="/actor/person:lloyd-austin"' in page.text


@pytest.mark.parametrize(
    ("params", "types"),
    [
        ({"type": "assault"}, ["ASSAULT"]),
        ({"actor": "Gallant"}, ["CONSULT"]),
        ({"country": "UKR"}, ["ASSAULT"]),
        ({"since": "2023"}, ["CONSULT", "CONSULT"]),
        ({"until": "2023-11"}, ["ASSAULT", "CONSULT"]),
        ({"since": "2023-12", "until": "2024"}, ["CONSULT"]),
        ({"type": "CONSULT", "country": "RUS"}, []),
    ],
)
def test_timeline_filters(client: TestClient, params: dict[str, str], types: list[str]) -> None:
    data = client.get("/events.json", params=params).json()
    assert [e["type"] for e in data["events"]] == types
    assert data["total"] == len(types)
    for name, value in params.items():
        assert data["filters"][name] == value


def test_timeline_pages(client: TestClient) -> None:
    first = client.get("/events.json", params={"size": 2}).json()
    second = client.get("/events.json", params={"size": 2, "page": 2}).json()
    assert (first["pages"], len(first["events"]), len(second["events"])) == (2, 2, 1)
    ids = [e["event_id"] for e in first["events"] + second["events"]]
    assert ids == [e["event_id"] for e in client.get("/events.json").json()["events"]]
    html = client.get("/", params={"size": 2}).text
    assert 'rel="next" href="http://testserver/?size=2&amp;page=2"' in html


def test_bad_filters_are_clean_errors(client: TestClient) -> None:
    bad_date = client.get("/events.json", params={"since": "hier"})
    assert bad_date.status_code == 400
    assert bad_date.json()["error"].startswith("E405")
    nobody = client.get("/", params={"actor": "Personne Inconnue"})
    assert nobody.status_code == 404
    assert "E404" in nobody.text and "<html" in nobody.text
    bad_page = client.get("/events.json", params={"page": 0})
    assert bad_page.status_code == 400
    assert "page" in bad_page.json()["error"]


# --- event with its evidence ------------------------------------------------------------------


def test_event_shows_every_evidence_sentence_in_its_paragraph(client: TestClient) -> None:
    event_id = _event_id(client, "CONSULT", "Gallant")
    data = client.get(f"/event/{event_id}.json").json()
    assert data["event"]["n_sources"] == 2
    docs = [e["report"]["doc"] for e in data["evidence"]]
    assert docs == ["008-gallant-austin-entretien-fuad-shukr.txt", "second-report"]
    for evidence in data["evidence"]:
        report, context = evidence["report"], evidence["context"]
        marked = [s for s in context["segments"] if s["marks"]]
        assert [s["text"] for s in marked] == [report["evidence"]]
        assert marked[0]["start"] == report["evidence_start"]
        whole = "".join(s["text"] for s in context["segments"])
        assert report["evidence"] in whole and len(whole) >= len(report["evidence"])
    assert data["evidence"][1]["report"]["outlet"] == "Test Presse"
    page = client.get(f"/event/{event_id}")
    assert page.status_code == 200
    assert page.text.count('<mark class="evidence"') == 2
    assert "Gallant et Austin au téléphone" in page.text  # the article's title
    assert f'href="/event/{event_id}.json"' in page.text


def test_unknown_event_is_a_clean_404(client: TestClient) -> None:
    answer = client.get("/event/nope.json")
    assert answer.status_code == 404
    assert answer.json() == {
        "error": "E501 no event with id 'nope'; the timeline (/ or /events.json) lists them.",
        "status": 404,
    }
    page = client.get("/event/nope")
    assert page.status_code == 404 and "E501" in page.text
    assert client.get("/no/such/page").status_code == 404


# --- actors -----------------------------------------------------------------------------------


def test_actor_page_and_twin(client: TestClient) -> None:
    data = client.get("/actor/person:yoav-gallant.json").json()
    assert data["actor"]["name"] == "Yoav Gallant"
    assert (data["actor"]["n_events"], data["actor"]["n_quotes"]) == (1, 1)
    assert data["actor"]["n_articles"] >= 1  # the analysed dev article mentions him
    assert [e["type"] for e in data["events"]] == ["CONSULT"]
    assert [(c["actor"]["actor_id"], c["n_events"]) for c in data["counterparts"]] == [
        ("person:lloyd-austin", 1)
    ]
    assert [q["text"] for q in data["quotes"]] == ["Israël ne cherche pas la guerre"]
    page = client.get("/actor/person:yoav-gallant").text
    assert "Yoav Gallant" in page and "Israël ne cherche pas la guerre" in page
    assert re.findall(r'data-event="([^"]+)"', page) == [e["event_id"] for e in data["events"]]
    assert client.get("/actor/person:nobody.json").status_code == 404
    by_name = client.get("/actor/Yoav Gallant.json").json()  # one actor has this name
    assert by_name["actor"]["actor_id"] == "person:yoav-gallant"


def test_actors_list_and_twin(client: TestClient) -> None:
    data = client.get("/actors.json", params={"kind": "person"}).json()
    ids = [a["actor_id"] for a in data["actors"]]
    assert {"person:yoav-gallant", "person:lloyd-austin", "person:Q6279"} <= set(ids)
    assert all(a["kind"] == "person" for a in data["actors"])
    page = client.get("/actors", params={"kind": "person"}).text
    assert re.findall(r'<a class="actor" href="/actor/([^"]+)"', page) == ids


# --- network ----------------------------------------------------------------------------------


def test_network_twin_counts_events_by_type(client: TestClient) -> None:
    data = client.get("/network.json").json()
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert set(edges) == {
        ("person:yoav-gallant", "person:lloyd-austin"),
        ("person:Q6279", "person:xi-jinping"),
        ("state:RUS", "state:UKR"),
    }
    assert edges["state:RUS", "state:UKR"]["types"] == [{"type": "ASSAULT", "n_events": 1}]
    assert {n["id"] for n in data["nodes"]} == {x for pair in edges for x in pair}
    only = client.get("/network.json", params={"type": "assault"}).json()
    assert [(e["source"], e["target"]) for e in only["edges"]] == [("state:RUS", "state:UKR")]
    page = client.get("/network").text
    assert '<svg id="network"' in page and "/static/network.js" in page
    assert '"person:yoav-gallant"' in page  # the page embeds the same records


def test_pages_load_nothing_from_elsewhere(client: TestClient) -> None:
    for path in ("/", "/network", "/events.json"):
        policy = client.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in policy
    page = client.get("/network").text
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_static_files_are_served(client: TestClient) -> None:
    assert "function layout" in client.get("/static/network.js").text
    assert client.get("/static/style.css").status_code == 200


# --- articles and quotes ------------------------------------------------------------------------


def test_article_highlights_evidence_and_quotes(client: TestClient, store: Store) -> None:
    row = store.article("second-report") or next(
        a for a in store.articles(limit=10) if a.doc == "second-report"
    )
    data = client.get(f"/article/{row.id}.json").json()
    assert data["article"]["title"] == "Gallant et Austin au téléphone"
    marked = [s for p in data["paragraphs"] for s in p["segments"] if s["marks"]]
    kinds = {m["kind"] for s in marked for m in s["marks"]}
    assert kinds == {"evidence", "quote"}
    assert [r["evidence"] for r in data["reports"]] == [
        "Yoav Gallant a eu mercredi un long entretien téléphonique avec Lloyd Austin."
    ]
    page = client.get(f"/article/{row.id}").text
    assert '<mark class="quote">Israël ne cherche pas la guerre</mark>' in page
    assert f'<mark class="evidence" data-event="{data["reports"][0]["event_id"]}"' in page
    assert client.get("/article/0000000000.json").json()["error"].startswith("E203")


def test_articles_list_and_twin(client: TestClient) -> None:
    data = client.get("/articles.json").json()
    assert data["total"] == 4
    page = client.get("/articles").text
    assert re.findall(r'href="/article/([^"]+)"', page) == [a["id"] for a in data["articles"]]


def test_quotes_of_a_speaker(client: TestClient) -> None:
    data = client.get("/quotes.json", params={"speaker": "Gallant"}).json()
    assert data["speaker_ids"] == ["person:yoav-gallant"]
    assert [q["text"] for q in data["quotes"]] == ["Israël ne cherche pas la guerre"]
    everyone = client.get("/quotes.json").json()["quotes"]
    assert len(everyone) > 1  # the analysed dev articles' quotations too
    page = client.get("/quotes").text
    assert page.count('<blockquote class="quote">') == len(everyone)


def test_stories_group_the_articles_of_one_event(client: TestClient) -> None:
    data = client.get("/stories.json").json()
    groups = [sorted(a["doc"] for a in s["articles"]) for s in data["stories"]]
    assert ["008-gallant-austin-entretien-fuad-shukr.txt", "second-report"] in groups
    assert all(len(g) > 1 for g in groups)
    with_singles = client.get("/stories.json", params={"singles": "true"}).json()
    assert len(with_singles["stories"]) == with_singles["n_stories"] >= len(groups) + 1
    page = client.get("/stories").text
    assert re.findall(r'data-story="([^"]+)"', page) == [s["key"] for s in data["stories"]]


@pytest.mark.postgres
def test_postgresql_store_serves_the_same_json(
    client: TestClient, pg_database: str, nlp: Language, dev_dir: Path, tmp_path: Path
) -> None:
    sqlite_ids = [e["event_id"] for e in client.get("/events.json").json()["events"]]
    store = build_store(tmp_path / "unused.db", nlp, dev_dir, url=pg_database)
    try:
        pg = TestClient(create_app(store))
        paths = [
            "/events.json?country=USA",
            "/events.json?since=2023&until=2024-07",
            f"/event/{sqlite_ids[-1]}.json",
            "/actor/person:yoav-gallant.json",
            "/network.json",
            "/quotes.json?speaker=Gallant",
            "/stories.json",
        ]
        for path in paths:
            assert pg.get(path).json() == client.get(path).json(), path
    finally:
        store.close()
