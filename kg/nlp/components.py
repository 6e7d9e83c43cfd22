"""ddkg's own spaCy component: gazetteer and pattern entities that correct and complete the model's NER.

`ddkg_entities` runs after the model's `ner`. It matches nations, demonyms, places, organisations and titles from
the CSV files in `patterns/` (PhraseMatcher), finds organisation names by their head word ("... Headquarters",
"Ministry of ...", "... Contact Group") with the token Matcher, and merges all of it with the model's entities:

- longer spans win; on equal length the gazetteer beats the patterns, which beat the model;
- the model's PERSON spans lose leading titles, honorifics and "the" ("President Zelenskyy" -> "Zelenskyy"), and a
  PERSON ending in an organisation head word becomes an ORG ("Joint Headquarters");
- a title followed by capitalised proper nouns that no entity covers makes a PERSON ("Defence Minister Umerov").

Every entity's `kb_id_` carries its key: ISO3 for NATION/NORP/GPE, the canonical name for gazetteer ORGs, the
title for TITLE/RANK/HONORIFIC/POSTNOMINAL.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from kg.nlp.gazetteer import PATTERNS_DIR, Gazetteer, fold, load_gazetteer, load_meeting_words

PARAGRAPHS = "ddkg_paragraphs"  # span group: one span per paragraph of the text
ATTENDEES = "ddkg_attendees"  # span group: the names of a list of attendees, one per line ("Name, Post, Organisation")
TITLE_LABELS = {"TITLE", "RANK", "HONORIFIC", "POSTNOMINAL"}
_TITLE_LABEL_BY_KIND = {"post": "TITLE", "rank": "RANK", "honorific": "HONORIFIC", "postnominal": "POSTNOMINAL"}
_LEADING_DETERMINERS = {"the", "The"}
_FORMER_WORDS = {"Former", "former", "Then", "then"}  # a person's standing, never the start of a body's name
_NOT_NAME_START = {"the", "a", "an", "this", "that", "these", "our", "his", "her", "their", "its", "and", "of"}
_CALENDAR_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                   "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "upcoming", "annual", "virtual", "joint"}
_NAME_PARTICLES = {"bin", "bint", "al", "el", "van", "von", "de", "der", "den", "da", "du", "des", "del", "della", "di",
                   "dos", "la", "le", "ibn", "abu", "ben", "y", "mac", "st", "st."}
_NAME_IN_NAME = {"Administration", "administration", "Foundation", "Center", "Centre", "Institute", "Act", "Doctrine",
                 "Plan", "Initiative", "Award", "Prize", "Library", "Scholars", "Fellowship", "Fund", "Accords"}
_MONTH_NAMES = {"January", "February", "March", "April", "June", "July", "August", "September", "October", "November", "December"}
_UNIT_HEADS = {"Group", "Wing"}  # heads of a numbered unit only ("158th Fighter Wing"; not "the West Wing")
_BODY_HEAD_TITLES = {"President", "Vice President", "CEO", "Chief Executive Officer", "Chair", "Chairman", "Chairwoman",
                     "Founder", "Co-Founder", "Executive Director"}  # "Eversource President and CEO Joe Nolan": a body's head
_TITLES_BEFORE_OF = {"Head"}  # a post only when "of" follows
_ARABIC_ARTICLES = {"Al", "El"}  # a name goes on over them: "Mohammed bin Abdulrahman bin Jassim Al Thani"
_APOSTROPHES = {"’", "'", "ʼ"}
_NAME_SUFFIXES = {"II", "III", "IV", "Jr.", "Jr", "Sr.", "Sr"}
_PRIORITY = {"gazetteer": 3, "pattern": 2, "model": 1}
_HYPHENS = {"-", "‐"}
_DEPARTMENT_TOPICS = {"Defense", "Defence", "State", "Commerce", "Energy", "Justice", "Labor", "Treasury", "Agriculture",
                      "Education", "Transportation", "Interior"}  # "Departments of State and Defense": two departments
_KIN = {"husband", "wife", "spouse", "son", "daughter", "brother", "sister", "father", "mother", "widow", "widower"}
_DAY_WORDS = {"today", "yesterday", "tomorrow", "tonight"}
_POSSESSIVES = {"'s", "’s"}
_NAME_CONNECTORS = {"and", "of", "&", "for", "the", "de", "on"}  # "Shawmut Design and Construction", "McKissack & McKissack", "Business Group on Health"
TITLE_MODIFIERS = {"Senior", "Special", "Principal", "Chief", "Acting", "Executive", "Associate", "Deputy", "Vice",
                    "Assistant", "Under", "Interim", "Presidential", "Lead", "Head"}  # "Deputy Assistant Secretary"


def load_org_heads(patterns_dir: Path) -> dict[str, str]:
    with (patterns_dir / "org_heads.csv").open(encoding="utf-8", newline="") as fh:
        return {row["head"]: row["kind"] for row in csv.DictReader(fh)}


class DdkgEntities:
    """Entity correction and completion from data files (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, patterns_dir: str):
        folder = Path(patterns_dir) if patterns_dir else PATTERNS_DIR
        self.name = name
        self.gazetteer: Gazetteer = load_gazetteer(folder)
        self.org_heads = load_org_heads(folder)
        with (folder / "not_person_words.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        self.name_trim_words = {r["word"] for r in rows if r["action"] == "trim"}  # "Jake Sullivan Call"
        self.not_person_words = {r["word"] for r in rows if r["action"] == "drop"}  # "Abraham Accords"
        self.place_nouns = {r["word"] for r in rows if r["action"] == "place_after"}  # "the Tigray region"
        with (folder / "org_list_nouns.csv").open(encoding="utf-8", newline="") as fh:
            self.org_list_nouns = {r["word"] for r in csv.DictReader(fh)}  # "Philanthropies supporting X include:"
        self.meeting_nouns = {word for word, kind, _ in load_meeting_words(folder) if kind == "noun"}  # "a roundtable"
        self.phrases = PhraseMatcher(nlp.vocab)
        self._keys: dict[str, tuple[str, str]] = {}  # match label -> (entity label, kb id)
        self._add_phrases(nlp)
        self.org_matcher = Matcher(nlp.vocab)
        self._add_org_patterns()

    # -- set-up -----------------------------------------------------------------------------------------------
    def _phrase(self, nlp: Language, label: str, kb: str, texts: list[str]) -> None:
        key = f"{label}|{kb}"
        self._keys[key] = (label, kb)
        docs = [nlp.make_doc(t) for t in texts if t]
        self.phrases.add(key, docs)

    def _add_phrases(self, nlp: Language) -> None:
        gaz = self.gazetteer
        for entry in gaz.nations.values():
            self._phrase(nlp, "NATION", entry.iso3, [entry.name, *entry.aliases])
            demonyms = list(entry.demonyms)
            self._phrase(nlp, "NORP", entry.iso3, demonyms + [d + "s" for d in demonyms if not d.endswith(("s", "ese"))])
        for place in gaz.places:
            self._phrase(nlp, "GPE", place.iso3 + "|" + place.name, [place.name, *place.aliases])
        for org in gaz.organisations:
            self._phrase(nlp, "ORG", org.name, [org.name, *org.aliases])
        for title in gaz.titles:
            self._phrase(nlp, _TITLE_LABEL_BY_KIND.get(title.kind, "TITLE"), title.title, [title.title])

    def _add_org_patterns(self) -> None:
        # headline prepositions are no part of a name: "Remarks by President Biden Before Cabinet Meeting"
        not_name = sorted(_NOT_NAME_START | _CALENDAR_WORDS | {"before", "after", "during", "with", "by", "from", "at",
                                                               "in", "into", "to", "between", "amid", "following"}
                          | {w.lower() for w in _FORMER_WORDS})  # "Former Florida Senate President X": the Florida Senate
        # a capitalised word, or a hyphen inside a name ("UK-France Summit", "U.S.-Oman Strategic Dialogue")
        cap = {"TEXT": {"REGEX": r"^(?:[A-Z][\w.'’&]*(?:-[A-Z][\w.'’&]*)*|-|–)$"}, "LOWER": {"NOT_IN": not_name}}
        # inside a name "Joint" is a word of it ("Strategic Joint Planning Committee"), at its start a headline's
        inner = dict(cap, LOWER={"NOT_IN": sorted(set(not_name) - {"joint"})})
        apostrophe = {"ORTH": {"IN": ["’", "'"]}}  # a plural's, right before the head: "G7 Leaders’ Summit"
        caps_or_upper = [{"IS_TITLE": True, "LOWER": {"NOT_IN": not_name}}, {"IS_UPPER": True, "LENGTH": {">=": 2}}]
        heads = {"ORTH": {"IN": sorted(self.org_heads)}}
        tail = [{"LOWER": {"IN": ["of", "for", "on"]}}, {"LOWER": "the", "OP": "?"}, dict(cap, OP="+")]
        also = [{"LOWER": "and"}, dict(cap, OP="+")]  # "Office of Management and Budget", "Substance Abuse and Mental ..."
        patterns, joined = [], []
        for first in caps_or_upper:
            patterns.append([dict(first), dict(inner, OP="*"), heads])
            patterns.append([dict(first), dict(inner, OP="*"), heads, *tail])
            patterns.append([dict(first), dict(inner, OP="*"), apostrophe, heads])
            patterns.append([dict(first), dict(inner, OP="*"), apostrophe, heads, *tail])
            joined.append([dict(first), dict(inner, OP="*"), *also, heads])
            joined.append([dict(first), dict(inner, OP="*"), heads, *tail, *also])
        patterns.append([heads, *tail])
        joined.append([heads, *tail, *also])
        # a unit's number: "407th Air Expeditionary Group", "158th Fighter Wing" (not "the 4th Summit": a meeting's)
        units = {"ORTH": {"IN": sorted({h for h, kind in self.org_heads.items() if kind == "military"} | _UNIT_HEADS)}}
        patterns.append([{"IS_UPPER": True, "LENGTH": {">=": 2}, "OP": "?"}, {"TEXT": {"REGEX": r"^\d+(?:st|nd|rd|th)$"}},
                         dict(inner, OP="*"), units])
        # "the Government of Kosovo", "the Federal Government of Somalia" (but "the U.S. Government" is the nation)
        patterns.append([{"ORTH": {"IN": ["Federal", "Transitional", "Interim"]}, "OP": "?"}, {"ORTH": "Government"}, *tail])
        self.org_matcher.add("ORG_PATTERN", patterns, greedy="LONGEST")
        self.org_matcher.add("ORG_JOINED", joined, greedy="LONGEST")  # kept apart: a rejected join hides no shorter name

    # -- running ----------------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        _retag_nominal_verbs(doc)
        _retag_meeting_nouns(doc, self.meeting_nouns)
        candidates: list[tuple[int, int, str, str, str]] = []  # start, end, label, kb, source
        titles: list[tuple[int, int]] = []
        for match_id, start, end in self.phrases(doc):
            label, kb = self._keys[doc.vocab.strings[match_id]]
            if label == "TITLE" and doc[start:end].text in _TITLES_BEFORE_OF and doc[end:end + 1].text != "of":
                continue  # "Head of the Office of the President X" (not "Amanda Head")
            candidates.append((start, end, label, kb, "gazetteer"))
            if label in TITLE_LABELS:
                titles.append((start, end))
        title_tokens = {i for s, e in titles for i in range(s, e)}
        listed = _listed_orgs(doc)
        model = [fixed for ent in doc.ents if (fixed := self._fix_model_entity(doc, ent, title_tokens, listed))]
        model = [part for fixed in model for part in self._split_name_after_body(doc, fixed, title_tokens)]
        person_starts = {s for s, e, label, _ in model if label == "PERSON"}
        title_end = {s: e for s, e in titles}
        for s, e in titles:  # "Deputy Assistant Secretary": a modifier opens the title
            while s > 0 and doc[s - 1].text in TITLE_MODIFIERS:
                s -= 1
                title_end[s] = e
        title_starts = set(title_end)
        for match_id, start, end in self.org_matcher(doc):
            if doc.vocab.strings[match_id] == "ORG_JOINED" and not self._joined_name(doc, start, end):
                continue
            # "Director of the Office of Public Engagement Stephen Benjamin": the name after the organisation is a
            # person; "Department of State Assistant Secretary": the title after it is a post ("Office of the United
            # States Trade Representative" names its office by the post, so titles stay inside an Office's name)
            office = doc[start].text == "Office" or doc[start + 1].text == "Office"
            end = next((i for i in range(start + 2, end) if doc[i - 1].lower_ not in {"of", "the", "for"}
                        and (i in person_starts or i in title_starts and (not office or title_end[i] in person_starts))), end)
            end = _org_end(doc, start, end)  # "Office of the Foreign Affairs Commission and | Foreign Minister Wang Yi"
            if (name_start := self._name_after_nation(doc, start, end)) is not None:
                # "the director of the National Anti-Corruption Bureau of Ukraine Semen Kryvonos"
                candidates.append((name_start, end, "PERSON", "", "pattern"))
                end = name_start
            candidates.append((start, end, "ORG", "", "pattern"))
        candidates.extend((*fixed, "model") for fixed in model)
        chosen = self._complete_names(doc, self._join_split_names(doc, self._resolve_overlaps(candidates)))
        # a name the model missed after a title may be the first name of one it found ("Antony" + "J. Blinken")
        chosen = self._join_split_names(doc, chosen + self._persons_after_titles(doc, chosen))
        chosen = self._extend_names(doc, chosen)
        chosen = self._bodies_before_titles(doc, chosen)
        chosen = [part for c in chosen for part in self._split_known_pair(doc, c)]
        chosen += self._day_words(doc, chosen)
        doc.ents = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in sorted(chosen)]
        return doc

    def complete(self, doc: Doc) -> Doc:
        """Document-wide pass once the paragraphs are joined: later bare surnames of persons named in full."""
        chosen = [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]
        items = self._organisation_list_items(doc)
        if items:
            chosen = [c for c in chosen if not any(s <= c[0] < e for s, e in items)] + [(s, e, "ORG", "") for s, e in items]
        listed = self._attendee_lines(doc, chosen)
        doc.spans[ATTENDEES] = [Span(doc, s, e, label="PERSON") for s, e, label, _ in listed if label == "PERSON"]
        if listed:
            spans = [(s, e) for s, e, _, _ in listed]
            chosen = [c for c in chosen if not any(s < c[1] and c[0] < e for s, e in spans)] + listed
        chosen, added = self._known_surnames(doc, chosen)
        storms = _storm_names(doc)  # "Hurricane Ida ... Ida's projected path": a storm, no person
        kept = [c for c in chosen if not (c[2] == "PERSON" and all(t.text in storms for t in doc[c[0]:c[1]]))]
        if added or items or listed or len(kept) != len(chosen):
            chosen = kept
            doc.ents = [Span(doc, s, e, label=label, kb_id=kb) for s, e, label, kb in sorted(chosen + added)]
        return doc

    def _attendee_lines(self, doc: Doc, chosen: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """A list of attendees, one per line: "Brendan Jones, CEO, Blink Charging", "Vehya Will, A10 Associates".
        In a run of at least three such lines, the line's first part is the person (whole: "Handy Kennedy, Jr.") and
        its last part, if it names no post and no place, the organisation, whatever the model made of either."""
        label_at = {i: (label, kb) for s, e, label, kb in chosen for i in range(s, e)}
        lines = []
        for n, (start, end) in enumerate(paragraphs(doc)):
            words = doc[start:end]
            commas = [t.i for t in words if t.text == ","]
            if not commas or len(words) > 40 or words[-1].text == "." \
                    or any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in doc[start:commas[-1]]):
                continue  # a sentence, not a line of a list ("Hannah Fried, Executive Director, All Voting is Local")
            while start < commas[0] and label_at.get(start, ("",))[0] == "HONORIFIC":
                start += 1  # "Dr. Ariana Hoet, Executive Clinical Director, On Our Sleeves"
            name_end = commas[0]
            if name_end + 2 < end and doc[name_end + 1].text in _NAME_SUFFIXES and doc[name_end + 2].text == ",":
                name_end += 2  # "Handy Kennedy, Jr., Owner, HK Farms"
            name = doc[start:name_end]
            if not 2 <= len(name) <= 5 or not all(t.text[:1].isupper() and not t.is_upper or t.text in _NAME_SUFFIXES or t.text in {",", "-", "“", "”", "\""}
                                                  or t.lower_ in _NAME_PARTICLES or t.i == start and t.is_upper and t.is_alpha and len(t) <= 2
                                                  for t in name) \
                    or any(label_at.get(i, ("",))[0] in TITLE_LABELS for i in range(start, name_end)) \
                    or any(label_at.get(i, ("",))[0] in {"GPE", "NATION", "NORP"} and label_at[i][1] for i in range(start, name_end)) \
                    or any(t.text in self.org_heads for t in name) or label_at.get(start, ("", ""))[0] == "ORG" and label_at[start][1]:  # a known organisation
                continue
            lines.append((n, start, name_end, commas[-1], end, label_at.get(start, ("",))[0] == "PERSON"))
        runs: list[list[tuple]] = []
        for line in lines:  # runs of lines in consecutive paragraphs
            if runs and runs[-1][-1][0] == line[0] - 1:
                runs[-1].append(line)
            else:
                runs.append([line])
        out = []
        for _, start, name_end, last_comma, end, _ in (x for run in runs if _named_run(doc, run) for x in run):
            out.append((start, doc[name_end - 1].i + 1 if doc[name_end - 1].text != "," else name_end - 1, "PERSON", ""))
            org = doc[last_comma + 1:end]
            while len(org) and not org[-1].text[-1:].isalnum():
                org = org[:-1]  # "Association \###": the end-of-release mark
            opening = next((k for k in range(len(org) - 2, max(0, len(org) - 5), -1) if org[k].text == "("), None)
            if len(org) >= 3 and opening is not None:
                org = org[:opening]  # "Council on American Islamic Relations (CAIR)", "... (National ACE)": the acronym is defined, not named
            post = doc[name_end + 1:last_comma]
            inner = [label_at[i][0] for i in range(post.start, post.end) if i in label_at]
            # "Government Affairs Liaison", "Senior Legislative Liaison": a known title at the end of a longer post
            longer = bool(inner) and set(inner) <= {"TITLE", "PERSON"} and label_at.get(post.end - 1, ("",))[0] == "TITLE" \
                and ("PERSON" in inner or len(inner) < len(post)) \
                and not any(t.lower_ in _NAME_CONNECTORS for t in post)  # "State Senator and Farmer": two posts
            if 1 <= len(post) <= 6 and post[0].is_title and all(t.text[:1].isupper() or t.lower_ in _NAME_CONNECTORS or t.text in _HYPHENS for t in post) \
                    and (not inner or longer):
                out.append((post.start, post.end, "TITLE", ""))  # "Chief Medical Officer, The JED Foundation": the line's post
            elif last_comma > name_end and 1 <= len(post) <= 4 and not inner and all(t.is_lower and t.is_alpha for t in post):
                out.append((post.start, post.end, "TITLE", ""))  # "Sage Dolan-Sandrino, youth advocate, National ...": a described post
            # a trade opening the line's last part after a post is a name's first word ("Founder, Farmer Focus")
            titled = [t for t in org if label_at.get(t.i, ("",))[0] in {"TITLE", "RANK", "HONORIFIC"} and t.text[0].isupper() and not t.is_upper]
            named_post = bool(titled) or label_at.get(org.start, ("",))[0] in {"TITLE", "RANK", "HONORIFIC"}
            if last_comma > name_end and titled and all(self.gazetteer.is_occupation(label_at[t.i][1]) for t in titled) \
                    and any(t not in titled and t.text[:1].isupper() for t in org):
                named_post = False
            if last_comma >= name_end and 1 <= len(org) <= 10 and (org[0].text[:1].isupper() or org[0].text[:1].isdigit()) \
                    and not named_post \
                    and not _one_place(org, label_at) and not any(t.text in TITLE_MODIFIERS for t in org):
                kb = next((kb for i in range(org.start, org.end) if (kb := label_at.get(i, ("", ""))[1]) and
                           label_at[i][0] == "ORG"), "")
                out.append((org.start, org.end, "ORG", kb if kb and self.gazetteer.org_by_name.get(fold(org.text)) else ""))
        return out

    def _organisation_list_items(self, doc: Doc) -> list[tuple[int, int]]:
        """'Philanthropies supporting the Collaborative include:' and one name per line: each line is an organisation
        ("Arnold Ventures", "The Annie E. Casey Foundation"), whatever the model made of it alone."""
        items: list[tuple[int, int]] = []
        sents = list(doc.sents)
        for n, sent in enumerate(sents):
            heading = [t for t in sent if t.is_alpha]  # (ingest has taken off "**<u>...</u>**")
            # "Food and Agriculture Participants" as a heading: the lines under it name organisations, no people
            headed = 1 <= len(heading) <= 6 and heading[-1].lower_ in {"participants", "attendees"} \
                and not sent.text.rstrip().endswith((".", ":")) and all(t.is_title or t.lower_ in _NAME_CONNECTORS for t in heading)
            if not headed and (not sent.text.rstrip().endswith(":") or not any(t.lower_ in self.org_list_nouns for t in sent)):
                continue
            for item in sents[n + 1:]:
                words = [t for t in item if not (t.is_punct or t.is_space) or t.text == "&"]
                if not words or len(words) > (10 if headed else 8) or not (words[0].is_title or words[0].is_upper) \
                        or not words[-1].text[:1].isupper() or any(t.text == ":" for t in item) \
                        or headed and (any(t.text == "," for t in item) or any(e.label_ == "PERSON" for e in item.ents)) \
                        or not all(t.text[:1].isupper() or t.lower_ in _NAME_CONNECTORS or t.text in _POSSESSIVES for t in words) \
                        or any(e.label_ in TITLE_LABELS for e in item.ents) \
                        or any(e.label_ in {"GPE", "NATION"} and e.start == words[0].i and e.end == words[-1].i + 1 for e in item.ents):
                    break  # the list ends at the first line that is not a bare name (or names a post or is a place)
                if words[-1].lower_ in {"participants", "attendees", "speakers"}:
                    break  # the next heading ("Government Participants", "Opening Speakers")
                end = next((t.i for t in item if t.text == "(" and t.i > words[0].i), words[-1].i + 1)
                items.append((words[0].i, end))  # "United Food and Commercial Workers International Union (UFCW)"
        return items

    def _known(self, span: Span) -> Optional[tuple[str, str]]:
        key = fold(span.text.removeprefix("the ").removeprefix("The "))
        if key in self.gazetteer.nation_by_name:
            return "NATION", self.gazetteer.nation_by_name[key]
        if key in self.gazetteer.org_by_name:
            return "ORG", self.gazetteer.org_by_name[key].name
        return None

    def _split_known_pair(self, doc: Doc, ent: tuple[int, int, str, str]) -> list[tuple[int, int, str, str]]:
        """'the G7 and European Union', 'the U.S. Department of Transportation and Japan': the model's one organisation
        is two names the gazetteer knows apart (or one it knows and a name with a head word of its own)."""
        start, end, label, kb = ent
        ands = [i for i in range(start + 1, end - 1) if doc[i].lower_ == "and"]
        if label != "ORG" or kb or len(ands) != 1:
            return [ent]
        left, right = doc[start:ands[0]], doc[ands[0] + 1:end]
        known_left, known_right = self._known(left), self._known(right)
        if not (known_left and (known_right or right[-1].text in self.org_heads)
                or known_right and left[-1].text in self.org_heads):
            return [ent]
        return [(left.start, left.end, *(known_left or ("ORG", ""))), (right.start, right.end, *(known_right or ("ORG", "")))]

    def _split_name_after_body(self, doc: Doc, ent: tuple[int, int, str, str], title_tokens: set[int]) -> list[tuple[int, int, str, str]]:
        """'Chairman of the National Assembly Vuong Dinh Hue': the model's organisation runs on into the name of the
        person whose title it completes; the name after the body's last head word is a person."""
        start, end, label, kb = ent
        before = start - 1 if start > 0 and doc[start - 1].lower_ != "the" else start - 2
        if label != "ORG" or before < 1 or doc[before].lower_ != "of" or before - 1 not in title_tokens:
            return [ent]
        heads = [i for i in range(start, end) if doc[i].text in self.org_heads]
        if not heads or not 2 <= end - heads[-1] - 1 <= 3:
            return [ent]
        name = doc[heads[-1] + 1:end]
        if all(t.is_title and t.pos_ == "PROPN" and fold(t.text) not in self.gazetteer.nation_by_name
               and fold(t.text) not in self.gazetteer.nation_by_demonym for t in name):
            return [(start, name.start, label, kb), (name.start, end, "PERSON", "")]
        return [ent]

    def _name_after_nation(self, doc: Doc, start: int, end: int) -> Optional[int]:
        """Where a person's name of two or three words starts after "... of <nation>" at the end of a name."""
        of = [i for i in range(start + 1, end - 3) if doc[i].lower_ == "of" and fold(doc[i + 1].text) in self.gazetteer.nation_by_name]
        if of and 2 <= end - of[-1] - 2 <= 3 and all(t.is_title and t.pos_ == "PROPN" and t.text not in self.org_heads
                                                    for t in doc[of[-1] + 2:end]):
            return of[-1] + 2
        return None

    def _fix_model_entity(self, doc: Doc, ent: Span, title_tokens: set[int], listed: frozenset[int] = frozenset()) -> Optional[tuple[int, int, str, str]]:
        start, end, label = ent.start, ent.end, ent.label_
        while start < end and (doc[start].text in _LEADING_DETERMINERS or (label == "PERSON" and start in title_tokens)):
            start += 1
        if label == "PERSON" and ent.start < start < end and doc[start].is_lower:
            return None  # "Archbishop of Bologna": a title and its see, no name
        if label == "PERSON":
            inner = [i for i in range(start + 1, end - 1) if i in title_tokens]
            if inner and all(doc[i].is_upper and doc[i].is_alpha for i in range(start, inner[0])) \
                    and end - (inner[-1] + 1) >= 2:
                start = inner[-1] + 1  # "NSC Spokesperson Adrienne Watson" (not "Martin Luther King Jr.")
            cut = next((i for i in range(start, end) if doc[i].text in _POSSESSIVES), end)
            end = cut  # "Harris's Meeting": the name ends at the possessive
            while end > start and (end - 1 in title_tokens or doc[end - 1].text in {"'", "’", ",", "-", "–"}):
                end -= 1
        if label == "ORG":
            end = _org_end(doc, start, end)  # "Intermountain Health and"
            while start < end - 1 and doc[start].text in _FORMER_WORDS:
                start += 1  # "Former Florida Senate President X": the senate, not a former one
        if start >= end or end - start == 1 and doc[start].text in _NAME_SUFFIXES:
            return None  # "Joseph R. Biden, Jr.": the suffix the model tagged on its own is no place or person
        text = doc[start:end].text
        gaz = self.gazetteer
        if label in {"FAC", "ORG", "GPE", "PRODUCT", "WORK_OF_ART"} and start > 0 and doc[start - 1].lower_ in _KIN \
                and 2 <= end - start <= 4 and all(t.is_title for t in doc[start:end]):
            label = "PERSON"  # "her husband Kambiz Foroohar"
        if label == "PERSON" and doc[end - 1].text in self.org_heads:
            return start, end, "ORG", ""
        if label in {"PERSON", "ORG"} and _state_code_after(doc, end):
            return start, end, "GPE", ""  # "Austin, TX", "King County, WA": a place and its state
        if label == "ORG" and start >= 2 and doc[start - 2].is_title and _state_code_after(doc, start - 1):
            return None  # the "TX" of "Austin, TX"
        if label == "PERSON":
            if any(t.text in self.not_person_words for t in doc[start:end]):
                return None  # "Abraham Accords", "Eid"
            if end < len(doc) and doc[end].lower_ in self.place_nouns:
                return start, end, "LOC", ""  # "the Tigray region of Ethiopia": a place, not a person
            while start < end and doc[start].text in self.name_trim_words:
                start += 1  # "Presidents Biden and Xi"
            cut = next((i for i in range(start + 1, end) if doc[i].text in self.name_trim_words
                        or doc[i].is_stop and doc[i].lower_ not in _NAME_PARTICLES), end)
            end = cut  # "Jake Sullivan Call", "Biden Before", "Carter, Iraqi Prime Minister Discuss Next Moves"
            while end < len(doc) and doc[end].text in _NAME_SUFFIXES and end > start:
                end += 1  # "King Abdullah II of Jordan", "Joseph R. Biden Jr."
            if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text in _NAME_SUFFIXES and end > start:
                end += 2  # "Joseph R. Biden, Jr. and Chairman ...": the model stopped at the comma
            # "Han Duck-soo": a hyphenated given name the model cut short
            while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ \
                    and (doc[end + 1].is_lower or doc[end + 1].is_title and doc[end + 1].pos_ == "PROPN"):
                end += 2  # "Han Duck-soo", "Liz Sherwood-Randall"
            if start >= end or not any(t.is_alpha and t.text[0].isupper() for t in doc[start:end]):
                return None
        if label in {"GPE", "LOC", "NORP", "ORG", "FAC"}:
            key = fold(text)
            if key in gaz.nation_by_name:
                return start, end, "NATION", gaz.nation_by_name[key]
            if key in gaz.nation_by_demonym:
                return start, end, "NORP", gaz.nation_by_demonym[key]
            if key in gaz.place_by_name and label != "ORG":
                place = gaz.place_by_name[key]
                return start, end, "GPE", place.iso3 + "|" + place.name
            if key in gaz.org_by_name:
                return start, end, "ORG", gaz.org_by_name[key].name
        if label == "PRODUCT" and ent.start in listed:
            label = "ORG"  # "including Sanofi, AstraZeneca, and ...": listed with organisations
        if label == "ORG" and not self._looks_like_org(doc[start:end]) and not (
                ent.start in listed and doc[start].text[:1].isupper() and not any(t.text in self.not_person_words for t in doc[start:end])):
            return None  # "COVID-19", "Abraham Accords": no organisation head word, not a known name, not in a list of them
        return start, end, label, ""

    def _joined_name(self, doc: Doc, start: int, end: int) -> bool:
        """'Department of Health and Human Services' is one name; 'Department of State and Ministry of Defence' two,
        and 'the Department of State and Defense' stays with the first ('Defense' is no name of its own)."""
        joins = [i for i in range(start + 1, end - 1) if doc[i].lower_ == "and"]
        if not joins:
            return True
        before, after = doc[start:joins[-1]], doc[joins[-1] + 1:end]
        two_heads = any(t.text in self.org_heads for t in before) and any(t.text in self.org_heads for t in after)
        return not two_heads and (end >= len(doc) or doc[end].lower_ != "of") \
            and not (len(after) == 1 and after[0].text in _DEPARTMENT_TOPICS)  # "Office of X and National Y Council": two

    def _looks_like_org(self, span: Span) -> bool:
        """A known head word with a name ("... Council", not "Alliance" alone), or an acronym ("NSC")."""
        words = [t.text for t in span]
        if len(words) == 1:
            return words[0].isupper() and words[0].isalpha() and 2 <= len(words[0]) <= 6
        return any(w in self.org_heads for w in words)

    @staticmethod
    def _resolve_overlaps(candidates: list[tuple[int, int, str, str, str]]) -> list[tuple[int, int, str, str]]:
        taken: set[int] = set()
        chosen = []
        # The model's own names lose to any gazetteer or pattern match they overlap, except PERSON (a person's
        # name may contain a place name); then longer spans win, then the surer source.
        def rank(c: tuple[int, int, str, str, str]) -> tuple:
            demoted = c[4] == "model" and c[2] != "PERSON"
            return (demoted, -(c[1] - c[0]), -_PRIORITY[c[4]], c[0], c[2], c[3])

        for start, end, label, kb, source in sorted(candidates, key=rank):
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            chosen.append((start, end, label, kb))
        return chosen

    @staticmethod
    def _join_split_names(doc: Doc, chosen: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """'Antony' + 'J. Blinken': a first name and a name that starts with an initial are one person."""
        chosen = sorted(chosen)
        out: list[tuple[int, int, str, str]] = []
        for span in chosen:
            if out and out[-1][2] == "PERSON" and span[2] == "PERSON" and out[-1][1] == span[0] \
                    and len(doc[span[0]].text) == 2 and doc[span[0]].text.endswith(".") and doc[span[0]].text[0].isupper():
                out[-1] = (out[-1][0], span[1], "PERSON", "")
            elif out and out[-1][2] == "PERSON" and span[2] == "PERSON" and out[-1][1] == span[0] and out[-1][1] - out[-1][0] == 1 \
                    and doc[out[-1][0]].is_title:
                out[-1] = (out[-1][0], span[1], "PERSON", "")  # "Cardinal Matteo" + "Maria Zuppi": one name
            elif out and out[-1][2] == "PERSON" and span[2] == "PERSON" and span[0] == out[-1][1] + 1 \
                    and doc[out[-1][1]].text in _APOSTROPHES and not doc[out[-1][1] - 1].whitespace_:
                out[-1] = (out[-1][0], span[1], "PERSON", "")  # "Mohammed Shia" + "’" + "al-Sudani": one name
            elif out and out[-1][2] == "PERSON" and span[2] == "PERSON" and span[0] == out[-1][1] + 1 \
                    and doc[out[-1][1]].text == "-" and not doc[out[-1][1] - 1].whitespace_ and not doc[out[-1][1]].whitespace_:
                out[-1] = (out[-1][0], span[1], "PERSON", "")  # "Sherwood" - "Randall": one hyphenated name
            else:
                out.append(span)
        return out

    @staticmethod
    def _extend_names(doc: Doc, chosen: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """'Ursula von' + 'der Leyen', 'Meir Ben' + '-Shabbat', 'Mishal Al' + '-Ahmad Al-Jabir Al-Sabah': a name goes on
        over a particle or a joining hyphen to the next capitalised word, taking in what the model split off."""
        out: list[tuple[int, int, str, str]] = []
        for start, end, label, kb in sorted(chosen):
            if label == "PERSON":
                end = _name_end(doc, end)
            if out and start < out[-1][1]:  # overlaps the name just extended
                if label == "PERSON" and out[-1][2] == "PERSON":
                    out[-1] = (out[-1][0], max(out[-1][1], end), "PERSON", "")  # the rest of the same name
                    continue
                if out[-1][2] == "PERSON":
                    start = out[-1][1]  # what the model split off the name ("Leyen") goes; what runs on stays
                    if start >= end:
                        continue
            out.append((start, end, label, kb))
        return out

    def _complete_names(self, doc: Doc, chosen: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """'Yoon Suk' + 'Yeol': a proper noun left right after a name the model cut short belongs to it."""
        taken = {i for s, e, _, _ in chosen for i in range(s, e)}
        out = []
        for start, end, label, kb in chosen:
            # "Yoon Suk" + "Yeol"; "Taoiseach Leo" (title trimmed) + "Varadkar", the head of the compound name
            if label == "PERSON" and end < len(doc) and end not in taken \
                    and (end - start >= 2 or doc[end - 1].dep_ == "compound" and doc[end - 1].head.i == end):
                t = doc[end]
                if self._name_word(t) and not t.is_stop and t.is_alpha and t.text not in self.org_heads \
                        and not (end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].is_title):
                    end += 1
            if label == "PERSON" and end < len(doc) and (doc[end].text in self.org_heads or doc[end].text in _NAME_IN_NAME):
                continue  # "Biden-Harris Administration", "Carter Center": a name inside another name is no person
            out.append((start, end, label, kb))
        return out

    @staticmethod
    def _known_surnames(doc: Doc, chosen: list[tuple[int, int, str, str]]) -> tuple[list[tuple[int, int, str, str]], list[tuple[int, int, str, str]]]:
        """A later 'Finer' is the 'Jon Finer' named before, even where the model did not tag it or took it for a place
        ("Directors Tanden and Klein" after "Jennifer Klein" and "Neera Tanden")."""
        surnames = {doc[e - 1].text for s, e, label, _ in chosen if label == "PERSON" and e - s >= 2 and doc[e - 1].is_title
                    and doc[e - 1].text not in _NAME_SUFFIXES}  # "Herman Felton, Jr.": "Jr." is no surname
        misread = {s for s, e, label, kb in chosen if e - s == 1 and label in {"GPE", "LOC", "ORG", "NORP", "FAC"} and not kb
                   and doc[s].text in surnames and not (s > 0 and doc[s - 1].text.endswith("-"))  # not "al- Jaafari"
                   and not (s > 0 and doc[s - 1].lower_ in {"in", "to", "at", "from", "near"}) and not _state_code_after(doc, e)
                   and not (e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].ent_type_ == "GPE")}  # "in Austin", "Jackson, Mississippi"
        taken = {i for s, e, _, _ in chosen for i in range(s, e)} - misread
        kept = [c for c in chosen if c[0] not in misread or c[1] - c[0] != 1]
        found = []
        for t in doc:
            if t.text not in surnames or t.i in taken or t.pos_ != "PROPN":
                continue
            if t.i + 1 < len(doc) and doc[t.i + 1].is_title and doc[t.i + 1].pos_ == "PROPN":
                continue
            start = t.i
            if t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 2].whitespace_ and not doc[t.i - 1].whitespace_:
                start = t.i - 2  # "Sherwood-Randall": the whole hyphenated name
            if not any(i in taken for i in range(start, t.i + 1)):
                found.append((start, t.i + 1, "PERSON", ""))
                taken.update(range(start, t.i + 1))
        return kept, found  # the entities kept, the surnames found

    @staticmethod
    def _day_words(doc: Doc, chosen: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """'Today, ...': a day word the model left untagged is still a date."""
        taken = {i for s, e, _, _ in chosen for i in range(s, e)}
        days = [(t.i, t.i + 1, "DATE", "") for t in doc if t.lower_ in _DAY_WORDS and t.i not in taken and t.pos_ in {"NOUN", "ADV"}]
        # "at the June Summit of the Americas": a month before a meeting's name (not "May", a verb as often)
        months = [(t.i, t.i + 1, "DATE", "") for t in doc if t.text in _MONTH_NAMES and t.i not in taken and t.i + 1 in taken
                  and t.i > 0 and doc[t.i - 1].lower_ in {"the", "this", "next", "upcoming"}]
        return days + months + _month_days(doc, taken)

    def _persons_after_titles(self, doc: Doc, chosen: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        taken = {i for s, e, _, _ in chosen for i in range(s, e)}
        nation_end = {s: e for s, e, label, _ in chosen if label == "NATION"}
        added = []
        for start, end, label, _ in chosen:
            if label not in {"TITLE", "RANK", "HONORIFIC"}:
                continue
            if label == "RANK" and start > 0 and doc[start - 1].lower_ in {"of", "a", "an", "the"}:
                continue  # "Administrator of General Services", "a Major Non-NATO Ally": the adjective, no rank
            if (after_tail := self._after_nation_tail(doc, end, nation_end)) is not None:
                # "Minister of Finance of Ukraine Sergii Marchenko": a name of two or three words after the nation
                i = after_tail
                while i < len(doc) and i - after_tail < 3 and i not in taken and self._name_word(doc[i]):
                    i += 1
                nation = doc[after_tail - 2 if doc[after_tail - 1].text == "," else after_tail - 1]
                if i - after_tail >= 2 and (i == len(doc) or not doc[i].is_title and (doc[after_tail - 1].text != "," or doc[i].is_punct)) \
                        and not nation.is_upper and not any(t.text in self.org_heads for t in doc[after_tail:i]):
                    # (not "Director of the U.S. Geological Survey": an abbreviated nation opens a body's name)
                    added.append((after_tail, i, "PERSON", ""))
                    taken.update(range(after_tail, i))
                continue
            if end < len(doc) and doc[end].lower_ == "for":
                # "Deputy Assistant to the President for Economic Mobility Carmel Martin": the last two words of the tail
                j = end + 1
                while j < len(doc) and j - end < 9 and j not in taken and (doc[j].is_title or doc[j].lower_ in {"and", "of", "the"}):
                    j += 1
                while j > end + 1 and doc[j - 1].lower_ in {"and", "of", "the"}:
                    j -= 1  # "... for African Affairs Molly Phee and Special Assistant ...": the name ends before "and"
                name = doc[j - 2:j]
                if j - end >= 5 and j < len(doc) and not doc[j].is_title and doc[j - 3].is_title \
                        and all(self._name_word(t) and t.text not in self.org_heads for t in name):
                    added.append((j - 2, j, "PERSON", ""))
                    taken.update(range(j - 2, j))
                continue
            i = end
            while i < len(doc) and i - end < 4 and i not in taken and self._name_word(doc[i]) and not (doc[i].is_stop and i > end):
                i += 1
            if i > end and not _state_code_after(doc, i):  # "King County, WA" is a place
                added.append((end, i, "PERSON", ""))
                taken.update(range(end, i))
        return added

    @staticmethod
    def _bodies_before_titles(doc: Doc, chosen: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
        """'Eversource President and CEO Joe Nolan', 'Vermont Gas President Y': proper nouns the model left untagged
        right before a body's head title and a name are that body (a place may open it: 'Vermont Gas')."""
        label_at = {i: c for c in chosen for i in range(c[0], c[1])}
        starts = {c[0]: c for c in chosen}
        added: list[tuple[int, int, str, str]] = []
        dropped: set[tuple[int, int, str, str]] = set()
        for c in chosen:
            if c[2] != "TITLE" or doc[c[0]:c[1]].text not in _BODY_HEAD_TITLES:
                continue
            nxt = c[1]  # the name, after "and CEO" if need be
            if nxt + 1 < len(doc) and doc[nxt].lower_ in {"and", "&"} and nxt + 1 in starts and starts[nxt + 1][2] == "TITLE":
                nxt = starts[nxt + 1][1]
            if nxt not in starts or starts[nxt][2] != "PERSON":
                continue
            i = c[0]
            sent_start = doc[c[0]].sent.start
            inside: list[tuple[int, int, str, str]] = []
            while i > sent_start:
                tok = doc[i - 1]
                span = label_at.get(i - 1)
                if span is not None and span[2] == "GPE" and span[1] == i and i < c[0]:
                    inside.append(span)
                    i = span[0]
                    continue
                if span is None and (tok.tag_ in {"NNP", "NNPS"} or tok.is_upper and tok.is_alpha) \
                        and (tok.is_title or tok.is_upper) and not tok.is_stop and tok.text not in TITLE_MODIFIERS \
                        and tok.text not in _FORMER_WORDS:
                    i -= 1
                    continue
                if span is None and tok.text in _HYPHENS and not tok.whitespace_ and i - 1 > sent_start and i < c[0] \
                        and (i - 2) not in label_at and (doc[i - 2].is_upper or doc[i - 2].is_title) and not doc[i - 2].whitespace_:
                    i -= 1  # "AFL-CIO President Liz Shuler"
                    continue
                break
            if all(k in label_at for k in range(i, c[0])) or i > sent_start and label_at.get(i - 1, ("", "", ""))[2] in {"PERSON", "TITLE"}:
                continue  # nothing, places only ("Nevada Attorney General X"), or a headline's verb ("Biden Welcomes President X")
            added.append((i, c[0], "ORG", ""))
            dropped.update(inside)
        return [c for c in chosen if c not in dropped] + added

    def _name_word(self, tok: Token) -> bool:
        """A capitalised proper noun that may be part of a person's name (not "Announces", not "Accords")."""
        return tok.is_title and tok.pos_ == "PROPN" and tok.text not in self.name_trim_words and tok.text not in self.not_person_words

    @staticmethod
    def _after_nation_tail(doc: Doc, end: int, nation_end: dict[int, int]) -> Optional[int]:
        """Where a name may start after a title's nation: "... of Ukraine", "... for Restoration of Ukraine",
        "... of Ukraine," (None without such a tail)."""
        i = end
        if i < len(doc) and doc[i].lower_ == "for":  # "Deputy Prime Minister for Restoration of Ukraine"
            i += 1
            while i < len(doc) and i - end < 6 and doc[i].lower_ != "of" and (doc[i].is_title or doc[i].lower_ == "and"):
                i += 1
        if i >= len(doc) or doc[i].lower_ != "of":
            return None
        j = i  # "Head of the Foreign Relations Department of the Presidential Administration of Azerbaijan": the body's last "of"
        while j < len(doc) and j - i < 14 and (doc[j].is_title or doc[j].lower_ in {"of", "the", "and"}):
            at = j + (2 if j + 1 < len(doc) and doc[j + 1].lower_ == "the" else 1)
            if doc[j].lower_ == "of" and at in nation_end:
                i = j
                break
            j += 1
        i += 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else 1
        if i not in nation_end:
            return None
        i = nation_end[i]
        return i + 1 if i < len(doc) and doc[i].text == "," else i


_MONTHS_AND_MAY = _MONTH_NAMES | {"May"}  # "May 9" is a date where "May" alone may be the verb


def _is_day(tok: Token) -> bool:
    return tok.text.isascii() and tok.text.isdigit() and 1 <= int(tok.text) <= 31


def _month_days(doc: Doc, taken: set[int]) -> list[tuple[int, int, str, str]]:
    """'the April 22-23 Leaders Summit', 'on May 9': a month and a day (or a range of days, a year) the model left
    untagged is a date."""
    out = []
    for t in doc:
        if t.text not in _MONTHS_AND_MAY or t.i in taken or t.i + 1 >= len(doc) or not _is_day(doc[t.i + 1]):
            continue
        end = t.i + 2
        if end + 1 < len(doc) and doc[end].text in _HYPHENS | {"–"} and _is_day(doc[end + 1]):
            end += 2  # "22-23"
        if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].is_digit and len(doc[end + 1].text) == 4:
            end += 2  # ", 2021"
        if not any(i in taken for i in range(t.i, end)):
            out.append((t.i, end, "DATE", ""))
    return out


def _one_place(span: Span, label_at: dict[int, tuple[str, str]]) -> bool:
    """Is the span one place or nation and nothing else ("New York", not "Hawaii Chamber of Commerce")?"""
    return all(label_at.get(t.i, ("",))[0] in {"GPE", "NATION", "LOC"} for t in span)


def _named_run(doc: Doc, run: list[tuple]) -> bool:
    """A run of "Name, Post, Organisation" lines is a list of people when the model found a person opening three of
    them, or two after a line that introduces a list ("Participants in today's roundtable included:"), where the
    others are names it does not know ("Tori Cooper", "Sage Dolan-Sandrino")."""
    named = sum(x[-1] for x in run)
    if named >= 3:
        return True
    spans = paragraphs(doc)
    before = spans[run[0][0] - 1] if run[0][0] >= 1 else None
    return named >= 2 and before is not None and doc[before[0]:before[1]].text.rstrip().endswith(":")


def paragraphs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the paragraphs, as parsed apart (`kg.build.parse_documents`); the whole doc otherwise."""
    if PARAGRAPHS in doc.spans:
        return [(s.start, s.end) for s in doc.spans[PARAGRAPHS]]
    return [(0, len(doc))]


_STORM_WORDS = {"Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical"}


def _storm_names(doc: Doc) -> set[str]:
    """The names of storms the text names ("Hurricane Ida", "Tropical Storm Henri"), with the storm words."""
    names = {doc[i + 1].text for i in range(len(doc) - 1)
             if doc[i].text in _STORM_WORDS - {"Tropical"} and doc[i + 1].is_title and doc[i + 1].text not in _STORM_WORDS}
    return names | _STORM_WORDS if names else set()


def _retag_nominal_verbs(doc: Doc) -> None:
    """'held his first foreign leader call with X': a word the tagger took for a verb that the parse uses as an object
    with a determiner, possessive or modifier of its own is a noun."""
    for tok in doc:
        if tok.pos_ == "VERB" and tok.tag_ in {"VB", "VBP"} and tok.dep_ in {"dobj", "pobj"} \
                and any(c.dep_ in {"det", "poss", "amod", "compound"} and c.i < tok.i for c in tok.children):
            tok.pos_, tok.tag_ = "NOUN", "NN"


def _retag_meeting_nouns(doc: Doc, nouns: set[str]) -> None:
    """'with a roundtable highlighting seven young people': a meeting noun after an article that the tagger took for
    an adjective of the participle after it is a noun."""
    for tok in doc[1:]:
        if tok.pos_ == "ADJ" and tok.lower_ in nouns and doc[tok.i - 1].lower_ in {"a", "an", "the"} \
                and tok.dep_ == "amod" and tok.head.i == tok.i + 1 and tok.head.lower_.endswith("ing") \
                and any(c.dep_ == "dobj" for c in tok.head.children):  # a participle with its object, not "a virtual meeting"
            tok.pos_, tok.tag_ = "NOUN", "NN"


def _org_end(doc: Doc, start: int, end: int) -> int:
    """The end of an organisation's name without a joining word or comma left at its end ("Intermountain Health and")."""
    while end - start > 1 and doc[end - 1].lower_ in {"and", "&", "of", "the", ","}:
        end -= 1
    return end


def _state_code_after(doc: Doc, i: int) -> bool:
    """Is doc[i] the comma of "Place, XX" (a two-letter state or province code ending the phrase)?"""
    return i < len(doc) and doc[i].text == "," and _is_state_code(doc, i + 1)


def _is_state_code(doc: Doc, i: int) -> bool:
    if i >= len(doc) or len(doc[i].text) != 2 or not doc[i].text.isalpha() or not doc[i].is_upper:
        return False
    return i + 1 >= len(doc) or doc[i + 1].is_punct or doc[i + 1].is_space or doc[i + 1].is_sent_start


def _listed_orgs(doc: Doc) -> frozenset[int]:
    """Starts of the model's ORG entities joined by "and" or commas to another ORG entity ("Sanofi, AstraZeneca, and
    Thermo Fisher Scientific"): a list of organisations names each of them, head word or not."""
    root_of = {ent.root.i: ent for ent in doc.ents if ent.label_ in {"ORG", "PRODUCT"}}  # the model's "Sanofi" PRODUCT
    listed: set[int] = set()
    for i, ent in root_of.items():
        tok = doc[i]
        if tok.dep_ == "conj" and tok.head.i in root_of and "ORG" in {ent.label_, root_of[tok.head.i].label_}:
            listed.update((ent.start, root_of[tok.head.i].start))
    return frozenset(listed)


def _name_end(doc: Doc, end: int) -> int:
    """Where a name ending at `end` really ends: on over particles and joining hyphens to the next capitalised word."""
    while end + 1 < len(doc):
        joiner, nxt = doc[end], doc[end + 1]
        hyphen = joiner.text in _HYPHENS and not doc[end - 1].whitespace_ and not joiner.whitespace_
        particle = joiner.lower_ in _NAME_PARTICLES and joiner.is_lower
        article = joiner.text in _ARABIC_ARTICLES and joiner.whitespace_  # "Jassim" + "Al Thani"
        if (hyphen or particle or article) and nxt.is_title and not (nxt.is_stop and nxt.lower_ not in _NAME_PARTICLES):
            end += 2  # "Ursula von" + "der Leyen" (particles one at a time), "Ben" + "-Shabbat"
        elif joiner.is_title and joiner.pos_ == "PROPN" and nxt.text in _HYPHENS and not joiner.whitespace_ \
                and not nxt.whitespace_ and end + 2 < len(doc) and doc[end + 2].is_title:
            end += 3  # "Mishal Al-Ahmad" + " Al-Jabir Al-Sabah"
        else:
            break
    return end


@Language.factory("ddkg_entities", default_config={"patterns_dir": ""})
def make_ddkg_entities(nlp: Language, name: str, patterns_dir: str) -> DdkgEntities:
    return DdkgEntities(nlp, name, patterns_dir)


_SENTENCE_ENDS = {".", "!", "?", ";", ":"}
_CLOSERS = {'"', "”", "’", "'", ")", "]"}


@Language.component("ddkg_sentence_starts")
def sentence_starts(doc: Doc) -> Doc:
    """A sentence starts only after sentence-final punctuation or a paragraph break: the parser may not cut "On Monday,
    Advisor A, Advisor B, and Investing in America Chief Economist C met with ..." after "Investing in"."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.text == "]" and tok.i >= 4 and doc[tok.i - 3].text == "[" and doc[tok.i - 2].is_digit:
            prev = doc[tok.i - 4]  # "al-Freiji.[2] The next ...": the note after the full stop
        elif prev.text in _CLOSERS and tok.i >= 2:
            prev = doc[tok.i - 2]
        if not (prev.is_space or prev.text[-1:] in _SENTENCE_ENDS or tok.is_space):
            tok.is_sent_start = False
    return doc
