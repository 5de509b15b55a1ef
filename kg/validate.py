"""Check a built graph against the SHACL shapes of ``ontology/shapes.ttl``.

Validation mixes the ontology (``ontology/kg.ttl``) into a copy of the graph
and runs RDFS inference first, so subclasses (``kg:City`` under ``kg:Place``)
and the types implied by ``rdfs:domain`` / ``rdfs:range`` are understood. The
caller's graph is never modified.

pyshacl is heavy to import, so it is imported inside :func:`validate` only:
importing this module costs nothing to a build that does not validate.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph
from rdflib import term as rdflib_term
from rdflib.namespace import RDF, SH, NamespaceManager
from rdflib.term import BNode, Literal, Node, URIRef

from kg import resources
from kg.errors import KgError, ValidationError
from kg.rdf.prefixes import bind_all, short
from kg.rdf.read import load_graphs
from kg.rdf.terms import local_name

#: How the default shapes file is named in messages.
_DEFAULT_SHAPES_NAME = "ontology/shapes.ttl"
#: Shown instead of a path when a violation is about the focus node itself.
_NO_PATH = "(node)"


@dataclass(frozen=True)
class ValidationResult:
    """The outcome of :func:`validate`.

    ``violations`` holds one line per distinct result, ``"focus node — path —
    message"`` (plus the offending value when there is one), sorted so that
    two runs on the same graph give the same list. ``text`` is pyshacl's own
    report.
    """

    conforms: bool
    violations: list[str]
    text: str


def validate(graph: Graph, *, shapes: Path | None = None, ontology: Path | None = None) -> ValidationResult:
    """Validate ``graph`` against the SHACL shapes.

    ``shapes`` defaults to :func:`kg.resources.shapes_path` and ``ontology`` to
    :func:`kg.resources.ontology_path`. Raises :class:`~kg.errors.ValidationError`
    when either file is missing or is not valid Turtle; a graph that does not
    conform is *not* an error here (see :func:`raise_if_invalid`).
    """
    shapes_graph = _load(shapes if shapes is not None else resources.shapes_path(), "SHACL shapes")
    ont_graph = _load(ontology if ontology is not None else resources.ontology_path(), "ontology")

    from pyshacl import validate as shacl_validate  # heavy: imported on use only

    with _lexical_conversions_restored():
        conforms, report, text = shacl_validate(
            graph,
            shacl_graph=shapes_graph,
            ont_graph=ont_graph,
            inference="rdfs",
            abort_on_first=False,
            allow_infos=False,
            allow_warnings=False,
            meta_shacl=False,
            advanced=False,
            inplace=False,
        )
    if not isinstance(report, Graph):  # pyshacl returns a Graph unless asked to serialize
        raise TypeError(f"pyshacl returned a {type(report).__name__} report, expected an rdflib Graph")
    return ValidationResult(conforms=bool(conforms), violations=_violations(report), text=str(text))


def raise_if_invalid(graph: Graph, *, shapes: Path | None = None, ontology: Path | None = None) -> ValidationResult:
    """Validate ``graph`` and raise :class:`~kg.errors.ValidationError` if it does not conform.

    Returns the (conforming) :class:`ValidationResult` otherwise.
    """
    result = validate(graph, shapes=shapes, ontology=ontology)
    if result.conforms:
        return result
    name = _DEFAULT_SHAPES_NAME if shapes is None else str(shapes)
    count = len(result.violations)
    first = result.violations[0] if result.violations else "(no detail in the report)"
    raise ValidationError(f"graph does not satisfy {name}: {count} violation(s); first: {first}")


@contextmanager
def _lexical_conversions_restored() -> Iterator[None]:
    """Undo the global change RDFS inference makes to rdflib's literal parsing.

    owlrl (pyshacl's inference engine) installs its own lexical-to-Python
    converters in rdflib's process-wide table and, on the way out, restores only
    the datatypes rdflib itself knows. Its ``xsd:gMonthDay`` converter rejects
    every valid value (``--03-14``), so without this guard any gMonthDay literal
    created after a validation would be ill-typed and fail the next one.
    """
    saved = dict(rdflib_term._toPythonMapping)
    try:
        yield
    finally:
        rdflib_term._toPythonMapping.clear()
        rdflib_term._toPythonMapping.update(saved)


def _load(path: Path, what: str) -> Graph:
    """Parse a Turtle file, turning a missing or malformed file into a ValidationError."""
    if not path.is_file():
        raise ValidationError(f"{what} file not found: {path} (it ships as ontology/{path.name} beside the code)")
    try:
        graph = load_graphs([path])
    except KgError as err:
        raise ValidationError(f"{what} file {path} is not valid Turtle: {err}") from err
    return graph


def _namespaces() -> NamespaceManager:
    """A namespace manager knowing kg's prefixes, for literal datatypes."""
    return bind_all(Graph(bind_namespaces="none")).namespace_manager


def _show(node: Node | None, manager: NamespaceManager) -> str:
    """A node as kg prints terms: a valid prefixed name or ``<IRI>`` (see :func:`kg.rdf.prefixes.short`)."""
    if node is None:
        return _NO_PATH
    if isinstance(node, URIRef):
        return short(str(node))
    if isinstance(node, (BNode, Literal)):
        return node.n3(manager)
    return str(node)


def _violations(report: Graph) -> list[str]:
    """One readable line per distinct validation result, sorted."""
    manager = _namespaces()
    lines: set[str] = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
        if messages:
            message = " / ".join(messages)
        else:
            component = report.value(result, SH.sourceConstraintComponent)
            message = local_name(component) if isinstance(component, URIRef) else "constraint violated"
        line = f"{_show(focus, manager)} — {_show(path, manager)} — {message}"
        if value is not None and value != focus:
            line += f" (value: {_show(value, manager)})"
        lines.add(line)
    return sorted(lines)
