"""kg.textscan does what the regular expression each function replaces does, on generated text."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kg import textscan

#: Characters that matter to the scanners, a few letters, digits, spaces and non-ASCII word characters.
_ALPHABET = st.sampled_from(list("\"'<>#\\\n\r \t{}|^`?$_-.:()aZ9·é—–ßµ\u00a0\u2028") + ["UNION", "optional",
                                                                                          "Minus", "title",
                                                                                          "param", "--"])
TEXT = st.lists(_ALPHABET, max_size=40).map("".join)
LINE = TEXT.map(lambda s: s.replace("\n", " "))

SKIPPED = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n\r]|\\.)*"|\'(?:[^\'\\\n\r]|\\.)*\''
                     r'|<[^<>"{}|^`\\\s]*>|#[^\n\r]*')
HEADER = re.compile(r"#\s*(title|description|param)\s*:\s*(.*)$")
PARAM = re.compile(r"(\w+)\s*(?:—|–|--|-)\s*(.*?)\s*\(([^()]*)\)\s*$")


@settings(max_examples=600)
@given(TEXT)
@example('a """x\ny""" b "c\\"d" \'e\' <http://x> # c\rz ?v')
@example('"""unclosed "x" \'\'\'y\'\'\' <a b> <ok>')
@example('"\\\n" "\\\r" x')
@example('"a\rb" \'c\rd\' "e\nf"')
def test_blank_skipped_is_the_regex(text: str) -> None:
    assert textscan.blank_skipped(text) == SKIPPED.sub(" ", text)


@settings(max_examples=400)
@given(TEXT)
@example("?a $b_1 ??c ?é ?_x?y $9")
def test_variables_are_the_regex(text: str) -> None:
    assert textscan.variables(text) == set(re.findall(r"[?$]([A-Za-z_]\w*)", text))


@settings(max_examples=400)
@given(TEXT)
@example("UNION{ x_UNION Optional(minus) MINUS1 unionx }")
def test_keyword_count_is_the_regex(text: str) -> None:
    expected = len(re.findall(r"\b(?:UNION|OPTIONAL|MINUS)\b", text, re.IGNORECASE))
    assert textscan.count_keywords(text, frozenset({"UNION", "OPTIONAL", "MINUS"})) == expected


@settings(max_examples=400)
@given(LINE)
@example("#  title :  A title ")
@example("#titles: no")
@example("# param: name — meaning (string)")
def test_header_field_is_the_regex(line: str) -> None:
    match = HEADER.match(line)
    assert textscan.header_field(line) == (None if match is None else match.groups())


@settings(max_examples=800)
@given(LINE)
@example("name — entity name (string)")
@example("n -- a (b) (integer, optional) ")
@example("n - a (b) c)")
@example("n – (x(y))")
@example("é_1 —(date, default: 2024-01-01)")
@example("name (string)")
def test_param_spec_is_the_regex(line: str) -> None:
    match = PARAM.match(line)
    assert textscan.param_spec(line) == (None if match is None else match.groups())


@settings(max_examples=300)
@given(TEXT)
@example("")
@example("a.")
@example("a.b")
@example("·a")
@example("_:x-")
def test_local_name_is_the_regex(text: str) -> None:
    pattern = r"(?:[^\W][\w\-.:\u00b7]*[\w\-:\u00b7]|[^\W])?"
    assert textscan.is_local_name(text) == (re.fullmatch(pattern, text) is not None)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(list("-0123456789Z:+T٣")), max_size=12).map("".join))
@example("--12")
@example("---12")
@example("2024-01-")
@example("-2024-01-05")
def test_zoneless_date_is_the_regex(text: str) -> None:
    assert textscan.is_zoneless_date(text) == (re.fullmatch(r"-{0,2}[0-9]+(?:-[0-9]+)*", text) is not None)


@settings(max_examples=300)
@given(TEXT)
@example("")
@example("abc")
@example("_a9")
@example("9a")
@example("éa")
def test_name_tests_are_the_regexes(text: str) -> None:
    assert textscan.is_identifier(text) == (re.fullmatch(r"[A-Za-z_]\w*", text) is not None)
    assert textscan.is_query_name(text) == (re.fullmatch(r"[\w.-]+", text) is not None)
    assert textscan.is_word(text) == (re.fullmatch(r"\w+", text) is not None)
    assert textscan.has_space_or_brace(text) == (re.search(r"[\s{]", text) is not None)
    assert textscan.is_bad_iri(text) == (re.search(r'[\s<>"{}|^`\\]', text) is not None)
