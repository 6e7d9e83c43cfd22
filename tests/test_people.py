"""People, posts and nations read from text: regression tests named after what they guard."""

from datetime import date

import pytest


from kg.build import extract_documents
from kg.types import Document


def _people(nlp, text, publisher="The White House", title=""):
    doc = Document("t", text, title=title, published=date(2024, 5, 1), publisher=publisher)
    (ex,) = extract_documents([doc], nlp)
    return {p.name: p for p in ex.persons}, ex


def test_title_chain_binds_post_and_nation(nlp):
    people, _ = _people(nlp, "German Defence Minister Boris Pistorius met Japan's Prime Minister Kishida Fumio.")
    assert people["Boris Pistorius"].nation == "DEU" and people["Boris Pistorius"].posts[0].role == "DefenceMinister"
    assert people["Kishida Fumio"].nation == "JPN" and people["Kishida Fumio"].posts[0].role == "HeadOfGovernment"


def test_of_nation_after_the_name_and_roman_numerals(nlp):
    people, _ = _people(nlp, "President Biden met King Abdullah II of Jordan and Prime Minister Mia Mottley of Barbados.")
    assert people["Abdullah"].nation == "JOR" or people.get("Abdullah II", people["Abdullah"]).nation == "JOR"
    assert people["Mia Mottley"].nation == "BRB"


def test_apposition_and_counterpart(nlp):
    people, _ = _people(nlp, "The Defence Secretary, John Healey, and his French counterpart, Minister Sébastien Lecornu, met today.",
                        publisher="Ministry of Defence")
    assert people["John Healey"].nation == "GBR" and people["John Healey"].posts[0].title == "Defence Secretary"
    lecornu = people["Sébastien Lecornu"]
    assert lecornu.nation == "FRA" and lecornu.posts[0].role == "DefenceMinister"


def test_headline_words_are_not_part_of_names(nlp):
    people, _ = _people(nlp, "Statement.", title="President Biden Before Departing and Jake Sullivan Call with Officials")
    assert not any(n.endswith(("Before", "Call")) for n in people)


def test_a_new_full_name_after_a_titled_surname_is_another_person(nlp):
    people, _ = _people(nlp, "Vice President Harris spoke at the event. Dr. Kanika Harris, a physician, introduced her.")
    assert "Kanika Harris" in people and "Harris" in people
    assert people["Harris"].posts[0].title == "Vice President"
    assert not people["Kanika Harris"].posts


def test_international_officials_serve_no_nation(nlp):
    people, _ = _people(nlp, "President Biden met with United Nations Secretary-General António Guterres today.")
    assert people["António Guterres"].nation is None and people["António Guterres"].posts[0].role == "Official"


def test_deputies_are_officials(nlp):
    people, _ = _people(nlp, "Principal Deputy National Security Advisor to the Vice President Rebecca Lissner met officials.")
    assert people["Rebecca Lissner"].posts[0].role == "Official"


def test_people_met_on_a_trip_serve_the_host_nation(nlp):
    people, _ = _people(nlp, "National Security Advisor Jake Sullivan traveled to Kyiv today. Sullivan met with Foreign Minister "
                             "Dmytro Kuleba to discuss support. He also met with Andriy Yermak.")
    assert people["Jake Sullivan"].nation == "USA"
    assert people["Dmytro Kuleba"].nation == "UKR" and people["Andriy Yermak"].nation == "UKR"


def test_scraped_escapes_and_invisible_characters_are_cleaned(nlp):
    from kg.ingest.common import clean_text

    people, _ = _people(nlp, clean_text("Secretary-General Ant\\xF3nio Guterres met Iraqi Prime Minister\u200e Haider al-Abadi."))
    assert "António Guterres" in people
    assert people["Haider al-Abadi"].nation == "IRQ"


def test_a_name_inside_another_name_is_no_person(nlp):
    people, _ = _people(nlp, "The Biden-Harris Administration supports the work. President Biden spoke.")
    assert "Biden-Harris" not in people and "Biden" in people


def test_of_nation_stays_with_the_name_it_follows(nlp):
    people, _ = _people(nlp, "President Biden and Prime Minister Anthony Albanese of Australia met today.")
    assert people["Biden"].nation == "USA" and people["Anthony Albanese"].nation == "AUS"


def test_a_leading_demonym_covers_titled_persons_joined_by_and(nlp):
    people, _ = _people(nlp, "Vice President Harris spoke with Bahraini King Hamad and Crown Prince Salman today.")
    assert people["Hamad"].nation == "BHR" and people["Salman"].nation == "BHR"


def test_of_nation_after_two_people_met_covers_both(nlp):
    people, _ = _people(nlp, "President Biden welcomed President Andrzej Duda and Prime Minister Donald Tusk of Poland "
                             "to the White House today.")
    assert people["Andrzej Duda"].nation == "POL" and people["Donald Tusk"].nation == "POL"
    assert people["Biden"].nation == "USA"


def test_a_place_before_a_title_names_the_nation_served(nlp):
    people, _ = _people(nlp, "President Biden spoke with Abu Dhabi Crown Prince Mohamed bin Zayed today.")
    assert people["Mohamed bin Zayed"].nation == "ARE"


def test_a_title_of_one_nation_names_the_nation_and_completes_the_name(nlp):
    people, _ = _people(nlp, "President Biden welcomed Taoiseach Leo Varadkar to the White House. He also spoke "
                             "with His Holiness Pope Francis.")
    assert people["Leo Varadkar"].nation == "IRL" and people["Francis"].nation == "VAT"


def test_a_name_before_region_is_a_place(nlp):
    people, _ = _people(nlp, "President Biden discussed the crisis in the Tigray region of Ethiopia.")
    assert "Tigray" not in people



def test_titles_after_a_name_and_comma_are_its_posts(nlp):
    people, _ = _people(nlp, "Participants:\n\nPete Buttigieg, Secretary of the Department of Transportation\n\n"
                             "Gene Sperling, Senior Advisor to the President")
    assert people["Pete Buttigieg"].posts[0].role == "OtherMinister" and people["Pete Buttigieg"].nation == "USA"
    assert people["Gene Sperling"].posts[0].title == "Senior Advisor to the President"


def test_a_person_after_an_organisation_name_is_not_part_of_it(nlp):
    people, ex = _people(nlp, "Today, Director of the Office of Public Engagement Stephen Benjamin hosted a discussion.")
    assert "Stephen Benjamin" in people
    assert {o.name for o in ex.organisations} >= {"Office of Public Engagement"}


@pytest.mark.parametrize("text, name", [
    ("President Biden spoke with European Commission President Ursula von der Leyen.", "Ursula von der Leyen"),
    ("Jake Sullivan met Israeli National Security Advisor Meir Ben-Shabbat.", "Meir Ben-Shabbat"),
    ("Vice President Harris spoke with Crown Prince Mishal Al-Ahmad Al-Jabir Al-Sabah of Kuwait.", "Mishal Al-Ahmad Al-Jabir Al-Sabah"),
])
def test_names_go_on_over_particles_and_hyphens(nlp, text, name):
    people, _ = _people(nlp, text)
    assert name in people


def test_a_standing_word_between_nation_and_title_keeps_the_nation(nlp):
    people, _ = _people(nlp, "President Biden spoke with Venezuelan Interim President Juan Guaidó.")
    assert people["Juan Guaidó"].nation == "VEN"


def test_an_international_bodys_president_is_an_official_of_no_nation(nlp):
    people, _ = _people(nlp, "President Biden spoke with European Council President Charles Michel.")
    assert people["Charles Michel"].nation is None and people["Charles Michel"].posts[0].role == "Official"


def test_an_organisations_post_after_a_name_is_its_post_not_part_of_the_organisation(nlp):
    people, ex = _people(nlp, "The delegation included Daniel Kritenbrink, Department of State Assistant Secretary for the "
                              "Bureau of East Asian and Pacific Affairs; and Anka Lee, Deputy Assistant Secretary of Defense.")
    assert people["Daniel Kritenbrink"].posts[0].title == "Assistant Secretary"
    assert people["Daniel Kritenbrink"].posts[0].org == "Department of State"
    assert people["Anka Lee"].posts[0].title == "Deputy Assistant Secretary of Defense"
    assert {p.role for n in ("Daniel Kritenbrink", "Anka Lee") for p in people[n].posts} == {"Official"}
    assert "Department of State Assistant Secretary" not in {o.name for o in ex.organisations}


def test_a_post_stays_inside_an_office_named_by_it(nlp):
    _, ex = _people(nlp, "Officials from the Office of the Special Envoy for Climate met today.")
    assert any(o.name.startswith("Office of the Special Envoy") for o in ex.organisations)


def test_a_title_leading_into_the_next_name_is_not_appended_to_the_previous_one(nlp):
    people = _people(nlp, "He met with Prime Minister Narendra Modi, Minister for External Affairs Subrahmanyam Jaishankar, "
                          "and others.")[0]
    posts = {name: [(q.title, q.role) for q in p.posts] for name, p in people.items()}
    assert posts["Narendra Modi"] == [("Prime Minister", "HeadOfGovernment")]
    assert posts["Subrahmanyam Jaishankar"] == [("Minister for External Affairs", "ForeignMinister")]


@pytest.mark.parametrize("text, name, title, role, nation", [
    ("Senior Advisor to the President Cedric Richmond hosted a meeting.", "Cedric Richmond",
     "Senior Advisor to the President", "Official", "USA"),
    ("Principal Deputy National Security Advisor (PDNSA) Jon Finer met with them.", "Jon Finer",
     "Principal Deputy National Security Advisor", "Official", "USA"),
    ("Jake Sullivan spoke today with Francesco Talo, Diplomatic Advisor to the Prime Minister of Italy.", "Francesco Talo",
     "Advisor to the Prime Minister of Italy", "Official", "ITA"),
    ("Readout by NSC Spokesperson Adrienne Watson of the call.", "Adrienne Watson", "Spokesperson", "Official", "USA"),
])
def test_posts_around_names_in_readout_style(nlp, text, name, title, role, nation):
    people = _people(nlp, text)[0]
    person = people[name]
    assert (person.posts[0].title, person.posts[0].role, person.nation) == (title, role, nation)


def test_a_named_spouse_is_a_person(nlp):
    people = _people(nlp, "Today National Security Advisor Jake Sullivan spoke with Masih Alinejad and her husband "
                          "Kambiz Foroohar following the arrest of an armed individual outside their home in New York.")[0]
    assert "Kambiz Foroohar" in people


ATTENDEES = """Attendees at today's meeting included:

Department of Agriculture Secretary Tom Vilsack

Scott Blubaugh, President, Oklahoma Farmers Union

Corwin Heatwole, CEO, Farmer Focus

Vehya Will, A10 Associates

Mark Denzler, President & CEO, Illinois Manufacturers' Association

Handy Kennedy, Jr., Owner, HK Farms"""


def test_an_attendee_list_gives_each_line_its_person_organisation_and_private_post(nlp):
    people, ex = _people(nlp, ATTENDEES)
    assert {"Scott Blubaugh", "Corwin Heatwole", "Vehya Will", "Mark Denzler", "Handy Kennedy, Jr."} <= set(people)
    for name in ("Scott Blubaugh", "Corwin Heatwole", "Mark Denzler"):
        assert people[name].nation is None and {q.role for q in people[name].posts} == {"Other"}, name
    assert people["Tom Vilsack"].nation == "USA"
    orgs = {o.name for o in ex.organisations}
    assert {"Oklahoma Farmers Union", "Farmer Focus", "A10 Associates", "HK Farms"} <= orgs


def test_a_post_in_a_public_body_keeps_its_role(nlp):
    people = _people(nlp, "Michael Schiffer, U.S. Agency for International Development Assistant Administrator of the "
                          "Bureau for Asia, met them.")[0]
    assert people["Michael Schiffer"].posts[0].role == "Official" and people["Michael Schiffer"].nation == "USA"


def test_a_us_state_before_a_title_is_no_foreign_nation(nlp):
    people, ex = _people(nlp, "The convening included New Mexico State Representative Linda Serrato and Maine State "
                              "Senator Mattie Daughtry.")
    assert people["Linda Serrato"].nation == "USA" and people["Mattie Daughtry"].nation == "USA"
    assert "MEX" not in ex.nations


def test_group_words_are_not_persons(nlp):
    people = _people(nlp, "The Vice President met Tribal officials and Latinos from Arizona.")[0]
    assert not {"Tribal", "Latinos"} & set(people)


def test_a_title_tail_with_a_possessive_still_binds(nlp):
    people = _people(nlp, "U.S. Ambassador-at-Large for Global Women's Issues Geeta Rao Gupta met with them.")[0]
    assert people["Geeta Rao Gupta"].posts[0].role == "Diplomat" and people["Geeta Rao Gupta"].nation == "USA"


def test_a_headline_preposition_ends_no_organisation_name(nlp):
    people, ex = _people(nlp, "The President spoke.", title="Remarks by President Biden Before Cabinet Meeting")
    assert "Biden" in people and not any("Before" in o.name for o in ex.organisations)


def test_a_title_word_inside_a_name_is_kept(nlp):
    people = _people(nlp, "They honoured the legacy of Martin Luther King Jr. today.")[0]
    assert not any(name in {"Jr.", "Jr"} for name in people)


def test_an_and_after_a_title_opens_no_tail_into_the_next_name(nlp):
    people = _people(nlp, "The meeting included Julie Su, Acting Secretary of Labor and Lael Brainard, Director of the "
                          "National Economic Council.")[0]
    assert people["Julie Su"].posts and people["Julie Su"].nation == "USA"


def test_a_public_health_agency_is_no_private_organisation(nlp):
    people = _people(nlp, "Participants:\n\nRochelle Walensky, Director, Centers for Disease Control and Prevention")[0]
    assert people["Rochelle Walensky"].posts[0].role == "Official" and people["Rochelle Walensky"].nation == "USA"


def test_a_post_at_a_company_is_a_private_post(nlp):
    people = _people(nlp, "The panel heard from Jessica Nigro, Vice President at Lucid Motors, about supply chains.")[0]
    person = people["Jessica Nigro"]
    assert person.posts and person.posts[0].role == "Other" and person.nation is None


TRADES = """External Participants Included:

Mädchen Amick, Actor and Director

Dr. Laura Erickson-Schroth, Chief Medical Officer, The JED Foundation

Ken Lazebnik, Writer

Millicent Shelton, Director and Writer

Dr. David Osher, Vice President at American Institutes for Research"""


def test_a_trade_in_an_attendee_list_is_a_private_post(nlp):
    people, _ = _people(nlp, TRADES)
    for name in ("Mädchen Amick", "Ken Lazebnik", "Millicent Shelton"):
        assert people[name].nation is None and [q.role for q in people[name].posts] == ["Other"], name
    assert people["Millicent Shelton"].posts[0].title == "Director and Writer"  # one trade, not a Director's post


def test_an_honorific_opens_an_attendee_line_and_its_untitled_post_is_read(nlp):
    people, ex = _people(nlp, TRADES)
    laura = people["Laura Erickson-Schroth"]
    assert [(q.title, q.role) for q in laura.posts] == [("Chief Medical Officer", "Other")] and laura.nation is None
    assert "The JED Foundation" in {o.name for o in ex.organisations} | {a for o in ex.organisations for a in o.aliases}


def test_a_post_at_a_private_body_named_with_a_nation_adjective_is_private(nlp):
    person = _people(nlp, TRADES)[0]["David Osher"]
    assert person.posts[0].role == "Other" and person.nation is None


def test_an_acting_secretary_holds_the_post_and_its_role(nlp):
    people = _people(nlp, "The meeting included Acting Secretary of Labor Julie Su.")[0]
    assert people["Julie Su"].posts[0].role == "OtherMinister"


def test_a_title_at_a_department_before_the_name_is_one_post(nlp):
    people = _people(nlp, "They were joined by Assistant Secretary for Tax Policy at the Department of the Treasury "
                          "Lily Batchelder.")[0]
    post = people["Lily Batchelder"].posts[0]
    assert post.role == "Official" and post.org == "Department of the Treasury" and people["Lily Batchelder"].nation == "USA"


def test_a_surname_after_a_particle_and_a_space_is_no_person_of_its_own(nlp):
    people = _people(nlp, "Boris Johnson met the Iraqi Foreign Minister, Ibrahim al- Jaafari in London today. The "
                          "Foreign Secretary met the Iraqi Foreign Minister, Ibrahim al-Jaafari, to discuss the fight.")[0]
    assert "Jaafari" not in people


ADVOCATES = """The leaders who participated include:

Sakira Cook, Director of Federal Policy, Southern Poverty Law Center

Hannah Fried, Executive Director, All Voting is Local

Janai Nelson, President and Director-Counsel, NAACP Legal Defense Fund

Salam Al-Marayati, President, Muslim Public Affairs Council (MPAC)

Today, Office of Public Engagement Director Stephen Benjamin met them."""


def test_every_post_of_an_attendee_line_is_at_the_lines_organisation(nlp):
    people, ex = _people(nlp, ADVOCATES)
    for name in ("Sakira Cook", "Hannah Fried", "Janai Nelson", "Salam Al-Marayati"):
        assert people[name].nation is None and {q.role for q in people[name].posts} == {"Other"}, name
    assert people["Sakira Cook"].posts[0].title == "Director of Federal Policy"
    assert "Muslim Public Affairs Council" in {o.name for o in ex.organisations}


def test_an_offices_name_ends_before_the_title_of_the_person_after_it(nlp):
    people, ex = _people(nlp, ADVOCATES)
    assert people["Stephen Benjamin"].posts and people["Stephen Benjamin"].nation == "USA"
    assert "Office of Public Engagement Director" not in {o.name for o in ex.organisations}


def test_a_cardinals_names_are_one_person_and_his_see_is_no_person(nlp):
    people, ex = _people(nlp, "President Joseph R. Biden, Jr. met today with Cardinal Matteo Maria Zuppi, Archbishop of "
                              "Bologna and President of the Italian Episcopal Conference.")
    assert "Matteo Maria Zuppi" in people and not {"Maria Zuppi", "of Bologna", "Bologna"} & set(people)
    (m,) = ex.meetings
    assert m.series is None  # the conference a participant presides is no series of the meeting


def test_a_post_in_a_body_of_a_named_nation_serves_that_nation(nlp):
    people = _people(nlp, "Jake Sullivan met with Secretary of the National Security Council of Mongolia Jadamba "
                          "Enkhbayar today.")[0]
    assert people["Jadamba Enkhbayar"].nation == "MNG"


def test_two_posts_joined_by_and_before_a_name_are_both_read(nlp):
    people = _people(nlp, "Sullivan met with People's Republic of China Director of the Office of the Foreign Affairs "
                          "Commission and Foreign Minister Wang Yi today.")[0]
    wang = people["Wang Yi"]
    assert wang.nation == "CHN" and {q.role for q in wang.posts} == {"Official", "ForeignMinister"}
    assert not any(q.title.endswith(" and") for q in wang.posts)


def test_a_thing_listed_with_including_takes_no_nation_of_a_group(nlp):
    people = _people(nlp, "Russian forces struck civilian sites, including the Babyn Yar Holocaust memorial.")[0]
    assert all(p.nation != "RUS" for name, p in people.items() if "Holocaust" in name)


def test_a_name_suffix_tagged_alone_is_no_person(nlp):
    people = _people(nlp, "President Joseph R. Biden, Jr. and President Pedro Sánchez of Spain spoke today.")[0]
    assert not {"Jr.", "Jr"} & set(people)


def test_an_advisor_to_the_president_for_a_field_is_no_president(nlp):
    people = _people(nlp, "It was led by Senior Advisor to the President for International Climate Policy John Podesta.")[0]
    assert [(q.title, q.role) for q in people["John Podesta"].posts] == [
        ("Senior Advisor to the President for International Climate Policy", "Official")]


def test_a_name_suffix_in_an_attendee_line_is_no_surname(nlp):
    people = _people(nlp, "Participants included:\n\n- Dr. Herman Felton, Jr., President, Wiley College\n\n- Dr. Vann R. "
                          "Newkirk, Sr., President, Wilberforce University\n\n- Aminta H. Breaux, President, Bowie State "
                          "University\n\nThey thanked Jr. Achievement for its work.")[0]
    assert not {"Jr.", "Jr"} & set(people)


@pytest.mark.parametrize("text, name, nation, roles", [
    ("Mini Timmaraju, President of Reproductive Freedom for All, met with the Vice President today.", "Mini Timmaraju", None, set()),
    ("Participants:\n\nJane Doe, State Senator and Farmer, Iowa Farmers Union\n\nJohn Roe, President, Iowa Farm Bureau\n\n"
     "Ann Poe, CEO, Poe Seeds", "Jane Doe", "USA", {"Legislator", "Other"}),
])
def test_review_mends_a_public_post_stays_public_and_an_unknown_tail_names_no_post(nlp, text, name, nation, roles):
    person = _people(nlp, text)[0][name]
    assert person.nation == nation and {q.role for q in person.posts} == roles


def test_a_group_with_two_nations_gives_its_members_neither(nlp):
    people = _people(nlp, "Sullivan met today with Israeli and Palestinian officials, including Minister Hussein al-Sheikh.")[0]
    assert people["Hussein al-Sheikh"].nation != "ISR"


def test_generational_suffix_after_a_comma_stays_with_the_name(nlp):
    text = "President Joseph R. Biden, Jr. and Chairman of the National Assembly Vuong Dinh Hue of Vietnam met today in Hanoi."
    people, _ = _people(nlp, text)
    assert "Joseph R. Biden, Jr." in people and "Joseph R. Biden" not in people


def test_body_spelling_names_the_person_over_the_headline(nlp):
    people, _ = _people(nlp, "President Joseph R. Biden Jr. spoke today with Crown Prince Mohamed bin Zayed Al Nahyan.",
                        title="Readout of President Joseph R. Biden, Jr. Call with Crown Prince Mohamed bin Zayed")
    assert "Joseph R. Biden Jr." in people


def test_a_name_the_model_ran_into_a_body_after_its_title_is_a_person_with_one_post(nlp):
    text = ("President Joseph R. Biden, Jr. and Chairman of the National Assembly Vuong Dinh Hue of Vietnam met today at "
            "the National Assembly in Hanoi, Vietnam. President Biden and Chairman Hue discussed the partnership.")
    people, ex = _people(nlp, text)
    hue = people["Vuong Dinh Hue"]
    assert hue.nation == "VNM" and [(q.title, q.role) for q in hue.posts] == [("Chairman of the National Assembly", "Legislator")]
    assert "National Assembly" in {o.name for o in ex.organisations}


def test_a_storm_the_text_names_is_no_person(nlp):
    text = ("President Biden discussed preparations for Hurricane Ida with Director Kenneth Graham. Graham briefed the "
            "President on Ida’s projected path, after Tropical Storm Henri last week.")
    people, _ = _people(nlp, text)
    assert "Kenneth Graham" in people and not {"Ida", "Henri", "Storm Henri"} & set(people)


def test_a_prime_minister_in_a_us_release_is_not_american(nlp):
    text = ("We remain committed to working with Prime Minister Al-Abadi and our partners. Secretary of State John Kerry "
            "and President Obama welcomed the news.")
    people, _ = _people(nlp, text)
    assert people["Al-Abadi"].nation != "USA"
    assert people["John Kerry"].nation == "USA" and people["Obama"].nation == "USA"


def test_a_known_title_at_the_end_of_a_listed_post_keeps_the_whole_post(nlp):
    text = ("Today, the Vice President convened leaders on transportation.\n\nParticipants:\n\n"
            "- Carol Tyson, Government Affairs Liaison, Disability Rights Education & Defense Fund\n"
            "- Tim Richardson, Senior Legislative Liaison, FOP\n"
            "- Maria Town, President and CEO, American Association of People with Disabilities\n"
            "- Jane Doe, Executive Director, National Council on Independent Living\n")
    from kg.ingest.common import clean_text
    people, _ = _people(nlp, clean_text(text))
    assert people["Carol Tyson"].posts[0].title == "Government Affairs Liaison"
    assert people["Tim Richardson"].posts[0].title == "Senior Legislative Liaison" and "Legislative" not in people


def test_review_mends_a_repeated_title_with_and_is_one_post(nlp):
    people, _ = _people(nlp, "Secretary of Health and Human Services Xavier Becerra met with governors today. Secretary of "
                             "Health and Human Services Xavier Becerra also spoke with mayors.")
    assert [q.title for q in people["Xavier Becerra"].posts] == ["Secretary of Health and Human Services"]


def test_review_mends_a_department_of_another_nation_is_not_american(nlp):
    _, ex = _people(nlp, "Minister Norma Foley of Ireland's Department of Education met with Secretary Miguel Cardona.")
    assert all(o.nation != "USA" for o in ex.organisations if o.name == "Department of Education")


def test_review_mends_a_premier_in_an_australian_release_is_australian(nlp):
    people, _ = _people(nlp, "The Minister met Premier Daniel Andrews in Melbourne.", publisher="Department of Foreign Affairs and Trade")
    assert people["Daniel Andrews"].nation in (None, "AUS")


def test_a_bare_title_after_its_qualified_form_is_the_same_person(nlp):
    people, _ = _people(nlp, "Today, President Joe Biden hosted Members of Congress and Transportation Secretary Pete "
                             "Buttigieg in the Oval Office. The President and Secretary Buttigieg shared their vision.")
    assert "Buttigieg" not in people and "Pete Buttigieg" in people


def test_a_deputy_with_the_same_surname_is_not_the_principal(nlp):
    people, _ = _people(nlp, "Secretary Antony Blinken met Foreign Minister Wang Yi today. Deputy Secretary Blinken "
                             "spoke first.")
    assert [p.title for p in people["Antony Blinken"].posts] == ["Secretary"] and "Blinken" in people


def test_council_member_states_are_no_person(nlp):
    people, _ = _people(nlp, "Ambassador Linda Thomas-Greenfield met with Security Council Member States in New York today.")
    assert set(people) == {"Linda Thomas-Greenfield"}


@pytest.mark.parametrize("text, name, title", [
    ("The talks were joined by Minister of Finance of Ukraine Sergii Marchenko.", "Sergii Marchenko", "Minister of Finance"),
    ("It was co-chaired by Deputy Prime Minister for Restoration of Ukraine Oleksandr Kubrakov, and others.",
     "Oleksandr Kubrakov", "Deputy Prime Minister"),
    ("After opening remarks from Prime Minister of Ukraine, Denys Shmyhal, they discussed the plan.",
     "Denys Shmyhal", "Prime Minister"),
])
def test_a_name_the_model_missed_after_a_title_and_its_nation_is_a_person(nlp, text, name, title):
    people, _ = _people(nlp, text)
    assert people[name].nation == "UKR" and people[name].posts[0].title.startswith(title)


def test_a_place_after_a_title_its_nation_and_a_comma_is_no_person(nlp):
    people, _ = _people(nlp, "The Prime Minister of Ukraine, Kyiv Oblast officials and others met today.")
    assert "Kyiv Oblast" not in people


@pytest.mark.parametrize("title, role", [
    ("State Delegate", "Legislator"), ("Assemblymember", "Legislator"), ("Councilmember", "Legislator"),
    ("County Supervisor", "Official"), ("Treasurer", "Official"), ("School Board Member", "Official"),
])
def test_state_and_local_titles_in_an_attendee_list_are_posts(nlp, title, role):
    people, _ = _people(nlp, f"Attendees included:\n\n-   Mayor Lacey Beaty (D-OR)\n-   {title} Adrian Boafo (D-MD)\n")
    assert [(p.title, p.role) for p in people["Adrian Boafo"].posts] == [(title, role)]
    assert people["Adrian Boafo"].nation == "USA"


def test_a_headline_name_with_a_space_inside_a_word_is_the_body_person(nlp):
    people, _ = _people(nlp, "President Biden met with UN Secretary-General António Guterres today.",
                        title="Readout of President Biden's Meeting with UN Secretary-General Antó nio Guterres")
    assert [n for n in people if n.endswith("Guterres")] == ["António Guterres"]


def test_a_body_after_an_abbreviated_nation_in_a_title_is_no_person(nlp):
    people, _ = _people(nlp, "Dr. Dave Applegate, Director of the U.S. Geological Survey, spoke about hazards.")
    assert "Geological Survey" not in people and "Dave Applegate" in people


def test_an_honorific_before_a_name_is_not_part_of_it(nlp):
    people, _ = _people(nlp, "National Security Advisor of India Shri Ajit Doval met with Jake Sullivan today.")
    assert "Ajit Doval" in people and not any(n.startswith("Shri") for n in people)


def test_the_trade_representative_is_a_cabinet_post_not_a_legislator(nlp):
    people, _ = _people(nlp, "U.S. Trade Representative Katherine Tai met today with Minister Mary Ng of Canada.")
    assert [(p.title, p.role) for p in people["Katherine Tai"].posts] == [("Trade Representative", "OtherMinister")]


def test_an_international_title_with_its_portfolio_serves_no_nation(nlp):
    _, ex = _people(nlp, "Secretary Antony Blinken met today with European Commissioner for Internal Market Thierry Breton.")
    (breton,) = [p for p in ex.persons if p.name == "Thierry Breton"]
    assert breton.nation is None


@pytest.mark.parametrize("text, not_a_person", [
    ("Secretary Xavier Becerra and Carmel Martin discussed access to Head Start for children.", "Head Start"),
    ("Today, the fourth meeting of the Steering Committee of the Platform for Ukraine was co-chaired by Mike Pyle. "
     "The Platform is the primary vehicle for Ukraine to convene with its key partners.", "Platform"),
    ("The Administrator spoke with Dorval R. Carter, Jr., President, Chicago Transit Authority and King County Metro.",
     "County Metro"),
])
def test_words_of_programmes_and_bodies_unmake_a_person(nlp, text, not_a_person):
    people, _ = _people(nlp, text)
    assert not_a_person not in people


@pytest.mark.parametrize("text, name", [
    ("Today, Secretary Xavier Becerra and Deputy Assistant to the President for Economic Mobility Carmel Martin hosted "
     "a conversation with parents.", "Carmel Martin"),
    ("President Biden met with Minister for Foreign Affairs and Trade Penny Wong of Australia today.", "Penny Wong"),
])
def test_a_name_the_model_missed_after_a_titles_for_tail_is_a_person(nlp, text, name):
    people, _ = _people(nlp, text)
    assert name in people and people[name].posts


def test_a_titles_for_tail_without_a_name_makes_no_person(nlp):
    people, _ = _people(nlp, "The Ambassador for Global Criminal Justice Affairs spoke today about accountability.")
    assert not people


@pytest.mark.parametrize("text, name, nation", [
    ("National Security Advisor Jake Sullivan met with Prime Minister Sheikh Mohammed bin Abdulrahman bin Jassim Al "
     "Thani of Qatar.", "Mohammed bin Abdulrahman bin Jassim Al Thani", "QAT"),
    ("President Joe Biden spoke today with Prime Minister Mohammed Shia’ al-Sudani of Iraq.", "Mohammed Shia’ al-Sudani",
     "IRQ"),
])
def test_arabic_articles_and_transliteration_marks_stay_in_the_name(nlp, text, name, nation):
    people, _ = _people(nlp, text)
    assert name in people and people[name].nation == nation
    assert not any(n != name and n in name for n in people)  # no cut-off half


def test_a_surname_after_its_article_is_the_same_person(nlp):
    people, _ = _people(nlp, "Vice President Kamala Harris met with Prime Minister Mohammed Shia Al-Sudani of Iraq. "
                             "Prime Minister Sudani thanked the Vice President.")
    assert "Sudani" not in people and "Mohammed Shia Al-Sudani" in people


@pytest.mark.parametrize("line, name, role", [
    ("Attorney General Kris Mayes (Arizona)", "Kris Mayes", "Official"),
    ("Nevada Attorney General Aaron Ford", "Aaron Ford", "Official"),
    ("California Senate President Pro Tempore Toni Atkins", "Toni Atkins", "Legislator"),
    ("Former Florida Senate President Bill Galvano", "Bill Galvano", "Legislator"),
    ("Maryland Delegate Ariana Kelly", "Ariana Kelly", "Legislator"),
    ("Washington President Pro Tempore Karen Keiser", "Karen Keiser", "Legislator"),
])
def test_a_states_posts_are_no_national_ministers_or_heads_of_state(nlp, line, name, role):
    people, ex = _people(nlp, f"Today, White House officials met with state leaders.\n\nParticipants included:\n\n-   {line}\n"
                              "-   Secretary of State Antony Blinken\n")
    assert people[name].posts[0].role == role
    assert people["Antony Blinken"].posts[0].role == "ForeignMinister"
    assert "Pro Tempore" not in people and not any(o.name.startswith("Former") for o in ex.organisations)


def test_a_list_after_the_title_is_no_apposition(nlp):
    people, _ = _people(nlp, "Vice President Kamala Harris convened Attorneys General. White House Office of National "
                             "Drug Control Policy Director Dr. Rahul Gupta moderated the discussion. Together, the Vice "
                             "President, Dr. Gupta, Director Perez, and the state Attorneys General identified opportunities.")
    assert "Gupta" not in people and "Vice President" not in {q.title for q in people["Rahul Gupta"].posts}


def test_notes_glued_to_a_name_are_no_part_of_it_and_also_known_as_is_an_alias(nlp):
    people, _ = _people(nlp, "Abboud Qanbar(Arabic: عبود قنبر), also known as Abu Haidar,[1] is an Iraqi General. "
                             "The U.S. military rejected Maliki's first choice, Mohan al-Freiji.[2]")
    assert {"Abboud Qanbar", "Mohan al-Freiji"} <= set(people) and "Abu Haidar" not in people
    assert "Abu Haidar" in people["Abboud Qanbar"].aliases


def test_places_the_model_took_for_names_are_no_persons(nlp):
    people, _ = _people(nlp, "Abboud Qanbar is an Iraqi General. He hails from Amarah, a city in Southern Iraq. After "
                             "being captured in Fialaka, he was transferred. Dayton was mortally wounded in the vicinity "
                             "of Ayn Issa in northern Syria.")
    assert not {"Amarah", "Fialaka", "Ayn Issa"} & set(people)


def test_a_name_with_and_without_its_article_is_one_person(nlp):
    people, _ = _people(nlp, "He was appointed by Prime Minister Nouri Maliki in 2007. Iraqi Prime Minister Nouri "
                             "al-Maliki praised him.")
    assert len([n for n in people if "Maliki" in n]) == 1


def test_counsels_and_officers_in_attendee_lines_are_posts_not_persons(nlp):
    people, _ = _people(nlp, "On Friday, senior officials convened a listening session with union leaders.\n\n"
                             "**Labor Participants**\n\n-   Jeffrey Bennett, General Counsel, SAG-AFTRA\n"
                             "-   Jenny Ho, Assistant Director of Research and Collective Bargaining, AFSCME\n\n"
                             "**Government Participants**\n\n-   Deirdre Mulligan, Principal Deputy U.S. Chief Technology "
                             "Officer\n")
    assert not {"Counsel", "Collective Bargaining", "Principal"} & set(people)
    assert {"Jeffrey Bennett", "Jenny Ho", "Deirdre Mulligan"} <= set(people)
    assert people["Deirdre Mulligan"].posts and people["Deirdre Mulligan"].posts[0].role == "Official"


def test_a_city_in_an_attendees_post_does_not_make_the_attendee_a_place(nlp):
    people, _ = _people(nlp, "Participants:\n\n-   Hillary Schieve, Mayor & Incoming President of U.S. Conference of "
                             "Mayors, City of Reno, Nevada\n-   Steve Williams, Mayor & NLC Health Committee, City of "
                             "Huntington, West Virginia\n")
    assert {"Hillary Schieve", "Steve Williams"} <= set(people)


def test_head_is_a_post_only_before_of(nlp):
    people, _ = _people(nlp, "MS. LEAVITT: Next question. Amanda Head with Just the News.\n\nSullivan spoke today with "
                             "Head of the Office of the President Andriy Yermak.")
    assert "Amanda" not in people and "Amanda Head" in people
    assert people["Andriy Yermak"].posts[0].title == "Head of the Office of the President"


def test_only_a_states_chamber_makes_its_president_a_legislator(nlp):
    people, _ = _people(nlp, "Participants:\n\n-   Hawaii Senate President Ronald Kouchi\n\nUN General Assembly President "
                             "Dennis Francis met the delegates.")
    assert people["Ronald Kouchi"].posts[0].role == "Legislator"
    assert people["Dennis Francis"].posts[0].role == "Official"


def test_a_private_bodys_president_before_the_name_is_no_head_of_state(nlp):
    people, ex = _people(nlp, "Eversource President and CEO Joe Nolan and National Grid President Badar Khan joined "
                              "Secretary Granholm. AFL-CIO President Liz Shuler spoke.")
    for name in ("Joe Nolan", "Badar Khan", "Liz Shuler"):
        assert {q.role for q in people[name].posts} == {"Other"} and people[name].nation is None, name
    assert {"Eversource", "National Grid", "AFL-CIO"} <= {o.name for o in ex.organisations}


def test_heads_of_public_commissions_and_bureaus_are_officials(nlp):
    people, _ = _people(nlp, "Participants included Rohit Chopra, Director of the Consumer Financial Protection Bureau, "
                             "and Rostin Behnam, Chairman of the Commodity Futures Trading Commission. "
                             "Brent Johnson, President of the California Farm Bureau, also spoke.")
    assert people["Rohit Chopra"].posts[0].role == "Official" and people["Rohit Chopra"].nation == "USA"
    assert people["Rostin Behnam"].posts[0].role == "Official"
    assert people["Brent Johnson"].posts[0].role == "Other"


def test_a_law_or_a_clipped_span_before_president_is_no_private_body(nlp):
    people, _ = _people(nlp, "These efforts include an Executive Order President Biden signed.")
    assert people["Biden"].posts[0].role == "HeadOfState" and people["Biden"].nation == "USA"
    people, _ = _people(nlp, "Administration Participants Included:\n\nDr. Maria Jackson, Chair, National Endowment of the "
                             "Arts\n\nJulie Su, Acting Secretary, Department of Labor\n\nTom Perez, Senior Advisor, White House")
    assert people["Maria Jackson"].posts[0].role == "Official"


def test_a_departments_secretary_named_before_the_title_is_a_cabinet_post(nlp):
    people, _ = _people(nlp, "Participants heard from Department of the Interior Secretary Deb Haaland and U.S. Department "
                             "of Agriculture Secretary Tom Vilsack. Department of State Assistant Secretary Jane Doe spoke.")
    assert people["Deb Haaland"].posts[0].role == "OtherMinister" and people["Tom Vilsack"].posts[0].role == "OtherMinister"
    assert people["Jane Doe"].posts[0].role == "Official"


def test_state_attorneys_general_and_an_associate_attorney_general_are_officials(nlp):
    people, _ = _people(nlp, "Panelists included:\n\nBB Beltran, Executive Director, Sexual Assault Support Services\n\n"
                             "Brian Frosh, Maryland Attorney General\n\nTiffany Graves, Co-President, Mississippi Center for "
                             "Justice\n\nKarl Racine, Attorney General for the District of Columbia\n\nFollowing the panel, "
                             "Associate Attorney General Vanita Gupta highlighted recommendations.")
    for name in ("Brian Frosh", "Karl Racine", "Vanita Gupta"):
        assert people[name].posts[0].role == "Official", name
    assert people["BB Beltran"].posts[0].role == "Other" and people["Tiffany Graves"].posts[0].title == "Co-President"


def test_a_place_named_post_after_a_comma_belongs_to_the_next_name(nlp):
    people, _ = _people(nlp, "Today, Second Gentleman Douglas Emhoff, White House Counsel Dana Remus, and Associate "
                             "Attorney General Vanita Gupta convened the first listening session.")
    assert [q.title for q in people["Douglas Emhoff"].posts] == ["Second Gentleman"]


def test_title_words_between_a_demonym_and_the_title_keep_the_nation(nlp):
    people, _ = _people(nlp, "Sullivan met with Brazilian Presidential Advisor Celso Amorim. He also met German Chancellery "
                             "Foreign and Security Policy Advisor Jens Ploetner.")
    assert people["Celso Amorim"].nation == "BRA" and people["Jens Ploetner"].nation == "DEU"


def test_a_nation_opening_a_post_after_the_name_and_a_state_senate_president(nlp):
    people, _ = _people(nlp, "Participants included Jessica Stern, U.S. Special Envoy to Advance the Human Rights of LGBTQI+ "
                             "Persons. Karen Spilka, Massachusetts Senate President, spoke.")
    assert people["Jessica Stern"].nation == "USA" and people["Jessica Stern"].posts[0].role == "Diplomat"
    assert people["Karen Spilka"].posts[0].role == "Legislator"


def test_general_and_major_after_an_article_or_of_are_adjectives_not_ranks(nlp):
    people, _ = _people(nlp, "Qatar is a Major Non-NATO Ally. The Administrator of General Services spoke about the General "
                             "Mining Law of 1872. General Mark Milley met the Chairman.")
    assert set(people) == {"Mark Milley"}


def test_review_mends_a_post_that_runs_into_the_next_name_is_that_names(nlp):
    people, _ = _people(nlp, "Participants included Homeland Security Advisor Dr. Elizabeth Sherwood-Randall, U.S. "
                             "Ambassador to Mexico Ken Salazar, and Secretary of Commerce Gina Raimondo, U.S. Trade "
                             "Representative Katherine Tai.")
    assert [q.title for q in people["Elizabeth Sherwood-Randall"].posts] == ["Homeland Security Advisor"]
    assert [q.title for q in people["Gina Raimondo"].posts] == ["Secretary of Commerce"]


def test_review_mends_a_public_bodys_president_is_an_official_and_no_head_of_state(nlp):
    people, _ = _people(nlp, "Central Bank President Santiago Bausili met President Biden. Palestinian Authority President "
                             "Mahmoud Abbas spoke.")
    assert people["Santiago Bausili"].posts[0].role == "Official" and people["Biden"].nation == "USA"
    assert people["Mahmoud Abbas"].posts[0].role == "HeadOfState"


def test_review_mends_a_headline_verb_is_no_body_and_a_consul_stays_a_diplomat(nlp):
    people, _ = _people(nlp, "Marcela Celorio, Consul General for Los Angeles, spoke.",
                        title="President Biden Welcomes President Ruto of Kenya to the White House")
    assert people["Ruto"].posts[0].role == "HeadOfState" and people["Ruto"].posts[0].org is None
    assert people["Marcela Celorio"].posts[0].role == "Diplomat"


def test_a_foreign_leader_with_no_nation_serves_the_one_other_nation_named(nlp):
    people, _ = _people(nlp, "National Security Advisor Jake Sullivan spoke today with Japanese National Security Advisor "
                             "Akiba Takeo. He conveyed President Biden's support to Prime Minister Kishida.")
    assert people["Kishida"].nation == "JPN" and people["Biden"].nation == "USA"


def test_a_president_left_without_a_nation_is_not_given_the_other_nation(nlp):
    people, _ = _people(nlp, "President Andrés Manuel López Obrador spoke today with President Biden about migration from "
                             "Mexico.")
    assert people["Biden"].nation in (None, "USA")
