"""People with the titles bound to them, clustered within a document.

Patterns read (titles come from `patterns/titles.csv`, nations from `nations.csv`):
- title chain before a name: "German Defence Minister Boris Pistorius", "Chief of the Defence Staff Admiral Sir
  Tony Radakin", "Japan's Prime Minister X", "Secretary General of CARICOM Dr. Carla Barnett";
- after a name: "John Healey MP", "Prime Minister X of Japan", "X, the Iraqi Prime Minister,";
- apposition before a name: "The Defence Secretary, John Healey,"; "his French counterpart, Minister X" (the
  counterpart shares the role of the person named before);
- later mentions: by surname ("Healey") and by title alone ("the Defence Secretary").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span

from kg.nlp.components import TITLE_LABELS, TITLE_MODIFIERS, paragraphs
from kg.nlp.gazetteer import Gazetteer, fold
from kg.resolve.names import full_names_compatible, name_tokens
from kg.types import Person, Post

_POSSESSIVE = {"'s", "’s"}
_DETERMINERS = {"the", "his", "her", "their", "its"}
_SUFFIX_WORDS = {"II", "III", "IV", "Jr.", "Jr", "Sr.", ","}  # "King Abdullah II of Jordan"
_COUNTERPART = {"counterpart", "counterparts"}
_GENERIC_TITLES = {"minister", "secretary"}  # roles taken from context when known


@dataclass
class PersonMention:
    name: str
    start: int  # token span of the name
    end: int
    surface: str  # the text with its titles, e.g. "Defence Secretary John Healey"
    posts: list[Post] = field(default_factory=list)
    nation: Optional[str] = None
    counterpart: bool = False
    explicit_nation: bool = False
    leading_nation: Optional[str] = None  # from a demonym or nation word before the title ("Bahraini King Hamad")
    alias_of: Optional[int] = None  # the earlier mention this one is another name of ("X, also known as Y")


@dataclass
class PeopleResult:
    persons: list[Person]
    token_person: dict[int, str]  # token index -> person name, for every mention (names and titles alone)


def clean_name(span: Span) -> str:
    """The span's text without a trailing possessive, commas or hyphens."""
    tokens = list(span)
    while tokens and (tokens[-1].text in _POSSESSIVE or tokens[-1].text in {",", "-", "–"}):
        tokens = tokens[:-1]
    name = "".join(t.text_with_ws for t in tokens).strip()
    return " ".join(name.split())


_STANDING = {"Interim", "Acting", "Presumptive", "Incoming", "Outgoing", "Caretaker", "Transitional"}  # "Venezuelan Interim President"
_JUNIOR = {"Deputy", "Vice", "Assistant", "Under", "Associate"}  # deputies are officials (gold/README.md "Roles"); an acting holder is not


# words that name a public body; an organisation with none of them that the gazetteer does not know is private
INSTRUMENT = re.compile(r"\b(Act|Order|Agreement|Accords?|Treaty|Plan|Strategy|Doctrine|Bill)$")  # a law or plan, no body
_PUBLIC_BODY = re.compile(r"\b(Department|Ministry|Office|Agency|Administration|(?<!Farm )Bureau|Senate|House|Assembly|Parliament|"
                          r"Congress|Cabinet|Government|Embassy|Army|Navy|Air Force|Marine Corps|Coast Guard|Command|"
                          r"Forces|Guard|White House|Federal|National \w+ Council|Policy Council|Council of|Commission|"
                          r"Authority|State of|City of|County|Centers for|Institutes? of|Service|Mission|Court|Central Bank|National Endowment)\b|^(U\.S\.|United States)\b")


def private_org(org: str, gaz: Gazetteer) -> bool:
    """'Oklahoma Farmers Union', 'Lucid Motors': not a government's or an international body (by name or gazetteer)."""
    return fold(org) not in gaz.org_by_name and not _PUBLIC_BODY.search(org)


def private_post(post: Post, gaz: Gazetteer) -> bool:
    """A post outside any government: in a private organisation ("CEO, Blink Charging") or a trade ("Actor and Author")."""
    return post.role == "Other" and (bool(post.org) and private_org(post.org, gaz) or gaz.is_occupation(post.title))


def _org_named(ent: Span) -> str:
    """An organisation's name as the gazetteer or the text gives it, without a joining word the model ran into it."""
    return ent.kb_id_ or re.sub(r"^(?:and|or|the)\s+", "", ent.text)


def _cabinet_role(title: str, org: str) -> Optional[str]:
    """The minister's role of a Secretary or Minister who heads a department or ministry (None otherwise)."""
    if title not in {"Secretary", "Minister"} or not re.search(r"\b(Department|Ministry)\b", org):
        return None
    return "DefenceMinister" if re.search(r"\bDefen[cs]e\b", org) else "ForeignMinister" if re.search(
        r"\b(State|Foreign Affairs)\b", org) else "OtherMinister"


def _title_post(ent: Span, gaz: Gazetteer, nation: Optional[str], org: Optional[str] = None, title_text: Optional[str] = None) -> Post:
    entry = gaz.title_by_name.get(fold(ent.kb_id_ or ent.text))
    role = entry.role if entry and entry.role else "Other" if entry or not org or private_org(org, gaz) else "Official"
    start = ent.start
    while start > ent.sent.start and ent.doc[start - 1].text in TITLE_MODIFIERS and not ent.doc[start - 1].ent_type_:
        start -= 1  # "Senior Director", "Principal Deputy National Security Advisor"
    if start < ent.start and entry is not None:
        modifiers = {t.text for t in ent.doc[start:ent.start]}
        if modifiers & _JUNIOR:
            role = "Official"
        title_text = f"{ent.doc[start:ent.start].text} {title_text or entry.title}"
    if org and entry is not None and (cabinet := _cabinet_role(entry.title, org)):
        role = cabinet  # "Secretary of the Department of Transportation": a cabinet post, named by its department
    if org and nation is None and (of_nation := re.search(r"\bof (?:the )?([A-Z][\w .'-]+)$", org)):
        nation = gaz.nation_of(of_nation.group(1))  # "Secretary of the National Security Council of Mongolia"
    if org and private_org(org, gaz) or entry is not None and entry.kind == "occupation" and not org:
        role, nation = "Other", None  # "President, Oklahoma Farmers Union", "CEO of Lucid Motors", "Actor": no public post
    return Post(title=title_text or (entry.title if entry else ent.text), role=role, nation=nation or (entry.nation if entry and entry.nation else None), org=org)


def _determined(doc: Doc, title: Span) -> bool:
    """'the Defence Secretary and ...' names a person of its own; 'Assistant to the President and Director ...' not."""
    return title.start > title.sent.start and doc[title.start - 1].lower_ in _DETERMINERS


_PUBLIC_ROLES = {"Legislator", "OtherMinister", "DefenceMinister", "ForeignMinister", "MilitaryOfficer", "Diplomat",
                 "NationalSecurityAdviser"}  # posts only a government has
_TAIL_WORDS = {"the", "and", "of", "for", "on", "to", "in", "at"}


def _title_tail(gap: Span) -> bool:
    """'for Western Hemisphere Affairs', 'for the Americas': the rest of a long title, up to the name."""
    words = list(gap)
    return bool(words) and words[0].lower_ in {"for", "of", "on"} and len(words) <= 8 \
        and all(t.lower_ in _TAIL_WORDS or t.is_title or t.is_upper or t.text in _POSSESSIVE for t in words) \
        and any(t.is_title for t in words)  # "Ambassador-at-Large for Global Women's Issues"


def _at_org(between: Span) -> bool:
    """'for Tax Policy at the' between a title and an organisation: the title's tail and 'at (the)'."""
    words = [t.lower_ for t in between]
    at = 2 if words[-2:] == ["at", "the"] else 1 if words[-1:] == ["at"] else 0
    return at > 0 and (len(words) == at or _title_tail(between[:len(words) - at]))


def _chain_left(doc: Doc, ents: list[Span], k: int, gaz: Gazetteer) -> tuple[list[Post], Optional[str], int]:
    """Titles, ranks and nation words right before ents[k]; returns posts, nation, start of the chain."""
    pos = ents[k].start
    sent_start = ents[k].sent.start
    if sent_start == pos and pos >= 4 and doc[pos - 1].text == ")" and doc[pos - 3].text == "(":
        sent_start = doc[pos - 4].sent.start  # the model may end a sentence at "Advisor (PDNSA)" before the name
    j = k - 1
    posts: list[Post] = []
    nation: Optional[str] = None
    pending_org: Optional[Span] = None
    ranks: list[Post] = []  # a rank counts as the post only when no post is named ("General X")
    while j >= 0 and ents[j].start >= sent_start:
        prev = ents[j]
        gap = doc[prev.end:pos]
        gap_text = [t.text for t in gap]
        if len(gap_text) == 3 and gap_text[0] == "(" and gap_text[2] == ")" and gap_text[1].isupper():
            gap_text = []  # "Principal Deputy National Security Advisor (PDNSA) Jon Finer"
        tail = not posts and pos == ents[k].start and prev.label_ == "TITLE" and _title_tail(gap)
        if prev.label_ == "TITLE" and (not gap_text or tail) and j >= 1 and ents[j - 1].label_ == "TITLE" \
                and [t.lower_ for t in doc[ents[j - 1].end:prev.start]] == ["to", "the"]:
            # "Senior Advisor to the President (for International Climate Policy) Cedric Richmond": one post, not the
            # President's (but "Special Advisor to Ambassador X": X is the ambassador)
            first = ents[j - 1]
            posts.insert(0, _title_post(first, gaz, None, None, doc[first.start:pos if tail else prev.end].text))
            pos = first.start
            j -= 2
            continue
        of_gap = [t.lower() for t in gap_text] in (["of"], ["of", "the"])
        if prev.label_ in TITLE_LABELS and (not gap_text or tail or of_gap and pending_org is not None
                                              or gap_text == ["and"] and posts and prev.label_ == "TITLE"
                                              and nation is None and not _determined(doc, prev)):
            if prev.label_ in {"TITLE", "POSTNOMINAL"}:
                title_text = doc[prev.start:pos].text if tail else None  # "Senior Director for Western Hemisphere Affairs"
                org = None
                if pending_org is not None and of_gap:
                    title_text = doc[prev.start:pending_org.end].text
                    org = pending_org.kb_id_ or pending_org.text
                    pending_org = None
                posts.insert(0, _title_post(prev, gaz, None, org, title_text))
            elif prev.label_ == "RANK":
                entry = gaz.title_by_name.get(fold(prev.kb_id_ or prev.text))
                ranks.insert(0, Post(title=prev.text, role=(entry.role if entry and entry.role else "MilitaryOfficer")))
        elif prev.label_ in {"NATION", "NORP"} and prev.kb_id_ and posts and (
                not gap_text or gap_text[0] in _POSSESSIVE and len(gap_text) == 1 or all(w in _STANDING for w in gap_text)
                or len(gap) <= 5 and gap[0].is_title and gap[-1].is_title and posts[0].role != "Other"
                and all((t.is_title or t.lower_ == "and") and not t.ent_type_ for t in gap)):
            # "Brazilian Presidential Advisor X", "German Chancellery Foreign and Security Policy Advisor Y": the words
            # between the nation and the title are the title's own
            nation = nation or prev.kb_id_
        elif prev.label_ == "GPE" and "|" in prev.kb_id_ and not gap_text and posts and nation is None \
                and (prev.start == 0 or doc[prev.start - 1].lower_ not in {"in", "at", "from", "to", "near", "outside", "across"}):
            nation = prev.kb_id_.split("|", 1)[0]  # "Abu Dhabi Crown Prince X", "Kyiv Mayor X": the place's nation
        elif prev.label_ in {"NATION", "GPE"} and prev.kb_id_ and gap_text in ([], [","]) and not posts and prev.start >= 2 \
                and doc[prev.start - 1].lower_ == "of" and j >= 1 and ents[j - 1].label_ == "TITLE" and (
                    ents[j - 1].end == prev.start - 1 or _title_tail(doc[ents[j - 1].end:prev.start - 1])):
            # "Crown Prince of Abu Dhabi Mohamed bin Zayed": the title's place names the nation served ("Prime Minister
            # of Ukraine, Denys Shmyhal"; "Deputy Prime Minister for Restoration of Ukraine Oleksandr Kubrakov")
            nation = prev.kb_id_.split("|", 1)[0]
            title = ents[j - 1]
            posts.insert(0, _title_post(title, gaz, nation, None, doc[title.start:prev.start - 1].text if prev.label_ == "NATION"
                                        else doc[title.start:prev.end].text))
            pos = title.start
            j -= 2
            continue
        elif prev.label_ in {"NATION", "GPE"} and prev.kb_id_ and gap_text in ([], [","]) and not posts and prev.start >= 2 \
                and doc[prev.start - 1].lower_ == "of" and j >= 2 and ents[j - 1].label_ == "ORG" \
                and ents[j - 1].end == prev.start - 1 and ents[j - 2].label_ == "TITLE" \
                and [t.lower_ for t in doc[ents[j - 2].end:ents[j - 1].start]] in (["of"], ["of", "the"]):
            # "Head of the Foreign Relations Department of the Presidential Administration of Azerbaijan Hikmat Hajiyev"
            nation = prev.kb_id_.split("|", 1)[0]
            title, body = ents[j - 2], ents[j - 1]
            posts.insert(0, _title_post(title, gaz, nation, body.kb_id_ or body.text, doc[title.start:body.end].text))
            pos = title.start
            j -= 3
            continue
        elif prev.label_ == "ORG" and not gap_text and posts and nation is None and pending_org is None \
                and gaz.is_international_post("", _org_named(prev)):
            # "European Council President Charles Michel": an international body's post serves no nation (also when
            # the model ran "and" into the name: "... and European Council President Charles Michel")
            org = _org_named(prev)
            first = posts[0]
            role = "Official" if first.role in {"HeadOfState", "HeadOfGovernment", "Other"} else first.role
            posts[0] = Post(first.title, role, None, org)
            pos = prev.start
            break
        elif prev.label_ == "ORG" and not gap_text and len(posts) == 1 and pending_org is None and posts[0].org is None \
                and (cabinet := _cabinet_role(posts[0].title, prev.kb_id_ or prev.text)):
            # "Department of the Interior Secretary Deb Haaland": the department's secretary, a cabinet post
            posts[0] = Post(posts[0].title, cabinet, posts[0].nation, prev.kb_id_ or prev.text)
            pos = prev.start
            break
        elif prev.label_ == "ORG" and not gap_text and posts and nation is None and pending_org is None \
                and all(q.org is None for q in posts) and posts[0].role in {"HeadOfState", "HeadOfGovernment", "Other"} \
                and prev.text[:1].isupper() and not INSTRUMENT.search(prev.text) and not _state_chamber(prev.text, gaz) \
                and not gaz.nation_of(prev.text.split()[0]):  # (not "Palestinian Authority President X": a people's own)
            # "Eversource President and CEO Joe Nolan", "AFL-CIO President X": a private body's head, no state's;
            # "Central Bank President Y": a public body's, an official (not the nation's president)
            org = _org_named(prev)
            private = private_org(org, gaz)
            posts = [Post(q.title, "Other" if private else "Official" if q.role in {"HeadOfState", "HeadOfGovernment"} else q.role,
                          None if private else q.nation, org) for q in posts]
            pos = prev.start
            break
        elif prev.label_ == "ORG" and not gap_text and posts and pending_org is None and _state_chamber(prev.text, gaz) \
                and posts[0].role in {"HeadOfState", "Legislator", "Official"}:
            # "California Senate President Pro Tempore X", "Hawaii Senate President Y": the chamber's presiding officer
            posts[0] = _presiding_officer(prev.text, posts[0], prev.kb_id_ or prev.text)
            pos = prev.start
            j -= 1
            continue
        elif prev.label_ == "ORG" and j >= 1 and ents[j - 1].label_ == "TITLE" and (
                # "Director of the Office of the Foreign Affairs Commission and Foreign Minister Wang Yi": two posts
                gap_text == ["and"] and posts and [t.lower_ for t in doc[ents[j - 1].end:prev.start]] in (["of"], ["of", "the"])
                # "Assistant Secretary for Tax Policy at the Department of the Treasury Lily Batchelder": one post
                or not gap_text and not posts and _at_org(doc[ents[j - 1].end:prev.start])):
            title = ents[j - 1]
            posts.insert(0, _title_post(title, gaz, None, prev.kb_id_ or prev.text, doc[title.start:prev.end].text))
            pos = title.start
            j -= 2
            continue
        elif prev.label_ == "ORG" and not gap_text and prev.start >= 2 and doc[prev.start - 1].lower_ in {"of", "the"} \
                and any(e.end in (prev.start - 1, prev.start - 2) and e.label_ == "TITLE" for e in ents[max(0, j - 1):j]):
            pending_org = prev  # "Secretary General of CARICOM Dr. X": the org belongs to the title before it
        else:
            break
        pos = prev.start
        j -= 1
    return posts or ranks[:1], nation, pos


def _apposition_left(doc: Doc, ents: list[Span], k: int, chain_start: int, gaz: Gazetteer) -> tuple[list[Post], Optional[str], bool]:
    """'The Defence Secretary, John Healey' and 'his French counterpart, Minister X'."""
    if chain_start == 0 or doc[chain_start - 1].text != ",":
        return [], None, False
    comma = chain_start - 1
    sent_start = doc[comma].sent.start
    # counterpart: "his French counterpart ,"
    i = comma - 1
    if i >= sent_start and doc[i].lower_ in _COUNTERPART:
        nation = None
        for t in doc[max(sent_start, i - 3):i]:
            ent_here = [e for e in ents if e.start <= t.i < e.end and e.label_ in {"NATION", "NORP"} and e.kb_id_]
            if ent_here:
                nation = ent_here[0].kb_id_
        return [], nation, True
    prev = [e for e in ents if e.end == comma and e.label_ == "TITLE"]
    if not prev:
        return [], None, False
    title = prev[0]
    end = ents[k].end
    if end + 1 < len(doc) and doc[end].text == "," and any(e.start == end + 1 and e.label_ in TITLE_LABELS for e in ents):
        return [], None, False  # "the Vice President, Dr. X, Director Y, and ...": a list, not an apposition
    before = doc[title.start - 1] if title.start > sent_start else None
    nation = None
    if before is not None and before.lower_ not in _DETERMINERS:
        nat = [e for e in ents if e.end == title.start and e.label_ in {"NATION", "NORP"} and e.kb_id_]
        if not nat:
            return [], None, False
        nation = nat[0].kb_id_
    return [_title_post(title, gaz, nation)], nation, False


def _closed(doc: Doc, title: Span) -> bool:
    """An apposition ends at a comma or the sentence end ("X, the Iraqi Prime Minister, said"); in a headline
    "Carter, Iraqi Prime Minister Discuss" the title belongs to the next name."""
    return title.end >= title.sent.end or doc[title.end].text in {",", ".", ";", ")", "of"} or doc[title.end].is_punct


def _right(doc: Doc, ents: list[Span], k: int, gaz: Gazetteer, index: _Index) -> tuple[list[Post], Optional[str]]:
    """'John Healey MP', 'X of Japan', 'X, the Iraqi Prime Minister'."""
    ent = ents[k]
    posts: list[Post] = []
    nation = None
    nxt = ents[k + 1] if k + 1 < len(ents) and ents[k + 1].start < ent.sent.end else None
    if nxt is not None and nxt.start == ent.end and nxt.label_ == "POSTNOMINAL":
        posts.append(_title_post(nxt, gaz, None))
    elif nxt is not None and nxt.label_ == "NATION" and [t.lower_ for t in doc[ent.end:nxt.start] if t.text not in _SUFFIX_WORDS] in (["of"], ["of", "the"]):
        nation = nxt.kb_id_
    elif nxt is not None and doc[ent.end:ent.end + 1].text == ",":
        words = [t.lower_ for t in doc[ent.end + 1:nxt.start]]
        if words in (["the"], []) and nxt.label_ in {"NATION", "NORP"} and k + 2 < len(ents) and ents[k + 2].label_ == "TITLE" \
                and ents[k + 2].start == nxt.end + (1 if doc[nxt.end].text in _POSSESSIVE else 0) and _closed(doc, ents[k + 2]):
            posts.append(_title_post(ents[k + 2], gaz, nxt.kb_id_))
            nation = nxt.kb_id_
        elif words[:1] == ["the"] and all(t.is_title for t in doc[ent.end + 2:nxt.start]) and nxt.label_ == "TITLE" \
                and (_closed(doc, nxt) or doc[nxt.end:nxt.end + 1].text == "of"):
            after = doc[nxt.end:nxt.end + 2]
            if len(after) == 2 and after[0].text == "of":
                nat = [e for e in ents if e.start == nxt.end + 1 and e.label_ == "NATION"]
                if nat:
                    nation = nat[0].kb_id_
            # "Ali Zaidi, the National Climate Advisor,": the words before the title are part of it
            posts.append(_title_post(nxt, gaz, nation, None, doc[ent.end + 2:nxt.end].text if len(words) > 1 else None))
        elif nxt.label_ == "NATION" and all(doc[i].text in TITLE_MODIFIERS for i in range(ent.end + 1, nxt.start)) \
                and k + 2 < len(ents) and ents[k + 2].label_ == "TITLE" and (words or nxt.kb_id_) \
                and all(doc[i].text in TITLE_MODIFIERS for i in range(nxt.end, ents[k + 2].start)) and ents[k + 2].start - nxt.end <= 2 \
                and not _leads_into_name(doc, index, ents[k + 2].end):
            # (not "Advisor X, U.S. Ambassador to Mexico Ken Salazar": that post is the next name's)
            # "X, Principal Deputy U.S. Chief Technology Officer", "Y, U.S. Special Envoy to ...": the nation inside the post
            title = ents[k + 2]
            modifiers = doc[ent.end + 1:nxt.start] if words else doc[nxt.end:title.start]
            post = _title_post(title, gaz, nxt.kb_id_, None, f"{modifiers.text} {title.text}".strip())
            junior = any(t.text in _JUNIOR for t in modifiers)  # "Deputy U.S. Trade Representative": an official
            posts.append(Post(post.title, "Official", post.nation, post.org) if junior else post)
            nation = nxt.kb_id_
        elif nxt.label_ == "GPE" and "|" in nxt.kb_id_ and nxt.start == ent.end + 1 and k + 2 < len(ents) \
                and ents[k + 2].label_ == "TITLE" and ents[k + 2].start == nxt.end and _closed(doc, ents[k + 2]):
            # "Brian Frosh, Maryland Attorney General": a state's post, an official's (not "X, White House Counsel Y")
            post = _title_post(ents[k + 2], gaz, nxt.kb_id_.split("|", 1)[0], None, f"{nxt.text} {ents[k + 2].text}")
            posts.append(Post(post.title, _state_role(post.role), post.nation, post.org))
        elif nxt.label_ == "TITLE" and nxt.start - ent.end <= 4 and all(
                t.text in TITLE_MODIFIERS or t.is_title for t in doc[ent.end + 1:nxt.start]):
            # "X, Deputy Assistant Secretary of Defense", "X, Diplomatic Advisor to the Prime Minister of Italy"
            appended = _appended_titles(doc, ents, k + 1, gaz, index)
            after = [t.lower_ for t in doc[nxt.end:nxt.end + 2]]
            place = next((e for e in ents[k + 2:k + 3] if e.label_ == "GPE" and e.start in (nxt.end + 1, nxt.end + 2)), None)
            if place is not None and after[:1] == ["for"] and after[1:2] in (["the"], [place.text.split()[0].lower()]) and appended:
                # "X, Attorney General for the District of Columbia": a state's or a city's post
                first = appended[0]
                appended[0] = Post(f"{first.title} for {doc[nxt.end + 1:place.end].text}", _state_role(first.role), first.nation, first.org)
            posts.extend(appended)
        elif nxt.label_ == "ORG" and nxt.start == ent.end + 1 and k + 2 < len(ents) and ents[k + 2].label_ == "TITLE" \
                and all(t.text in TITLE_MODIFIERS for t in doc[nxt.end:ents[k + 2].start]):
            # "X, Department of State Assistant Secretary for ...": the organisation's post
            appended = _appended_titles(doc, ents, k + 2, gaz, index, nxt.kb_id_ or clean_name(nxt))
            if appended and _state_chamber(nxt.text, gaz) and appended[0].role in {"HeadOfState", "Legislator", "Official"}:
                appended[0] = _presiding_officer(nxt.text, appended[0])  # "Karen Spilka, Massachusetts Senate President"
            posts.extend(appended)
    return posts, nation


@dataclass(frozen=True)
class _Index:
    """Per-document lookups the title readers need, computed once."""

    person_starts: frozenset[int]
    paragraph_ends: frozenset[int]
    line_org: dict[int, str]  # token -> the organisation ending its line ("Name, Post, Organisation")

    @classmethod
    def of(cls, doc: Doc, ents: list[Span]) -> "_Index":
        bounds = paragraphs(doc)
        line_org: dict[int, str] = {}
        for start, end in bounds:
            inside = [e for e in ents if start <= e.start and e.end <= end]
            if len(inside) >= 2 and inside[-1].end + 1 == end and doc[inside[-1].start - 1].text == "(" and doc[end - 1].text == ")":
                inside.pop()  # "Muslim Public Affairs Council (MPAC)": the acronym after the name
            last = inside[-1] if inside else None
            tail = [t.text for t in doc[last.end:end]] if last is not None else []
            if last is not None and last.label_ == "ORG" and last.start > start and doc[last.start - 1].text == "," and end - start <= 40 \
                    and (not tail or 3 <= len(tail) <= 5 and tail[0] == "(" and tail[-1] == ")"):  # "..., Council (CAIR)", "(National ACE)"
                line_org.update(dict.fromkeys(range(start, last.start), last.kb_id_ or clean_name(last)))
        return cls(frozenset(e.start for e in ents if e.label_ == "PERSON"), frozenset(e for _, e in bounds), line_org)


def _name_after_tail(doc: Doc, index: _Index, end: int) -> bool:
    """Does the rest of a title ("for External Affairs") lead straight into a person's name?"""
    if end >= len(doc) or doc[end].lower_ not in {"for", "of", "on", "to"}:
        return False  # "Julie Su, Acting Secretary of Labor and Lael Brainard": "and" opens no tail
    person_starts = index.person_starts
    i = end
    while i < len(doc) and i - end < 8 and i not in person_starts and (
            doc[i].lower_ in _TAIL_WORDS or doc[i].is_title and not doc[i].is_sent_start):
        i += 1
    return i > end and i in person_starts and not doc[i].is_sent_start


def _leads_into_name(doc: Doc, index: _Index, end: int) -> bool:
    """Does a title (with its tail, "to Mexico") run straight into a name, found or not ("... Ambassador to Mexico Ken
    Salazar")? Then the post is that name's."""
    if end >= len(doc) or end in index.paragraph_ends or doc[end].is_sent_start:
        return False  # the line or sentence ends with the post
    if end in index.person_starts or _name_after_tail(doc, index, end):
        return True
    i = end
    if i < len(doc) and doc[i].lower_ in {"to", "for", "of"}:
        i += 1
        while i < len(doc) and i - end < 8 and (doc[i].lower_ in _TAIL_WORDS or doc[i].ent_type_ in {"NATION", "GPE"}):
            i += 1
        return i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].is_title and not doc[i].ent_type_ and i > end + 1
    return False


def _ent_after(doc: Doc, ents: list[Span], j: int, end: int, word: str, label: Optional[str] = None) -> Optional[Span]:
    """The entity after ents[j] when the title's text so far (up to `end`) goes on with `word` and an optional "the"
    ("... of the Department of Transportation", "... to the President", "... of Italy"); of `label` if given."""
    nxt = ents[j + 1] if j + 1 < len(ents) else None
    if nxt is None or doc[end:end + 1].text != word or label is not None and nxt.label_ != label:
        return None
    return nxt if nxt.start in (end + 1, end + 2) and doc[end + 1:nxt.start].text in ("", "the") else None


def _org_after_at(doc: Doc, ents: list[Span], j: int, end: int) -> tuple[Optional[str], int, int]:
    """'Title at ORG': the organisation (an entity, or capitalised words up to the punctuation the model left untagged);
    no places ('at Davos')."""
    nxt = _ent_after(doc, ents, j, end, "at")
    if nxt is not None:
        if nxt.label_ == "ORG":
            return nxt.kb_id_ or clean_name(nxt), nxt.end, j + 1
        if nxt.label_ in {"GPE", "NATION", "LOC", "FAC", "PERSON"}:
            return None, end, j
    i = end + 1
    while i < len(doc) and i - end <= 6 and not doc[i].is_sent_start and (
            doc[i].text[:1].isupper() and (not doc[i].ent_type_ or i == end + 1 and doc[i].ent_type_ == "NORP")
            or doc[i].lower_ in {"for", "of", "and"} and i > end + 1 and doc[i + 1:i + 2].text[:1].isupper()):
        i += 1  # "American Institutes for Research": a nation's adjective may open a private name
    if i - end >= 2 and (i >= len(doc) or doc[i].is_punct or doc[i].is_sent_start):
        return doc[end + 1:i].text, i, j
    return None, end, j


def _tail_to_comma(doc: Doc, end: int) -> int:
    """The end of a title that goes on in capitalised words up to a comma and the line's organisation ('Director of
    Federal Policy, Southern Poverty Law Center'); `end` itself if it does not."""
    if doc[end:end + 1].text not in {"of", "for"}:
        return end
    i = end + 1
    while i < len(doc) and i - end <= 8 and not doc[i].ent_type_ and not doc[i].is_sent_start and (
            doc[i].is_title or doc[i].text == "&" or doc[i].lower_ in {"and", "of", "for", "the"}):
        i += 1
    # the line's organisation follows ("..., Southern Poverty Law Center"); else the words may name one of their own
    # ("President of Reproductive Freedom for All,")
    closed = i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].ent_type_ == "ORG" and doc[i + 1].ent_iob_ == "B"
    return i if closed and i - end >= 2 and doc[i - 1].is_title else end


def _at_line_org(found: list, line_org: str, gaz: Gazetteer) -> list:
    """Every post of an attendee line is at the line's organisation, except a public office ("State Senator")."""
    return [(t, e, o or (None if (entry := gaz.title_by_name.get(fold(t.kb_id_ or t.text))) is not None
                         and entry.role in _PUBLIC_ROLES else line_org), n) for t, e, o, n in found]


def _appended_titles(doc: Doc, ents: list[Span], j: int, gaz: Gazetteer, index: _Index, lead_org: Optional[str] = None) -> list[Post]:
    """'Pete Buttigieg, Secretary of the Department of Transportation', 'Neera Tanden, Assistant to the President and
    Domestic Policy Advisor': titles right after a name and a comma, each with its "of ORG", joined by "and"."""
    found: list[tuple[Span, int, Optional[str], Optional[str]]] = []  # title, end, org, nation
    while j < len(ents) and ents[j].label_ == "TITLE":
        title, end, org = ents[j], ents[j].end, lead_org
        lead_org = None
        if (of_org := _ent_after(doc, ents, j, end, "of", "ORG")) is not None:
            org, end = of_org.kb_id_ or of_org.text, of_org.end
            j += 1
        if (to_title := _ent_after(doc, ents, j, end, "to", "TITLE")) is not None:
            end = to_title.end  # "Senior Advisor to the President"
            j += 1
        if org is None and doc[end:end + 1].text == "at":
            org, end, j = _org_after_at(doc, ents, j, end)  # "Vice President at Lucid Motors"
        end = _tail_to_comma(doc, end)  # "Sakira Cook, Director of Federal Policy, Southern Poverty Law Center"
        nation = None
        if (of_nation := _ent_after(doc, ents, j, end, "of", "NATION")) is not None:
            nation, end = of_nation.kb_id_, of_nation.end  # "Diplomatic Advisor to the Prime Minister of Italy"
            j += 1
        following = doc[end] if end < len(doc) else None
        if following is not None and not (following.is_sent_start or following.is_punct or following.lower_ in {"and", "&", "at", "in", "for"}):
            break  # "Kishida, President Yoon": the title of the next name, not an apposition
        if _name_after_tail(doc, index, end):
            break  # "Modi, Minister for External Affairs Subrahmanyam Jaishankar": the next name's title
        found.append((title, end, org, nation))
        if following is not None and following.text == "," and j + 1 < len(ents) and ents[j + 1].label_ == "ORG" \
                and ents[j + 1].start == end + 1 and (ents[j + 1].end >= len(doc) or ents[j + 1].end in index.paragraph_ends):
            # "X, President and CEO, TechSolve": a listed person's organisation, ending the line, holds the posts
            found = _at_line_org(found, ents[j + 1].kb_id_ or clean_name(ents[j + 1]), gaz)
            break
        if following is None or following.lower_ not in {"and", "&"} or j + 1 >= len(ents) or ents[j + 1].label_ != "TITLE" \
                or not all(t.text[:1].isupper() for t in doc[end + 1:ents[j + 1].start]) or ents[j + 1].start - end > 3:
            break  # "President and CEO", "President and Center Director"
        j += 1
    if found and (line_org := index.line_org.get(found[0][0].start)):
        found = _at_line_org(found, line_org, gaz)
    entries = [gaz.title_by_name.get(fold(t.kb_id_ or t.text)) for t, _, _, _ in found]
    if len(found) > 1 and any(e is not None and e.kind == "occupation" for e in entries) \
            and all(e is None or e.role in {"Other", "Official"} for e in entries) and not any(o for _, _, o, _ in found):
        # "Actor and Director", "Director and Writer": one trade described in several words, no government post
        return [Post(title=doc[found[0][0].start:found[-1][1]].text, role="Other", nation=None, org=found[-1][2])]
    return [_title_post(t, gaz, n, o, doc[t.start:e].text if e > t.end else None) for t, e, o, n in found]


_LEGISLATURE = re.compile(r"^(.+) (Senate|House|Assembly|Legislature|House of Representatives|House of Delegates)$")


def _state_chamber(name: str, gaz: Gazetteer) -> bool:
    """'California Senate', 'Florida House': a chamber named by a place the gazetteer knows (not 'UN General
    Assembly', 'Freedom House')."""
    m = _LEGISLATURE.match(name)
    return bool(m) and fold(m.group(1)) in gaz.place_by_name


def _presiding_officer(chamber: str, post: Post, org: Optional[str] = None) -> Post:
    """A state chamber's president: a legislator, with the chamber in the title ("California Senate President")."""
    return Post(f"{chamber} {post.title}", "Legislator", post.nation, post.org or org)


_MINISTER_ROLES = {"OtherMinister", "ForeignMinister", "DefenceMinister"}


def _subnational(doc: Doc, ents: list[Span], k: int, chain_start: int) -> bool:
    """Is the post a state's or a city's: a place before the title ("Nevada Attorney General X") or in brackets after
    the name ("Attorney General X (Arizona)")?"""
    end = ents[k].end
    bracketed = end + 2 < len(doc) and doc[end].text == "(" and any(
        e.start == end + 1 and doc[e.end:e.end + 1].text == ")" for e in ents[k + 1:k + 2] if e.label_ == "GPE")
    return bracketed or any(e.label_ == "GPE" and "|" in e.kb_id_ and chain_start <= e.start < ents[k].start
                            for e in ents[max(0, k - 4):k])


def _state_role(role: str) -> str:
    """A state's attorney general or a city's mayor holds no national post: an official (a legislator stays one)."""
    return role if role in {"Legislator", "Official", "Other", "MilitaryOfficer", "Diplomat"} else "Official"  # "Consul General for Los Angeles"


def _alias_of(doc: Doc, ent: Span, earlier: list[PersonMention]) -> Optional[int]:
    """'Abboud Qanbar (Arabic: ...), also known as Abu Haidar': the earlier mention in the sentence it renames."""
    before = [t.lower_ for t in doc[max(ent.sent.start, ent.start - 2):ent.start]]
    if before[-2:] != ["known", "as"] and before[-1:] not in (["aka"], ["a.k.a."]):
        return None
    return next((n for n in range(len(earlier) - 1, -1, -1) if earlier[n].start >= ent.sent.start), None)


_PLACE_NOUNS = {"city", "town", "village", "province", "region", "district", "area", "capital", "vicinity", "outskirts",
                "suburb", "suburbs", "port", "island", "governorate", "municipality", "state", "county"}


def _placed(doc: Doc, ent: Span) -> bool:
    """Does the text use the name as a place: after "in"/"near", after "the vicinity of", or with "a city" beside it?"""
    root = ent.root
    if ent.end < len(doc) and doc[ent.end].text in _POSSESSIVE:
        return False  # "in Biden's remarks"
    if root.dep_ == "pobj" and (root.head.lower_ in {"in", "near", "outside", "around"}
                                or root.head.lower_ == "of" and root.head.head.lower_ in _PLACE_NOUNS):
        return True
    # "Amarah, a city in Southern Iraq" (not "X, Mayor, City of Reno": a post's city)
    return any(c.dep_ == "appos" and c.lower_ in _PLACE_NOUNS and c.is_lower and any(
        d.dep_ == "det" and d.lower_ in {"a", "an"} for d in c.children) for c in root.children)


def _mentions(doc: Doc, gaz: Gazetteer) -> tuple[list[PersonMention], set[int]]:
    ents = list(doc.ents)
    index = _Index.of(doc, ents)
    mentions: list[PersonMention] = []
    used_titles: set[int] = set()
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        name = clean_name(ent)
        if not name or not any(c.isalpha() for c in name) or name.isupper() and len(name) <= 3:
            continue
        posts, nation, chain_start = _chain_left(doc, ents, k, gaz)
        if not posts and chain_start == ent.start and _placed(doc, ent):
            continue  # "captured in Fialaka", "from Amarah, a city in Southern Iraq": a place the model took for a name
        chain_nation = nation
        used_titles.update(range(chain_start, ent.start))
        app_posts, app_nation, counterpart = _apposition_left(doc, ents, k, chain_start, gaz)
        if posts and not counterpart:
            app_posts, app_nation = [], None  # "The Vice President, President Marcos": the title before is someone else
        right_posts, right_nation = _right(doc, ents, k, gaz, index)
        all_posts = posts + app_posts + right_posts
        # a title that only one nation has ("Taoiseach", "Pope") names the nation served
        nation = nation or app_nation or right_nation or next((p.nation for p in all_posts if p.nation), None)
        explicit = nation is not None
        if _subnational(doc, ents, k, chain_start):  # "Nevada Attorney General X", "Attorney General X (Arizona)"
            all_posts = [Post(p.title, "Official" if p.role in _MINISTER_ROLES else p.role, p.nation, p.org) for p in all_posts]
        all_posts = [Post(p.title, p.role, p.nation or nation, p.org) for p in all_posts]
        surface = doc[chain_start:ent.end].text if chain_start < ent.start else name
        mentions.append(PersonMention(name, ent.start, ent.end, surface, all_posts, nation, counterpart, explicit,
                                      leading_nation=chain_nation, alias_of=_alias_of(doc, ent, mentions)))
    _apply_counterparts(mentions, doc)
    _share_coordinated_nations(mentions, doc)
    for m in mentions:
        if m.nation is None and (group_nation := _nation_of_group(doc, m)):
            m.nation, m.explicit_nation = group_nation, True
            m.posts = [Post(p.title, p.role, p.nation or group_nation, p.org) for p in m.posts]
    return mentions, used_titles


_MEMBERSHIP_WORDS = {"including", "led", "headed", "comprised", "composed", "consisting"}
_GROUP_NOUNS = {"side", "delegation", "delegations", "team", "officials", "leaders", "heads", "ministers", "counterparts",
                "representatives", "institutions", "agencies", "authorities", "government", "members", "officers"}


def _nation_of_group(doc: Doc, m: PersonMention) -> Optional[str]:
    """'The Israeli side was led by X and Y', 'the heads of Ukrainian institutions, including X': the members of a
    group named with a nation serve that nation."""
    for a in list(doc[m.end - 1].ancestors)[:8]:
        if a.lower_ not in _MEMBERSHIP_WORDS:
            continue
        groups = [c for c in a.children if c.dep_ == "nsubjpass"] + ([a.head] if a.dep_ in {"prep", "acl"} else [])
        nations = {x.ent_kb_id_ for g in groups if g.lower_ in _GROUP_NOUNS for c in g.children
                   if c.dep_ in {"amod", "compound", "poss", "nmod"} for x in c.subtree
                   if x.ent_type_ in {"NORP", "NATION"} and x.ent_kb_id_}
        return nations.pop() if len(nations) == 1 else None  # "Israeli and Palestinian officials, including X": unknown
    return None


def _share_coordinated_nations(mentions: list[PersonMention], doc: Doc) -> None:
    """'Bahraini King Hamad and Crown Prince Salman', 'welcomed President Duda and Prime Minister Tusk of Poland': a
    nation stated once for titled persons joined by 'and' belongs to each of them. Backwards ("of X" after the
    second name) only when both are the ones met by a named actor: in "a meeting between President Biden and Prime
    Minister Albanese of Australia" the nation stays with the name it follows."""
    person_tokens = {i for m in mentions for i in range(m.start, m.end)}
    for a, b in zip(mentions, mentions[1:]):
        if not (a.posts and b.posts) or doc[a.start].sent != doc[b.start].sent:
            continue
        between = [t.lower_ for t in doc[a.end:b.start]]
        if not between or between[0] != "and":
            continue
        if b.nation is None and a.leading_nation:
            b.nation, b.explicit_nation = a.leading_nation, True
            b.posts = [Post(p.title, p.role, p.nation or a.leading_nation, p.org) for p in b.posts]
        elif a.nation is None and b.explicit_nation and b.nation and not b.leading_nation \
                and _met_by_actor(doc, a, b, person_tokens):
            a.nation, a.explicit_nation = b.nation, True
            a.posts = [Post(p.title, p.role, p.nation or b.nation, p.org) for p in a.posts]


def _met_by_actor(doc: Doc, a: PersonMention, b: PersonMention, person_tokens: set[int]) -> bool:
    """Are `a` and `b` joined objects ("welcomed A and B", "spoke with A and B", "Biden's meeting with A and B") of a
    word whose subject or possessor is another named person?"""
    first, second = doc[a.end - 1], doc[b.end - 1]
    if second.dep_ != "conj" or first not in second.ancestors:
        return False
    if first.dep_ == "pobj" and first.head.lower_ == "with":
        governor = first.head.head
    elif first.dep_ == "dobj":
        governor = first.head
    else:
        return False
    own = set(range(a.start, a.end)) | set(range(b.start, b.end))
    return any(c.dep_ in {"nsubj", "poss"} and any(t.i in person_tokens and t.i not in own for t in c.subtree)
               for c in governor.children)


def _apply_counterparts(mentions: list[PersonMention], doc: Doc) -> None:
    """'his French counterpart, Minister X': X's generic title takes the role of the person named before."""
    for i, m in enumerate(mentions):
        if not m.counterpart:
            continue
        antecedent = next((p for p in reversed(mentions[:i]) if p.posts and doc[p.start].sent == doc[m.start].sent), None)
        if antecedent is None:
            continue
        role = antecedent.posts[0].role
        if m.posts:
            m.posts = [Post(p.title, role if fold(p.title) in _GENERIC_TITLES or p.role == "Other" else p.role, p.nation, p.org) for p in m.posts]
        else:
            m.posts = [Post(antecedent.posts[0].title, role, m.nation)]


def _tokens(name: str) -> list[str]:
    return name_tokens(name)


_LOWER_RANKS = {"deputy", "vice", "assistant", "under", "associate", "principal", "first", "second", "former", "co",
                "permanent", "parliamentary", "press"}  # "Deputy Secretary", "Permanent Secretary": another post


def _titles_agree(a: str, b: str) -> bool:
    """'Minister' ~ 'Minister of Defense'; 'Deputy Secretary' ~ 'Deputy Secretary of State'; 'Secretary' ~
    'Transportation Secretary' (not 'Deputy Secretary': another post)."""
    a, b = fold(a), fold(b)
    if a == b or a.startswith(b + " ") or b.startswith(a + " "):
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_.endswith(" " + short) and not set(long_[:-len(short)].split()) & _LOWER_RANKS


def _shares_post(mention: PersonMention, person: Person) -> bool:
    if any(_titles_agree(x.title, y.title) for x in mention.posts for y in person.posts):
        return True
    return bool({x.role for x in mention.posts} & {x.role for x in person.posts} - {"Other", "Official"})


def _addressed_as_ambassador(mention: PersonMention) -> bool:
    """'Domestic Policy Advisor Susan Rice ... Ambassador Rice': how a former ambassador is addressed, no post now."""
    return [q.title for q in mention.posts] == ["Ambassador"]


def _inside(short: list[str], long_: list[str]) -> bool:
    """'mohamed bin zayed' in 'mohamed bin zayed al nahyan'; 'osmani' as the first half of 'osmani-sadriu'."""
    n = len(short)
    if any(long_[i:i + n] == short for i in range(len(long_) - n + 1)):
        return True
    return n == 1 and any(part.split("-")[0] == short[0] for part in long_ if "-" in part)


def _compatible(mention: PersonMention, person: Person) -> bool:
    a, b = _tokens(mention.name), _tokens(person.name)
    if not a or not b:
        return False
    if a == b or "".join(a) == "".join(b):  # "Antó nio Guterres": a space in a word
        return True
    if a[-1] != b[-1]:
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        if len(short) >= 2 and _inside(short, long_):
            return True  # "Mohamed bin Zayed" and "Mohamed bin Zayed Al Nahyan"
        # "Prime Minister Kishida" and "Prime Minister Kishida Fumio"; "President Osmani" and "Vjosa Osmani-Sadriu"
        return len(short) == 1 and _inside(short, long_) and (_shares_post(mention, person) or not mention.posts)
    if len(a) == 1:
        # "President Biden" is not "First Lady Jill Biden": a surname with a post needs a matching post ("Ambassador
        # Rice" is also how a former ambassador is addressed: "Domestic Policy Advisor Susan Rice ... Ambassador Rice")
        return not (mention.posts and person.posts) or _shares_post(mention, person) or _addressed_as_ambassador(mention)
    if len(b) == 1:
        # a full name after "Vice President Harris" is someone new ("Dr. Kanika Harris") unless the post agrees
        return not person.posts or _shares_post(mention, person)
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return full_names_compatible(a, b) or _inside(short, long_)  # "Gonzalez Urrutia" in "Edmundo Gonzalez Urrutia"


def _better_name(new: PersonMention, old: PersonMention, body_start: int) -> bool:
    """Which mention names a person: the most name words, then a written suffix ("Joseph R. Biden, Jr."), then, for
    the same words, the body's spelling over the headline's ("Joseph R. Biden Jr." in the text, "Joseph R. Biden, Jr."
    in the title) in ordinary case (not a transcript's "BIDEN:"); a nickname ("Tony Blinken") never wins a tie."""
    a, b = _tokens(new.name), _tokens(old.name)
    if "".join(a) == "".join(b) and a != b:  # "António Guterres" over a headline's broken "Antó nio Guterres"
        return new.start >= body_start > old.start
    if len(a) != len(b):
        return len(a) > len(b)
    wa, wb = len(new.name.replace(",", " ").split()), len(old.name.replace(",", " ").split())
    if wa != wb:
        return wa > wb
    if a != b or new.name.isupper():
        return False
    return old.name.isupper() or new.start >= body_start > old.start


def _cluster(mentions: list[PersonMention], body_start: int = 0) -> tuple[list[Person], list[int]]:
    persons: list[Person] = []
    owner: list[int] = []
    last_seen: dict[int, int] = {}
    named_by: dict[int, PersonMention] = {}
    for n, m in enumerate(mentions):
        candidates = [owner[m.alias_of]] if m.alias_of is not None else [i for i, p in enumerate(persons) if _compatible(m, p)]
        if len(candidates) > 1 and m.posts:
            titled = [i for i in candidates if {fold(x.title) for x in persons[i].posts} & {fold(x.title) for x in m.posts}]
            candidates = titled or candidates
        if len(candidates) > 1 and len(_tokens(m.name)) > 1:
            exact = [i for i in candidates if _tokens(persons[i].name) == _tokens(m.name)]
            candidates = exact or candidates
        if candidates:
            i = max(candidates, key=lambda c: last_seen.get(c, -1))
            p = persons[i]
            if m.alias_of is None and _better_name(m, named_by[i], body_start):
                p.name = m.name
                named_by[i] = m
        else:
            persons.append(Person(name=m.name))
            i = len(persons) - 1
            p = persons[i]
            named_by[i] = m
        last_seen[i] = n
        owner.append(i)
        for alias in (m.name, m.surface):
            if alias not in p.aliases:
                p.aliases.append(alias)
        honorific = len(_tokens(m.name)) == 1 and _addressed_as_ambassador(m) and bool(p.posts) and not _shares_post(m, p)
        for post in ([] if honorific else m.posts):
            same = next((k for k, q in enumerate(p.posts) if fold(post.title) == fold(q.title)), None)
            if same is None:  # a short form of a post already held, but not "Crown Prince" of "Crown Prince and Prime Minister"
                same = next((k for k, q in enumerate(p.posts) if _titles_agree(post.title, q.title)
                             and not re.search(r"\s(and|&)\s", post.title + " " + q.title)), None)
            if same is None:
                p.posts.append(post)
            elif len(post.title) > len(p.posts[same].title):
                p.posts[same] = post  # "Chairman Hue" after "Chairman of the National Assembly Vuong Dinh Hue": one post
        if m.nation and (p.nation is None or m.explicit_nation and not getattr(p, "_explicit", False)):
            p.nation = m.nation
    return persons, owner


def _title_only_mentions(doc: Doc, persons: list[Person], used_titles: set[int], token_person: dict[int, str],
                         gaz: Gazetteer) -> None:
    """'the Defence Secretary' alone refers to the person in this document who holds that post."""
    for ent in doc.ents:
        if ent.label_ != "TITLE" or ent.start in used_titles:
            continue
        if ent.start in token_person:
            continue
        prev = doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.lower_ not in _DETERMINERS and prev.text not in {",", "and"} and not prev.is_sent_start:
            continue
        if ent.start >= 3 and doc[ent.start - 2].lower_ == "to" and doc[ent.start - 3].ent_type_ == "TITLE":
            continue  # "Senior Advisor to the President": part of a post, not a mention of the President
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if nxt is not None and nxt.lower_ in {"of", "for"}:
            continue  # "the President of France": a title with its own nation, not an anaphor here
        title = fold(ent.text)
        holders = [p for p in persons if any(fold(q.title) == title for q in p.posts)] or [
            p for p in persons if any(fold(q.title).removeprefix(title + " of ") in gaz.nation_by_name
                                      for q in p.posts if fold(q.title).startswith(title + " of "))]  # "Taoiseach of Ireland"
        if not holders and getattr(gaz.title_by_name.get(title), "role", None) not in {"HeadOfState", "HeadOfGovernment"}:
            # "the Vice Minister" is the only "Vice Minister of Defense" named ("the President" is no "President of the
            # European Council")
            holders = [p for p in persons if any(fold(q.title).startswith((title + " of ", title + " for ")) for q in p.posts)]
        if len(holders) == 1:
            for i in range(ent.start, ent.end):
                token_person[i] = holders[0].name


def extract_people(doc: Doc, gaz: Gazetteer, default_nation: Optional[str] = None) -> PeopleResult:
    mentions, used_titles = _mentions(doc, gaz)
    headline = next(iter(doc.sents), None)
    persons, owner = _cluster(mentions, headline.end if headline is not None else 0)
    for p in persons:
        if p.nation is None and p.posts and default_nation and all(q.nation in (None, default_nation) for q in p.posts):
            pass  # the publisher's nation is applied later, once meeting context (visits) has had its say
        p.posts = [Post(q.title, q.role, q.nation or p.nation, q.org) for q in p.posts]
    token_person: dict[int, str] = {}
    for m, i in zip(mentions, owner):
        for t in range(m.start, m.end):
            token_person[t] = persons[i].name
    _title_only_mentions(doc, persons, used_titles, token_person, gaz)
    return PeopleResult(persons, token_person)
