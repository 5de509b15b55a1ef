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


def merge_statements(events: list[EventRecord]) -> list[EventRecord]:
    out: list[EventRecord] = []
    last_by_agent: dict[frozenset[str], EventRecord] = {}
    last_speaker: frozenset[str] | None = None
    for ev in events:
        agents = frozenset(ev.fillers("agent"))
        if ev.type != "Communication" or not agents or ev.negated:
            out.append(ev)
            continue
        prev = last_by_agent.get(agents)
        if prev is not None and last_speaker == agents and ev.sentence - prev.sentence <= MAX_GAP:
            for r in ev.roles:
                prev.add_role(r.role, r.entity, r.evidence)
            prev.date = prev.date or ev.date
            prev.quantity = prev.quantity or ev.quantity
            if prev.modality == "Asserted":
                prev.modality = ev.modality
            prev.confidence = max(prev.confidence, ev.confidence)
            continue
        last_by_agent[agents] = ev
        last_speaker = agents
        out.append(ev)
    return out
