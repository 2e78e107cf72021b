"""veilleur's web UI and REST API: timeline, events with their evidence, actors, network.

Usage::

    from veilleur.web import create_app, serve
    app = create_app(Store.open("veilleur.db"))   # a FastAPI app (ASGI), read-only
    serve("veilleur.db", host="127.0.0.1", port=8000)

Every HTML page has a JSON twin at the same path with '.json' ('/' has '/events.json').
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
