"""Check the probe3 corpus files: gold syntax, verbatim evidence and quotes, people names, clusters.

Run from the repository root: `python tests/data/probe3/validate_probe3.py`; exits 1 on any problem.
It reads only the corpus files (never veilleur's output), so the annotation stays blind.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TYPES = frozenset(
    [
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    ]
)
STATUSES = frozenset({"occurred", "planned", "reported"})
FROM = frozenset({"header", "text", "inferred", None})
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EVENT_KEYS = {"type", "source", "target", "date", "location", "status", "evidence"}


def _check_event(doc: str, index: int, event: dict[str, Any], article: str) -> list[str]:
    where = f"{doc} event {index}"
    problems = [f"{where}: missing {key}" for key in sorted(EVENT_KEYS - event.keys())]
    if problems:
        return problems
    if event["type"] not in TYPES:
        problems.append(f"{where}: unknown type {event['type']!r}")
    if event["status"] not in STATUSES:
        problems.append(f"{where}: unknown status {event['status']!r}")
    if event["date"] is not None and not DATE.match(event["date"]):
        problems.append(f"{where}: bad date {event['date']!r}")
    if not event["source"]:
        problems.append(f"{where}: empty source")
    if event["evidence"] not in article:
        problems.append(f"{where}: evidence not verbatim in the article")
    return problems


def _check_doc(record: dict[str, Any]) -> list[str]:
    doc = record["doc"]
    path = HERE / doc
    if not path.is_file():
        return [f"{doc}: no such article"]
    article = path.read_text(encoding="utf-8")
    problems: list[str] = []
    words = len(article.split())
    if not 150 <= words <= 350:
        problems.append(f"{doc}: {words} words, outside 150-350")
    published = record.get("published")
    if published is not None and not DATE.match(published):
        problems.append(f"{doc}: bad published {published!r}")
    if record.get("published_from") not in FROM:
        problems.append(f"{doc}: bad published_from {record.get('published_from')!r}")
    for person in record["people"]:
        if person["name"] not in article:
            problems.append(f"{doc}: person {person['name']!r} not written so in the article")
        if person["country"] is not None and not re.fullmatch(r"[A-Z]{3}", person["country"]):
            problems.append(f"{doc}: bad country for {person['name']!r}")
    for index, event in enumerate(record["events"]):
        problems.extend(_check_event(doc, index, event, article))
    for quote in record["quotes"]:
        if quote["text"] not in article:
            problems.append(f"{doc}: quote not verbatim: {quote['text'][:40]!r}")
        if len(quote["text"].split()) < 3:
            problems.append(f"{doc}: quote under three words: {quote['text']!r}")
    return problems


def _check_clusters(gold: dict[str, dict[str, Any]]) -> list[str]:
    data = json.loads((HERE / "eval_merge_clusters.json").read_text(encoding="utf-8"))
    problems: list[str] = []
    if not isinstance(data.get("note"), str) or not isinstance(data.get("clusters"), list):
        return ["eval_merge_clusters.json: needs a 'note' string and a 'clusters' list"]
    seen: set[tuple[str, int]] = set()
    for number, cluster in enumerate(data["clusters"], start=1):
        types = set()
        docs = set()
        for doc, index in cluster:
            if doc not in gold:
                problems.append(f"cluster {number}: unknown doc {doc}")
                continue
            events = gold[doc]["events"]
            if not 0 <= index < len(events):
                problems.append(f"cluster {number}: {doc} has no event {index}")
                continue
            if (doc, index) in seen:
                problems.append(f"cluster {number}: {doc}#{index} is in two clusters")
            seen.add((doc, index))
            types.add(events[index]["type"])
            docs.add(doc)
        if len(types) > 1:
            problems.append(f"cluster {number}: mixed types {sorted(types)}")
        if len(cluster) < 2 or len(docs) < 2:
            problems.append(f"cluster {number}: needs events of at least two articles")
    return problems


def main() -> int:
    """Print every problem found and return the exit status."""
    gold: dict[str, dict[str, Any]] = {}
    problems: list[str] = []
    lines = (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"gold.jsonl line {number}: {exc}")
            continue
        gold[record["doc"]] = record
        problems.extend(_check_doc(record))
    articles = {path.name for path in HERE.glob("*.txt")}
    problems.extend(f"{name}: article without gold" for name in sorted(articles - gold.keys()))
    problems.extend(_check_clusters(gold))
    for problem in problems:
        sys.stderr.write(problem + "\n")
    events = sum(len(record["events"]) for record in gold.values())
    sys.stdout.write(f"{len(gold)} articles, {events} events, {len(problems)} problems\n")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
