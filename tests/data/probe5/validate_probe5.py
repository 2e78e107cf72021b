"""Check the probe5 files: gold parses, evidence is verbatim, clusters join same-type events."""

import json
import sys
from pathlib import Path

TYPES = {
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
}
STATUSES = {"occurred", "planned", "reported"}


def check(folder: Path) -> list[str]:
    """Return every problem found in the folder's gold.jsonl and eval_merge_clusters.json."""
    problems: list[str] = []
    gold: dict[str, dict[str, object]] = {}
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    # A name some article lists as a person must be in the people of every doc using it.
    everyone = {p["name"] for line in lines for p in json.loads(line)["people"]}
    for n, line in enumerate(lines, 1):
        rec = json.loads(line)
        doc = rec["doc"]
        gold[doc] = rec
        path = folder / doc
        if not path.exists():
            problems.append(f"line {n}: {doc} does not exist")
            continue
        text = path.read_text(encoding="utf-8")
        names = {p["name"] for p in rec["people"]}
        for p in rec["people"]:
            country = p["country"]
            if country is not None and (len(country) != 3 or not country.isupper()):
                problems.append(f"{doc}: bad country {country!r} for {p['name']}")
        for i, ev in enumerate(rec["events"]):
            if ev["type"] not in TYPES:
                problems.append(f"{doc}#{i}: bad type {ev['type']}")
            if ev["status"] not in STATUSES:
                problems.append(f"{doc}#{i}: bad status {ev['status']}")
            if ev["evidence"] not in text:
                problems.append(f"{doc}#{i}: evidence not verbatim: {ev['evidence'][:60]}")
            for actor in ev["source"] + ev["target"]:
                if actor in everyone and actor not in names:
                    problems.append(f"{doc}#{i}: person {actor!r} acts but is not in people")
        for q in rec["quotes"]:
            if q["text"] not in text:
                problems.append(f"{doc}: quote not verbatim: {q['text'][:60]}")
            if len(q["text"].split()) < 3:
                problems.append(f"{doc}: quote under three words: {q['text']}")
    clusters = json.loads((folder / "eval_merge_clusters.json").read_text(encoding="utf-8"))
    if not clusters.get("note"):
        problems.append("clusters: no note")
    for c in clusters["clusters"]:
        types = set()
        for doc, idx in c:
            if doc not in gold:
                problems.append(f"cluster {c}: unknown doc {doc}")
                continue
            events = gold[doc]["events"]
            assert isinstance(events, list)
            if not 0 <= idx < len(events):
                problems.append(f"cluster {c}: no event {idx} in {doc}")
                continue
            types.add(events[idx]["type"])
        if len(types) > 1:
            problems.append(f"cluster {c}: mixed types {types}")
        if len(c) < 2:
            problems.append(f"cluster {c}: fewer than two events")
    return problems


if __name__ == "__main__":
    found = check(Path(__file__).parent)
    sys.stdout.write("\n".join(found) + ("\n" if found else "probe5 files are valid\n"))
    sys.exit(1 if found else 0)
