"""kg.views.read and kg.views.data: provenance read from kg:mention → NIF offsets, as kg.rdf.mapping writes it."""

from __future__ import annotations

import pytest
from test_view import SCRIPT, TEXT, sample_record

from kg.rdf.mapping import to_graph
from kg.views import read_view
from kg.views.data import node_fields
from kg.views.model import View, ViewNode


@pytest.fixture(scope="module")
def view() -> View:
    return read_view(to_graph([sample_record()]))


def _by_label(view: View) -> dict[str, ViewNode]:
    return {n.label: n for n in view.nodes}


def _marked(node: ViewNode) -> set[tuple[str, str]]:
    return {(kind, ev.text[a:b]) for ev in node.evidence for a, b, kind in ev.marks}


def test_event_evidence_marks_the_trigger_and_every_role(view: View) -> None:
    sending = _by_label(view)["envoyer\nenvoyés"]
    assert len(sending.evidence) == 1
    ev = sending.evidence[0]
    assert ev.text.startswith("Selon KCNA") and ev.text in TEXT
    assert ev.document == "Test <script>alert('title')</script>"
    assert _marked(sending) == {("trigger", "envoyés"), ("agent", "Corée du Nord"), ("recipient", "Russie"),
                                ("source", "KCNA")}


def test_entity_evidence_marks_its_mentions(view: View) -> None:
    poutine = _by_label(view)["Vladimir Poutine"]
    assert _marked(poutine) == {("mention", "Vladimir Poutine")}
    assert SCRIPT in poutine.evidence[0].text
    coree = _by_label(view)["Corée du Nord"]
    assert ("mention", "Pyongyang") in _marked(coree) and ("mention", "Corée du Nord") in _marked(coree)


def test_event_dates_and_modality(view: View) -> None:
    nodes = _by_label(view)
    message, sending = nodes["adresser\n26 décembre"], nodes["envoyer\nenvoyés"]
    assert sending.when and sending.when.kind == "month" and sending.modality == "Reported" and sending.hedged
    # --12-26 with no publication date: placed in the year of the view's other dated event
    assert message.when and message.when.kind == "no-year" and "placed in 2024" in message.when.label
    assert nodes["¬ signer"].when is None and nodes["¬ signer"].negated


def test_sentences_are_stored_once(view: View) -> None:
    tables: dict = {}
    fields = node_fields(view, tables)
    texts = [s for s, _doc in tables["sentences"]]
    assert len(texts) == len(set(texts)) == 3
    assert tables["docs"] == ["Test <script>alert('title')</script>"]
    poutine = next(f for f, n in zip(fields, view.nodes, strict=True) if n.label == "Vladimir Poutine")
    assert poutine["search"] == "vladimir poutine" and tables["sentences"][poutine["ev"][0][0]][0].startswith("Le 26")
