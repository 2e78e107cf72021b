"""Find what is not article content (header, credits, captions, bylines, date lines, links).

Stages of `scan`, line by line:
    1. header        ' date YYYY-MM <lead>' on the first line: the prefix is blanked
    2. prefixes      live-blog timestamps ('06h52 : ') and datelines ('KIEV (AFP) - ')
    3. whole lines   date lines, link boxes, photo credits and captions, bylines and
                     contributor lines, a journalist's self-description, a final signature
    4. tails         an agency tag closing a line ('(AFP)')
Each rule is a shape (a name, a slash, an agency); the words come from lang/<lang>/article.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..records import PartialDate, Region
from .data import Patterns
from .published import DateLine, find_date, parse_date_line, search_date
from .shapes import Rules, rules

Kind = Literal["header", "caption", "credit", "byline", "dateline", "boilerplate"]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the text: its offsets (newline excluded) and its characters."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Scan:
    """What `scan` found: regions to blank, bylines, and the dates the text states."""

    regions: tuple[Region, ...]
    bylines: tuple[str, ...]
    header: PartialDate | None
    lead: str | None
    dates: tuple[DateLine, ...]


@dataclass(slots=True)
class _Found:
    """Accumulates the findings of the rules over one text."""

    regions: list[Region] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    dates: list[DateLine] = field(default_factory=list)
    header: PartialDate | None = None  # the header's date, which gives a dateline its year

    def add(self, start: int, end: int, kind: Kind) -> None:
        if end > start:
            self.regions.append(Region(start, end, kind))

    def byline(self, who: str) -> None:
        who = who.strip(" \t,;:.-–—()")
        if who and who not in self.bylines:
            self.bylines.append(who)


def split_lines(text: str) -> list[Line]:
    """The lines of `text` with their offsets; a trailing '\\r' is left out of the line."""
    lines = []
    start = 0
    for part in text.split("\n"):
        body = part[:-1] if part.endswith("\r") else part
        lines.append(Line(start, start + len(body), body))
        start += len(part) + 1
    return lines


def blank(text: str, regions: tuple[Region, ...]) -> str:
    """`text` with every region replaced by spaces, line breaks kept (same length)."""
    chars = list(text)
    for region in regions:
        for i in range(region.start, region.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)


def _words(text: str) -> list[str]:
    return text.split()


def _is_name_word(word: str, name: re.Pattern[str]) -> bool:
    """A capitalised word ('Manga', 'MANGA', 'J.-P.') or a mixed-case brand ('i24NEWS')."""
    if word.endswith(("’", "'")):
        return False
    if name.fullmatch(word):
        return True
    has_letter = any(ch.isalpha() for ch in word)
    return has_letter and word.isalnum() and any(ch.isupper() or ch.isdigit() for ch in word[1:])


def is_name_list(text: str, p: Patterns, *, max_words: int) -> bool:
    """True when `text` is only people's names (with particles and joiners between them)."""
    words = [w.strip(",") for w in _words(text)]
    words = [w for w in words if w]
    if not words or len(words) > max_words:
        return False
    name = re.compile(p.name)
    names = 0
    for i, word in enumerate(words):
        folded = word.casefold()
        if _is_name_word(word, name):
            names += 1
        elif i in (0, len(words) - 1) or folded not in p.particles | p.joiners:
            return False
    return names >= 1


def signature(text: str, p: Patterns) -> str | None:
    """The name of a lone signature line ('Cathy Manga', 'Jean DUPONT, correspondant'), or None."""
    text = re.sub(r"\s*\([^()]{1,40}\)\s*$", "", text)  # 'Jean DUPONT (stagiaire)'
    names, _, role = text.partition(",")
    if role and not re.search(rf"\b(?:{rules(p).nouns})\b", role, re.IGNORECASE):
        return None
    words = _words(names)
    limit = p.data.limits.signature_max_words
    if not 2 <= len(words) <= limit or not is_name_list(names, p, max_words=limit):
        return None
    if len(_words(role)) > 8 or any(w.casefold() in p.joiners for w in words):
        return None
    return names.strip()


def _non_blank(lines: list[Line]) -> list[Line]:
    return [line for line in lines if line.text.strip()]


def _prefixes(line: Line, start: int, r: Rules, p: Patterns, found: _Found) -> int:
    """Blank a timestamp or dateline opening the line; return where the rest begins."""
    rest = line.text[start - line.start :]
    match = r.timestamp.match(rest)
    if match:
        found.add(start, start + match.end(), "dateline")
        start += match.end()
        rest = rest[match.end() :]
    match = r.agency_dateline.match(rest)
    if match and match.end() < len(rest):
        found.add(start, start + match.end(), "dateline")
        if match.group("date"):
            value = _dateline_value(match.group("date"), p, found.header)
            if value is not None:
                found.dates.append(DateLine(value, updated=False))
        start += match.end()
    return start


def _dateline_value(text: str, p: Patterns, header: PartialDate | None) -> PartialDate | None:
    """A dateline's date; a day and month alone ("15 décembre") take the header's year when
    the day then falls within the header's month or year."""
    value = find_date(text, p)
    if value is not None or header is None:
        return value
    dated = find_date(f"{text.strip()} {header.year}", p)
    return dated if dated is not None and header.contains(dated) else None


def _dated_dateline(line: Line, start: int, r: Rules, p: Patterns, found: _Found) -> int:
    rest = line.text[start - line.start :]
    match = r.dated_dateline.match(rest)
    if not match or match.end() >= len(rest):
        return start
    stated = parse_date_line(match.group("date"), p)
    if stated is None:
        return start
    found.add(start, start + match.end(), "dateline")
    found.dates.append(stated)
    return start + match.end()


def _whole_line(text: str, r: Rules, p: Patterns, found: _Found) -> Kind | None:
    """The kind of a line that is entirely non-content, or None; bylines and dates recorded."""
    limits = p.data.limits
    words = len(_words(text))
    stated = parse_date_line(text, p)
    if stated is not None:
        found.dates.append(stated)
        return "dateline"
    if r.clock_line.match(text):
        return "dateline"
    if r.boilerplate.match(text):
        return "boilerplate"
    if len(text) <= limits.caption_max_chars and r.credit_prefix_line.match(text):
        return "credit"
    if r.agency_line.match(text):
        found.byline(text)
        return "byline"
    match = r.contribution.match(text)
    if match and words <= 2 * limits.byline_max_words:
        # 'X de Fox News a contribué à ce rapport', 'Avec la collaboration de X': names only.
        who, rest = match.group("who").strip(" ,."), match.group("rest").strip(" ,.")
        limit = limits.byline_max_words
        if (who and is_name_list(who, p, max_words=limit) and len(_words(rest)) <= 6) or (
            not who and is_name_list(rest, p, max_words=limit)
        ):
            found.byline(who or rest)
            return "byline"
    match = r.byline_prefix.match(text)
    if match and words <= limits.byline_max_words and _byline(match, r, p, found):
        return "byline"
    if _outlet_with_agency(text, r, p):
        found.byline(text)
        return "byline"
    return None


def _byline(match: re.Match[str], r: Rules, p: Patterns, found: _Found) -> bool:
    """'Par Jean Dupont, le 31 mai 2022', 'Avec notre correspondant à Bamako, Awa Sanga'.

    After a one-word opener ('Par') the rest must be names; a longer one ('De notre envoyé
    spécial') is a byline by itself, names or not.
    """
    who = match.group("who")
    dated = search_date(who, p)
    if dated is not None:
        who = who[: dated[0]]
    parts = [part for part in re.split(r"\s*[,–—|]\s*|\s+-\s+", who.strip()) if part]
    limit = p.data.limits.byline_max_words
    names = [part for part in parts if is_name_list(part, p, max_words=limit)]
    if parts and r.agency_line.match(parts[0]):
        names = [parts[0]]
    strong = len(match.group("prefix").split()) > 1
    if names and (strong or names[0] == parts[0]):
        pass
    elif not strong or len(parts) > 1 or len(_words(who)) > 5:
        return False  # a sentence that opens like a byline ('De notre bureau, les ...')
    if names:
        found.byline(names[0])
    if dated is not None:
        found.dates.append(DateLine(dated[1], updated=False))
    return True


def _outlet_with_agency(text: str, r: Rules, p: Patterns) -> bool:
    """'Le Monde avec AFP', 'OLJ / AFP': an outlet's name and a news agency, nothing else."""
    if r.credit_start.match(text):
        return False  # 'Ludovic Marin/AFP' is a photographer's credit
    parts = [part.strip() for part in r.outlet_parts.split(text.strip(" .")) if part.strip()]
    if len(parts) < 2 or not any(r.agency_line.match(part) for part in parts):
        return False
    return all(r.agency_line.match(part) or is_name_list(part, p, max_words=4) for part in parts)


def _credit(line: Line, start: int, r: Rules, p: Patterns, found: _Found) -> bool:
    """Blank a photo credit and its caption; True when the line was a credit or caption."""
    text = line.text[start - line.start :]
    match = r.credit_start.match(text)
    if match:
        found.add(start, start + match.end("credit"), "credit")
        found.add(start + match.end("credit"), line.end, "caption")
        return True
    match = r.credit_end.search(text)
    if match:
        credit_start = start + match.start("credit")
        if len(text.strip()) <= p.data.limits.caption_max_chars:
            found.add(start, credit_start, "caption")
        found.add(credit_start, line.end, "credit")
        return True
    return False


def _bio(text: str, r: Rules, p: Patterns, found: _Found) -> bool:
    """A journalist's self-description: '<names> est (le) correspondant ...'."""
    match = r.bio.match(text)
    if not match or not is_name_list(match.group("who"), p, max_words=8):
        return False
    found.byline(match.group("who"))
    return True


def _header(lines: list[Line], p: Patterns, found: _Found) -> tuple[PartialDate | None, str | None]:
    if not lines:
        return None, None
    match = p.header.match(lines[0].text)
    if not match:
        return None, None
    try:
        value = PartialDate.parse(match.group("date"))
    except ValueError:
        return None, None
    found.add(0, match.end(), "header")
    lead = lines[0].text[match.end() :].strip()
    return value, lead or None


def _scan_line(line: Line, *, start: int, rank: int, last: int, p: Patterns, found: _Found) -> None:
    """Apply the line rules to one non-blank line, from offset `start` (after a header)."""
    r = rules(p)
    limits = p.data.limits
    start = _prefixes(line, start, r, p, found)
    if rank < limits.dateline_top_lines:
        start = _dated_dateline(line, start, r, p, found)
    text = line.text[start - line.start :]
    if not text.strip():
        return
    kind = _whole_line(text, r, p, found)
    if kind is not None:
        found.add(start, line.end, kind)
        return
    if _credit(line, start, r, p, found):
        return
    near_edge = rank < limits.bio_top_lines or rank > last - limits.bio_bottom_lines
    if near_edge and _bio(text, r, p, found):
        found.add(start, line.end, "byline")
    else:
        tail = r.agency_tail.search(text)
        if tail and tail.start() > 0:
            found.add(start + tail.start(), line.end, "credit")


_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$")


def _signatures(content: list[Line], p: Patterns, found: _Found) -> None:
    """Blank the signature lines closing the article ('Cathy Manga', 'Lefaso.net'), bottom up."""
    for rank in range(len(content) - 1, max(0, len(content) - 4), -1):
        line = content[rank]
        if any(g.start <= line.start and line.end <= g.end for g in found.regions):
            continue  # already removed by a line rule (an agency line, a byline)
        text = line.text.strip()
        name = signature(text, p)
        if name is None and _DOMAIN.match(text):
            name = text
        if name is None:
            return
        found.byline(name)
        found.add(line.start, line.end, "byline")


def byline_names(text: str, p: Patterns) -> str:
    """A byline as given by metadata, without its opener or date ('Par X, le 3 mai' -> 'X')."""
    found = _Found()
    if _whole_line(text, rules(p), p, found) == "byline" and found.bylines:
        return "; ".join(found.bylines)
    return text.strip()


def scan(text: str, p: Patterns) -> Scan:
    """Find the non-content regions of `text`, its bylines and the dates it states."""
    found = _Found()
    lines = split_lines(text)
    header, lead = _header(lines, p, found)
    found.header = header
    header_end = found.regions[0].end if found.regions else 0
    content = _non_blank(lines)
    for rank, line in enumerate(content):
        start = max(line.start, min(header_end, line.end)) if line.start == 0 else line.start
        _scan_line(line, start=start, rank=rank, last=len(content) - 1, p=p, found=found)
    _signatures(content, p, found)
    regions = tuple(sorted(set(found.regions), key=lambda g: (g.start, g.end)))
    return Scan(regions, tuple(found.bylines), header, lead, tuple(found.dates))
