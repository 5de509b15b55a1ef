"""``kg view`` pages opened in headless Chromium from ``file://`` with networking disabled.

The page's own script writes JSON into ``#kg-status`` once the layout is done
(read from the vis-network object: ``network.body.data``); ``--dump-dom``
returns the DOM after that. Text holding ``<script>`` and ``<img onerror>``
payloads that would add a ``<kg-pwned>`` element goes into the graph; the DOM
must hold no such element, and the payloads must be shown as text in the
details panel (``#focus=NAME`` opens a node's details). A screenshot is
written for people to look at; its path is printed (``pytest -s`` shows it).

Skipped when ``chromium`` is not on PATH (Debian: ``apt-get install -y chromium``).
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json
import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from test_view import IMG, SCRIPT, Tags, sample_record

from kg.rdf.mapping import to_graph
from kg.views import View, view_html

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900",
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND")
#: Virtual time the page gets to lay out (it is idle well before).
BUDGET_MS = 60_000
#: A real article's worth of text with payloads, for the pipeline test.
INJECTED = ("Le 3 mars, Emmanuel Macron a rencontré Olaf Scholz à Berlin " + SCRIPT + " pour parler de l'Ukraine.\n"
            "Selon l'AFP, la Russie aurait envoyé environ 300 soldats " + IMG + " en Syrie.\n"
            "Le président <b onmouseover=alert(1)>Vladimir Poutine</b> a remercié la Chine.\n")

pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH (apt-get install -y chromium)"),
              pytest.mark.slow]


def devtools_client():
    """The DevTools-over-a-pipe client of bench/bench_view.py (one copy of that code)."""
    spec = importlib.util.spec_from_file_location("bench_view", ROOT / "bench" / "bench_view.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Chromium


def chromium(profile: Path, *args: str) -> str:
    run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True,
                         timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def open_page(page: Path, focus: str, profile: Path) -> tuple[dict, str]:
    """The page's #kg-status and the DOM once the layout is done."""
    dom = chromium(profile, "--dump-dom", f"--virtual-time-budget={BUDGET_MS}", f"{page.as_uri()}#focus={quote(focus)}")
    match = re.search(r'<pre id="kg-status"[^>]*>(.*?)</pre>', dom, re.S)
    assert match and match.group(1), "the page did not finish its layout (no #kg-status)"
    return json.loads(html.unescape(match.group(1))), dom


def screenshot(page: Path, focus: str, profile: Path, png: Path) -> None:
    chromium(profile, f"--screenshot={png}", f"--virtual-time-budget={BUDGET_MS}",
             f"{page.as_uri()}#focus={quote(focus)}")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    print(f"\nkg view screenshot: {png}")


def check_page(status: dict, dom: str, view: View) -> None:
    assert status["nodes"] == status["shownNodes"] == len(view.nodes)
    assert status["edges"] == status["shownEdges"] == len(view.edges)
    assert status["iterations"] >= 1
    tags = [tag for tag, _ in Tags(dom).tags]
    assert "kg-pwned" not in tags, "an injected script ran"
    assert "img" not in tags and "b" not in tags


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chromium-profile")


def test_hand_built_graph_in_chromium(tmp_path: Path, profile: Path) -> None:
    page_html, view = view_html(to_graph([sample_record()]), title="kg view: sample")
    page = tmp_path / "sample.html"
    page.write_text(page_html, encoding="utf-8")
    status, dom = open_page(page, "Vladimir Poutine", profile)
    check_page(status, dom, view)
    assert html.escape(SCRIPT, quote=False) in dom  # the sentence is shown, as text, in the details panel
    screenshot(page, "Vladimir Poutine", profile, tmp_path / "sample.png")


def test_tooltip_shows_the_payload_as_text(tmp_path: Path) -> None:
    """Hover a node through the DevTools Protocol: its tooltip holds the <script> sentence as text."""
    page_html, _view = view_html(to_graph([sample_record()]))
    page = tmp_path / "hover.html"
    page.write_text(page_html, encoding="utf-8")
    browser = devtools_client()(CHROMIUM, str(tmp_path / "profile"))
    try:
        browser.open(page.as_uri())

        def js(expression: str):
            return browser.call("Runtime.evaluate", session=browser.session, expression=expression,
                                returnByValue=True)["result"].get("value")

        x, y = js("(() => { const n = kgView.network;"
                  " const id = kgView.nodes.getIds({filter: x => x.label === 'Vladimir Poutine'})[0];"
                  " const p = n.canvasToDOM(n.getPosition(id));"
                  " const box = document.getElementById('kg-network').getBoundingClientRect();"
                  " return [p.x + box.left, p.y + box.top]; })()")
        for dx in (0, 1):  # a first move enters the canvas, the second hovers the node
            browser.call("Input.dispatchMouseEvent", session=browser.session, type="mouseMoved", x=x + dx, y=y)
        tooltip = None
        for _ in range(50):  # vis-network shows the tooltip after a short delay without moves
            time.sleep(0.1)
            tooltip = js("(() => { const t = document.querySelector('div.vis-tooltip');"
                         " return t && t.style.visibility === 'visible' ? t.textContent : null; })()")
            if tooltip:
                break
        assert tooltip and "Vladimir Poutine" in tooltip and SCRIPT in tooltip
        assert js("document.querySelectorAll('kg-pwned, img, .vis-tooltip script').length") == 0
    finally:
        browser.close()


@pytest.fixture(scope="module")
def pipeline_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, View]:
    """The seed article and a text with payloads, through the real pipeline, built once."""
    from kg.io import Source, read_sources
    from kg.pipeline import build_graph

    sources = [*read_sources([str(ROOT / "seeds" / "000_b0697d4f31a32cd1.txt")]),
               Source("injection", INJECTED, "injection.txt")]
    graph = build_graph(sources, publication_date=dt.date(2024, 12, 27))
    page_html, view = view_html(graph, title="kg view: seed and payloads")
    assert "kg-pwned" in page_html, "the payload should reach the page's data"
    page = tmp_path_factory.mktemp("view") / "seed.html"
    page.write_text(page_html, encoding="utf-8")
    return page, view


@pytest.mark.model
def test_seed_and_payloads_through_the_pipeline_in_chromium(pipeline_page: tuple[Path, View], profile: Path) -> None:
    page, view = pipeline_page
    status, dom = open_page(page, "Emmanuel Macron", profile)
    check_page(status, dom, view)
    assert len(view.nodes) >= 10
    assert html.escape(SCRIPT, quote=False) in dom
    screenshot(page, "Vladimir Poutine", profile, page.with_suffix(".png"))
