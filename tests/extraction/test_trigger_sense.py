"""Trigger lexicon breadth and sense (issue 11, F1/F8/item 8), on hand-built parses."""

from __future__ import annotations

from .rules import run


def test_a_verb_with_the_lemma_of_its_homograph_noun_is_repaired(fr):
    # The lemmatizer gives « estime » the noun lemma *estime*; the verb is *estimer*.
    _, events = run(fr, """
Le le DET 2 det
Danemark Danemark PROPN 3 nsubj _ B-LOC
estime estime VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
que que SCONJ 6 mark
la le DET 6 det
mesure mesure NOUN 3 ccomp
. . PUNCT 3 punct
""")
    assert events and events[0][:2] == ("Communication", "estimer")
    assert ("agent", "Danemark") in events[0][2]


def test_french_infinitives_of_first_conjugation_forms(fr):
    assert fr.hooks.infinitives("reprochent") == ("reprocher",)
    assert "relever" in fr.hooks.infinitives("relève")
    assert "appeler" in fr.hooks.infinitives("appelle")
    assert fr.hooks.infinitives("pris") == ()
    # « -aître » verbs, with the circumflex or in the 1990 spelling without it
    assert fr.hooks.infinitives("reconnait") == ("reconnaître",)
    assert fr.hooks.infinitives("reconnaît") == ("reconnaître",)


def test_a_clause_verb_in_the_spelling_without_circumflex_is_repaired(fr):
    # The lemmatizer takes « reconnait » (no circumflex) for a verb *reconner*.
    _, events = run(fr, """
Le le DET 2 det
Danemark Danemark PROPN 3 nsubj _ B-LOC
reconnait reconner VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
que que SCONJ 7 mark
la le DET 6 det
mesure mesure NOUN 7 nsubj
coûte coûter VERB 3 ccomp Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 3 punct
""")
    assert events and events[0][:2] == ("Communication", "reconnaître")
    assert ("agent", "Danemark") in events[0][2]


_RELEVER_QUE = """
La le DET 2 det
Suède Suède PROPN 4 nsubj _ B-LOC
a avoir AUX 4 aux
relevé relever VERB 0 root VerbForm=Part
que que SCONJ 8 mark
le le DET 7 det
Danemark Danemark PROPN 8 nsubj _ B-LOC
recule reculer VERB 4 ccomp Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 4 punct
"""


def test_a_verb_of_another_class_governing_a_que_clause_is_a_statement(fr):
    # « relever un taux » is a Decision; « relever que … » reports what was said.
    _, events = run(fr, _RELEVER_QUE)
    assert [e[:2] for e in events] == [("Communication", "relever")]


def test_a_clause_verb_without_a_clause_makes_no_event(fr):
    _, events = run(fr, """
La le DET 2 det
Suède Suède PROPN 3 nsubj _ B-LOC
note noter VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
une un DET 5 det
hausse hausse NOUN 3 obj
. . PUNCT 3 punct
""")
    assert [e for e in events if e[0] == "Communication"] == []


def test_a_decision_verb_keeps_its_class_before_a_que_clause(fr):
    _, events = run(fr, _RELEVER_QUE.replace("relevé relever", "décidé décider"))
    assert [e[:2] for e in events] == [("Decision", "décider")]


def test_a_clause_verb_before_a_quotation_is_a_statement(fr):
    _, events = run(fr, """
La le DET 2 det
Suède Suède PROPN 3 nsubj _ B-LOC
observe observer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
: : PUNCT 6 punct
« « PUNCT 6 punct
assez assez ADV 3 parataxis
» » PUNCT 6 punct
""")
    assert [e[:3] for e in events] == [("Communication", "observer", [("agent", "Suède")])]


# --- F5: nominal events under a support verb or framing the clause ---------------------------------------------


def test_a_speech_noun_under_a_support_verb_takes_its_subject_and_audience(fr):
    _, events = run(fr, """
Le le DET 2 det
Portugal Portugal PROPN 4 nsubj _ B-LOC
a avoir AUX 4 aux
prononcé prononcer VERB 0 root VerbForm=Part
un un DET 6 det
discours discours NOUN 4 obj
devant devant ADP 9 case
l' le DET 9 det NoSpace
Espagne Espagne PROPN 6 nmod _ B-LOC
. . PUNCT 4 punct
""")
    assert events[0][:3] == ("Communication", "discours", [("agent", "Portugal"), ("recipient", "Espagne")])


def test_a_possessed_noun_under_lors_de_takes_the_main_clause_subject(fr):
    _, events = run(fr, """
Lors lors ADV 8 advmod
de de ADP 4 case
sa son DET 4 det Poss=Yes
visite visite NOUN 1 obl:arg
, , PUNCT 8 punct
l' le DET 7 det NoSpace
Espagne Espagne PROPN 8 nsubj _ B-LOC
gagne gagner VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 8 punct
""")
    assert events[0][:3] == ("Meeting", "visite", [("participant", "Espagne")])


def test_a_noun_without_possessive_under_lors_de_takes_no_subject(fr):
    _, events = run(fr, """
Lors lors ADV 8 advmod
de de ADP 4 case
la le DET 4 det
visite visite NOUN 1 obl:arg
, , PUNCT 8 punct
l' le DET 7 det NoSpace
Espagne Espagne PROPN 8 nsubj _ B-LOC
gagne gagner VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 8 punct
""")
    assert not [e for e in events if ("participant", "Espagne") in e[2]]


# --- item 8: threats and plans ---------------------------------------------------------------------------------


def test_a_threatened_act_is_hypothetical_even_in_the_past(fr):
    _, events = run(fr, """
La le DET 2 det
Suède Suède PROPN 4 nsubj _ B-LOC
a avoir AUX 4 aux
menacé menacer VERB 0 root VerbForm=Part
de de ADP 6 mark
sanctionner sanctionner VERB 4 xcomp VerbForm=Inf
le le DET 8 det
Danemark Danemark PROPN 6 obj _ B-LOC
. . PUNCT 4 punct
""")
    decision = next(e for e in events if e[0] == "Decision")
    assert decision[4] == "Hypothetical"


def test_a_planned_transfer_needs_no_evidence(fr):
    # « vendre » alone needs a theme or a named party; a plan to sell is reported as such.
    _, events = run(fr, """
La le DET 2 det
Suède Suède PROPN 3 nsubj _ B-LOC
envisage envisager VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
de de ADP 5 mark
vendre vendre VERB 3 xcomp VerbForm=Inf
ses son DET 7 det
bureaux bureau NOUN 5 obj
. . PUNCT 3 punct
""")
    assert [(e[0], e[4]) for e in events] == [("Transaction", "Hypothetical")]


# --- item 9: the reviewed vector extension of the lexicon ------------------------------------------------------


def test_the_extension_widens_the_lexicon_and_yields_to_its_own_entries(fr, tmp_path):
    import json

    import pytest

    from kg.errors import LanguageDataError
    from kg.lang.expansion import with_expansion

    path = tmp_path / "events_expanded.json"
    path.write_text(json.dumps({"verbs": {"zozoter": {"class": "Communication"}, "signer": {"class": "Attack"}},
                                "nouns": {}}), encoding="utf-8")
    lex = with_expansion(fr.lexicon, path, ("Communication", "Attack"))
    assert lex.verbs["zozoter"] == "Communication" and lex.verbs["signer"] == "Agreement"
    assert "zozoter" in lex.expanded and "signer" not in lex.expanded
    assert with_expansion(fr.lexicon, tmp_path / "absent.json", ()) is fr.lexicon
    path.write_text(json.dumps({"verbs": {"zozoter": {"class": "Gossip"}}}), encoding="utf-8")
    with pytest.raises(LanguageDataError, match="zozoter"):
        with_expansion(fr.lexicon, path, ("Communication",))


def test_an_event_from_the_extension_is_trusted_less(fr):
    assert "signaler" in fr.lexicon.expanded and "indiquer" not in fr.lexicon.expanded
    conll = """
La le DET 2 det
Suède Suède PROPN 3 nsubj _ B-LOC
signale signaler VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
que que SCONJ 7 mark
le le DET 6 det
Danemark Danemark PROPN 7 nsubj _ B-LOC
recule reculer VERB 3 ccomp Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 3 punct
"""
    expanded, _ = run(fr, conll)
    own, _ = run(fr, conll.replace("signale signaler", "indique indiquer"))
    assert expanded.events[0].confidence < own.events[0].confidence


# --- F5: nouns that are events only with a theme or a sum -------------------------------------------------------


_ECHANGE = """
L' le DET 2 det NoSpace
échange échange NOUN 8 nsubj
de de ADP 5 case
185 185 NUM 5 nummod
prisonniers prisonnier NOUN 2 nmod
entre entre ADP 7 case
Chypre Chypre PROPN 2 nmod _ B-LOC
commence commencer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 8 punct
"""


def test_an_exchange_of_prisoners_is_a_transaction(fr):
    _, events = run(fr, _ECHANGE)
    assert [e[:2] for e in events] == [("Transaction", "échange")]


def test_an_exchange_of_anything_else_is_no_event(fr):
    _, events = run(fr, _ECHANGE.replace("prisonniers prisonnier", "idées idée"))
    assert events == []


def test_the_party_a_decision_is_granted_to_is_its_recipient(fr):
    # « attribuer / retirer / confier X à Y »: Y is who the decision is about.
    _, events = run(fr, """
La le DET 2 det
Suède Suède PROPN 3 nsubj _ B-LOC
attribue attribuer VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
une un DET 5 det
concession concession NOUN 3 obj
au à ADP 7 case
Danemark Danemark PROPN 3 obl:arg _ B-LOC
. . PUNCT 3 punct
""")
    assert events[0][:3] == ("Decision", "attribuer", [("agent", "Suède"), ("recipient", "Danemark")])



# « Le port restera fermé, comme le rappelle le gouverneur Paulo Ferreira : « … » », with the
# subject hung on the quoted verb, as the parser does: the comparison clause inverts the speaker.
_COMME_LE_RAPPELLE = """
Le le DET 2 det
port port NOUN 4 nsubj
restera rester AUX 4 cop Mood=Ind|Tense=Fut|VerbForm=Fin
fermé fermé ADJ 0 root
, , PUNCT 8 punct
comme comme ADP 8 mark
le le PRON 8 obj
rappelle rappeler VERB 4 advcl Mood=Ind|Tense=Pres|VerbForm=Fin
le le DET 10 det
gouverneur gouverneur NOUN 17 nsubj
Paulo Paulo PROPN 10 appos _ B-PER
Ferreira Ferreira PROPN 11 flat:name _ I-PER
: : PUNCT 10 punct
« « PUNCT 17 punct
Nous nous PRON 17 nsubj
ne ne ADV 17 advmod
partirons partir VERB 8 ccomp Mood=Ind|Tense=Fut|VerbForm=Fin
pas pas ADV 17 advmod
» » PUNCT 17 punct
. . PUNCT 4 punct
"""


def test_a_comparison_clause_inverts_the_subject_of_its_speech_verb(fr):
    _, events = run(fr, _COMME_LE_RAPPELLE)
    said = [e for e in events if e[:2] == ("Communication", "rappeler")]
    assert said and ("agent", "Paulo Ferreira") in said[0][2], events


# « « … », a expliqué à l'AFP Paulo Ferreira. », the parser gluing the speaker's name to the agency.
_GLUED_TO_THE_AGENCY = """
« « PUNCT 4 punct
Les le DET 3 det
résultats résultat NOUN 4 nsubj
inquiètent inquiéter VERB 0 root Mood=Ind|Tense=Pres|VerbForm=Fin
» » PUNCT 4 punct
, , PUNCT 8 punct
a avoir AUX 8 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
expliqué expliquer VERB 4 parataxis Tense=Past|VerbForm=Part
à à ADP 11 case
l' le DET 11 det NoSpace
AFP AFP PROPN 8 obl:arg _ B-ORG
Paulo Paulo PROPN 11 flat:name _ B-PER
Ferreira Ferreira PROPN 12 flat:name _ I-PER
. . PUNCT 4 punct
"""


def test_a_person_glued_to_the_agency_phrase_is_the_inverted_speaker(fr):
    _, events = run(fr, _GLUED_TO_THE_AGENCY)
    said = [e for e in events if e[:2] == ("Communication", "expliquer")]
    assert said and ("agent", "Paulo Ferreira") in said[0][2], events
    assert ("recipient", "Paulo Ferreira") not in said[0][2]


def test_french_plural_spelling_of_nouns(fr):
    # kg.extraction.plural reads the plural from the spelling when the tagger says singular
    assert fr.hooks.plural_form("astronomes") and fr.hooks.plural_form("Journaux")
    assert not fr.hooks.plural_form("astronome")


def test_plural_spelling_is_unknown_by_default(fr):
    from kg.lang.hooks import LanguageHooks

    assert not LanguageHooks("xx", fr.cues, fr.syntax).plural_form("astronomes")
