"""Recipients the parse hides or invents (kg.extraction.recipients), on hand-built parses."""

from __future__ import annotations

from .rules import run


def _roles(events, lemma):
    return next(roles for _, lem, roles, *_ in events if lem == lemma)


def test_the_author_of_a_praised_decision_is_its_target_not_a_speaker(fr):
    # « Le chancelier Olaf Weber a salué la décision de la Cour suprême. »
    _, events = run(fr, """
Le le DET 2 det
chancelier chancelier NOUN 6 nsubj
Olaf Olaf PROPN 2 appos _ B-PER
Weber Weber PROPN 3 flat:name _ I-PER
a avoir AUX 6 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
salué saluer VERB 0 root Tense=Past|VerbForm=Part
la le DET 8 det Definite=Def
décision décision NOUN 6 obj
de de ADP 11 case
la le DET 11 det Definite=Def
Cour Cour PROPN 8 nmod _ B-ORG
suprême suprême ADJ 11 amod _ I-ORG
. . PUNCT 6 punct
""")
    assert _roles(events, "saluer") == [("agent", "Olaf Weber"), ("recipient", "Cour suprême")]


def test_a_member_coordinated_under_the_first_members_name_is_a_recipient(fr):
    # « Le président Joe Harris a félicité la Corée du Sud et le Japon. »: « Japon » hangs on « Sud ».
    _, events = run(fr, """
Le le DET 2 det
président président NOUN 6 nsubj
Joe Joe PROPN 2 appos _ B-PER
Harris Harris PROPN 3 flat:name _ I-PER
a avoir AUX 6 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
félicité féliciter VERB 0 root Tense=Past|VerbForm=Part
la le DET 8 det Definite=Def
Corée Corée PROPN 6 obj _ B-LOC
du de ADP 10 case _ I-LOC
Sud Sud PROPN 8 nmod _ I-LOC
et et CCONJ 13 cc
le le DET 13 det Definite=Def
Japon Japon PROPN 10 conj _ B-LOC
. . PUNCT 6 punct
""")
    assert _roles(events, "féliciter") == [("agent", "Joe Harris"), ("recipient", "Corée du Sud"),
                                           ("recipient", "Japon")]


def test_a_member_coordinated_with_the_noun_above_the_recipient_fills_no_other_role(fr):
    # « La Norvège a annoncé l'interdiction de ses exportations vers la Pologne et la Lituanie. »:
    # « Lituanie » hangs on « exportations », whose « de » made it an agent.
    _, events = run(fr, """
La le DET 2 det Definite=Def
Norvège Norvège PROPN 4 nsubj _ B-LOC
a avoir AUX 4 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
annoncé annoncer VERB 0 root Tense=Past|VerbForm=Part
l' le DET 6 det Definite=Def NoSpace
interdiction interdiction NOUN 4 obj
de de ADP 9 case
ses son DET 9 det
exportations exportation NOUN 6 nmod
vers vers ADP 12 case
la le DET 12 det Definite=Def
Pologne Pologne PROPN 9 nmod _ B-LOC
et et CCONJ 15 cc
la le DET 15 det Definite=Def
Lituanie Lituanie PROPN 9 conj _ B-LOC
. . PUNCT 4 punct
""")
    roles = _roles(events, "annoncer")
    assert ("recipient", "Lituanie") in roles and ("recipient", "Pologne") in roles
    assert ("agent", "Lituanie") not in roles


def test_a_criticised_government_is_the_country_named_with_its_government_before(fr):
    # « Le gouvernement polonais a présenté un budget. L'UGT a critiqué le gouvernement. »
    _, events = run(fr, """
Le le DET 2 det Definite=Def
gouvernement gouvernement NOUN 5 nsubj
polonais polonais ADJ 2 amod
a avoir AUX 5 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
présenté présenter VERB 0 root Tense=Past|VerbForm=Part
un un DET 7 det
budget budget NOUN 5 obj
. . PUNCT 5 punct
L' le DET 10 det Definite=Def NoSpace
UGT UGT PROPN 12 nsubj _ B-ORG
a avoir AUX 12 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
critiqué critiquer VERB 0 root Tense=Past|VerbForm=Part
le le DET 14 det Definite=Def
gouvernement gouvernement NOUN 12 obj
. . PUNCT 12 punct
""")
    assert _roles(events, "critiquer") == [("agent", "UGT"), ("recipient", "Pologne")]


def test_a_government_that_says_whose_it_is_is_not_the_one_named_before(fr):
    # « Le gouvernement polonais a présenté un budget. L'UGT a critiqué le gouvernement de Kiev. »: not Poland.
    _, events = run(fr, """
Le le DET 2 det Definite=Def
gouvernement gouvernement NOUN 5 nsubj
polonais polonais ADJ 2 amod
a avoir AUX 5 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
présenté présenter VERB 0 root Tense=Past|VerbForm=Part
un un DET 7 det
budget budget NOUN 5 obj
. . PUNCT 5 punct
L' le DET 10 det Definite=Def NoSpace
UGT UGT PROPN 12 nsubj _ B-ORG
a avoir AUX 12 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
critiqué critiquer VERB 0 root Tense=Past|VerbForm=Part
le le DET 14 det Definite=Def
gouvernement gouvernement NOUN 12 obj
de de ADP 16 case
Kiev Kiev PROPN 14 nmod _ B-LOC
. . PUNCT 12 punct
""")
    assert ("recipient", "Pologne") not in _roles(events, "critiquer")


def test_the_owner_hung_on_the_objects_adjective_is_the_target(fr):
    # « Le ministre Jan Novak a fustigé une décision « idéologique » de la Commission européenne. »
    _, events = run(fr, """
Le le DET 2 det
ministre ministre NOUN 6 nsubj
Jan Jan PROPN 2 appos _ B-PER
Novak Novak PROPN 3 flat:name _ I-PER
a avoir AUX 6 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
fustigé fustiger VERB 0 root Tense=Past|VerbForm=Part
une un DET 8 det
décision décision NOUN 6 obj
« « PUNCT 10 punct
idéologique idéologique ADJ 8 amod
» » PUNCT 10 punct
de de ADP 14 case
la le DET 14 det Definite=Def
Commission Commission PROPN 10 nmod _ B-ORG
européenne européen ADJ 14 amod _ I-ORG
. . PUNCT 6 punct
""")
    assert _roles(events, "fustiger") == [("agent", "Jan Novak"), ("recipient", "Commission européenne")]


def test_par_marks_a_passives_agent_never_its_recipient(fr):
    # « Le décret a été annulé il y a deux mois par le Conseil d'État. »: « par X » misparsed as an adjunct.
    _, events = run(fr, """
Le le DET 2 det Definite=Def
décret décret NOUN 5 nsubj:pass
a avoir AUX 5 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
été être AUX 5 aux:pass VerbForm=Part
annulé annuler VERB 0 root Tense=Past|VerbForm=Part
deux deux NUM 7 nummod
mois mois NOUN 10 nmod
par par ADP 10 case
le le DET 10 det Definite=Def
Conseil Conseil PROPN 5 obl:mod _ B-ORG
d' de ADP 12 case _ I-ORG NoSpace
État État PROPN 10 nmod _ I-ORG
. . PUNCT 5 punct
""")
    assert _roles(events, "annuler") == [("agent", "Conseil d'État")]


def test_where_jobs_are_cut_is_no_recipient_of_the_decision(fr):
    # « Renault va supprimer 3000 postes en France. »
    _, events = run(fr, """
Renault Renault PROPN 2 nsubj _ B-ORG
va aller VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
supprimer supprimer VERB 2 xcomp VerbForm=Inf
3000 3000 NUM 5 nummod
postes poste NOUN 3 obj
en en ADP 7 case
France France PROPN 5 nmod _ B-LOC
. . PUNCT 2 punct
""")
    assert ("recipient", "France") not in _roles(events, "supprimer")
