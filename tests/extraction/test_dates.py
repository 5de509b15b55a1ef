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
