"""Organisations in readouts: regression tests named after what they guard."""

from datetime import date

import pytest

from kg.build import extract_documents
from kg.ingest.common import clean_text
from kg.types import Document


def _extract(nlp, text):
    doc = Document("t", clean_text(text), published=date(2024, 5, 1), publisher="The White House")
    (ex,) = extract_documents([doc], nlp)
    return ex


def _names(ex):
    return {n for o in ex.organisations for n in (o.name, *o.aliases)}


def test_one_name_per_line_after_an_organisation_list_intro_is_an_organisation(nlp):
    ex = _extract(nlp, "Today, officials convened the Collaborative.\n\nPhilanthropies supporting the Collaborative include:\n\n"
                       "- Arnold Ventures\n\n- Emerson Collective\n\n- The Annie E. Casey Foundation\n\nThe meeting ended.")
    assert {"Arnold Ventures", "Emerson Collective", "The Annie E. Casey Foundation"} <= _names(ex)
    assert not {"Arnold Ventures", "Emerson Collective"} & {p.name for p in ex.persons}


def test_lines_after_a_list_of_places_are_not_organisations(nlp):
    ex = _extract(nlp, "Jurisdictions participating in the Collaborative include:\n\n- Atlanta, GA\n\n- King County, WA")
    assert not {"Atlanta", "King County", "GA", "WA"} & _names(ex)
    assert ex.persons == []


def test_organisations_listed_with_an_organisation_need_no_head_word(nlp):
    ex = _extract(nlp, "On Tuesday, officials convened the CEOs of the three companies, including Sanofi, AstraZeneca, and "
                       "Thermo Fisher Scientific.")
    assert {"AstraZeneca", "Thermo Fisher Scientific"} <= _names(ex)


def test_a_name_without_a_head_word_alone_is_no_organisation(nlp):
    ex = _extract(nlp, "The leaders discussed the Abraham Accords and COVID-19 today.")
    assert not {"Abraham Accords", "COVID-19"} & _names(ex)


def test_a_list_of_organisations_goes_on_past_a_name_holding_a_state(nlp):
    ex = _extract(nlp, "Philanthropies supporting the Collaborative include:\n\nArnold Ventures\n\nThe California "
                       "Endowment\n\nThe California Wellness Foundation\n\nOpen Society Foundations")
    assert {"Arnold Ventures", "The California Endowment", "Open Society Foundations"} <= _names(ex)


@pytest.mark.parametrize("text, expected, not_expected", [
    ("Officials of the Office of Management and Budget met.", {"Office of Management and Budget"}, {"Office of Management"}),
    ("The Department of Health and Human Services joined.", {"Department of Health and Human Services"}, set()),
    ("The Substance Abuse and Mental Health Services Administration presented.",
     {"Substance Abuse and Mental Health Services Administration"}, set()),
    ("Bahrain hosts the U.S. 5th Fleet and U.S. Naval Forces Central Command.", {"U.S. Naval Forces Central Command"},
     {"Fleet and U.S. Naval Forces Central Command"}),
    ("The White House Office of Public Engagement and National Economic Council hosted them.",
     {"National Economic Council"}, {"White House Office of Public Engagement and National Economic Council"}),
    ("They met the Department of State and Ministry of Defence.", {"Department of State", "Ministry of Defence"}, set()),
])
def test_organisation_names_joined_by_and(nlp, text, expected, not_expected):
    names = _names(_extract(nlp, text))
    assert expected <= names and not (not_expected & names)


def test_a_body_of_the_publishing_government_has_its_nation(nlp):
    orgs = {o.name: o.nation for o in _extract(nlp, "National Economic Council Director Brian Deese and the Council on "
                                                     "Environmental Quality met.").organisations}
    assert orgs.get("National Economic Council") == "USA" and orgs.get("Council on Environmental Quality") == "USA"


def test_an_organisation_list_goes_on_over_acronyms_and_on(nlp):
    ex = _extract(nlp, "Participants included representatives from the following organizations:\n\n- AFL-CIO\n\n"
                       "- Business Group on Health\n\n- HR Policy Association")
    assert {"AFL-CIO", "Business Group on Health", "HR Policy Association"} <= _names(ex)


def test_a_task_force_is_a_group_and_a_joint_task_force_military(nlp):
    kinds = {o.name: o.kind for o in _extract(nlp, "Officials of the Interagency Task Force on Reproductive Healthcare "
                                                   "Access met the Combined Joint Task Force commanders.").organisations}
    assert kinds.get("Interagency Task Force on Reproductive Healthcare Access") == "group"
    assert all(kind == "military" for name, kind in kinds.items() if "Joint Task Force" in name)


def test_a_bare_head_word_is_the_organisation_named_in_full(nlp):
    ex = _extract(nlp, "Today, Secretary Marcia L. Fudge chaired the Interagency Task Force on Property Appraisal and "
                       "Valuation Equity. The Task Force includes cabinet-level leaders.")
    names = {o.name for o in ex.organisations}
    assert "Task Force" not in names and "Interagency Task Force on Property Appraisal and Valuation Equity" in names


def test_federal_departments_are_public_bodies_and_a_state_code_is_no_department(nlp):
    text = ("Today, the White House convened a listening session.\n\nGovernment Participants\n\n"
            "- Bharat Ramamurti, Deputy Assistant to the President & Deputy Director, National Economic Council\n\n"
            "- Michael Schmidt, Senior Advisor, Office of the Secretary, USDA\n\n"
            "- Andy Green, Senior Advisor for Fair & Competitive Markets, USDA\n\n"
            "- Valerie McMakin, Chief of Staff, USDA Office of Congressional Relations\n\n"
            "The session was held in Richmond, VA.")
    ex = _extract(nlp, text)
    people = {p.name: p for p in ex.persons}
    assert people["Andy Green"].nation == "USA" and people["Andy Green"].posts[0].role == "Official"
    assert "Bharat Ramamurti" in people and "IND" not in ex.nations
    usda = next(o for o in ex.organisations if "USDA" in (o.name, *o.aliases))
    assert usda.nation == "USA" and usda.kind == "ministry"
    assert not any(o.name == "Department of Veterans Affairs" for o in ex.organisations)


def test_lines_under_a_participants_heading_name_organisations_up_to_the_next_heading(nlp):
    text = ("Today, the White House convened a listening session on competition in agriculture.\n\n"
            "**<u>Food and Agriculture Participants</u>**\n\n- American Economic Liberties Project\n- Farm Action\n"
            "- Ranchers-Cattlemen Action Legal Fund United Stockgrowers of America\n- U.S. Cattlemen’s Association\n"
            "- P Street Project\n- United Food and Commercial Workers International Union (UFCW)\n\n"
            "**<u>Government Participants</u>**\n\n"
            "- Bharat Ramamurti, Deputy Director, National Economic Council\n"
            "- Alejandro Molina, Senior Policy Advisor, National Economic Council\n"
            "- Andy Green, Senior Advisor, USDA\n")
    ex = _extract(nlp, text)
    names = {o.name for o in ex.organisations}
    assert {"American Economic Liberties Project", "Farm Action", "U.S. Cattlemen’s Association", "P Street Project",
            "Ranchers-Cattlemen Action Legal Fund United Stockgrowers of America",
            "United Food and Commercial Workers International Union"} <= names
    assert "Government Participants" not in names and not any("Molina" in n for n in names)


def test_review_mends_bare_names_under_a_participants_heading_are_people(nlp):
    ex = _extract(nlp, "Today, the White House convened a roundtable on maternal health.\n\nAdministration Participants\n\n"
                       "- Xavier Becerra\n- Neera Tanden\n- Jennifer Klein\n")
    assert {"Xavier Becerra", "Neera Tanden", "Jennifer Klein"} <= {p.name for p in ex.persons}
    assert not {"Xavier Becerra", "Neera Tanden", "Jennifer Klein"} & {o.name for o in ex.organisations}


def test_review_mends_an_org_list_line_with_a_person_after_a_colon_is_cut_at_the_colon(nlp):
    ex = _extract(nlp, "Today, officials met with leaders of organizations.\n\nThe organizations that participated included:\n\n"
                       "- Southeast Asian Research Action Center: Quyen Dinh\n- National Council of Asian Pacific Americans: Gregg Orton\n")
    assert not any(":" in o.name for o in ex.organisations)


def test_two_known_names_joined_by_and_are_two_organisations(nlp):
    ex = _extract(nlp, "The leaders discussed the G7 and European Union support for Ukraine, and a partnership between the "
                       "IMF and World Bank.")
    names = {o.name for o in ex.organisations}
    assert {"G7", "European Union"} <= names and not any(" and " in n for n in names)


@pytest.mark.parametrize("text, name, acronym", [
    ("The Task Force discussed the new Intergovernmental Panel on Climate Change (IPCC) report. The IPCC warned.",
     "Intergovernmental Panel on Climate Change", "IPCC"),
    ("Members of the Users' Advisory Group (UAG) met today. The UAG advises the Council.", "Users' Advisory Group", "UAG"),
    ("They fought the Islamic State of Iraq and Levant (ISIL) with the Iraqi security forces (ISF). ISIL lost.",
     "Islamic State of Iraq and Levant", "ISIL"),
])
def test_an_acronym_after_words_whose_initials_spell_it_names_the_organisation_in_full(nlp, text, name, acronym):
    orgs = {o.name: o for o in _extract(nlp, text).organisations}
    assert acronym in orgs[name].aliases and acronym not in orgs


def test_a_post_spelled_out_before_its_acronym_is_no_organisation(nlp):
    orgs = {o.name for o in _extract(nlp, "President Biden met with the Special Presidential Envoy for Climate (SPEC) "
                                          "John Kerry today. SPEC briefed him.").organisations}
    assert "Special Presidential Envoy for Climate" not in orgs


def test_a_government_of_a_nation_is_an_organisation_but_the_nations_own_government_is_the_nation(nlp):
    ex = _extract(nlp, "He welcomed renewed coordination between the Federal Government of Somalia and Federal Member "
                       "States, and urged the Government of Kosovo to act. The U.S. Government will help.")
    names = {o.name for o in ex.organisations}
    assert {"Federal Government of Somalia", "Government of Kosovo"} <= names
    assert "U.S. Government" not in names and {"SOM", "XKX", "USA"} <= set(ex.nations)


def test_joint_and_a_hyphenated_pair_of_nations_stay_inside_a_bodys_name(nlp):
    ex = _extract(nlp, "They underscored the partnership, as exemplified by the U.S.-Saudi Arabia Strategic Joint "
                       "Planning Committee, which met this week at the Department of Defense.")
    names = {o.name for o in ex.organisations}
    assert "U.S.-Saudi Arabia Strategic Joint Planning Committee" in names and "Planning Committee" not in names


def test_a_plurals_apostrophe_stays_inside_a_summits_name(nlp):
    ex = _extract(nlp, "President Biden met with Pope Francis on the margins of the G7 Leaders’ Summit in Apulia, Italy.")
    assert "G7 Leaders’ Summit" in {o.name for o in ex.organisations}


def test_laws_and_orders_are_no_organisations(nlp):
    ex = _extract(nlp, "Building on the Bipartisan Safer Communities Act, officials discussed Extreme Risk Protection "
                       "Order (ERPO) laws with the Department of Justice.")
    names = {o.name for o in ex.organisations}
    assert not {"Bipartisan Safer Communities Act", "Extreme Risk Protection Order"} & names
    assert any("Justice" in n for n in names)


def test_a_units_number_is_part_of_its_name(nlp):
    ex = _extract(nlp, "Col. David C. Lyons, 407th Air Expeditionary Group commander, flew with the 134th Expeditionary "
                       "Fighter Squadron of the 158th Fighter Wing. Bahrain hosts the U.S. 5th Fleet. The 4th Summit met.")
    names = {o.name for o in ex.organisations}
    assert {"407th Air Expeditionary Group", "134th Expeditionary Fighter Squadron", "158th Fighter Wing",
            "U.S. 5th Fleet"} <= names and "4th Summit" not in names


def test_a_wing_is_a_unit_only_with_its_number(nlp):
    ex = _extract(nlp, "The President met the governors in the West Wing. The 158th Fighter Wing flew over.")
    names = {o.name for o in ex.organisations}
    assert "158th Fighter Wing" in names and not any("West Wing" in n for n in names)
