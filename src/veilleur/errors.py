"""Error codes: every message a user can meet has a code to search for and says what to do."""

from __future__ import annotations


class Errors:
    """Message templates, formatted with keyword arguments, spaCy style."""

    # Reading input (E0xx)
    E001 = "E001 {path}: file is empty; nothing to analyse. Remove it or add the article text."
    E002 = (
        "E002 {path}: looks binary (NUL bytes in the first {n} bytes); veilleur reads UTF-8 text, "
        "JSON Lines or HTML. Convert it to text first."
    )
    E003 = (
        "E003 {path}: cannot decode the text (not UTF-8, and no other encoding fits). "
        "Re-save it as UTF-8."
    )
    E004 = (
        "E004 {path}:{line}: malformed JSON ({reason}). Fix that line; the other lines were read."
    )
    E005 = (
        "E005 {path}:{line}: JSON object has no non-empty 'text' field. Each JSON Lines record "
        "needs 'text' (and optionally id, url, title, published, outlet)."
    )
    E006 = "E006 {path}: no article text found in the HTML page (navigation or empty page?)."
    E007 = "E007 {path}: article has no text once title, captions and credits are removed."
    E008 = "E008 {path}: no such file or folder."
    E009 = (
        "E009 {path}:{line}: line is longer than {limit} bytes; skipped. Split the record "
        "or raise the limit with --max-record-bytes."
    )
    E010 = (
        "E010 {path}:{line}: field 'published' is not a date ({value!r}); expected YYYY[-MM[-DD]]."
    )
    E011 = "E011 {path}: unsupported file type {suffix!r}; use .txt, .jsonl, .json, .html or .htm."
    E012 = (
        "E012 {path}: file is larger than {limit} bytes; skipped. Split it (JSON Lines are read "
        "line by line) or raise the limit with --max-record-bytes."
    )
    E013 = "E013 {path}: cannot read ({reason}). Check the file's permissions."
    E014 = (
        "E014 {path}: the first JSON record has no 'text' field, so the file does not hold "
        "articles (an annotation file?); skipped. Each record needs 'text'."
    )
    E015 = (
        "E015 {path}: analysis failed ({reason}); not stored, and the run goes on. Please "
        "report it with the article: 'veilleur extract' on the file alone shows the traceback."
    )

    # Language data and knowledge base (E1xx)
    E101 = "E101 language data {path}: {reason}. Fix the file; see its schema in veilleur.lang."
    E102 = "E102 no language data for {lang!r}; available: {available}."
    E103 = "E103 knowledge base file {path}: {reason}. See docs/kb.md for the format."

    # Storage (E2xx)
    E201 = "E201 cannot open database {url}: {reason}."
    E202 = (
        "E202 database {url} has schema version {found}, newer than this veilleur ({known}). "
        "Upgrade veilleur."
    )
    E203 = "E203 no article with id {id!r} in the database; list them with 'veilleur articles'."

    # Evaluation (E3xx)
    E301 = "E301 {path}: no gold.jsonl in this folder; 'veilleur eval' needs annotated articles."
    E302 = "E302 {path}:{line}: gold record names doc {doc!r}, which is not in the folder."
    E303 = "E303 scores below the pinned floors: {failures}."
    E304 = "E304 {path}:{line}: not a FORMAT.md record ({reason}). Fix that line."
    E305 = "E305 {path}: cannot read it ({reason}). Check the path."
    E306 = (
        "E306 {path}: {reason}. A clusters file is a JSON list of clusters, each a list of "
        "[doc, event_index] pairs."
    )
    E307 = "E307 {path}: {reason}. A floors file is a JSON object of dotted metric names to 0-1."
    E308 = (
        "E308 doc {doc!r} appears {n} times in the {side} records; articles are paired by doc, "
        "so each must be unique."
    )

    # Queries and exports (E4xx)
    E401 = "E401 unknown export format {fmt!r}; choose one of {formats}."
    E402 = "E402 the {fmt} export writes a file: give one with --output FILE."
    E403 = "E403 this export needs optional packages: pip install 'veilleur[{extra}]'."
    E404 = "E404 no actor matches {query!r}; list them with 'veilleur actors'."
    E405 = "E405 {value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD."

    # Web UI and REST API (E5xx)
    E501 = "E501 no event with id {id!r}; the timeline (/ or /events.json) lists them."
    E502 = "E502 no actor with id {id!r}; /actors lists them (ids look like 'person:...')."
    E503 = "E503 the web UI needs optional packages: pip install 'veilleur[web]'."

    # Distributed ingest (E6xx)
    E601 = "E601 the distributed ingest needs Dask: pip install 'veilleur[scale]'."
    E602 = (
        "E602 {url}: an in-memory database cannot be shared by worker processes; give a "
        "file path or a postgresql:// URL."
    )
    E603 = (
        "E603 cannot reach the Dask scheduler at {address} ({reason}). Start one with "
        "'dask scheduler', or give no scheduler to run a local cluster."
    )
    E604 = (
        "E604 {doc}: analysis failed on worker {worker} ({reason}); not stored. Run "
        "'veilleur extract' on it alone to see the traceback."
    )
    E605 = "E605 {doc}: storing failed on worker {worker} ({reason}); not stored, retried next run."
    E606 = "E606 {doc}: its partition was lost ({reason}); not stored, retried next run."


class VeilleurError(Exception):
    """Base class of veilleur's errors; the message starts with its code."""


class InputError(VeilleurError):
    """Raised for input that cannot be read as an article; the run goes on with the rest."""

    def __init__(self, message: str, *, path: str = "", line: int | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line

    @property
    def code(self) -> str:
        """The error code, e.g. 'E004'."""
        return str(self).split(" ", 1)[0]


class DataError(VeilleurError):
    """Raised when a language data or knowledge-base file is invalid."""


class StoreError(VeilleurError):
    """Raised when the database cannot be opened or migrated."""
