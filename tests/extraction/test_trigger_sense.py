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
