"""Merged events in the store, timeline filters, actor profiles and exports, on both backends."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from veilleur.export import dyads, export
from veilleur.merge import MergeRules
from veilleur.readers import from_text
from veilleur.records import ActorRef, ArticleRecord, Event, PartialDate, PersonRecord, Quote
from veilleur.store import Store, TimelineFilter

KOCHAVI = ActorRef("person:kochavi", "Aviv Kochavi", "person", "ISR")
MILLEY = ActorRef("person:milley", "Mark Milley", "person", "USA")
BIDEN = ActorRef("person:biden", "Joe Biden", "person", "USA")
XI = ActorRef("person:xi", "Xi Jinping", "person", "CHN")
RUSSIA = ActorRef("state:RUS", "Russie", "state", "RUS")
UKRAINE = ActorRef("state:UKR", "Ukraine", "state", "UKR")
ARMY = ActorRef("org:russian-army", "armée russe", "organisation", "RUS")
RULES = MergeRules(is_country=lambda place: place in {"Ukraine", "Russie"})


def _event(
    text: str, sentence: str, kind: str, src: tuple[ActorRef, ...], tgt: tuple[ActorRef, ...],
    date: PartialDate | None, place: str | None,
) -> Event:  # fmt: skip
    start = text.index(sentence)
    return Event(kind, src, tgt, "occurred", start, start + len(sentence), sentence, "x",
                 date=date, location=place)  # fmt: skip


def _record(
    text: str,
    published: PartialDate | None,
    events: list[tuple[object, ...]],
    speaker: ActorRef | None = None,
) -> ArticleRecord:
    article = from_text(text, name=text[:12])
    built = tuple(_event(text, *e) for e in events)  # type: ignore[arg-type]
    people = tuple(
        PersonRecord(a.name, a.actor_id, country=a.country, role="général")
        for a in {a for e in built for a in (*e.source, *e.target) if a.kind == "person"}
    )
    quote = text.index("« ") + 2 if "«" in text else None
    quotes = ()
    if quote is not None:
        end = text.index(" »")
        quotes = (Quote(quote, end, text[quote:end], speaker),)
    return ArticleRecord(article=article, events=built, people=people, quotes=quotes,
                         published=published)  # fmt: skip


A_TEXT = "Kochavi a rencontré Milley lundi au Pentagone. L'armée russe a frappé l'Ukraine."
B_TEXT = "Milley et Kochavi se sont réunis au Pentagone. Kochavi : « nous sommes prêts »."
C_TEXT = "Joe Biden a rencontré Xi Jinping mercredi 15 novembre."
ARTICLES = (
    _record(A_TEXT, PartialDate(2022, 11, 22), [
        ("Kochavi a rencontré Milley lundi au Pentagone.", "CONSULT", (KOCHAVI,), (MILLEY,),
         PartialDate(2022, 11, 21), "Pentagone"),
        ("L'armée russe a frappé l'Ukraine.", "ASSAULT", (ARMY,), (UKRAINE,),
         PartialDate(2022, 11), "Ukraine"),
    ]),
    _record(B_TEXT, None, [
        ("Milley et Kochavi se sont réunis au Pentagone.", "CONSULT", (MILLEY,), (KOCHAVI,),
         None, "Pentagone"),
    ], speaker=KOCHAVI),
    _record(C_TEXT, PartialDate(2023, 11), [
        (C_TEXT, "CONSULT", (BIDEN,), (XI,), PartialDate(2023, 11, 15), None),
    ]),
)  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A store of each backend holding the three articles."""
    if request.param == "sqlite":
        url = str(tmp_path / "q.db")
    else:
        url = str(request.getfixturevalue("pg_database"))
    with Store.open(url, rules=RULES) as opened:
        for record in ARTICLES:
            opened.add(record)
        yield opened


def _summary(store: Store) -> list[tuple[object, ...]]:
    return [
        (
            r.type,
            r.date,
            r.location,
            r.n_sources,
            tuple(sorted(a.name for a in r.source + r.target)),
        )
        for r in store.timeline()
    ]


def test_one_meeting_reported_twice_is_one_event_with_two_sources(store: Store) -> None:
    assert _summary(store) == [
        ("ASSAULT", "2022-11", "Ukraine", 1, ("Ukraine", "armée russe")),
        ("CONSULT", "2022-11-21", "Pentagone", 2, ("Aviv Kochavi", "Mark Milley")),
        ("CONSULT", "2023-11-15", None, 1, ("Joe Biden", "Xi Jinping")),
    ]
    meeting = store.timeline(TimelineFilter(type="CONSULT"))[0]
    sentences = [e.evidence for e in store.evidence(meeting.event_id)]
    assert sorted(sentences) == sorted(
        ["Kochavi a rencontré Milley lundi au Pentagone.",
         "Milley et Kochavi se sont réunis au Pentagone."]
    )  # fmt: skip


def test_events_do_not_depend_on_ingestion_order(tmp_path: Path) -> None:
    expected = None
    for i, order in enumerate(itertools.permutations(ARTICLES)):
        with Store.open(tmp_path / f"o{i}.db", rules=RULES) as store:
            for record in order:
                store.add(record)
            got = [
                (r.event_id, *row) for r, row in zip(store.timeline(), _summary(store), strict=True)
            ]
        expected = expected or got
        assert got == expected


def test_removing_a_source_splits_the_count(store: Store) -> None:
    b = ARTICLES[1].article.id
    assert store.remove(b)
    meeting = store.timeline(TimelineFilter(type="CONSULT"))[0]
    assert meeting.n_sources == 1
    assert store.count_events() == 3


def test_timeline_filters(store: Store) -> None:
    def types(where: TimelineFilter) -> list[str | None]:
        return [r.date for r in store.timeline(where)]

    milley = tuple(store.find_actors("milley"))
    assert milley == ("person:milley",)
    assert types(TimelineFilter(actor_ids=milley)) == ["2022-11-21"]
    assert types(TimelineFilter(country="CHN")) == ["2023-11-15"]
    assert types(TimelineFilter(country="RUS")) == ["2022-11"]
    assert types(TimelineFilter(type="assault")) == ["2022-11"]
    assert types(TimelineFilter(since=dt.date(2023, 1, 1))) == ["2023-11-15"]
    assert types(TimelineFilter(until=dt.date(2022, 11, 30))) == ["2022-11", "2022-11-21"]
    assert store.count_events(TimelineFilter(country="USA")) == 2


def test_actor_profile(store: Store) -> None:
    profile = store.actor("person:kochavi")
    assert profile is not None
    assert [c.name for c, _n in profile.counterparts] == ["Mark Milley"]
    assert [e.date for e in profile.events] == ["2022-11-21"]
    assert [q.text for q in profile.quotes] == ["nous sommes prêts"]
    assert [r.role for r in profile.roles] == ["général"]
    top = store.actors(limit=1)[0]
    assert top.actor_id in {"person:kochavi", "person:milley"}
    assert top.n_events == 1


def test_dyadic_table_and_exports(store: Store, tmp_path: Path) -> None:
    rows = list(dyads(store))
    assert [(d.source, d.target, d.n_sources) for d in rows] == [
        ("armée russe", "Ukraine", 1),
        ("Aviv Kochavi", "Mark Milley", 2),
        ("Joe Biden", "Xi Jinping", 1),
    ]
    buffer = io.StringIO()
    assert export(store, "csv", buffer) == 3
    table = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert table[1]["source_country"] == "ISR" and table[1]["target_country"] == "USA"
    lines = io.StringIO()
    assert export(store, "jsonl", lines) == 3
    assert {json.loads(line)["doc"] for line in lines.getvalue().splitlines()} == {
        r.article.doc_name for r in ARTICLES
    }
    assert export(store, "parquet", tmp_path / "d.parquet") == 3
    assert pq.read_table(tmp_path / "d.parquet").column("type").to_pylist()[0] == "ASSAULT"
    assert export(store, "graphml", tmp_path / "n.graphml") == 3
    graph = nx.read_graphml(tmp_path / "n.graphml")
    assert graph.edges["person:kochavi", "person:milley"]["events"] == 1
    assert graph.nodes["person:xi"]["country"] == "CHN"


def test_stored_actors_do_not_depend_on_ingestion_order(tmp_path: Path) -> None:
    from sqlalchemy import select

    from veilleur.store import schema

    def actor_rows(order: tuple[ArticleRecord, ...], name: str) -> list[tuple[object, ...]]:
        with Store.open(tmp_path / name, rules=RULES) as store, store.engine.connect() as conn:
            for record in order:
                store.add(record)
            return [tuple(r) for r in conn.execute(select(schema.actors).order_by("id"))]

    butler_a = ActorRef("new:butler", "Butler", "person", None)
    butler_b = ActorRef("new:butler", "Dave Butler", "person", "USA")
    texts = ("Butler a rencontré Kochavi.", "Dave Butler a rencontré Kochavi à Tel-Aviv.")
    records = tuple(
        _record(t, None, [(t, "CONSULT", (b,), (KOCHAVI,), None, None)])
        for t, b in zip(texts, (butler_a, butler_b), strict=True)
    )
    forward = actor_rows(records, "f.db")
    assert forward == actor_rows(tuple(reversed(records)), "r.db")
    butler = next(r for r in forward if r[0] == "new:butler")
    assert butler[1] == "Dave Butler" and butler[3] == "USA"
