"""Events: trigger words from the lexicon, their roles from the dependency parse.

French spaCy models speak Universal Dependencies. A verb trigger finds its
roles among its dependents (``nsubj`` → agent, ``obl:agent`` « par X » → agent
of a passive, ``obl:arg`` « à X » → recipient, « avec X » / « entre X et Y » →
participants...), as mapped per event class in ``lang/<lang>/events.json``. A
verb with no subject of its own takes the subject of the verb it is
coordinated with (« a qualifié ... et sommé »), of the modal that governs it
(« pourrait échanger ») or the antecedent of its relative pronoun (« qui »).

A noun trigger (« la signature », « l'envoi ») takes roles from its own
dependents (« de X », « entre X et Y », a demonym « frappes russes ») and from
a participle hanging on it (« un remerciement émanant de X »). A noun that is
the object of a verb trigger (« a adressé un message ») or an adjunct of one of
the same class (« capturés lors d'un raid ») is the same event, not a new one;
a noun after a demonstrative (« ce communiqué ») refers back and makes none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.extract.dates import DateMatch
from kg.extract.entities import EntityIndex
from kg.extract.numbers import NumberMatch
from kg.extract.resolve import PLACE_TYPES, Resolver, case_of
from kg.lang import LanguageData
from kg.lang.hooks import norm
from kg.records import DateValue, EventRecord, QuantityValue, Span

SUBJECTS = ("nsubj", "nsubj:pass")
_QUOTED = re.compile(r"«[^»]{0,600}»|“[^”]{0,600}”")
#: Relations a date or a number does not climb out of to find its event.
BOUNDARIES = ("advcl", "acl", "acl:relcl", "parataxis", "ccomp", "csubj")
#: Relations that open an embedded clause (its own events, dates and places).
CLAUSES = ("ccomp", "advcl", "acl:relcl", "parataxis", "csubj", "conj", "xcomp")
ACTOR_TYPES = ("Person", "Organization", "NewsAgency", "PoliticalParty", "Country")


class EventFinder:
    def __init__(self, doc: Doc, data: LanguageData, index: EntityIndex, text: str | None = None):
        self.doc, self.data, self.index = doc, data, index
        self.text = doc.text if text is None else text  # spaCy rebuilds doc.text on every access
        lex = data.lexicon
        self.syntax, self.cues, self.hooks = data.syntax, data.cues, data.hooks
        self.place_cases = data.syntax.place_preps
        self.verbs = lex.verbs
        self.nouns = lex.nouns
        self.targets = lex.target_verbs
        self.roles = lex.roles
        self.noun_roles = lex.noun_roles
        self.reporting = data.cues.reporting_verbs
        self.needs_object = lex.needs_reflexive_or_entity_object
        self.settings = lex.setting_heads
        self.light = lex.light_verbs
        self.natural = lex.natural_causes
        self.evidence = lex.needs_evidence
        self.evidence_verbs = lex.evidence_verbs
        self.attack_targets = lex.attack_needs_target
        self.targets_ok = lex.needs_evidence.get("Deployment", frozenset()) | lex.attack_target_nouns
        self.noun_overrides = lex.noun_role_overrides
        self.phrases = lex.phrases
        self.reflexive = lex.reflexive_verbs
        self.not_quantities = data.cues.duration_units | data.cues.measure_units
        self.hypothetical = data.cues.hypothetical_verbs
        self.resolver = Resolver(doc, index, data)
        self._sources: dict[int, list[tuple[str, Span, int]]] = {}
        self._entre: dict[int, list[int]] = {}
        for sent in doc.sents:
            self._entre[sent.start] = [t.i for t in sent if t.lower_ in data.syntax.between_preps]

    # ---- triggers
    def trigger_class(self, tok: Token) -> str | None:
        lemma = tok.lemma_.lower()
        phrase = self._phrase(tok)
        if phrase:
            return phrase
        if tok.pos_ == "VERB" and lemma in self.reflexive and self._reflexive(tok) and any(
                c.dep_.startswith("obl") and self.resolver.resolve(c) for c in tok.children):
            return self.reflexive[lemma]  # « s'est rendu à Madrid », not « s'est rendu sur place »
        if tok.pos_ == "VERB" and lemma in self.verbs:
            if self._adjectival(tok):
                return None  # adjectival participle (« les produits importés »): a description
            if lemma in self.reporting and self._media_subject(tok):
                return None  # « Le Monde rapporte que »: attribution, not an event
            if lemma in self.needs_object and not self._reflexive_or_entity_object(tok):
                return None  # « retrouver la liberté » is no meeting; « se retrouver » is
            if self.verbs[lemma] == "Attack" and any(
                    c.dep_ in SUBJECTS and c.lemma_.lower() in self.natural for c in tok.children):
                return None  # « un séisme a frappé le Pérou »: a disaster, not an attack
            return self.verbs[lemma]
        if tok.pos_ == "NOUN" and lemma in self.nouns:
            if tok.head.lemma_.lower() in self.settings and tok.dep_ == "nmod":
                return None  # « en marge d'une réunion », « le site de lancement »: a setting
            if tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and self._case(tok) in self.syntax.of_preps \
                    and not any(c.dep_ in ("det", "nummod") for c in tok.children):
                return None  # « une zone d'attaque »: a bare noun complement names a kind, not an event
            return self.nouns[lemma]
        return None

    def _evidenced(self, tok: Token, ev: EventRecord) -> bool:
        """Verbs of transfer and capture are events only with evidence: an object
        among the class's theme nouns, a counted or priced object, or a named party
        besides the subject. « envoie un signal », « fournit du travail »,
        « capturer des papillons » are not."""
        if tok.pos_ != "VERB" or ev.lemma not in self.evidence_verbs | self.attack_targets:
            return True
        if self.verbs.get(ev.lemma) != ev.type:
            return True  # a light verb took the class of its event noun, which is the evidence
        themes = [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass")]
        if ev.lemma in self.attack_targets:
            return any(t.pos_ in ("PRON", "PROPN") or self.resolver.resolve(t, loose=True)
                       or t.lemma_.lower() in self.targets_ok for t in themes)
        allowed = self.evidence.get(ev.type, set())
        if any(c.dep_ == "ccomp" for c in tok.children):
            return False  # « ils en ont conclu que… »: a reasoning, not a transfer or a deal
        if ev.quantity is not None and (ev.quantity.unit in self.cues.currencies.values()
                                        or ev.quantity.unit in allowed):
            return True
        direct = {c.idx for c in tok.children}
        if any(r.role not in ("agent", "source", "place") and r.evidence.start in direct for r in ev.roles):
            return True  # a party named by the verb itself, not a name inside its object
        # The theme noun may sit under a measure: « 1,4 milliard de mètres cubes de gaz ».
        nouns = [d for t in themes for d in [t, *self._clause_tokens(t, ("acl:relcl", "acl", "advcl", "ccomp"))]
                 if d.pos_ in ("NOUN", "PROPN") and (d is t or d.dep_ == "nmod")]
        return any(d.lemma_.lower() in allowed or self.resolver.name_of(d) for d in nouns)

    def _phrase(self, tok: Token) -> str | None:
        """« donner son feu vert », « placer en orbite », « rendre visite »: a verb
        (or noun) and the noun it governs name the event together."""
        if tok.pos_ not in ("VERB", "NOUN"):
            return None
        lemma = tok.lemma_.lower()
        for c in tok.children:
            if (c.dep_ in ("obj", "obl:arg", "obl:mod", "nmod", "obl") and c.pos_ == "NOUN") or (
                    c.dep_ == "xcomp" and c.pos_ == "VERB"):  # « faire savoir », « laisser entendre »
                cls = self.phrases.get(f"{lemma} {c.lemma_.lower()}")
                if cls:
                    return cls
        return None

    def _adjunct_of(self, tok: Token, triggers: dict[int, str], cls: str) -> int | None:
        """A verb trigger of the same class two steps up (« lors d'un raid »)."""
        t = tok
        for _ in range(2):
            if t.dep_ not in ("obl:arg", "obl:mod", "nmod", "advmod", "obl") or t.head.i == t.i:
                return None
            t = t.head
            if t.i in triggers and t.pos_ == "VERB" and triggers[t.i] == cls:
                return t.i
        return None

    def _adjectival(self, tok: Token) -> bool:
        """A participle describing a noun rather than a verb with its own clause.
        The parser sometimes hangs a finite « a applaudi » on the subject as an
        ``acl``; a finite auxiliary between the noun and the participle shows it."""
        if tok.dep_ not in ("acl", "advcl", "amod") or "Part" not in tok.morph.get("VerbForm"):
            return False
        if any(c.dep_ in ("obl:agent",) or c.dep_.startswith("aux") for c in tok.children):
            return False
        lo, hi = sorted((tok.head.i, tok.i))
        # (an auxiliary of the main verb, « il y a eu … suffrages exprimés », does not count)
        return not any(self.doc[j].pos_ == "AUX" and "Fin" in self.doc[j].morph.get("VerbForm")
                       and self.doc[j].head.i != tok.head.i for j in range(lo + 1, hi))

    def _reflexive(self, tok: Token) -> bool:
        return self.hooks.is_reflexive(tok)

    def _reflexive_or_entity_object(self, tok: Token) -> bool:
        return self._reflexive(tok) or any(
            c.dep_ == "obj" and (self.resolver.resolve(c) or self.resolver.pair(c)) for c in tok.children)

    def _media_subject(self, tok: Token) -> str | None:
        for c in self._subject_candidates(tok):
            for key in self.resolver.resolve(c):
                if self.index.of_type(key) == "NewsAgency":
                    return key
        return None

    def _subject_candidates(self, tok: Token) -> list[Token]:
        """The subject, or in an inverted clause (« …, avance le quotidien X », « a
        annoncé lundi Doha ») the noun phrase after the verb, which the parser
        often labels ``obj`` or hangs on a date."""
        own = [c for c in tok.children if c.dep_ in SUBJECTS]
        if own:
            return own
        if not self._inverted(tok):
            return []
        # The first noun phrase after the verb that names someone, before the clause ends.
        for t in self.doc[tok.i + 1:tok.sent.end]:
            abbreviation = t.text == "." and t.i > 0 and len(self.doc[t.i - 1].text) <= 2 \
                and self.doc[t.i - 1].text[:1].isupper()  # « M. Tanabe »
            if (t.text in (".", ";", ":", "«", "»") and not abbreviation) or t.dep_ in ("ccomp", "mark"):
                break
            if t.pos_ in ("NOUN", "PROPN", "ADV") and (self.resolver.resolve(t) or self.resolver.name_of(t)):
                return [t]
        return []

    def _inverted(self, tok: Token) -> bool:
        """Is a speech verb placed before its subject, as after a quote or in an
        incise (« …, a déclaré X », « …, avance le quotidien Y »)? French inverts
        the subject of speech verbs; other verbs and passives keep it in front."""
        lemma = tok.lemma_.lower()
        if not (self.verbs.get(lemma) == "Communication" or lemma in self.reporting):
            return False
        if any(c.dep_ == "aux:pass" for c in tok.children):
            return False
        if tok.dep_ == "parataxis":
            return True
        prev = [t for t in self.doc[tok.sent.start:tok.i] if not t.dep_.startswith("aux") and not t.is_space]
        return bool(prev) and prev[-1].text in (",", "»", "\"", "”")

    def find(self, sentences: list[tuple[int, int, int]], dates: list[DateMatch],
             numbers: list[NumberMatch]) -> list[EventRecord]:
        doc = self.doc
        triggers: dict[int, str] = {}
        for tok in doc:
            cls = self.trigger_class(tok)
            if cls:
                triggers[tok.i] = cls
        # Nouns that are the same event as a verb trigger, or refer back.
        absorbed: dict[int, int] = {}
        for i, cls in list(triggers.items()):
            tok = doc[i]
            if tok.pos_ != "NOUN":
                continue
            if any("Dem" in c.morph.get("PronType") for c in tok.children if c.dep_ == "det"):
                del triggers[i]
                continue
            head = tok.head
            if head.i in triggers and doc[head.i].pos_ == "VERB" and (
                    tok.dep_ in ("obj", "nsubj:pass", "nsubj") or triggers[head.i] == cls):
                if tok.dep_ in ("obj", "nsubj:pass") and head.lemma_.lower() in self.light:
                    triggers[head.i] = cls  # « lancer une offensive », « envoyer un message »
                absorbed[i] = head.i
                del triggers[i]
        for i, cls in list(triggers.items()):
            tok = doc[i]
            if tok.pos_ != "NOUN":
                continue
            verb = self._adjunct_of(tok, triggers, cls)
            if verb is not None:  # « capturés lors d'un raid de X »: one event
                absorbed[i] = verb
                del triggers[i]
        for i in [i for i, cls in triggers.items() if cls == "Event" and i not in absorbed.values()]:
            del triggers[i]  # a light verb (« tenir », « mener ») with no event noun to carry
        events: dict[int, EventRecord] = {}
        for n, i in enumerate(sorted(triggers)):
            tok = doc[i]
            sent = next(k for k, (s, e, _) in enumerate(sentences) if s <= tok.idx < e)
            ev = EventRecord(key=f"e{n + 1}", type=triggers[i], lemma=tok.lemma_.lower(),
                             trigger=Span(tok.idx, tok.idx + len(tok), tok.text), sentence=sent)
            if tok.pos_ == "VERB":
                self._verb_roles(tok, ev)
            else:
                self._noun_roles(tok, ev)
                ev.definite = any(c.dep_ == "det" and norm(c.lower_) in self.syntax.definite_articles
                                  for c in tok.children)
            self._clause_places(tok, ev)
            if ev.type in ("Meeting", "Agreement") and len(ev.fillers("participant")) + len(ev.fillers("agent")) < 2:
                self._between(tok, ev)
            ev.negated = self.hooks.is_negated(tok)
            events[i] = ev
        for noun, verb in absorbed.items():
            if verb in events:
                self._noun_roles(doc[noun], events[verb], adjunct=True)
        self._attach_dates(events, dates)
        self._attach_quantities(events, numbers)
        for i in [i for i, ev in events.items() if not self._evidenced(doc[i], ev)]:
            del events[i]
        ordered = [events[i] for i in sorted(events)]
        for i, ev in events.items():
            self._modality(doc[i], ev)
            ev.confidence = self._confidence(doc[i], ev)
            if ev.type == "Agreement" and not ev.fillers("participant") and not ev.fillers("agent") \
                    and self.resolver.salient_pair:
                # No party named: news about two countries (« la signature d'un accord
                # de partenariat ») is about those two. A guess, so lower confidence.
                for key in self.resolver.salient_pair:
                    ev.add_role("participant", key, ev.trigger)
                ev.confidence = round(max(ev.confidence - 0.2, 0.05), 2)
        return ordered

    # ---- roles
    def _add(self, ev: EventRecord, role: str, tok: Token, loose: bool = False) -> None:
        keys = self.resolver.resolve(tok, loose) or self.resolver.pair(tok) or [
            k for c in tok.children if c.dep_ == "nmod" for k in self.resolver.pair(c)]  # « les délégations des deux pays »
        for key in keys:
            etype = self.index.of_type(key)
            r = role
            if r in ("recipient", "agent", "participant") and etype in ("City", "Region"):
                if self._case(tok) not in self.place_cases:
                    continue  # a known city or region is where things happen, never who acts
                r = "place"
            elif etype == "Place" and ((r in ("recipient", "participant", "agent") and self._case(tok) in self.place_cases)
                                       or (r == "recipient" and ev.type == "Attack")):
                r = "place"  # « à Las Rozas »; « a frappé le port d'Izmaïl »: where the attack hit
            if r == "place" and etype not in (*PLACE_TYPES, "Country"):
                continue
            if key in ev.fillers("agent") and r in ("recipient", "participant"):
                continue
            ev.add_role(r, key, Span(tok.idx, tok.idx + len(tok), tok.text))

    def _clause_tokens(self, tok: Token, stops: tuple[str, ...] = CLAUSES) -> Iterable[Token]:
        """Tokens of the trigger's own clause: its subtree minus embedded clauses."""
        stack = [c for c in tok.children if c.dep_ not in stops]
        while stack:
            t = stack.pop()
            yield t
            stack.extend(c for c in t.children if c.dep_ not in stops)

    def _clause_places(self, tok: Token, ev: EventRecord) -> None:
        """« à Genève », « dans la région de X », wherever the parser hung them in the
        clause; an event noun under « lors de » also looks in its verb's clause."""
        if ev.fillers("place"):
            return
        scope = list(self._clause_tokens(tok))
        if tok.pos_ == "NOUN" and self._governing_verb(tok) != tok.head.i or tok.head.lower_ in self.syntax.framing_nouns:
            scope += list(self._clause_tokens(self.doc[self._governing_verb(tok)]))
        for t in sorted(scope, key=lambda t: t.i):
            key = self.resolver.name_of(t)
            if key and self.index.of_type(key) in PLACE_TYPES and self._case(t) in self.place_cases \
                    and key not in ev.fillers("recipient"):
                ev.add_role("place", key, Span(t.idx, t.idx + len(t), t.text))
                return

    def _between(self, tok: Token, ev: EventRecord) -> None:
        """« entre X et Y » after a meeting or agreement word: the actors named up to
        the end of the clause, when the parse did not link them."""
        sent_end = tok.sent.end
        for j in self._entre[tok.sent.start]:
            if not tok.i < j < sent_end:
                continue
            found: list[tuple[str, Token]] = []
            for t in self.doc[j + 1:sent_end]:
                if t.text in (".", ";", ":"):
                    break
                key = self.resolver.name_of(t)
                if key and self.index.of_type(key) in ACTOR_TYPES and key not in [k for k, _ in found]:
                    found.append((key, t))
            if len(found) >= 2:
                for key, t in found:
                    ev.add_role("participant", key, Span(t.idx, t.idx + len(t), t.text))
            return

    def _subject_tokens(self, tok: Token) -> list[Token]:
        own = [c for c in tok.children if c.dep_ == "nsubj"]
        if own:
            # UD gives a verb one subject; when the parser emits several, the one
            # nearest before the verb is it (the others are misparsed incises).
            before = [c for c in own if c.i < tok.i]
            return [max(before, key=lambda c: c.i)] if before else own[:1]
        if self._inverted(tok):
            return self._subject_candidates(tok)
        if any(c.dep_ == "aux:pass" for c in tok.children):
            return []  # a passive's subject is what undergoes it; its agent comes with « par »
        nonfinite = not ({"Part", "Inf"}.isdisjoint(tok.morph.get("VerbForm"))) and not any(
            c.dep_.startswith("aux") for c in tok.children)
        if (tok.dep_ in ("conj", "xcomp") or (tok.dep_ == "advcl" and nonfinite)) \
                and tok.head.pos_ in ("VERB", "AUX", "NOUN", "ADJ"):
            # coordinated verbs, « pourrait échanger », « tout en accusant »: one subject
            return self._subject_tokens(tok.head)
        if tok.dep_ in ("acl:relcl",) or (tok.dep_ == "acl" and not self._adjectival(tok)):
            return [tok.head]
        return self._subject_candidates(tok)

    def _verb_roles(self, tok: Token, ev: EventRecord) -> None:
        mapping = self.roles.get(ev.type, self.roles["Event"])
        subject_role = mapping.get("nsubj", "agent")
        for s in self._subject_tokens(tok):
            self._add(ev, subject_role, s)
        for c in tok.children:
            dep = c.dep_
            if dep == "nsubj:pass" and mapping.get(dep):
                self._add(ev, mapping[dep], c)  # « X a été nommé / élu »: X takes part
                continue
            if dep in SUBJECTS:
                continue
            if self._case(c) in self.cues.on_behalf_nouns.get(c.lemma_.lower(), ()):
                # « pour le compte de X », « au nom de X »: the principal is an agent
                for g in c.children:
                    if g.dep_ == "nmod" and self._case(g) in self.syntax.of_preps:
                        self._add(ev, "agent", g)
                continue
            if c.lower_ in self.syntax.place_pronouns and c.pos_ == "PRON":
                place = self.resolver.last_place(c)  # « il y a rencontré »: the place just named
                if place:
                    ev.add_role("place", place, Span(c.idx, c.idx + len(c), c.text))
                continue
            case = self._case(c)
            role = mapping.get(f"{dep}/{case}") if case else None
            role = role or mapping.get(dep)
            if dep == "obj" and ev.lemma in self.targets:
                role = "participant" if ev.type == "Meeting" else "recipient"
            if dep == "obj" and ev.type == "Transaction" and self.resolver.name_of(c):
                role = "recipient"
            if dep == "obj" and ev.type in ("Agreement", "Meeting"):
                # « signer un accord avec X », « tenir une réunion entre X et Y »
                for g in c.children:
                    if g.dep_ == "nmod" and self._case(g) in self.syntax.joint_preps:
                        self._add(ev, "participant", g)
            if role is None and dep.startswith(("obl", "nmod")) and case in self.place_cases:
                role = "place"
            if role:
                self._add(ev, role, c, loose=dep == "obj")
        self._implicit_roles(tok, ev)

    def _implicit_roles(self, tok: Token, ev: EventRecord) -> None:
        """Roles the syntax does not give directly, by widely valid conventions."""
        themes = [c for c in tok.children if c.dep_ in ("obj", "nsubj:pass", "xcomp")]
        if ev.type in ("Deployment", "Transaction") and not ev.fillers("agent"):
            # « des soldats nord-coréens ont été envoyés »: the sender is the troops' country.
            for t in themes:
                if (key := self.resolver.demonym_of(t)) is not None:
                    ev.add_role("agent", key, Span(t.idx, t.idx + len(t), t.text))
        if ev.type in ("Deployment", "Transaction", "Decision", "Attack") and not ev.fillers("recipient"):
            # The party a purpose clause (« pour appuyer l'effort russe ») or the object names.
            pool = [c for c in tok.children if c.dep_ in ("advcl", "obj", "xcomp", "obl:mod")]
            for t in pool:
                # not across « tandis que … » or a relative clause: another event's parties
                for d in sorted([t, *self._clause_tokens(t, ("advcl", "acl:relcl", "parataxis", "ccomp"))],
                                key=lambda d: d.i):
                    key = self.index.token_entity.get(d.i)
                    if key and key not in ev.fillers("agent") and self.index.of_type(key) in (
                            "Country", "Organization", "PoliticalParty"):
                        ev.add_role("recipient", key, Span(d.idx, d.idx + len(d), d.text))
                        return

    def _noun_roles(self, tok: Token, ev: EventRecord, adjunct: bool = False) -> None:
        mapping = {**self.noun_roles.get(ev.type, {}), **self.noun_overrides.get(tok.lemma_.lower(), {})}
        deps = list(tok.children)
        for c in tok.children:
            if c.dep_ == "acl":  # « un remerciement émanant de X », « une réunion tenue à Y »
                deps.extend(c.children)
        for c in deps:
            case = self._case(c)
            role = mapping.get(f"{c.dep_.split(':')[0]}/{case}") or mapping.get(f"{c.dep_}/{case}")
            if c.dep_ == "obl:arg" and case in self.syntax.of_preps:
                role = role or "agent"
            if c.dep_ == "obl:agent":
                role = "participant" if ev.type in ("Meeting", "Agreement") else "agent"
            if role is None and case in self.place_cases:
                role = "place"
            if role:
                self._add(ev, role, c)
            elif c.dep_ == "amod" and c.i in self.index.demonym_tokens and not adjunct:
                role = "participant" if ev.type in ("Meeting", "Agreement") else "agent"
                ev.add_role(role, self.index.token_entity[c.i], Span(c.idx, c.idx + len(c), c.text))

    # ---- dates and quantities
    def _nearest_trigger(self, tok: Token, events: dict[int, EventRecord],
                         boundaries: tuple[str, ...] = ()) -> int | None:
        """The event whose clause holds ``tok``: climb heads, but never out of an
        embedded clause (« dont le parti n'a plus gouverné depuis 2014 »)."""
        t = tok
        stop = boundaries or BOUNDARIES
        while True:
            if t.i in events:
                return t.i
            if t.head.i == t.i or t.dep_ in stop:
                return None
            t = t.head

    def _governing_verb(self, noun: Token) -> int:
        """The verb a noun hangs on, through « lors de » / « au cours de »."""
        head = noun.head
        if head.pos_ in ("ADV", "NOUN") and head.lower_ in self.syntax.framing_nouns:
            head = head.head
        return head.i

    def _reaches_root(self, tok: Token) -> bool:
        t = tok
        while t.head.i != t.i:
            if t.dep_ in BOUNDARIES:
                return False
            t = t.head
        return True

    def _in_sentence(self, tok: Token, events: dict[int, EventRecord]) -> list[int]:
        return [i for i in events if self.doc[i].sent.start == tok.sent.start]

    def _attach_dates(self, events: dict[int, EventRecord], dates: list[DateMatch]) -> None:
        for d in dates:
            span = self.doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None:
                continue
            tok = span.root
            target = self._nearest_trigger(tok, events)
            if target is None and self._reaches_root(tok):
                # A date on a main verb that is no event (« s'est intensifiée depuis la
                # signature ... en juin 2024 », « arrêtée le 3 avril lors d'une rencontre »):
                # an event noun of that same clause.
                verb = tok.head
                pool = [i for i in self._in_sentence(tok, events) if events[i].date is None
                        and self.doc[i].pos_ == "NOUN" and self._governing_verb(self.doc[i]) == verb.i]
                target = min(pool, key=lambda i: abs(i - tok.i)) if pool else None
            if target is not None and events[target].date is None:
                events[target].date = DateValue(d.iso, d.datatype, Span(d.start, d.end, self.text[d.start:d.end]))

    def _attach_quantities(self, events: dict[int, EventRecord], numbers: list[NumberMatch]) -> None:
        named = sorted((m.start, m.end) for e in self.index.entities.values() for m in e.mentions)
        quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(self.text)]
        for n in numbers:
            before = self.text[max(0, n.start - 8):n.start].lower()
            if before.rstrip().endswith(self.cues.rank_markers):
                continue  # « le satellite n° 3 »: a rank, not a quantity
            if n.unit is None and not n.approximate and float(n.value).is_integer() and 1800 <= n.value <= 2100 \
                    and not any(c.isspace() for c in self.text[n.start:n.end]):
                continue  # « la saison 2013 »: a year
            if any(s <= n.start and n.end <= e for s, e in named) or any(s < n.start < e for s, e in quotes):
                continue  # inside a name (« Ayrault 2 ») or a quotation
            span = self.doc.char_span(n.start, n.end, alignment_mode="expand")
            if span is None:
                continue
            anchor = span[-1]
            if anchor.pos_ in ("NUM", "DET") and anchor.head.pos_ == "NOUN":
                anchor = anchor.head
            elif span.end < len(self.doc) and self.doc[span.end].pos_ == "NOUN" and n.unit is None:
                anchor = self.doc[span.end]
            if any(c.dep_ == "det" and c.lower_ in self.syntax.anaphoric_determiners for c in anchor.children):
                continue  # « les deux pays »: anaphoric, not a measured quantity
            # « un protocole prévoyant la formation de quinze mille stadiers »: a
            # number may leave a participle clause describing the event's object.
            target = self._nearest_trigger(anchor, events, (*(b for b in BOUNDARIES if b != "acl"), "conj"))
            if target is None or events[target].quantity is not None:
                continue
            unit = n.unit
            if unit is None:
                noun = anchor if anchor.pos_ == "NOUN" else None
                if noun is not None and (noun.lemma_.lower() in self.cues.approximate_nouns
                                         or noun.lower_ in self.cues.multipliers):
                    # « une vingtaine de travailleurs », « 1,4 milliard de mètres cubes »
                    noun = next((c for c in noun.children if c.dep_ == "nmod"), None)
                unit = noun.lemma_.lower() if noun is not None else None
            if unit in self.not_quantities:
                continue  # « dix-neuf mois après », « à 400 km »: a duration or a distance, not the event's quantity
            events[target].quantity = QuantityValue(n.value, unit, n.approximate,
                                                    Span(n.start, n.end, self.text[n.start:n.end]))

    # ---- modality and attribution
    def _modality(self, tok: Token, ev: EventRecord) -> None:
        conditional = any("Cnd" in t.morph.get("Mood") for t in (tok, *tok.children) if
                          t is tok or t.dep_.startswith("aux"))
        hypothetical = False
        t = tok
        for _ in range(4):  # climb the modal and reporting verbs that govern the trigger
            head = t.head
            if head.i == t.i:
                break
            if t.dep_ == "xcomp" and head.lemma_.lower() in self.hypothetical and not self._past(head):
                hypothetical = True
                conditional = conditional or "Cnd" in head.morph.get("Mood")
            if t.dep_ in ("ccomp", "xcomp", "parataxis") and head.lemma_.lower() in self.reporting:
                if (src := self._media_subject(head)) is not None:
                    ev.add_role("source", src, Span(head.idx, head.idx + len(head), head.text))
            if t.dep_ not in ("xcomp", "ccomp", "conj", "parataxis"):
                break
            t = head
        for src, evidence, word in self._sentence_sources(tok):
            if word != tok.i and src not in ev.fillers("agent"):
                ev.add_role("source", src, evidence)
        if hypothetical:
            ev.modality = "Hypothetical"
        elif conditional or ev.fillers("source"):
            ev.modality = "Reported"

    @staticmethod
    def _past(verb: Token) -> bool:
        """« a pu », « avait pu »: a modal in a compound past states what happened."""
        return "Part" in verb.morph.get("VerbForm") and any(c.dep_.startswith("aux") for c in verb.children)

    def _sentence_sources(self, tok: Token) -> Iterable[tuple[str, Span, int]]:
        """« selon X », « d'après X », « relayé par X » and media that report in the
        sentence, as (entity, evidence, index of the reporting word); computed once
        per sentence (long sentences hold many events)."""
        start = tok.sent.start
        if start not in self._sources:
            self._sources[start] = list(self._find_sources(tok.sent))
        return self._sources[start]

    def _find_sources(self, sent) -> Iterable[tuple[str, Span, int]]:
        for t in sent:
            if self._attribution(t):
                for key in self.resolver.resolve(t.head):
                    yield key, Span(t.head.idx, t.head.idx + len(t.head), t.head.text), t.i
            elif t.lemma_.lower() in self.reporting:
                if t.lemma_.lower() in self.cues.relay_verbs:
                    for c in t.children:
                        if c.dep_ == "obl:agent":
                            for key in self.resolver.resolve(c, loose=True):
                                yield key, Span(c.idx, c.idx + len(c), c.text), t.i
                elif (src := self._media_subject(t)) is not None:
                    yield src, Span(t.idx, t.idx + len(t), t.text), t.i

    def _attribution(self, t: Token) -> bool:
        """« selon X », « d'après X »: an attribution preposition, one word or an
        elided one cut in two (« d' » « après »)."""
        preps = self.cues.attribution_preps
        if t.lemma_.lower() in preps:
            return True
        return t.i > 0 and norm(self.doc[t.i - 1].lower_) + t.lower_ in preps

    def _case(self, tok: Token) -> str | None:
        return case_of(tok, self.data)

    def _confidence(self, tok: Token, ev: EventRecord) -> float:
        score = 0.55 if tok.pos_ == "VERB" else 0.45
        entity_roles = {r.role for r in ev.roles}
        score += 0.1 * min(len(entity_roles), 2)
        score += 0.05 if ev.date else 0.0
        score -= 0.15 if ev.negated else 0.0
        return round(min(max(score, 0.05), 0.95), 2)
