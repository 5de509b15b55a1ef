"""A toy language « xx » written to a temporary folder: its JSON files and a hooks module.

Its words are English-like but it is no real language: the point is that the
extractor runs on it with no change to kg/extraction.
"""

from __future__ import annotations

import json
from pathlib import Path

CUES = {
    "months": {"march": 3}, "weekdays": {"monday": 0}, "relative_days": {"yesterday": -1},
    "story_days": {"the day before": -1},
    "year_preps": ["in"], "month_preps": ["in"], "period_prefixes": ["mid-"], "year_period_prefixes": ["mid-"],
    "weekday_qualifiers": ["last"], "ordinal_suffixes": ["th"], "future_modals": ["shall"],
    "future_passives": ["expect"],
    "number_words": {"one": 1, "two": 2, "three": 3}, "approximate_nouns": {"dozen": 12},
    "multipliers": {"thousand": 1000}, "approximate_before": ["about"], "currencies": {"crowns": "XXC"},
    "percent_words": ["per cent"], "rank_markers": ["no."], "duration_units": ["day"], "measure_units": ["mile"],
    "hypothetical_verbs": ["may"], "reporting_verbs": ["say"], "relay_verbs": [], "attribution_preps": ["per"],
    "attributed_pronouns": {"him": "Masc"},
    "titles": ["king"], "group_nouns": ["government"], "human_group_nouns": ["king"], "media_nouns": ["paper"],
    "org_descriptors": {"party": "PoliticalParty"}, "org_heads": {"party": "PoliticalParty"},
    "institution_nouns": ["ministry"], "honorifics": ["Mr."], "not_entities": ["The"], "institution_domains": ["Trade"],
    "counted_party_nouns": ["sides"], "counted_country_nouns": ["countries"], "on_behalf_nouns": {"behalf": ["on"]},
    "ally_nouns": ["ally"], "alliance_nouns": ["alliance"],
    "location_preps": ["in"], "place_heads": ["castle"], "city_heads": ["town"],
}
EVENTS = {
    "verbs": {"meet": "Meeting"}, "nouns": {"talks": "Meeting"}, "target_verbs": [],
    "roles": {"Meeting": {"nsubj": "participant", "obj": "participant", "obl/with": "participant"}, "Event": {}},
    "noun_roles": {"Meeting": {"nmod/between": "participant"}},
    "needs_reflexive_or_entity_object": [], "setting_heads": [], "light_verbs": [], "phrases": {},
    "reflexive_verbs": {}, "noun_role_overrides": {}, "natural_causes": [], "needs_evidence": {},
    "evidence_verbs": [], "attack_needs_target": [], "attack_target_nouns": [],
}
SYNTAX = {
    "ner_labels": {"PER": "Person", "ORG": "Organization", "LOC": "Place"}, "dependencies": "ud",
    "place_preps": ["in"], "of_preps": ["of"], "between_preps": ["between"], "joint_preps": ["with", "between"],
    "definite_articles": ["the"], "plural_articles": ["the"], "anaphoric_determiners": ["these"],
    "indefinite_articles": ["a"], "personal_pronouns": ["he", "she"], "place_pronouns": ["there"],
    "reflexive_pronouns": ["oneself"], "negation_particles": ["not"], "framing_nouns": ["during"],
    "number_joiners": ["and"], "conjunctions": ["and"], "contractions": {},
}
GAZETTEER = {
    "countries": [{"label": "Ruritania", "qid": "Q1", "aliases": [], "capital": ["Strelsau"],
                   "demonyms": ["ruritanian"], "seats": []}],
    "places": [], "organizations": [], "media": [],
}
HOOKS = '''
from kg.lang.hooks import LanguageHooks


class ToyHooks(LanguageHooks):
    """Adjectives do not inflect; « Xs » is the plural of « X »."""

    def inflect(self, adjective):
        return {adjective, adjective + "s"}


HOOKS = ToyHooks
'''


def write_toy(folder: Path, **override: dict) -> Path:
    """The toy language's files in ``folder``; ``override`` replaces whole files (by stem)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {"cues": CUES, "events": EVENTS, "syntax": SYNTAX, "gazetteer": GAZETTEER, **override}
    for stem, content in files.items():
        (folder / f"{stem}.json").write_text(json.dumps(content), encoding="utf-8")
    (folder / "hooks.py").write_text(HOOKS, encoding="utf-8")
    return folder
