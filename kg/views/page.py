"""A view → one self-contained HTML page, with either engine; :class:`ViewPage` for files and notebooks.

The page inlines its library (vis-network from pyvis, or the vendored
graphology + sigma), its own script and styles, and its data as JSON in a
``<script type="application/json">`` element (:func:`kg.web.script_json`).
A Content-Security-Policy lets only the page's two inline scripts run (by
hash) and forbids every request to any host. The page's script builds every
piece of text it shows with ``textContent`` and text nodes, never markup.
"""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError, KgError
from kg.views.model import HEDGED, MODALITIES, STYLES, View
from kg.views.select import build_view
from kg.web import script_json

#: ``--engine`` values; ``auto`` picks vis-network up to :data:`VIS_MAX_NODES` nodes, sigma above.
ENGINES = ("auto", "vis", "sigma")
#: Largest view drawn with vis-network when the engine is ``auto`` (its in-page physics is the limit).
VIS_MAX_NODES = 1000
#: Height of the notebook frame, in pixels.
NOTEBOOK_HEIGHT = 640


def choose_engine(engine: str, n_nodes: int) -> str:
    """``vis`` or ``sigma`` for a view of ``n_nodes`` nodes; raises :class:`InputError` on an unknown name."""
    if engine not in ENGINES:
        raise InputError(f"--engine {engine!r}: use one of {', '.join(ENGINES)}")
    if engine == "auto":
        return "vis" if n_nodes <= VIS_MAX_NODES else "sigma"
    return engine


def _template_file(name: str) -> str:
    return resources.files("kg.views").joinpath("templates", name).read_text("utf-8")


def _raw(content: str, tag: str):
    """Trusted content for a ``<script>`` or ``<style>`` element, refused if it could close it."""
    from markupsafe import Markup

    if re.search(rf"</{tag}", content, re.IGNORECASE) or "<!--" in content:
        raise KgError(f"cannot inline this {tag}: it contains </{tag} or <!--")
    return Markup(content)


def _sha256(content: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode() + "'"


def _legend(view: View, engine: str) -> list[dict]:
    """Classes present, with their count and symbol (sigma draws every node as a disc, events smaller)."""
    counts = Counter(n.cls for n in view.nodes)
    return [{"cls": c, "count": counts[c], "colour": s.colour,
             "glyph": s.glyph if engine == "vis" else "•" if s.shape == "diamond" else "●"}
            for c, s in STYLES.items() if counts[c]]


def _modalities(view: View) -> list[dict]:
    counts = Counter(n.modality for n in view.nodes if n.is_event)
    return [{"name": m, "count": counts[m], "hedged": m in HEDGED} for m in MODALITIES if counts[m]]


def render_html(view: View, title: str = "kg view", engine: str = "auto") -> str:
    """One self-contained HTML page drawing ``view``: no request to any host."""
    from jinja2 import Environment

    engine = choose_engine(engine, len(view.nodes))
    tables: dict = {}
    if engine == "vis":
        from kg.views.vis import vis_data, vis_files

        lib_js, lib_css = vis_files()
        data = vis_data(view, tables)
    else:
        from kg.views.sigma import sigma_data, sigma_library

        lib_js, lib_css = sigma_library(), ""
        data = sigma_data(view, tables)
    data.update(tables, engine=engine, colours={c: st.colour for c, st in STYLES.items()})
    app_js = "\n".join(_template_file(name) for name in (f"engine-{engine}.js", "timeline.js", "view.js"))
    app_css = _template_file("view.css")
    csp = ("default-src 'none'; " f"script-src {_sha256(lib_js)} {_sha256(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    env = Environment(autoescape=True, keep_trailing_newline=True)
    page = env.from_string(_template_file("view.html.j2"))
    return page.render(title=title, csp=csp, engine=engine, legend=_legend(view, engine), modalities=_modalities(view),
                       notes=view.notes, n_nodes=len(view.nodes), n_edges=len(view.edges),
                       n_dated=sum(n.when is not None for n in view.nodes),
                       lib_js=_raw(lib_js, "script"), app_js=_raw(app_js, "script"),
                       lib_css=_raw(lib_css, "style"), app_css=_raw(app_css, "style"),
                       data=_raw(script_json(data), "script"))


@dataclass
class ViewPage:
    """A drawn view: the page's ``html``, the :class:`View` it draws and the ``engine`` used.

    Jupyter shows it inline (:meth:`_repr_html_`: the same page in a sandboxed frame).
    """

    html: str
    view: View
    engine: str

    def save(self, path: str | Path) -> Path:
        """Write the page to ``path`` (atomically) and return the path."""
        from kg.files import write_atomic

        write_atomic(path, self.html.encode("utf-8"))
        return Path(path)

    def _repr_html_(self) -> str:
        # The page keeps its own Content-Security-Policy inside the frame; the sandbox
        # allows its scripts but gives it no origin (no cookies, storage or parent access).
        return (f'<iframe sandbox="allow-scripts" referrerpolicy="no-referrer" title="kg view"'
                f' style="width: 100%; height: {NOTEBOOK_HEIGHT}px; border: 1px solid #ddd"'
                f' srcdoc="{html_lib.escape(self.html, quote=True)}"></iframe>')


def render(graph: Graph, *, title: str = "kg view", engine: str = "auto", **options) -> ViewPage:
    """The view of ``graph`` as a page (options of :func:`kg.views.select.build_view`: ``focus``, ``depth``,
    ``types``, ``max_nodes``), drawn with ``engine`` (``auto``, ``vis`` or ``sigma``)."""
    view = build_view(graph, **options)
    chosen = choose_engine(engine, len(view.nodes))
    return ViewPage(render_html(view, title=title, engine=chosen), view, chosen)


def view_html(graph: Graph, *, title: str = "kg view", **options) -> tuple[str, View]:
    """:func:`render`, as the page and the view drawn."""
    page = render(graph, title=title, **options)
    return page.html, page.view


def write_view(graph: Graph, path: str | Path, **options) -> View:
    """Write the view of ``graph`` to ``path`` (atomically); returns the view drawn."""
    page = render(graph, title=f"kg view: {Path(path).stem}", **options)
    page.save(path)
    return page.view
