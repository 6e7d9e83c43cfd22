"""Organisations: ministries, military bodies, groups and international organisations, with kind and nation."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span

from kg.extract.people import clean_name
from kg.nlp.gazetteer import Gazetteer, fold

_POSSESSIVE = {"'s", "’s"}


def _kind(name: str, heads: dict[str, str]) -> str:
    words = name.split()
    for word in reversed(words):
        if word in heads:
            return heads[word]
    return "other"


def _nation_before(doc: Doc, ent: Span, ents_by_end: dict[int, Span]) -> Optional[str]:
    end = ent.start
    if end > 0 and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    prev = ents_by_end.get(end)
    if prev is not None and prev.label_ in {"NATION", "NORP"} and prev.kb_id_:
        return prev.kb_id_
    return None


def _org_spans(doc: Doc, gaz: Gazetteer):
    """ORG entities, and known organisations that open a title ("FCO Minister", "NATO Secretary General")."""
    for ent in doc.ents:
        if ent.label_ == "ORG":
            yield ent
        elif ent.label_ == "TITLE":
            for n in range(len(ent) - 1, 0, -1):
                if fold(ent[:n].text) in gaz.org_by_name:
                    yield ent[:n]
                    break


def extract_organisations(doc: Doc, gaz: Gazetteer, heads: dict[str, str], default_nation: Optional[str]) -> tuple[list, dict[int, str]]:
    """The document's organisations and, for each token inside an organisation's name, that organisation's name."""
    from kg.types import Organisation

    ents_by_end = {e.end: e for e in doc.ents}
    found: dict[str, Organisation] = {}
    org_of_token: dict[int, str] = {}
    for ent in _org_spans(doc, gaz):
        entry = gaz.org_by_name.get(fold(ent.kb_id_ or ent.text))
        name = entry.name if entry else clean_name(ent)
        if not name or len(name) < 2:
            continue
        kind = entry.kind if entry else _kind(name, heads)
        nation = (entry.nation if entry and entry.nation else None) or _nation_before(doc, ent, ents_by_end)
        if nation is None:
            leading = gaz.nation_of(name.split()[0]) if kind in {"ministry", "military"} else None
            nation = leading or (default_nation if kind in {"ministry", "military"} else None)
        org = found.setdefault(name, Organisation(name=name, kind=kind, nation=nation))
        org.nation = org.nation or nation
        if ent.text != name and ent.text not in org.aliases:
            org.aliases.append(clean_name(ent))
        for i in range(ent.start, ent.end):
            org_of_token[i] = name
    # "Ukraine Coalition of the Willing" is the "Coalition of the Willing" named on its own elsewhere
    renamed: dict[str, str] = {}
    for name in list(found):
        shorter = [o for o in found if o != name and name.endswith(" " + o) and found[o].kind == found[name].kind]
        if shorter:
            target = max(shorter, key=len)
            renamed[name] = target
            found[target].aliases.append(name)
            del found[name]
    if renamed:
        org_of_token = {i: renamed.get(n, n) for i, n in org_of_token.items()}
    return list(found.values()), org_of_token
