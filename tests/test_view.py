"""kg.views and ``kg view`` on small graphs built by hand (no spaCy model, no browser).

The sample graph goes through the real mapping (:func:`kg.rdf.mapping.to_graph`)
from hand-made records whose text holds ``<script>`` and ``<img onerror>``
payloads, in a sentence and in an entity's name.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDFS
from typer.testing import CliRunner

import kg.commands.view  # noqa: F401  (registers ``kg view`` on kg.cli.app)
from kg.cli import app
from kg.errors import FormatError, InputError
from kg.namespace import KG
from kg.rdf.mapping import to_graph
from kg.records import (
    DateValue,
    DocumentRecord,
    EntityRecord,
    EventRecord,
    QuantityValue,
    RelationRecord,
    RoleFiller,
    SentenceRecord,
    Span,
)
from kg.views import (
    PARENT,
    STYLES,
    View,
    ViewEdge,
    ViewNode,
    build_view,
    expand_types,
    filter_types,
    find_nodes,
    focus_view,
    limit_view,
    read_view,
    render_html,
)
from kg.views.layout import initial_positions
from kg.views.vis import stabilization_iterations
from kg.web import script_json

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "<script>document.body.appendChild(document.createElement('kg-pwned'))</script>"
IMG = "<img src=x onerror=\"document.body.appendChild(document.createElement('kg-pwned'))\">"
EVIL_NAME = "<img src=x onerror=alert('name')>"
TEXT = (f"Le 26 décembre, Kim Jong-un a adressé un message {SCRIPT} au président Vladimir Poutine. "
        f"Selon KCNA, environ 15 000 soldats {IMG} auraient été envoyés en Russie par la Corée du Nord. "
        f"La Russie n'a pas signé d'accord avec {EVIL_NAME} ni avec Pyongyang.")


def _span(piece: str, after: int = 0) -> Span:
    start = TEXT.index(piece, after)
    return Span(start, start + len(piece), piece)


def sample_record() -> DocumentRecord:
    """Three sentences, six entities, three events (asserted, reported, negated), two relations."""
    starts = [0] + [m.end() for m in re.finditer(r"\. ", TEXT)]
    ends = [s - 1 for s in starts[1:]] + [len(TEXT)]
    sentences = [SentenceRecord(i, Span(a, b, TEXT[a:b])) for i, (a, b) in enumerate(zip(starts, ends, strict=True))]

    def entity(key: str, type_: str, label: str, *mentions: str, **extra) -> EntityRecord:
        return EntityRecord(key, type_, label, mentions=[_span(m) for m in mentions], **extra)

    entities = [
        entity("kim", "Person", "Kim Jong-un", "Kim Jong-un"),
        entity("poutine", "Person", "Vladimir Poutine", "Vladimir Poutine", title="président"),
        entity("kcna", "NewsAgency", "KCNA", "KCNA"),
        entity("russie", "Country", "Russie", "Russie", wikidata="Q159"),
        entity("coree", "Country", "Corée du Nord", "Corée du Nord", "Pyongyang", aliases={"Pyongyang"},
               wikidata="Q423"),
        entity("evil", "Organization", EVIL_NAME, EVIL_NAME),
    ]
    message = EventRecord("e1", "Communication", "adresser", _span("adressé"), 0, confidence=0.8,
                          date=DateValue("--12-26", "gMonthDay", _span("26 décembre")))
    message.roles += [RoleFiller("agent", "kim", _span("Kim Jong-un")),
                      RoleFiller("recipient", "poutine", _span("Vladimir Poutine"))]
    sending = EventRecord("e2", "Deployment", "envoyer", _span("envoyés"), 1, modality="Reported",
                          quantity=QuantityValue(15000.0, "soldat", True, _span("environ 15 000 soldats")),
                          date=DateValue("2024-12", "gYearMonth", _span("envoyés")))
    sending.roles += [RoleFiller("agent", "coree", _span("Corée du Nord")),
                      RoleFiller("recipient", "russie", _span("Russie")),
                      RoleFiller("source", "kcna", _span("KCNA"))]
    signing = EventRecord("e3", "Agreement", "signer", _span("signé"), 2, negated=True)
    signing.roles += [RoleFiller("participant", "russie", _span("Russie", TEXT.index("La Russie"))),
                      RoleFiller("participant", "evil", _span(EVIL_NAME))]
    return DocumentRecord("doc-test", TEXT, title="Test <script>alert('title')</script>", sentences=sentences,
                          entities={e.key: e for e in entities}, events=[message, sending, signing],
                          relations=[RelationRecord("affiliation", "poutine", "russie", _span("Vladimir Poutine")),
                                     RelationRecord("ally", "russie", "coree", _span("Russie"))])


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_graph([sample_record()])


@pytest.fixture(scope="module")
def html(graph: Graph) -> str:
    return render_html(build_view(graph), title="sample <b>title</b>")


class Tags(HTMLParser):
    """Elements and attributes as a browser's tokenizer sees them (script content is not markup)."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def page_data(page: str) -> dict:
    """The JSON the page draws from."""
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match, "no #kg-data block"
    return json.loads(match.group(1))


def by_label(data: dict) -> dict[str, dict]:
    return {n["label"]: n for n in data["nodes"]}


def tip(node: dict) -> dict[str, str]:
    return {k: v for k, v in reversed(node["tip"])}  # first row of a heading wins


# --- escaping and self-containment ------------------------------------------------------------------------------


def test_payloads_from_the_text_are_not_markup(html: str) -> None:
    tags = Tags(html).tags
    scripts = [attrs for tag, attrs in tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "kg-data"}, {}, {}]  # data, vis-network, the page
    assert not [tag for tag, _ in tags if tag in ("img", "b", "iframe", "object", "embed", "link")]
    assert not [name for _, attrs in tags for name in attrs if name.startswith("on")]
    assert "kg-pwned" in html and "onerror" in html  # the text is there, escaped
    assert "sample &lt;b&gt;title&lt;/b&gt;" in html


def test_payloads_survive_as_text_in_tooltips(html: str) -> None:
    data = page_data(html)
    rows = [value for node in data["nodes"] for _key, value in node["tip"]]
    assert any(SCRIPT in r for r in rows), "the sentence with <script> should be shown as text"
    assert any(IMG in r for r in rows)
    assert EVIL_NAME in by_label(data)
    block = html[html.index('id="kg-data">') + len('id="kg-data">'):]
    block = block[:block.index("</script>")]
    assert "<" not in block and ">" not in block and "&" not in block


def test_script_json_cannot_close_its_element() -> None:
    text = script_json({"a": "</script><!-- \u2028 & >"})
    assert "</" not in text and "<!--" not in text and "\u2028" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- \u2028 & >"}


def test_no_request_to_any_host(html: str) -> None:
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"url\(\s*[\"']?\s*(?:https?:)?//", html, re.I)
    assert not re.search(r"@import", html, re.I)
    assert "vis.Network" in html and "vis-network" in html  # the library is inlined


def test_content_security_policy_allows_only_the_page_scripts(html: str) -> None:
    csp = next(attrs["content"] for tag, attrs in Tags(html).tags
               if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_output_is_deterministic(graph: Graph, html: str) -> None:
    assert render_html(build_view(graph), title="sample <b>title</b>") == html


# --- what is drawn -----------------------------------------------------------------------------------------------


def test_only_entities_and_events_are_nodes(graph: Graph, html: str) -> None:
    data = page_data(html)
    assert len(data["nodes"]) == 6 + 3
    labels = set(by_label(data))
    for literal in ("2024-12", "--12-26", "15000.0", "environ 15 000 soldats", "Reported", "0.8", "soldat"):
        assert literal not in labels
    quantity = next(graph.objects(None, KG.quantity))
    assert str(graph.value(quantity, RDFS.label)) not in labels


def test_event_tooltip_holds_the_literals_and_the_sentence(html: str) -> None:
    sending = tip(by_label(page_data(html))["envoyer\nenvoyés"])
    assert sending["date"].startswith("2024-12")
    assert sending["quantity"].startswith("≈ 15\u202f000 soldat")
    assert sending["modality"] == "Reported"
    assert sending["source"] == "KCNA"
    assert sending["agent"] == "Corée du Nord" and sending["recipient"] == "Russie"
    assert sending["sentence"].startswith("Selon KCNA") and IMG in sending["sentence"]


def test_entity_tooltip(html: str) -> None:
    coree = tip(by_label(page_data(html))["Corée du Nord"])
    assert coree["also"] == "Pyongyang" and coree["Wikidata"] == "Q423" and coree["ally"] == "Russie"
    poutine = tip(by_label(page_data(html))["Vladimir Poutine"])
    assert poutine["title"] == "président" and poutine["affiliation"] == "Russie"
    assert SCRIPT in poutine["sentence"]


def test_events_are_diamonds_joined_by_role_edges(html: str) -> None:
    data = page_data(html)
    nodes = by_label(data)
    ids = {n["id"]: n["label"] for n in data["nodes"]}
    edges = {(ids[e["from"]], e["label"], ids[e["to"]]) for e in data["edges"]}
    assert {n["shape"] for n in data["nodes"] if n["cls"] in ("Communication", "Deployment", "Agreement")} == \
        {"diamond"}
    assert ("Kim Jong-un", "agent", "adresser\n26 décembre") in edges
    assert ("adresser\n26 décembre", "recipient", "Vladimir Poutine") in edges
    assert ("¬ signer", "participant", EVIL_NAME) in edges
    assert ("Vladimir Poutine", "affiliation", "Russie") in edges
    assert not any(role == "source" for _s, role, _t in edges)  # the source is in the tooltip
    assert nodes["Kim Jong-un"]["shape"] == STYLES["Person"].shape != nodes["Russie"]["shape"]
    assert nodes["Russie"]["color"]["background"] == STYLES["Country"].colour
    allies = [e for e in edges if e[1] == "ally"]
    assert len(allies) == 1  # symmetric: drawn once


def test_hedged_events_are_dashed(html: str) -> None:
    data = page_data(html)
    nodes = by_label(data)
    reported, asserted = nodes["envoyer\nenvoyés"], nodes["adresser\n26 décembre"]
    assert reported["shapeProperties"]["borderDashes"]
    assert "shapeProperties" not in asserted
    dashed = {e["to"] for e in data["edges"] if e["dashes"]} | {e["from"] for e in data["edges"] if e["dashes"]}
    assert reported["id"] in dashed and asserted["id"] not in dashed
    assert nodes["¬ signer"]["color"]["border"] == "#b2182b"  # negated


def test_legend_lists_the_classes_present(html: str) -> None:
    legend = re.findall(r'data-cls="(\w+)"', html)
    assert legend == ["Person", "Organization", "NewsAgency", "Country", "Communication", "Agreement", "Deployment"]


def test_physics_is_bounded() -> None:
    assert stabilization_iterations(10) == 400 and stabilization_iterations(5000) == 25
    assert all(25 <= stabilization_iterations(n) <= 400 for n in (1, 100, 1000, 10**6))


# --- cutting the view down ---------------------------------------------------------------------------------------


def test_focus_and_depth(graph: Graph) -> None:
    view = read_view(graph)
    one = focus_view(view, "VLADIMIR poutine", depth=1)
    assert {n.label for n in one.nodes} == {"Vladimir Poutine", "adresser\n26 décembre", "Russie"}
    assert [n.label for n in one.nodes if n.focus] == ["Vladimir Poutine"]
    two = focus_view(view, "Vladimir Poutine", depth=2)
    assert {"Kim Jong-un", "envoyer\nenvoyés", "Corée du Nord"} <= {n.label for n in two.nodes}
    assert all(e.source in {n.key for n in two.nodes} for e in two.edges)
    assert {n.label for n in focus_view(view, "Kim Jong-un", depth=0).nodes} == {"Kim Jong-un"}


def test_focus_by_alias_and_accents(graph: Graph) -> None:
    view = read_view(graph)
    assert [n.label for n in find_nodes(view, "pyongyang")] == ["Corée du Nord"]
    assert [n.label for n in find_nodes(view, "coree du nord")] == ["Corée du Nord"]


def test_focus_on_an_unknown_name_suggests(graph: Graph) -> None:
    with pytest.raises(InputError, match="did you mean 'Vladimir Poutine'"):
        focus_view(read_view(graph), "Vladimir Poutin")


def test_type_filters(graph: Graph) -> None:
    view = read_view(graph)
    assert {n.cls for n in filter_types(view, ["person"]).nodes} == {"Person"}
    assert {n.cls for n in filter_types(view, ["Organization"]).nodes} == {"Organization", "NewsAgency"}
    events = filter_types(view, ["Person,Event"])
    assert {n.cls for n in events.nodes} == {"Person", "Communication", "Deployment", "Agreement"}
    assert {e.role for e in events.edges} == {"agent", "recipient"}
    assert expand_types(["Entity"]) == {c for c in STYLES if c not in PARENT or PARENT[c] != "Event"} - {"Event"}


def test_type_filter_errors(graph: Graph) -> None:
    with pytest.raises(InputError, match="unknown class 'Persons'.*Person"):
        filter_types(read_view(graph), ["Persons"])
    with pytest.raises(InputError, match="no node of class City"):
        filter_types(read_view(graph), ["City"])


def _star(n_events: int) -> View:
    """A hub entity in every event, each event with one more entity of its own, plus loners."""
    nodes = [ViewNode("hub", "hub", "Country", [])]
    edges = []
    for i in range(n_events):
        nodes += [ViewNode(f"ev{i}", f"ev{i}", "Meeting", []), ViewNode(f"p{i}", f"p{i}", "Person", [])]
        edges += [ViewEdge("hub", f"ev{i}", "agent"), ViewEdge(f"ev{i}", f"p{i}", "recipient")]
    nodes += [ViewNode(f"alone{i}", f"alone{i}", "City", []) for i in range(3)]
    return View(nodes, edges)


def test_limit_starts_from_the_most_connected_entities() -> None:
    view = _star(20)
    small = limit_view(view, 9)
    keys = {n.key for n in small.nodes}
    assert len(keys) == 9 and "hub" in keys
    assert not any(k.startswith("alone") for k in keys)
    assert sum(k.startswith("ev") for k in keys) >= 4  # the hub's events fill the room
    assert small.notes and "showing 9 of 44 nodes" in small.notes[-1]
    assert limit_view(view, 0) is view and limit_view(view, 44) is view


def test_limit_keeps_the_focus() -> None:
    view = _star(20)
    view.nodes[-1].focus = True
    assert "alone2" in {n.key for n in limit_view(view, 5).nodes}


def test_initial_positions_put_hubs_in_the_middle() -> None:
    places = initial_positions(_star(20))
    assert places["hub"] == (0.0, 0.0)
    assert len(set(places.values())) == len(places)
    assert initial_positions(_star(20)) == places


def test_parent_classes_agree_with_the_ontology() -> None:
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    for child, parent in PARENT.items():
        assert (KG[child], RDFS.subClassOf, KG[parent]) in onto, child
    for name in STYLES:
        assert (KG[name], None, None) in onto, name


def test_empty_graph_is_refused() -> None:
    with pytest.raises(InputError, match="no entity or event"):
        read_view(Graph())


# --- the command -------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph_file(graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("view") / "sample.ttl"
    graph.serialize(path, format="turtle")
    return path


def test_cli_writes_the_page(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["view", str(graph_file), "-o", str(out), "--focus", "Kim Jong-un",
                                      "--depth", "2", "--types", "Person,Country", "--types", "Event"])
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text("utf-8"))
    assert {n["cls"] for n in data["nodes"]} <= {"Person", "Country", "Communication", "Deployment", "Agreement"}
    assert [n["label"] for n in data["nodes"] if n.get("focus")] == ["Kim Jong-un"]
    assert "around Kim Jong-un" in result.output


def test_cli_max_nodes(graph_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["view", str(graph_file), "-o", str(out), "--max-nodes", "4", "-q"])
    assert result.exit_code == 0, result.output
    assert len(page_data(out.read_text("utf-8"))["nodes"]) == 4
    assert "showing 4 of 9 nodes" in out.read_text("utf-8")


def test_cli_refuses_a_non_html_output(graph_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["view", str(graph_file), "-o", str(tmp_path / "view.ttl")])
    assert result.exit_code != 0 and isinstance(result.exception, FormatError)
    assert not (tmp_path / "view.ttl").exists()


def test_cli_errors_are_one_line(graph_file: Path, tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "kg", "view", str(graph_file), "-o", str(tmp_path / "v.html"),
                          "--focus", "Nobody At All"], capture_output=True, text=True, timeout=120)
    assert run.returncode == InputError.exit_code
    assert run.stderr.startswith("kg: error: --focus 'Nobody At All'") and "Traceback" not in run.stderr
    assert not (tmp_path / "v.html").exists()
