"""``kg view`` pages opened in headless Chromium from ``file://`` with networking disabled.

The page's own script writes JSON into ``#kg-status`` once the layout is done
(read from the vis-network object: ``network.body.data``); ``--dump-dom``
returns the DOM after that. Text holding ``<script>`` and ``<img onerror>``
payloads that would add a ``<kg-pwned>`` element goes into the graph; the DOM
must hold no such element, and the payloads must be shown as text in the
details panel (``#focus=NAME`` opens a node's details). A screenshot is
written for people to look at; its path is printed (``pytest -s`` shows it).

Both engines are tested: vis-network (the small graph's default) and sigma.js
(WebGL, software-rendered with SwiftShader). Screenshots of each go to
``docs/view-vis.png`` and ``docs/view-sigma.png``.

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
DOCS = ROOT / "docs"  # the README shows the screenshots the tests write here
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,900",
         "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--use-angle=swiftshader", "--enable-unsafe-swiftshader")
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
    assert status["engine"] == "vis" and status["drawnNodes"] == len(view.nodes)
    assert html.escape(SCRIPT, quote=False) in dom  # the sentence is shown, as text, in the details panel
    screenshot(page, "Vladimir Poutine", profile, DOCS / "view-vis.png")


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
    from kg.pipeline import build_graph
    from kg.sources import Source, read_sources

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


# --- through the DevTools Protocol: both engines, the timeline, the panel, a large graph -------------------------


class Page:
    """One Chromium tab driven over the DevTools pipe: open a page, run JavaScript, click, drag."""

    def __init__(self, profile: Path):
        self.browser = devtools_client()(CHROMIUM, str(profile))

    def open(self, path: Path, fragment: str = "", timeout: float = 150.0) -> dict:
        return self.browser.open(path.as_uri() + fragment, timeout=timeout)

    def js(self, expression: str):
        result = self.browser.call("Runtime.evaluate", session=self.browser.session, expression=expression,
                                   returnByValue=True, awaitPromise=True)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def mouse(self, kind: str, x: float, y: float) -> None:
        self.browser.call("Input.dispatchMouseEvent", session=self.browser.session, type=kind, x=x, y=y,
                          button="left", buttons=0 if kind == "mouseReleased" else 1, clickCount=1)

    def click(self, x: float, y: float) -> None:
        self.mouse("mouseMoved", x, y)
        self.mouse("mousePressed", x, y)
        self.mouse("mouseReleased", x, y)

    def drag(self, x0: float, x1: float, y: float) -> None:
        self.mouse("mousePressed", x0, y)
        for k in range(1, 6):
            self.mouse("mouseMoved", x0 + (x1 - x0) * k / 5, y)
        self.mouse("mouseReleased", x1, y)

    def status(self) -> dict:
        return json.loads(self.js("document.getElementById('kg-status').textContent"))

    def screenshot(self, png: Path) -> None:
        import base64

        shot = self.browser.call("Page.captureScreenshot", session=self.browser.session, format="png")
        png.parent.mkdir(exist_ok=True)
        png.write_bytes(base64.b64decode(shot["data"]))
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
        print(f"\nkg view screenshot: {png}")

    def close(self) -> None:
        self.browser.close()


@pytest.fixture(scope="module")
def tab(tmp_path_factory: pytest.TempPathFactory):
    page = Page(tmp_path_factory.mktemp("cdp-profile"))
    try:
        yield page
    finally:
        page.close()


def write_page(tmp_path: Path, graph, name: str, **options) -> tuple[Path, View]:
    page_html, view = view_html(graph, title=f"kg view: {name}", **options)
    path = tmp_path / f"{name}.html"
    path.write_text(page_html, encoding="utf-8")
    return path, view


def no_injection(tab: Page) -> None:
    assert tab.js("document.querySelectorAll('kg-pwned, img, b, iframe, object, embed').length") == 0
    assert tab.js("document.querySelectorAll('[onerror], [onmouseover], [onload]').length") == 0


ENGINES = ("vis", "sigma")


@pytest.mark.parametrize("engine", ENGINES)
def test_hostile_labels_are_inert_in_both_engines(engine: str, tab: Page, tmp_path: Path) -> None:
    from test_view import EVIL_NAME

    path, view = write_page(tmp_path, to_graph([sample_record()]), f"hostile-{engine}", engine=engine)
    status = tab.open(path, "#focus=" + quote(EVIL_NAME))
    assert status["engine"] == engine
    assert status["nodes"] == status["drawnNodes"] == status["shownNodes"] == len(view.nodes)
    assert status["edges"] == len(view.edges)
    no_injection(tab)
    panel = tab.js("document.getElementById('kg-details-body').textContent")
    assert EVIL_NAME in panel  # the hostile name, shown as text
    for _ in range(2):  # search box and a click on every node: still nothing runs
        tab.js(f"kgApp.runSearch({json.dumps(SCRIPT)}, true)")
        for node in range(len(view.nodes)):
            tab.js(f"kgApp.showDetails({node})")
        no_injection(tab)
    body = tab.js("document.getElementById('kg-details-body').innerHTML")
    assert "<img" not in body and "<script" not in body
    if engine == "sigma":
        tab.js(f"kgApp.showDetails({next(i for i, n in enumerate(view.nodes) if n.label == 'Vladimir Poutine')})")
        assert SCRIPT in tab.js("document.getElementById('kg-details-body').textContent")


def _node(view: View, label: str) -> int:
    return next(i for i, n in enumerate(view.nodes) if n.label == label)


@pytest.mark.parametrize("engine", ENGINES)
def test_provenance_panel_on_click(engine: str, tab: Page, tmp_path: Path) -> None:
    """A real click on the reported sending event: facts, its sentence with trigger and fillers marked, the
    document's title; « show neighbours » then shows that event and its fillers only."""
    path, view = write_page(tmp_path, to_graph([sample_record()]), f"panel-{engine}", engine=engine)
    tab.open(path)
    sending = _node(view, "envoyer\nenvoyés")
    tab.js(f"kgApp.runSearch('', false); window.kgTarget = kgApp.where({sending})")
    x, y = tab.js("kgTarget")
    tab.click(x, y)
    assert tab.js("document.getElementById('kg-details').hidden") is False
    panel = tab.js("document.getElementById('kg-details-body').textContent")
    assert "Deployment" in panel and "Reported" in panel and "2024-12" in panel
    marked = tab.js("Array.from(document.querySelectorAll('#kg-details-body mark[data-kg-mark]'))"
                    ".map(m => [m.getAttribute('data-kg-mark'), m.textContent])")
    assert ["trigger", "envoyés"] in marked
    assert ["agent", "Corée du Nord"] in marked and ["recipient", "Russie"] in marked and ["source", "KCNA"] in marked
    sentence = tab.js("document.querySelector('#kg-details-body .kg-sentence').textContent")
    assert sentence.startswith("Selon KCNA") and IMG in sentence  # the payload, as text
    assert "document: Test <script>alert('title')</script>" in panel
    no_injection(tab)
    tab.js("document.getElementById('kg-neighbours').click()")
    status = tab.status()
    fillers = {e.target for e in view.edges if e.source == view.nodes[sending].key}
    fillers |= {e.source for e in view.edges if e.target == view.nodes[sending].key}
    assert status["shownNodes"] == 1 + len(fillers) == 3
    shown = tab.js("Array.from(kgApp.visible()).map((v, i) => v ? i : -1).filter(i => i >= 0)")
    assert {view.nodes[i].label for i in shown} == {"envoyer\nenvoyés", "Corée du Nord", "Russie"}
    tab.js("document.getElementById('kg-show-all').click()")
    assert tab.status()["shownNodes"] == len(view.nodes)


TIMELINE_TEXT = ("Le 5 mars 2024, Paris a accueilli Berlin. En juin 2024, Rome a signé avec Madrid. "
                 "En 2023, Lisbonne aurait attaqué Vienne. Le 26 décembre, Oslo a rencontré Dublin. "
                 "Athènes a parlé à Prague.")


def timeline_record():
    """Five events: a full date, a month, a year (reported), a day without year, and no date."""
    import datetime

    from kg.records import DateValue, DocumentRecord, EntityRecord, EventRecord, RoleFiller, SentenceRecord, Span

    text = TIMELINE_TEXT

    def span(piece: str) -> Span:
        start = text.index(piece)
        return Span(start, start + len(piece), piece)

    starts = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    sentences = [SentenceRecord(i, Span(a, b, text[a:b])) for i, (a, b) in enumerate(zip(starts, ends, strict=True))]
    cities = ("Paris", "Berlin", "Rome", "Madrid", "Lisbonne", "Vienne", "Oslo", "Dublin", "Athènes", "Prague")
    entities = {c: EntityRecord(c, "City", c, mentions=[span(c)]) for c in cities}
    plan = [("Meeting", "accueillir", "accueilli", "2024-03-05", "date", "5 mars 2024", "Asserted"),
            ("Agreement", "signer", "signé", "2024-06", "gYearMonth", "juin 2024", "Asserted"),
            ("Attack", "attaquer", "attaqué", "2023", "gYear", "En 2023", "Reported"),
            ("Meeting", "rencontrer", "rencontré", "--12-26", "gMonthDay", "26 décembre", "Asserted"),
            ("Communication", "parler", "parlé", None, None, None, "Asserted")]
    events = []
    for k, (cls, lemma, trigger, iso, kind, written, modality) in enumerate(plan):
        ev = EventRecord(f"t{k}", cls, lemma, span(trigger), k, modality=modality,
                         date=DateValue(iso, kind, span(written)) if iso else None)
        ev.roles += [RoleFiller("agent", cities[2 * k], span(cities[2 * k])),
                     RoleFiller("recipient", cities[2 * k + 1], span(cities[2 * k + 1]))]
        events.append(ev)
    return DocumentRecord("doc-timeline", text, title="Timeline test", sentences=sentences, entities=entities,
                          events=events, publication_date=datetime.date(2024, 12, 27))


@pytest.mark.parametrize("engine", ENGINES)
def test_timeline_marks_and_brushing_filter_the_graph(engine: str, tab: Page, tmp_path: Path) -> None:
    path, view = write_page(tmp_path, to_graph([timeline_record()]), f"timeline-{engine}", engine=engine)
    status = tab.open(path)
    assert status["timelineEvents"] == 4 == sum(n.when is not None for n in view.nodes)
    kinds = tab.js("Array.from(document.querySelectorAll('[data-kg-timeline-event]'))"
                   ".map(m => [m.getAttribute('data-kg-date-kind'), m.classList.contains('kg-hedged'),"
                   " m.getAttribute('aria-label')])")
    assert sorted(k[0] for k in kinds) == ["date", "month", "no-year", "year"]
    by_kind = {k[0]: k for k in kinds}
    assert "(month only)" in by_kind["month"][2] and "(year only)" in by_kind["year"][2]
    assert "placed in 2024" in by_kind["no-year"][2] and "publication year" in by_kind["no-year"][2]
    assert by_kind["year"][1] is True and by_kind["date"][1] is False  # the reported attack is hollow
    meeting = _node(view, "accueillir\n5 mars 2024")
    tab.js(f"document.querySelector('[data-kg-timeline-event=\"{meeting}\"]')"
           ".dispatchEvent(new PointerEvent('pointermove', {bubbles: true}))")
    assert tab.js("document.getElementById('kg-timeline-key').textContent").startswith("2024-03-05 · Meeting")
    box = tab.js(f"(() => {{ const r = document.querySelector('[data-kg-timeline-event=\"{meeting}\"]')"
                 ".getBoundingClientRect(); return [r.left, r.right, r.top + r.height / 2]; })()")
    tab.drag(box[0] - 4, box[1] + 4, box[2])  # brush over the 5 March meeting only
    status = tab.status()
    shown = tab.js("Array.from(kgApp.visible()).map((v, i) => v ? i : -1).filter(i => i >= 0)")
    assert {view.nodes[i].label for i in shown} == {"accueillir\n5 mars 2024", "Paris", "Berlin"}
    assert status["shownNodes"] == 3 and status["shownEdges"] == 2
    assert tab.js("document.getElementById('kg-date-from').value") <= "2024-03-05" <= \
        tab.js("document.getElementById('kg-date-to').value")
    assert tab.js("document.querySelectorAll('[data-kg-timeline-event].kg-off').length") == 3
    # filters together: all dates again, then no reported events, then no Meeting either
    tab.js("document.getElementById('kg-date-clear').click()")
    assert tab.status()["shownNodes"] == len(view.nodes)
    tab.js("document.querySelector('input[data-modality=\"Reported\"]').click()")
    assert tab.status()["shownNodes"] == len(view.nodes) - 3  # the attack and its two fillers
    tab.js("document.querySelector('input[data-cls=\"Meeting\"]').click()")
    assert tab.status()["shownNodes"] == len(view.nodes) - 9
    assert tab.js("kgApp.runSearch('oslo', false).length") == 0  # search looks among the nodes shown
    hits = tab.js("kgApp.runSearch('athenes', false)")  # accents folded; the city, then its event
    assert [view.nodes[i].label for i in hits][0] == "Athènes" and len(hits) == 2
    if engine == "vis":
        tab.js("document.querySelector('input[data-cls=\"Meeting\"]').click();"
               "document.querySelector('input[data-modality=\"Reported\"]').click()")
        tab.screenshot(DOCS / "view-timeline.png")


def test_large_graph_with_webgl(tab: Page, tmp_path: Path) -> None:
    """``kg view big.ttl --max-nodes 0`` on 20,000 nodes and 30,000 edges: the sigma engine draws every node.
    The time until stable is printed (bench/bench_view.py measures it), not asserted."""
    from typer.testing import CliRunner

    import kg.commands.view  # noqa: F401
    from kg.cli import app

    bench = importlib.util.spec_from_file_location("bench_view", ROOT / "bench" / "bench_view.py")
    module = importlib.util.module_from_spec(bench)
    bench.loader.exec_module(module)
    graph = module.synthetic_graph(20_000)
    ttl = tmp_path / "big.ttl"
    graph.serialize(ttl, format="turtle")
    out = tmp_path / "big.html"
    t0 = time.perf_counter()
    result = CliRunner().invoke(app, ["view", str(ttl), "-o", str(out), "--max-nodes", "0"])
    assert result.exit_code == 0, result.output
    assert "20000 nodes" in result.output and "(sigma)" in result.output
    python_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    status = tab.open(out, timeout=170)
    browser_s = time.perf_counter() - t0
    assert status["engine"] == "sigma"
    assert status["nodes"] == status["drawnNodes"] == status["shownNodes"] == 20_000
    assert status["edges"] == status["shownEdges"] >= 29_000
    assert status["timelineEvents"] == sum(1 for _ in graph.subject_objects(module.KG.date))
    print(f"\n20,000 nodes: kg view {python_s:.1f} s; page stable at {status['ms']} ms; browser {browser_s:.1f} s")
    tab.screenshot(DOCS / "view-sigma.png")


def test_without_webgl_the_sigma_page_says_so(tmp_path: Path) -> None:
    path, _view = write_page(tmp_path, to_graph([sample_record()]), "no-webgl", engine="sigma")
    dom = chromium(tmp_path / "profile", "--disable-webgl", "--dump-dom", "--virtual-time-budget=20000",
                   path.as_uri())
    match = re.search(r'<pre id="kg-status"[^>]*>(.*?)</pre>', dom, re.S)
    assert match and json.loads(html.unescape(match.group(1)))["error"]
    assert "kg view --engine vis" in dom
