"""The Dask path: extraction on workers gives exactly what the local build gives."""

from __future__ import annotations

import socket

import pytest

from kg import corpus
from kg.sources import Source

pytest.importorskip("distributed")

pytestmark = [pytest.mark.model, pytest.mark.slow]

TEXTS = [
    "Le président russe Vladimir Poutine a reçu lundi à Moscou le dirigeant nord-coréen Kim Jong-un.",
    "Selon l'agence KCNA, Kim Jong-un a adressé un message à Vladimir Poutine mardi.",
    "Environ 15 000 soldats nord-coréens auraient été envoyés en Russie, selon Séoul.",
    "Emmanuel Macron a rencontré Olaf Scholz à Berlin pour parler de l'Ukraine.",
    "L'armée israélienne a frappé Gaza dans la nuit, selon l'AFP.",
]
SOURCES = [Source(f"d{n}", text, f"d{n}.txt") for n, text in enumerate(TEXTS)]


@pytest.fixture(scope="module")
def local_records():
    from kg.parsing import extract_records

    return list(extract_records(SOURCES))


@pytest.fixture(scope="module")
def scheduler():
    """An existing cluster, as a user would have one: two worker processes."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                      silence_logs=50) as cluster:
        yield cluster.scheduler_address


def test_records_from_a_scheduler_address_equal_local_ones_in_order(scheduler, local_records):
    from kg.distributed import build_records_dask

    seen: list[str] = []
    got = list(build_records_dask(SOURCES, scheduler=scheduler, batch=1, on_done=lambda s: seen.append(s.doc_id)))
    assert got == local_records  # same records, input order, whatever worker finished first
    assert seen == [s.doc_id for s in SOURCES]


def test_dataset_built_on_the_cluster_is_byte_identical(scheduler):
    from kg.pipeline import build_corpus

    here = corpus.serialize(build_corpus(SOURCES), "trig")
    there = corpus.serialize(build_corpus(SOURCES, scheduler=scheduler), "trig")
    assert there == here


def test_workers_option_starts_a_local_cluster(local_records):
    from kg.pipeline import records

    assert list(records(SOURCES[:3], workers=2)) == local_records[:3]


def test_unreachable_scheduler_is_a_clear_error():
    from kg.distributed import DistributedError, build_records_dask

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DistributedError, match="cannot reach the Dask scheduler"):
        list(build_records_dask(SOURCES, scheduler=f"tcp://127.0.0.1:{port}", timeout=1))


def test_cli_with_workers_leaves_no_traceback_or_log_on_stderr(tmp_path):
    """Issue 12: a Dask run once printed a heartbeat traceback; it must print the summary line only."""
    import json
    import subprocess
    import sys

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": s.doc_id, "text": s.text}, ensure_ascii=False) + "\n"
                              for s in SOURCES[:4]), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus), "-o", str(tmp_path / "o.ttl"),
                          "--workers", "2"], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(str(tmp_path / "o.ttl")), run.stderr


def test_one_node_per_person_across_documents_on_the_cluster_too(scheduler):
    from rdflib import RDF
    from rdflib.compare import isomorphic

    from kg.namespace import KG
    from kg.pipeline import build_corpus, build_graph
    from kg.rdf.iri import entity_iri

    sources = [Source("v1", "La ministre Léonie Vasseur a visité Lyon mardi.", "v1.txt"),
               Source("v2", "Selon Mme Vasseur, le plan sera voté en avril.", "v2.txt")]
    here = corpus.serialize(build_corpus(sources), "trig")
    assert corpus.serialize(build_corpus(sources, scheduler=scheduler), "trig") == here
    merged = build_graph(sources, scheduler=scheduler)
    assert set(merged.subjects(RDF.type, KG.Person)) == {entity_iri("Person", "Léonie Vasseur")}
    assert isomorphic(merged, build_graph(sources))
