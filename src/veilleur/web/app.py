"""The FastAPI application: every HTML page has a JSON twin (same path + '.json', same data)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from ..store import Store
from . import views
from .pages import Filters
from .views import PageError

HERE = Path(__file__).resolve().parent
JSON = ".json"
CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'"

Page = Annotated[int, Query(ge=1, description="Page number, from 1.")]
Size = Annotated[int, Query(ge=1, le=500, description="Rows per page.")]
Limit = Annotated[int, Query(ge=1, le=1000, description="Most rows shown.")]


def _path_id(value: str) -> str:
    """An id quoted for use in a URL path (ids hold ':' and may hold spaces or accents)."""
    return quote(value, safe=":")


def _plain(value: object) -> object:
    """A record as JSON-ready values (for `json.dumps`' default)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _headline(value: str, width: int = 110) -> str:
    """`value` cut to about `width` characters at a word boundary (a lead as a headline)."""
    value = " ".join(value.split())
    if len(value) <= width:
        return value
    return value[:width].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.filters["path"] = _path_id
    templates.env.filters["headline"] = _headline
    # `tojson` in templates takes the page records as they are, like the JSON twins.
    templates.env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "default": _plain}
    return templates


def _twin(request: Request) -> str:
    """The URL of the JSON twin of this HTML page (or of the page of this JSON)."""
    path = request.url.path
    if path.endswith(JSON):
        base = path[: -len(JSON)]
        twin = "/" if base == "/events" else base
    else:
        twin = "/events.json" if path == "/" else path.rstrip("/") + JSON
    query = request.url.query
    return twin + (f"?{query}" if query else "")


def _split(value: str) -> tuple[str, bool]:
    """(id, wants JSON) of a path parameter that may end in '.json'."""
    if value.endswith(JSON):
        return value[: -len(JSON)], True
    return value, False


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith(JSON)


def create_app(store: Store) -> FastAPI:
    """The web UI and REST API over `store` (read-only)."""
    app = FastAPI(
        title="veilleur",
        summary="Political events read from news articles, with their evidence.",
        docs_url=None,  # the interactive docs load scripts from a CDN; the schema stays
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = store

    @app.middleware("http")
    async def same_origin_only(request: Request, call_next: Any) -> Response:
        # The pages load nothing from elsewhere; the browser is told to refuse it if they tried.
        response: Response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    templates = _templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def respond(request: Request, template: str, data: Any, *, as_json: bool) -> Response:
        """The page's data as JSON, or rendered by its template."""
        if as_json:
            return JSONResponse(dataclasses.asdict(data))
        context = {"data": data, "twin": _twin(request), "request": request}
        return templates.TemplateResponse(request, template, context)

    def error(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        context = {"status": status, "message": message, "twin": None}
        return templates.TemplateResponse(request, "error.html", context, status_code=status)

    @app.exception_handler(PageError)
    async def page_error(request: Request, exc: PageError) -> Response:
        return error(request, exc.status, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail) if exc.status_code != 404 else f"no page at {request.url.path}"
        return error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()
        )
        return error(request, 400, f"bad parameter ({problems})")

    @app.get("/", response_class=HTMLResponse, summary="Timeline of real events")
    @app.get("/events.json", summary="Timeline of real events (JSON)")
    def timeline(
        request: Request,
        actor: str | None = None,
        country: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        page: Page = 1,
        size: Size = 50,
    ) -> Response:
        filters = Filters(actor, country, type, since, until)
        data = views.timeline(request.app.state.store, filters, page=page, size=size)
        return respond(request, "timeline.html", data, as_json=_wants_json(request))

    @app.get("/event/{event_id:path}", summary="One event with every sentence behind it")
    def event(request: Request, event_id: str) -> Response:
        key, as_json = _split(event_id)
        data = views.event(request.app.state.store, key)
        return respond(request, "event.html", data, as_json=as_json)

    @app.get("/actors", response_class=HTMLResponse, summary="Actors, most active first")
    @app.get("/actors.json", summary="Actors, most active first (JSON)")
    def actors(request: Request, kind: str | None = None, limit: Limit = 100) -> Response:
        data = views.actors(request.app.state.store, kind=kind, limit=limit)
        return respond(request, "actors.html", data, as_json=_wants_json(request))

    @app.get("/actor/{actor_id:path}", summary="One actor: offices, events, quotes, counterparts")
    def actor(request: Request, actor_id: str, limit: Limit = 100) -> Response:
        key, as_json = _split(actor_id)
        data = views.actor(request.app.state.store, key, limit=limit)
        return respond(request, "actor.html", data, as_json=as_json)

    @app.get("/network", response_class=HTMLResponse, summary="The actor network")
    @app.get("/network.json", summary="The actor network (JSON)")
    def network(request: Request, type: str | None = None, limit: Limit = 60) -> Response:
        data = views.network(request.app.state.store, type=type, limit=limit)
        return respond(request, "network.html", data, as_json=_wants_json(request))

    @app.get("/articles", response_class=HTMLResponse, summary="Stored articles")
    @app.get("/articles.json", summary="Stored articles (JSON)")
    def articles(request: Request, page: Page = 1, size: Size = 50) -> Response:
        data = views.articles(request.app.state.store, page=page, size=size)
        return respond(request, "articles.html", data, as_json=_wants_json(request))

    @app.get("/article/{article_id:path}", summary="An article with its evidence highlighted")
    def article(request: Request, article_id: str) -> Response:
        key, as_json = _split(article_id)
        data = views.article(request.app.state.store, key)
        return respond(request, "article.html", data, as_json=as_json)

    @app.get("/quotes", response_class=HTMLResponse, summary="Quotations")
    @app.get("/quotes.json", summary="Quotations (JSON)")
    def quotes(request: Request, speaker: str | None = None, limit: Limit = 100) -> Response:
        data = views.quotes(request.app.state.store, speaker=speaker, limit=limit)
        return respond(request, "quotes.html", data, as_json=_wants_json(request))

    @app.get("/stories", response_class=HTMLResponse, summary="Articles grouped by story")
    @app.get("/stories.json", summary="Articles grouped by story (JSON)")
    def stories(request: Request, singles: bool = False, limit: Limit = 100) -> Response:
        data = views.stories(request.app.state.store, singles=singles, limit=limit)
        return respond(request, "stories.html", data, as_json=_wants_json(request))

    return app


def serve(db: str | None = None, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the web UI and API over the database `db` (URL or SQLite path) until stopped."""
    import uvicorn

    uvicorn.run(create_app(Store.open(db)), host=host, port=port, log_level="info")
