"""The fields both engines' pages read for each node, and the tables they share.

Per node: its class, tooltip rows, folded names for the search box, modality,
date on the time axis and evidence. Evidence sentences are stored once in a
table (an entity and an event often share a sentence) and referred to by
index with the marks to highlight in them. Everything here reaches the page
as JSON data (:func:`kg.web.script_json`) and the DOM as text.
"""

from __future__ import annotations

from kg.lang import fold
from kg.views.model import View, ViewNode


def search_key(node: ViewNode) -> str:
    """The node's names, folded as :func:`kg.lang.fold` does (the page folds the query the same way)."""
    return " | ".join(fold(name) for name in (node.names or (node.label,)))


def node_fields(view: View, tables: dict) -> list[dict]:
    """One dict per node of ``view`` (in order); fills ``tables`` with ``sentences`` and ``docs``."""
    sentences: dict[tuple[str, str], int] = {}
    docs: dict[str, int] = {}
    tables.setdefault("sentences", [])
    tables.setdefault("docs", [])
    fields = []
    for n in view.nodes:
        f: dict = {"cls": n.cls, "tip": n.tip, "search": search_key(n)}
        if n.is_event:
            f["event"] = True
            f["mod"] = n.modality or "Asserted"
        if n.hedged:
            f["hedged"] = True
        if n.negated:
            f["negated"] = True
        if n.focus:
            f["focus"] = True
        if n.when is not None:
            f["when"] = [n.when.first, n.when.last, n.when.kind, n.when.label]
        evidence = []
        for ev in n.evidence:
            if ev.document not in docs:
                docs[ev.document] = len(tables["docs"])
                tables["docs"].append(ev.document)
            key = (ev.text, ev.document)
            if key not in sentences:
                sentences[key] = len(tables["sentences"])
                tables["sentences"].append([ev.text, docs[ev.document]])
            evidence.append([sentences[key], [list(m) for m in ev.marks]])
        if evidence:
            f["ev"] = evidence
        fields.append(f)
    return fields
