"""French numbers and quantities, on plain strings."""

import pytest

from kg.extraction.numbers import find_numbers, parse_digits


@pytest.mark.parametrize("text, value, unit, approx", [
    ("environ 15 000 soldats", 15000, None, True),
    ("environ 15\u202f000 soldats", 15000, None, True),
    ("15.000 manifestants", 15000, None, False),
    ("1,2 milliard d'euros", 1.2e9, "EUR", False),
    ("4,8 milliards de dollars", 4.8e9, "USD", False),
    ("quinze mille hommes", 15000, None, False),
    ("deux cent trente blessés", 230, None, False),
    ("soixante-dix", 70, None, False),
    ("une cinquantaine de drones", 50, None, True),
    ("près de 40 %", 40, "%", True),
    ("plus de 300 morts", 300, None, True),
    ("24,6 % des voix", 24.6, "%", False),
    ("12 millions d'euros", 1.2e7, "EUR", False),
    ("2,5 milliards de couronnes", 2.5e9, "DKK", False),
    ("300 €", 300, "EUR", False),
])
def test_quantity(fr, text, value, unit, approx):
    found = list(find_numbers(text, fr))
    assert found, text
    n = found[0]
    assert n.value == pytest.approx(value)
    assert (n.unit, n.approximate) == (unit, approx)


def test_two_numbers_keep_their_own_hedges(fr):
    found = list(find_numbers("4,8 milliards de dollars (environ 4,2 milliards d'euros)", fr))
    assert [(n.value, n.unit, n.approximate) for n in found] == [(4.8e9, "USD", False), (4.2e9, "EUR", True)]


def test_offsets_cover_the_hedge(fr):
    text = "soit environ 15 000 soldats"
    n = next(find_numbers(text, fr))
    assert text[n.start:n.end] == "environ 15 000"


@pytest.mark.parametrize("raw, value", [("15 000", 15000), ("1,5", 1.5), ("1.000.000", 1e6), ("7", 7)])
def test_parse_digits(raw, value):
    assert parse_digits(raw) == value


@pytest.mark.parametrize("text, value", [
    ("Quatre-vingt-dix-sept soldats", 97),  # the old word sum gave 41
    ("quatre-vingts délégués", 80),
    ("soixante et onze prisonniers", 71),
    ("trois mille cinq cents civils", 3500),
])
def test_number_words_take_text2num_values_and_keep_their_span(fr, text, value):
    (n,) = find_numbers(text, fr)
    assert n.value == value
    assert text[n.start:n.end] == text.rsplit(" ", 1)[0]  # the number words, not the noun


def test_a_number_past_any_float_gives_no_quantity(fr):
    # « 9999…9 soldats » with 400 digits, or 300 digits times a billion, is no Infinity.
    assert list(find_numbers("9" * 400 + " soldats", fr)) == []
    assert list(find_numbers("9" * 300 + " milliards d'euros", fr)) == []
    (n,) = find_numbers("9" * 300 + " soldats", fr)
    assert n.value == float("9" * 300)


@pytest.mark.model
def test_number_words_give_the_events_quantity(extract_text):
    # (the model cuts this sentence in two after « soldats »: see test_attachment)
    rec = extract_text("Quatre-vingt-dix-sept soldats ont été envoyés")
    (ev,) = rec.events
    assert ev.type == "Deployment"
    assert ev.quantity is not None and ev.quantity.value == 97
    assert ev.quantity.span.text == "Quatre-vingt-dix-sept"


# --- issue 11 (speech helper): digits that count nothing --------------------------------------------------------


@pytest.mark.parametrize("text", ["à 7h30 précises", "un film en 3D", "par 48,85° de latitude", "le satellite Vigie-1"])
def test_clock_times_codes_degrees_and_hyphenated_names_are_no_numbers(fr, text):
    assert list(find_numbers(text, fr)) == []


def test_a_count_after_a_clock_time_stays(fr):
    assert [n.value for n in find_numbers("vers 7h30, 400 policiers", fr)] == [400.0]
