"""One person across outlets that write their name more or less fully (invented people)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from veilleur.evaluate import merged_clusters
from veilleur.records import ActorRef, Article, ArticleRecord, Event, Origin, PartialDate
from veilleur.store import Store
from veilleur.store import schema as s
from veilleur.store.identity import compatible


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Amadou Diallo", "Amadou Seydou Diallo Kane", True),  # the final part dropped
        ("Diallo", "Amadou Seydou Diallo Kane", True),
        ("Lucía Pérez", "Lucía Pérez Gómez", True),  # a second surname dropped
        ("Pérez Gómez", "María Lucía Pérez Gómez", True),  # a compound surname alone
        ("Seydou Diallo", "Amadou Seydou Diallo Kane", False),  # another given name
        ("Seydou", "Amadou Seydou Diallo Kane", False),  # a middle name is no family name
        ("Park Min-ho", "Park Min-su", False),  # two people of one family
        ("Tomás Gómez", "Lucía Pérez Gómez", False),
        ("Dave Okafor", "David Okafor", True),
    ],
)
def test_compatible_names(a: str, b: str, same: bool) -> None:
    assert compatible(a, b) is same
    assert compatible(b, a) is same


def _record(doc: str, first: ActorRef, second: ActorRef) -> ArticleRecord:
    article = Article(id=f"id-{doc}", text=doc, content=doc, origin=Origin(doc), name=doc)
    meeting = Event("CONSULT", (first,), (second,), "occurred", 0, 1, "", "rencontre",
                    mode="meet", date=PartialDate(2024, 2, 6), location="Dakar")  # fmt: skip
    return ArticleRecord(article=article, events=(meeting,))


def test_the_store_keeps_one_actor_for_a_fuller_name_and_merges_their_meeting() -> None:
    short = _record(
        "a.txt",
        ActorRef("new:a1", "Amadou Diallo", "person", "SEN"),
        ActorRef("new:a2", "Lucía Pérez", "person", "COL"),
    )
    full = _record(
        "b.txt",
        ActorRef("new:b1", "Lucía Pérez Gómez", "person", "COL"),
        ActorRef("new:b2", "Amadou Seydou Diallo Kane", "person", None),
    )
    for order in ([short, full], [full, short]):
        assert sorted(sorted(c) for c in merged_clusters(order)) == [[("a.txt", 0), ("b.txt", 0)]]
    with Store.open(":memory:") as store:
        store.add(short)
        store.add(full)
        with store.engine.connect() as conn:
            names = sorted(conn.execute(select(s.actors.c.name)).scalars())
    assert names == ["Amadou Seydou Diallo Kane", "Lucía Pérez Gómez"]
