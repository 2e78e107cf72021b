"""The `veilleur` command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import InputError, VeilleurError
from .pipeline import Options, analyse
from .readers import read
from .records import Article

app = typer.Typer(
    help="French news articles into a structured, deduplicated record of political events.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="VEILLEUR_DB", help="Database URL or SQLite path [veilleur.db]."),
]
KbOption = Annotated[
    list[str] | None, typer.Option("--kb", help="Extra knowledge-base file (same format).")
]
ProcOption = Annotated[int, typer.Option("--n-process", "-j", min=1, help="Worker processes.")]
BatchOption = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch.")]
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")]


def _options(kb: list[str] | None, n_process: int, batch_size: int) -> Options:
    return Options(n_process=n_process, batch_size=batch_size, kb_paths=tuple(kb or ()))


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def _articles(paths: list[str], failures: list[InputError]) -> Iterator[Article]:
    """Readable articles of `paths`; unreadable inputs are reported on stderr and collected."""
    for item in read(paths, stdin=sys.stdin):
        if isinstance(item, InputError):
            failures.append(item)
            err.print(f"[yellow]skipped[/yellow] {item}", highlight=False)
        else:
            yield item


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    kb: KbOption = None,
    n_process: ProcOption = 1,
    batch_size: BatchOption = 16,
) -> None:
    """Read, analyse and store articles; already stored articles are skipped (idempotent)."""
    from .store import Store

    store = Store.open(db)
    run_id = store.start_run("ingest", {"paths": paths, "db": db, "kb": kb or []})
    failures: list[InputError] = []
    counts = {"read": 0, "new": 0, "stored": 0}

    def fresh() -> Iterator[Article]:
        for article in _articles(paths, failures):
            counts["read"] += 1
            if store.has(article.id):
                counts["stored"] += 1
                continue
            yield article

    try:
        with _progress() as progress:
            task = progress.add_task("analysing", total=None)
            for record in analyse(fresh(), options=_options(kb, n_process, batch_size)):
                status = store.add(record, run_id=run_id)
                counts["new" if status == "new" else "stored"] += 1
                progress.advance(task)
    finally:
        store.finish_run(
            run_id,
            n_read=counts["read"],
            n_new=counts["new"],
            n_stored=counts["stored"],
            n_failed=len(failures),
            failures=[str(f) for f in failures],
        )
    out.print(
        f"read {counts['read']}, new {counts['new']}, already stored {counts['stored']}, "
        f"failed {len(failures)}  ->  {store.url}",
        highlight=False,
    )
    for failure in failures:
        out.print(f"  failed: {failure}", highlight=False)


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output format: jsonl.")] = "jsonl",
    kb: KbOption = None,
    n_process: ProcOption = 1,
    batch_size: BatchOption = 16,
) -> None:
    """Print one FORMAT.md record per article on standard output; no database involved."""
    if fmt != "jsonl":
        raise typer.BadParameter("only jsonl is supported by extract; see 'veilleur export'")
    failures: list[InputError] = []
    records = analyse(_articles(paths, failures), options=_options(kb, n_process, batch_size))
    for record in records:
        sys.stdout.write(json.dumps(record.as_dict(), ensure_ascii=False) + "\n")
    if failures:
        err.print(f"{len(failures)} input(s) failed", highlight=False)


@app.command()
def articles(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
    offset: Annotated[int, typer.Option(min=0)] = 0,
) -> None:
    """List stored articles."""
    from .store import Store

    store = Store.open(db)
    table = Table("id", "published", "doc", "title / lead", "people", "events", "quotes")
    for row in store.articles(limit=limit, offset=offset):
        table.add_row(
            row.id,
            row.published or "",
            row.doc or "",
            (row.title or row.lead or "")[:60],
            str(row.n_people),
            str(row.n_events),
            str(row.n_quotes),
        )
    out.print(table)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix of it.")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the FORMAT.md record.")] = False,
) -> None:
    """Show one stored article: its people, events with evidence, and quotes."""
    from .errors import Errors
    from .store import Store

    store = Store.open(db)
    row = store.article(article_id)
    if row is None:
        err.print(Errors.E203.format(id=article_id), highlight=False)
        raise typer.Exit(1)
    record = store.record(row.id)
    if as_json:
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(f"[bold]{row.title or row.lead or row.doc}[/bold]  ({row.id}, {row.published})")
    for person in record["people"]:
        role = f", {person['role']}" if person.get("role") else ""
        out.print(f"  person  {person['name']} [{person.get('country') or '-'}{role}]")
    for event in record["events"]:
        actors = f"{', '.join(event['source'])} -> {', '.join(event['target'])}"
        out.print(
            f"  event   {event['type']:<9} {event.get('date') or '?':<10} {actors}"
            f" @ {event.get('location') or '-'} ({event['status']})",
            highlight=False,
        )
        out.print(f"          [dim]{event['evidence']}[/dim]", highlight=False)
    for quote in record["quotes"]:
        out.print(f"  quote   {quote.get('speaker') or '?'}: «{quote['text']}»", highlight=False)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder with articles and gold.jsonl.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
    floors: Annotated[
        Path | None, typer.Option(help="Fail (exit 1) when a score is below these floors.")
    ] = None,
    kb: KbOption = None,
) -> None:
    """Score the analysis of a gold folder by FORMAT.md's rules."""
    from .evaluate import check_floors, evaluate_folder, load_floors, render_table

    scores = evaluate_folder(gold_dir, options=_options(kb, 1, 16))
    if as_json:
        sys.stdout.write(json.dumps(scores.as_dict(), indent=2) + "\n")
    else:
        out.print(render_table(scores))
    if floors is not None:
        failures = check_floors(scores, load_floors(floors))
        if failures:
            for failure in failures:
                err.print(f"[red]{failure}[/red]", highlight=False)
            raise typer.Exit(1)


def main() -> None:
    """Entry point that turns veilleur's errors into one clear line and exit code 2."""
    try:
        app()
    except VeilleurError as exc:
        err.print(f"[red]error[/red] {exc}", highlight=False)
        raise SystemExit(2) from exc
