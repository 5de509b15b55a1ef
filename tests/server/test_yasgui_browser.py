"""YASGUI at ``kg serve /`` in headless Chromium, networking limited to loopback (issue 13, item 5).

The page is loaded from a real endpoint on 127.0.0.1; the browser resolves no
name and sends everything else to a dead proxy. Through the DevTools protocol
the test runs a query with the page's ``kgPage.run`` (YASGUI's own query
button path) and reads the results table YASGUI drew. The data holds labels
that are markup (``<img onerror>``, ``<script>``, ``<svg onload>``), each of
which would add a ``<kg-pwned>`` element if it ever became markup: none may,
and each must show as text in the table. No Content-Security-Policy
violation may happen (the page would have tried another host, an inline
script or an inline style), and every resource the page loaded came from the
endpoint itself.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest
from rdflib import RDFS, Literal, URIRef

from kg.namespace import RES

from .conftest import running, small_graph

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PWN = "document.body.appendChild(document.createElement('kg-pwned'))"
HOSTILE = [f'<img src=x onerror="{PWN}">', f"<script>{PWN}</script>", f'"><svg onload="{PWN}">',
           "</td></tr></table><b>bold</b>"]
#: IRIs that would become attributes or script links if a page wrote them into markup unescaped.
HOSTILE_IRIS = ["http://example.org/x'onmouseover='alert(1)'data-x='", "javascript:alert(1)"]
NAMES = "SELECT ?p ?name WHERE { ?p rdfs:label ?name } ORDER BY ?name"
#: What the page's Content-Security-Policy blocks and may report: the inline handlers of hostile labels, met
#: while YASGUI's DOMPurify parses them inertly, and the <style> element of YASGUI's column resizer (its
#: grips are then unstyled). A blocked URL (another host) would be a failure.
EXPECTED_BLOCKS = {"script-src-attr inline", "style-src-elem inline"}

pytestmark = [pytest.mark.skipif(CHROMIUM is None, reason="chromium is not on PATH (apt-get install -y chromium)"),
              pytest.mark.slow]


def _graph():
    g = small_graph()
    for n, label in enumerate(HOSTILE):
        g.add((RES[f"person/hostile-{n}"], RDFS.label, Literal(label)))
    for n, iri in enumerate(HOSTILE_IRIS):
        g.add((URIRef(iri), RDFS.label, Literal(f"iri {n}")))
    return g


def _chromium_class():
    """bench/bench_view.py's DevTools client, in its own copy of that module, resolving 127.0.0.1 only (its own
    flags resolve no name at all, IP literals included, which suits file:// pages)."""
    spec = importlib.util.spec_from_file_location("bench_view_for_yasgui", ROOT / "bench" / "bench_view.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.CHROMIUM_FLAGS = tuple(f for f in module.CHROMIUM_FLAGS if not f.startswith("--host-resolver-rules")) + (
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",)
    assert "--proxy-server=127.0.0.1:9" in module.CHROMIUM_FLAGS  # anything not on loopback goes to a dead port
    return module.Chromium


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    chromium = _chromium_class()(CHROMIUM, str(tmp_path_factory.mktemp("profile")))
    yield chromium
    chromium.close()


def _eval(browser, expression: str):
    result = browser.call("Runtime.evaluate", session=browser.session, expression=expression, awaitPromise=True,
                          returnByValue=True)
    assert "exceptionDetails" not in result, result["exceptionDetails"]
    return result["result"].get("value")


def _open(browser, url: str) -> None:
    browser.call("Page.navigate", session=browser.session, url=url)
    browser.wait_event("Page.loadEventFired")
    assert _eval(browser, "new Promise(done => { const t0 = Date.now(); const tick = () => window.kgPage ? done(true)"
                          " : Date.now() - t0 > 30000 ? done(location.href) : setTimeout(tick, 20); tick(); })") is True


def test_yasgui_answers_a_query_and_hostile_labels_stay_text(browser) -> None:
    with running(_graph(), workers=1) as server:
        _open(browser, server.url)
        assert _eval(browser, "document.title") == "kg SPARQL endpoint"
        assert _eval(browser, "document.querySelectorAll('.yasqe .CodeMirror').length") == 1
        editor = _eval(browser, "kgPage.yasgui.getTab().getYasqe().getValue()")
        for prefix in ("kg", "res", "rdfs", "skos", "xsd", "prov"):
            assert f"PREFIX {prefix}: <" in editor
        status = _eval(browser, f"kgPage.run({json.dumps(NAMES)})")
        shown = [cell for row in status["rows"] for cell in row]
        assert status["bindings"] == 3 + len(HOSTILE) + len(HOSTILE_IRIS)
        for text in HOSTILE + ["Ada Martin", "Jean Dupont", "Zoé Petit"]:
            assert any(text in cell for cell in shown), (text, shown)
        assert any("x'onmouseover" in cell for cell in shown), shown
        assert _eval(browser, "document.querySelectorAll('kg-pwned').length") == 0
        assert _eval(browser, "document.querySelectorAll('.yasr img, .yasr svg[onload], .yasr b, .yasr script, "
                              ".yasr [onmouseover], .yasr [data-x], .yasr a[href^=javascript]').length") == 0
        assert {" ".join(v.split()[:2]) for v in status["violations"]} <= EXPECTED_BLOCKS, status["violations"]
        assert not any("http" in v.split()[1] for v in status["violations"])
        origin = server.url.rstrip("/")
        resources = _eval(browser, "performance.getEntriesByType('resource').map(e => e.name)")
        assert resources and all(name.startswith(origin + "/") for name in resources), resources
        assert any(name.endswith("/static/yasgui/yasgui.min.js") for name in resources)


def test_named_queries_open_as_tabs_with_their_parameters(browser) -> None:
    with running(_graph(), workers=1) as server:
        _open(browser, server.url)
        count = _eval(browser, "document.querySelectorAll('#kg-examples option').length") - 1
        names = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
        assert count == len(names)
        index = next(i for i, e in enumerate(server.examples) if e.name == "communications")
        tab = _eval(browser, f"""(() => {{
            const select = document.getElementById('kg-examples');
            select.value = '{index}';
            select.dispatchEvent(new Event('change'));
            const tab = kgPage.yasgui.getTab();
            return {{name: tab.getName(), text: tab.getYasqe().getValue(),
                    description: document.getElementById('kg-description').textContent,
                    tabs: kgPage.yasgui.persistentConfig.getTabs().length}};
        }})()""")
        assert tab["name"] == "Who communicated with whom"
        assert "kg:Communication" in tab["text"]
        assert "Parameters: who" in tab["description"] and "VALUES ?who" in tab["description"]
        assert tab["tabs"] == 2
        status = _eval(browser, "kgPage.run()")
        assert status["bindings"] == 0  # no communication in this graph: no rows
        assert {" ".join(v.split()[:2]) for v in status["violations"]} <= EXPECTED_BLOCKS
