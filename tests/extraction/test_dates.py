"""French dates, normalised with and without a publication date."""

import datetime as dt

import pytest

from kg.extraction.dates import find_dates, infer_year, resolve_weekday


def dates(fr, text, anchor=None, future=frozenset()):
    return [(text[d.start:d.end], d.iso, d.datatype) for d in find_dates(text, fr, anchor, future)]


def test_day_month_without_year_is_a_gmonthday(fr):
    assert dates(fr, "Le 26 décembre, Kim a écrit.") == [("26 décembre", "--12-26", "gMonthDay")]


def test_day_month_takes_the_publication_year(fr):
    assert dates(fr, "le 1er juillet à Genève", dt.date(2025, 6, 13)) == [("1er juillet", "2025-07-01", "date")]


def test_december_event_in_a_january_article_is_last_year(fr):
    assert dates(fr, "le 28 décembre", dt.date(2025, 1, 3))[0][1] == "2024-12-28"


@pytest.mark.parametrize("text, iso, dtype", [
    ("en juin 2024", "2024-06", "gYearMonth"),
    ("mi-2023", "2023", "gYear"),
    ("en 2024", "2024", "gYear"),
    ("le 3 mars 2021", "2021-03-03", "date"),
    ("dimanche 31 août 2025", "2025-08-31", "date"),
])
def test_explicit_dates(fr, text, iso, dtype):
    assert dates(fr, text)[0][1:] == (iso, dtype)


def test_weekday_needs_a_publication_date(fr):
    assert dates(fr, "Il a parlé mardi.") == []
    # 2025-06-13 is a Friday: « mercredi » is the 11th, « vendredi » the day itself.
    assert dates(fr, "décidé mercredi", dt.date(2025, 6, 13))[0][1] == "2025-06-11"
    assert dates(fr, "vendredi", dt.date(2025, 6, 13))[0][1] == "2025-06-13"


def test_future_weekday_goes_forward(fr):
    text = "La liste est attendue lundi."
    start = text.index("lundi")
    assert dates(fr, text, dt.date(2026, 11, 20), frozenset({start}))[0][1] == "2026-11-23"


def test_vague_expressions_are_not_dates(fr):
    assert dates(fr, "Depuis lors, rien. Dix-neuf mois plus tard.") == []


def test_relative_days(fr):
    assert dates(fr, "hier soir", dt.date(2025, 1, 1))[0][1] == "2024-12-31"


def test_helpers():
    assert resolve_weekday(0, dt.date(2026, 11, 24)) == dt.date(2026, 11, 23)
    assert resolve_weekday(1, dt.date(2026, 11, 24), future=True) == dt.date(2026, 12, 1)
    assert infer_year(12, 28, dt.date(2025, 1, 3)) == 2024
    assert infer_year(7, 1, dt.date(2025, 6, 13)) == 2025


@pytest.mark.parametrize("text, expected", [
    ("La fusée a décollé.\n22 mai 2012. - Prévu initialement pour samedi", dt.date(2012, 5, 22)),
    ("PARIS, 3 mars 2021 (AFP) - Le gouvernement", dt.date(2021, 3, 3)),
    ("Le 26 décembre, Kim Jong-un a adressé un message", None),
    ("Il a parlé le 3 mars 2021 - sans notes.\n", None),
    # issue 11 (speech helper): more dateline forms
    ("Lyon, le 12 mars 2025 – Le conseil municipal", dt.date(2025, 3, 12)),
    ("LYON (Reuters), 12 mars 2025 - Le conseil", dt.date(2025, 3, 12)),
    ("Lyon, 12 mars 2025 : le conseil municipal", dt.date(2025, 3, 12)),
])
def test_dateline(fr, text, expected):
    from kg.extraction.dates import find_dateline

    assert find_dateline(text, fr) == expected


# --- issue 11 (speech helper): dates told relative to the story --------------------------------------------------


@pytest.mark.parametrize("text, iso", [
    ("Le vol est parti mardi soir. Le pilote a confirmé dans la soirée son arrivée.", "2025-03-04"),
    ("Le traité a été signé le 2 mars. La veille, les ministres s'étaient réunis.", "2025-03-01"),
    ("Le traité a été signé le 2 mars. Le lendemain, le Parlement l'a ratifié.", "2025-03-03"),
])
def test_a_story_date_counts_from_the_date_last_named(fr, text, iso):
    assert dates(fr, text, dt.date(2025, 3, 7))[-1][1] == iso


def test_a_story_date_with_no_date_before_counts_from_the_publication(fr):
    text = "La veille, le Parlement avait voté."
    assert dates(fr, text, dt.date(2025, 3, 7)) == [("La veille", "2025-03-06", "date")]
    assert dates(fr, text) == []


def test_this_morning_is_the_publication_day(fr):
    assert dates(fr, "Le ministre a parlé ce matin.", dt.date(2025, 3, 7)) == [("ce matin", "2025-03-07", "date")]


# --- issue 11 (details helper): forward words, deadlines, dates after the publication ------------------------------

FRIDAY = dt.date(2025, 3, 7)


def flags(fr, text, anchor=FRIDAY, future=frozenset()):
    return [(text[d.start:d.end], d.iso, d.ahead, d.deadline) for d in find_dates(text, fr, anchor, future)]


@pytest.mark.parametrize("text, iso, ahead", [
    ("Les électeurs voteront mardi prochain.", "2025-03-11", True),  # forward from a Friday
    ("Les électeurs ont voté mardi dernier.", "2025-03-04", False),
    ("Les électeurs ont voté vendredi dernier.", "2025-02-28", False),  # the last Friday, not the publication day
    ("Les électeurs ont voté vendredi.", "2025-03-07", False),
])
def test_weekday_qualified_forward_or_backward(fr, text, iso, ahead):
    [(_, found, is_ahead, _)] = flags(fr, text)
    assert (found, is_ahead) == (iso, ahead)


@pytest.mark.parametrize("text, iso, datatype", [
    ("Le sommet aura lieu le mois prochain.", "2025-04", "gYearMonth"),
    ("Le mois dernier, le port a fermé.", "2025-02", "gYearMonth"),
    ("L’an dernier, le port a fermé.", "2024", "gYear"),
    ("Le port rouvrira l'année prochaine.", "2026", "gYear"),
])
def test_relative_months_and_years(fr, text, iso, datatype):
    assert [(d[1], d[2]) for d in dates(fr, text, FRIDAY)] == [(iso, datatype)]
    assert dates(fr, text) == []  # no publication date: nothing to count from


@pytest.mark.parametrize("text", [
    "L'armée doit rendre le pouvoir avant le 30 juin.",
    "Les postes seront supprimés avant 2027.",
    "Le dossier doit être remis au plus tard le 2 avril.",
    "Le festival continue jusqu'au 12 août.",
])
def test_a_deadline_is_marked(fr, text):
    [(_, _, ahead, deadline)] = flags(fr, text)
    assert deadline and not ahead


def test_a_plain_date_is_no_deadline(fr):
    assert [d[3] for d in flags(fr, "Le traité a été signé le 30 juin 2024.")] == [False]


def test_a_day_without_year_in_a_future_clause_is_the_next_such_day(fr):
    text = "La série sera dévoilée le 10 janvier."
    assert flags(fr, text, future={text.index("10")}) == [("10 janvier", "2026-01-10", True, False)]
    assert flags(fr, text) == [("10 janvier", "2025-01-10", False, False)]  # a past clause: the last one


def test_a_stated_year_after_the_publication_is_ahead(fr):
    assert [d[2] for d in flags(fr, "Le sommet se tiendra en février 2026, après celui de mars 2024.")] == [True, False]


# recall helper (round 3): nights anchored on the document date (corpus 44290, 44960, 44231, 44586, 45625)
@pytest.mark.parametrize("text, words", [
    ("Cette nuit, des hommes armés ont visé une caserne.", "Cette nuit"),
    ("Un entrepôt a brûlé la nuit dernière près du port.", "la nuit dernière"),
])
def test_a_night_word_is_the_publication_day(fr, text, words):
    assert dates(fr, text, dt.date(2013, 3, 14)) == [(words, "2013-03-14", "date")]


def test_a_night_between_two_weekdays_is_dated_by_the_second(fr):
    # 2013-03-16 is a Saturday: the night of Thursday to Friday ended on the 15th
    text = "Le chanteur est mort dans la nuit de jeudi à vendredi à Nantes."
    assert dates(fr, text, dt.date(2013, 3, 16)) == [("dans la nuit de jeudi à vendredi", "2013-03-15", "date")]


def test_a_night_with_one_weekday_still_reads_the_weekday(fr):
    text = "La tempête a frappé la côte dans la nuit de mardi."
    assert ("mardi", "2013-03-12", "date") in dates(fr, text, dt.date(2013, 3, 16))
