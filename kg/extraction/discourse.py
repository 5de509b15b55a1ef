"""Rules across sentences: one statement reported over several sentences.

News reports one statement in pieces: « X a adressé un message... Il a
évoqué... Il a insisté... ». Consecutive Communication events of the same
speaker, close together and not interrupted by another speaker, are one event;
their roles, date and source are pooled on the first.
"""

from __future__ import annotations

from kg.records import EventRecord

#: How many sentences apart two pieces of one statement may be.
MAX_GAP = 2


def _pool(into: EventRecord, ev: EventRecord) -> None:
    for r in ev.roles:
        into.add_role(r.role, r.entity, r.evidence)
    into.date = into.date or ev.date
    into.quantity = into.quantity or ev.quantity
    if into.modality == "Asserted":
        into.modality = ev.modality
    into.confidence = max(into.confidence, ev.confidence)


def merge_agreements(events: list[EventRecord]) -> list[EventRecord]:
    """« X et Y ont signé un accord jeudi. Le texte a été paraphé à Z par... »: an
    agreement told over adjacent sentences is one signing, unless the dates differ."""
    out: list[EventRecord] = []
    for ev in events:
        prev = next((e for e in reversed(out) if e.type == ev.type), None)
        if ev.type == "Agreement" and prev is not None and not ev.negated and not prev.negated \
                and 0 <= ev.sentence - prev.sentence <= MAX_GAP \
                and (prev.date is None or ev.date is None or prev.date.iso == ev.date.iso):
            _pool(prev, ev)
            continue
        out.append(ev)
    return out


def merge_statements(events: list[EventRecord], apart: frozenset[int] = frozenset()) -> list[EventRecord]:
    """Pool consecutive statements of one speaker; a statement whose id is in
    ``apart`` (a quotation with its own incise) starts a statement of its own."""
    out: list[EventRecord] = []
    last_by_agent: dict[frozenset[str], EventRecord] = {}
    last_sentence: dict[int, int] = {}  # id(statement) → latest sentence merged into it
    last_speaker: frozenset[str] | None = None
    for ev in events:
        agents = frozenset(ev.fillers("agent"))
        if ev.type != "Communication" or not agents or ev.negated:
            out.append(ev)
            continue
        prev = last_by_agent.get(agents)
        if prev is not None and id(ev) not in apart and last_speaker == agents \
                and ev.sentence - last_sentence[id(prev)] <= MAX_GAP:
            last_sentence[id(prev)] = ev.sentence
            _pool(prev, ev)
            continue
        last_by_agent[agents] = ev
        last_sentence[id(ev)] = ev.sentence
        last_speaker = agents
        out.append(ev)
    return out


def merge_references(events: list[EventRecord]) -> list[EventRecord]:
    """« l'entretien », « la rencontre » naming no party of its own refers back to
    the latest event of its class in the last sentences: one event, not two."""
    out: list[EventRecord] = []
    for ev in events:
        prev = next((e for e in reversed(out) if e.type == ev.type), None)
        own = ev.fillers("participant") + ev.fillers("agent") + ev.fillers("recipient")
        if ev.definite and prev is not None and 0 <= ev.sentence - prev.sentence <= MAX_GAP \
                and (not own or set(own) <= set(prev.fillers("participant") + prev.fillers("agent")
                                                + prev.fillers("recipient"))):
            _pool(prev, ev)
            continue
        out.append(ev)
    return out


def inherit_dates(events: list[EventRecord]) -> None:
    """A story goes on: an undated event in the next sentence by the same actor
    (« Il s'est rendu mardi à Madrid. Il y a rencontré X ») happened that day."""
    for prev, ev in zip(events, events[1:], strict=False):
        if ev.date is not None or prev.date is None or ev.sentence - prev.sentence != 1:
            continue
        actors = set(ev.fillers("agent") + ev.fillers("participant"))
        if actors and actors & set(prev.fillers("agent") + prev.fillers("participant")) \
                and prev.date.datatype == "date":
            ev.date = prev.date
