"""A real headless Chromium loads the pages from a live server and sees what a person sees."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from spacy.language import Language

from veilleur.store import Store
from veilleur.web import create_app

from .test_web import build_store

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def browser() -> str:
    """The Chromium executable; the tests fail (never skip) without it."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("no Chromium found: install it with `apt-get install -y chromium`")


@pytest.fixture(scope="module")
def store(
    tmp_path_factory: pytest.TempPathFactory, nlp: Language, dev_dir: Path
) -> Iterator[Store]:
    db = build_store(tmp_path_factory.mktemp("browser") / "web.db", nlp, dev_dir)
    yield db
    db.close()


@pytest.fixture(scope="module")
def server(store: Store) -> Iterator[str]:
    """The app served by uvicorn on a free port of 127.0.0.1, in a thread."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(store), log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):  # wait for the server to listen, up to about 10 s
        if running.started:
            break
        time.sleep(0.05)
    assert running.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    sock.close()


def _chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
        f"--user-data-dir={profile}", "--virtual-time-budget=5000", *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def dump_dom(browser: str, tmp_path: Path, url: str) -> str:
    """The page's DOM after its scripts ran."""
    done = _chromium(browser, tmp_path / "profile", "--dump-dom", url)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(browser: str, tmp_path: Path, url: str, name: str, size: str) -> Path:
    """A PNG of the page as a window of `size` ('W,H') shows it."""
    out = tmp_path / name
    done = _chromium(
        browser, tmp_path / "profile", f"--screenshot={out}", f"--window-size={size}", url
    )
    assert out.exists(), done.stderr[-2000:]
    return out


def test_network_page_draws_its_nodes_and_edges(browser: str, server: str, tmp_path: Path) -> None:
    dom = dump_dom(browser, tmp_path, f"{server}/network")
    svg = re.search(r'<svg id="network"[^>]*>', dom)
    assert svg is not None
    assert 'data-nodes="6"' in svg.group(0) and 'data-edges="3"' in svg.group(0)
    assert len(re.findall(r'<a [^>]*class="node"', dom)) == 6 and dom.count("<circle") == 6
    assert len(re.findall(r'<line class="edge"', dom)) == 3
    assert '<a href="/actor/person:yoav-gallant" class="node"' in dom
    # the layout placed the nodes inside the drawing, not all on one point
    centres = {
        (float(x), float(y)) for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', dom)
    }
    assert len(centres) == 6
    assert all(0 <= x <= 1000 and 0 <= y <= 640 for x, y in centres)
    shot = screenshot(browser, tmp_path, f"{server}/network", "network.png", "1280,900")
    assert shot.read_bytes()[:8] == PNG_MAGIC and shot.stat().st_size > 10_000


def test_event_page_highlights_every_evidence_sentence(
    browser: str, server: str, tmp_path: Path
) -> None:
    timeline = dump_dom(browser, tmp_path, f"{server}/?actor=Gallant")
    ids = re.findall(r'<tr class="event" data-event="([^"]+)"', timeline)
    assert len(ids) == 1
    dom = dump_dom(browser, tmp_path, f"{server}/event/{ids[0]}")
    marks = re.findall(r'<mark class="evidence"[^>]*><a [^>]*>([^<]+)</a></mark>', dom)
    assert marks == [
        "Le ministre israélien de la Défense Yoav Gallant s’est entretenu ce mercredi avec le "
        "Secrétaire d’Etat à la Défense des Etats-Unis Lloyd Austin pour lui donner notamment des "
        "précisions sur l’opération ciblée de Tsahal à Beyrouth qui a permis mardi soir "
        "l’élimination du numéro deux du Hezbollah Fuad Shukr, bras droit de Nassrallah.",
        "Yoav Gallant a eu mercredi un long entretien téléphonique avec Lloyd Austin.",
    ]
    # each sentence is shown inside its paragraph: text around it is there too
    contexts = re.findall(r'<p class="context">(.*?)</p>', dom, flags=re.S)
    assert len(contexts) == 2
    assert "Après avoir indiqué" in contexts[0]
    shot = screenshot(browser, tmp_path, f"{server}/event/{ids[0]}", "event.png", "1280,1000")
    assert shot.read_bytes()[:8] == PNG_MAGIC


def test_timeline_filter_form_round_trips(browser: str, server: str, tmp_path: Path) -> None:
    dom = dump_dom(browser, tmp_path, f"{server}/?type=ASSAULT")
    assert dom.count('<tr class="event"') == 1
    assert '<option selected="">ASSAULT</option>' in dom
    assert '<a class="actor" href="/actor/state:RUS">Russie</a>' in dom
