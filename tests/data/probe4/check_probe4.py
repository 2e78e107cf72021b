"""Check probe4's files: gold parses, evidence and quotes are verbatim, clusters are sound."""

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def check_article(record: dict[str, object]) -> None:
    """Assert one gold record agrees with its article."""
    doc = str(record["doc"])
    text = (HERE / doc).read_text(encoding="utf-8")
    published = record["published"]
    assert published is None or DATE.fullmatch(str(published)), doc
    assert record["published_from"] in {"header", "text", "inferred"}, doc
    if text.startswith(" date "):
        assert str(published).startswith(text[6:13]), doc
    else:
        assert record["published_from"] != "header", doc
    for person in record["people"]:  # type: ignore[attr-defined]
        assert set(person) == {"name", "aliases", "country", "role"}, person
        assert person["country"] is None or re.fullmatch(r"[A-Z]{3}", person["country"])
    for event in record["events"]:  # type: ignore[attr-defined]
        assert event["type"] in TYPES, event
        assert event["status"] in {"occurred", "planned", "reported"}, event
        assert event["source"], event
        assert event["date"] is None or DATE.fullmatch(event["date"]), event
        assert event["evidence"] in text, (doc, event["evidence"])
    for quote in record["quotes"]:  # type: ignore[attr-defined]
        assert quote["text"] in text, (doc, quote["text"])
        assert len(quote["text"].split()) >= 3, quote


def main() -> None:
    """Check every article, then the same-event clusters."""
    lines = (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = {}
    for line in lines:
        record = json.loads(line)
        assert record["doc"] not in gold, record["doc"]
        check_article(record)
        gold[record["doc"]] = record
    assert sorted(gold) == sorted(p.name for p in HERE.glob("*.txt")), "docs differ"
    clusters = json.loads((HERE / "eval_merge_clusters.json").read_text(encoding="utf-8"))
    assert isinstance(clusters["note"], str)
    for cluster in clusters["clusters"]:
        assert len(cluster) >= 2, cluster
        assert len({doc for doc, _ in cluster}) == len(cluster), cluster
        assert len({gold[doc]["events"][i]["type"] for doc, i in cluster}) == 1, cluster
    events = sum(len(r["events"]) for r in gold.values())
    print(f"ok: {len(gold)} articles, {events} events, {len(clusters['clusters'])} clusters")


if __name__ == "__main__":
    main()
