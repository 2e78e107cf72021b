"""The store on SQLite and PostgreSQL: idempotence, one transaction per article, resume,
migrations, and the FORMAT.md record rebuilt from the database."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from veilleur.errors import StoreError
from veilleur.readers import from_text
from veilleur.records import (
    ActorRef,
    ArticleRecord,
    Event,
    Mention,
    Origin,
    PartialDate,
    PersonRecord,
    Quote,
)
from veilleur.store import MIGRATIONS, Migration, Store, applied, migrate, resolve_url, schema
from veilleur.store.migrations import add_column

GALLANT = ActorRef("person:yoav-gallant", "Yoav Gallant", "person", "ISR")
KURILLA = ActorRef("person:michael-kurilla", "Michael Kurilla", "person", "USA")
IRAN = ActorRef("state:IRN", "Iran", "state", "IRN")


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make_record(n: int, *, kurilla_role: str | None = None) -> ArticleRecord:
    """A small analysed article; `n` makes its text (and so its id) unique."""
    text = (
        f" date 2024-08 Dépêche numéro {n}.\n"
        "Yoav Gallant a rencontré Michael Kurilla lundi à Tel-Aviv. "
        "Gallant a déclaré : « La relation est inébranlable et durable ». "
        "Gallant a accusé l'Iran."
    )
    article = from_text(text, origin=Origin("dev.jsonl", n + 1), name=f"doc-{n}.txt")
    meet = _span(text, "Yoav Gallant a rencontré Michael Kurilla lundi à Tel-Aviv.")
    accuse = _span(text, "Gallant a accusé l'Iran.")
    quote = _span(text, "La relation est inébranlable et durable")
    g1, g2 = _span(text, "Yoav Gallant"), _span(text, "Gallant a déclaré")
    g2 = (g2[0], g2[0] + len("Gallant"))
    k1, i1 = _span(text, "Michael Kurilla"), _span(text, "Iran")
    return ArticleRecord(
        article=article,
        people=(
            PersonRecord(
                "Yoav Gallant",
                GALLANT.actor_id,
                ("Yoav Galant",),
                "ISR",
                "ministre de la Défense",
                (g1, g2),
            ),
            PersonRecord("Michael Kurilla", KURILLA.actor_id, (), "USA", kurilla_role, (k1,)),
        ),
        mentions=(
            Mention(*g1, "Yoav Gallant", GALLANT.actor_id, "Yoav Gallant", "person", "ISR"),
            Mention(*g2, "Gallant", GALLANT.actor_id, "Yoav Gallant", "person", "ISR", how="kb"),
            Mention(*k1, "Michael Kurilla", KURILLA.actor_id, "Michael Kurilla", "person"),
            Mention(*i1, "Iran", IRAN.actor_id, "Iran", "state", "IRN"),
        ),
        events=(
            Event(
                "CONSULT",
                (GALLANT,),
                (KURILLA,),
                "occurred",
                *meet,
                text[slice(*meet)],
                "rencontré",
                mode="meet",
                date=PartialDate(2024),
                date_from="text",
                location="Tel-Aviv",
                confidence=0.8125,
            ),
            Event(
                "ACCUSE",
                (GALLANT,),
                (IRAN,),
                "reported",
                *accuse,
                text[slice(*accuse)],
                "accusé",
                date=PartialDate(2024, 8),
                date_from="published",
            ),
        ),
        quotes=(
            Quote(*quote, text[slice(*quote)], GALLANT, cue="déclaré"),
            Quote(*quote, text[slice(*quote)], None),
        ),
        published=PartialDate(2024, 8),
        published_from="header",
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "veilleur.db")
    return str(request.getfixturevalue("pg_database"))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """The store opened on a fresh database."""
    with Store.open(db_url) as opened:
        yield opened


def test_add_then_record_round_trip(store: Store) -> None:
    record = make_record(1)
    assert store.add(record) == "new"
    assert store.has(record.article.id)
    assert store.record(record.article.id) == record.as_dict()
    rebuilt = store.article_record(record.article.id)
    assert rebuilt.article.content == record.article.content

    # Mentions come back with their actor's stored attributes; what the text said is kept.
    def said(m: Mention) -> tuple[object, ...]:
        return (m.start, m.end, m.text, m.actor_id, m.how)

    assert [said(m) for m in rebuilt.mentions] == [said(m) for m in record.mentions]
    assert rebuilt.events == record.events
    assert rebuilt.quotes == record.quotes


def test_add_is_idempotent(store: Store) -> None:
    record = make_record(2)
    assert store.add(record) == "new"
    before = store.counts()
    assert store.add(record) == "stored"
    assert store.counts() == before
    assert before == {
        "articles": 1, "actors": 3, "mentions": 4, "people": 2, "events": 2, "event_actors": 4,
            "reports": 2,
        "quotes": 2, "runs": 0,
    }  # fmt: skip


def test_failed_add_leaves_nothing_of_that_article(store: Store) -> None:
    good = make_record(3)
    broken_mention = Mention(0, 4, None, "person:nobody", "Nobody", "person")  # type: ignore[arg-type]
    broken = ArticleRecord(
        article=good.article, people=good.people, events=good.events,
        mentions=(*good.mentions, broken_mention), published=good.published,
    )  # fmt: skip
    with pytest.raises(IntegrityError):
        store.add(broken)
    assert not store.has(good.article.id)
    assert set(store.counts().values()) == {0}
    assert store.add(good) == "new"


def test_interrupted_ingest_resumes_without_duplicates(db_url: str) -> None:
    records = [make_record(10 + i) for i in range(5)]

    def ingest(store: Store, *, crash_after: int | None) -> list[str]:
        statuses: list[str] = []
        for i, record in enumerate(records):
            if i == crash_after:
                raise KeyboardInterrupt
            statuses.append(store.add(record))
        return statuses

    with Store.open(db_url) as store, pytest.raises(KeyboardInterrupt):
        ingest(store, crash_after=3)
    with Store.open(db_url) as store:
        assert [store.has(r.article.id) for r in records] == [True] * 3 + [False] * 2
        assert ingest(store, crash_after=None) == ["stored"] * 3 + ["new"] * 2
        counts = store.counts()
    assert (counts["articles"], counts["reports"], counts["quotes"]) == (5, 10, 10)


CRASHING_INGEST = """
import os, pickle, sys
from veilleur.store import Store, store as store_module
records = pickle.load(open(sys.argv[2], "rb"))
store = Store.open(sys.argv[1])
for record in records[:3]:
    store.add(record)
def die(conn, rows):
    os._exit(3)  # the process dies inside the 4th article's transaction
store_module._insert_rest = die
store.add(records[3])
"""


def test_killed_process_keeps_committed_articles_only(db_url: str, tmp_path: Path) -> None:
    records = [make_record(100 + i) for i in range(5)]
    dump = tmp_path / "records.pickle"
    dump.write_bytes(pickle.dumps(records))
    child = subprocess.run(
        [sys.executable, "-c", CRASHING_INGEST, db_url, str(dump)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert child.returncode == 3, child.stderr
    with Store.open(db_url) as store:
        assert [store.has(r.article.id) for r in records] == [True] * 3 + [False] * 2
        assert store.counts()["actors"] == 3
        assert [store.add(r) for r in records] == ["stored"] * 3 + ["new"] * 2
        assert store.counts()["reports"] == 10


def test_concurrent_adds_of_one_article_store_it_once(store: Store) -> None:
    record = make_record(20)
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(store.add(record))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["new", "stored", "stored", "stored"]
    assert store.counts()["reports"] == 2


def test_remove_deletes_the_article_and_lets_it_be_added_again(store: Store) -> None:
    kept, removed = make_record(90), make_record(91)
    store.add(kept)
    before = store.counts()
    store.add(removed)
    assert store.remove(removed.article.id) is True
    assert store.remove(removed.article.id) is False
    assert store.counts() == before
    assert store.record(kept.article.id) == kept.as_dict()
    assert store.add(removed) == "new"
    assert store.record(removed.article.id) == removed.as_dict()


def test_actors_are_shared_and_completed_across_articles(store: Store) -> None:
    store.add(make_record(30))
    store.add(make_record(31, kurilla_role="commandant du CENTCOM"))
    assert store.counts()["actors"] == 3
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(schema.actors).order_by(schema.actors.c.id)).all()
    by_id = {row.id: row for row in rows}
    assert by_id[KURILLA.actor_id].role == "commandant du CENTCOM"
    assert by_id[GALLANT.actor_id].aliases == '["Yoav Galant"]'
    assert by_id[IRAN.actor_id].kind == "state"


def test_events_are_found_by_date_range(store: Store) -> None:
    store.add(make_record(40))
    e = schema.events
    august = sa.select(e.c.type).where(e.c.date_start >= "2024-08-01", e.c.date_end <= "2024-08-31")
    whole_year = sa.select(e.c.type).where(
        e.c.date_start <= "2024-08-05", e.c.date_end >= "2024-08-05"
    )
    with store.engine.connect() as conn:
        assert conn.execute(august).scalars().all() == ["ACCUSE"]
        assert sorted(conn.execute(whole_year).scalars()) == ["ACCUSE", "CONSULT"]


def test_each_report_is_its_own_event_until_merged(store: Store) -> None:
    record = make_record(45)
    store.add(record)
    r, e = schema.reports, schema.events
    query = sa.select(r.c.id, r.c.event_id, e.c.type, e.c.first_seen, e.c.n_sources).join(
        e, e.c.id == r.c.event_id
    )
    with store.engine.connect() as conn:
        rows = conn.execute(query.order_by(r.c.ord)).all()
    aid = record.article.id
    assert [tuple(row) for row in rows] == [
        (f"{aid}-r000", f"{aid}-r000", "CONSULT", "2024-08", 1),
        (f"{aid}-r001", f"{aid}-r001", "ACCUSE", "2024-08", 1),
    ]


def test_runs_are_recorded(store: Store) -> None:
    run_id = store.start_run("ingest", {"paths": [Path("a.jsonl")], "db": None})
    record = make_record(50)
    assert store.add(record, run_id=run_id) == "new"
    store.finish_run(run_id, n_read=2, n_new=1, n_stored=0, n_failed=1, failures=["E001 x"])
    run = store.run(run_id)
    assert run is not None
    assert (run.command, run.args, run.n_read, run.n_new, run.n_failed, run.failures) == (
        "ingest", {"paths": ["a.jsonl"], "db": None}, 2, 1, 1, ("E001 x",),
    )  # fmt: skip
    assert run.finished_at is not None
    row = store.article(record.article.id)
    assert row is not None and row.run_id == run_id
    assert store.run(run_id + 1) is None


def test_article_lookup_by_prefix_and_listing(store: Store) -> None:
    records = [make_record(60 + i) for i in range(3)]
    for record in records:
        store.add(record)
    first = records[0].article.id
    row = store.article(first[:10])
    assert row is not None
    assert (row.id, row.doc, row.published, row.published_precision) == (
        first, "doc-60.txt", "2024-08", "month",
    )  # fmt: skip
    assert (row.origin, row.origin_line) == ("dev.jsonl", 61)
    assert (row.n_people, row.n_events, row.n_quotes) == (2, 2, 2)
    assert store.article("") is None
    assert store.article("zz") is None
    listed = store.articles(limit=2) + store.articles(limit=2, offset=2)
    assert sorted(r.id for r in listed) == sorted(r.article.id for r in records)
    with pytest.raises(StoreError, match=r"^E203"):
        store.record("zz")


def test_migrations_are_recorded_and_reopening_changes_nothing(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.add(make_record(70))
        with store.engine.connect() as conn:
            assert applied(conn) == [m.name for m in MIGRATIONS]
        assert migrate(store.engine) == []
    with Store.open(db_url) as store:
        assert store.counts()["articles"] == 1
        with store.engine.connect() as conn:
            assert applied(conn) == [m.name for m in MIGRATIONS]


def test_missing_migrations_are_applied_once(store: Store) -> None:
    column = sa.Column("sentiment", sa.Float)
    extra = Migration("0002_sentiment", lambda conn: add_column(conn, "reports", column))
    assert migrate(store.engine, migrations=[*MIGRATIONS, extra]) == ["0002_sentiment"]
    assert migrate(store.engine, migrations=[*MIGRATIONS, extra]) == []
    names = {c["name"] for c in sa.inspect(store.engine).get_columns("reports")}
    assert "sentiment" in names


def test_database_from_a_newer_veilleur_raises_e202(db_url: str) -> None:
    with Store.open(db_url) as store, store.engine.begin() as conn:
        conn.execute(schema.migrations.insert().values(name="9999_future", applied_at="x"))
    with pytest.raises(StoreError, match=r"^E202 .*9999_future"):
        Store.open(db_url)


def test_urls_and_open_errors(tmp_path: Path) -> None:
    assert resolve_url(None) == "sqlite:///veilleur.db"
    assert resolve_url("/data/v.db") == resolve_url(Path("/data/v.db")) == "sqlite:////data/v.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("sqlite:///x.db") == "sqlite:///x.db"
    with pytest.raises(StoreError, match=r"^E201 .*unsupported"):
        Store.open("mysql://u@h/db")
    with pytest.raises(StoreError, match=r"^E201"):
        Store.open(str(tmp_path / "no" / "such" / "dir" / "v.db"))
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_bytes(b"this is not a database file, just text" * 100)
    with pytest.raises(StoreError, match=r"^E201"):
        Store.open(str(not_a_db))


def test_in_memory_database_works() -> None:
    with Store.open(":memory:") as store:
        assert store.add(make_record(80)) == "new"
        assert store.counts()["articles"] == 1


def test_postgres_fixture_fails_saying_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import glob
    import shutil

    from tests import pg

    monkeypatch.setattr(glob, "glob", lambda _pattern: [])
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(pytest.fail.Exception, match="apt-get install postgresql"):
        pg._bin_dir()


def _person_record(n: int, name: str, actor_id: str, country: str | None = None) -> ArticleRecord:
    """An article naming one person (`actor_id`) who accuses Iran; `n` makes it unique."""
    text = f"Dépêche {n}. {name} a accusé l'Iran de mentir."
    article = from_text(text, origin=Origin("learnt.jsonl", n), name=f"learnt-{n}.txt")
    person = ActorRef(actor_id, name, "person", country)
    span = _span(text, name)
    accuse = _span(text, f"{name} a accusé l'Iran de mentir.")
    return ArticleRecord(
        article=article,
        people=(PersonRecord(name, actor_id, (), country, None, (span,)),),
        mentions=(Mention(*span, name, actor_id, name, "person", country, how="name"),),
        events=(
            Event(
                "ACCUSE", (person,), (IRAN,), "occurred", *accuse, text[slice(*accuse)], "accusé"
            ),
        ),
        quotes=(),
    )


def _people_ids(store: Store) -> dict[str, set[str]]:
    """Stored person id -> the ids every table refers to it by (mentions, people, reports)."""
    with store.engine.connect() as conn:
        persons = conn.execute(
            sa.select(schema.actors.c.id, schema.actors.c.name).where(
                schema.actors.c.kind == "person"
            )
        ).all()
        used = {
            *conn.scalars(sa.select(schema.mentions.c.actor_id)),
            *conn.scalars(sa.select(schema.people.c.actor_id)),
            *conn.scalars(sa.select(schema.report_actors.c.actor_id)),
            *conn.scalars(sa.select(schema.event_actors.c.actor_id)),
        }
    return {row.id: {row.name} | ({"used"} if row.id in used else set()) for row in persons}


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_a_new_person_met_again_in_another_article_is_one_actor(
    store: Store, order: tuple[int, int]
) -> None:
    records = [
        _person_record(50, "Maria Konstantinou", "new:maria-konstantinou", "GRC"),
        _person_record(51, "Konstantinou", "new:konstantinou"),
    ]
    for i in order:
        store.add(records[i])
    # whichever came first, the fuller name's id survives, used by every table
    assert _people_ids(store) == {"new:maria-konstantinou": {"Maria Konstantinou", "used"}}
    assert not {i for i in _all_actor_refs(store) if i == "new:konstantinou"}


def _all_actor_refs(store: Store) -> set[str]:
    with store.engine.connect() as conn:
        return {
            *conn.scalars(sa.select(schema.mentions.c.actor_id)),
            *conn.scalars(sa.select(schema.report_actors.c.actor_id)),
            *conn.scalars(sa.select(schema.event_actors.c.actor_id)),
        }


def test_a_familiar_given_name_or_an_initial_is_the_same_person(store: Store) -> None:
    store.add(_person_record(52, "Nick Halvorsen", "new:nick-halvorsen"))
    store.add(_person_record(53, "Nicholas Halvorsen", "new:nicholas-halvorsen"))
    store.add(_person_record(54, "N. Halvorsen", "new:n-halvorsen"))
    assert set(_people_ids(store)) == {"new:nicholas-halvorsen"}


def test_people_who_may_be_different_stay_apart(store: Store) -> None:
    # two given names, two countries, two KB people: never merged
    store.add(_person_record(55, "Anna Lindqvist", "new:anna-lindqvist", "SWE"))
    store.add(_person_record(56, "Erik Lindqvist", "new:erik-lindqvist", "SWE"))
    store.add(_person_record(57, "Jan Novak", "new:jan-novak", "CZE"))
    store.add(_person_record(58, "Jan Novak", "person:Q1", "SVK"))
    store.add(_person_record(59, "Paul Okafor", "person:Q2"))
    store.add(_person_record(60, "Paul Okafor", "person:Q3"))
    # a family name alone that two stored people share is left to itself
    store.add(_person_record(61, "Lindqvist", "new:lindqvist"))
    assert set(_people_ids(store)) == {
        "new:anna-lindqvist", "new:erik-lindqvist", "new:jan-novak", "person:Q1",
        "person:Q2", "person:Q3", "new:lindqvist",
    }  # fmt: skip


def test_a_new_person_named_like_one_kb_person_takes_the_kb_id(store: Store) -> None:
    store.add(_person_record(62, "Okonjo", "new:okonjo"))
    store.add(_person_record(63, "Ngozi Okonjo", "person:Q9", "NGA"))
    assert _people_ids(store) == {"person:Q9": {"Ngozi Okonjo", "used"}}


def test_a_new_body_named_like_a_kb_body_gets_its_id(store: Store) -> None:
    record = _person_record(64, "Ngozi Okonjo", "person:Q9", "NGA")
    body = ActorRef("new:0123456789", "Quai d'Orsay", "organisation")
    army = ActorRef("new:9876543210", "armée israélienne", "organisation")
    event = record.events[0]
    record = dataclasses.replace(record, events=(dataclasses.replace(event, target=(body, army)),))
    store.add(record)
    with store.engine.connect() as conn:
        stored = dict(conn.execute(sa.select(schema.actors.c.id, schema.actors.c.country)).all())
    assert stored.get("org:QUAI_D_ORSAY") == "FRA"
    assert "org:IDF" in stored
    assert not [i for i in stored if i.startswith("new:")]


def test_a_name_the_kb_gives_several_people_is_not_claimed_by_one(store: Store) -> None:
    # the shipped base knows more than one person named Kim: a stored "Kim" stays apart
    store.add(_person_record(65, "Kim", "new:kim"))
    store.add(_person_record(66, "Jisoo Kim", "person:Q77", "KOR"))
    assert set(_people_ids(store)) == {"new:kim", "person:Q77"}
