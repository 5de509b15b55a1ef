"""Each extraction rule on a hand-built parse: no model, a known tree."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import extract
from kg.lang import load

from .conllu import doc_from


@pytest.fixture(scope="module")
def fr():
    return load("fr")


def run(fr, conll: str, date: dt.date | None = None):
    rec = extract(doc_from(conll), fr, doc_id="t", publication_date=date)
    label = {k: e.label for k, e in rec.entities.items()}
    events = [(e.type, e.lemma, sorted((r.role, label[r.entity]) for r in e.roles),
               e.date.iso if e.date else None, e.modality, e.negated) for e in rec.events]
    return rec, events


def test_contracted_preposition_marks_the_recipient(fr):
    # « au » = « à le »: the role map's « obl:arg/à » must see it.
    _, events = run(fr, """
Kim Kim PROPN 3 nsubj _ B-PER
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
adressé adresser VERB 0 root Tense=Past|VerbForm=Part
un un DET 5 det
message message NOUN 3 obj
au au ADP 7 case
président président NOUN 3 obl:arg
Igor Igor PROPN 7 appos _ B-PER
Sokolov Sokolov PROPN 8 flat:name _ I-PER
. . PUNCT 3 punct
""")
    assert events == [("Communication", "adresser", [("agent", "Kim"), ("recipient", "Igor Sokolov")],
                       None, "Asserted", False)]


def test_passive_agent_and_conditional_mood(fr):
    # « auraient été envoyés par X »: obl:agent is the agent; the conditional hedges it.
    rec, events = run(fr, """
Des un DET 3 det
milliers millier NOUN 3 nsubj:pass
soldats soldat NOUN 6 nsubj:pass
auraient avoir AUX 6 aux:tense Mood=Cnd|Tense=Pres|VerbForm=Fin
été être AUX 6 aux:pass VerbForm=Part
envoyés envoyer VERB 0 root VerbForm=Part|Voice=Pass
par par ADP 8 case
Moscou Moscou PROPN 6 obl:agent _ B-LOC
. . PUNCT 6 punct
""")
    assert events[0][:3] == ("Deployment", "envoyer", [("agent", "Russie")])
    assert events[0][4] == "Reported"


def test_inverted_speech_verb_takes_the_following_name_as_agent(fr):
    # « « … », a déclaré mardi le ministre, X. » — subject after the verb.
    rec, events = run(fr, """
« « PUNCT 3 punct
Non non ADV 3 advmod
» » PUNCT 3 punct
, , PUNCT 6 punct
a avoir AUX 6 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
déclaré déclarer VERB 0 root VerbForm=Part
mardi mardi NOUN 6 obl:mod
le le DET 9 det
ministre ministre NOUN 6 obj
, , PUNCT 11 punct
Ana Ana PROPN 9 appos _ B-PER
Costa Costa PROPN 11 flat:name _ I-PER
. . PUNCT 6 punct
""", date=dt.date(2025, 9, 4))
    assert events == [("Communication", "déclarer", [("agent", "Ana Costa")], "2025-09-02", "Asserted", False)]


def test_non_speech_verb_after_a_comma_is_not_inverted(fr):
    # « Ces otages, ..., ont été remis à des émissaires qataris »: passive, subject before.
    _, events = run(fr, """
Les le DET 2 det
otages otage NOUN 5 nsubj:pass
, , PUNCT 5 punct
ont avoir AUX 5 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
remis remettre VERB 0 root VerbForm=Part|Voice=Pass
à à ADP 8 case
des un DET 8 det
émissaires émissaire NOUN 5 obl:arg
qataris qatari ADJ 8 amod
. . PUNCT 5 punct
""")
    assert events[0][:3] == ("Transaction", "remettre", [("recipient", "Qatar")])


def test_pronoun_resolves_to_the_salient_subject_not_the_last_name(fr):
    # « Kim a écrit à Poutine. Il a insisté. » — « il » continues the subject.
    rec, events = run(fr, """
Kim Kim PROPN 3 nsubj _ B-PER
a avoir AUX 3 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
écrit écrire VERB 0 root VerbForm=Part
à à ADP 5 case
Ivanov Ivanov PROPN 3 obl:arg _ B-PER
. . PUNCT 3 punct
Il il PRON 9 nsubj
a avoir AUX 9 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
insisté insister VERB 0 root VerbForm=Part
. . PUNCT 9 punct
""")
    # One statement over two sentences, by Kim, to Ivanov.
    assert events == [("Communication", "écrire", [("agent", "Kim"), ("recipient", "Ivanov")], None,
                       "Asserted", False)]


def test_modal_pouvoir_is_hypothetical_and_media_reporting_is_a_source(fr):
    # « Le Monde rapporte que Pyongyang pourrait acheter... »
    rec, events = run(fr, """
Le le DET 2 det _ B-ORG
Monde Monde PROPN 3 nsubj _ I-ORG
rapporte rapporter VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
que que SCONJ 6 mark
Pyongyang Pyongyang PROPN 6 nsubj _ B-LOC
pourrait pouvoir VERB 3 ccomp Mood=Cnd|Tense=Pres|VerbForm=Fin
acheter acheter VERB 6 xcomp VerbForm=Inf
du de DET 9 det
gaz gaz NOUN 7 obj
. . PUNCT 3 punct
""")
    assert [e[1] for e in events] == ["acheter"]  # reporting by a newspaper is attribution, not an event
    assert events[0][2] == [("agent", "Corée du Nord"), ("source", "Le Monde")]
    assert events[0][4] == "Hypothetical"


def test_selon_gives_the_source(fr):
    _, events = run(fr, """
Selon selon ADP 2 case
Reuters Reuters PROPN 5 obl:mod _ B-ORG
, , PUNCT 5 punct
Kiev Kiev PROPN 5 nsubj _ B-LOC
attaque attaquer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 5 punct
""")
    assert events[0][:3] == ("Attack", "attaquer", [("agent", "Ukraine"), ("source", "Reuters")])
    assert events[0][4] == "Reported"


def test_negated_event_is_not_of_its_class(fr):
    # « n'a pas signé » is no signing: kept as a plain Event marked negated.
    _, events = run(fr, """
Rome Rome PROPN 5 nsubj _ B-LOC
n' ne ADV 5 advmod Polarity=Neg
a avoir AUX 5 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
pas pas ADV 5 advmod Polarity=Neg
signé signer VERB 0 root VerbForm=Part
. . PUNCT 5 punct
""")
    assert events == [("Event", "signer", [("participant", "Italie")], None, "Asserted", True)]


def test_signature_noun_with_entre_gives_participants_and_date(fr):
    _, events = run(fr, """
la le DET 2 det
signature signature NOUN 0 root
d' de ADP 5 case _ NoSpace
un un DET 5 det
accord accord NOUN 2 nmod
entre entre ADP 7 case
Paris Paris PROPN 2 nmod _ B-LOC
et et CCONJ 9 cc
Berlin Berlin PROPN 7 conj _ B-LOC
en en ADP 11 case
mars mars NOUN 2 nmod
2021 2021 NUM 11 nmod
""")
    assert events == [("Agreement", "signature", [("participant", "Allemagne"), ("participant", "France")],
                       "2021-03", "Asserted", False)]


def test_demonstrative_noun_refers_back_and_makes_no_event(fr):
    _, events = run(fr, """
Ce ce DET 2 det PronType=Dem
communiqué communiqué NOUN 3 nsubj
inquiète inquiéter VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
Tokyo Tokyo PROPN 3 obj _ B-LOC
. . PUNCT 3 punct
""")
    assert events == []


def test_light_verb_takes_the_class_of_its_event_noun(fr):
    # « lancer une offensive » is an attack, not a deployment.
    _, events = run(fr, """
Moscou Moscou PROPN 2 nsubj _ B-LOC
lance lancer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
une un DET 4 det
offensive offensive NOUN 2 obj
contre contre ADP 6 case
Kharkiv Kharkiv PROPN 4 nmod _ B-LOC
. . PUNCT 2 punct
""")
    assert events[0][0] == "Attack" and ("agent", "Russie") in events[0][2]


def test_date_does_not_climb_out_of_a_relative_clause(fr):
    # « X, dont le parti n'a plus gouverné depuis 2014, a signé »: 2014 is not the signing's date.
    _, events = run(fr, """
Lena Lena PROPN 9 nsubj _ B-PER
, , PUNCT 1 punct
dont dont PRON 5 nmod
le le DET 5 det
parti parti NOUN 6 nsubj
gouverne gouverner VERB 1 acl:relcl Mood=Ind|Tense=Pres|VerbForm=Fin
depuis depuis ADP 8 case
2014 2014 NUM 6 obl:mod
signe signer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 9 punct
""")
    assert events == [("Agreement", "signer", [("participant", "Lena")], None, "Asserted", False)]


def test_quantity_with_hedge_and_unit_attaches_to_its_event(fr):
    rec, _ = run(fr, """
Séoul Séoul PROPN 2 nsubj _ B-LOC
envoie envoyer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
environ environ ADV 5 advmod
1 1 NUM 5 nummod
500 500 NUM 5 nummod
secouristes secouriste NOUN 2 obj
. . PUNCT 2 punct
""")
    q = rec.events[0].quantity
    assert (q.value, q.unit, q.approximate) == (1500.0, "secouriste", True)


def test_duration_is_not_a_quantity(fr):
    rec, _ = run(fr, """
Dix-neuf dix-neuf NUM 2 nummod
mois mois NOUN 3 obl:mod
après après ADP 4 case
l' le DET 5 det _ NoSpace
attaque attaque NOUN 0 root
de de ADP 7 case
Tripoli Tripoli PROPN 5 nmod _ B-LOC
""")
    assert rec.events and rec.events[0].quantity is None


def test_retrouver_needs_a_reflexive_or_an_entity_to_be_a_meeting(fr):
    _, events = run(fr, """
Les le DET 2 det
otages otage NOUN 3 nsubj
retrouvent retrouver VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
la le DET 5 det
liberté liberté NOUN 3 obj
à à ADP 7 case
Doha Doha PROPN 3 obl:mod _ B-LOC
. . PUNCT 3 punct
""")
    assert events == []
    _, events = run(fr, """
Les le DET 2 det
délégations délégation NOUN 4 nsubj
se se PRON 4 expl:comp
retrouvent retrouver VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
à à ADP 6 case
Genève Genève PROPN 4 obl:mod _ B-LOC
. . PUNCT 4 punct
""")
    assert events[0][:3] == ("Meeting", "retrouver", [("place", "Genève")])


def test_title_apposition_gives_affiliation_and_title(fr):
    rec, _ = run(fr, """
le le DET 2 det
ministre ministre NOUN 7 nsubj
allemand allemand ADJ 2 amod
, , PUNCT 5 punct
Boris Boris PROPN 2 appos _ B-PER
Kern Kern PROPN 5 flat:name _ I-PER
parle parler VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 7 punct
""")
    rel = [(r.predicate, rec.entities[r.subject].label, rec.entities[r.object].label) for r in rec.relations]
    assert rel == [("affiliation", "Boris Kern", "Allemagne")]
    assert rec.entities[rec.relations[0].subject].title == "ministre"


def test_transfer_verb_without_evidence_is_no_event(fr):
    # « Paris envoie un signal »: nothing is sent anywhere.
    _, events = run(fr, """
Paris Paris PROPN 2 nsubj _ B-LOC
envoie envoyer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
un un DET 4 det
signal signal NOUN 2 obj
. . PUNCT 2 punct
""")
    assert events == []
    # « Paris envoie des soldats »: troops are what a deployment sends.
    _, events = run(fr, """
Paris Paris PROPN 2 nsubj _ B-LOC
envoie envoyer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
des un DET 4 det
soldats soldat NOUN 2 obj
. . PUNCT 2 punct
""")
    assert events[0][:3] == ("Deployment", "envoyer", [("agent", "France")])


def test_principal_named_with_pour_le_compte_de_is_an_agent(fr):
    _, events = run(fr, """
Il il PRON 2 nsubj
lance lancer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
le le DET 4 det
satellite satellite NOUN 2 obj
pour pour ADP 7 case
le le DET 7 det
compte compte NOUN 2 obl:mod
de de ADP 10 case
l' le DET 10 det _ NoSpace
OTAN OTAN PROPN 7 nmod _ B-ORG
. . PUNCT 2 punct
""")
    assert events[0][:3] == ("Deployment", "lancer", [("agent", "Organisation du traité de l'Atlantique nord")])


def test_definite_description_finds_the_organisation_named_before(fr):
    # « l'agence japonaise » after « l'Agence japonaise d'exploration aérospatiale »
    rec, events = run(fr, """
L' le DET 2 det _ NoSpace
Agence Agence PROPN 7 nsubj _ B-ORG
japonaise japonais ADJ 2 amod _ I-ORG
d' de ADP 5 case _ NoSpace I-ORG
exploration exploration NOUN 2 nmod _ I-ORG
spatiale spatial ADJ 5 amod _ I-ORG
signe signer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 7 punct
L' le DET 10 det _ NoSpace
agence agence NOUN 12 nsubj
japonaise japonais ADJ 10 amod
lance lancer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
une un DET 14 det
sonde sonde NOUN 12 obj
. . PUNCT 12 punct
""")
    deployment = next(e for e in events if e[0] == "Deployment")
    assert deployment[2] == [("agent", "Agence japonaise d'exploration spatiale")]


def test_institution_noun_with_demonym_is_an_organisation(fr):
    rec, _ = run(fr, """
le le DET 2 det
ministère ministère NOUN 6 nsubj
chinois chinois ADJ 2 amod
du du ADP 5 case
Commerce commerce NOUN 2 nmod
proteste protester VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 6 punct
""")
    labels = {(e.type, e.label) for e in rec.entities.values()}
    assert ("Organization", "ministère chinois du Commerce") in labels
    assert rec.events[0].fillers("agent") == ["Organization:ministere-chinois-du-commerce"]


def test_les_trois_pays_are_the_three_most_named_countries(fr):
    _, events = run(fr, """
Rome Rome PROPN 2 nsubj _ B-LOC
rencontre rencontrer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
Madrid Madrid PROPN 2 obj _ B-LOC
et et CCONJ 5 cc
Lisbonne Lisbonne PROPN 3 conj _ B-LOC
. . PUNCT 2 punct
Les le DET 9 det
trois trois NUM 9 nummod
pays pays NOUN 10 nsubj
signent signer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 10 punct
""")
    agreement = next(e for e in events if e[0] == "Agreement")
    assert [r for r, _ in agreement[2]] == ["participant"] * 3
    assert {name for _, name in agreement[2]} == {"Italie", "Espagne", "Portugal"}
