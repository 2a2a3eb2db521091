"""The names components and the masks in the pipeline, on hand-written transcripts."""
from __future__ import annotations

import pytest

from talkgraph.extract import default_pipeline, document_from_text, parse_transcript
from talkgraph.extract.model import Kind
from talkgraph.ontology import lexicon
from talkgraph.ontology.lexicon import LexiconEntry


def mentions(text: str):
    return default_pipeline().run(parse_transcript(document_from_text(text, doc_id="t"))).extraction.mentions


def test_nothing_inside_a_web_address_a_hash_or_code_is_a_name():
    text = ("主持人：原文在 https://example.com/OpenAI/Sora-Guide 这里，![Anthropic](https://x.example.com/Claude.png)，"
            "字段 imageUrl 和 biz=MzU0MDk3ODUwMA 都别管。OpenAI 发布了 Sora。\n")
    found = mentions(text)
    url_end = text.index(" 这里")
    assert all(m.start >= url_end for m in found), [m.text for m in found]
    assert not {"imageUrl", "MzU0MDk3ODUwMA"} & {m.text for m in found}
    assert {"OpenAI", "Sora"} <= {m.text for m in found}


def test_a_link_keeps_its_text():
    found = mentions("主持人：详见[OpenAI 的博客](https://openai.example.com/Blog)。\n")
    assert [m.text for m in found] == ["OpenAI"]


def test_foreign_names_apps_and_brands_reach_the_mentions():
    text = ("主持人：埃里克施密特说过软件会吃掉世界。Ruth Calloway 认为还早。\n\n"
            "嘉宾：我每天在莓果圈上发东西。苹果发布了新手机，我早上吃了一个苹果。\n")
    found = {(m.text, m.kind, m.source, m.canonical) for m in mentions(text)}
    assert ("埃里克施密特", Kind.PERSON, "persons.transliterated", None) in found
    assert ("Ruth Calloway", Kind.PERSON, "persons.latin", None) in found
    assert ("莓果圈", Kind.MODEL, "products.app_context", None) in found
    apples = [m for m in mentions(text) if m.text == "苹果"]
    assert [(m.kind, m.canonical) for m in apples] == [(Kind.ORGANIZATION, "苹果公司")]  # the fruit is left alone


def test_a_name_a_rule_accepted_once_is_found_at_its_other_occurrences_but_not_in_an_address():
    text = ("主持人：作家博尔赫斯说过很多话。我们用Wazzle写文档。\n\n"
            "嘉宾：博尔赫斯的书很好。Wazzle 的文档在 https://example.com/Wazzle 这里。\n")
    found = [(m.text, m.kind, m.start) for m in mentions(text)]
    assert [f[:2] for f in found].count(("博尔赫斯", Kind.PERSON)) == 2
    assert [f[2] for f in found if f[0] == "Wazzle"] == [text.index("Wazzle"), text.index("Wazzle 的")]


def test_a_speakers_given_name_alone_is_that_speaker():
    text = "高峰：人都到齐了吧？立军，后端准备得怎么样？\n\n陈立军：差不多了。\n\n高峰：立军你讲一下。建国，你呢？\n\n王建国：好。\n"
    found = [(m.text, m.kind) for m in mentions(text)]
    assert found.count(("立军", Kind.PERSON)) == 2 and ("立军", Kind.ORGANIZATION) not in found
    assert ("建国", Kind.PERSON) not in found  # 建国 is a word of the language as well as a given name


def test_a_speaker_labelled_by_a_given_name_that_is_also_a_word_is_called_so_in_the_text():
    text = ("陈拓：欢迎二位。先做个自我介绍？\n\n明远：大家好，我是许明远，澜芯科技的创始人。\n\n"
            "可欣：大家好，我是周可欣，深蓝资本合伙人。\n\n陈拓：明远，你当时为什么离开英伟达？\n\n明远：想做推理芯片。\n\n"
            "陈拓：可欣，你为什么投？\n\n可欣：我看重的是明远对问题的诚实。\n\n陈拓：谢谢明远和可欣。\n")
    found = [m.text for m in mentions(text) if m.kind is Kind.PERSON]
    assert found.count("明远") == 3  # 明远 is a word of the dictionary too


@pytest.fixture
def users_people():
    lexicon.use_user_lexicon({"person": (LexiconEntry("周晓岚", ("Lan Zhou", "晓岚")),)})
    yield
    lexicon.use_user_lexicon({})


def test_a_users_people_are_found_under_their_preferred_name(users_people):
    found = [(m.text, m.canonical, m.source) for m in mentions("主持人：Lan Zhou 昨天没来，周晓岚今天来了。\n")
             if m.kind is Kind.PERSON]
    assert ("Lan Zhou", "周晓岚", "persons.lexicon") in found and ("周晓岚", "周晓岚", "persons.lexicon") in found
