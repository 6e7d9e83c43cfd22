"""RDF namespaces of ddkg: the dd: vocabulary (ontology/ddkg.ttl), the ddr: individuals and the prefixes used
when serialising a graph. See SPEC section 3 and docs/graph-shape.md."""

# No `from __future__ import annotations`: DefinedNamespace reads the annotations below as real types.

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DefinedNamespace, OWL, RDF, RDFS, SKOS, XSD


class DD(DefinedNamespace):
    """
    The ddkg ontology: people, posts, nations, organisations, meetings, places and the documents attesting them.

    Defined in: ontology/ddkg.ttl (https://w3id.org/ddkg/ontology#). Closed: ``DD.NoSuchTerm`` raises
    AttributeError, so a typo cannot write an undefined term into a graph.
    """

    _fail = True
    _NS = Namespace("https://w3id.org/ddkg/ontology#")

    # Classes
    Person: URIRef  # A human being named in a document, identified by name without titles.
    Post: URIRef  # A position, e.g. Defence Secretary of the UK, independent of its holder; has a role concept.
    Nation: URIRef  # A country with an ISO 3166-1 alpha-3 code: the state served and a party to meetings.
    Organisation: URIRef  # A body that can be a party to meetings or contain posts; also typed with its subclass.
    Ministry: URIRef  # A government ministry or department of one nation.
    MilitaryBody: URIRef  # An armed service, command, headquarters, staff or unit of a nation's armed forces.
    Group: URIRef  # A coalition, alliance format or contact group; may name a series of meetings.
    InternationalOrganisation: URIRef  # An organisation established by agreement between states (NATO, EU, UN).
    Meeting: URIRef  # An encounter of persons, nations or organisations held or planned at a date; one n-ary event.
    Place: URIRef  # A named location where a meeting takes place, within one nation.
    Document: URIRef  # A source text (press release, readout) from which statements were extracted.

    # Object properties
    nation: URIRef  # Person/Post/Organisation/Place -> the dd:Nation served, belonged to or lain in.
    holds: URIRef  # Person -> a dd:Post the person holds.
    role: URIRef  # Post -> its concept in dd:RoleScheme.
    postIn: URIRef  # Post -> the dd:Organisation within which it exists.
    place: URIRef  # Meeting -> the dd:Place where it was or will be held.
    participant: URIRef  # Meeting -> each dd:Person, dd:Nation or dd:Organisation taking part.
    host: URIRef  # Meeting -> a participant hosting or convening it (subproperty of participant).
    chair: URIRef  # Meeting -> a participant chairing it (subproperty of participant).
    series: URIRef  # Meeting -> the dd:Group whose series it belongs to.
    mode: URIRef  # Meeting -> its concept in dd:ModeScheme.
    status: URIRef  # Meeting -> its concept in dd:StatusScheme.
    mentionedIn: URIRef  # Person/Nation/Organisation/Meeting -> each dd:Document that refers to it.

    # Datatype properties
    iso3: URIRef  # Nation -> ISO 3166-1 alpha-3 code, e.g. "GBR".
    date: URIRef  # Meeting -> xsd:date, or xsd:gYearMonth / xsd:gYear when only that is known.
    datePrecision: URIRef  # Meeting -> "day", "month" or "year".
    dateText: URIRef  # Meeting -> the words the date was read from, e.g. "Tomorrow".
    nationCount: URIRef  # Meeting -> xsd:integer, the stated number of nations.
    ordinal: URIRef  # Meeting -> xsd:integer, its position in its series.
    evidence: URIRef  # Meeting -> the text of a sentence it was read from (one per sentence).
    docId: URIRef  # Document -> its identifier.
    published: URIRef  # Document -> xsd:date of publication.
    publisher: URIRef  # Document -> the publisher's name.
    url: URIRef  # Document -> xsd:anyURI where it was published.

    # Concept schemes
    RoleScheme: URIRef  # The kinds of post: the values of dd:role.
    ModeScheme: URIRef  # How participants met: the values of dd:mode.
    StatusScheme: URIRef  # Held or still to come: the values of dd:status.

    # Concepts of dd:RoleScheme
    HeadOfState: URIRef  # A monarch or president who is head of state.
    HeadOfGovernment: URIRef  # A prime minister or chancellor who is not also head of state.
    DefenceMinister: URIRef  # The minister heading a defence ministry.
    ForeignMinister: URIRef  # The minister heading a foreign ministry.
    OtherMinister: URIRef  # Any other minister, including junior defence or foreign ministers.
    MilitaryOfficer: URIRef  # A commissioned member of the armed forces.
    NationalSecurityAdviser: URIRef  # Adviser to a head of state or government on national security.
    Diplomat: URIRef  # An ambassador, envoy or other accredited representative.
    Legislator: URIRef  # A member of a legislature named in that capacity.
    Official: URIRef  # A civil servant or other non-elected official.
    Other: URIRef  # A post that fits none of the other roles.

    # Concepts of dd:ModeScheme
    InPerson: URIRef  # Face to face in one place.
    Call: URIRef  # By telephone.
    Video: URIRef  # By video conference.

    # Concepts of dd:StatusScheme
    Held: URIRef  # Reported as having taken place (or under way) at publication.
    Planned: URIRef  # Reported as still to come at publication.


DDR = Namespace("https://w3id.org/ddkg/id/")
"""Individuals: ddr:doc/..., ddr:nation/GBR, ddr:person/..., ddr:post/..., ddr:org/..., ddr:place/..., ddr:meeting/..."""

WD = Namespace("http://www.wikidata.org/entity/")
"""Wikidata entities, the objects of a nation's owl:sameAs."""

PREFIXES: dict[str, str] = {
    "dd": str(DD._NS),
    "ddr": str(DDR),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "wd": str(WD),
}
"""The prefixes a ddkg graph uses, for serialising and for SPARQL."""


def bind_prefixes(graph: Graph) -> Graph:
    """Bind PREFIXES on ``graph`` (replacing any other binding of those prefixes) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
