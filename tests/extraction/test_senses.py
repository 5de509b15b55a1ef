"""Trigger sense (issue 11 item 8): a lexicon word in another sense makes no event or the right one.

Hand-built parses of invented sentences, shaped as the French model parses them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kg.errors import LanguageDataError
from kg.lang import load, register
from kg.lang.registry import _REGISTRY

from . import toy as toy_data
from .rules import run

DAY = dt.date(2025, 3, 5)  # a Wednesday: « lundi » is a date, so an event with no party is still kept


def _types(events):
    return [e[:2] for e in events]


# --- the theme: « accuser une baisse », « présenter des lésions », « attribuer une guérison » ---------------------

_ACCUSE = """
La le DET 2 det
société société NOUN 4 nsubj
Orbalis Orbalis PROPN 2 appos _ B-ORG
accuse accuser VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
une un DET 6 det
baisse baisse NOUN 4 obj
de de ADP 9 case
ses son DET 9 det
ventes vente NOUN 6 nmod
. . PUNCT 4 punct
"""


def test_accuser_a_fall_registers_it_and_accuses_nobody(fr):
    _, events = run(fr, _ACCUSE)
    assert events == []


def test_accuser_someone_is_still_an_accusation(fr):
    _, events = run(fr, _ACCUSE.replace("une un DET 6 det\nbaisse baisse NOUN 4 obj",
                                        "la le DET 6 det\nBelgique Belgique PROPN 4 obj _ B-LOC"))
    assert events and events[0][:3] == ("Communication", "accuser", [("agent", "Orbalis"), ("recipient", "Belgique")])


_LESIONS = """
Les le DET 2 det
souris souris NOUN 3 nsubj
présentaient présenter VERB 0 root Mood=Ind|Tense=Imp|VerbForm=Fin
12 12 NUM 5 nummod
% pourcent NOUN 3 obj
de de ADP 7 case
lésions lésion NOUN 5 nmod
, , PUNCT 10 punct
selon selon ADP 10 case
Vetlab Vetlab PROPN 3 obl:mod _ B-ORG
. . PUNCT 3 punct
"""


def test_presenter_a_counted_symptom_exhibits_it(fr):
    _, events = run(fr, _LESIONS)
    assert [e for e in events if e[0] == "Communication"] == []


def test_presenter_with_a_display_subject_exhibits(fr):
    _, events = run(fr, """
L' le DET 2 det NoSpace
exposition exposition NOUN 3 nsubj
présente présenter VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
lundi lundi NOUN 3 obl:mod
les le DET 6 det
peintres peintre NOUN 3 obj
de de ADP 8 case
Montmartre Montmartre PROPN 6 nmod _ B-LOC
. . PUNCT 3 punct
""", DAY)
    assert events == []


def test_presenter_a_plan_is_still_a_statement(fr):
    _, events = run(fr, """
Le le DET 2 det
ministre ministre NOUN 5 nsubj
Paul Paul PROPN 2 appos _ B-PER
a avoir AUX 5 aux:tense
présenté présenter VERB 0 root VerbForm=Part
son son DET 7 det
plan plan NOUN 5 obj
. . PUNCT 5 punct
""")
    assert _types(events) == [("Communication", "présenter")]


_ASCRIBED = """
Une un DET 2 det
guérison guérison NOUN 5 nsubj:pass
lui lui PRON 5 iobj
est être AUX 5 aux:pass
attribuée attribuer VERB 0 root VerbForm=Part|Voice=Pass
en en ADP 7 case
2004 2004 NUM 5 obl:mod
. . PUNCT 5 punct
"""


def test_a_healing_ascribed_to_someone_is_no_decision(fr):
    _, events = run(fr, _ASCRIBED)
    assert events == []


def test_a_prize_awarded_to_someone_is_a_decision(fr):
    _, events = run(fr, _ASCRIBED.replace("Une un DET 2 det\nguérison guérison", "Le le DET 2 det\nprix prix"))
    assert _types(events) == [("Decision", "attribuer")]


# --- the voice and the complements: « assuré par », « frapper à la porte » ---------------------

def test_a_flight_operated_by_a_company_is_no_statement(fr):
    _, events = run(fr, """
Il il PRON 2 nsubj
arrive arriver VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
par par ADP 5 case
un un DET 5 det
vol vol NOUN 2 obl:mod
assuré assurer VERB 5 acl VerbForm=Part
par par ADP 8 case
Aerolis Aerolis PROPN 6 obl:agent _ B-ORG
. . PUNCT 2 punct
""")
    assert events == []


def test_knocking_at_the_door_is_no_attack(fr):
    _, events = run(fr, """
Le le DET 2 det
Racing Racing PROPN 4 nsubj _ B-ORG
a avoir AUX 4 aux:tense
frappé frapper VERB 0 root VerbForm=Part
à à ADP 7 case
la le DET 7 det
porte porte NOUN 4 obl:arg
du de ADP 9 case
Sporting Sporting PROPN 7 nmod _ B-ORG
. . PUNCT 4 punct
""")
    assert [e for e in events if e[0] == "Attack"] == []


# --- the governor: « recevoir des appels » are phone calls --------------------------------------------------------

def test_calls_received_are_phone_calls_not_appeals(fr):
    _, events = run(fr, """
Le le DET 2 det
standard standard NOUN 3 nsubj
recevait recevoir VERB 0 root Mood=Ind|Tense=Imp|VerbForm=Fin
lundi lundi NOUN 3 obl:mod
des un DET 6 det
appels appel NOUN 3 obj
de de ADP 8 case
Lyon Lyon PROPN 6 nmod _ B-LOC
. . PUNCT 3 punct
""", DAY)
    assert [e for e in events if e[0] == "Communication"] == []


# --- calls to act: the call is the statement, the act is not the caller's -------------------------------------------

_CALL = """
Le le DET 2 det
maire maire NOUN 4 nsubj
Jean Jean PROPN 2 appos _ B-PER
appelle appeler VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
à à ADP 6 mark
voter voter VERB 4 xcomp VerbForm=Inf
pour pour ADP 8 case
Marie Marie PROPN 6 obl:mod _ B-PER
. . PUNCT 4 punct
"""


def test_a_call_to_vote_is_the_callers_statement(fr):
    _, events = run(fr, _CALL)
    assert ("Communication", "appeler", [("agent", "Jean")]) in [e[:3] for e in events]


def test_the_vote_called_for_is_not_the_callers(fr):
    _, events = run(fr, _CALL)
    assert not [e for e in events if e[0] == "Decision" and ("agent", "Jean") in e[2]]


def test_an_exhorted_country_is_who_would_sign(fr):
    _, events = run(fr, """
Paul Paul PROPN 3 nsubj _ B-PER
a avoir AUX 3 aux:tense
exhorté exhorter VERB 0 root VerbForm=Part
la le DET 5 det
Belgique Belgique PROPN 3 obj _ B-LOC
à à ADP 7 mark
signer signer VERB 3 xcomp VerbForm=Inf
l' le DET 9 det NoSpace
accord accord NOUN 7 obj
. . PUNCT 3 punct
""")
    signing = [e for e in events if e[0] == "Agreement"]
    assert signing and signing[0][2] == [("participant", "Belgique")]


# --- the language data is checked at load ------------------------------------------------------------------------

@pytest.fixture()
def make(tmp_path):
    def build(senses, groups=None):
        events = {**toy_data.EVENTS, "senses": senses, "sense_groups": groups or {}}
        folder = toy_data.write_toy(tmp_path / "bad", events=events)
        register("bad", folder, folder / "hooks.py")
        return lambda: load("bad")

    yield build
    _REGISTRY.pop("bad", None)
    load.cache_clear()


def test_a_sense_rule_naming_an_unknown_group_is_refused(make):
    with pytest.raises(LanguageDataError, match=r"senses\.meet\[0\].*'@fall' is not a group"):
        make({"meet": [{"theme": ["@fall"]}]})()


def test_a_sense_rule_with_an_unknown_class_is_refused(make):
    with pytest.raises(LanguageDataError, match=r"senses\.meet\[0\].*'Meating' is not an event class"):
        make({"meet": [{"becomes": "Meating"}]})()


def test_a_sense_rule_with_an_unknown_condition_is_refused(make):
    with pytest.raises(LanguageDataError, match=r"senses\.meet\[0\]\.objet' is not a known key"):
        make({"meet": [{"objet": ["fall"]}]})()


# --- a release from detention is no handover; hostages released are --------------------------------------------

_RELEASE = """
La le DET 2 det
libération libération NOUN 6 nsubj
d' de ADP 4 case NoSpace
Aung Aung PROPN 2 nmod _ B-PER
Lin Lin PROPN 4 flat:name _ I-PER
surprend surprendre VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 6 punct
"""


def test_the_release_of_a_dissident_is_no_transaction(fr):
    _, events = run(fr, _RELEASE)
    assert [e for e in events if e[0] == "Transaction"] == []


def test_the_release_of_hostages_is_a_transaction(fr):
    _, events = run(fr, _RELEASE.replace("""d' de ADP 4 case NoSpace
Aung Aung PROPN 2 nmod _ B-PER
Lin Lin PROPN 4 flat:name _ I-PER""", """de de ADP 5 case
six six NUM 5 nummod
otages otage NOUN 2 nmod"""))
    assert [e[:2] for e in events if e[0] == "Transaction"] == [("Transaction", "libération")]


# --- missing trigger classes: a named forum that opens is a meeting, and never its own participant ----------------

def test_a_named_forum_opening_is_a_meeting_with_no_party_of_itself(fr):
    _, events = run(fr, """
Le le DET 2 det
Forum forum NOUN 8 nsubj _ B-ORG
mondial mondial ADJ 2 amod _ I-ORG
de de ADP 6 case _ I-ORG
la le DET 6 det _ I-ORG
cuisine cuisine NOUN 2 nmod _ I-ORG
s' se PRON 8 expl:pass NoSpace
ouvre ouvrir VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
lundi lundi NOUN 8 obl:mod
. . PUNCT 8 punct
""", DAY)
    assert [e[:4] for e in events] == [("Meeting", "forum", [], "2025-03-03")]


# --- financed by donations: the donors give ---------------------------------------------------------------------

_FINANCED = """
Le le DET 2 det
projet projet NOUN 5 nsubj:pass
a avoir AUX 5 aux:tense
été être AUX 5 aux:pass
financé financer VERB 0 root VerbForm=Part|Voice=Pass
par par ADP 8 case
les le DET 8 det
dons don NOUN 5 obl:agent
de de ADP 11 case
la le DET 11 det
Fondation Fondation PROPN 8 nmod _ B-ORG
Orsa Orsa PROPN 11 flat:name _ I-ORG
. . PUNCT 5 punct
"""


def test_a_project_financed_by_donations_is_a_transaction_by_the_donors(fr):
    _, events = run(fr, _FINANCED)
    assert [e[:3] for e in events] == [("Transaction", "financer", [("agent", "Fondation Orsa")])]


def test_a_project_financed_by_its_friends_is_no_transaction(fr):
    _, events = run(fr, _FINANCED.replace("dons don NOUN", "amis ami NOUN"))
    assert [e for e in events if e[0] == "Transaction"] == []


# --- rescuers at work were sent: a Deployment -------------------------------------------------------------------

_FIREMEN = """
Le le DET 2 det
feu feu NOUN 5 nsubj:pass
a avoir AUX 5 aux:tense
été être AUX 5 aux:pass
maîtrisé maîtriser VERB 0 root VerbForm=Part|Voice=Pass
par par ADP 8 case
60 60 NUM 8 nummod
pompiers pompier NOUN 5 obl:mod
. . PUNCT 5 punct
"""


def test_a_fire_mastered_by_counted_firemen_is_a_deployment(fr):
    rec, events = run(fr, _FIREMEN)
    assert [e[:2] for e in events] == [("Deployment", "maîtriser")]
    assert rec.events[0].quantity is not None and rec.events[0].quantity.value == 60


def test_a_fire_mastered_by_a_neighbour_is_no_deployment(fr):
    _, events = run(fr, _FIREMEN.replace("pompiers pompier NOUN", "voisins voisin NOUN"))
    assert events == []


# --- « mis en place » with no one setting it up names no party ---------------------------------------------------

_SET_UP = """
Il il PRON 4 nsubj:pass
a avoir AUX 4 aux:tense
été être AUX 4 aux:pass
mis mettre VERB 0 root VerbForm=Part|Voice=Pass
en en ADP 6 case
place place NOUN 4 obl:arg
lundi lundi NOUN 4 obl:mod
. . PUNCT 4 punct
"""


def test_a_measure_set_up_by_no_one_named_makes_no_decision(fr):
    _, events = run(fr, _SET_UP, DAY)
    assert events == []


def test_equipment_set_up_is_a_deployment(fr):
    _, events = run(fr, """
Des un DET 2 det
renforts renfort NOUN 5 nsubj:pass
ont avoir AUX 5 aux:tense
été être AUX 5 aux:pass
mis mettre VERB 0 root VerbForm=Part|Voice=Pass
en en ADP 7 case
place place NOUN 5 obl:arg
lundi lundi NOUN 5 obl:mod
. . PUNCT 5 punct
""", DAY)
    assert [e[:2] for e in events] == [("Deployment", "mettre")]
