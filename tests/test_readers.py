"""Article readers: the dev corpus, non-content regions, publication dates, every input kind
and every kind of bad input."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

import pytest
from pydantic import ValidationError

from veilleur.errors import InputError
from veilleur.readers import (
    ArticleData,
    article_id,
    from_text,
    parse_date_line,
    patterns,
    read,
    url_date,
)
from veilleur.records import Article, PartialDate

# The shared dev corpus: beside the main checkout (as in conftest.py), or at its usual place
# when the tests run from a helper's worktree.
_ROOT = Path(__file__).resolve().parents[1]
DEV = next(
    (p for p in (_ROOT.parent / "shared" / "corpus" / "dev", Path("/work/shared/corpus/dev"))
     if (p / "gold.jsonl").exists()),
    _ROOT.parent / "shared" / "corpus" / "dev",
)  # fmt: skip


def _articles(items: Iterable[Article | InputError]) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def _errors(items: Iterable[Article | InputError]) -> list[InputError]:
    return [e for e in items if isinstance(e, InputError)]


def _kept_outside_regions(article: Article) -> bool:
    """content equals text everywhere outside the regions, and is blank inside them."""
    inside = [False] * len(article.text)
    for region in article.regions:
        for i in range(region.start, region.end):
            inside[i] = True
    for i, (c, t) in enumerate(zip(article.content, article.text, strict=True)):
        if inside[i] and t not in "\r\n":
            if c != " ":
                return False
        elif c != t:
            return False
    return True


@pytest.fixture(scope="module")
def dev() -> dict[str, Article]:
    return {a.name or "": a for a in _articles(read([str(DEV)]))}


@pytest.fixture(scope="module")
def gold() -> dict[str, dict[str, object]]:
    lines = (DEV / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["doc"]: r for r in map(json.loads, lines)}


# --- the dev corpus ------------------------------------------------------------------------


def test_every_dev_article_is_read(dev: dict[str, Article]) -> None:
    names = sorted(p.name for p in DEV.glob("*.txt"))
    assert sorted(dev) == names
    assert len(names) == 20


def test_annotation_file_is_skipped_in_a_folder_and_reported_alone() -> None:
    assert _errors(read([str(DEV)])) == []
    (error,) = list(read([str(DEV / "gold.jsonl")]))
    assert isinstance(error, InputError) and error.code == "E014"
    assert error.path.endswith("gold.jsonl")


def test_published_of_every_file_with_a_header(
    dev: dict[str, Article], gold: dict[str, dict[str, object]]
) -> None:
    with_header = [n for n, a in dev.items() if a.text.startswith(" date ")]
    assert len(with_header) >= 10
    for name in with_header:
        article = dev[name]
        assert article.published is not None, name
        assert article.published.iso() == gold[name]["published"], name
        assert article.published_from == gold[name]["published_from"], name


def test_a_date_line_refines_the_header(dev: dict[str, Article]) -> None:
    article = dev["012-colonna-visite-kiev.txt"]
    assert article.published == PartialDate(2022, 5, 31)
    assert article.published_from == "text"


def test_offsets_are_kept_in_every_dev_article(dev: dict[str, Article]) -> None:
    for name, article in dev.items():
        assert len(article.content) == len(article.text), name
        assert _kept_outside_regions(article), name


@pytest.mark.parametrize(
    ("name", "removed", "kind"),
    [
        ("seed-003.txt", "Sivan Shachor/GPO", "credit"),
        ("seed-003.txt", "Yoav Gallant et Mark Milley", "caption"),
        ("seed-002.txt", "Yonat Friling de Fox News a contribué à ce rapport", "byline"),
        ("seed-000.txt", "Le Staff de All Israel News est une équipe de journalistes", "byline"),
        (
            "011-gallant-kurilla-accords-abraham.txt",
            "Emanuel Fabian est le correspondant",
            "byline",
        ),
        ("019-mali-expulsion-ambassadeur-france.txt", "Cathy Manga", "byline"),
        ("012-colonna-visite-kiev.txt", "31/05/2022", "dateline"),
        ("015-lecornu-austin-pentagone.txt", "06h52 :", "dateline"),
        ("005-blinken-tel-aviv-treve-otages.txt", " date 2023-11", "header"),
    ],
)
def test_non_content_of_dev_articles_is_blanked(
    dev: dict[str, Article], name: str, removed: str, kind: str
) -> None:
    article = dev[name]
    start = article.text.index(removed)
    assert removed not in article.content
    assert article.content[start : start + len(removed)].strip() == ""
    assert any(r.kind == kind and r.start <= start < r.end for r in article.regions)


def test_bylines_become_metadata(dev: dict[str, Article]) -> None:
    assert dev["019-mali-expulsion-ambassadeur-france.txt"].byline == "Cathy Manga"
    assert dev["011-gallant-kurilla-accords-abraham.txt"].byline == "Emanuel Fabian"
    assert (dev["seed-002.txt"].byline or "").startswith("Yonat Friling")
    assert dev["seed-001.txt"].byline is None


def test_no_gold_evidence_or_quote_is_blanked(
    dev: dict[str, Article], gold: dict[str, dict[str, object]]
) -> None:
    checked = 0
    for name, record in gold.items():
        article = dev[name]
        spans = [e["evidence"] for e in record["events"]]  # type: ignore[attr-defined]
        spans += [q["text"] for q in record["quotes"]]  # type: ignore[attr-defined]
        for span in spans:
            if span and span in article.text:
                checked += 1
                assert span in article.content, (name, span)
    assert checked >= 50


def test_title_and_lead(dev: dict[str, Article]) -> None:
    live = dev["015-lecornu-austin-pentagone.txt"]
    assert live.title == "Le ministre français des Armées au Pentagone"
    headed = dev["012-colonna-visite-kiev.txt"]
    assert headed.title is None
    assert (headed.lead or "").startswith("Visite à Kiev")


# --- layouts of other outlets (tests/data/readers: made-up articles in common web layouts) --

FIXTURES = Path(__file__).resolve().parent / "data" / "readers"
OUTLET_LAYOUTS = {
    "quotidien-europe.txt": (
        ["Le Monde avec AFP", "Publié le 12 mars 2024", "Temps de lecture", "Lire aussi",
         "Un immeuble détruit à Odessa, le 12 mars 2024.", "NINA LIASHONOK / AFP", "Partager"],
        PartialDate(2024, 3, 12),
        "Le Monde avec AFP",
    ),
    "hebdo-sahel.txt": (
        ["Ouagadougou, le 5 avril 2024 -", "© Photo", "Kader Patrick KARANTAO", "Lefaso.net"],
        PartialDate(2024, 4, 5),
        "Lefaso.net; Kader Patrick KARANTAO",
    ),
    "radio-afrique.txt": (
        [" date 2022-01", "Publié le : 31/01/2022", "Avec notre correspondant", "BAMAKO (AFP) -",
         "À lire aussi"],
        PartialDate(2022, 1, 31),
        "Serge Daniel",
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(OUTLET_LAYOUTS))
def test_outlet_layouts(name: str) -> None:
    removed, published, byline = OUTLET_LAYOUTS[name]
    (article,) = _articles(read([str(FIXTURES / name)]))
    for piece in removed:
        assert piece in article.text and piece not in article.content, piece
    # Every line that is not one of the removed pieces is kept whole.
    for line in article.text.splitlines():
        if line.strip() and not any(piece in line for piece in removed):
            assert line in article.content, line
    assert (article.published, article.published_from) == (published, "text")
    assert article.byline == byline
    assert _kept_outside_regions(article)


# --- cleaning: general shapes, and content that must stay ------------------------------------

CONTENT_LINES = [
    "Par ailleurs, le ministre a rencontré son homologue.",
    "Avec Joe Biden, il a signé un accord mardi.",
    "Russie/OTAN : les tensions montent à la frontière",
    "Le président Emmanuel Macron est un journaliste de formation, a-t-il dit.",
    "Selon l'AFP, trois soldats ont été tués lundi.",
    "Kiev a accusé Moscou (AFP) d'avoir frappé des civils.",
    "« Slava Ukraini ! »",
    "Le 24 février 2022, la Russie a envahi l'Ukraine.",
    "Lundi 31 janvier, le gouvernement a expulsé l'ambassadeur.",
    "Publicité mensongère : Bruxelles sanctionne Moscou",
    "Paris, Berlin et Rome ont condamné l'attaque.",
    "Le ministre a déclaré à 15h30 : « Nous ne céderons pas ».",
    "Le Hamas est une organisation terroriste selon l'UE.",
    "Le Mali a signé un accord avec la collaboration de la Russie.",
    "Le bilan s'élève à 21 morts (chiffres ONU/OCHA).",
    "Joe Biden/Xi Jinping : rencontre au sommet",
    "Le bilan s'élève à 21 morts, selon la ville/région.",
    "Le ministre a parlé (source : ministère de la Santé).",
    "Les Etats-Unis/UE : accord commercial",
    "Le Président Macron/UE",
    "Les images de la frappe (vidéo).",
    "De notre envoyé spécial à Kiev, les combats ont repris lundi.",
    "Par ailleurs, Joe Biden",
]

NON_CONTENT_LINES = [
    ("Par Jean Dupont", "byline"),
    ("Par Jean DUPONT, envoyé spécial à Kiev", "byline"),
    ("Propos recueillis par Marie Durand", "byline"),
    ("Avec AFP", "byline"),
    ("(AFP)", "byline"),
    ("© AFP", "credit"),
    ("Photo : Ludovic Marin/AFP", "credit"),
    ("Publié le 31 mai 2022 à 10h05", "dateline"),
    ("Mardi 31 mai 2022", "dateline"),
    ("2022-05-31", "dateline"),
    ("Lire aussi : La Russie frappe Odessa", "boilerplate"),
    ("À LIRE AUSSI – Guerre en Ukraine", "boilerplate"),
    ("Jean Dupont et Marie Durand de Reuters ont contribué à ce rapport.", "byline"),
    ("Avec la collaboration de Jean Dupont", "byline"),
    ("Par i24NEWS", "byline"),
    ("Publié à 10h05", "dateline"),
    ("Source : AIB", "credit"),
    ("Facebook", "boilerplate"),
    ("Le Monde avec AFP", "byline"),
    ("OLJ / AFP", "byline"),
    ("Ludovic Marin/AFP", "credit"),
    ("De notre envoyé spécial à Kiev", "byline"),
    ("Publié le : 31/05/2022 - 10:05Modifié le : 31/05/2022 - 12:00", "dateline"),
]


def _in_article(line: str) -> Article:
    return from_text(f"Un titre d'article\n{line}\nUne phrase du corps de l'article, enfin.")


@pytest.mark.parametrize("line", CONTENT_LINES)
def test_content_lines_are_kept(line: str) -> None:
    article = _in_article(line)
    assert line in article.content
    assert article.regions == ()


@pytest.mark.parametrize(("line", "kind"), NON_CONTENT_LINES)
def test_non_content_lines_are_blanked(line: str, kind: str) -> None:
    article = _in_article(line)
    assert line not in article.content
    assert [r.kind for r in article.regions] == [kind]
    assert "Une phrase du corps" in article.content


def test_caption_closed_by_a_credit_is_blanked_whole() -> None:
    article = _in_article("Le président ukrainien à Kiev, le 3 mars. (Photo : Genya Savilov/AFP)")
    assert "président ukrainien" not in article.content
    assert {r.kind for r in article.regions} == {"caption", "credit"}


def test_credit_after_the_caption_sentence() -> None:
    article = _in_article("Emmanuel Macron à Kiev. Ludovic Marin/AFP")
    kinds = [(r.kind, article.text[r.start : r.end].strip()) for r in article.regions]
    assert kinds == [("caption", "Emmanuel Macron à Kiev."), ("credit", "Ludovic Marin/AFP")]


def test_credit_then_caption_on_one_line() -> None:
    article = _in_article("Ludovic MARIN / AFP Emmanuel Macron à l'Élysée")
    kinds = [(r.kind, article.text[r.start : r.end].strip()) for r in article.regions]
    assert kinds == [("credit", "Ludovic MARIN / AFP"), ("caption", "Emmanuel Macron à l'Élysée")]


def test_journalist_self_description_is_a_byline() -> None:
    article = _in_article("Marie Durand est journaliste au service international du Monde.")
    assert article.byline == "Marie Durand"
    assert "Marie Durand" not in article.content


def test_signature_only_on_the_last_line() -> None:
    body = "Titre\nLe ministre a parlé.\n"
    assert from_text(body + "Jean Dupont\n").byline == "Jean Dupont"
    assert from_text(body + "Jean DUPONT, correspondant à Kiev").byline == "Jean DUPONT"
    assert from_text(body + "Awa SANGA (stagiaire)").byline == "Awa SANGA"
    assert from_text(body + "Jean Dupont, le ministre").regions == ()
    closing = from_text(body + "Awa Patricia SANGA\nLejournal.net\n")
    assert closing.byline == "Lejournal.net; Awa Patricia SANGA"
    assert closing.content.strip() == "Titre\nLe ministre a parlé."


def test_metadata_byline_loses_its_opener() -> None:
    assert from_text("Titre\nCorps.", byline="Par Jean Dupont").byline == "Jean Dupont"
    assert from_text("Titre\nCorps.", byline="Jean Dupont").byline == "Jean Dupont"


def test_byline_with_its_date() -> None:
    article = from_text("Titre\nPar Jean Dupont 31 mai 2022, 10:05\nLe ministre a parlé.")
    assert article.byline == "Jean Dupont"
    assert (article.published, article.published_from) == (PartialDate(2022, 5, 31), "text")
    kept = from_text("Titre\nJean Dupont\nLe ministre a parlé.")
    assert kept.regions == ()


def test_agency_dateline_is_blanked_and_dated_dateline_dates() -> None:
    for opening in (
        "KIEV (AFP) - ",
        "(Belga) ",
        "Bamako, 3 mai (Reuters) – ",
        "Pékin (Xinhua) -- ",
    ):
        agency = from_text(f"Titre\n{opening}Les forces ont frappé la ville.")
        assert agency.content.split("\n")[1].strip() == "Les forces ont frappé la ville."
        assert agency.published is None
    # a day and month alone take the header's year when the day is in the header's month
    headed = from_text(" date 2023-05 Titre\nBamako, 3 mai (Reuters) – Les forces ont frappé.")
    assert (headed.published, headed.published_from) == (PartialDate(2023, 5, 3), "text")
    elsewhere = from_text(" date 2023-06 Titre\nBamako, 3 mai (Reuters) – Les forces ont frappé.")
    assert (elsewhere.published, elsewhere.published_from) == (PartialDate(2023, 6), "header")
    dated = from_text("Titre\nParis, le 31 mai 2022 - Le président a parlé.")
    assert dated.published == PartialDate(2022, 5, 31)
    assert dated.published_from == "text"
    assert "Le président a parlé." in dated.content


def test_crlf_text_keeps_offsets() -> None:
    article = from_text(" date 2022-05 Un chapeau\r\n\r\nJean Dupont a contribué à ce rapport\r\n")
    assert len(article.content) == len(article.text)
    assert article.content.count("\r\n") == 3
    assert _kept_outside_regions(article)
    assert article.lead == "Un chapeau"


# --- publication dates ---------------------------------------------------------------------


def test_header_gives_month_precision() -> None:
    article = from_text(" date 2024-03 Le ministre recevra son homologue.\n\nCorps.")
    assert article.published == PartialDate(2024, 3)
    assert article.published.precision == "month"
    assert article.published_from == "header"
    assert article.lead == "Le ministre recevra son homologue."
    assert article.regions[0].kind == "header"


def test_header_alone_and_at_other_precisions() -> None:
    bare = from_text(" date 2024-08\n\nLe ministre a parlé lundi.")
    assert (bare.published, bare.lead) == (PartialDate(2024, 8), None)
    assert bare.content.startswith(" " * len(" date 2024-08"))
    assert from_text(" date 2024 Chapeau.\nCorps.").published == PartialDate(2024)
    assert from_text(" date 2024-08-05 Chapeau.\nCorps.").published == PartialDate(2024, 8, 5)
    assert from_text(" date 2024-13 Chapeau.\nCorps.").published is None


def test_disagreeing_date_line_does_not_override_header() -> None:
    article = from_text(" date 2022-05 Chapeau.\n\n12/06/2022\n\nCorps de l'article.")
    assert article.published == PartialDate(2022, 5)
    assert article.published_from == "header"


def test_url_date_only_when_no_better_source() -> None:
    body = "Titre\nLe ministre a parlé."
    assert url_date("https://x.fr/monde/4012765-20221201-guerre-ukraine") == PartialDate(
        2022, 12, 1
    )
    assert url_date("https://x.fr/2022/05/31/visite") == PartialDate(2022, 5, 31)
    assert url_date("https://x.fr/2022/05/visite") == PartialDate(2022, 5)
    assert url_date("https://x.fr/monde/295882") is None
    by_url = from_text(body, url="https://x.fr/2022/05/31/visite")
    assert (by_url.published, by_url.published_from) == (PartialDate(2022, 5, 31), "url")
    refined = from_text(" date 2022-05 Chapeau.\n" + body, url="https://x.fr/2022/05/31/a")
    assert (refined.published, refined.published_from) == (PartialDate(2022, 5, 31), "url")
    contradicted = from_text(" date 2023-01 Chapeau.\n" + body, url="https://x.fr/2022/05/31/a")
    assert (contradicted.published, contradicted.published_from) == (PartialDate(2023, 1), "header")


def test_date_lines() -> None:
    p = patterns("fr")
    line = parse_date_line("Mis à jour le 1er juin 2022 à 08:00", p)
    assert line is not None and line.updated and line.value == PartialDate(2022, 6, 1)
    assert parse_date_line("Le 24 février 2022, la Russie a envahi l'Ukraine.", p) is None
    assert parse_date_line("31/02/2022", p) is None  # not a calendar date
    placed = parse_date_line("Kiev, le 31 mai 2022", p)
    assert placed is not None and placed.value == PartialDate(2022, 5, 31)
    assert parse_date_line("Paris, Berlin et Rome ont condamné l'attaque.", p) is None


# --- language data -------------------------------------------------------------------------


def test_language_data_is_validated() -> None:
    data = patterns("fr").data.model_dump()
    assert ArticleData.model_validate(data).months["mai"] == 5
    with pytest.raises(ValidationError):
        ArticleData.model_validate({**data, "months": {**data["months"], "mai": 13}})
    with pytest.raises(ValidationError):
        ArticleData.model_validate({**data, "header": r"^ date (\d{4}-\d{2})"})
    with pytest.raises(ValidationError):
        ArticleData.model_validate({**data, "weekdays": data["weekdays"][:6]})
    with pytest.raises(ValidationError):
        ArticleData.model_validate({**data, "legacy_encodings": ["no-such-codec"]})
    with pytest.raises(ValidationError):
        ArticleData.model_validate({**data, "unknown_key": 1})


# --- ids -----------------------------------------------------------------------------------


def test_ids_are_stable_across_reads_and_whitespace(tmp_path: Path) -> None:
    first = {a.name: a.id for a in _articles(read([str(DEV)]))}
    again = {a.name: a.id for a in _articles(read([str(DEV)]))}
    assert first == again
    assert len(set(first.values())) == len(first)
    text = (DEV / "seed-003.txt").read_text(encoding="utf-8")
    spaced = text.replace(" ", "  ").replace("\n", "\r\n\n") + "\n\n"
    (tmp_path / "a.txt").write_text(spaced, encoding="utf-8")
    (copy,) = _articles(read([str(tmp_path / "a.txt")]))
    assert copy.id == first["seed-003.txt"] == article_id(text)
    assert article_id(text + " Une phrase de plus.") != copy.id


# --- JSON Lines, HTML, folders, stdin ------------------------------------------------------


def test_jsonl_records_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"id": "a1", "text": "Le ministre a rencontré son homologue lundi.",
         "published": "2024-08-05", "url": "https://x.fr/a1", "title": "Rencontre des ministres",
         "outlet": "Le Journal"},
        {"text": "Le président a reçu son homologue à Paris.",
         "published": "2024-08-05T10:00:00Z"},
        {"text": "Le président a reçu son homologue à Rome.", "date": "5 août 2024"},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n")
    first, second, third = _articles(read([str(path)]))
    assert first.name == "a1" and second.name == "batch.jsonl:2"
    assert (first.origin.path, first.origin.line) == (str(path), 1)
    assert first.published == PartialDate(2024, 8, 5) and first.published_from == "metadata"
    assert (first.url, first.outlet, first.title) == (
        "https://x.fr/a1",
        "Le Journal",
        "Rencontre des ministres",
    )
    # The title counts as article text (FORMAT.md), so it opens the text when missing from it.
    assert first.text.startswith("Rencontre des ministres\n")
    assert second.published == third.published == PartialDate(2024, 8, 5)


def test_title_field_goes_after_a_header() -> None:
    article = from_text(" date 2024-08 Un chapeau.\nCorps.", title="Le titre")
    assert article.text == " date 2024-08 Un chapeau.\nLe titre\n\nCorps."
    assert (article.published, article.title) == (PartialDate(2024, 8), "Le titre")
    assert from_text("Le titre\nCorps.", title="Le titre").text == "Le titre\nCorps."


def test_malformed_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        '{"text": "Le ministre a parlé lundi."}\n{"text": oops}\n[1, 2]\n'
        '{"text": "  "}\n{"text": "Le ministre a parlé mardi.", "published": "hier"}\n'
        '{"text": "Le président a parlé mercredi."}\n',
        encoding="utf-8",
    )
    items = list(read([str(path)]))
    assert [type(i).__name__ for i in items] == ["Article"] + ["InputError"] * 4 + ["Article"]
    errors = _errors(items)
    assert [(e.code, e.line) for e in errors] == [
        ("E004", 2),
        ("E004", 3),
        ("E005", 4),
        ("E010", 5),
    ]
    assert f"{path}:2" in str(errors[0])


def test_json_document_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(
        json.dumps({"text": "Le ministre a parlé lundi.", "id": "x"}, indent=2), encoding="utf-8"
    )
    (tmp_path / "many.json").write_text(
        json.dumps([{"text": "Le ministre a parlé."}, {"text": "Le président a parlé."}]),
        encoding="utf-8",
    )
    names = [a.name for a in _articles(read([str(tmp_path)]))]
    assert names == ["many.json:1", "many.json:2", "x"]


def test_long_line_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    long_text = "mot " * 5000
    path.write_text(
        json.dumps({"text": long_text})
        + "\n"
        + json.dumps({"text": "Le ministre a parlé."})
        + "\n",
        encoding="utf-8",
    )
    items = list(read([str(path)], max_record_bytes=1000))
    assert isinstance(items[0], InputError) and items[0].code == "E009" and items[0].line == 1
    assert isinstance(items[1], Article) and items[1].origin.line == 2


def test_fifty_megabytes_of_jsonl_stream_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    record = json.dumps({"text": "Le ministre a rencontré son homologue. " * 20}) + "\n"
    huge = json.dumps({"text": "x" * (1 << 20)}) + "\n"  # 1 MB lines, over the limit below
    with path.open("w", encoding="utf-8") as out:
        for _ in range(50):
            out.write(huge)
            out.write(record)
    size = path.stat().st_size
    assert size > 50 * (1 << 20)
    tracemalloc.start()
    try:
        articles = errors = 0
        for item in read([str(path)], max_record_bytes=256 * 1024):
            if isinstance(item, Article):
                articles += 1
            else:
                errors += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (articles, errors) == (50, 50)
    assert peak < size / 20


def test_html_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Visite à Kiev - Le Journal</title>
<meta property="og:title" content="Visite à Kiev de la ministre">
<meta property="og:site_name" content="Le Journal">
<meta property="og:url" content="https://www.lejournal.fr/monde/visite-kiev">
<meta name="author" content="Jean Dupont">
<meta property="article:published_time" content="2022-05-31T10:05:00+02:00">
</head><body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Visite à Kiev de la ministre</h1>
<p>La cheffe de la diplomatie française effectuait lundi son premier voyage en Ukraine, a
indiqué le ministère des Affaires étrangères dans un communiqué.</p>
<p>La ministre s'entretiendra avec le président ukrainien et son homologue à Kiev.</p>
</article><footer>Tous droits réservés</footer></body></html>""",
        encoding="utf-8",
    )
    (article,) = _articles(read([str(page)]))
    assert article.title == "Visite à Kiev de la ministre"
    assert (article.published, article.published_from) == (PartialDate(2022, 5, 31), "metadata")
    assert (article.outlet, article.byline) == ("Le Journal", "Jean Dupont")
    assert article.url == "https://www.lejournal.fr/monde/visite-kiev"
    assert "premier voyage en Ukraine" in article.content
    assert "Accueil" not in article.text
    assert article.name == "page.html"


def test_html_without_article_is_e006(tmp_path: Path) -> None:
    page = tmp_path / "nav.htm"
    page.write_text(
        "<html><head><title>Site</title></head><body><nav><a href='/'>Accueil</a>"
        "<a href='/m'>Monde</a></nav></body></html>",
        encoding="utf-8",
    )
    (error,) = _errors(read([str(page)]))
    assert error.code == "E006" and str(page) in str(error)


def test_folder_is_read_recursively_and_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "deux.txt").write_text("Titre\nLe ministre a parlé mardi.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Titre\nLe ministre a parlé lundi.", encoding="utf-8")
    (tmp_path / "sans-extension").write_text("Titre\nLe président a parlé.", encoding="utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text("Titre\nCaché.", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    names = [a.name for a in _articles(read([str(tmp_path)]))]
    assert names == ["a.txt", "b/deux.txt", "sans-extension"]
    (error,) = _errors(read([str(tmp_path / "notes.csv")]))
    assert error.code == "E011"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ('\n{"text": "Le ministre a parlé lundi.", "id": "s1"}\n'
         '{"text": "Le président a parlé."}\n', "jsonl"),
        ("<html><body><article><p>Le ministre des Affaires étrangères a rencontré son homologue "
         "lundi à Paris pour évoquer la guerre.</p></article></body></html>", "html"),
        (" date 2022-05 Le ministre a parlé.\n\nCorps de l'article.", "text"),
    ],
)  # fmt: skip
def test_stdin_is_sniffed(data: str, kind: str) -> None:
    items = list(read(["-"], stdin=io.StringIO(data)))
    articles = _articles(items)
    assert not _errors(items)
    if kind == "jsonl":
        assert [a.name for a in articles] == ["s1", "-:3"]
    elif kind == "html":
        assert "rencontré son homologue" in articles[0].content
    else:
        assert articles[0].published == PartialDate(2022, 5)
    assert all(a.origin.path == "-" for a in articles)


def test_empty_stdin_is_e001() -> None:
    (error,) = list(read(["-"], stdin=io.StringIO("\n  \n")))
    assert isinstance(error, InputError) and error.code == "E001"


# --- bad files -----------------------------------------------------------------------------


def _one_error(path: Path, *, limit: int = 1 << 20) -> InputError:
    items = list(read([str(path)], max_record_bytes=limit))
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert str(path) in str(items[0])
    return items[0]


def test_empty_and_blank_files_are_e001(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t\n")
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    for name in ("empty.txt", "blank.txt", "empty.jsonl"):
        assert _one_error(tmp_path / name).code == "E001"


def test_binary_file_is_e002(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "image.jsonl").write_bytes(b"\x00\x01\x02" * 10)
    assert _one_error(tmp_path / "image.txt").code == "E002"
    assert _one_error(tmp_path / "image.jsonl").code == "E002"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_legacy_encodings_decode(tmp_path: Path, encoding: str) -> None:
    text = (
        "Le ministre a été reçu à l'Élysée\nLe président français a reçu son homologue "
        "à Paris, où ils ont évoqué la guerre en Ukraine et la sécurité de l'Europe."
    )
    if encoding == "cp1252":
        text += " « Nous sommes unis », a-t-il déclaré. Cœur de l’Europe…"
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    (article,) = _articles(read([str(tmp_path / "a.txt")]))
    assert article.text == text


def test_undecodable_file_is_e003(tmp_path: Path) -> None:
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 256)) * 20)
    assert _one_error(tmp_path / "noise.txt").code == "E003"


def test_article_with_only_credits_is_e007(tmp_path: Path) -> None:
    (tmp_path / "credit.txt").write_text("Sivan Shachor/GPO Deux généraux\n© AFP\n", "utf-8")
    assert _one_error(tmp_path / "credit.txt").code == "E007"


def test_missing_path_is_e008_and_reading_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Titre\nLe ministre a parlé.", encoding="utf-8")
    items = list(read([str(tmp_path / "nope.txt"), str(tmp_path / "a.txt")]))
    assert isinstance(items[0], InputError) and items[0].code == "E008"
    assert isinstance(items[1], Article)


def test_file_over_the_limit_is_e012(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("Le ministre a parlé. " * 100, encoding="utf-8")
    assert _one_error(tmp_path / "big.txt", limit=500).code == "E012"
