"""Organisations: ministries, military bodies, groups and international organisations, with kind and nation."""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from spacy.tokens import Doc, Span

from kg.extract.people import INSTRUMENT, clean_name
from kg.nlp.gazetteer import Gazetteer, fold

_POSSESSIVE = {"'s", "’s"}
# a body of the publishing government by its name's opening words (a foreign one is named with its nation)
_HOME_BODY = re.compile(r"^(White House|U\.S\.|United States|Federal|Office of|Department of|Council on|"
                        r"National( [A-Z][\w-]*)+ (Council|Commission|Agency|Office|Board|Committee|Service|Institutes?))\b")


GOVERNMENT_OF = re.compile(r"\bGovernment of\b")


def _kind(name: str, heads: dict[str, str]) -> str:
    words = name.split()
    for i in range(len(words) - 1, -1, -1):  # the last head word, a longer head first ("Joint Task Force", "Task Force")
        for n in (3, 2, 1):
            if i - n + 1 >= 0 and (head := " ".join(words[i - n + 1:i + 1])) in heads:
                return heads[head]
    return "other"


def _nation_in_name(name: str, gaz: Gazetteer) -> Optional[str]:
    words = name.replace("’s", "").replace("'s", "").split()
    for n in range(min(4, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            iso3 = gaz.nation_of(" ".join(words[i:i + n]))
            if iso3:
                return iso3
    return None


_JOINT_BODY_WORDS = re.compile(r"\b(Joint|Consultative|Dialogue|Strategic|Bilateral|Working Group|Partnership)\b")


def _sides(name: str, gaz: Gazetteer) -> tuple[str, ...]:
    """'U.S.-Israel Strategic Consultative Group': the nations a joint body's name opens with (all of them nations; not
    the "U.S.-China Economic and Security Review Commission", one nation's body)."""
    if not _JOINT_BODY_WORDS.search(name):
        return ()
    parts = name.removeprefix("the ").split(" ", 1)[0].split("-")
    nations = tuple(dict.fromkeys(gaz.nation_of(p) for p in parts))
    return nations if len(parts) >= 2 and len(nations) == len(parts) and None not in nations else ()


def _nation_before(doc: Doc, ent: Span, ents_by_end: dict[int, Span]) -> Optional[str]:
    end = ent.start
    if end > 0 and doc[end - 1].text in _POSSESSIVE:
        end -= 1
    prev = ents_by_end.get(end)
    if prev is not None and prev.label_ in {"NATION", "NORP"} and prev.kb_id_:
        return prev.kb_id_
    return None


def _acts(ent: Span) -> bool:
    """Is a seat of government used for the body that sits there (subject, modifier), not for the place?"""
    root = ent.root
    if root.dep_ == "pobj":
        return root.head.lower_ not in {"in", "at", "to", "from", "outside", "near", "inside", "into", "on", "around"}
    return root.dep_ in {"nsubj", "nsubjpass", "compound", "poss", "nmod", "conj", "appos"}


def _org_spans(doc: Doc, gaz: Gazetteer):
    """ORG entities, and known organisations that open a title ("FCO Minister", "NATO Secretary General")."""
    for ent in doc.ents:
        if ent.label_ == "ORG":
            yield ent
        elif ent.label_ == "GPE" and fold(ent.text.removeprefix("the ")) in gaz.org_by_name and _acts(ent):
            yield ent  # "the White House convened", "White House officials"; "at the White House" stays a place
        elif ent.label_ == "TITLE":
            for n in range(len(ent) - 1, 0, -1):
                if fold(ent[:n].text) in gaz.org_by_name:
                    yield ent[:n]
                    break


def _nation_of_parent(name: str, gaz: Gazetteer) -> Optional[str]:
    """A body named inside a known one ("White House Office of ...", "Department of State Bureau of ...") is its nation's."""
    words = name.split()
    for n in range(len(words) - 1, 1, -1):
        entry = gaz.org_by_name.get(fold(" ".join(words[:n])))
        if entry is not None and entry.nation and entry.kind in {"ministry", "military", "other"}:
            return entry.nation
    return None


def _defined_acronyms(doc: Doc, spans: list[Span]) -> dict[str, Span]:
    """'the White House Office of Gun Violence Prevention (OGVP)': the acronym, wherever it is used, names that office."""
    defined: dict[str, Span] = {}
    for ent in spans:
        i = ent.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].is_upper and len(ent) >= 2:
            acronym = doc[i + 1].text
            initials = [t.text[0] for t in ent if t.text[:1].isupper()]
            if acronym[0] in initials and len(acronym) <= len(initials) + 1:
                defined.setdefault(acronym, ent)
    return defined


_ACRONYM_GLUE = {"of", "on", "and", "for", "the", "in", "to", "’", "'", "-", "–", "&"}


def _spelled_out(doc: Doc) -> dict[str, Span]:
    """'the Intergovernmental Panel on Climate Change (IPCC)', 'Users’ Advisory Group (UAG)': an acronym in brackets
    after words whose initials spell it names an organisation in full, also where the model tagged only the acronym
    or a part of the name."""
    found: dict[str, Span] = {}
    for tok in doc[3:-1]:
        acronym = tok.text
        if not (acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 8) or doc[tok.i - 1].text != "(" \
                or doc[tok.i + 1].text != ")" or acronym in found:
            continue
        end = tok.i - 1
        for start in range(end - 1, max(end - 13, doc[end].sent.start - 1), -1):
            if doc[start].is_punct and doc[start].text not in _ACRONYM_GLUE or doc[start].like_num:
                break
            words = [t for t in doc[start:end] if t.lower_ not in _ACRONYM_GLUE and t.is_alpha]
            if doc[start].is_title and "".join(t.text[0] for t in words).upper() == acronym \
                    and not any(t.ent_type_ in {"TITLE", "PERSON"} for t in doc[start:end]):  # not "Special
                # Presidential Envoy for Climate (SPEC)": a post
                found[acronym] = Span(doc, start, end, label="ORG")
                break
    return found


def extract_organisations(doc: Doc, gaz: Gazetteer, heads: dict[str, str], default_nation: Optional[str]) -> tuple[list, dict[int, str]]:
    """The document's organisations and, for each token inside an organisation's name, that organisation's name."""
    from kg.types import Organisation

    ents_by_end = {e.end: e for e in doc.ents}
    found: dict[str, Organisation] = {}  # by canonical name
    surfaces: dict[str, Counter] = {}
    short_forms: dict[str, set[str]] = {}  # acronyms the text defines, kept as aliases only
    org_of_token: dict[int, str] = {}
    spans = list(_org_spans(doc, gaz))
    acronyms = {tok.text for e in spans if len(e) == 1 for tok in e}
    spelled = {a: f for a, f in _spelled_out(doc).items() if a in acronyms  # an acronym used as an organisation's
               and not any(e.start <= f.start and f.end <= e.end and e.label_ == "ORG" for e in spans)}
    if spelled:  # the full name, not the part of it the model tagged ("Advisory Group", "Islamic State")
        spans = sorted([e for e in spans if not any(f.start <= e.start and e.end <= f.end for f in spelled.values())]
                       + list(spelled.values()), key=lambda e: e.start)
    defined = {**_defined_acronyms(doc, spans), **spelled}
    for ent in spans:
        key = ent.kb_id_ if ent.label_ == "ORG" and ent.kb_id_ else ent.text.removeprefix("the ").removeprefix("The ")
        entry = gaz.org_by_name.get(fold(key))  # a seat of government acting ("the White House convened") by its name
        surface = clean_name(ent)
        named = ent  # the tokens that name it here
        if (entry is None or surface in spelled) and surface in defined:
            short_forms.setdefault(defined[surface], set()).add(surface)
            ent, surface = defined[surface], clean_name(defined[surface])  # "OGVP": the office the text spelled out
            entry = gaz.org_by_name.get(fold(surface))
        canonical = entry.name if entry else surface
        if not canonical or len(canonical) < 2 or entry is None and INSTRUMENT.search(canonical):
            continue  # "the Bipartisan Safer Communities Act", "Extreme Risk Protection Order": a law, not a body
        kind = entry.kind if entry else _kind(canonical, heads)
        nation = (entry.nation if entry and entry.nation else None) or _nation_before(doc, ent, ents_by_end)
        if nation is None:
            nation = _nation_of_parent(canonical, gaz)  # "White House Office of Gun Violence Prevention"
        if nation is None and default_nation and _HOME_BODY.match(canonical) and not _nation_in_name(canonical, gaz):
            nation = default_nation  # "National Economic Council", "Council on Environmental Quality" in a release
        if nation is None and GOVERNMENT_OF.search(canonical):
            nation = _nation_in_name(canonical, gaz)  # "the Government of Kosovo"
        if nation is None and kind in {"ministry", "military"}:
            # "British Army", "Armed Forces of the Philippines": a nation named inside the name; else the publisher's
            nation = _nation_in_name(canonical, gaz) or default_nation
        org = found.setdefault(canonical, Organisation(name=surface, kind=kind, nation=nation, canonical=canonical,
                                                       sides=_sides(canonical, gaz)))
        org.nation = org.nation or nation
        surfaces.setdefault(canonical, Counter())[surface] += 1
        if ent.start > 0 and doc[ent.start - 1].text == "The" and not doc[ent.start - 1].is_sent_start:
            surfaces[canonical][f"The {surface}"] += 0  # "with The Annie E. Casey Foundation": the name as written
        for i in range(named.start, named.end):
            org_of_token[i] = canonical
    for long_form, acronyms in short_forms.items():
        canonical = next((c for c in found if clean_name(long_form) in surfaces[c]), None)
        if canonical is not None:
            surfaces[canonical].update({a: 0 for a in acronyms})
    for canonical, org in found.items():  # named as the text names it most often
        counts = surfaces[canonical]
        org.name = max(counts, key=lambda n: (counts[n], -len(n), n))
        org.aliases = sorted({*counts, canonical} - {org.name})
    org_of_token = {i: found[c].name for i, c in org_of_token.items()}
    renamed: dict[str, str] = {}
    # "the Task Force", "the Commission": a bare head word is the organisation named with it in full (the fullest name)
    for key in [k for k, o in found.items() if o.name in heads]:
        name = found[key].name
        fuller = [k for k, o in found.items() if k != key and re.search(rf"\b{re.escape(name)}\b", o.name)]
        if fuller:
            target = found[max(fuller, key=lambda k: (len(found[k].name), found[k].name))]
            renamed[name] = target.name
            target.aliases.extend(a for a in [name, *found[key].aliases] if a not in target.aliases and a != target.name)
            del found[key]
    # "Ukraine Coalition of the Willing" is the "Coalition of the Willing" named on its own elsewhere
    for key in list(found):
        name = found[key].name
        shorter = [k for k, o in found.items() if k != key and name.endswith(" " + o.name) and o.kind == found[key].kind]
        if shorter:
            target = found[max(shorter, key=lambda k: len(found[k].name))]
            renamed[name] = target.name
            target.aliases.extend(a for a in [name, *found[key].aliases] if a not in target.aliases and a != target.name)
            del found[key]
    if renamed:
        def final(name: str) -> str:  # "Task Force" -> "First Interagency Task Force" -> ...: the name kept last
            seen = set()
            while name in renamed and name not in seen:
                seen.add(name)
                name = renamed[name]
            return name
        org_of_token = {i: final(n) for i, n in org_of_token.items()}
    return list(found.values()), org_of_token
