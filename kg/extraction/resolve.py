"""From a token of the parse to the entities it stands for.

A role token may be a name (« Kim Jong-un »), a pronoun (« il » → the salient
subject; « qui » → its antecedent), a descriptive noun naming someone in
apposition (« le ministre, X », « l'agence KCNA »), a group noun with a demonym
(« les autorités nord-coréennes » → the country), a definite description of an
organisation named earlier (« l'agence japonaise »), or a plural pointing back
(« les deux pays », « les trois responsables »).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from kg.extraction.agreement import agreement, agrees, mention_gender
from kg.extraction.entities import EntityIndex
from kg.extraction.quotes import SUBORDINATE, main_clause, quote_before, quoted_tokens
from kg.lang import LanguageData, fold
from kg.lang.hooks import norm

#: Relations through which a descriptive noun names an entity (« l'agence ... KCNA »).
NAMING = ("appos", "flat:name", "nmod", "flat")
PLACE_TYPES = ("City", "Region", "Place")
#: « les deux pays », « les trois responsables »: how many entities a plural may point back at.
POINTING_BACK = range(2, 7)
#: What « les deux parties » / « les deux syndicats » may point back at.
GROUP_TYPES = ("Country", "Organization", "NewsAgency", "PoliticalParty")
#: How far back a plural subject looks for the subject group it continues.
RECENT_SENTENCES = 6
#: How far back any group is looked for (a bound, so a long document costs a window per plural).
LOOK_BACK_SENTENCES = 30


def case_of(tok: Token, data: LanguageData) -> str | None:
    """The preposition marking ``tok`` (« à », « de », « entre »...), contractions
    and elision undone by the language's hooks."""
    for c in tok.children:
        if c.dep_ in ("case", "mark") or (c.dep_ == "fixed" and c.i < tok.i):
            return data.hooks.preposition(c.text)
    return None


def counted(tok: Token, data: LanguageData) -> int | None:
    """The small number a plural noun carries (« les deux pays » → 2), or None."""
    for c in tok.children:
        n = data.cues.number_words.get(c.lower_)
        if n in POINTING_BACK:
            return n
    return None


class Resolver:
    """Turns a role token into entity keys (names, pronouns, group nouns, demonyms)."""

    def __init__(self, doc: Doc, index: EntityIndex, data: LanguageData):
        self.doc, self.index, self.data = doc, index, data
        cues = data.cues
        self.groups = set(cues.group_nouns) | set(cues.titles) | set(cues.media_nouns) | set(cues.org_descriptors)
        self.groups |= {g.lower() for g in self.groups}  # « l'ONG » and « PDG » meet a lower-cased lemma
        self.titles = set(cues.titles)
        self.humans = cues.human_group_nouns
        #: common nouns that name who speaks when no name is given (« a indiqué la police », « son avocate »)
        self.speakers = (self.groups | set(self.humans) | set(cues.institution_nouns) | set(cues.org_heads)
                         | set(cues.speaker_nouns))
        #: nouns of groups and institutions a pronoun may continue (« l'armée … elle »), not people's titles
        self.collectives = (set(cues.group_nouns) | set(cues.institution_nouns) | set(cues.org_heads)
                            | set(cues.org_descriptors) | set(cues.media_nouns)) - self.titles - set(self.humans)
        # Sorted token positions, so each look-back is a bisection, not a scan.
        self.persons = [i for i, k in sorted(index.token_entity.items())
                        if index.of_type(k) == "Person"]
        self.places = [i for i, k in sorted(index.token_entity.items()) if index.of_type(k) in PLACE_TYPES]
        self.sents = [(s.start, s.end) for s in doc.sents]
        self._sent_starts = [s for s, _ in self.sents]
        self._orgs: list[tuple[str, set[str]]] | None = None
        self._org_heads: dict[tuple[str, str], list[tuple[int, str]]] | None = None
        #: the two countries the document names most (« les deux pays »)
        self.salient_pair = tuple(self.salient_countries(2))

    def sentence_of(self, i: int) -> int:
        """The index of the sentence holding token ``i``."""
        return bisect_right(self._sent_starts, i) - 1

    def last_place(self, tok: Token) -> str | None:
        """The latest city, region or place named before ``tok`` (what « y » means)."""
        k = bisect_left(self.places, tok.i) - 1
        return self.index.token_entity[self.places[k]] if k >= 0 else None

    def antecedent(self, pronoun: Token) -> str | None:
        """What « il » / « elle » refers to: the nearest subject before it in this
        or the two previous sentences (subjects are what a pronoun continues) that
        agrees with it in gender and number: a person, or a collective noun of the
        last two sentences (« l'armée … Elle a promis »: the army, its entity or
        none, never a person further back). Else the latest person named before it
        whose gender does not clash. A plural pronoun stands for no single person."""
        gender, number = agreement(pronoun)
        if number == "Plur":
            return None
        here = self.sentence_of(pronoun.i)
        for k in range(here, max(-1, here - 3), -1):
            start, end = self.sents[k]
            for i in reversed(range(start, min(end, pronoun.i))):
                tok = self.doc[i]
                if i in self.index.token_entity and self.index.of_type(self.index.token_entity[i]) == "Person":
                    if self._in_subject(tok) and agrees(mention_gender(tok, self.titles), gender):
                        return self.index.token_entity[i]
                elif k < here and self._incise_clitic(tok, gender):
                    # « « … » déclare-t-il. Il reconnaît … »: the speaker the incise continues
                    return self._one(tok, False)
                elif k >= here - 1 and self.collective_subject(tok, gender):
                    return next(iter(self.resolve(tok)), None)
        for i in reversed(self.persons[:bisect_left(self.persons, pronoun.i)]):
            if agrees(mention_gender(self.doc[i], self.titles), gender):
                return self.index.token_entity[i]
        return None

    def incise_antecedent(self, pronoun: Token, opening: int) -> str | None:
        """Who « il » / « elle » of an incise after a quotation is: the person a main clause
        made its subject before the quotation opened, in its sentence or the two before,
        the quotations there skipped (a person the quotation names, or the subject of a
        que-clause, never speaks it). The nearest sentence naming someone decides: its
        main subject if it agrees, else the one other person there whose title or name
        shows the pronoun's gender; two people, or a thing as its nearest subject, leave
        the speaker unknown."""
        gender, number = agreement(pronoun)
        if number == "Plur":
            return None
        here = self.sentence_of(opening)
        quoted = quoted_tokens(self.doc, self.sents[max(0, here - 2)][0], opening)
        for k in range(here, max(-1, here - 3), -1):
            start, end = self.sents[k]
            found: set[str] = set()
            known: set[str] = set()  # others of the pronoun's gender, by their title or name
            unknown: set[str] = set()
            chained = False
            for i in reversed(range(start, min(end, opening))):
                tok = self.doc[i]
                if i in quoted:
                    continue
                key = self.index.token_entity.get(i)
                person = key is not None and self.index.of_type(key) == "Person"
                if tok.pos_ == "PRON" and tok.dep_.startswith(("nsubj", "expl")) and main_clause(tok.head) \
                        and tok.lower_.rsplit("-", 1)[-1] in self.data.syntax.personal_pronouns \
                        and agrees(agreement(tok)[0], gender):
                    chained = True  # « Il renchérit que … X … »: the sentence continues someone named before
                elif not self._main_subject(tok):
                    if person and key and not self._in_subject(tok) and not any(
                            a.dep_ in SUBORDINATE for a in tok.ancestors):  # (never inside a que-clause)
                        shown = mention_gender(tok, self.titles)
                        (known if shown == gender else unknown if shown is None else set()).add(key)
                elif person and key:
                    if agrees(mention_gender(tok, self.titles), gender):
                        found.add(key)
                elif tok.dep_ in ("nsubj", "nsubj:pass") and tok.pos_ in ("NOUN", "PROPN") and not found \
                        and agrees(agreement(tok)[0], gender) and not self.resolve(tok):
                    return None  # « Le projet a été présenté. « … », a-t-il… »: a thing may be « il »
            if found:
                return found.pop() if len(found) == 1 else None
            if (known or unknown) and not chained:  # « La ministre X a reçu le préfet Y. « … », a-t-il dit »: Y
                return known.pop() if len(known) == 1 and not unknown else None
        return None

    def _incise_clitic(self, tok: Token, gender: str | None) -> bool:
        """Is ``tok`` the inverted subject clitic of an incise after a quotation (« déclare-t-il »),
        of ``gender``? (The parser gives it any relation: ``nsubj``, ``punct``, ``dep``.)"""
        return tok.pos_ == "PRON" and tok.text.startswith("-") and len(tok.text) > 2 \
            and tok.lower_.rsplit("-", 1)[-1] in self.data.syntax.personal_pronouns \
            and agrees(agreement(tok)[0], gender) and "Plur" not in tok.morph.get("Number", []) \
            and quote_before(self.doc, tok) is not None

    def _main_subject(self, tok: Token) -> bool:
        """Is ``tok`` part of the subject of a main clause (its verb the root, an incise
        beside it, or a verb coordinated with one), not of a que-clause or a relative?"""
        if not self._in_subject(tok):
            return False
        t = tok
        while t.dep_ not in ("nsubj", "nsubj:pass"):
            t = t.head
        return main_clause(t.head)

    def collective_subject(self, tok: Token, gender: str | None) -> bool:
        """Is ``tok`` the subject noun of a group or an institution (« l'armée »,
        « l'agence ») in the singular, of ``gender``: what « elle » may continue?"""
        if tok.dep_ not in ("nsubj", "nsubj:pass") or tok.lemma_.lower() not in self.collectives:
            return False
        g, n = agreement(tok)
        return n != "Plur" and g == gender and not any(  # (« la présidente, X »: a person's title)
            c.dep_ in ("appos", "flat:name") and c.i in self.index.token_entity
            and self.index.of_type(self.index.token_entity[c.i]) == "Person" for c in tok.children)

    @staticmethod
    def _in_subject(tok: Token) -> bool:
        """Is ``tok`` part of a subject (« Kim Jong-un a… », « le ministre, X, a… »)?"""
        for t in (tok, *tok.ancestors):
            if t.dep_ in ("nsubj", "nsubj:pass"):
                return True
            if t.dep_ not in ("flat:name", "appos", "nmod", "flat", "amod"):
                return False
        return False

    def salient_countries(self, n: int) -> list[str]:
        """The ``n`` countries the document names most (mentions, not tokens), the
        earlier first named on a tie; none if it names fewer."""
        countries = [e for e in self.index.entities.values() if e.type == "Country" and e.mentions]
        ranked = sorted(countries, key=lambda e: (-len(e.mentions), min(m.start for m in e.mentions)))
        return [e.key for e in ranked[:n]] if len(ranked) >= n else []

    def name_of(self, tok: Token) -> str | None:
        if tok.i in self.index.token_entity and tok.i not in self.index.demonym_tokens:
            return self.index.token_entity[tok.i]
        return None

    def demonym_of(self, tok: Token) -> str | None:
        for c in tok.children:
            if c.dep_ == "amod" and c.i in self.index.demonym_tokens:
                return self.index.token_entity[c.i]
        return None

    def resolve(self, tok: Token, loose: bool = False) -> list[str]:
        """Entity keys for ``tok`` and the tokens coordinated with it."""
        out: list[str] = []
        for t in (tok, *(c for c in tok.children if c.dep_ == "conj")):
            key = self._one(t, loose)
            if key and key not in out:
                out.append(key)
        return out

    def _one(self, tok: Token, loose: bool) -> str | None:
        if (key := self.name_of(tok)) is not None:
            return key
        if tok.pos_ == "PRON":
            if "Rel" in tok.morph.get("PronType", []) and tok.head.dep_ in ("acl:relcl", "acl"):
                return self._one(tok.head.head, loose)
            if tok.lower_.rsplit("-", 1)[-1] in self.data.syntax.personal_pronouns:
                if tok.text.startswith("-") and (opening := quote_before(self.doc, tok)) is not None:
                    return self.incise_antecedent(tok, opening)  # « « … », déclare-t-il »
                return self.antecedent(tok)  # « il », and the inverted « -il » of « a-t-il ajouté »
            return None
        lemma = tok.lemma_.lower()
        if lemma in self.data.cues.counted_party_nouns and counted(tok, self.data):
            return None  # a plural pointing back: handled by pair()
        if lemma in self.groups or tok.pos_ == "PROPN" or loose:
            named = [(c, d) for c, d in self._naming(tok) if self.name_of(c) is not None]
            # « le directeur de l'ESA, Markus Lindholm »: the person in apposition first.
            named.sort(key=lambda cd: (cd[0].dep_ not in ("appos", "flat:name"), cd[1], cd[0].i))
            if named:
                return self.name_of(named[0][0])
            if (key := self.described_org(tok)) is not None:
                return key
            if (key := self.introduced_org(tok)) is not None:
                return key
            if (key := self.demonym_of(tok)) is not None:
                return key
        return None

    def described_org(self, tok: Token) -> str | None:
        """« l'agence japonaise » after « l'Agence japonaise d'exploration aérospatiale »:
        a definite description whose words all appear in one organisation's name."""
        articles = self.data.syntax.definite_articles
        if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and norm(c.lower_) in articles for c in tok.children):
            return None
        words = {fold(tok.text), *(fold(c.text) for c in tok.children if c.dep_ == "amod")}
        if len(words) < 2:
            return None
        if self._orgs is None:  # the organisations' name words, once per document
            self._orgs = [(ent.key, set(fold(ent.label).replace("'", " ").split()))
                          for ent in self.index.entities.values()
                          if ent.type in ("Organization", "NewsAgency", "PoliticalParty")]
        return next((key for key, name in self._orgs if words <= name), None)

    def introduced_org(self, tok: Token) -> str | None:
        """« le laboratoire » after « le laboratoire X », « le ministère » after « le ministère de
        la Santé », « le gardien » after « le gardien brésilien Y »: a bare definite noun that
        introduced exactly one organisation or person named before it, or opens the name of
        exactly one organisation."""
        articles = self.data.syntax.definite_articles
        if tok.pos_ != "NOUN" or not any(c.dep_ == "det" and norm(c.lower_) in articles for c in tok.children) \
                or any(c.dep_ in (*NAMING, "amod", "nummod", "conj") for c in tok.children):
            return None
        if self._org_heads is None:  # once per document: head word → (first token of a mention, organisation)
            self._org_heads = {}
            for ent in self.index.entities.values():
                if ent.type not in ("Organization", "NewsAgency", "PoliticalParty", "Person"):
                    continue
                for m in ent.mentions:
                    span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                    if span is None:
                        continue
                    before = [t for t in self.doc[max(0, span.start - 2):span.start]
                              if t.pos_ == "NOUN" or (t.pos_ == "X" and t.lemma_.lower() in self.groups)]
                    first = [] if ent.type == "Person" else [("word", fold(span[0].text))]
                    for head in {*first, *(("lemma", t.lemma_.lower()) for t in before)}:
                        self._org_heads.setdefault(head, []).append((span.start, ent.key))
        found = {key for head in (("word", fold(tok.text)), ("lemma", tok.lemma_.lower()))
                 for start, key in self._org_heads.get(head, ()) if start < tok.i}
        return found.pop() if len(found) == 1 else None

    def _naming(self, tok: Token, depth: int = 0) -> Iterable[tuple[Token, int]]:
        """The tokens a description may name (« l'agence KCNA », « le ministre de X »),
        not a place it is located at (« le porte-parole de la mission en X »,
        « l'ambassadeur de Y en X »: X is where, not who)."""
        if depth >= 3:
            return
        for c in tok.children:
            if c.dep_ == "nmod" and case_of(c, self.data) in self.data.syntax.place_preps:
                continue
            if c.dep_ in NAMING or (c.dep_ == "nmod" and case_of(c, self.data) in self.data.syntax.of_preps):
                yield c, depth
                yield from self._naming(c, depth + 1)

    def pair(self, tok: Token) -> list[str]:
        """Plural phrases that point back at several entities: « les deux pays » (the
        document's two most named countries), « les trois responsables » (the last
        three people named)."""
        lemma = tok.lemma_.lower()
        n = next((v for c in tok.children if c.dep_ == "nummod"
                  and (v := self.data.cues.number_words.get(c.lower_)) in POINTING_BACK), None)
        if n is None:
            return []
        if lemma in self.data.cues.counted_country_nouns:
            # « les deux pays », « les trois pays »: the countries the document names most
            return self.salient_countries(n)
        if lemma in self.humans:
            titled = [k for k in dict.fromkeys(self.index.token_entity[i] for i in self.persons if i < tok.i)
                      if (self.index.entities[k].title or "").startswith(lemma)]
            if len(titled) >= n:  # « les deux ministres »: the ministers named before
                return titled[-n:]
            if group := self.coordinated(tok, n, ("Person",)):
                return group  # « X et Y ont signé … Les deux hommes … »: the people named together
            found: list[str] = list(titled)  # then the people named most recently
            for i in reversed(self.persons):
                if i < tok.i and self.index.token_entity[i] not in found:
                    found.append(self.index.token_entity[i])
                if len(found) == n:
                    return found[::-1]
        elif {lemma, tok.lower_} & (self.data.cues.counted_party_nouns | self.data.cues.org_descriptors.keys()):
            # « les deux parties », « les deux syndicats »: the parties or organisations named together
            # (sides, « les deux parties », continue a subject; organisations may be named anywhere)
            sides = bool({lemma, tok.lower_} & self.data.cues.counted_party_nouns)
            return self.coordinated(tok, n, GROUP_TYPES, subjects_only=sides)
        return []

    def coordinated(self, tok: Token, n: int, types: tuple[str, ...], subjects_only: bool = False) -> list[str]:
        """The ``n`` entities of ``types`` last named together in one coordination before ``tok``
        (« X et Y ont signé », « entre X et Y », « des deux chefs, A, et B »): a group that is a
        subject in the last sentences first (what a plural subject continues), else the latest
        (unless ``subjects_only``)."""
        here = self.sentence_of(tok.i)
        latest: list[str] = []
        first = self.sents[max(0, here - LOOK_BACK_SENTENCES)][0]
        for head in reversed(self.doc[first:tok.i]):
            if not any(c.dep_ == "conj" and c.i < tok.i for c in head.children):
                continue
            keys = [k for k in self._members(head) if self.index.of_type(k) in types]
            if len(keys) != n:
                continue
            if self._in_subject(head) and here - self.sentence_of(head.i) <= RECENT_SENTENCES:
                return keys
            latest = latest or keys
        return [] if subjects_only else latest

    def _members(self, head: Token) -> list[str]:
        """The entities a coordination names, one per member (a member is a name, a title with
        its name in apposition, or an honorific with its name: « M. X »)."""
        out: list[str] = []
        for t in (head, *(c for c in head.children if c.dep_ == "conj")):
            key = self._one(t, loose=True) or next(
                (k for c in t.children if c.dep_ == "flat:name" and (k := self.name_of(c))), None)
            if key is None:
                return []  # a member naming no one: not a list of the entities wanted
            if key not in out:
                out.append(key)
        return out
