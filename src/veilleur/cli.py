"""The `veilleur` command line."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich import box
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import Errors, InputError, VeilleurError
from .pipeline import Options, analyse
from .readers import read
from .readers.files import DEFAULT_MAX_RECORD_BYTES
from .records import Article, PartialDate
from .store import EventActor, RunTally, Store, TimelineFilter, TimelineRow, unstored
from .store.calendar import stored_calendar

if TYPE_CHECKING:
    from .evaluation.merge import Cluster

app = typer.Typer(
    help="French news articles into a structured, deduplicated record of political events.",
    no_args_is_help=True,
    add_completion=False,
)
# Piped output is not cut to 80 columns: tables stay readable in files and pagers.
out = Console(width=None if sys.stdout.isatty() else 140)
err = Console(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="VEILLEUR_DB", help="Database URL or SQLite path [veilleur.db]."),
]
KbOption = Annotated[
    list[str] | None, typer.Option("--kb", help="Extra knowledge-base file (same format).")
]
CalendarOption = Annotated[
    list[str] | None,
    typer.Option(
        "--calendar", help="Extra calendar of dated events (kb/data/calendar.yaml format)."
    ),
]
ProcOption = Annotated[int, typer.Option("--n-process", "-j", min=1, help="Worker processes.")]
BatchOption = Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch.")]
PathsArg = Annotated[list[str], typer.Argument(help="Files, folders, or - for standard input.")]
MaxBytesOption = Annotated[
    int,
    typer.Option("--max-record-bytes", min=1024, help="Longest article or JSON line read."),
]


_TEXT_COLUMNS = frozenset({"doc", "title / lead", "name", "role", "source", "target", "where"})


def _table(*columns: str, title: str | None = None) -> Table:
    """A compact table whose long cells are cut, not wrapped over many lines."""
    table = Table(title=title, box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    for name in columns:
        if name in _TEXT_COLUMNS:  # these share what the short ones leave
            table.add_column(name, no_wrap=True, overflow="ellipsis", ratio=1)
        else:
            table.add_column(name, no_wrap=True, min_width=len(name))
    return table


def _options(
    kb: list[str] | None,
    n_process: int,
    batch_size: int,
    calendar: list[str] | tuple[str, ...] | None = None,
) -> Options:
    return Options(
        n_process=n_process,
        batch_size=batch_size,
        kb_paths=tuple(kb or ()),
        calendar_paths=tuple(calendar or ()),
    )


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


def _skipper(failures: list[InputError]) -> Callable[[InputError], None]:
    """Report an input that is skipped on stderr, and collect it; the run goes on."""

    def skip(failure: InputError) -> None:
        failures.append(failure)
        err.print(f"[yellow]skipped[/yellow] {failure}", highlight=False)

    return skip


def _articles(
    paths: list[str], skip: Callable[[InputError], None], *, max_bytes: int
) -> Iterator[Article]:
    """Readable articles of `paths`; unreadable inputs go to `skip`."""
    for item in read(paths, stdin=sys.stdin, max_record_bytes=max_bytes):
        if isinstance(item, InputError):
            skip(item)
        else:
            yield item


def _learned_kb(store: Store) -> Path | None:
    """The store's learnt people as a knowledge-base file beside the cache, or None."""
    return _temp_file("learned", store.learned_kb())


def _stored_calendar(store: Store) -> Path | None:
    """The store's events dated to the day as a calendar file (dates undated articles)."""
    return _temp_file("calendar", stored_calendar(store.engine))


def _temp_file(prefix: str, text: str | None) -> Path | None:
    """`text` in a temporary file named by its content, or None when there is no text."""
    if text is None:
        return None
    folder = Path(tempfile.gettempdir()) / "veilleur"
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    path = folder / f"{prefix}-{digest}.yaml"
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return path


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOption = None,
    kb: KbOption = None,
    calendar: CalendarOption = None,
    n_process: ProcOption = 1,
    batch_size: BatchOption = 16,
    max_bytes: MaxBytesOption = DEFAULT_MAX_RECORD_BYTES,
) -> None:
    """Read, analyse and store articles; already stored articles are skipped (idempotent)."""
    store = Store.open(db)
    args = {"paths": paths, "db": db, "kb": kb or [], "calendar": calendar or []}
    run_id = store.start_run("ingest", args)
    learned = _learned_kb(store)
    kb = [*(kb or []), *([str(learned)] if learned else [])]
    stored = _stored_calendar(store)
    calendar = [*(calendar or []), *([str(stored)] if stored else [])]
    failures: list[InputError] = []
    skip = _skipper(failures)
    tally = RunTally()

    items = read(paths, stdin=sys.stdin, max_record_bytes=max_bytes)
    try:
        with _progress() as progress:
            task = progress.add_task("analysing", total=None)
            fresh = unstored(items, store, tally, on_failure=skip)
            options = _options(kb, n_process, batch_size, calendar)
            for record in analyse(fresh, options=options, on_error=skip):
                status = store.add(record, run_id=run_id)
                if status == "new":
                    tally.new += 1
                else:
                    tally.stored += 1
                progress.advance(task)
    finally:
        store.finish_run(
            run_id,
            n_read=tally.read,
            n_new=tally.new,
            n_stored=tally.stored,
            n_failed=len(failures),
            failures=[str(f) for f in failures],
        )
    out.print(
        f"read {tally.read}, new {tally.new}, already stored {tally.stored}, "
        f"failed {len(failures)}  ->  {store.url}",
        highlight=False,
    )
    for failure in failures:
        out.print(f"  failed: {failure}", highlight=False)


SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        envvar="VEILLEUR_SCHEDULER",
        help="Dask scheduler address (tcp://host:8786); none: a local cluster for the run.",
    ),
]


@app.command("ingest-dask")
def ingest_dask(
    paths: PathsArg,
    db: DbOption = None,
    kb: KbOption = None,
    calendar: CalendarOption = None,
    scheduler: SchedulerOption = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Processes of the local cluster.")
    ] = 2,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Articles per Dask task.")
    ] = 16,
    batch_size: BatchOption = 16,
    max_bytes: MaxBytesOption = DEFAULT_MAX_RECORD_BYTES,
) -> None:
    """Like ingest, the analysis mapped over partitions by Dask workers that write to --db."""
    from .scale import Failure, PartitionResult, ingest_distributed

    with _progress() as progress:
        task = progress.add_task("analysing", total=None)

        def show(item: PartitionResult | Failure) -> None:
            if isinstance(item, Failure):
                err.print(f"[yellow]skipped[/yellow] {item.reason}", highlight=False)
            else:
                progress.advance(task, item.new + item.stored + len(item.failed))

        counts = ingest_distributed(
            paths,
            db=db,
            scheduler=scheduler,
            workers=workers,
            partition_size=partition_size,
            kb_paths=tuple(kb or ()),
            calendar_paths=tuple(calendar or ()),
            batch_size=batch_size,
            max_record_bytes=max_bytes,
            stdin=sys.stdin,
            progress=show,
        )
    out.print(
        f"read {counts.read}, new {counts.new}, already stored {counts.stored}, "
        f"failed {len(counts.failed)}  ->  {counts.url} "
        f"({counts.partitions} partitions on {counts.workers} workers)",
        highlight=False,
    )
    for failure in counts.failed:
        out.print(f"  failed: {failure.reason}", highlight=False)


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="Output format: jsonl.")] = "jsonl",
    kb: KbOption = None,
    calendar: CalendarOption = None,
    n_process: ProcOption = 1,
    batch_size: BatchOption = 16,
    max_bytes: MaxBytesOption = DEFAULT_MAX_RECORD_BYTES,
) -> None:
    """Print one FORMAT.md record per article on standard output; no database involved."""
    if fmt != "jsonl":
        raise typer.BadParameter("only jsonl is supported by extract; see 'veilleur export'")
    failures: list[InputError] = []
    skip = _skipper(failures)
    records = analyse(
        _articles(paths, skip, max_bytes=max_bytes),
        options=_options(kb, n_process, batch_size, calendar),
        on_error=skip,
    )
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
    store = Store.open(db)
    table = _table("id", "published", "doc", "title / lead", "people", "events", "quotes")
    for row in store.articles(limit=limit, offset=offset):
        table.add_row(
            row.id[:12],
            row.published or "",
            row.doc or "",
            (row.title or row.lead or "").replace("\n", " "),
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


def _day(value: str | None, *, last: bool) -> dt.date | None:
    """A --since/--until value: YYYY, YYYY-MM or YYYY-MM-DD, as its first or last day."""
    if value is None:
        return None
    try:
        date = PartialDate.parse(value)
    except ValueError as exc:
        raise typer.BadParameter(Errors.E405.format(value=value)) from exc
    return date.last_day() if last else date.first_day()


def _actor_ids(store: Store, query: str) -> list[str]:
    ids = store.find_actors(query)
    if not ids:
        err.print(Errors.E404.format(query=query), highlight=False)
        raise typer.Exit(1)
    return ids


def _names(actors: tuple[EventActor, ...]) -> str:
    return ", ".join(a.name for a in actors) or "-"


def _timeline_table(rows: list[TimelineRow], title: str) -> Table:
    table = _table("date", "type", "source", "target", "where", "status", "src", title=title)
    for row in rows:
        kind = f"{row.type}/{row.mode}" if row.mode else row.type
        table.add_row(
            row.date or "?",
            kind,
            _names(row.source),
            _names(row.target),
            row.location or "",
            row.status,
            str(row.n_sources),
        )
    return table


@app.command()
def timeline(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Events of this actor (name or id).")] = None,
    country: Annotated[
        str | None, typer.Option(help="Events involving this country (ISO3).")
    ] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER type.")] = None,
    since: Annotated[str | None, typer.Option(help="From this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date (YYYY[-MM[-DD]]).")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON event per line.")] = False,
) -> None:
    """Real events in date order, each with its number of sources."""
    store = Store.open(db)
    where = TimelineFilter(
        actor_ids=tuple(_actor_ids(store, actor)) if actor else None,
        country=country,
        type=event_type,
        since=_day(since, last=False),
        until=_day(until, last=True),
    )
    rows = store.timeline(where, limit=limit)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
        return
    total = store.count_events(where)
    out.print(_timeline_table(rows, f"{len(rows)} of {total} events"))


@app.command("actors")
def list_actors(
    db: DbOption = None,
    kind: Annotated[str | None, typer.Option(help="person, state, organisation or group.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
) -> None:
    """Actors, most frequent in events first."""
    store = Store.open(db)
    table = _table("id", "name", "kind", "country", "role", "events", "articles", "quotes")
    for row in store.actors(limit=limit, kind=kind):
        table.add_row(
            row.actor_id,
            row.name,
            row.kind,
            row.country or "",
            row.role or "",
            str(row.n_events),
            str(row.n_articles),
            str(row.n_quotes),
        )
    out.print(table)


@app.command("actor")
def show_actor(
    name: Annotated[str, typer.Argument(help="Name, alias or id of the actor.")],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
) -> None:
    """One actor: offices over time, events, quotes, most frequent counterparts."""
    store = Store.open(db)
    for actor_id in _actor_ids(store, name):
        profile = store.actor(actor_id, limit=limit)
        if profile is None:
            continue
        a = profile.actor
        out.print(f"[bold]{a.name}[/bold] ({a.actor_id}, {a.kind}, {a.country or '-'})")
        if a.aliases:
            out.print(f"  also: {', '.join(a.aliases)}", highlight=False)
        for role in profile.roles:
            span = role.first if role.first == role.last else f"{role.first} .. {role.last}"
            out.print(f"  office  {role.role}  ({span or 'undated'}, {role.n_articles} art.)")
        if profile.counterparts:
            met = ", ".join(f"{c.name} ({n})" for c, n in profile.counterparts)
            out.print(f"  most often with: {met}", highlight=False)
        out.print(_timeline_table(list(profile.events), "events"))
        for quote in profile.quotes:
            out.print(f"  «{quote.text}»  [dim]{quote.doc}, {quote.published or '?'}[/dim]")


@app.command("quotes")
def list_quotes(
    db: DbOption = None,
    speaker: Annotated[str | None, typer.Option(help="Quotes of this speaker only.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
) -> None:
    """Quotations with their speakers, newest first."""
    store = Store.open(db)
    ids = _actor_ids(store, speaker) if speaker else None
    for quote in store.quotes(speaker_ids=ids, limit=limit):
        out.print(
            f"[bold]{quote.speaker or '?'}[/bold] «{quote.text}»  "
            f"[dim]{quote.doc}, {quote.published or '?'}[/dim]",
            highlight=False,
        )


@app.command("stories")
def list_stories(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(min=1)] = 20,
    all_stories: Annotated[bool, typer.Option("--all", help="Single articles too.")] = False,
) -> None:
    """Articles grouped by story: shared events, shared people and similar wording."""
    stories = Store.open(db).stories()
    shown = [s for s in stories if all_stories or len(s.articles) > 1][:limit]
    for story in shown:
        span = f"{story.first or '?'} .. {story.last or '?'}"
        out.print(
            f"[bold]{len(story.articles)} articles[/bold]  {span}  {', '.join(story.people)}",
            highlight=False,
        )
        for article in story.articles:
            title = (article.title or "")[:90]
            out.print(f"    {article.published or '?'}  {article.doc}  {title}", highlight=False)
    alone = sum(1 for s in stories if len(s.articles) == 1)
    out.print(f"{len(stories)} stories; {alone} of them a single article", highlight=False)


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet, graphml, gexf.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    db: DbOption = None,
) -> None:
    """Export FORMAT.md records (jsonl), the dyadic event table (csv, parquet) or the network."""
    from .export import export

    n = export(Store.open(db), fmt, output if output is not None else sys.stdout)
    err.print(f"{n} rows written" + (f" to {output}" if output else ""), highlight=False)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve the web UI and REST API (every page has a JSON twin) over the database."""
    try:
        from .web import serve as serve_web
    except ImportError as exc:  # the optional 'web' extra
        raise VeilleurError(Errors.E503) from exc
    serve_web(db, host=host, port=port)


def _default_clusters(gold_dir: Path, docs: set[str]) -> list[Cluster] | None:
    """The gold folder's own clusters, else the working directory's file when every article
    it names is in this gold folder (the repository's file is for the dev corpus only)."""
    from .evaluate import load_clusters

    for path in (gold_dir / "eval_merge_clusters.json", Path("eval_merge_clusters.json")):
        if path.is_file():
            clusters = load_clusters(path)
            if all(doc in docs for c in clusters for doc, _ in c):
                return clusters
    return None


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder with articles and gold.jsonl.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print scores as JSON.")] = False,
    floors: Annotated[
        Path | None, typer.Option(help="Fail (exit 1) when a score is below these floors.")
    ] = None,
    clusters: Annotated[
        Path | None,
        typer.Option(help="Gold same-event clusters, to score merging [eval_merge_clusters.json]."),
    ] = None,
    kb: KbOption = None,
    calendar: CalendarOption = None,
    show_diffs: Annotated[
        bool,
        typer.Option("--explain", help="Also list every missed, spurious or wrong item."),
    ] = False,
) -> None:
    """Score the analysis of a gold folder by FORMAT.md's rules."""
    from .evaluate import (
        analyse_folder_records,
        check_floors,
        evaluate_and_explain,
        evaluate_records,
        load_clusters,
        load_floors,
        missed_causes,
        render_table,
    )

    gold, records = analyse_folder_records(gold_dir, options=_options(kb, 1, 16, calendar))
    given = (
        load_clusters(clusters)
        if clusters is not None
        else _default_clusters(gold_dir, {g.doc for g in gold})
    )
    if show_diffs:
        scores, diffs = evaluate_and_explain(gold, records, clusters=given)
    else:
        scores, diffs = evaluate_records(gold, records, clusters=given), []
    if as_json:
        body = scores.as_dict()
        if show_diffs:
            body = {
                "scores": body,
                "diffs": [d.as_dict() for d in diffs],
                "missed_events_by_cause": missed_causes(diffs),
            }
        sys.stdout.write(json.dumps(body, indent=2, ensure_ascii=False) + "\n")
    else:
        out.print(render_table(scores))
        for diff in diffs:
            out.print(str(diff), highlight=False, markup=False)
        if show_diffs:
            causes = ", ".join(f"{n} {cause}" for cause, n in missed_causes(diffs).items())
            out.print(f"missed events by cause: {causes}", highlight=False)
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


if __name__ == "__main__":  # `python -m veilleur.cli`, as the README and helpers run it
    main()
