"""Hostile but legitimate input: each case must end in a valid graph.

The model takes seconds to load, so every case file goes into ONE ``kg build``
(files, a mixed folder, a JSON-lines corpus and standard input together); the
run itself must pass :func:`assert_built` (exit 0, SHACL-valid, round trips),
and each test then checks what its own document became in that graph.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.namespace import KG, NIF, RES, RESOURCE_IRI

from .conftest import Run, assert_built, run_kg

pytestmark = [pytest.mark.model, pytest.mark.slow]

FRENCH = ("Le 26 décembre, Emmanuel Macron a rencontré Olaf Scholz à Paris. "
          "Selon l'AFP, environ 15 000 soldats auraient été envoyés en Ukraine.")
ENGLISH = ("On Monday, President Joe Biden met Chancellor Olaf Scholz in Washington. "
           "They signed an agreement on 15,000 troops, Reuters reported.")
NO_SENTENCE = "1234 5678 --- *** 42 %%% ,,, ;;; 3,14 … !!! ??? 2024-12-27 ++ == ## @@"
HTML = ("<!DOCTYPE html><html><head><title>Sommet</title><style>p {color: red}</style>"
        "<script>var s = '<b>Poutine</b>';</script></head><body><h1>Sommet à Paris</h1>"
        "<p>Le 3 mars, <b>Emmanuel Macron</b> a rencontré &laquo;&nbsp;Olaf Scholz&nbsp;&raquo; "
        "à Paris &amp; Berlin.</p><p>Selon l&#8217;AFP, ils ont signé un accord.</p></body></html>")
CONTROL = "Le 3 mars,\x07 Emmanuel\x1b[31m Macron a rencontré\x00 Olaf\x0b Scholz\x0c à Paris.\x7f\x08 Fin."
NAMES = ('Le 4 mai, « Jean "le Fort" O\'Brien » a rencontré <Marie> Dupont#2 à Saint-Étienne-du-Rouvray. '
         "Selon l'agence <script>alert(1)</script>, Zoë Ñúñez 🚀 a envoyé 300 soldats à São Paulo. "
         "Le président Ελευθέριος Βενιζέλος a remercié 習近平 et Владимир Путин à Kyiv 🇺🇦. "
         "Le ministre Jean\u200bPierre Tab\tle a dit que Me\u0301lanie a signé un accord avec l'OTAN {x|y}^`\\. "
         "Mohammed ben Salmane (مُحَمَّد) a reçu « Emmanuel  Macron » à Riyad.\u202e")
CRLF = "Le 2 juin, Olaf Scholz a rencontré Emmanuel Macron.\r\nIls ont signé un accord.\rFin.\n\n\nSuite."
STDIN = "Le 5 avril, Kim Jong-un a envoyé un message à Vladimir Poutine."
#: Hostile records of a JSON-lines corpus: lone surrogates, NUL, odd ids and titles.
JSONL = [
    {"id": "../../etc/passwd 🚀", "text": "Le 6 mai, Olaf Scholz a rencontré Emmanuel Macron \ud83d à Berlin.",
     "title": 'Le "sommet" <b>&</b> #1', "url": "https://example.org/a?b=<c>&d=\"e\"", "date": "2024-05-07"},
    {"id": "", "text": "Le\u0000 7 mai, Emmanuel Macron a remercié l'Ukraine.\udfff", "title": "\ud800"},
]


#: Words of a run-on sentence: no full stop, and no verb, so its cost is parsing, not extraction
#: (bench/bench_robustness.py --long measures a 20,000-word sentence dense in events).
RUN_ON = ("la longue liste des petites et grandes villes de la région côtière avec leurs ports anciens "
          "leurs marchés animés leurs églises romanes leurs places ombragées leurs rues étroites et pavées "
          "leurs maisons blanches aux volets bleus leurs jardins fleuris leurs fontaines de pierre grise "
          "sous le soleil brûlant de l'été et dans le vent froid de l'hiver ainsi que")


def _long_sentence(words: int = 20_000) -> str:
    """One sentence of ``words`` words, opening with an event the extractor must place in it."""
    head = "Le 3 mars, Emmanuel Macron a déclaré que".split()
    body = RUN_ON.split()
    return " ".join(head + (body * (words // len(body) + 1))[:words - len(head)]) + "."


@dataclass(frozen=True)
class Case:
    """One input file of the shared build: its name, its bytes, the text kg must read."""

    name: str
    data: bytes
    text: str | None  # None: checked by the test itself


CASES = [
    Case("latin1.txt", FRENCH.encode("latin-1"), FRENCH),
    Case("cp1252.txt", ("« " + FRENCH + " » – l’œuvre").encode("cp1252"), "« " + FRENCH + " » – l’œuvre"),
    Case("utf16le.txt", FRENCH.encode("utf-16"), FRENCH),
    Case("utf16be.txt", b"\xfe\xff" + FRENCH.encode("utf-16-be"), FRENCH),
    Case("utf16nobom.txt", FRENCH.encode("utf-16-le"), FRENCH),
    Case("bom.txt", b"\xef\xbb\xbf" + FRENCH.encode("utf-8"), FRENCH),
    Case("english.txt", ENGLISH.encode(), ENGLISH),
    Case("nosentence.txt", NO_SENTENCE.encode(), NO_SENTENCE),
    Case("page.html", HTML.encode(), None),
    Case("control.txt", CONTROL.encode(), None),
    Case("names.txt", NAMES.encode(), NAMES),
    Case("crlf.txt", CRLF.encode(), CRLF),
    Case("longsentence.txt", _long_sentence().encode(), None),
]
#: A folder mixing texts (read) with files kg must skip.
MIXED = {
    "mixed/one.txt": FRENCH.encode(),
    "mixed/two.md": ("# Titre\n\n" + FRENCH).encode(),
    "mixed/sub/three.txt": FRENCH.encode("utf-16"),
    "mixed/sub/four.htm": b"<html><body><p>" + FRENCH.encode() + b"</p></body></html>",
    "mixed/data.csv": b"a,b\n1,2\n",
    "mixed/photo.png": b"\x89PNG\r\n\x1a\n\x00\x00",
    "mixed/.hidden.txt": b"\x00\x01binary but hidden",
    "mixed/.git/HEAD.txt": b"\x00\x01binary but hidden",
}
MIXED_READ = ("one", "two", "sub-three", "sub-four")  # ids are paths relative to the folder given


@dataclass(frozen=True)
class Built:
    run: Run
    graph: Graph


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The one build of every case (model loaded once), already checked by assert_built."""
    folder = tmp_path_factory.mktemp("cases")
    for case in CASES:
        (folder / case.name).write_bytes(case.data)
    for name, data in MIXED.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in JSONL) + "\n", encoding="utf-8")
    output = folder / "all.ttl"
    run = run_kg("build", *(c.name for c in CASES), "mixed", "wire.jsonl", "-", "-o", output,
                 stdin=STDIN.encode(), cwd=folder)
    return Built(run, assert_built(run, output))


def _doc(built: Built, doc_id: str) -> URIRef:
    doc = RES[f"doc/{doc_id}"]
    assert (doc, RDF.type, KG.Document) in built.graph, f"no document {doc_id}\n{built.run.describe()}"
    return doc


def _text(built: Built, doc_id: str) -> str:
    value = built.graph.value(_doc(built, doc_id), NIF.isString)
    assert isinstance(value, Literal)
    return str(value)


def _mentions(built: Built, doc_id: str) -> list[URIRef]:
    return [m for m in built.graph.subjects(NIF.referenceContext, _doc(built, doc_id)) if isinstance(m, URIRef)]


@pytest.mark.parametrize("case", [c for c in CASES if c.text is not None], ids=lambda c: c.name)
def test_text_is_decoded_exactly(built: Built, case: Case) -> None:
    assert _text(built, Path(case.name).stem) == case.text


def test_html_keeps_the_visible_text_only(built: Built) -> None:
    text = _text(built, "page")
    # trafilatura reads the article; it makes French no-break spaces plain spaces
    assert re.search("Emmanuel Macron a rencontré «[\u00a0 ]Olaf Scholz[\u00a0 ]» à Paris & Berlin[.]", text)
    assert "Selon l’AFP" in text
    for markup in ("<", ">", "&laquo;", "var s", "color: red"):
        assert markup not in text


def test_control_characters_become_spaces_and_offsets_hold(built: Built) -> None:
    text = _text(built, "control")
    assert len(text) == len(CONTROL)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text)
    assert text.replace(" ", "") == re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f ]", "", CONTROL)


def test_long_sentence_is_read_whole(built: Built) -> None:
    text = _text(built, "longsentence")
    assert len(text.split()) == 20_000
    sentences = [m for m in _mentions(built, "longsentence") if (m, RDF.type, NIF.Sentence) in built.graph]
    assert sentences, "no sentence recorded for the 20,000-word text"
    assert max(int(built.graph.value(s, NIF.endIndex)) - int(built.graph.value(s, NIF.beginIndex))
               for s in sentences) > len(text) // 2


def test_text_without_sentences_gives_a_document_and_no_event(built: Built) -> None:
    doc = _doc(built, "nosentence")
    events = [e for e in built.graph.subjects(KG.document, doc) if "/event/" in str(e)]
    assert events == []


def test_mixed_folder_reads_texts_and_skips_the_rest(built: Built) -> None:
    for stem in MIXED_READ:
        assert FRENCH in _text(built, stem)
    docs = {str(d)[len(RESOURCE_IRI) + 4:] for d in built.graph.subjects(RDF.type, KG.Document)}
    assert not {"data", "photo", "hidden", "head"} & docs


def test_jsonl_corpus_with_surrogates_and_nul(built: Built) -> None:
    docs = {str(d)[len(RESOURCE_IRI) + 4:]: d for d in built.graph.subjects(RDF.type, KG.Document)}
    first = docs["etc-passwd"]
    assert str(built.graph.value(first, NIF.isString)) == JSONL[0]["text"].replace("\ud83d", "\ufffd")
    assert str(built.graph.value(first, DCTERMS.title)) == JSONL[0]["title"]
    assert str(built.graph.value(first, KG.publicationDate)) == "2024-05-07"
    second = docs["wire-2"]
    assert str(built.graph.value(second, NIF.isString)) == "Le  7 mai, Emmanuel Macron a remercié l'Ukraine.\ufffd"
    assert built.graph.value(second, DCTERMS.title) == Literal("\ufffd", lang="fr")  # titles carry the language


def test_standard_input_is_one_document(built: Built) -> None:
    texts = [str(t) for t in built.graph.objects(None, NIF.isString)]
    assert STDIN in texts


def test_every_iri_is_safe(built: Built) -> None:
    """Names with quotes, <>, #, spaces, emojis never reach an IRI: only slugs and #char=a,b."""
    shape = re.compile(rf"^{re.escape(RESOURCE_IRI)}[a-z]+(?:/[a-z0-9][a-z0-9-]*)+(?:#char=\d+,\d+)?$")
    ours = {t for triple in built.graph for t in triple if isinstance(t, URIRef) and str(t).startswith(RESOURCE_IRI)}
    assert ours
    bad = sorted(str(t) for t in ours if not shape.match(str(t)))
    assert bad == []


def test_every_mention_anchor_is_its_text_slice(built: Built) -> None:
    """Offsets stay true with emojis, combining accents, RTL marks and control characters."""
    g = built.graph
    checked = 0
    for doc in g.subjects(RDF.type, KG.Document):
        text = str(g.value(doc, NIF.isString))
        for node in g.subjects(NIF.referenceContext, doc):
            begin, end = int(g.value(node, NIF.beginIndex)), int(g.value(node, NIF.endIndex))
            assert str(g.value(node, NIF.anchorOf)) == text[begin:end], f"{node}"
            checked += 1
    assert checked > 100


def test_hostile_names_keep_their_labels(built: Built) -> None:
    """Labels are literals: Greek, Cyrillic, Han, emojis are kept as written."""
    doc = _doc(built, "names")
    labels = [str(label) for entity in built.graph.subjects(KG.document, doc)
              for label in built.graph.objects(entity, RDFS.label)]
    assert labels, "no entity or event found in the hostile names text"
    assert all(label.strip() for label in labels)
    assert any(max(map(ord, label)) > 0xFF for label in labels), labels
