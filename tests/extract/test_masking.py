"""Spans that name nothing (addresses, link targets, images, hashes, code) on hand-written lines."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from talkgraph.extract.masking import masked_spans, outside_masks, touches_mask


def masked(text: str) -> list[str]:
    return [text[s:e] for s, e in masked_spans(text)]


@pytest.mark.parametrize("text, piece", [
    ("原文见 https://example.com/a/b?id=Xy12Zq9 欢迎转发", "https://example.com/a/b?id=Xy12Zq9"),
    ("来源：www.example.org/news/123。", "www.example.org/news/123"),
    ("主页 www.example.org 上有", "www.example.org"),
    ("本地 http://localhost:8080 打开", "http://localhost:8080"),
    ("链接mp.weixin.qq.com/s/AbCdEf在这里", "mp.weixin.qq.com/s/AbCdEf"),
    ("文章地址 news.example.com 上有", "news.example.com"),
    ("联系 someone@example.com 就行", "someone@example.com"),
    ("![配图](https://img.example.com/x.png)后面是正文", "![配图](https://img.example.com/x.png)"),
    ("<img src=\"a.png\" alt=\"Foo Bar\"/>", "<img src=\"a.png\" alt=\"Foo Bar\"/>"),
    ("字段 imageUrl 为空", "imageUrl"),
    ("调用 getElementById 拿到", "getElementById"),
    ("变量 image_url 和", "image_url"),
    ("运行 `pip install Foo` 即可", "`pip install Foo`"),
    ("biz=MzU0MDk3ODUwMA 这一段", "MzU0MDk3ODUwMA"),
    ("token aGVsbG8gd29ybGQ= 过期", "aGVsbG8gd29ybGQ="),
    ("提交 3f9a2b7c1d4e5f60718293a4 已合并", "3f9a2b7c1d4e5f60718293a4"),
    ("看 cover_final.JPG 这张", "cover_final.JPG"),
    ("STYLE\n::cue(v[voice=\"宋婉清\"]) { color: #ffd966; }\n", "{ color: #ffd966; }"),
])
def test_what_is_masked(text, piece):
    assert piece in masked(text)


def test_link_text_is_kept_and_only_its_target_masked():
    text = "详见[OpenAI 的博客](https://openai.com/blog)。"
    assert masked(text) == ["(https://openai.com/blog)"]


@pytest.mark.parametrize("text", [
    "我们用 DeepSeek-V3 和 Qwen2-72B 做了对比",
    "GPT-4o 比 GPT-4 Turbo 快",
    "iPhone 和 iPad 以及 macOS 都支持",
    "他在 OpenAI 工作，去过 Character.ai 和 v0.dev",
    "H100 和 A100 的价格，Llama 3.1 405B",
    "Sam Altman 说 AGI 很快会来",
    "2024年3月15日，营收12345678900元",
])
def test_names_versions_and_numbers_are_not_masked(text):
    assert masked(text) == []


def test_touches_mask_and_outside_masks():
    masks = ((3, 6), (10, 12))
    assert touches_mask(masks, 5, 8) and touches_mask(masks, 0, 4) and touches_mask(masks, 11, 20)
    assert not touches_mask(masks, 6, 10) and not touches_mask(masks, 0, 3) and not touches_mask(masks, 12, 15)
    spans = [(0, 2, "a"), (4, 5, "b"), (7, 9, "c"), (9, 11, "d")]
    assert list(outside_masks(spans, masks)) == [(0, 2, "a"), (7, 9, "c")]


def test_a_slice_is_masked_with_document_offsets():
    text = "前言。链接 https://example.com/x 结束"
    start = text.index("链接")
    (span,) = masked_spans(text, start, len(text))
    assert text[span[0]:span[1]] == "https://example.com/x"


@given(st.text(alphabet=st.sampled_from(list("ab AZ09_.:/=()[]!`<>中文@-")), max_size=60))
def test_masks_are_sorted_disjoint_and_inside_the_text(text):
    spans = masked_spans(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] < b[0] for a, b in zip(spans, spans[1:]))


def test_a_medicines_name_is_masked_from_its_stem_back_one_character():
    assert masked("二线用卡瑞利珠单抗和阿帕替尼，张三用了他汀。") == ["珠单抗", "帕替尼", "了他汀"]
