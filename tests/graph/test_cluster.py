"""``talkgraph build --cluster``: the per-transcript work on a real Dask cluster (a ``LocalCluster``
of two worker processes on 127.0.0.1), with files byte-identical to a local build's."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import run_cli

distributed = pytest.importorskip("distributed", reason="the cluster extra (distributed) is not installed")

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"  # two small transcripts of our own


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local.scheduler_address


@pytest.fixture
def transcripts(tmp_path: Path, sample_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS, folder)
    shutil.copy(sample_path, folder / "idea.txt")
    return folder


def files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_build_on_a_cluster_writes_the_bytes_of_a_local_build(cluster, transcripts, tmp_path):
    formats = ["--format", "turtle", "--format", "nquads", "--format", "html", "--format", "graphml"]
    local = run_cli("build", str(transcripts), "-o", str(tmp_path / "local"), *formats)
    remote = run_cli("build", str(transcripts), "-o", str(tmp_path / "remote"), "--cluster", cluster, *formats)
    assert local.returncode == 0, local.stderr
    assert remote.returncode == 0, remote.stderr
    built_locally = files(tmp_path / "local")
    assert set(built_locally) == {"ontology.ttl", "graph.ttl", "graph.nq", "graph.html", "graph.graphml"}
    assert files(tmp_path / "remote") == built_locally
    assert "赵明远" in built_locally["graph.ttl"].decode("utf-8")
    summaries = [line for line in local.stderr.splitlines() if not line.startswith("wrote ")]
    assert len(summaries) >= 3  # one per transcript at least
    assert [line for line in remote.stderr.splitlines() if not line.startswith("wrote ")] == summaries


def test_a_bad_transcript_on_the_cluster_is_one_line_and_no_output(cluster, transcripts, tmp_path):
    (transcripts / "broken.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe\x00")
    done = run_cli("build", str(transcripts), "-o", str(tmp_path / "out"), "--cluster", cluster)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("error: ")
    assert "broken.txt" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_no_scheduler_at_the_address_is_one_line(transcripts, tmp_path, monkeypatch):
    from talkgraph.extract.errors import InputError
    from talkgraph.graph import cluster as cluster_module
    from talkgraph.graph.pipeline import build_graph

    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT_S", 1)
    with pytest.raises(InputError, match="cannot reach a Dask scheduler"):
        build_graph([transcripts], cluster="tcp://127.0.0.1:9")


def test_a_users_lexicon_reaches_the_workers_even_after_a_build_without_it(cluster, tmp_path):
    from tests.graph.test_user_lexicon import LEXICON, TRANSCRIPT

    (tmp_path / "in").mkdir()
    for n in range(4):  # more transcripts than workers: each worker serves some
        (tmp_path / "in" / f"talk{n}.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "mine.tsv").write_text(LEXICON, encoding="utf-8")
    plain = run_cli("build", str(tmp_path / "in"), "-o", str(tmp_path / "plain"), "--format", "turtle",
                    "--cluster", cluster)
    assert plain.returncode == 0, plain.stderr
    assert "/organization/星河微光>" not in (tmp_path / "plain" / "graph.ttl").read_text(encoding="utf-8")
    mine = ["--format", "turtle", "--lexicon", str(tmp_path / "mine.tsv")]
    remote = run_cli("build", str(tmp_path / "in"), "-o", str(tmp_path / "remote"), "--cluster", cluster, *mine)
    local = run_cli("build", str(tmp_path / "in"), "-o", str(tmp_path / "local"), *mine)
    assert remote.returncode == 0 and local.returncode == 0, remote.stderr + local.stderr
    assert files(tmp_path / "remote") == files(tmp_path / "local")
    assert "/organization/星河微光>" in (tmp_path / "remote" / "graph.ttl").read_text(encoding="utf-8")
