"""The shapes of non-content lines (credits, bylines, datelines), compiled from a language's words.

A shape is language-neutral (a name, a slash, an agency); the words it is filled with come from
lang/<lang>/article.yaml through `Patterns`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .data import Patterns, alternation


@dataclass(frozen=True, slots=True)
class Rules:
    """The compiled line shapes of one language."""

    timestamp: re.Pattern[str]
    clock_line: re.Pattern[str]
    agency_dateline: re.Pattern[str]
    dated_dateline: re.Pattern[str]
    boilerplate: re.Pattern[str]
    credit_start: re.Pattern[str]
    credit_prefix_line: re.Pattern[str]
    credit_end: re.Pattern[str]
    agency_tail: re.Pattern[str]
    agency_line: re.Pattern[str]
    byline_prefix: re.Pattern[str]
    contribution: re.Pattern[str]
    bio: re.Pattern[str]
    outlet_parts: re.Pattern[str]
    nouns: str


@cache
def rules(p: Patterns) -> Rules:
    """Compile the shapes of non-content lines for the language of `p`."""
    d = p.data
    name, agency, upper = p.name, p.agency, p.upper
    particle = alternation(d.name_particles)
    # Two to four name words, particles allowed between them: 'Sivan Shachor', 'Ludovic MARIN';
    # not opened by a determiner ('Les Etats-Unis/UE' is a title, not a photographer).
    determiner = alternation(d.determiners)
    full_name = rf"(?!(?i:{determiner})\s){name}(?:\s+(?:(?:{particle})\s+)?{name}){{1,3}}"
    # A credit closing a caption follows the caption's last sentence or a dash.
    after_sentence = r"(?:^|(?<=[.,;!?»)\]])|(?<=[.,;!?»)\]]\s)|(?<=\s[-–—|]\s))"
    acronym = rf"[{upper}][{upper}\d]{{1,9}}|[{upper}][a-z]+\d+"
    agencies = rf"{agency}(?:\s*[/,&]\s*{agency}|\s+(?:{alternation(d.name_joiners)})\s+{agency})*"
    articles = alternation(d.agency_articles)
    credit_words = alternation(d.credit_prefixes)
    marks = alternation(d.hour_marks)
    joiners = alternation(d.time_joiners)
    stamp_words = alternation(d.date_prefixes.published + d.date_prefixes.updated)
    place = rf"[{upper}][\w’'.-]*(?:[ -][{upper}][\w’'.-]*){{0,3}}"
    nouns = alternation(d.journalist_nouns)
    flags = re.IGNORECASE
    return Rules(
        timestamp=re.compile(rf"^\s*\d{{1,2}}\s*(?:{marks})\s*\d{{2}}\s*[:–—-]\s+"),
        # 'Publié à 10h05', '06:52': a line holding only a time of day.
        clock_line=re.compile(
            rf"^\s*(?:(?:{stamp_words})\s*)?(?:(?:{joiners})\s*)?\d{{1,2}}\s*(?:{marks})\s*\d{{0,2}}"
            rf"\s*$",
            flags,
        ),
        agency_dateline=re.compile(
            rf"^\s*(?:(?:{place})?\s*(?:,\s*(?P<date>[^()\n]{{4,40}}?))?\s*\(\s*{agencies}\s*\)"
            rf"\s*[-–—:]+\s*|\(\s*{agencies}\s*\)\s+(?=[{upper}]))"
        ),
        dated_dateline=re.compile(rf"^\s*{place}\s*,\s*(?P<date>[^–—:()\n]{{6,40}}?)\s*[-–—]\s+"),
        boilerplate=re.compile(
            rf"^\s*[\[(«]?\s*(?:(?:{alternation(d.boilerplate_prefixes)})(?=\W|$)"
            rf"|(?:{alternation(d.boilerplate_lines)})\W*$)",
            flags,
        ),
        # 'Sivan Shachor/GPO <caption>', 'Reuters/John Smith <caption>', 'Photo : X/AFP'.
        credit_start=re.compile(
            rf"^\s*(?:(?i:{credit_words})\s*:\s*)?(?:©\s*)?(?P<credit>(?:{full_name}\s*/\s*"
            rf"(?:{agency}|{acronym})|{agency}\s*/\s*(?:{agency}|{acronym}|{full_name}))"
            rf"(?:\s+(?:{alternation(d.credit_joiners)})\s+{agency})?)(?=\s|$|[.,;])(?!\s*:)"
        ),
        credit_prefix_line=re.compile(
            rf"^\s*(?:[(\[]\s*)?(?:(?i:{credit_words}|{alternation(d.source_prefixes)})\s*:|©)"
        ),
        # A caption closed by its credit: '... à Kiev. (Photo : X/AFP)', '... © Reuters'.
        credit_end=re.compile(
            rf"(?P<credit>©\s*[^©\n]{{1,80}}|\(\s*(?i:{credit_words})\s*(?::\s*[^()\n]{{1,80}}"
            rf"|[^()\n]{{0,60}}(?:{agency}|/)[^()\n]{{0,40}})\)"
            rf"|\(\s*(?:{full_name}|{agency})\s*/\s*(?:{agency}|{acronym}|{full_name})\s*\)"
            rf"|{after_sentence}{full_name}\s*/\s*(?:{agency}|{acronym}))\s*\.?\s*$"
        ),
        agency_tail=re.compile(rf"\(\s*{agencies}\s*\)\s*\.?\s*$"),
        agency_line=re.compile(
            rf"^\s*(?:(?:{alternation(d.agency_prefixes)})\s+)?(?:©\s*)?[(\[]?\s*"
            rf"(?:(?:{articles})\s*)?{agencies}\s*[)\]]?\s*\.?\s*$",
            flags,
        ),
        byline_prefix=re.compile(
            rf"^\s*(?P<prefix>{alternation(d.byline_prefixes)})\s*:?\s+(?P<who>\S.*?)\s*$", flags
        ),
        contribution=re.compile(
            rf"^\s*(?P<who>.*?)\s*(?P<phrase>{alternation(d.contribution_phrases)})"
            rf"\s*(?P<rest>.*?)\s*\.?\s*$",
            flags,
        ),
        bio=re.compile(
            rf"^\s*(?P<who>[{upper}][^.!?«»\"“”:;]{{1,80}}?)\s+(?:{alternation(d.copulas)})\s+"
            rf"(?:(?:{alternation(d.determiners)})\s*)?(?:[\w’'-]+\s+){{0,2}}?(?:{nouns})\b"
            rf"(?P<rest>[^«»\"“”,]{{0,120}})$"
        ),
        outlet_parts=re.compile(rf"\s*/\s*|\s+(?:{alternation(d.name_joiners)})\s+", flags),
        nouns=nouns,
    )
