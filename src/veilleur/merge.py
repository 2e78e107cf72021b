"""Cross-article event merging: reports of the same real event become one event.

Two reports are the same event when they have the same type, share enough actors, their dates
agree at their precision and their places do not contradict. Clusters grow along those links,
strongest first, and never take two reports of one article: an article that tells a visit
and the meeting held during it tells two events, even where another outlet's single report
could be either. The links and their order depend only on the reports, so the result does
not depend on the order articles arrive in.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from .geo import Level, Located
from .records import PartialDate, Status

_STATUS_RANK: dict[str, int] = {"occurred": 0, "reported": 1, "planned": 2}


def norm(text: str) -> str:
    """Case-, accent-, hyphen- and apostrophe-insensitive form of a name or place."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(bare.replace("-", " ").replace("’", "'").split())


@dataclass(frozen=True, slots=True)
class Report:
    """One event as one article reports it, reduced to what merging compares."""

    key: str
    article_id: str
    type: str
    source: frozenset[str]
    target: frozenset[str]
    date: PartialDate | None = None
    location: str | None = None
    status: Status = "occurred"
    mode: str | None = None
    published: PartialDate | None = None
    negated: bool = False
    people: frozenset[str] = frozenset()  # the participants who are persons
    # (person, "state:<code>" of the state they serve), for reports that name the state
    person_states: frozenset[tuple[str, str]] = frozenset()
    evidence: str = ""  # the sentence that reports it

    @property
    def participants(self) -> frozenset[str]:
        """Every actor of the report, whichever side."""
        return self.source | self.target


@dataclass(frozen=True, slots=True)
class MergedEvent:
    """The fields of a real event, taken from the most precise of its reports."""

    key: str
    type: str
    mode: str | None
    date: PartialDate | None
    location: str | None
    status: Status
    reports: tuple[str, ...]
    articles: tuple[str, ...]
    first_seen: PartialDate | None
    last_seen: PartialDate | None


def _unknown_place(_place: str) -> Located:
    return Located()


@dataclass(frozen=True, slots=True)
class MergeRules:
    """How strict merging is. `is_country` tells a country-level place from a specific one;
    `locate` gives a place's state (ISO code) and level ("Pentagone" -> USA, site), from the
    knowledge base; `same_actor` says when two actor ids are one actor."""

    is_country: Callable[[str], bool] = lambda _place: False
    same_actor: Callable[[str, str], bool] = lambda a, b: a == b
    locate: Callable[[str], Located] = _unknown_place

    def level(self, place: str) -> Level:
        """'state', 'region', 'city', 'site' or 'unknown' (a place the KB does not know)."""
        return "state" if self.is_country(place) else self.locate(place).level


# Acts done to a named person once (a killing): two reports of one by the same side against
# the same person are one act, whatever the precision of their dates.
_ONCE_TO_A_PERSON = frozenset({"ASSAULT"})
# Acts between the same officials that recur (meetings, thanks): without dates to the month,
# only a named site ("Pentagone", not "Tel-Aviv") tells one occasion from the next.
_RECURRING = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE"})
# ids of actors the knowledge base does not know, named from the text's words
_UNKNOWN = "new:"


def _share(a: Iterable[str], b: Iterable[str], rules: MergeRules) -> int:
    """How many actors of `a` have an equal in `b`."""
    pool = list(b)
    return sum(1 for x in a if any(rules.same_actor(x, y) for y in pool))


def dates_agree(a: PartialDate | None, b: PartialDate | None) -> bool:
    """Dates agree when one contains the other at its own precision (unknown agrees)."""
    if a is None or b is None:
        return True
    return a.contains(b) or b.contains(a)


def places_agree(a: str | None, b: str | None, rules: MergeRules) -> bool:
    """Places agree when unknown, equal, contained in one another ("Tel Aviv", "à Tel-Aviv"),
    two names of one place ("Pentagone", "ministère américain de la Défense"), or one lies in
    the other as far as the knowledge base tells: a country or a region and a place of that
    country or one the KB cannot situate, a capital and a seat of that country's government
    ("Washington", "Pentagone").
    Two different sites, cities or regions are two places."""
    if a is None or b is None:
        return True
    na, nb = norm(a), norm(b)
    if na in nb or nb in na:
        return True
    pa, pb = rules.locate(a), rules.locate(b)
    if pa.key is not None and pa.key == pb.key:
        return True  # two names of one place
    if pa.level == pb.level == "unknown" and not (rules.is_country(a) or rules.is_country(b)):
        # Outlets name one landmark with different common nouns ("hôpital pour enfants X",
        # "hôpital pédiatrique X"; "golfe d'Oman", "mer d'Oman"): the proper names decide.
        names_a, names_b = _proper_names(a), _proper_names(b)
        if names_a and names_a == names_b:
            return True
    ca, cb = pa.country, pb.country
    levels = {rules.level(a), rules.level(b)}
    if "state" in levels or ("region" in levels and levels != {"region"}):
        # a country holds every place of its own; a region, as far as we know, its towns, and
        # either may hold a town the KB does not know
        return ca is None or cb is None or ca == cb
    if ca is None or ca != cb or levels != {"city", "site"}:
        return False
    # a seat of government stands in its capital; another building, somewhere in its state
    city, site = (pa, pb) if pa.level == "city" else (pb, pa)
    return site.within is None or site.within == city.key


def _proper_names(place: str) -> frozenset[str]:
    """The capitalised words of a place name after its first word, folded ("Oman")."""
    words = place.replace("’", "'").replace("'", " ").split()[1:]
    return frozenset(norm(w) for w in words if w[:1].isupper())


def _specific(a: Report, b: Report, rules: MergeRules, *, finest: set[Level]) -> bool:
    """True when both reports name agreeing places and the finer is of a level in `finest`."""
    if a.location is None or b.location is None or not places_agree(a.location, b.location, rules):
        return False
    levels = {rules.level(a.location), rules.level(b.location)}
    return bool((levels - {"state", "region"}) & finest)


def _actors_overlap(a: Report, b: Report, rules: MergeRules) -> int:
    """Shared participants, 0 when the sides do not line up for a directed event."""
    if a.type == "CONSULT":
        return _share(a.participants, b.participants, rules)
    if not _share(a.source, b.source, rules):
        return 0
    if a.target and b.target and not _share(a.target, b.target, rules):
        return 0
    return _share(a.participants, b.participants, rules)


def _contained(a: Report, b: Report, rules: MergeRules) -> bool:
    """True when every participant of one report is in the other (two accounts of one
    meeting name the same people, one maybe fewer)."""
    small, big = sorted((a.participants, b.participants), key=len)
    return _share(small, big, rules) == len(small)


def _well_dated(report: Report) -> bool:
    return report.date is not None and report.date.precision != "year"


def _window(report: Report) -> tuple[dt.date, dt.date] | None:
    """The days a report's event fell on: its date to the month or day, else the month of its
    article for a recent act the text dates only vaguely ("lundi" in an article of August
    2024); None for an event dated by its year only, or not at all, in an undated article."""
    if report.date is not None and report.date.precision != "year":
        return report.date.first_day(), report.date.last_day()
    published = report.published
    if published is None or published.precision == "year" or report.status == "planned":
        return None
    if report.date is not None and not report.date.contains(published):
        return None  # a past year recalled ("en 2020"), not this month's news
    month = published.truncate("month")
    return month.first_day(), month.last_day()


def _modes_clash(a: Report, b: Report) -> bool:
    """A call is not a meeting ("phone" against "meet" or "visit")."""
    return a.mode != b.mode and "phone" in (a.mode, b.mode)


def _in_step(a: Report, b: Report) -> bool:
    """True when both reports are dated (by text or article) and their spans meet."""
    wa, wb = _window(a), _window(b)
    return wa is not None and wb is not None and wa[0] <= wb[1] and wb[0] <= wa[1]


def _with_states(a: Report, b: Report, rules: MergeRules) -> MergeRules:
    """The rules for one pair, where a person also matches the state they serve when the
    other report names that state ("Biden et Xi" against "les États-Unis et la Chine")."""
    states = dict(a.person_states | b.person_states)
    base = rules.same_actor

    def same(x: str, y: str) -> bool:
        return base(x, y) or states.get(x) == y or states.get(y) == x

    return replace(rules, same_actor=same)


def _same_day(a: Report, b: Report) -> bool:
    """True when both reports date the event to one and the same day."""
    return (
        a.date is not None
        and a.date.precision == "day"
        and b.date is not None
        and b.date.precision == "day"
        and a.date == b.date
    )


def _words(text: str) -> list[str]:
    """The folded words of a text, punctuation dropped."""
    return re.findall(r"\w+", norm(text))


def _names_place(evidence: str, place: str) -> bool:
    """True when a report's sentence names that place, as whole words."""
    words = _words(place)
    return bool(words) and f" {' '.join(words)} " in f" {' '.join(_words(evidence))} "


def _places_fit(a: Report, b: Report, rules: MergeRules) -> bool:
    """Places agree (`places_agree`), or, for a place the knowledge base cannot situate, the
    texts settle it: one report's sentence also names the other's place ("le restaurant X de
    Kramatorsk" against "Kramatorsk"), or the same persons met on the same day (at a
    residence, a hotel: a building of the town the other outlet names)."""
    if a.location is None or b.location is None or places_agree(a.location, b.location, rules):
        return True
    if "unknown" not in (rules.level(a.location), rules.level(b.location)):
        return False  # the KB tells both places apart
    if _names_place(a.evidence, b.location) or _names_place(b.evidence, a.location):
        return True
    return _same_day(a, b) and _share(a.people, b.people, rules) >= _PAIR


# Content words that describe an act ("restrictions", "exportations") are this long at least
# (shorter ones are mostly function words); they compare by this many first letters, so that
# a plural or another ending of one word still matches.
_CONTENT_LETTERS = 7
_PAIR = 2


def _content_stems(report: Report) -> frozenset[str]:
    """The stems of the lower-case long words of a report's sentence (names left out)."""
    words = re.findall(r"\w+", report.evidence.replace("’", " ").replace("'", " "))
    return frozenset(
        norm(w)[:_CONTENT_LETTERS]
        for w in words
        if len(w) >= _CONTENT_LETTERS and w[:1].islower() and w.isalpha()
    )


def _worded_alike(a: Report, b: Report) -> bool:
    """True when two sentences describe the act with the same words: at least two content
    words in common, and half of the shorter sentence's."""
    sa, sb = _content_stems(a), _content_stems(b)
    shared = len(sa & sb)
    return shared >= _PAIR and 2 * shared >= min(len(sa), len(sb))


def _recalled_alike(a: Report, b: Report, rules: MergeRules) -> bool:
    """Two recalls of a past act dated by its year only ("les restrictions imposées en
    2019"): one act when the same parties do it and the sentences word it alike. Meetings and
    other acts that recur between the same parties are left apart."""
    if a.type in _RECURRING or a.date is None or b.date is None:
        return False
    return _contained(a, b, rules) and _worded_alike(a, b)


def _through_states(a: Report, b: Report, rules: MergeRules, needed: int) -> bool:
    """A person may stand for the state they serve ("Kuleba" for "l'Ukraine") only where the
    rest pins one occasion down: the same month at the same town, or, for an act whose other
    side both reports name alike (the same victims, the same target), the same day. Officials
    of a state meet, and thank each other, all the time; other acts, once a day at most."""
    if _actors_overlap(a, b, _with_states(a, b, rules)) < needed:
        return False
    if _in_step(a, b) and _specific(a, b, rules, finest={"site", "unknown", "city"}):
        return True
    if a.type == "CONSULT" or not _same_day(a, b):
        return False
    if a.type not in _RECURRING and a.target and b.target:
        # both sides line up through the states (aid from "Biden" to "Zelensky", from the
        # United States to Ukraine): an act that does not recur within a day
        return True
    sides = ((a.source, b.source), (a.target, b.target))
    return any(x and y and _share(x, y, rules) for x, y in sides)


def _described_twice(a: Report, b: Report, rules: MergeRules) -> bool:
    """One act told of one party in words the knowledge base does not know ("la junte", "les
    militaires nigériens"): the same source, on the same day, at the same town or site, the
    other side described in other words in one report at least."""
    if a.type == "CONSULT" or not a.target or not b.target or not _same_day(a, b):
        return False
    if not _share(a.source, b.source, rules):
        return False
    if not any(all(t.startswith(_UNKNOWN) for t in r.target) for r in (a, b)):
        return False
    return _specific(a, b, rules, finest={"city", "site"})


def _needed(a: Report, b: Report) -> int:
    """Shared actors two reports need: two meeting participants, one actor otherwise."""
    small = min(len(a.participants), len(b.participants))
    return _PAIR if a.type == "CONSULT" and small > 1 else 1


def same_event(a: Report, b: Report, rules: MergeRules | None = None) -> bool:
    """True when two reports from different articles describe one real event."""
    rules = rules or MergeRules()
    if a.article_id == b.article_id or a.type != b.type or a.negated or b.negated:
        return False
    if _modes_clash(a, b):
        return False
    if not dates_agree(a.date, b.date) or not _places_fit(a, b, rules):
        return False
    shared = _actors_overlap(a, b, rules)
    needed = _needed(a, b)
    if shared < needed:
        return _through_states(a, b, rules, needed) or _described_twice(a, b, rules)
    if _well_dated(a) and _well_dated(b):
        return True
    if a.type in _ONCE_TO_A_PERSON and _share(a.target & a.people, b.target & b.people, rules):
        return True
    if _window(a) is not None and _window(b) is not None:
        return _in_step(a, b)  # dated at least by their articles: one event if months meet
    if _recalled_alike(a, b, rules):
        return True
    # Without two dates to the month, only two shared actors, all of the smaller report's,
    # at one specific place make it the same event: "Kurilla visits Israel" happens every
    # few months, and Gallant meets him in Tel-Aviv each time.
    finest: set[Level] = {"site", "unknown"}
    if a.type not in _RECURRING:
        finest.add("city")
    return shared >= _PAIR and _contained(a, b, rules) and _specific(a, b, rules, finest=finest)


def _strength(a: Report, b: Report, rules: MergeRules) -> tuple[int, ...]:
    """How surely two linked reports are one event, to compare links: the actors shared
    without a person standing for a state, the same mode, the same day (or both to the month),
    the same place, then the persons shared (more telling than states), then all actors."""
    shared = _actors_overlap(a, b, rules)
    dates = 2 if _same_day(a, b) else int(_well_dated(a) and _well_dated(b))
    place = (
        a.location is not None and b.location is not None and norm(a.location) == norm(b.location)
    )
    persons = _share(a.people, b.people, rules)
    return (int(shared >= _needed(a, b)), int(a.mode == b.mode), dates, int(place), persons, shared)


class _UnionFind:
    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {k: k for k in keys}

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller key wins, so the event key does not depend on arrival order.
            low, high = sorted((ra, rb))
            self.parent[high] = low


def cluster(reports: Sequence[Report], rules: MergeRules | None = None) -> list[list[Report]]:
    """Group reports into real events, deterministically ordered: links (`same_event`) join
    clusters strongest first (`_strength`), unless the two clusters hold reports of one
    article, which an article reports as two events."""
    rules = rules or MergeRules()
    ordered = sorted(reports, key=lambda r: r.key)
    uf = _UnionFind(r.key for r in ordered)
    by_type: dict[str, list[Report]] = {}
    for report in ordered:
        by_type.setdefault(report.type, []).append(report)
    links: list[tuple[tuple[int, ...], str, str]] = []
    for group in by_type.values():
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                if same_event(a, b, rules):
                    links.append((tuple(-s for s in _strength(a, b, rules)), a.key, b.key))
    articles = {r.key: frozenset({r.article_id}) for r in ordered}
    for _, key_a, key_b in sorted(links):
        root_a, root_b = uf.find(key_a), uf.find(key_b)
        if root_a == root_b or articles[root_a] & articles[root_b]:
            continue
        uf.union(root_a, root_b)
        articles[uf.find(root_a)] = articles[root_a] | articles[root_b]
    groups: dict[str, list[Report]] = {}
    for report in ordered:
        groups.setdefault(uf.find(report.key), []).append(report)
    return [groups[k] for k in sorted(groups)]


def _finest_date(reports: Sequence[Report]) -> PartialDate | None:
    dated = [r.date for r in reports if r.date is not None]
    if not dated:
        return None
    rank = {"day": 0, "month": 1, "year": 2}
    # A day beats a month; among equals the date most reports give, then the earliest.
    counts = Counter(dated)
    return min(dated, key=lambda d: (rank[d.precision], -counts[d], d))


# Finest first: a building, a place the KB does not know (often a town), a city, a region, a
# country.
_LEVEL_RANK: dict[str, int] = {"site": 0, "unknown": 1, "city": 2, "region": 3, "state": 4}


def _best_place(reports: Sequence[Report], rules: MergeRules) -> str | None:
    """The most specific place the reports give ("Pentagone" over "Washington" over "États-
    Unis"); among equals the one most reports give, then the longest."""
    places = [r.location for r in reports if r.location]
    if not places:
        return None
    counts = Counter(places)
    return min(places, key=lambda p: (_LEVEL_RANK[rules.level(p)], -counts[p], -len(p), p))


def fuse(reports: Sequence[Report], rules: MergeRules | None = None) -> MergedEvent:
    """One event from its reports: the most precise date, the most specific place."""
    rules = rules or MergeRules()
    ordered = sorted(reports, key=lambda r: r.key)
    modes = Counter(r.mode for r in ordered if r.mode)
    # by first day, then last: a month and a day of it do not compare field by field
    published = sorted(
        (r.published for r in ordered if r.published is not None),
        key=lambda d: (d.first_day(), d.last_day()),
    )
    status = min((r.status for r in ordered), key=lambda s: _STATUS_RANK[s])
    return MergedEvent(
        key=ordered[0].key,
        type=ordered[0].type,
        mode=min(modes, key=lambda m: (-modes[m], m)) if modes else None,
        date=_finest_date(ordered),
        location=_best_place(ordered, rules),
        status=status,
        reports=tuple(r.key for r in ordered),
        articles=tuple(sorted({r.article_id for r in ordered})),
        first_seen=published[0] if published else None,
        last_seen=published[-1] if published else None,
    )


def merge(reports: Sequence[Report], rules: MergeRules | None = None) -> list[MergedEvent]:
    """Cluster and fuse: the real events behind `reports`."""
    rules = rules or MergeRules()
    return [fuse(group, rules) for group in cluster(reports, rules)]
