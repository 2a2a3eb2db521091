"""``build --lexicon FILE``: a user's own names, kinds and aliases, read from a TSV."""
from __future__ import annotations

import subprocess
import sys

import pytest
from rdflib import Graph, Literal, Namespace, RDF

from talkgraph.ontology.lexicon import LexiconEntry, LexiconFileError, read_user_lexicon

SCHEMA = Namespace("https://schema.org/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")

TRANSCRIPT = "访谈\n\n主持人：今天我们聊聊星河微光。\n嘉宾：微光这两年做了青鸾助手，用户很多。我们在织梦开会。\n"
LEXICON = ("# my own names\n"
           "# type: organization\n"
           "星河微光\t微光|Starglow Labs\t\n"
           "# type: model\n"
           "青鸾助手\t青鸾\n"
           "织梦\t\t\tplace\n")


def build(tmp_path, *extra: str) -> subprocess.CompletedProcess:
    (tmp_path / "talk.txt").write_text(TRANSCRIPT, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "talkgraph.graph", "build", str(tmp_path / "talk.txt"),
                           "-o", str(tmp_path / "out"), "--format", "turtle", *extra],
                          capture_output=True, text=True, timeout=300)


def entities(tmp_path) -> dict[str, tuple[set, set]]:
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    out = {}
    for cls in (SCHEMA.Organization, SCHEMA.Place, SCHEMA.SoftwareApplication, SCHEMA.Person):
        for node in graph.subjects(RDF.type, cls):
            name = str(graph.value(node, SCHEMA.name))
            out[name] = (set(graph.objects(node, RDF.type)), {str(a) for a in graph.objects(node, SKOS.altLabel)})
    return out


def test_a_users_names_become_entities_of_their_kinds_with_their_aliases(tmp_path):
    (tmp_path / "mine.tsv").write_text(LEXICON, encoding="utf-8")
    done = build(tmp_path, "--lexicon", str(tmp_path / "mine.tsv"))
    assert done.returncode == 0, done.stderr
    found = entities(tmp_path)
    assert SCHEMA.Organization in found["星河微光"][0] and "微光" in found["星河微光"][1]
    assert SCHEMA.Place in found["织梦"][0]
    assert "青鸾助手" in found and SCHEMA.Organization not in found["青鸾助手"][0]


def test_without_the_lexicon_the_names_are_not_known(tmp_path):
    assert build(tmp_path).returncode == 0
    assert not {"星河微光", "青鸾助手", "织梦"} & set(entities(tmp_path))


@pytest.mark.parametrize("content, message", [
    ("星河\t\t\tanimal\n", "unknown kind 'animal'"),
    ("\t别名\n", "the first column"),
    ("# nothing\n", "no names"),
])
def test_a_bad_lexicon_is_one_line_and_nothing_is_written(tmp_path, content, message):
    (tmp_path / "bad.tsv").write_text(content, encoding="utf-8")
    done = build(tmp_path, "--lexicon", str(tmp_path / "bad.tsv"))
    assert done.returncode != 0 and message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_a_missing_lexicon_file(tmp_path):
    done = build(tmp_path, "--lexicon", str(tmp_path / "nope.tsv"))
    assert done.returncode != 0 and "nope.tsv" in done.stderr and "Traceback" not in done.stderr


def test_reading_kinds_columns_and_comments(tmp_path):
    path = tmp_path / "l.tsv"
    path.write_text("\ufeff甲公司\t甲|Jia Inc\t乙集团\n# type: person\n丙先生\n丁系统\t\t\tsoftware\n", encoding="utf-8")
    assert read_user_lexicon(path) == {
        "organization": (LexiconEntry("甲公司", ("甲", "Jia Inc"), "乙集团"),),
        "person": (LexiconEntry("丙先生", ()),),
        "model": (LexiconEntry("丁系统", ()),),
    }


def test_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "l.tsv"
    path.write_bytes("星河".encode("gbk"))
    with pytest.raises(LexiconFileError, match="UTF-8"):
        read_user_lexicon(path)
