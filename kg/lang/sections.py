"""The typed sections of a language: one frozen dataclass per file.

``cues.json`` → :class:`Cues` (words for dates, numbers, modality, titles and
names), ``events.json`` → :class:`Lexicon` (event triggers and their role
maps), ``syntax.json`` → :class:`Syntax` (grammar words, the model's entity
labels and dependency scheme). Every language has the same keys, so a new
language is a new folder and no code change (as dateparser's per-language
data). Lists become frozensets (membership) or tuples (order matters: longest
match first, or a regex alternation).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Cues:
    """Cue words: dates, numbers, modality, attribution, titles and name heads."""

    # dates
    months: Mapping[str, int]
    weekdays: Mapping[str, int]  # 0 = Monday
    relative_days: Mapping[str, int]  # « hier » → -1
    story_days: Mapping[str, int]  # « la veille » → -1 from the story's last date, not the publication's
    year_preps: tuple[str, ...]  # « en 2024 »
    month_preps: tuple[str, ...]  # « en septembre »
    period_prefixes: tuple[str, ...]  # « mi-juin 2024 », « début mai 2024 »
    year_period_prefixes: tuple[str, ...]  # « mi-2023 »
    weekday_qualifiers: tuple[str, ...]  # « mardi dernier »
    ordinal_suffixes: tuple[str, ...]  # « le 1er juillet »
    future_modals: frozenset[str]  # « doivent se retrouver lundi »
    future_passives: frozenset[str]  # « est attendue lundi »
    # numbers and quantities
    number_words: Mapping[str, int]
    approximate_nouns: Mapping[str, int]  # « une vingtaine »
    multipliers: Mapping[str, int]
    approximate_before: tuple[str, ...]  # hedges: « environ », « près de »
    currencies: Mapping[str, str]  # word or symbol → ISO code
    percent_words: tuple[str, ...]
    rank_markers: tuple[str, ...]  # « n° 3 »: a rank, not a quantity
    duration_units: frozenset[str]  # « dix-neuf mois après »: a duration, not a quantity
    measure_units: frozenset[str]  # lengths, weights, magnitudes: not an event's quantity
    # modality and attribution
    hypothetical_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    relay_verbs: frozenset[str]  # reporting verbs whose « par X » is the source (« relayé par X »)
    attribution_preps: tuple[str, ...]  # « selon X », « d'après X »
    attributed_pronouns: Mapping[str, str]  # « selon lui »: pronoun → grammatical gender of its antecedent
    # people, groups and organisations
    titles: tuple[str, ...]
    group_nouns: frozenset[str]
    human_group_nouns: frozenset[str]
    media_nouns: frozenset[str]
    org_descriptors: Mapping[str, str]  # noun before a name → class (« le parti X »)
    org_heads: Mapping[str, str]  # first word of a name → class (« Parti X », « Institut X »)
    institution_nouns: frozenset[str]  # « le ministère des Affaires étrangères »
    honorifics: tuple[str, ...]
    not_entities: tuple[str, ...]  # capitalised words the model takes for names
    institution_domains: tuple[str, ...]  # « (ministère des) Finances »: part of a name, never one alone
    counted_party_nouns: frozenset[str]  # « les deux parties »: points back, resolved as a pair
    counted_country_nouns: frozenset[str]  # « les deux pays »: the document's main countries
    on_behalf_nouns: Mapping[str, tuple[str, ...]]  # « pour le compte de X », « au nom de X »: X is the agent
    ally_nouns: frozenset[str]  # « X, allié de Y »
    alliance_nouns: frozenset[str]  # « l'alliance entre X et Y »
    # places
    location_preps: tuple[str, ...]  # « à Niamey »: the city itself, not its country
    place_heads: frozenset[str]  # « château de X », « région de X »
    city_heads: frozenset[str]  # « ville de X »
    # quantities (round 6)
    vote_units: frozenset[str] = frozenset()  # « par 121 voix contre 98 »: a vote's count, told beside it
    # entities (issue 11)
    city_nouns: frozenset[str] = frozenset()  # « la population de X »: X is the city, not its country
    language_nouns: frozenset[str] = frozenset()  # « la langue française »: a language, not a country
    language_determiners: frozenset[str] = frozenset()  # « le français », « en anglais »
    name_articles: frozenset[str] = frozenset()  # foreign articles that start a name (« El País »), as written
    description_nouns: frozenset[str] = frozenset()  # « un État américain »: with a demonym, a description
    name_particles: frozenset[str] = frozenset()  # « de Gaulle », « van Gogh »: particles inside a surname, as written
    name_links: frozenset[str] = frozenset()  # « X ben Y », « X y Z »: other lower-case words inside a person's name
    government_nouns: frozenset[str] = frozenset()  # « le gouvernement X »: a government named after its head
    government_titles: frozenset[str] = frozenset()  # « le ministre de la Justice X »: a member of a government
    org_tails: frozenset[str] = frozenset()  # last word of a foreign name → an organisation (« X Institute »)
    eponym_heads: frozenset[str] = frozenset()  # « le boson de X », « la maladie de X »: X names a term, no entity
    artefact_heads: frozenset[str] = frozenset()  # « le programme X », « la capsule X »: X names a thing, no entity
    event_name_heads: frozenset[str] = frozenset()  # « Forum mondial de X », « Sommet de Y »: an event, no entity
    surname_articles: frozenset[str] = frozenset()  # « Armel Le X »: a capitalised article that starts a surname
    name_connectors: frozenset[str] = frozenset()  # « Airbus Defence and Space », « X & Y »: joins a foreign name
    roman_ordinal_suffixes: tuple[str, ...] = ()  # « XXe », « Ier »: a roman number so ended is a century, no name
    # what the text looks ahead to, asks for or denies happened (issue 11, details helper)
    near_future_verbs: frozenset[str] = frozenset()  # « va signer »: a finite form + infinitive is a future
    plan_modals: frozenset[str] = frozenset()  # « doit signer » (not « a dû signer »): a plan, not a fact
    counterfactual_modals: frozenset[str] = frozenset()  # « aurait dû signer », « aurait pu »: did not happen
    conditional_endings: tuple[str, ...] = ()  # auxiliary forms of the conditional the tagger may miss
    future_endings: tuple[str, ...] = ()  # a form the tagger calls a future must end so (« signera »)
    recent_past_verbs: frozenset[str] = frozenset()  # « vient de signer »: it has just happened
    request_verbs: frozenset[str] = frozenset()  # « appelle à voter », « demande que … », « réclame la libération »
    planned_object_verbs: frozenset[str] = frozenset()  # « prévoit la construction »: the noun is planned
    purpose_markers: frozenset[str] = frozenset()  # « pour capturer », « afin d'obtenir »: a purpose
    condition_markers: frozenset[str] = frozenset()  # « s'il signe »: a condition
    concessive_before: frozenset[str] = frozenset()  # « même si »: a concession, which happened
    # dates (issue 11, details helper)
    forward_qualifiers: frozenset[str] = frozenset()  # « mardi prochain »: the next one, after the document
    backward_qualifiers: frozenset[str] = frozenset()  # « mardi dernier »: the last one before the document
    relative_months: Mapping[str, int] = field(default_factory=dict)  # « le mois prochain » → +1
    relative_years: Mapping[str, int] = field(default_factory=dict)  # « l'an dernier » → -1
    deadline_before: tuple[str, ...] = ()  # « avant le 30 juin », « d'ici le »: a deadline, not the event's date
    offset_preps: frozenset[str] = frozenset()  # « quelques mois après la libération »: dated relative to it
    # « dans la nuit de vendredi à samedi »: the night ending on the second weekday (recall helper, round 3)
    night_spans: tuple[str, ...] = ()  # the words before the first weekday (« dans la nuit de »)
    night_joins: tuple[str, ...] = ()  # the word between the two weekdays (« à »)
    # quantities (issue 11, details helper)
    partitive_pronouns: frozenset[str] = frozenset()  # « l'un des deux porte-parole »: picks one, counts nothing
    # speakers (issue 11)
    speaker_nouns: frozenset[str] = frozenset()  # « a indiqué la police », « son avocate »: who speaks unnamed
    misspelt_auxiliaries: Mapping[str, str] = field(default_factory=dict)  # « X à indiqué » → « X a indiqué »
    repaired_participles: frozenset[str] = frozenset()  # the participles before which that repair is made
    stance_nouns: frozenset[str] = frozenset()  # « a pour sa part ajouté », « a de son côté dénoncé »
    person_nouns: frozenset[str] = frozenset()  # « résume l'universitaire »: a person by trade, continuing a speaker

    def __getitem__(self, key: str) -> object:
        """Read a cue list by its JSON key (``cues["months"]``), as callers of the raw file did."""
        return getattr(self, key)


@dataclass(frozen=True)
class SenseRule:
    """One use of a trigger lemma that is not its lexicon sense (« accuser une baisse »
    registers a fall, « être remercié » is a dismissal). Every condition given must
    hold; ``becomes`` is the class the use takes, "" for none. Head lists may name a
    group of ``Lexicon.sense_groups`` as ``"@group"``."""

    becomes: str = ""
    theme: tuple[str, ...] = ()  # head lemmas of what undergoes it: object, passive subject, noun's « de X »
    subject: tuple[str, ...] = ()  # head lemmas of the active subject (« l'exposition présente »)
    governor: tuple[str, ...] = ()  # lemmas of the word the trigger depends on (« recevoir des appels »)
    needs: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # relation[/case] → heads ([] = any)
    without: tuple[str, ...] = ()  # relation[/case] keys no dependent may have
    passive: bool | None = None  # only in the passive (True) or only in the active (False)


@dataclass(frozen=True)
class Lexicon:
    """Event triggers: lemma → event class, and the roles their dependents fill."""

    verbs: Mapping[str, str]
    nouns: Mapping[str, str]
    target_verbs: frozenset[str]  # direct object is the recipient (praise, thanks, attack)
    roles: Mapping[str, Mapping[str, str]]  # class → "dep" or "dep/case" → role
    noun_roles: Mapping[str, Mapping[str, str]]
    needs_reflexive_or_entity_object: frozenset[str]
    setting_heads: frozenset[str]  # « en marge d'une réunion »: a setting, not an event
    light_verbs: frozenset[str]  # « lancer une offensive »: the noun names the event
    phrases: Mapping[str, str]  # "verb noun" → class (« donner feu vert »)
    reflexive_verbs: Mapping[str, str]
    noun_role_overrides: Mapping[str, Mapping[str, str]]
    natural_causes: frozenset[str]  # « un séisme a frappé »: no attack
    needs_evidence: Mapping[str, frozenset[str]]  # class → theme nouns that make it an event
    evidence_verbs: frozenset[str]
    attack_needs_target: frozenset[str]
    attack_target_nouns: frozenset[str]  # what a capture or a shot is aimed at
    clause_verbs: frozenset[str] = frozenset()  # Communication only with a que-clause or a quote (« noter que »)
    content_clause_verbs: frozenset[str] = frozenset()  # their que-clause is what they decide (« décider que »)
    support_verbs: frozenset[str] = frozenset()  # « prononcer un discours »: the noun's event, the verb's subject
    plan_verbs: frozenset[str] = frozenset()  # « a menacé de suspendre »: the complement is Hypothetical
    course_verbs: frozenset[str] = frozenset()  # « a menacé de quitter la table »: a bare infinitive is a Decision
    evidence_nouns: Mapping[str, str] = field(default_factory=dict)  # « l'échange de 185 prisonniers »
    expanded: frozenset[str] = frozenset()  # lemmas from the reviewed vector extension (kg.lang.expansion)
    complementizers: frozenset[str] = frozenset()  # words opening a complement clause (« que »)
    senses: Mapping[str, tuple[SenseRule, ...]] = field(default_factory=dict)  # lemma → uses of another sense
    sense_groups: Mapping[str, frozenset[str]] = field(default_factory=dict)  # "@group" in a SenseRule's heads
    object_control_verbs: frozenset[str] = frozenset()  # « appeler X à voter »: X, not the caller, would vote
    attendance_nouns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # « en présence de X »: X attends
    gerund_marks: frozenset[str] = frozenset()  # « en ordonnant »: a present participle so marked is a clause
    inverting_marks: frozenset[str] = frozenset()  # « comme le précise X »: the speech verb's subject follows it
    government_anaphors: frozenset[str] = frozenset()  # « le gouvernement »: the country whose government was named
    agent_preps: frozenset[str] = frozenset()  # « par X »: an agent, never a recipient


@dataclass(frozen=True)
class Syntax:
    """Grammar words and the model's labels."""

    ner_labels: Mapping[str, str]  # model entity label → ontology class
    dependencies: Literal["ud"]  # the parser's relation scheme
    place_preps: frozenset[str]  # a dependent marked so is where the event happens
    of_preps: frozenset[str]  # « de » and its contracted forms
    between_preps: frozenset[str]
    joint_preps: frozenset[str]  # « avec X », « entre X et Y »: participants
    definite_articles: frozenset[str]
    plural_articles: frozenset[str]  # a plural article never precedes a person's name
    anaphoric_determiners: frozenset[str]  # « les deux pays »: points back, not a measure
    indefinite_articles: tuple[str, ...]  # « une vingtaine »; never a number on its own
    personal_pronouns: frozenset[str]
    place_pronouns: frozenset[str]  # « il y a rencontré »
    reflexive_pronouns: frozenset[str]
    negation_particles: frozenset[str]
    framing_nouns: frozenset[str]  # « lors de », « au cours de »: the event sits in the verb's clause
    number_joiners: tuple[str, ...]  # « vingt et un »
    conjunctions: frozenset[str]  # « X et Y »: a list, not an apposition
    contractions: Mapping[str, str]  # contracted article → the preposition it holds
