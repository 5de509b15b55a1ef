"""kg.views.page: both engines' pages are self-contained and escaped; ViewPage for files and notebooks."""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re
from pathlib import Path

import pytest
from rdflib import Graph
from test_view import EVIL_NAME, IMG, SCRIPT, Tags, page_data, sample_record
from typer.testing import CliRunner

import kg.commands.view  # noqa: F401  (registers ``kg view``)
from kg.cli import app
from kg.errors import InputError
from kg.rdf.mapping import to_graph
from kg.views import VIS_MAX_NODES, View, ViewEdge, ViewNode, ViewPage, build_view, choose_engine, render, render_html


@pytest.fixture(scope="module")
def graph() -> Graph:
    return to_graph([sample_record()])


@pytest.fixture(scope="module")
def sigma_html(graph: Graph) -> str:
    return render_html(build_view(graph), title="sample <b>title</b>", engine="sigma")


def test_engine_is_chosen_by_size() -> None:
    assert choose_engine("auto", VIS_MAX_NODES) == "vis"
    assert choose_engine("auto", VIS_MAX_NODES + 1) == "sigma"
    assert choose_engine("vis", 10**6) == "vis" and choose_engine("sigma", 3) == "sigma"
    with pytest.raises(InputError, match="--engine 'webgl'"):
        choose_engine("webgl", 10)


def test_a_big_view_gets_the_webgl_page() -> None:
    nodes = [ViewNode(f"n{i}", f"n{i}", "Person", []) for i in range(VIS_MAX_NODES + 1)]
    edges = [ViewEdge(f"n{i}", f"n{i + 1}", "ally") for i in range(VIS_MAX_NODES)]
    page = render_html(View(nodes, edges))
    assert 'data-engine="sigma"' in page and "vis.Network" not in page
    data = page_data(page)
    assert data["engine"] == "sigma" and len(data["nodes"]) == VIS_MAX_NODES + 1
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])


def test_sigma_page_inlines_the_vendored_libraries_with_their_licences(sigma_html: str) -> None:
    assert sigma_html.count("Permission is hereby granted") == 2
    assert "graphology.umd.min.js" in sigma_html and "sigma.min.js" in sigma_html
    notice = (Path(__file__).resolve().parents[2] / "kg" / "views" / "vendor" / "NOTICE").read_text()
    assert "sigma" in notice and "graphology" in notice and "MIT" in notice


def test_sigma_page_is_self_contained_and_escaped(sigma_html: str) -> None:
    tags = Tags(sigma_html).tags
    assert [attrs for tag, attrs in tags if tag == "script"] == [{"type": "application/json", "id": "kg-data"}, {},
                                                                 {}]
    assert not [tag for tag, _ in tags if tag in ("img", "b", "iframe", "object", "embed", "link")]
    assert not [name for _, attrs in tags for name in attrs if name.startswith("on")]
    assert not re.search(r"""(?:src|href|action)\s*=\s*["']?\s*(?:https?:)?//""", sigma_html, re.I)
    assert not re.search(r"@import|<link\b", sigma_html, re.I)
    csp = next(attrs["content"] for tag, attrs in tags
               if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    for body in re.findall(r"<script>(.*?)</script>", sigma_html, re.S):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    data = page_data(sigma_html)
    assert EVIL_NAME in {n["label"] for n in data["nodes"]}
    assert any(SCRIPT in s for s, _doc in data["sentences"]) and any(IMG in s for s, _doc in data["sentences"])


def test_both_pages_are_deterministic(graph: Graph, sigma_html: str) -> None:
    assert render_html(build_view(graph), title="sample <b>title</b>", engine="sigma") == sigma_html
    assert render(graph).html == render(graph).html


def test_hedged_events_look_different_in_the_webgl_page(sigma_html: str) -> None:
    data = page_data(sigma_html)
    by_label = {n["label"]: n for n in data["nodes"]}
    reported, asserted = by_label["envoyer · envoyés"], by_label["adresser · 26 décembre"]
    assert reported["hedged"] and reported["mod"] == "Reported" and "hedged" not in asserted
    assert reported["color"] != data["colours"]["Deployment"]  # pale
    hedged_edges = {e["color"] for e in data["edges"] if reported["id"] in (e["from"], e["to"])}
    assert hedged_edges == {"#c8c8c8"}


def test_view_page_saves_and_shows_in_a_sandboxed_frame(graph: Graph, tmp_path: Path) -> None:
    page = render(graph, title="notebook")
    assert isinstance(page, ViewPage) and page.engine == "vis" and len(page.view.nodes) == 9
    saved = page.save(tmp_path / "g.html")
    assert saved.read_text("utf-8") == page.html
    frame = page._repr_html_()
    assert frame.startswith("<iframe ") and 'sandbox="allow-scripts"' in frame and "allow-same-origin" not in frame
    srcdoc = re.search(r'srcdoc="([^"]*)"', frame)
    assert srcdoc and html_lib.unescape(srcdoc.group(1)) == page.html
    assert "<script" not in frame.split("srcdoc=")[1]  # the page is an attribute value, escaped


def test_cli_engine_option(graph: Graph, tmp_path: Path) -> None:
    ttl = tmp_path / "g.ttl"
    graph.serialize(ttl, format="turtle")
    out = tmp_path / "g.html"
    result = CliRunner().invoke(app, ["view", str(ttl), "-o", str(out), "--engine", "sigma"])
    assert result.exit_code == 0, result.output
    assert "(sigma)" in result.output and page_data(out.read_text("utf-8"))["engine"] == "sigma"
    bad = CliRunner().invoke(app, ["view", str(ttl), "-o", str(tmp_path / "h.html"), "--engine", "gl"])
    assert isinstance(bad.exception, InputError) and not (tmp_path / "h.html").exists()
