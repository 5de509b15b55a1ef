"""Incises after a quotation (kg.extraction.quotes, speakers.subject_clitic, Resolver.incise_antecedent),
on hand-built parses: the inverted clitic whatever relation the parser gave it, and who it stands for."""

from __future__ import annotations

import pytest

from .rules import run

# « Nadia arrive. « Tout va bien », estime-t-elle. »
_CLITIC = """
Nadia Nadia PROPN 2 nsubj _ B-PER
arrive arriver VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 2 punct
« « PUNCT 6 punct
Tout tout PRON 6 nsubj
va aller VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
bien bien ADV 6 advmod
» » PUNCT 6 punct
, , PUNCT 10 punct
estime estimer VERB 6 parataxis Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
-t t PRON 10 {t_dep} Gender=Masc|Number=Sing|Person=3 NoSpace
-elle elle PRON {head} {dep} Gender=Fem|Number=Sing|Person=3
. . PUNCT 6 punct
"""


@pytest.mark.parametrize("t_dep, head, dep", [
    ("dep", 10, "dep"),            # « -t » and « -elle » both dep
    ("nsubj", 11, "flat:name"),    # « -t » the subject, « -elle » hung under it
    ("nsubj", 10, "punct"),        # « -elle » as punctuation
])
def test_the_clitic_of_an_incise_is_its_subject_whatever_its_relation(fr, t_dep, head, dep):
    _, events = run(fr, _CLITIC.format(t_dep=t_dep, head=head, dep=dep))
    assert [roles for _, lemma, roles, *_ in events if lemma == "estimer"] == [[("agent", "Nadia")]], events


# « La ministre Nadia arrive. « Karim ment », estime-t-il. »: the quotation names Karim, who does not speak.
_NAMED_INSIDE = """
La le DET 2 det Definite=Def|Gender=Fem|Number=Sing|PronType=Art
ministre ministre NOUN 4 nsubj Gender=Fem|Number=Sing
Nadia Nadia PROPN 2 appos _ B-PER
arrive arriver VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 4 punct
« « PUNCT 8 punct
Karim Karim PROPN 8 nsubj _ B-PER
ment mentir VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
» » PUNCT 8 punct
, , PUNCT 11 punct
estime estimer VERB 8 parataxis Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
-t t PRON 11 nsubj Gender=Masc|Number=Sing|Person=3 NoSpace
{clitic} il PRON 12 flat:name Gender={gender}|Number=Sing|Person=3
. . PUNCT 8 punct
"""


def test_a_person_the_quotation_names_is_not_who_speaks_it(fr):
    _, events = run(fr, _NAMED_INSIDE.format(clitic="-il", gender="Masc"))
    assert not any(("agent", "Karim") in roles for _, _, roles, *_ in events), events
    _, events = run(fr, _NAMED_INSIDE.format(clitic="-elle", gender="Fem"))
    assert [roles for _, lemma, roles, *_ in events if lemma == "estimer"] == [[("agent", "Nadia")]], events


# « Nadia affirme que Karim ment. « Tout va bien », ajoute-t-il. »: Karim is the que-clause's subject.
_QUE_CLAUSE = """
Nadia Nadia PROPN 2 nsubj _ B-PER
affirme affirmer VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
que que SCONJ 5 mark
Karim Karim PROPN 5 nsubj _ B-PER
ment mentir VERB 2 ccomp Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 2 punct
« « PUNCT 9 punct
Tout tout PRON 9 nsubj
va aller VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
bien bien ADV 9 advmod
» » PUNCT 9 punct
, , PUNCT 13 punct
ajoute ajouter VERB 9 parataxis Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
-t t PRON 13 dep Gender=Masc|Number=Sing|Person=3 NoSpace
-il il PRON 13 nsubj Gender=Masc|Number=Sing|Person=3
. . PUNCT 9 punct
"""


def test_the_subject_of_a_que_clause_is_not_who_speaks_the_next_quotation(fr):
    _, events = run(fr, _QUE_CLAUSE)
    assert not any(("agent", "Karim") in roles for _, _, roles, *_ in events), events
    assert any(("agent", "Nadia") in roles for _, _, roles, *_ in events), events


# « Le projet avance. « Tout va bien », précise-t-il. »: a thing before the quotation may be « il ».
_THING = """
Le le DET 2 det Definite=Def|Gender=Masc|Number=Sing|PronType=Art
projet projet NOUN 3 nsubj Gender=Masc|Number=Sing
avance avancer VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 3 punct
Karim Karim PROPN 6 nsubj _ B-PER
parle parler VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 6 punct
Le le DET 9 det Definite=Def|Gender=Masc|Number=Sing|PronType=Art
chantier chantier NOUN 10 nsubj Gender=Masc|Number=Sing
reprend reprendre VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
. . PUNCT 10 punct
« « PUNCT 14 punct
Tout tout PRON 14 nsubj
va aller VERB 0 root Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
bien bien ADV 14 advmod
» » PUNCT 14 punct
, , PUNCT 18 punct
précise préciser VERB 14 parataxis Mood=Ind|Number=Sing|Tense=Pres|VerbForm=Fin
-t t PRON 18 dep Gender=Masc|Number=Sing|Person=3 NoSpace
-il il PRON 18 nsubj Gender=Masc|Number=Sing|Person=3
. . PUNCT 14 punct
"""


def test_a_thing_as_the_nearest_subject_leaves_the_speaker_unknown(fr):
    _, events = run(fr, _THING)
    assert not any(("agent", "Karim") in roles for _, _, roles, *_ in events), events
