"""kg.queries (headers, parameters, formats), kg.store (both engines, persistence) and the CLI."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from kg.errors import FormatError, InputError, QueryError
from kg.namespace import KG, RES
from kg.queries import (
    bind,
    format_result,
    list_queries,
    load_query,
    parse_assignments,
    parse_query,
    query_variables,
    run,
    short,
    to_term,
)
from kg.store import MANIFEST, OxigraphStore, QueryResult, RdflibStore, from_ox, open_store, store_for, to_ox

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
KIM, POUTINE, RUSSIE = RES["person/kim-jong-un"], RES["person/vladimir-poutine"], RES["country/russie"]
E1 = RES["event/t/e1-communication"]

HEADER = """# title: People by name
# description: Every person whose label is ?name,
#   with the label.
# param: name — the person's label (string)
# param: kind — a class (iri, default: Person)
# param: limit — unused bound (integer, optional)
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?p ?name ?kind ?limit WHERE { ?p a ?kind ; rdfs:label ?name }
"""


def small_graph() -> Graph:
    g = Graph()
    g.add((KIM, RDF.type, KG.Person))
    g.add((KIM, RDFS.label, Literal("Kim Jong-un")))
    g.add((POUTINE, RDF.type, KG.Person))
    g.add((POUTINE, RDFS.label, Literal("Vladimir Poutine")))
    g.add((RUSSIE, RDF.type, KG.Country))
    g.add((RUSSIE, RDFS.label, Literal("Russie", lang="fr")))
    g.add((E1, RDF.type, KG.Communication))
    g.add((E1, KG.agent, KIM))
    g.add((E1, KG.recipient, POUTINE))
    g.add((E1, KG.date, Literal("--12-26", datatype=XSD.gMonthDay)))
    g.add((E1, RDFS.label, Literal("Communication: adresser")))
    g.add((E1, KG.modality, KG.Reported))
    return g


@pytest.fixture
def ttl(tmp_path: Path) -> Path:
    path = tmp_path / "small.ttl"
    small_graph().serialize(path, format="turtle")
    return path


@pytest.fixture(params=["rdflib", "oxigraph"])
def store(request: pytest.FixtureRequest, ttl: Path):
    s = open_store(request.param)
    s.load([ttl])
    return s


# --------------------------------------------------------------------------- headers


def test_header_is_parsed() -> None:
    q = parse_query(HEADER, "people")
    assert q.title == "People by name"
    assert q.description == "Every person whose label is ?name, with the label."
    assert [(p.name, p.type, p.required, p.default) for p in q.params] == [
        ("name", "string", True, None), ("kind", "iri", False, "Person"), ("limit", "integer", False, None)]
    assert q.param("name").meaning == "the person's label"


@pytest.mark.parametrize(("line", "message"), [
    ("# param: name the label (string)", "cannot read"),
    ("# param: name — the label (text)", "unknown type 'text'"),
    ("# param: name — the label (string, maybe)", "unknown option 'maybe'"),
    ("# param: other — not in the query (string)", "?other is not in the query"),
])
def test_bad_header_is_refused(line: str, message: str) -> None:
    with pytest.raises(QueryError, match=message.replace("?", r"\?")):
        parse_query(f"{line}\nSELECT ?name WHERE {{ ?s ?p ?name }}", "bad")


def test_query_variables_skip_comments_strings_and_iris() -> None:
    text = '# ?comment\nSELECT ?a $b WHERE { ?a <http://x/?q> "?str" . ?a ?p $b } # ?tail'
    assert query_variables(text) == {"a", "b", "p"}


# --------------------------------------------------------------------------- finding queries


def test_named_queries_are_listed_and_loaded() -> None:
    names = [q.name for q in list_queries()]
    assert names == sorted(names) and len(names) >= 10
    assert load_query("communications").path.name == "communications.rq"


def test_query_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text(HEADER, encoding="utf-8")
    assert load_query(str(path)).title == "People by name"
    with pytest.raises(QueryError, match="no such query file"):
        load_query(str(tmp_path / "missing.rq"))


def test_inline_query() -> None:
    q = load_query("SELECT ?s WHERE { ?s ?p ?o }")
    assert q.name == "inline" and q.params == ()


def test_unknown_name_lists_the_available_ones() -> None:
    with pytest.raises(QueryError) as err:
        load_query("comunications")
    assert "unknown query 'comunications'" in str(err.value)
    assert "communications" in str(err.value) and "timeline" in str(err.value)


# --------------------------------------------------------------------------- parameters


def test_assignments() -> None:
    assert parse_assignments(["name=Kim Jong-un", "?x=a=b"]) == {"name": "Kim Jong-un", "x": "a=b"}
    with pytest.raises(QueryError, match="name=value"):
        parse_assignments(["name"])
    with pytest.raises(QueryError, match="twice"):
        parse_assignments(["a=1", "a=2"])


def test_bind_checks_parameters() -> None:
    q = parse_query(HEADER, "people")
    assert bind(q, {"name": "Kim"}) == {"name": Literal("Kim"), "kind": KG.Person}
    assert bind(q, {"name": "Kim", "kind": "kg:Country", "limit": "3"})["limit"] == Literal(3, datatype=XSD.integer)
    with pytest.raises(QueryError, match="needs --param name=VALUE"):
        bind(q, {})
    with pytest.raises(QueryError, match="unknown parameter 'nom'.*name —"):
        bind(q, {"name": "Kim", "nom": "x"})


def test_bind_without_header_takes_query_variables() -> None:
    q = parse_query("SELECT ?s WHERE { ?s ?p ?o }")
    assert bind(q, {"o": "Russie", "p": f"<{RDFS.label}>"}) == {"o": Literal("Russie"), "p": RDFS.label}
    with pytest.raises(QueryError, match="has no variable \\?x; its variables are o, p, s"):
        bind(q, {"x": "1"})


@pytest.mark.parametrize(("value", "kind", "term"), [
    (" Kim ", "string", Literal("Kim")),
    ("Communication", "iri", KG.Communication),
    ("kg:Reported", "iri", KG.Reported),
    ("res:country/russie", "iri", RUSSIE),
    ("<http://example.org/x>", "iri", URIRef("http://example.org/x")),
    ("https://example.org/y", "iri", URIRef("https://example.org/y")),
    ("42", "integer", Literal(42, datatype=XSD.integer)),
    ("15000", "decimal", Literal("15000", datatype=XSD.decimal)),
    ("2024-06-19", "date", Literal("2024-06-19", datatype=XSD.date)),
    ("yes", "boolean", Literal(True)),
    ("false", "boolean", Literal(False)),
])
def test_values_become_typed_terms(value: str, kind: str, term) -> None:
    assert to_term(value, kind) == term


@pytest.mark.parametrize(("value", "kind", "message"), [
    ("Comunication", "iri", "not a kg term"),
    ("kg:Nope", "iri", "not a kg term"),
    ("<has space>", "iri", "not a valid IRI"),
    ("abc", "integer", "not a valid integer"),
    ("1,5", "decimal", "not a valid decimal"),
    ("19/06/2024", "date", "not a valid date"),
    ("maybe", "boolean", "not a valid boolean"),
])
def test_bad_values_are_refused(value: str, kind: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        to_term(value, kind)


# --------------------------------------------------------------------------- stores


def test_store_loads_and_answers_with_bindings(store) -> None:
    assert len(store) == 12
    q = load_query("SELECT ?p ?n WHERE { ?p a kg:Person ; rdfs:label ?n } ORDER BY ?n")
    result = run(store, q, {"n": "Vladimir Poutine"})
    assert result.vars == ("p", "n")
    assert result.rows == ((POUTINE, Literal("Vladimir Poutine")),)
    assert len(run(store, q)) == 2


def test_binding_is_not_text_substitution(store) -> None:
    q = load_query("SELECT ?p ?n WHERE { ?p rdfs:label ?n }")
    hostile = 'x" } UNION { ?p ?q ?n } #'
    assert run(store, q, {"n": hostile}).rows == ()


def test_store_keeps_languages_and_datatypes(store) -> None:
    result = store.query("SELECT ?n ?d WHERE { ?c rdfs:label ?n . OPTIONAL { ?e kg:date ?d } "
                         "FILTER (lang(?n) = 'fr') }")
    assert result.rows == ((Literal("Russie", lang="fr"), Literal("--12-26", datatype=XSD.gMonthDay)),)


def test_ask_and_construct(store) -> None:
    assert store.query("ASK { ?e kg:agent ?who }").boolean is True
    assert store.query("ASK { ?e kg:place ?where }").boolean is False
    result = store.query("CONSTRUCT { ?who kg:ally ?whom } WHERE { ?e kg:agent ?who ; kg:recipient ?whom }")
    assert result.vars == ("subject", "predicate", "object")
    assert result.rows == ((KIM, KG.ally, POUTINE),)


#: Query text → where each engine reports the error (line, column): where its parser gives up.
SYNTAX_ERRORS = {
    "SELECT ?x WHERE {\n  ?x ?p\n}": {"rdflib": (2, 3), "oxigraph": (3, 2)},
    "SELECT ?x WHERE { ?x foo:bar ?y }": {"rdflib": (1, 22), "oxigraph": (1, 29)},
    "SELEC ?x WHERE { ?x ?p ?o }": {"rdflib": (1, 1), "oxigraph": (1, 10)},
}


@pytest.mark.parametrize("text", list(SYNTAX_ERRORS))
def test_syntax_errors_give_line_and_column(store, text: str) -> None:
    line, col = SYNTAX_ERRORS[text][store.kind]
    with pytest.raises(QueryError) as err:
        store.query(text)
    assert str(err.value).startswith(f"SPARQL syntax error at line {line}, column {col}: ")


def test_unknown_prefix_is_named(ttl: Path) -> None:
    s = RdflibStore()
    s.load([ttl])
    with pytest.raises(QueryError, match="line 2, column 8: prefix foo: is not declared"):
        s.query("SELECT ?x WHERE {\n  ?x a foo:Bar }")


def test_oxigraph_needs_parameters_in_the_select_list(ttl: Path) -> None:
    s = open_store("oxigraph")
    s.load([ttl])
    with pytest.raises(QueryError, match=r"\?n must be in the SELECT list"):
        s.query("SELECT ?p WHERE { ?p rdfs:label ?n }", {"n": Literal("Russie")})


def test_several_files_make_one_graph(tmp_path: Path, ttl: Path) -> None:
    other = tmp_path / "more.nt"
    Graph().add((RUSSIE, KG.ally, KIM)).serialize(other, format="nt", encoding="utf-8")
    for kind in ("rdflib", "oxigraph"):
        s = open_store(kind)
        assert s.load([ttl, other]) == 2
        assert len(s) == 13


def test_bad_files_are_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    for kind in ("rdflib", "oxigraph"):
        with pytest.raises(FormatError, match="unknown graph format"):
            open_store(kind).load([tmp_path / "g.csv"])
        with pytest.raises(InputError, match="no such graph file"):
            open_store(kind).load([tmp_path / "none.ttl"])
        with pytest.raises(InputError, match="not valid"):
            open_store(kind).load([bad])


def test_store_kinds() -> None:
    with pytest.raises(QueryError, match="unknown store 'fuseki'; use one of oxigraph, rdflib"):
        open_store("fuseki")
    with pytest.raises(QueryError, match="cannot use a database folder"):
        open_store("rdflib", "somewhere")


@pytest.mark.parametrize("term", [KIM, BNode("b1"), Literal("Russie", lang="fr"), Literal("x"),
                                  Literal("15000.0", datatype=XSD.decimal), Literal(True)])
def test_terms_round_trip_through_oxigraph(term) -> None:
    assert from_ox(to_ox(term)) == term


# --------------------------------------------------------------------------- persistence


def test_oxigraph_folder_is_loaded_once(tmp_path: Path, ttl: Path) -> None:
    db = tmp_path / "db"
    first = store_for([ttl], db=db, ontology=False)
    assert isinstance(first, OxigraphStore) and len(first) == 12
    del first
    assert json.loads((db / MANIFEST).read_text())  # the file is recorded
    again = store_for([ttl], db=db, ontology=False)  # same file: not read again
    assert again.load([ttl]) == 0 and len(again) == 12
    del again
    reopened = store_for([], db=db)  # no files: read-only
    assert reopened.read_only and len(reopened) == 12
    assert run(reopened, load_query("events-by-type")).rows[0][1] == E1
    with pytest.raises(InputError, match="opened read-only"):
        reopened.load([ttl])


def test_changed_file_is_not_loaded_on_top(tmp_path: Path, ttl: Path) -> None:
    db = tmp_path / "db"
    s = store_for([ttl], db=db)
    del s
    with ttl.open("a", encoding="utf-8") as f:
        f.write("<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n")
    with pytest.raises(InputError, match="changed since it was loaded"):
        store_for([ttl], db=db)


def test_store_for_refuses_what_cannot_work(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no graph file given"):
        store_for([])
    with pytest.raises(InputError, match="no kg database there"):
        store_for([], db=tmp_path / "none")
    with pytest.raises(QueryError, match="--db needs the oxigraph store"):
        store_for([], kind="rdflib", db=tmp_path)


# --------------------------------------------------------------------------- formats

TRICKY = Literal('a "quoted",\tnew\nline')
RESULT = QueryResult(("who", "what", "n"), (
    (KIM, TRICKY, Literal(3, datatype=XSD.integer)),
    (BNode("b0"), Literal("Russie", lang="fr"), None),
))


def test_short_names() -> None:
    assert short(KIM) == f"<{KIM}>"  # res:person/kim-jong-un is not a valid prefixed name
    assert short(RES["x.y"]) == "res:x.y" and short(RES["x."]) == f"<{RES['x.']}>"
    assert short(KG.Reported) == "kg:Reported"
    assert short(URIRef("http://example.org/x")) == "<http://example.org/x>"
    assert short(None) == "" and short(Literal("15000.0", datatype=XSD.decimal)) == "15000.0"


def test_csv() -> None:
    text = format_result(RESULT, "csv")
    assert list(csv.reader(io.StringIO(text))) == [
        ["who", "what", "n"], [str(KIM), 'a "quoted",\tnew\nline', "3"], ["_:b0", "Russie", ""]]


def test_tsv() -> None:
    lines = format_result(RESULT, "tsv").splitlines()
    assert lines == ["?who\t?what\t?n",
                     f'<{KIM}>\t"a \\"quoted\\",\\tnew\\nline"\t3',  # pyoxigraph abbreviates integers
                     '_:b0\t"Russie"@fr\t']


def test_json() -> None:
    doc = json.loads(format_result(RESULT, "json"))
    assert doc["head"] == {"vars": ["who", "what", "n"]}
    assert doc["results"]["bindings"] == [
        {"who": {"type": "uri", "value": str(KIM)},
         "what": {"type": "literal", "value": str(TRICKY)},
         "n": {"type": "literal", "value": "3", "datatype": str(XSD.integer)}},
        {"who": {"type": "bnode", "value": "b0"}, "what": {"type": "literal", "value": "Russie", "xml:lang": "fr"}},
    ]


def test_boolean_results() -> None:
    yes = QueryResult((), (), True)
    assert json.loads(format_result(yes, "json")) == {"head": {}, "boolean": True}
    assert format_result(yes, "table") == "yes\n"
    assert format_result(QueryResult((), (), False), "csv").splitlines() == ["boolean", "false"]


def test_table_shows_text_not_markup() -> None:
    result = QueryResult(("label",), ((Literal("[bold red]boom[/bold red]"),), (KIM,)))
    table = format_result(result, "table")
    assert "[bold red]boom[/bold red]" in table and f"<{KIM}>" in table


def test_unknown_format() -> None:
    with pytest.raises(QueryError, match="use one of table, csv, tsv, json"):
        format_result(RESULT, "xml")


# --------------------------------------------------------------------------- command line


def kg(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    """Run ``kg ARGS`` in this process; return (exit code, stdout, stderr)."""
    from kg.cli import main

    monkeypatch.setattr(sys, "argv", ["kg", *args])
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_named_query_csv(capsys, monkeypatch, ttl: Path) -> None:
    code, out, _ = kg(capsys, monkeypatch, "query", "communications", str(ttl), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["senderName"], r["recipientName"], r["date"]) for r in rows] == [
        ("Kim Jong-un", "Vladimir Poutine", "--12-26")]


def test_cli_parameters_and_json(capsys, monkeypatch, ttl: Path) -> None:
    code, out, _ = kg(capsys, monkeypatch, "query", "entity-facts", str(ttl), "--param", "name=kim jong-un",
                      "-f", "json", "--store", "oxigraph")
    assert code == 0
    bindings = json.loads(out)["results"]["bindings"]
    assert {(b["property"]["value"], b["object"]["value"]) for b in bindings} >= {
        (str(RDF.type), str(KG.Person)), (str(KG.agent), str(KIM))}


def test_cli_empty_result_says_so(capsys, monkeypatch, ttl: Path) -> None:
    code, out, err = kg(capsys, monkeypatch, "query", "entity-facts", str(ttl), "-p", "name=Nobody")
    assert code == 0 and out == ""
    assert "no result" in err


def test_cli_errors_are_one_line(capsys, monkeypatch, ttl: Path) -> None:
    code, out, err = kg(capsys, monkeypatch, "query", "SELECT ?x WHERE {\n ?x ?p\n}", str(ttl), "--store", "rdflib")
    assert code == QueryError.exit_code
    assert err.startswith("kg: error: SPARQL syntax error at line 2") and err.count("\n") == 1
    code, out, err = kg(capsys, monkeypatch, "query", "SELECT ?x WHERE {\n ?x ?p\n}", str(ttl))  # oxigraph
    assert code == QueryError.exit_code
    assert err.startswith("kg: error: SPARQL syntax error at line 3") and err.count("\n") == 1
    code, _, err = kg(capsys, monkeypatch, "query", "entity-facts", str(ttl))
    assert code == QueryError.exit_code and "needs --param name=VALUE" in err
    code, _, err = kg(capsys, monkeypatch, "query", "timeline")
    assert code == InputError.exit_code and "no graph file given" in err
    assert "Traceback" not in err


def test_cli_db_folder(capsys, monkeypatch, tmp_path: Path, ttl: Path) -> None:
    db = tmp_path / "db"
    assert kg(capsys, monkeypatch, "query", "timeline", str(ttl), "--db", str(db), "-f", "csv")[0] == 0
    ttl.unlink()  # the folder holds the graph now
    code, out, _ = kg(capsys, monkeypatch, "query", "timeline", "--db", str(db), "-f", "tsv")
    assert code == 0 and f"<{E1}>" in out


def test_cli_lists_queries(capsys, monkeypatch) -> None:
    code, out, _ = kg(capsys, monkeypatch, "queries")
    assert code == 0
    for q in list_queries():
        assert f"{q.name} — {q.title}" in out
    assert "--param name — name or alias of the entity" in out
