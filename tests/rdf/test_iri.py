import re

import pytest

from kg.rdf.iri import entity_iri, slug


@pytest.mark.parametrize("text, expected", [
    ("Corée du Nord", "coree-du-nord"),
    ("Kim Jong-un", "kim-jong-un"),
    ("Line Kjærgaard", "line-kjaergaard"),
    ("Mads Østergaard", "mads-ostergaard"),
    ("L’OTAN", "l-otan"),
])
def test_slug_is_readable(text, expected):
    assert slug(text) == expected


@pytest.mark.parametrize("text", ["<script>", "a#b", "🙂", "中国", "   ", "\x00\x1f", "x" * 500, '"quoted"'])
def test_slug_is_always_iri_safe(text):
    s = slug(text)
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", s) and len(s) <= 60


def test_distinct_non_latin_names_stay_distinct():
    assert slug("中国") != slug("日本")


def test_entity_iri_depends_on_class_and_label_only():
    assert entity_iri("Country", "Russie") == entity_iri("Country", "Russie")
    assert str(entity_iri("Country", "Russie")).endswith("/country/russie")
