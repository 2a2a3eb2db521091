"""An ``Evaluation`` as the lines ``talkgraph evaluate`` prints, as JSON, and checked against thresholds."""
from __future__ import annotations

from dataclasses import dataclass

from .evaluation import Evaluation


@dataclass(frozen=True)
class Threshold:
    """A figure that must reach ``limit`` (``at_most``: must not exceed it)."""

    name: str
    limit: float
    at_most: bool = False


def figures(ev: Evaluation) -> dict[str, float]:
    """The headline figures by the names thresholds use."""
    return {"entity-f1": ev.entities.figures.f1, "entity-precision": ev.entities.figures.precision,
            "entity-recall": ev.entities.figures.recall, "relation-recall": ev.relations.figures.recall,
            "relation-precision": ev.relations.figures.precision, "claim-recall": ev.claims.recall,
            "turn-accuracy": ev.turns.accuracy, "duplicates": ev.entities.duplicates,
            "claims-per-sentence": ev.claims.per_sentence, "wrong-offsets": ev.offsets.wrong}


def shortfalls(ev: Evaluation, thresholds: list[Threshold]) -> list[str]:
    values = figures(ev)
    out = []
    for t in thresholds:
        value = values[t.name]
        if (value > t.limit) if t.at_most else (value < t.limit):
            out.append(f"{t.name} {value:.2f} {'>' if t.at_most else '<'} {t.limit:g}")
    return out


def summary(ev: Evaluation) -> str:
    """The headline figures as the JSON gives them (three decimals), shown with two."""
    f = {k: round(v, 3) for k, v in figures(ev).items()}
    return (f"entityF1={f['entity-f1']:.2f} relR={f['relation-recall']:.2f} relP={f['relation-precision']:.2f} "
            f"claimR={f['claim-recall']:.2f} turns={f['turn-accuracy']:.2f}")


def report_lines(ev: Evaluation) -> list[str]:
    t, e, r, a, c, o = ev.turns, ev.entities, ev.relations, ev.attributes, ev.claims, ev.offsets
    lines = [f"turns      {t.in_order}/{t.gold} in order; {t.found} found; contains {t.contains[0]}/{t.contains[1]}; "
             f"headings as turns {t.headings_as_turns}"]
    for k in e.kinds:
        lines.append(f"{k.kind:13} P={k.figures.precision:.2f} R={k.figures.recall:.2f} F1={k.figures.f1:.2f} "
                     f"n={k.extracted} missed={list(k.missed)} false={list(k.false_positives[:12])} "
                     f"duplicates={k.duplicates}")
    lines.append(f"entities   P={e.figures.precision:.2f} R={e.figures.recall:.2f} F1={e.figures.f1:.2f} "
                 f"duplicates={e.duplicates}")
    lines.append(f"relations  {r.found}/{r.required} missed={list(r.missed)}; precision {r.figures.precision:.2f} "
                 f"of {r.between_gold_entities} not in gold={list(r.not_in_gold[:10])}")
    lines.append(f"attributes {a.found}/{a.required} missed={list(a.missed)}")
    lines.append(f"claims     {c.found}/{c.gold} (extracted {c.extracted}, {c.per_sentence:.2f} per turn sentence, "
                 f"from a turn {c.from_turns}) wrong speaker={list(c.wrong_speaker)} missed={list(c.missed)}")
    lines.append(f"offsets    checked {o.checked} wrong {o.wrong} {list(o.examples)}")
    return lines


def as_dict(ev: Evaluation) -> dict:
    r3 = lambda x: round(x, 3)  # noqa: E731
    return {
        "summary": {k: r3(v) for k, v in figures(ev).items()},
        "turns": {"gold": ev.turns.gold, "found": ev.turns.found, "in_order": ev.turns.in_order,
                  "contains": list(ev.turns.contains), "headings_as_turns": ev.turns.headings_as_turns},
        "entities": {k.kind: {"extracted": k.extracted, "precision": r3(k.figures.precision),
                              "recall": r3(k.figures.recall), "f1": r3(k.figures.f1), "missed": list(k.missed),
                              "false_positives": list(k.false_positives), "must_not_hit": list(k.negatives_hit),
                              "duplicates": k.duplicates} for k in ev.entities.kinds},
        "relations": {"required": ev.relations.required, "found": ev.relations.found,
                      "missed": list(ev.relations.missed),
                      "between_gold_entities": ev.relations.between_gold_entities,
                      "not_in_gold": list(ev.relations.not_in_gold)},
        "attributes": {"required": ev.attributes.required, "found": ev.attributes.found,
                       "missed": list(ev.attributes.missed)},
        "claims": {"gold": ev.claims.gold, "found": ev.claims.found, "extracted": ev.claims.extracted,
                   "turn_sentences": ev.claims.turn_sentences, "from_turns": ev.claims.from_turns,
                   "wrong_speaker": list(ev.claims.wrong_speaker), "missed": list(ev.claims.missed)},
        "offsets": {"checked": ev.offsets.checked, "wrong": ev.offsets.wrong, "examples": list(ev.offsets.examples)},
    }
