"""Meetings as n-ary events, read from trigger words and the dependency parse.

A trigger (`patterns/meeting_words.csv`: "meeting", "met", "hosted", "chair", "spoke", "visit", ...) anchors an
event; triggers linked in the parse ("will chair the 27th meeting", "travelled to Kyiv ... to meet") form one event.
Its parties are read from the trigger's subject, object and with/between/among phrases; hosts and chairs from the
subject of host and chair verbs; date, place, stated nation count, series and ordinal from the event's clause.
Events of one document that agree on date, place and series, and share a party or a series, are merged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from kg.extract.dates import NUMBER_WORDS, resolve_date
from kg.extract.organisations import GOVERNMENT_OF
from kg.nlp.components import ATTENDEES, paragraphs
from kg.nlp.gazetteer import PATTERNS_DIR, load_meeting_words
from kg.types import DateValue, Meeting, Organisation, Place, Ref

_PARTY_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "poss", "appos", "attr"}
_PARTY_PREPS = {"with", "between", "among", "amongst", "alongside"}
_MARGINS = {"margins", "margin", "sidelines", "sideline"}
_PHONE_VERBS = {"called", "phoned", "telephoned"}  # a call when someone is called: "called and congratulated X"
_SPEAK_VERBS = {"spoke", "speak", "speaks", "speaking", "talked", "talk", "talks", "wrote", "called"}
_PRONOUNS = {"they", "them", "their", "we", "our", "us", "both"}
_PLACE_PREPS = {"in", "at", "to"}
_INVITE_VERBS = {"invite", "invited", "invites", "inviting", "asked", "urged", "encouraged"}
_TOPIC_PREPS = {"on", "about", "regarding", "over", "concerning"}
_EVENT_NOUNS = {"forum", "event", "discussion", "gathering", "session", "convening", "roundtable"}
_VISIT_KINDS = {"state", "official", "working", "private", "bilateral", "historic", "first"}
_NO_SCOPE_DEPS = {"ccomp", "parataxis", "relcl", "acl"}  # clauses that report something else
_INTENT_VERBS = {"like", "want", "wants", "intend", "intends", "hope", "hopes", "plan", "plans", "aim", "aims", "seek",
                 "seeks", "wish", "wishes"}  # "would like to meet", "intends to visit": a meeting still to come
_PREPARING_WORDS = {"ahead", "advance", "preparation", "preparations", "prepare", "preparing", "lead"}
_PREPARING_AHEAD = {"ahead of", "in advance of"}  # series cues of a summit still to come, which the speakers prepare for


def _prepares_for(tok: Token) -> bool:
    """'ahead of', 'in advance of', 'in preparation for', 'to prepare for', 'in the lead-up to': what follows is
    another meeting the one reported prepares for."""
    if tok.lower_ not in _PREPARING_WORDS:
        return False
    if tok.lower_ == "lead" and [t.text for t in tok.doc[tok.i + 1:tok.i + 3]] != ["-", "up"]:
        return False
    return any(c.dep_ == "prep" and c.lower_ in {"of", "for", "to"} for c in tok.subtree if c.head.i in {tok.i, tok.i + 2})
_HOLD_VERBS = {"hold", "have", "convene", "schedule", "arrange", "organize", "organise"}  # "agreed to hold a meeting"
_SIDE_NOUNS = {"side", "delegation", "team", "delegations", "teams"}  # "The Israeli side was led by X"
_REMARK_VERBS = {"welcomed", "welcome", "welcomes", "praised", "hailed"}
_PRESENCE_NOUNS = {"participation", "presence", "representation", "engagement"}  # "led U.S. participation in a meeting"
# but "a delegation comprised of X, Y and Z", "a group made up of ...", "a team led by X" say who the party is
_MEMBERSHIP_VERBS = {"comprised", "comprising", "composed", "consisting", "made", "led", "including", "representing", "headed"}
_PEOPLE_NOUNS = {"leaders", "leader", "chiefs", "officials", "official", "counterparts", "counterpart", "ministers",
                 "minister", "delegation", "delegations", "government", "military", "commanders", "representatives",
                 "partners", "allies", "officers", "president", "prime", "legislators", "lawmakers", "governors", "mayors",
                 "senators", "regulators", "executives", "ceos", "advocates", "experts", "members", "parents", "survivors",
                 "families"}
_FUTURE = re.compile(r"\b(will|shall|'ll|to be held|set to|expected to|plans? (to|for)|planning to|is to|are to|look(s|ed|ing)? forward to|"
                     r"agreed to meet|next week|next month|next year|later this (week|month|year)|in the coming (days|weeks|months)|"
                     r"later today|tomorrow|upcoming|planned for|scheduled for)\b", re.I)
# "around 30 nations", "15 leaders representing Caribbean nations"; not "our two countries", "from all 54 countries"
# (an origin) or "10 states" (a federation's states: capitalised "Freely Associated States" and "member states" count)
_NATION_COUNT = re.compile(
    r"(?<!\bfrom all )\b(?:(?:around|about|some|roughly|approximately|nearly|almost|more than|over|up to|at least)\s+)?"
    r"(\d+|(?<!\bour )(?<!\bthe )(?<!\bboth )two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty)\s+"
    r"(?:\w+\s+)?(?:nations|countries|(?-i:States)|allies|partner nations|member states)\b", re.I)
_LEADER_COUNT = re.compile(
    r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\s+"
    r"(?:\w+\s+){0,2}(?:leaders|heads of state|heads of government|ministers)\s+representing\s+(?:[\w-]+\s+){0,3}"
    r"(?:nations|countries|governments)\b", re.I)  # not "80 executives and leaders representing health systems"
_SERIES_HEADS = {"Summit", "Conference", "Forum", "Dialogue", "Meeting", "Meetings", "Talks", "Session"}
_ABOUT_HEADLINE = re.compile(r"(Statement|Readout|Remarks|Fact Sheet|Press Briefing|Background Press Call)\b", re.I)
_ON_TOPIC = re.compile(r"\b(on|about|regarding)(\s+the)?(\s+(upcoming|next|first|second|third|\d+(st|nd|rd|th)))*\s*$", re.I)
_IN_SERIES = re.compile(r"\b(in)\W*(the\b\s*)?$", re.I)
_AT_SERIES = re.compile(r"\b(at|during|for|margins of|upcoming|attend|attended|attending|ahead of|in advance of|host|hosted|hosting|convene|convened|"
                        r"join|joins|joined|joining|participated in|participation in|took part in|take part in|held|holds)\W*(the\b\s*)?"
                        r"((upcoming|next|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(st|nd|rd|th)|"
                        r"annual|inaugural|virtual|extraordinary|\d{4})\s*)*$", re.I)
_CHAIR_MARKS = {"chair", "co-chair", "chairman", "chairwoman", "chairperson"}  # a list line's "(Chair)"
_POSSESSIVE_MARKS = {"’s", "'s", "’", "'"}
_SEPARATE_PLURALS = {"calls", "meetings", "conversations"}  # "separate calls"; a headline's "Calls with A and B"
_SEPARATELY = re.compile(rf"\b(separately|individually|separate ({'|'.join(sorted(_SEPARATE_PLURALS))})|one-on-one|each of)\b", re.I)
_LIST_INTRO = re.compile(r"\b(participants|participated|participating|attendees|attending|in attendance|joined by|attended by|speakers|delegation|included|present)\b[^.]*:[\s*_]*$"
                         r"|^(?:\w+\s+){0,3}(?:participants|attendees)\s*:?\s*$", re.I)  # or a heading: "Administration Participants"
_LIST_SENTENCE = re.compile(  # "Participants in the call included ...", "The U.S. delegation of interagency partners included ..."
    r"^(?:the\s+)?(?:[\w.-]+\s+){0,2}(?:participants|attendees|delegation)(?:\s+(?:in|on|at|of|to)\s+[^,;:]{0,60}?)?\s+"
    r"(?:included|includes|were|comprised|consisted of|was composed of)\b"
    r"|^(?:also\s+)?(?:in attendance|attending)\s+(?:were|was|included)\b"  # "In attendance were X, Y and ..."
    r"|^(?:[\w.-]+\s+){0,2}(?:officials|speakers)\s+(?:included|includes)\b", re.I)  # "Administration officials included X"
_OCCURRENCES_INTRO = re.compile(r"\b(following|these)\s+(places|dates|occasions|locations|cities|events)\b[^.]*:\s*$", re.I)
_WORD_NUMBERS = {**NUMBER_WORDS, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$", re.I)
_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "inaugural": 1}


@dataclass(frozen=True)
class Trigger:
    kind: str  # noun | verb | host | chair
    mode: str  # "" | call | video


def load_triggers(patterns_dir: Path = PATTERNS_DIR) -> dict[str, Trigger]:
    triggers: dict[str, Trigger] = {}
    for word, kind, mode in load_meeting_words(patterns_dir):
        triggers.setdefault(f"{word}|{'NOUN' if kind == 'noun' else 'VERB'}", Trigger(kind, mode))
    return triggers


@dataclass
class _Event:
    anchor: Token
    triggers: list[Token]
    sentence: str
    persons: list[str] = field(default_factory=list)
    nations: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    hosts: list[Ref] = field(default_factory=list)
    chairs: list[Ref] = field(default_factory=list)
    date: Optional[DateValue] = None
    place: Optional[Place] = None
    nation_count: Optional[int] = None
    series: Optional[str] = None
    ordinal: Optional[int] = None
    mode: str = "in-person"
    planned: bool = False
    visit_nation: Optional[str] = None
    places: list[Place] = field(default_factory=list)
    located_nation: Optional[str] = None  # "met ... in Israel"
    pronoun_parties: bool = False
    pronoun_subject: bool = False  # "He also met with X": the person of the previous meeting
    pronoun_host: bool = False  # "he is looking forward to hosting X": that person hosts
    conj_of: Optional[int] = None  # "their first meeting ... and further meetings": the first trigger's token
    counterpart_described: bool = False  # "met with 15 leaders", "with Congressional leaders"
    series_event: bool = False  # "at the upcoming Summit of the Americas in Los Angeles"
    during_reported: bool = False  # "During the forum, participants spoke with X": inside the meeting reported
    negated: bool = False  # "would be unable to travel to X to meet with Y", "did not meet": no meeting
    historical: bool = False  # dated by a year long before publication, on its own verb: history, not a report
    trip_at: Optional[int] = None  # a stop of the trip reported at this token ("traveled to Gabon and Nigeria")


def _add(seq: list, item) -> None:
    if item is not None and item not in seq:
        seq.append(item)


class MeetingReader:
    """Reads the meetings of one parsed document."""

    def __init__(self, doc: Doc, token_person: dict[int, str], organisations: list[Organisation],
                 org_of_token: dict[int, str], published: Optional[date], triggers: dict[str, Trigger],
                 home: Optional[str] = None):
        self.doc = doc
        self.home = home
        self.token_person = token_person
        self.orgs = {o.name: o for o in organisations}
        self.org_of_token = org_of_token
        self.published = published
        self.triggers = triggers
        self.ent_of_token: dict[int, Span] = {t: e for e in doc.ents for t in range(e.start, e.end)}
        self._claimed: set[int] = set()  # tokens in the clauses of the sentence's other events

    # -- triggers ---------------------------------------------------------------------------------------------
    def _trigger(self, tok: Token) -> Optional[Trigger]:
        ent = self.ent_of_token.get(tok.i)
        if ent is not None and ent.label_ not in {"DATE", "TIME"} and not _kind_of_visit(ent, tok):
            return None  # a word inside a name ("Summit of the Americas" is a series, not a trigger here)
        pos = "NOUN" if tok.pos_ in {"NOUN", "PROPN"} else "VERB" if tok.pos_ in {"VERB", "AUX"} else None
        if pos is None:
            return None
        trig = self.triggers.get(f"{tok.lower_}|{pos}")
        if trig is None and pos == "NOUN" and tok.lower_ == "delegation" and tok.dep_ == "dobj" \
                and tok.head.lower_ in {"led", "leads", "lead", "leading"} \
                and any(c.dep_ == "prep" and c.lower_ == "to" for v in (tok, tok.head) for c in v.children):
            return Trigger("noun", "")  # "led a U.S. delegation to Pristina, Kosovo": a trip
        if trig is None or trig.kind == "contribute":
            return None
        linked = [tok] + [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        if trig.kind in {"host", "chair"} and not _misparsed_verb(tok) and not any(
                c.dep_ in {"dobj", "nsubjpass", "agent"} for v in linked for c in v.children):
            return None  # "the leaders convened" (no object): not hosting; "convened and chaired the group" is
        phoned = pos == "VERB" and tok.lower_ in _PHONE_VERBS and any(
            c.dep_ == "dobj" and (c.i in self.token_person or self._is_nation(c.i)) for v in linked for c in v.children)
        if tok.lower_ in _PHONE_VERBS and not phoned and not any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children):
            return None  # "called for calm", "called it a success"; "called and congratulated X" is a call
        if pos == "VERB" and tok.lower_ in _SPEAK_VERBS and not phoned and not _with_clause(tok) and not any(
                c.dep_ == "prep" and (c.lower_ in {"with", "by"} or c.lower_ == "to" and self._names_party(c))
                or c.lower_ in {"phone", "telephone"} for c in tok.children) and not self._persons_speaking(tok):
            return None  # "we spoke about cancer", "spoke to her company's attempt": not a call
        if tok.lower_ in {"join", "joins", "joined", "joining"} and (not any(
                c.dep_ == "dobj" and (c.i in self.token_person or c.lower_ in {"leaders", "counterparts", "ministers"})
                for c in tok.children) or not any(i in self.token_person for i in self._subjects(tok))
                or any(t.dep_ == "pobj" and t.head.lower_ in {"for", "in", "at"} and f"{t.lower_}|NOUN" in self.triggers
                       for t in tok.subtree)):
            # "joined Prime Minister X and leaders from ... to launch": not "joined NATO", "joined the call", and not
            # "joined X for talks" (the talks are the meeting)
            return None
        if tok.lower_.startswith(("welcom", "receiv")) and not any(
                c.dep_ == "dobj" and (c.i in self.token_person or self._is_nation(c.i)
                                      or c.tag_ == "NNS" and c.lower_ in _PEOPLE_NOUNS  # "welcomed 90 state legislators"
                                      or any(x.dep_ == "conj" and (x.i in self.token_person or self._is_nation(x.i)) for x in c.children))
                for c in tok.children):
            return None  # "welcomed the input", "welcomed Germany's provision of aid": not a visit
        if tok.lower_ == "conversation" and not any(c.dep_ == "poss" and c.i in self.token_person for c in tok.children):
            return None  # "President X's conversation with Y" (not "continuing the conversation", "a conversation with reporters")
        if tok.lower_ in {"call", "calls"} and any(c.lower_ in {"for", "on"} for c in tok.children):
            return None  # "a call for calm", "calls on"
        if pos == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ in {"NOUN", "PROPN"} \
                and f"{tok.head.lower_}|NOUN" not in self.triggers:
            return None  # "video remarks", "a meeting room": a word about something else ("a video call" is one)
        if pos == "NOUN" and (any(c.lower_ in {"each", "every", "all", "both"} for c in tok.children)
                              or tok.head.lower_ in {"each", "every", "all", "both"}):
            return None  # "in each call", "throughout each of the calls": the meetings already reported
        return trig

    def _persons_speaking(self, verb: Token) -> bool:
        """'President X and President Y spoke today about ...': two named persons, the subject, speak to each other."""
        if any(c.dep_ == "prep" and c.lower_ in {"to", "at", "in", "during", "before"} for c in verb.children):
            return False  # "X and Y spoke to reporters", "spoke at a joint press conference", "spoke at a rally in Philadelphia"
        words = [x for c in verb.children if c.dep_ == "nsubj" for x in c.subtree]
        return any(x.lower_ == "and" for x in words) and len({self.token_person[x.i] for x in words if x.i in self.token_person}) >= 2

    def _names_party(self, prep: Token) -> bool:
        """Does the phrase name a person, a nation or people ("spoke to President X", "spoke to reporters")?"""
        return any(x.i in self.token_person or self._is_nation(x.i) or x.lower_ in _PEOPLE_NOUNS for x in prep.subtree)

    def _is_nation(self, i: int) -> bool:
        ent = self.ent_of_token.get(i)
        return ent is not None and ent.label_ == "NATION"

    def _group(self, triggers: list[Token]) -> list[list[Token]]:
        """Triggers joined in the parse through other triggers or function words form one event."""
        groups: list[list[Token]] = []
        index = {t.i for t in triggers}
        parent: dict[int, int] = {t.i: t.i for t in triggers}

        def find(i: int) -> int:
            while parent[i] != i:
                i = parent[i]
            return i

        for t in triggers:
            if t.dep_ == "conj" and t.pos_ == "NOUN" and t.head.pos_ == "NOUN":
                continue  # "their first meeting in Paris and further meetings in Washington": separate events
            if t.dep_ in {"relcl", "acl"} and t.pos_ == "VERB" and t.head.i in self.token_person:
                continue  # "spoke with Administrator X, who will travel to Mississippi tomorrow": X's own trip
            if t.dep_ == "conj" and t.pos_ == "VERB" and t.head.tag_ == "VBD" \
                    and any(c.dep_ == "aux" and c.lower_ in {"will", "shall"} for c in t.children):
                continue  # "met today with X and will meet with other officials tomorrow": a meeting still to come
            head = t.head
            steps = 0
            while head.i != t.i and steps < 4:
                if head.i in index:
                    parent[find(t.i)] = find(head.i)
                    break
                if head.pos_ in {"VERB"} and head.lower_ not in {"hold", "held", "holds", "holding", "attend", "attended", "join", "joined", "have", "had", "has"}:
                    break
                if head.head.i == head.i:
                    break
                if head.dep_ not in {"conj", "appos"}:  # "hosted A, B, C, and D ... for a meeting": a list is one step
                    steps += 1
                head = head.head
        by_root: dict[int, list[Token]] = {}
        for t in triggers:
            by_root.setdefault(find(t.i), []).append(t)
        for root, members in sorted(by_root.items()):
            groups.append(sorted(members, key=lambda t: t.i))
        return groups

    # -- reading one event ------------------------------------------------------------------------------------
    def _anchor(self, group: list[Token]) -> Token:
        return min(group, key=lambda t: len(list(t.ancestors)))

    @staticmethod
    def _top(anchor: Token) -> Token:
        """The token whose subtree is the event's clause: the trigger, or the verb governing a trigger noun."""
        if anchor.pos_ in {"NOUN", "PROPN"} and anchor.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr"} and anchor.head.pos_ in {"VERB", "AUX", "ADP"}:
            top = anchor.head if anchor.head.pos_ != "ADP" else anchor.head.head
            return _presence_verb(top) or top
        return anchor

    def _scope(self, anchor: Token, others: list[Token]) -> set[int]:
        top = self._top(anchor)
        scope = {t.i for t in top.subtree}
        for other in others:  # another event's clause, even one nested in ours ("to follow up on the meeting ...")
            if other.i in scope and other.i != anchor.i:
                other_top = self._top(other)
                nested = other_top.i != top.i and other_top.i in scope and not any(a.i == other_top.i for a in anchor.ancestors) \
                    and other_top.i != anchor.i
                scope -= {t.i for t in (other_top if nested else other).subtree}
        for tok in top.subtree:
            if _prepares_for(tok) and tok.i != anchor.i and tok.head.i in scope and not self._has_trigger(tok):
                scope -= {t.i for t in tok.subtree}  # "spoke in advance of the NATO Summit in Vilnius": not its place
                continue
            if tok.dep_ in _NO_SCOPE_DEPS and tok.i != anchor.i and tok.head.i in scope and not self._has_trigger(tok) \
                    and not (tok.dep_ == "acl" and tok.lower_ in _MEMBERSHIP_VERBS):
                scope -= {t.i for t in tok.subtree}
        return scope

    def _has_trigger(self, tok: Token) -> bool:
        return any(self._trigger(t) for t in tok.subtree)

    def _party_tokens(self, group: list[Token], scope: set[int]) -> set[int]:
        """Tokens in the parts of the clause that name parties: subject, object, with/between phrases."""
        out: set[int] = set()
        topics: set[int] = set()  # what a meeting noun is about ("on the conflict between A and B")
        inherited: set[int] = set()  # a subject shared with the head verb, outside the trigger's own clause
        heads = set(group)
        remarked: set[int] = set()  # verbs whose subject only remarks on the meeting
        for t in group:
            if t.lower_ in _PHONE_VERBS:
                # "called and congratulated X": the one called is the object of the joined verb
                heads.update(c for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB" and not any(
                    x.dep_ in {"nsubj", "nsubjpass"} for x in c.children))
            owned = any((c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "by") and any(
                x.i in self.token_person for x in c.subtree) for c in t.children)  # "X's trip", "the visit by X"
            if t.pos_ in {"NOUN", "PROPN"} and t.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass"} and not (
                    owned and t.lower_.startswith(("visit", "trip", "travel"))):
                # "they discussed President X's June trip": the trip is X's, not the discussants'
                if t.dep_ == "dobj" and t.head.lower_ in _REMARK_VERBS:
                    # "They welcomed the virtual G7 leaders' meeting next week": who welcomes it is not said to attend
                    # (but "welcomed the visit ... by Secretary X" still names X)
                    heads.add(t.head)
                    remarked.add(t.head.i)
                elif t.head.pos_ == "ADP" and t.head.lower_ in {"during", "throughout"}:
                    # "During the visit, he delivered a message from President Y": he was there, Y was not
                    inherited.update(x.i for c in t.head.head.children if c.dep_ == "nsubj" for x in c.subtree)
                else:
                    heads.add(head := t.head if t.head.pos_ != "ADP" else t.head.head)
                    if (verb := _presence_verb(head)) is not None:
                        heads.add(verb)  # "X led U.S. participation in a virtual meeting": X takes part
            if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.dep_ == "xcomp" and t.head.lower_ in _HOLD_VERBS \
                    and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.head.children):
                # "They agreed to hold a virtual G7 leaders' meeting": whoever agrees holds it
                inherited.update(x.i for c in t.head.head.children if c.dep_ == "nsubj" for x in c.subtree)
            if t.dep_ == "relcl" and t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ in {"who", "that"} for c in t.children):
                # "Administrator X, who will travel to Mississippi": X travels
                inherited.update({t.head.i} | {c.i for c in t.head.children if c.dep_ == "compound"})
            elif t.dep_ == "relcl" and t.pos_ == "VERB" and t.head.i in self.org_of_token \
                    and any(c.dep_ == "dobj" and c.lower_ in {"which", "that"} for c in t.children):
                # "the Joint Planning Committee, which the Vice Minister is co-chairing this week": the body meets
                inherited.update({t.head.i} | {c.i for c in t.head.children if c.dep_ == "compound"})
            if t.dep_ == "xcomp" and t.head.lower_ in _INVITE_VERBS:
                # "invited his counterpart, X, to visit Washington": the one invited is the party, and the one who invites
                inherited.update(x.i for c in t.head.children if c.dep_ in {"dobj", "nsubj"} for x in c.subtree)
            elif t.dep_ in {"conj", "advcl", "xcomp"} and t.head.pos_ in {"VERB", "AUX"} and not any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
                # "convened and chaired", "will return to the Gulf, visiting X": the subject is the head verb's
                inherited.update(x.i for c in t.head.children if c.dep_ in {"nsubj", "nsubjpass"} for x in c.subtree)
            elif t.pos_ == "VERB" and _after_looking_forward(t):
                # "They looked forward to meeting again at the June Summit": they meet
                inherited.update(x.i for c in t.head.head.children if c.dep_ == "nsubj" for x in c.subtree)
            if t.pos_ == "VERB" and (owner := _trip_owner(t)) is not None:
                # "President X's June trip to the United Kingdom to attend the G7 Summit and meet with Y": X meets Y
                inherited.update(y.i for y in owner.subtree)
        for t in group:
            if t.dep_ in {"acl", "relcl"} and t.pos_ == "VERB":
                # "plans for Prime Minister Modi to visit the White House": the visitor sits on the noun's "for"
                inherited.update(x.i for c in t.head.children if c.dep_ == "prep" and c.lower_ == "for" for x in c.subtree)
                invited = t.head.head
                invitee = {x.i for c in t.head.children if c.dep_ == "prep" and c.lower_ == "to" for x in c.subtree}
                if t.head.lower_ in self._PLANNING_NOUNS and invitee & set(self.token_person):
                    # "reiterated President X's invitation to Prime Minister Y to visit the White House": Y visits X
                    inherited.update(invitee | {x.i for c in t.head.children if c.dep_ == "poss" for x in c.subtree})
                elif t.head.lower_ in self._PLANNING_NOUNS and t.head.dep_ == "dobj" and invited.pos_ == "VERB":
                    # "accepted X's invitation to visit the Vatican": the one who accepts visits
                    inherited.update(self._subjects(invited))
        for h in heads:
            for c in h.children:
                if h.i in remarked and c.dep_ in {"nsubj", "nsubjpass", "dobj"}:
                    continue
                if h.i in remarked and (c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by"):  # "welcomed the visit ... by X"
                    out.update(x.i for x in c.subtree)
                    continue
                if c.dep_ in _PARTY_DEPS or c.dep_ == "compound" and h.pos_ == "NOUN":
                    out.update(x.i for x in c.subtree)
                    if c.dep_ in {"nsubj", "nsubjpass"}:
                        out.update(self._listed_before(c.left_edge.i))
                    if c in group:  # "continue our consultations with X on the conflict between A and B": no parties
                        topics.update(x.i for p in c.children if p.dep_ == "prep" and p.lower_ in _TOPIC_PREPS
                                      for x in p.subtree)
                elif c.dep_ == "prep" and (c.lower_ in _PARTY_PREPS or c.lower_ == "by" and h.tag_ == "VBN"
                                           or c.lower_ == "to" and h.lower_ in _SPEAK_VERBS):
                    out.update(x.i for x in c.subtree)
                elif c.dep_ == "prep" and c.lower_ in {"of", "by"} and h in group and h.pos_ == "NOUN":
                    out.update(x.i for x in c.subtree)  # "meeting of X", "the visit by X"
                elif c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} and h.pos_ in {"VERB", "AUX"} and h in group \
                        and any(x.dep_ == "prep" and x.lower_ in _PARTY_PREPS for x in h.children) \
                        and not any(x.dep_ == "prep" and x.lower_ in _TOPIC_PREPS and x.i < c.i for x in h.children):
                    # (not "spoke with X regarding A, B, and the two Canadians Y and Z detained": a list of topics)
                    # "met with X, Y, and his counterpart Z", the last one parsed as joined to the verb
                    out.update(x.i for x in c.subtree)
                elif c.dep_ == "conj" and c.lower_ == "joined" and any(x.dep_ == "agent" for x in c.children):
                    # "the Council held its fifth meeting in Washington, D.C. Secretary X and Secretary Y were joined
                    # by Z" (the model ran the two sentences into one)
                    out.update(x.i for y in c.children if y.dep_ in {"nsubjpass", "agent"} for x in y.subtree)
                elif c.dep_ == "advcl" and c == _with_clause(h):  # "spoke with Governor X to offer": X
                    out.update(x.i for subj in c.children if subj.dep_ in {"nsubj", "nsubjpass"} for x in subj.subtree)
        for t in group:
            for c in t.children:
                nxt = self.doc[c.i + 1] if c.i + 1 < len(self.doc) else None
                if c.lower_ in _PARTY_PREPS and nxt is not None and nxt.text == ":":
                    # "spoke individually with: Prime Minister X of Estonia; Prime Minister Y of Latvia; ..."
                    out.update(range(nxt.i + 1, t.sent.end))
        for tok in (self.doc[i] for i in sorted(scope)):
            # "met with X to discuss sanctions and with Y to review ...": a second with-phrase the parser hung elsewhere
            if tok.lower_ in _PARTY_PREPS and tok.dep_ == "conj" and (tok.head in heads or tok.head.head in heads):
                out.update(x.i for x in tok.subtree)
        out |= self._listed_on(out)
        out -= topics
        behalf = {x.i for i in out if self.doc[i].lower_ == "behalf" for x in self.doc[i].subtree}
        return ((out & scope if scope else out) | inherited) - behalf  # "on behalf of President Biden": not there

    def _listed_on(self, out: set[int]) -> set[int]:
        """Persons listed after a party ("met with President A of X, President B of Y, and President C of Z") whom
        the parser hung elsewhere: only commas and "and" between them, each with its title and "of <nation>"."""
        doc, found = self.doc, set()
        named = sorted(i for i in out if i in self.token_person)
        p = named[-1] if named else len(doc)
        while p < len(doc):
            name = self.token_person[p]
            while p < len(doc) and (self.token_person.get(p) == name or p not in self.token_person and doc[p].pos_ == "PROPN"
                                    and ((e := self.ent_of_token.get(p)) is None or e.label_ == "GPE" and not e.kb_id_)):
                p += 1  # the rest of the name the model cut ("Andry Nirina Rajoelina")
            if p < len(doc) and doc[p].lower_ == "of":  # "of the Democratic Republic of the Congo"
                ent = self.ent_of_token.get(p + 1) or self.ent_of_token.get(p + 2)
                if ent is None or ent.label_ not in {"NATION", "ORG"} or ent.start not in (p + 1, p + 2):
                    break
                p = ent.end
            if p < len(doc) and doc[p].text == "(":  # "(DRC)"
                close = next((t.i for t in doc[p:p + 8] if t.text == ")"), None)
                if close is None:
                    break
                p = close + 1
            start = p
            while p < len(doc) and (doc[p].text == "," or doc[p].lower_ == "and"):
                p += 1
            while p < len(doc) and (ent := self.ent_of_token.get(p)) is not None and ent.label_ == "TITLE":
                p = ent.end
            if p == start or p >= len(doc) or p not in self.token_person:
                break
            run = [i for i in range(p, min(p + 8, len(doc))) if self.token_person.get(i) == self.token_person[p]]
            if any(doc[i].dep_ in {"nsubj", "nsubjpass"} for i in run):
                break  # "..., and President C said": a clause of its own
            found.update(run)
        return found

    def _outside_clauses(self, tokens: set[int]) -> set[int]:
        """The tokens but those in a relative or participial clause among them ("which is overseen by X")."""
        return tokens - {x.i for i in tokens if self.doc[i].dep_ in {"relcl", "acl"} for x in self.doc[i].subtree}

    def _subjects(self, verb: Token) -> set[int]:
        if _misparsed_verb(verb):  # the words before it (the small model lost the clause), but "which is overseen by X"
            return self._outside_clauses(set(range(verb.sent.start, verb.i)))
        subj = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subj and verb.dep_ in {"conj", "xcomp"}:
            subj = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subj and _after_looking_forward(verb):
            subj = [c for c in verb.head.head.children if c.dep_ == "nsubj"]  # "he is looking forward to hosting X" (not
            # "thanked Lithuania for hosting U.S. forces")
        if not subj and verb.i > 0 and (verb.i - 1) in self.token_person \
                and not any(c.dep_ == "agent" for c in verb.children):
            # "Today, ahead of the Summit, National Climate Advisor Gina McCarthy convened ...": the parser hung the
            # name that stands right before the verb on the phrase before it
            i = verb.i - 1
            while i > verb.sent.start and ((i - 1) in self.token_person or self.doc[i - 1].ent_type_ in {"TITLE", "HONORIFIC"}
                                           or self.doc[i - 1].lower_ in {",", "and"} and (i - 2) in self.token_person):
                i -= 1  # "Advisor X and Interior Secretary Y convened": both
            return set(range(i, verb.i))
        agent = [g for c in verb.children if c.dep_ == "agent" for g in c.subtree]
        if agent and (any(c.dep_ == "nsubjpass" for c in verb.children) or verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children)):
            return {t.i for t in agent}  # "X was hosted by Y", "a Forum Hosted by Director Y"
        if len(subj) == 1 and subj[0].lower_ in {"he", "she"}:
            # "President Biden also said he plans to convene ...": he is the one who says so
            clause = subj[0].head  # (not "... when he visits the United States": an adverbial clause has its own "he")
            while clause.dep_ in {"ccomp", "xcomp", "conj"} and clause.head.i != clause.i:
                clause = clause.head
                named = [c for c in clause.children if c.dep_ == "nsubj" and any(x.i in self.token_person for x in c.subtree)]
                if named:
                    return {t.i for t in named[0].subtree}
        found = {t.i for s in subj for t in s.subtree}
        return found | self._listed_before(min(found)) if found else found

    def _listed_before(self, start: int) -> set[int]:
        """Persons listed right before a subject the parser cut off from them: "On Monday, Advisor A, Advisor B, and
        Investing in America Chief Economist C met with ..." (C is the subject the parser found)."""
        doc = self.doc
        sent_start = doc[start].sent.start
        j = start - 1
        while j >= sent_start:
            tok = doc[j]
            if tok.ent_type_ in {"DATE", "TIME"} or not (tok.text in {",", "and"} or tok.is_title or tok.lower_ in {"of", "for", "the", "in", "to"}
                                                      or tok.ent_type_ in {"TITLE", "PERSON", "NATION", "ORG"}):
                break
            j -= 1
        if j < sent_start or doc[j].ent_type_ not in {"DATE", "TIME"}:
            return set()  # "After meeting with President X, Secretary Y met ...", "With X, Y met": X is no subject
        run = range(j + 1, start)
        if not any(doc[i].text in {",", "and"} for i in run):
            return set()
        return {i for i in run if i in self.token_person}

    def _parties_in(self, tokens: set[int], groups: bool = True) -> tuple[list[str], list[str], list[str]]:
        persons: list[str] = []
        nations: list[str] = []
        orgs: list[str] = []
        owners = self._title_owners(tokens)
        for i in sorted(tokens):
            if i in self.token_person and i not in owners:
                _add(persons, self.token_person[i])
            ent = self.ent_of_token.get(i)
            if ent is None:
                continue
            if ent.label_ == "NATION" and ent.kb_id_ and ent.root.dep_ != "poss" and not self._inside_name(ent) \
                    and not (ent.root.dep_ == "pobj" and ent.root.head.lower_ in {"in", "at"}) \
                    and not self._topic_modifier(ent):  # "in Munich Germany": where; "Afghanistan policy": what about
                _add(nations, ent.kb_id_)
            elif groups and ent.label_ == "NORP" and ent.kb_id_ and ent.root.head.lower_ in _PEOPLE_NOUNS and ent.root.head.i not in self.ent_of_token:
                _add(nations, ent.kb_id_)
            elif ent.label_ == "ORG" and i in self.org_of_token:
                _add(orgs, self.org_of_token[i])
                org = self.orgs.get(self.org_of_token[i])
                if org is not None and org.nation and GOVERNMENT_OF.search(org.canonical or org.name):
                    _add(nations, org.nation)  # "talks with the Government of Japan": Japan is a side
                for side in org.sides if org is not None else ():
                    _add(nations, side)  # "a meeting of the U.S.-Israel Strategic Consultative Group": both are sides
        return persons, nations, orgs

    def _title_owners(self, tokens: set[int]) -> set[int]:
        """The tokens of a person named only as whose official another is: "President Biden’s Special Advisor for the
        Americas Christopher Dodd" (Biden is no party to Dodd's meeting)."""
        out: set[int] = set()
        for i in tokens:
            tok = self.doc[i]
            if i in self.token_person and tok.dep_ == "poss" and tok.head.ent_type_ == "TITLE" and tok.head.i not in self.token_person:
                name, j = self.token_person[i], i
                while j >= 0 and self.token_person.get(j) == name:  # the whole mention: "President Biden"
                    out.add(j)
                    j -= 1
        return out

    def _government_of(self, tokens: set[int]) -> list[str]:
        """The nation whose government body the tokens name: an organisation with a nation ("the White House",
        "the Department of the Treasury"), or the publisher's "Administration officials"."""
        for i in sorted(tokens):
            org = self.orgs.get(self.org_of_token.get(i, ""))
            if org is not None and org.nation:
                return [org.nation]
        if self.home and any(self.doc[i].text == "Administration" for i in tokens):
            return [self.home]
        return []

    def _chairs_a_body(self, group: list[Token]) -> bool:
        """Is the event's verb the chairing of a body ("co-chair the Strike Force", "the Alliance, co-chaired by X")
        rather than of a meeting?"""
        for t in group:
            trig = self._trigger(t)
            if t.pos_ != "VERB" or trig is None or trig.kind != "chair":
                continue
            before = self.doc[t.i - 2] if t.i >= 2 and self.doc[t.i - 1].text == "," else None  # "the Alliance, co-chaired by"
            chaired = [c for c in t.children if c.dep_ == "dobj"] + (
                [before if before is not None and before.i in self.org_of_token else t.head] if t.dep_ == "acl" else [])
            if chaired and all(c.i in self.org_of_token and f"{c.lower_}|NOUN" not in self.triggers for c in chaired):
                return True
        return False

    def _unnamed_leader(self, tokens: set[int]) -> bool:
        """'the President', 'the Vice President' that resolve to no person: the publisher's leader, unnamed."""
        return bool(self.home) and any(
            self.doc[i].text == "President" and i not in self.token_person
            and any(c.dep_ == "det" and c.lower_ == "the" for c in self.doc[i].children)
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in self.doc[i].children) for i in tokens)  # (not "the President of X")

    def contributors(self, after: int) -> list[str]:
        """Persons who speak or take part in the sentences after token `after` that report no meeting of their own
        ("Director X delivered opening remarks", "Y moderated a discussion"): at a convening, its participants."""
        names: list[str] = []
        for sent in self.doc.sents:
            if sent.start <= after or any(self._trigger(t) for t in sent):
                continue
            for t in sent:
                trig = self.triggers.get(f"{t.lower_}|VERB")
                if t.dep_ in {"relcl", "acl"}:
                    continue  # "the Unity Agenda that President Biden outlined in his State of the Union": another time
                if t.pos_ == "VERB" and trig is not None and trig.kind == "contribute":
                    # the whole subject but its clauses: "Director of the NEC, X, delivered", "Secretary X and
                    # Administrator Y discussed", "Council on Environmental Quality Chair X" parsed as "Council on X"
                    found = self._persons_at(sorted(self._outside_clauses(
                        {x.i for c in t.children if c.dep_ == "nsubj" for x in c.subtree})))
                elif t.pos_ == "VERB" and t.lower_ == "briefed" and any(c.dep_ == "nsubjpass" for c in t.children):
                    # "The Task Force was briefed by Commerce Secretary X and NOAA scientist Y"
                    found = self._persons_at(x.i for c in t.children if c.dep_ == "agent" for x in c.subtree)
                elif t.pos_ == "VERB" and t.lower_ in {"heard", "hear"}:  # "participants heard directly from X, Y and Z"
                    found = self._persons_at(x.i for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for x in c.subtree)
                else:
                    continue
                for name in found:
                    _add(names, name)
        return names

    def _topic_modifier(self, ent: Span) -> bool:
        """'a common approach to Afghanistan policy', 'Ukraine aid': a nation naming what a thing is about, not a side
        ('the U.S. delegation', 'the U.S.-Japan summit' are sides)."""
        head = ent.root.head
        return ent.root.dep_ == "compound" and head.pos_ == "NOUN" and head.i not in self.ent_of_token \
            and head.dep_ == "pobj" and head.head.lower_ in _TOPIC_PREPS | {"to"} \
            and head.lower_ not in _PEOPLE_NOUNS | _SIDE_NOUNS | _PRESENCE_NOUNS and f"{head.lower_}|NOUN" not in self.triggers

    def _inside_name(self, ent: Span) -> bool:
        return ent.root.dep_ == "compound" and ent.root.head.i in self.ent_of_token

    def _read(self, group: list[Token], all_triggers: list[Token]) -> _Event:
        anchor = self._anchor(group)
        scope = self._scope(anchor, [t for t in all_triggers if t not in group])
        sent = anchor.sent
        ev = _Event(anchor=anchor, triggers=group, sentence=sent.text.strip())
        party = self._party_tokens(group, scope)
        ev.persons, ev.nations, ev.orgs = self._parties_in(party)
        ev.pronoun_parties = any(self.doc[i].lower_ in _PRONOUNS for i in party)
        subjects = {i for t in group if t.pos_ in {"VERB", "AUX"} for i in self._subjects(t)}
        ev.pronoun_subject = any(self.doc[i].lower_ in {"he", "she"} for i in subjects) and not any(i in self.token_person for i in subjects)
        ev.counterpart_described = any(
            self.doc[i].lower_ in _PEOPLE_NOUNS and self.doc[i].dep_ in {"pobj", "dobj", "conj", "appos"} for i in party)
        if not ev.persons and not ev.nations and ev.counterpart_described:
            # "the Biden-Harris Administration met with representatives of ...": the government meets them
            ev.nations = self._government_of(subjects)
        # hosts and chairs
        for t in group:
            trig = self._trigger(t)
            if trig and trig.kind in {"host", "chair"}:
                subjects = self._subjects(t)
                p, n, _ = self._parties_in(subjects, groups=False)
                if not p and not n:  # "the White House convened", "senior Administration officials convened"
                    n = self._government_of(subjects)
                    ev.pronoun_host = not n and t.dep_ != "advcl" and any(self.doc[i].lower_ in {"he", "she"} for i in subjects)
                    if not n and self._unnamed_leader(subjects):
                        # "the President convened the Council" in a readout that never names him: his government takes
                        # part, as a side but not as a named host
                        _add(ev.nations, self.home)
                refs = [Ref("person", x) for x in p] + [Ref("nation", x) for x in n]
                for r in refs:
                    _add(ev.hosts if trig.kind == "host" else ev.chairs, r)
                for x in p:
                    _add(ev.persons, x)
                for x in n:
                    _add(ev.nations, x)
            if trig and trig.mode:
                ev.mode = trig.mode
        scope_tokens = [self.doc[i] for i in sorted(scope)]
        scope_text = " ".join(t.text for t in scope_tokens)
        if re.search(r"\b(by phone|by telephone|phone call|telephone call|spoke by phone)\b", scope_text, re.I):
            ev.mode = "call"
        if re.search(r"\b(video ?conference|video call|virtual(ly)?|by video|videoconference)\b", scope_text, re.I):
            ev.mode = "video"
        ev.planned = any(self._future(t) for t in group) or bool(_FUTURE.search(scope_text) and any(t.pos_ in {"VERB", "AUX"} for t in group)) \
            or any(_after_looking_forward(t) for t in group) \
            or any(c.lower_ in {"upcoming", "forthcoming", "planned"} for t in group if t.pos_ in {"NOUN", "PROPN"} for c in t.children) \
            or any(t.dep_ == "xcomp" and t.head.lower_ in _INVITE_VERBS for t in group) \
            or any(_looked_forward_to(t) and any(c.dep_ == "poss" and c.i in self.token_person for c in t.children)
                   for t in group)  # "invited X to visit", "they look forward to President X's visit to Israel"
        ev.negated = _negated(anchor)
        self._read_place_date_counts(ev, scope, group, party)
        if ev.date is None and self._chairs_a_body(group):
            ev.negated = True  # "the Alliance, co-chaired by X", "will co-chair the Strike Force": a body's chair, no meeting
        own = {ev.anchor.i, self._top(ev.anchor).i}  # "During the forum, participants spoke with X": on its own verb
        ev.during_reported = not ev.planned and any(
            t.lower_ in {"during", "throughout"} and t.dep_ == "prep" and t.head.i in own and any(
                c.dep_ == "pobj" and c.lower_ in _EVENT_NOUNS and any(
                    d.dep_ == "det" and d.lower_ in {"the", "this", "that"} for d in c.children) for c in t.children)
            for t in ev.anchor.sent)
        return ev

    _PLANNING_NOUNS = {"plan", "plans", "invitation", "invitations", "proposal", "intention", "intent"}

    def _future(self, verb: Token) -> bool:
        if verb.dep_ in {"acl", "relcl"} and verb.head.lower_ in self._PLANNING_NOUNS:
            return True  # "plans for X to visit", "an invitation to visit"
        heads = [verb] + ([verb.head] if verb.dep_ in {"advcl", "xcomp", "conj"} else [])
        if verb.pos_ in {"NOUN", "PROPN"}:  # "will lead a delegation ... for a meeting on November 17"
            heads = [verb.head, verb.head.head] if verb.head.pos_ == "ADP" else [verb.head]
        clause = verb
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "xcomp" and clause.head.lower_ in _INTENT_VERBS:
            return True  # "he would like to check in with leaders by phone, and meet with them upon his return"
        return any(c.lower_ in {"will", "shall", "'ll"} and c.dep_ == "aux" for h in heads for c in h.children) or \
            any(c.lower_ in {"set", "expected", "due", "scheduled"} for c in verb.ancestors if c.i >= verb.sent.start)

    @staticmethod
    def _prep_of(e: Span, group: list[Token], visit: bool) -> str:
        """The preposition governing an entity ("in Paris" -> "in"); "to" for the object of visit ("visiting Japan")."""
        for t in e:
            t = _onto_country(t)
            if t.dep_ == "pobj":
                return t.head.lower_ if t.head.dep_ != "conj" else t.head.head.lower_
            if t.dep_ == "conj" and t.head.dep_ == "pobj":
                return t.head.head.lower_
            if visit and t.dep_ == "dobj" and t.head in group:
                return "to"
        return ""

    def _attached(self, e: Span, group: list[Token], party: Optional[set[int]]) -> bool:
        """Does the place phrase belong to the meeting (its trigger, its clause's verb, a party), not to a topic
        ("talks on the situation in Aleppo")?"""
        if party is None:
            return True
        # the name's own head ("Democratic Republic of Congo" joined to "Rwanda"), not a word inside it ("Congo")
        tok = _onto_country(e.root if e.root.dep_ in {"pobj", "dobj", "conj"} else next((t for t in e if t.dep_ in {"pobj", "dobj"}), e.root))
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head  # "in Washington and Munich"
        if tok.dep_ != "pobj":
            return tok.dep_ == "dobj" and tok.head in group
        tops = {g.i for g in group} | {g.head.i for g in group} | {g.head.head.i for g in group if g.head.pos_ == "ADP"}
        for _ in range(3):  # "for breakfast at his home in Wilmington": nested places of the meeting
            prep = tok.head
            while prep.dep_ == "conj" and prep.head.i != prep.i:
                prep = prep.head
            head = prep.head
            if head.i in tops or head.i in party:
                return True
            if head.dep_ == "conj" and head.head.i in tops and head.pos_ == "NOUN":
                return True  # "the visit by X and an accompanying delegation next week to Washington"
            if head.head.i in tops and (head.ent_type_ in {"DATE", "TIME"} and head.dep_ in {"npadvmod", "nmod"}
                                        or head.lower_ in {"take", "takes", "taking", "took", "taken"} and any(c.lower_ == "place" for c in head.children)):
                return True  # "met with X September 24 at UN Headquarters", "the meeting, taking place on the margins of"
            margins = head.head.lower_ == "of" and head.head.head.lower_ in _MARGINS \
                or head.lower_ in _MARGINS and head.head.lower_ == "on"
            if not (head.dep_ == "pobj" and (head.head.lower_ in {"at", "in", "for"} or margins
                                             or head.head.lower_ == "of" and head.pos_ == "PROPN")  # "at the Office of the Government in Hanoi"
                    and head.pos_ in {"NOUN", "PROPN"}):
                return False  # "on the margins of the NATO Summit in Vilnius": the summit's place is the meeting's
            tok = head
        return False

    def _read_place_date_counts(self, ev: _Event, scope: set[int], group: list[Token], party: Optional[set[int]] = None) -> None:
        doc = self.doc
        visit = any(t.lower_.startswith(("visit", "travel", "trip")) or t.lower_ == "delegation" for t in group)
        own = {t.i for t in group}

        def of_a_name(e: Span) -> bool:  # "in the lead-up to the March 2023 Summit for Democracy": another meeting's date
            name = e.root.head  # (but "meeting again at the June Summit of the Americas": the meeting is at it)
            return bool(group) and name.ent_type_ == "ORG" and e.root.dep_ in {"nmod", "compound"} and name.i not in own \
                and name.head.lower_ not in {"at", "during", "on", "in"}

        dates = [e for e in doc.ents if e.label_ in {"DATE", "TIME"} and e.start in scope and not of_a_name(e)]
        clause = self._top(ev.anchor) if group else None
        if not dates and clause is not None and clause.dep_ == "relcl" and clause.head.ent_type_ == "DATE" \
                and any(c.lower_ in {"where", "when"} for c in clause.children):
            dates = [self.ent_of_token[clause.head.i]]  # "on Saturday, where the Vice President met with families"
        if not dates:  # a date elsewhere in the sentence, outside any other event's clause
            sent = ev.anchor.sent
            own_clauses = {ev.anchor.i, *(a.i for a in ev.anchor.ancestors)}

            def in_other_clause(e: Span) -> bool:  # "met with families whose loved ones were killed during the 2018 ..."
                return any(a.dep_ == "relcl" and a.i not in own_clauses and a.head.i not in own_clauses
                           for a in e.root.ancestors)  # (but "the summit, to be held in Busan in early 2024": its own)
            dates = [e for e in sent.ents if e.label_ in {"DATE", "TIME"} and e.start not in self._claimed and not of_a_name(e)
                     and not in_other_clause(e)]
        if clause is not None:  # "Building on X signing the Act last month, today Y convened a meeting": today's
            dates.sort(key=lambda e: self._in_subclause(e.root, clause, own))
        future = ev.planned
        # "the hospitality he received during his visit to Sydney in December": a month named in a past report
        past = not future and any(t.pos_ == "VERB" and t.tag_ in {"VBD", "VBN"} or t.pos_ == "NOUN" and t.dep_ == "pobj"
                                  and t.head.lower_ in {"during", "on", "at", "after", "since"} and t.head.head.tag_ in {"VBD", "VBN"}
                                  for t in group)
        for e in dates:
            value = resolve_date(_with_preposition(e), self.published, future, past)
            if value is not None and self.published and int(value.value[:4]) <= self.published.year - _HISTORY_YEARS:
                head = e.root.head.head if e.root.head.dep_ == "prep" else e.root.head
                if e.root.head.lower_ == "since" or head not in group and head != self._top(ev.anchor):
                    continue  # "the Alliance, founded in 1949", "since 1992": a year of something else, not this meeting's
                ev.historical = True  # "Almost exactly 10 years ago, when I visited Mumbai": a meeting the readout recalls
            if value is not None:
                ev.date = value
                break
        place_ents: list[tuple[Place, Span]] = []
        for e in doc.ents:
            if e.start not in scope:
                continue
            prep = self._prep_of(e, group, visit) if self._attached(e, group, party) else ""
            place = None
            if e.label_ == "GPE" and e.kb_id_ and "|" in e.kb_id_ and prep in _PLACE_PREPS:
                iso3, name = e.kb_id_.split("|", 1)
                place = Place(name=e.text if e.text != name else name, nation=iso3)
                if visit and prep == "to":
                    ev.visit_nation = ev.visit_nation or iso3
            elif e.label_ == "GPE" and not e.kb_id_ and prep in {"in", "at"}:
                place = Place(name=e.text, nation=None)
            elif e.label_ == "NATION" and visit and prep == "to":
                ev.visit_nation = ev.visit_nation or e.kb_id_
                _add(ev.nations, e.kb_id_)
            elif e.label_ == "NATION" and prep == "in":
                ev.located_nation = ev.located_nation or e.kb_id_  # "Today in Israel, Sullivan met with ..."
            if place is not None:
                in_site = e.root.dep_ == "pobj" and e.root.head.lower_ == "in"
                site = next((p for p, at in place_ents if at.start <= e.root.head.head.i < at.end), None) if in_site else None
                if site is not None:  # "at UN Headquarters in New York", "the National Assembly in Hanoi": the city
                    ev.places = [place if p == site else p for p in ev.places]
                    ev.place = place if ev.place == site else ev.place
                place_ents.append((place, e))
                _add(ev.places, place)
                ev.place = ev.place or place
            elif e.label_ == "ORDINAL" and e.root.head in group:
                ev.ordinal = _ORDINAL_WORDS.get(e.text.lower())
        for t in group:
            for c in t.children:
                if c.dep_ in {"amod", "advmod"} and c.lower_ in _ORDINAL_WORDS:
                    ev.ordinal = _ORDINAL_WORDS[c.lower_]
            if t.pos_ in {"NOUN", "PROPN"}:
                for c in t.children:
                    if c.dep_ in {"amod", "nummod", "compound"} and (m := _ORDINAL.match(c.text)):
                        ev.ordinal = int(m.group(1))
                    elif c.dep_ in {"amod", "advmod", "compound"} and c.lower_ in _ORDINAL_WORDS:  # "the Second Meeting of"
                        ev.ordinal = _ORDINAL_WORDS[c.lower_]
        text = " ".join(doc[i].text for i in sorted(scope))
        if not (_NATION_COUNT.search(text) or _LEADER_COUNT.search(text)) and not self._claimed and group:
            text = group[0].sent.text  # the sentence reports this event only
        if m := (_NATION_COUNT.search(text) or _LEADER_COUNT.search(text)):
            n = m.group(1).lower()
            ev.nation_count = int(n) if n.isdigit() else _WORD_NUMBERS.get(n)
        # "spoke today about preparations for the NATO Summit": what they talk about is no series of theirs
        about = {x.i for t in group for c in t.children if c.dep_ == "prep" and c.lower_ in {"about", "regarding", "concerning"}
                 for x in c.subtree}
        topic = {self.org_of_token[i] for i in about if i in self.org_of_token} - {
            self.org_of_token[i] for i in scope - about if i in self.org_of_token}
        # "Cardinal X, ... President of the Italian Episcopal Conference": a body a person's post names is no series
        posts_of = {x.i for i in scope if self.doc[i].ent_type_ == "TITLE" for c in self.doc[i].children
                    if c.dep_ == "prep" and c.lower_ == "of" for x in c.subtree}
        topic |= {self.org_of_token[i] for i in posts_of if i in self.org_of_token}
        groups = [o for o in ev.orgs if self.orgs.get(o) and self.orgs[o].kind == "group" and o not in topic]
        scope_groups = [self.org_of_token[i] for i in sorted(scope - about - posts_of) if i in self.org_of_token and self.orgs.get(self.org_of_token[i]) and self.orgs[self.org_of_token[i]].kind == "group"]
        if groups or scope_groups:
            ev.series = (groups or scope_groups)[0]
            ev.orgs = [o for o in ev.orgs if o != ev.series]
        elif any(self.doc[i].lower_ == "group" and self.doc[i].i not in self.ent_of_token for i in scope):
            ev.series = self._last_group_before(ev.anchor.i)

    @staticmethod
    def _in_subclause(tok: Token, top: Token, own: set[int]) -> bool:
        """Does a verb other than the event's own stand between the token and the event's clause?"""
        for a in tok.ancestors:
            if a.i == top.i or a.i in own:
                return False
            if a.pos_ in {"VERB", "AUX"}:
                return True
        return False

    def _last_group_before(self, i: int) -> Optional[str]:
        found = None
        for t, name in sorted(self.org_of_token.items()):
            if t >= i:
                break
            if self.orgs.get(name) and self.orgs[name].kind == "group":
                found = name
        return found

    def _series_events(self, sent: Span, has_trigger: bool = True) -> list[_Event]:
        """A meeting named by its series: "at the upcoming Summit of the Americas in Los Angeles", "joined leaders
        ... during the annual East Asia Summit" (then the sentence's people and nations take part)."""
        out = []
        for ent in sent.ents:
            name = self.org_of_token.get(ent.start) if ent.label_ == "ORG" else None
            org = self.orgs.get(name) if name else None
            if org is None or org.kind != "group" or not _SERIES_HEADS & set(name.split()):
                continue
            before = ent.start  # "for the July 11-12, 2023 NATO Summit": the words before its date
            while before > sent.start and (self.doc[before - 1].ent_type_ == "DATE" or self.doc[before - 1].is_punct
                                           and before - 2 >= sent.start and self.doc[before - 2].ent_type_ == "DATE"):
                before -= 1
            # "in the November 2021 North American Leaders’ Summit": a summit with a date of its own
            at = _AT_SERIES.search(self.doc[sent.start:before].text)
            dated_in = at is None and before < ent.start and bool(_IN_SERIES.search(self.doc[sent.start:before].text))
            if not at and not dated_in:
                continue
            ev = _Event(anchor=ent.root, triggers=[], sentence=sent.text.strip(), series=name, series_event=True)
            # "at the Summit in Vilnius", "the NATO Summit, which will be held in Madrid on June 29-30", "the July
            # 11-12, 2023 NATO Summit"
            near = set(range(ent.start, min(sent.end, ent.end + 6))) | {
                x.i for x in ent.root.subtree if x.i >= ent.start or x.ent_type_ == "DATE" and any(
                    c.is_digit for c in self.ent_of_token[x.i])}  # not "the Fourth Annual Forum"
            ev.planned = bool(_FUTURE.search(sent.text)) or "upcoming" in self.doc[max(sent.start, ent.start - 3):ent.start].text.lower() \
                or bool(at) and at.group(1).lower() in _PREPARING_AHEAD  # a summit one prepares for is still to come
            self._read_place_date_counts(ev, near, [])  # a planned summit "in July" is the coming July
            ev.planned = ev.planned or bool(ev.date and self.published and _ahead(ev.date, self.published))
            if has_trigger and not ev.planned and not (dated_in and ev.date):
                continue  # "met ... on the margins of the Summit": the meeting reported carries the series
            if has_trigger:  # "to reaffirm the vision they laid out in the November 2021 ... Summit": they attended
                verb = ent.root.head.head if ent.root.head.dep_ == "prep" else ent.root.head
                ev.pronoun_parties = any(c.dep_ == "nsubj" and c.lower_ in {"they", "we"} for c in verb.children)
            ev.series = name
            presence = ent.root.head.head if ent.root.head.dep_ == "prep" else None
            if presence is not None and presence.lower_ in _PRESENCE_NOUNS and any(
                    c.dep_ == "poss" and c.lower_ in {"their", "our"} for c in presence.children):
                ev.pronoun_parties = True  # "the leaders discussed their upcoming participation in the Summit": they attend
            if not has_trigger and not (at and at.group(1).lower() in _PREPARING_AHEAD):
                # the sentence reports this summit only: its people and nations attend (not when they prepare for it,
                # nor the author of a headline "Statement from Press Secretary X on the Upcoming ... Summit")
                about = _ABOUT_HEADLINE.match(sent.text) and _ON_TOPIC.search(self.doc[sent.start:ent.start].text)
                first = ent.start if about else sent.start
                ev.persons, ev.nations, _ = self._parties_in(set(range(first, sent.end)) - set(range(ent.start, ent.end)))
                # "He looks forward to consulting with Mr. X on the margins of the Quad Summit": he attends too
                ev.pronoun_subject = not about and ent.root.head.head.tag_ != "VBN" and any(
                    t.dep_ == "nsubj" and t.lower_ in {"he", "she"} and t.head.dep_ == "ROOT" for t in sent)
                # (not "He noted the declaration issued at the BRICS Summit": a summit something came from)
            out.append(ev)
        return out

    def occurrences(self, ev: _Event) -> list[tuple[Optional[DateValue], Optional[Place], str]]:
        """The dated or placed list items after a sentence such as "... in the following places:"."""
        items = []
        sents = list(self.doc.sents)
        start = next((n for n, s in enumerate(sents) if s.start <= ev.anchor.i < s.end), len(sents))
        for sent in sents[start + 1:]:
            if any(self._trigger(t) for t in sent):
                break
            when = next((v for e in sent.ents if e.label_ == "DATE" and (v := resolve_date(e.text, self.published))), None)
            where = next((Place(e.text if "|" not in e.kb_id_ else e.kb_id_.split("|", 1)[1], e.kb_id_.split("|", 1)[0] if "|" in e.kb_id_ else None)
                          for e in sent.ents if e.label_ in {"GPE", "FAC"}), None)
            if when is None and where is None:
                if items:
                    break
                continue
            items.append((when, where, sent.text.strip()))
        return items

    def subject_persons(self, ev: _Event) -> list[str]:
        """Persons named as the subject of the event's verbs (the visitor of a visit)."""
        out: list[str] = []
        for t in ev.triggers:
            verb = t if t.pos_ in {"VERB", "AUX"} else t.head if t.dep_ in {"dobj", "attr"} and t.head.pos_ in {"VERB", "AUX"} else None
            if verb is not None:  # "Harris had five separate calls": the subject of the verb that has the calls
                for name in self._persons_at(sorted(self._subjects(verb))):
                    _add(out, name)
        return out

    def listed_owners(self, anchor: Token) -> list[str]:
        """'President Biden’s and Vice President Harris’ bilateral meetings with X': the persons whose possessives,
        joined by "and", stand before a plural meeting noun (the parser often loses the first)."""
        if anchor.tag_ != "NNS":
            return []
        i = anchor.i - 1
        while i >= 0 and self.doc[i].pos_ == "ADJ":
            i -= 1
        names: list[str] = []
        while i >= 0 and self.doc[i].text in _POSSESSIVE_MARKS and i - 1 in self.token_person:
            name = self.token_person[i - 1]
            names.insert(0, name)
            i -= 1
            while i >= 0 and (self.token_person.get(i) == name or self.doc[i].ent_type_ == "TITLE"):
                i -= 1
            if i >= 0 and self.doc[i].lower_ in {"and", ","}:
                i -= 1
            else:
                break
        return names if len(names) >= 2 else []

    def owners(self, ev: _Event) -> list[str]:
        """The persons who own the event's noun ("Sullivan’s Calls with X and Y": Sullivan)."""
        return self._persons_at(x.i for t in ev.triggers if t.pos_ in {"NOUN", "PROPN"}
                                for c in t.children if c.dep_ == "poss" for x in c.subtree)

    def visitors(self, ev: _Event) -> list[str]:
        """Who makes the visit: the verb's subject ("X will visit"), or the noun's owner ("X's visit", "the visit of X")."""
        owned: list[str] = []
        has_owner = False
        for t in ev.triggers:
            if t.pos_ in {"NOUN", "PROPN"}:
                owners = [c for c in t.children if c.dep_ == "poss"] + [
                    x for c in t.children if c.dep_ == "prep" and c.lower_ in {"of", "by"} for x in c.children if x.dep_ == "pobj"]
                if t.dep_ == "dobj":  # "welcomed the visit to Washington this week by X", "by" parsed onto the verb
                    owners += [x for c in t.head.children if c.dep_ == "prep" and c.lower_ == "by" for x in c.children if x.dep_ == "pobj"]
                has_owner = has_owner or any(o.lower_ not in _PRONOUNS | {"his", "her", "its"} for o in owners)
            elif t.dep_ == "xcomp" and t.head.lower_ in _INVITE_VERBS:
                # "invited his Israeli counterpart, Meir Ben-Shabbat, to visit Washington": the one invited visits
                owners = [c for c in t.head.children if c.dep_ == "dobj"]
            else:
                continue
            for name in self._persons_at(x.i for o in owners for x in o.subtree):
                _add(owned, name)
        # "The President welcomed the visit to Washington by the Prime Minister's adviser": the visit is the owner's
        return owned if owned or has_owner else self.subject_persons(ev)

    def persons_listed_after(self, ev: _Event) -> list[str]:
        """Persons in the list items that follow a sentence ending in a colon, up to the next report of a meeting."""
        names: list[str] = []
        sents = list(self.doc.sents)
        start = next((n for n, s in enumerate(sents) if s.start <= ev.anchor.i < s.end), len(sents))
        for sent in sents[start + 1:]:
            found = self._persons_at(range(sent.start, sent.end))
            if not found or any(self._trigger(t) for t in sent):
                break
            for name in found:
                _add(names, name)
        return names

    def _persons_at(self, indices: Iterable[int]) -> list[str]:
        """The persons named at these token positions, once each, in the order given."""
        names: list[str] = []
        for i in indices:
            if i in self.token_person:
                _add(names, self.token_person[i])
        return names

    def joined_by(self) -> list[tuple[list[str], list[str], str, int]]:
        """'The Vice President was joined by X, Y and Z' or 'The Israeli side was led by X' in a sentence reporting no
        meeting of its own: the persons who joined, and whom they joined (empty for a pronoun or a side: the meeting
        just reported)."""
        out = []
        for sent in self.doc.sents:
            if any(self._trigger(t) for t in sent):
                continue
            for t in sent:
                agents = [c for c in t.children if c.dep_ == "agent"]
                subjects = [c for c in t.children if c.dep_ == "nsubjpass"]
                if t.lower_ not in {"joined", "led", "headed"} or not agents or not subjects:
                    continue
                clause_end = next((x.i for x in self.doc[agents[0].i:sent.end] if x.pos_ in {"VERB", "AUX"}), sent.end)
                joiners = self._persons_at(x.i for a in agents for x in a.subtree) \
                    or self._persons_at(range(agents[0].i, clause_end))  # the parser hung the names elsewhere (up to the next verb)
                joined = self._persons_at(x.i for c in subjects for x in c.subtree)
                if t.lower_ != "joined":  # "The Israeli side was led by X and Y": a side of the meeting reported
                    if subjects[0].lower_ not in _SIDE_NOUNS:
                        continue
                    joined = []
                elif not joined and subjects[0].lower_ not in {"he", "she", "they"} and not (
                        subjects[0].pos_ == "PROPN" and subjects[0].ent_type_ in {"TITLE", "ORG"}  # (not "The White House")
                        and any(c.dep_ == "det" and c.lower_ == "the" for c in subjects[0].children)):
                    continue  # (but "The DNI was joined by X and Y": the one the title names, at the meeting reported)
                if joiners:
                    out.append((joiners, joined, sent.text.strip(), sent.start))
        return out

    def line_chairs(self) -> list[str]:
        """'Brian Deese, Assistant to the President and Director of the National Economic Council (Chair)': the person
        a list line marks as the chair."""
        out: list[str] = []
        for start, end in paragraphs(self.doc):
            words = [t for t in self.doc[start:end] if not t.is_space]
            opening = next((k for k in range(len(words) - 2, max(0, len(words) - 6), -1) if words[k].text == "("), None)
            marked = "".join(t.text for t in words[opening + 1:-1]).lower() if opening is not None and words[-1].text == ")" else ""
            if marked in _CHAIR_MARKS and (name := self.token_person.get(words[0].i)) is not None:
                _add(out, name)  # "(Chair)", "(Co-Chair)"
        return out

    def attendee_lines(self) -> list[str]:
        """Persons listed one per line with their posts ("Lina Khan, Chair of the Federal Trade Commission"), as the
        entity component found them (span group `ATTENDEES`): the people at the meeting the readout reports."""
        spans = self.doc.spans[ATTENDEES] if ATTENDEES in self.doc.spans else []
        out: list[str] = []
        for span in spans:
            if (name := self.token_person.get(span.start)) is not None:
                _add(out, name)
        return out

    def headed_attendees(self) -> list[str]:
        """Attendee lines under a short heading that ends with a colon ("AA & NHPI Leaders:"): the people met."""
        spans = self.doc.spans[ATTENDEES] if ATTENDEES in self.doc.spans else []
        if not spans:
            return []
        bounds = paragraphs(self.doc)
        at = next((n for n, (s, e) in enumerate(bounds) if s <= spans[0].start < e), 0)
        heading = self.doc[bounds[at - 1][0]:bounds[at - 1][1]] if at else None
        if heading is None or len(heading) > 8 or not heading.text.rstrip("*_ ").endswith(":"):
            return []
        return self.attendee_lines()

    def listed_participants(self) -> tuple[list[str], str]:
        """Persons listed after "The leaders that participated:" (or "Participants:") to the end of the text."""
        for sent in self.doc.sents:
            if _LIST_SENTENCE.search(sent.text.strip()) and not sent.text.rstrip().endswith(":"):
                # "Participants in the call included Prime Minister X of Canada, ...": the names are in the sentence
                names = self._persons_at(range(sent.start, sent.end))
                if names:
                    return names, sent.text.strip()
            if _LIST_INTRO.search(sent.text.strip()):
                return self._persons_at(range(sent.end, len(self.doc))), sent.text.strip()
        return [], ""

    # -- the document -----------------------------------------------------------------------------------------
    def events(self) -> list[_Event]:
        out: list[_Event] = []
        for sent in self.doc.sents:
            triggers = [t for t in sent if self._trigger(t)]
            groups = self._group(triggers) if triggers else []
            scopes = [self._scope(self._anchor(g), [t for t in triggers if t not in g]) for g in groups]
            self._claimed = set().union(*scopes) if scopes else set()
            series_events = self._series_events(sent, has_trigger=bool(triggers))
            out.extend(ev for ev in series_events if not ev.pronoun_parties)
            for n, group in enumerate(groups):
                self._claimed = set().union(*(s for m, s in enumerate(scopes) if m != n))
                ev = self._read(group, triggers)
                if any(s.series == ev.series and s.planned and not ev.planned and s.date and ev.date
                       and not s.date.value.startswith(ev.date.value) and not ev.date.value.startswith(s.date.value)
                       for s in series_events):
                    ev.series = None  # "met today ... to prepare for the July 11-12 NATO Summit": the summit is another meeting
                out.append(ev)
            out.extend(ev for ev in series_events if ev.pronoun_parties)  # "they" are the parties just read
        return out


_HISTORY_YEARS = 10  # a meeting dated this many calendar years or more before publication is a historical reference
_AHEAD_WORDS = re.compile(r"\b(tomorrow|next|coming|upcoming|later this)\b", re.I)


def _with_preposition(e: Span) -> str:
    """The date's text with the preposition before it: "in May" is a month, "May" alone may be the verb."""
    prev = e.doc[e.start - 1] if e.start > 0 else None
    if prev is not None and prev.lower_ in {"in", "for"} and e.text.lower() == "may":  # not "Since May": a period
        return f"{prev.text} {e.text}"
    return e.text


def _ahead(when: DateValue, published: date) -> bool:
    """Is the date after the publication date, at its own precision, or said to be ahead ("next week")?"""
    if _AHEAD_WORDS.search(when.text):
        return True
    return when.value > published.isoformat()[:len(when.value)]


_TODAYS = re.compile(r"\btoday[’']s\b", re.I)
_NEGATING_WORDS = {"unable", "cancelled", "canceled", "postponed"}


def _negated(anchor: Token) -> bool:
    """'he would be unable to travel to X to meet with Y', 'they did not meet', 'the visit was postponed': the clause
    denies the meeting (not "The meeting could not have been more productive", not "Although X met Y, they did not
    agree": a clause of its own)."""
    verb = MeetingReader._top(anchor)
    if anchor.dep_ in {"nsubj", "nsubjpass"} and anchor.head == verb:
        return verb.lower_ in _NEGATING_WORDS  # what is said of the meeting, not whether it took place
    for _ in range(4):
        if verb.lower_ in _NEGATING_WORDS or any(c.dep_ == "neg" for c in verb.children):
            return True
        to_do = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and not any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in verb.children)  # "travel there to meet X"
        if not (verb.dep_ in {"xcomp", "acomp"} or to_do) or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _after_looking_forward(tok: Token) -> bool:
    """'looked forward to meeting', 'agreed to meeting': the word after 'to' of a verb whose subject takes part in it
    (not 'has objected to meeting with X'); the verb is tok.head.head."""
    verb = tok.head.head
    return tok.dep_ == "pcomp" and tok.head.lower_ == "to" and verb.pos_ in {"VERB", "AUX"} and (
        any(c.lower_ == "forward" for c in verb.children) or verb.lower_ in {"agreed", "agree", "agrees", "committed", "commit", "commits"})


def _looked_forward_to(noun: Token) -> bool:
    """'they look forward to President X's visit': the noun after 'to' of 'look forward'."""
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "to" \
        and any(c.lower_ == "forward" for c in (noun.head.head, *noun.head.head.children))


def _onto_country(tok: Token) -> Token:
    """'in Munich Germany' (no comma): the parser hangs the city on its country; read the city where the country is."""
    return tok.head if tok.dep_ == "compound" and tok.head.dep_ == "pobj" and tok.head.ent_type_ == "NATION" else tok


def _misparsed_verb(tok: Token) -> bool:
    """'Today, Director X, Advisor Y, and Chief Economist Z, alongside senior staff, convened providers ...': a
    past-tense verb the parser hung on a noun as a modifier, with no subject of its own."""
    return tok.tag_ in {"VBD", "VBN"} and tok.dep_ in {"amod", "compound"} and tok.i > tok.sent.start \
        and tok.doc[tok.i - 1].text == "," and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def _kind_of_visit(ent: Span, tok: Token) -> bool:
    """'the upcoming Official Visit of Prime Minister X', 'State Visit': a kind of visit the model took for a title."""
    return ent.label_ in {"WORK_OF_ART", "EVENT"} and tok.i == ent.end - 1 and all(t.lower_ in _VISIT_KINDS for t in ent[:-1])


def _presence_verb(tok: Token) -> Optional[Token]:
    """'X led U.S. participation in a virtual meeting': the verb whose object is a presence at the meeting (its
    clause and subject are the meeting's)."""
    return tok.head if tok.lower_ in _PRESENCE_NOUNS and tok.dep_ == "dobj" else None


_TRIP_NOUNS = {"trip", "visit", "travel", "travels"}


def _trip_owner(verb: Token) -> Optional[Token]:
    """'X's trip to Y to attend the Summit and meet with Z': the owner of the trip whose purpose a subjectless
    infinitive states, when the parser hung the infinitive elsewhere."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    first = verb
    while first.dep_ == "conj" and first.head.pos_ == "VERB":
        first = first.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        return None
    trip = next((t for t in reversed(list(first.sent)) if t.i < first.i and first.i - t.i <= 8 and t.lower_ in _TRIP_NOUNS
                 and t.pos_ == "NOUN" and not any(x.pos_ in {"VERB", "AUX"} for x in first.doc[t.i + 1:first.i])), None)
    # (not "Following X's visit, Secretary Y flew to Seoul to meet with Z": Y's own verb comes between)
    return next((c for c in trip.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) if trip is not None else None


def _with_clause(verb: Token) -> Optional[Token]:
    """'spoke with Governor X to offer support', parsed as 'with' marking a clause whose subject is X, or as a 'with'
    left with no object ('met today with Chief Adviser X of Bangladesh to congratulate him'): that clause."""
    dangling = any(c.dep_ == "prep" and c.lower_ == "with" and not any(x.dep_ == "pobj" for x in c.children)
                   for c in verb.children)
    return next((c for c in verb.children if c.dep_ == "advcl" and (
        any(m.dep_ == "mark" and m.lower_ == "with" for m in c.children)
        or dangling and any(x.dep_ == "nsubj" and x.i > verb.i for x in c.children))), None)


def _is_actor_event(ev: _Event) -> bool:
    if ev.anchor.dep_ in {"relcl", "acl"} and (ev.anchor.head.tag_ == "NNS" or ev.anchor.head.lower_ == "series") and not (ev.persons or ev.date or ev.place):
        return False  # "a series of listening sessions that will be convened by the Working Group": no one meeting
    if ev.series_event:
        return bool(ev.place or ev.date or ev.planned)
    actors = len(ev.persons) + len(ev.nations)
    parties = actors + len(ev.orgs) + ev.counterpart_described
    if not actors and ev.orgs and (ev.ordinal or ev.planned) and (ev.date or ev.place):
        # "the U.S.-EU Trade and Technology Council held its fifth ministerial meeting in Washington", "the Steering
        # Committee will hold its next meeting in May"
        return True
    return actors >= 1 and (parties >= 2 or bool(ev.series or ev.place or ev.nation_count or ev.hosts or ev.chairs))


def _opens_with_definite_noun(reader: "MeetingReader", sent: Span) -> bool:
    """'The meeting was convened by ...', 'This roundtable ...': a sentence that opens by referring back to a meeting."""
    return any(t.pos_ == "NOUN" and reader._trigger(t) is not None and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in t.children) for t in sent[:3])


def _definite(ev: _Event) -> bool:
    """'on the call', 'the meeting': a noun that refers back to a meeting already reported, with nothing new of its
    own (no place, series or planned status)."""
    anchor = ev.anchor
    return anchor.pos_ == "NOUN" and anchor.tag_ == "NN" and not (ev.place or ev.series or ev.planned) \
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in anchor.children)


def _compatible(a: Meeting, ev: _Event) -> bool:
    if a.date and ev.date and a.date.value != ev.date.value:
        return False
    if ev.planned and not ev.date and ev.persons and a.date and a.status == "held":
        return False  # "they look forward to President X's visit to Israel" is not the conversation held on April 24
    if ev.visit_nation and a.place and a.place.nation and a.place.nation != ev.visit_nation:
        return False  # "after the meeting in Paris ... visiting Saudi Arabia": another meeting
    if (ev.place or ev.visit_nation) and a.mode in {"call", "video"} or a.place and ev.mode in {"call", "video"}:
        return False  # a call has no place: "spoke today ... reflected on meetings in Washington"
    if a.series and ev.series and a.series != ev.series:
        return False
    if a.place and ev.place and a.place.name != ev.place.name:
        return False
    persons = {r.key for r in a.participants if r.kind == "person"}
    nations = {r.key for r in a.participants if r.kind == "nation"}
    if ev.hosts and not a.hosts and set(ev.persons) - persons and ev.series and not a.series:
        return False  # "Biden and Chinh met ... Biden and Blinken also convened a Summit with ...": another meeting
    common = persons & set(ev.persons)
    # "Finer met with Zelenskyy ... Finer met with Yermak": one shared person with different counterparts is
    # two meetings; the same counterparts (or a mention with no other person) is the same meeting
    shared = len(common) >= 2 or bool(common) and (len(set(ev.persons)) == len(common) or len(persons) == len(common)) \
        or bool(a.series and a.series == ev.series)
    if not shared and nations & set(ev.nations) and not (ev.persons and persons) \
            and not (persons and not ev.persons and bool(a.series) != bool(ev.series)):
        shared = True  # "India hosting Quad Leaders" is not Modi's visit: one has a series, the other people only
    return shared


def _add_persons(m: Meeting, names: Iterable[str], nation_of: dict[str, str]) -> None:
    """Persons found to take part after the meeting was read (listed, joined, speaking at it), each with their nation."""
    for p in names:
        _add(m.participants, Ref("person", p))
        if nation_of.get(p):
            _add(m.participants, Ref("nation", nation_of[p]))


def _merge(m: Meeting, ev: _Event, person_nation: dict[str, Optional[str]]) -> None:
    for p in ev.persons:
        _add(m.participants, Ref("person", p))
    nations = list(ev.nations)
    for p in ev.persons:
        if person_nation.get(p):
            _add(nations, person_nation[p])
    for n in nations:
        _add(m.participants, Ref("nation", n))
    for o in ev.orgs:
        _add(m.participants, Ref("org", o))
    for r in ev.hosts:
        _add(m.hosts, r)
    for r in ev.chairs:
        _add(m.chairs, r)
    held_that_day = m.status == "held" and m.date is not None and ev.date is not None and m.date.precision == "day" \
        and (m.date.value, m.date.precision) == (ev.date.value, ev.date.precision)  # ("today" and "on June 7" alike)
    m.date = m.date or ev.date
    m.place = m.place or ev.place
    m.nation_count = m.nation_count or ev.nation_count
    m.series = m.series or ev.series
    m.ordinal = m.ordinal or ev.ordinal
    if ev.mode != "in-person":
        m.mode = ev.mode  # type: ignore[assignment]
    if ev.planned and (not m.evidence or ev.date is not None and not held_that_day):
        # an undated "the White House will host more" does not unmake a meeting reported held, nor does "initiatives
        # launched today on the margins of the Summit, which will create ..." unmake today's roundtable
        m.status = "planned"
    _add(m.evidence, ev.sentence)


def _expand(reader: "MeetingReader", events: list[_Event]) -> list[_Event]:
    """Resolve "they"/"their" to the parties just reported, and split one mention into several meetings:
    "meetings in Washington and Munich", or a list of dates and places after "in the following places:"."""
    out: list[_Event] = []
    last_persons: list[str] = []
    last_subjects: list[str] = []
    for ev in events:
        if ev.pronoun_subject and last_subjects:
            ev.persons = last_subjects + [p for p in ev.persons if p not in last_subjects]
            if ev.pronoun_host and len(last_subjects) == 1:  # "he" is one person
                for p in last_subjects:
                    _add(ev.hosts, Ref("person", p))
        subjects = reader.subject_persons(ev)
        if subjects:
            last_subjects = subjects
        if ev.sentence.rstrip().endswith(":") and not _LIST_INTRO.search(ev.sentence):
            for p in reader.persons_listed_after(ev):  # "spoke individually with:" and a list
                _add(ev.persons, p)
        before = [o for o in out if o.anchor.sent == ev.anchor.sent and o.persons and not o.negated]
        if not ev.persons and not ev.nations and before and ev.anchor.pos_ == "NOUN":
            # "their first meeting in Paris and further meetings in Washington": the same parties
            ev.persons, ev.nations = list(before[-1].persons), list(before[-1].nations)
            ev.planned = ev.planned or before[-1].planned
        if ev.pronoun_parties and not ev.persons and ev.anchor.tag_ == "NNS" and any(
                c.dep_ == "det" and c.lower_ in {"these", "those", "both"} for c in ev.anchor.children):
            continue  # "In these calls, they took stock ...": the calls just reported, each with its own parties
        if ev.pronoun_parties and len(ev.persons) < 2 and last_persons:
            for p in last_persons:
                _add(ev.persons, p)
        if len(ev.persons) >= 2:
            last_persons = list(ev.persons)
        items = reader.occurrences(ev) if _OCCURRENCES_INTRO.search(ev.sentence) else []
        if items:
            for when, where, text in items:
                out.append(replace(ev, date=when, place=where, places=[where] if where else [], sentence=text,
                                   persons=list(ev.persons), nations=list(ev.nations), hosts=list(ev.hosts)))
        elif len(ev.places) > 1:
            for where in ev.places:
                out.append(replace(ev, place=where, places=[where], persons=list(ev.persons), nations=list(ev.nations)))
        elif (owners := reader.listed_owners(ev.anchor)) and not set(ev.persons) - set(owners):
            out.append(replace(ev, persons=list(owners)))  # "President Biden's and President Xi's talks in Bali": theirs
        elif owners:
            # "President Biden’s and Vice President Harris’ bilateral meetings with President Marcos": one each
            for owner in owners:
                out.append(replace(ev, persons=[owner, *(p for p in ev.persons if p not in owners)], nations=list(ev.nations),
                                   hosts=list(ev.hosts)))
        elif (actors := _separate_actors(reader, ev, subjects)) is not None and len(set(ev.persons) - set(actors)) > 1:
            # "spoke separately with King Hamad and Crown Prince Salman", a headline's "Sullivan’s Calls with X of
            # Armenia and Y of Azerbaijan": one call each
            for other in [p for p in ev.persons if p not in actors]:
                out.append(replace(ev, persons=[*actors, other], nations=[], hosts=list(ev.hosts)))
        else:
            out.append(ev)
    _carry_dates(reader, out)
    return out


def _separate_actors(reader: "MeetingReader", ev: _Event, subjects: list[str]) -> Optional[list[str]]:
    """Who had one meeting with each of the others: the subject of "spoke separately with", the owner of a headline's
    plural "Calls with"; None when the event reports no separate meetings."""
    if ev.anchor.sent.start == 0 and ev.anchor.lower_ in _SEPARATE_PLURALS and (owners := reader.owners(ev)):
        return owners
    return subjects if _SEPARATELY.search(ev.sentence) else None


def _carry_dates(reader: "MeetingReader", events: list[_Event]) -> None:
    """'Harris today had five separate calls ... She spoke individually with: ...': an undated report right after a
    dated one by the same person, with no time of its own, happened then."""
    sent_index = {s.start: n for n, s in enumerate(reader.doc.sents)}
    previous: Optional[_Event] = None
    for ev in events:
        if ev.date is None and previous is not None and previous.date is not None and previous.planned == ev.planned:
            # (not "He said that he would like to meet with them upon his return": a meeting still to come)
            gap = sent_index.get(ev.anchor.sent.start, -9) - sent_index.get(previous.anchor.sent.start, -9)
            same_actor = set(reader.subject_persons(previous) or previous.persons[:1]) & set(ev.persons)  # "He also spoke"
            also = any(c.lower_ == "also" for c in ev.anchor.children)  # "The President also spoke with X": then too
            if (gap == 1 or ev.anchor is previous.anchor or also and 0 < gap <= 3) and same_actor:
                ev.date = previous.date
        if ev.date is not None and ev.persons:
            previous = ev


def _stops_of_trips(events: list[_Event], home: Optional[str], person_nation: dict[str, Optional[str]]) -> list[_Event]:
    """'On August 2, X traveled to Gabon and Nigeria. In Gabon, X met with A ... In Nigeria, X met with B': a meeting
    at each stop, on the trip's date; the trip to both is no meeting of its own."""
    out = list(events)
    for trip in events:
        stops = {n for n in trip.nations if n != home} if trip.visit_nation and trip.persons else set()
        if len(stops) < 2:
            continue
        traveller = trip.persons[0]
        later = [ev for ev in out if ev.anchor.i > trip.anchor.i and traveller in ev.persons]
        for ev in later:
            met = {person_nation.get(p) for p in ev.persons} & stops
            if not (ev.located_nation or ev.visit_nation) and len(met) >= 2 and not (ev.series or ev.nation_count):
                # "DNI Haines met with Rwandan President Kagame and Congolese President Tshisekedi": one at each stop
                at = out.index(ev)
                out[at:at + 1] = [replace(ev, persons=[p for p in ev.persons if person_nation.get(p) in (None, home, n)],
                                          nations=[n], located_nation=n, hosts=list(ev.hosts)) for n in trip.nations if n in met]
        at_stop = [ev for ev in out if ev.anchor.i > trip.anchor.i and traveller in ev.persons
                   and (ev.located_nation or ev.visit_nation) in stops]
        if {ev.located_nation or ev.visit_nation for ev in at_stop} != stops:
            continue
        for ev in at_stop:
            ev.trip_at = trip.anchor.i
            if ev.date is None:
                ev.date, ev.planned = trip.date, trip.planned
        out.remove(trip)
    return out


def read_meetings(doc: Doc, token_person: dict[int, str], organisations: list[Organisation],
                  org_of_token: dict[int, str], published: Optional[date], person_nation: dict[str, Optional[str]],
                  triggers: Optional[dict[str, Trigger]] = None, home: Optional[str] = None) -> tuple[list[Meeting], dict[str, str], set[str]]:
    """The document's meetings; the nation implied for persons met on a visit ("travelled to Kyiv to meet X")
    or abroad ("Today in Israel, Sullivan met with X"): the people met there serve that nation; and the persons who
    visit the publisher's nation ("the Official Visit of Prime Minister X to the United States"): not its own."""
    reader = MeetingReader(doc, token_person, organisations, org_of_token, published, triggers or load_triggers(), home)
    events = _stops_of_trips(_expand(reader, reader.events()), home, person_nation)
    implied_nation: dict[str, str] = {}
    for ev in events:
        abroad = ev.located_nation or (ev.place.nation if ev.place else None)
        subjects = set(reader.subject_persons(ev)) if abroad and home and abroad != home and not ev.visit_nation else set()
        if subjects:  # only with a known actor: the others are the people met
            for p in ev.persons:
                if p not in subjects and not person_nation.get(p):
                    implied_nation.setdefault(p, abroad)
    # A visit abroad: the people met there serve the host nation. When the trip is what the document reports (its
    # first event), that holds for the people named after it too ("Finer traveled to Kyiv ... met with X").
    actor_events = [ev for ev in events if _is_actor_event(ev)]
    trip = actor_events[0] if actor_events and actor_events[0].visit_nation else None
    visit: Optional[_Event] = None
    for ev in events:
        if ev.visit_nation:
            _add(ev.nations, ev.visit_nation)
            visit = ev
        elif ev is not trip and visit is not trip:
            visit = None
        if visit is None:
            continue
        # the travellers: the visit's first person, its subject or owner ("X's trip"), and whoever meets people there
        visitors = set(visit.persons[:1]) | set(reader.visitors(visit)) | set(reader.subject_persons(ev))
        if ev is not visit and (ev.place and ev.place.nation != visit.visit_nation or ev.visit_nation not in (None, visit.visit_nation)):
            continue
        for p in ev.persons:
            if p not in visitors and not person_nation.get(p):
                implied_nation.setdefault(p, visit.visit_nation)
    visitors_home = {p for ev in events if home and ev.visit_nation == home
                     for p in reader.visitors(ev) if not person_nation.get(p)}
    nation_of = {**{k: v for k, v in person_nation.items() if v}, **implied_nation}
    nation_of.update({k: v for k, v in person_nation.items() if v})
    meetings: list[Meeting] = []
    first_at: dict[int, int] = {}  # where each meeting is first reported (token index)
    trip_of: dict[int, int] = {}  # a stop's meeting: where its trip is reported
    weak: list[_Event] = []
    for ev in events:
        if ev.negated:
            continue
        if not _is_actor_event(ev):
            weak.append(ev)
            continue
        target = next((m for m in meetings if _compatible(m, ev)), None)
        if target is None and ev.during_reported and meetings and not ev.date:
            target = meetings[-1]  # "During the half-day forum, participants spoke with X, Y and Z"
            ev.mode = target.mode
        if target is None and _definite(ev):
            # "The President was joined on the call by: ...": the call already reported
            target = next((m for m in reversed(meetings) if m.mode == ev.mode and not (m.date and ev.date and m.date.value != ev.date.value)), None)
        if target is None:
            target = Meeting()
            meetings.append(target)
            first_at[id(target)] = ev.anchor.i if ev.trip_at is None else ev.trip_at  # a stop is reported with its trip
            if ev.trip_at is not None:
                trip_of[id(target)] = ev.trip_at
        _merge(target, ev, nation_of)
    for ev in weak:  # sentences that only add details to a meeting already found ("the latest Coalition meeting")
        if not (ev.series or ev.place or ev.date):
            continue
        target = next((m for m in meetings if (ev.series and m.series == ev.series or ev.place and m.place == ev.place)
                       and (not ev.date or not m.date or ev.date.value == m.date.value)), None)
        if target is None and ev.place and meetings and ev.anchor.sent.start == 0 and meetings[0].place is None:
            target = meetings[0]  # the headline's place is the main meeting's ("Readout of Peace Talks in Geneva")
        if target is None and ev.anchor.dep_ == "attr" and any(
                c.dep_ == "nsubj" and c.lower_ in {"this", "it"} for c in ev.anchor.head.children):
            # "This was the first in-person meeting of the group, taking place ... in London": the meeting just reported
            target = next((m for m in reversed(meetings) if first_at[id(m)] < ev.anchor.i), None)
        if target is None and ev.date and not ev.planned and not ev.series and ev.anchor.pos_ == "NOUN":
            # "Yesterday, the White House commemorated X with a roundtable ... The meeting was convened by A and B":
            # the undated meeting reported in the next sentence is that roundtable
            nxt = next((s for s in reader.doc.sents if s.start >= ev.anchor.sent.end), None)
            target = next((m for m in meetings if m.date is None and nxt is not None and nxt.start <= first_at[id(m)] < nxt.end
                           and _opens_with_definite_noun(reader, reader.doc[first_at[id(m)]].sent)), None)
        if target is None and ev.series and ev.date and (ev.planned or _AHEAD_WORDS.search(ev.date.text or "")) \
                and ev.anchor.pos_ == "NOUN":
            target = Meeting()  # "at next week's virtual G7 leaders' meeting": a planned meeting of a series, whoever attends
            meetings.append(target)
            first_at[id(target)] = ev.anchor.i
        if target is not None:
            _merge(target, ev, nation_of)
    for m in meetings:
        if m.series is None:
            m.ordinal = None  # "their first meeting": an ordinal counts meetings of a series
    convening = next((ev for ev in events if _is_actor_event(ev) and (ev.hosts or ev.series_event and not ev.planned)
                      and ev.mode != "call"), None)  # (not "ahead of the Leaders Summit": a summit still to come)
    reported = [m for m in meetings if convening is not None and convening.sentence in m.evidence]
    # (the one the convening's people are at, not "the Leaders Summit" the same sentence says it is held ahead of)
    convened = next((m for m in reported if set(convening.hosts) & set(m.hosts + m.participants)), reported[0] if reported else None)
    # the headline and the first two sentences (a line of markup alone is no sentence)
    opening = {sent.start for sent in [s for s in reader.doc.sents if any(t.is_alpha for t in s)][:3]}
    if convened is not None and convening.anchor.sent.start in opening \
            and (any(r.kind == "nation" for r in convening.hosts) or convening.series_event and not convening.persons
                 or any(ev.counterpart_described or ev.series or ev.orgs or any(t.pos_ in {"NOUN", "PROPN"} for t in ev.triggers)
                        for ev in events if ev.sentence in convened.evidence)):
        # a readout that opens with a convening (the government's; "X convened the fifth Task Force meeting", "X hosted
        # Y, senior officials, and CEOs"): the people who speak at it later take part in it (not after "President X
        # hosted Prime Minister Y": a visit, where others who speak later were not there)
        _add_persons(convened, reader.contributors(convening.anchor.i), nation_of)
    for joiners, joined, sentence, at in reader.joined_by():
        # "She was joined by Director X, Advisor Y, and Z": they take part in the meeting reported before, hers
        target = next((m for m in reversed(meetings) if first_at[id(m)] < at
                       and (not joined or set(joined) & {r.key for r in m.participants})), None)
        if target is None and joined and meetings and first_at[id(meetings[-1])] < at \
                and not any(r.kind == "person" for r in meetings[-1].participants):
            # "the Council held its fifth meeting ... X and Y were joined by Z": a meeting reported with nobody named
            target = meetings[-1]
            joiners = [*joined, *joiners]
        # "Haines travelled to Rwanda and DRC. The DNI was joined by X and Y. ...": at each stop of the trip
        stops = [m for m in meetings if id(target) in trip_of and trip_of.get(id(m)) == trip_of[id(target)]]
        for m in stops or ([target] if target is not None else []):
            _add_persons(m, joiners, nation_of)
            _add(m.evidence, sentence)
    listed, intro = reader.listed_participants()
    if listed and meetings:
        _add_persons(meetings[0], listed, nation_of)
        _add(meetings[0].evidence, intro)
        for name in reader.line_chairs():
            if name in listed:
                _add(meetings[0].chairs, Ref("person", name))
        if published and _TODAYS.search(intro) and (meetings[0].date is None or meetings[0].date.precision != "day") \
                and meetings[0].status == "held":
            # "This week X hosted a roundtable ... Participants in today's roundtable included:": the day itself
            meetings[0].date = DateValue(published.isoformat(), "day", "today")
    elif convened is not None and (lines := reader.attendee_lines()):
        # "Lael Brainard, Assistant to the President ...", "Lina Khan, Chair of the FTC", ... after a convening's report
        _add_persons(convened, lines, nation_of)
    elif len(meetings) == 1 and (lines := reader.headed_attendees()):
        # "met with 13 AA & NHPI leaders ... AA & NHPI Leaders: X, Executive Director, Y; ...": the leaders met
        _add_persons(meetings[0], lines, nation_of)
    for m in meetings:
        if m.status == "planned" and m.date and published and m.date.precision == "day" and m.date.value < published.isoformat():
            m.status = "held"
        elif m.status == "held" and m.date and published and _ahead(m.date, published):
            m.status = "planned"  # "the November visit" in an October readout, "a state visit next week"
    # "Almost exactly 10 years ago, when I visited Mumbai": history the readout recalls, not a meeting it reports
    recalled = {ev.sentence for ev in events if ev.historical}
    meetings = [m for m in meetings if not (m.evidence and set(m.evidence) <= recalled)]
    return meetings, implied_nation, visitors_home
