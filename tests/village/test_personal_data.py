"""The detectors of personal data the platform shares (village/personal_data.py).

What each app does with them (hold for moderation, refuse a case text) is tested with the app:
tests/participation/test_moderation_detect.py and tests/network/test_identifiers.py.
"""

import string

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from village.personal_data import (
    EMAIL,
    NAME,
    PHONE,
    SCHOOL,
    dates,
    emails,
    find,
    first_names,
    full_names,
    is_valid_national_number,
    names,
    national_numbers,
    phones,
    schools,
)


def texts(findings):
    return [finding.text for finding in findings]


# --- findings ------------------------------------------------------------------------------


def test_a_finding_says_what_where_and_why():
    text = "Bel 0471 23 45 67 na school."
    [finding] = phones(text)
    assert finding.kind == PHONE
    assert finding.text == "0471 23 45 67" == text[slice(*finding.span)]
    with translation.override("en"):
        assert str(finding.reason) == "Looks like a phone number"
    with translation.override("nl"):
        assert str(finding.reason) != "Looks like a phone number"


def test_what_one_detector_found_is_not_found_again_by_the_next():
    text = "Mail yasmina.peeters@example.org vandaag."
    assert names(text)  # "yasmina", typed in lower case
    assert [f.kind for f in find(text, (emails, names))] == [EMAIL]


def test_detectors_grouped_together_look_at_the_same_text():
    text = "Elle est à l'école Marie Curie."
    grouped = find(text, ((schools, names),))
    assert {f.kind for f in grouped} == {SCHOOL, NAME}
    assert [f.kind for f in find(text, (schools, names))] == [SCHOOL]


# --- any name ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mohamed spijbelt al drie weken.",  # a first name at the start of a sentence
        "De jongen, Yasmina's broer, komt niet meer.",
        "Gesprek met Ayşe en haar moeder.",  # Turkish name with its accent
        "Gesprek met Ayse en haar moeder.",  # ... and without
        "Le frère de Chaïma ne vient plus.",
        "The boy (Oliver) does not come any more.",
        "yasmina spijbelt sinds maart",  # lower case, typed on a phone
        "Mevrouw Peeters van het CLB belde.",  # a title before a surname
        "On a vu M. Dupont hier.",
        "Gesprek met de familie Yilmaz.",
        "Contact met meneer Van Damme.",
        "De vader, Karim El Amrani, werkt 's nachts.",
        "Gesprek met Jean-Pierre.",  # two first names glued together
        "Jade Peeters belde het CLB.",  # a first name that is also a word, with a surname
        "Pierre Dubois est l'oncle.",
        "Yasminas moeder belde.",  # Dutch possessive
        "Dokter Janssens volgt hem op.",
        "Gesprek met mevrouw Paris.",  # after a title, a place can be a surname
        "Le papa, monsieur Bergen, est venu.",
    ],
)
def test_names_are_found(text):
    assert names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ben ik de enige?",
        "May we ask the CLB?",
        "Will the youth worker come?",
        "Mark the date in your agenda.",
        "Pierre et Rose sont des mots.",
        "Hij spreekt geen Frans en geen Engels.",
        "Sinds April en Mei zit ze thuis.",
        "In Anderlecht en Molenbeek wonen veel nieuwkomers.",
    ],
)
def test_words_that_are_also_names_are_not_taken_for_names(text):
    assert names(text) == []


def test_every_first_name_of_the_lists_is_found_mid_sentence():
    listed = first_names()
    assert len(listed) > 500
    for name in ["mohamed", "noah", "lucas", "emma", "zeynep", "amadou", "fatima", "olivia"]:
        assert name in listed
    for name in listed:
        # Words that are also ordinary words need a surname next to them; all others are found alone.
        assert names(f"Gesprek met {name.title()} en de moeder.") or names(
            f"Gesprek met {name.title()} Peeters en de moeder."
        ), name


def test_the_finding_is_the_name_in_the_text():
    assert texts(names("Gesprek met Ayşe en meneer Van Damme.")) == ["Ayşe", "Van Damme"]


# --- full names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,found",
    [
        ("Ik ben Sara Janssens en ik wil een speeltuin", "Sara Janssens"),
        ("ik speel altijd met Yusuf van Dijk", "Yusuf van Dijk"),
        ("Juf Annelies Peeters is de beste", "Annelies Peeters"),
        ("juf sara peeters is lief", "sara peeters"),  # lower case, with a known first name
        ("on a joué avec Jean Dupont hier", "Jean Dupont"),
        ("met Joao dos Santos gespeeld", "Joao dos Santos"),
    ],
)
def test_full_names_are_found(text, found):
    assert texts(full_names(text)) == [found]


@pytest.mark.parametrize(
    "text",
    [
        "Ik speel graag met Noah",  # a first name alone is not a full name
        "De meester is boos",  # a title, but no name after it
        "Meer tijd met de juf om te spelen",
        "Miss you all",
        "La famille Dupont habite ici",
        "Fietsles in Sint Gillis voor ouders",
        "Trips to the Zoo in East Sussex",
        "We want a Minecraft Club in the library",
        "Meer Nederlands en Frans leren",
        "Ik wil WOW SUPER veel voetbal",
    ],
)
def test_what_is_no_full_name(text):
    assert full_names(text) == []


# --- birth dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "geboren 12/03/2014",
        "geboren 12-03-2014",
        "12.03.2014",
        "2014-03-12",
        "geboren op 12 maart 2014",
        "née le 12 mars 2014",
        "né le 1er février 2013",
        "born March 12, 2014",
        "born on 12 March 2014",
        "12th of March 2014",
        "° 12/03",  # Belgian notation for "born on", without a year
        "geboren op 3 mei",
        "née le 3 août",
        "12/3/14",
    ],
)
def test_birth_dates_are_found(text):
    assert dates(text)


@pytest.mark.parametrize(
    "text",
    [
        "schooljaar 2023-2024",
        "°2014",  # a birth year is like an age
        "sinds maart 2024",
        "score 12/20",
        "3/4 van de klas",
        "32/45/2014",  # not a date
        "versie 1.2.3",
    ],
)
def test_things_that_are_not_birth_dates(text):
    assert dates(text) == []


# --- e-mail, phone, national register number -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "mail jan.peeters@school.be",
        "contact: x_y+z@example.co.uk",
        "a@b.brussels",
        "my email is tom at yahoo dot com",
        "stuur naar jan(at)telenet(dot)be",
    ],
)
def test_email_addresses_are_found(text):
    assert emails(text)


@pytest.mark.parametrize(
    "text",
    [
        "bel 0475 12 34 56",
        "bel 0475/12.34.56",
        "bel 0475123456",
        "tel 02 123 45 67",
        "tel 02/123.45.67",
        "+32 475 12 34 56",
        "+32 (0)2 123 45 67",
        "0032 2 123 45 67",
        "06-12345678",
        "+31 6 12345678",
        "09 123 45 67",
        "(02) 511 22 33",
        "appelle au +33 6 12 34 56 78",
    ],
)
def test_phone_numbers_are_found(text):
    assert phones(text)


@pytest.mark.parametrize(
    "text", ["1070 Anderlecht", "14 jaar", "2023-2024", "1000 jongeren op de wachtlijst", "12 34"]
)
def test_numbers_that_are_not_phone_numbers(text):
    assert phones(text) == []


def national_number(birth, serial, *, after_2000=False):
    base = int(f"{birth}{serial:03d}")
    check = 97 - ((2_000_000_000 + base) % 97 if after_2000 else base % 97)
    return f"{birth}{serial:03d}{check:02d}"


def test_national_number_checksum():
    assert is_valid_national_number(national_number("850730", 33))
    assert is_valid_national_number(national_number("140312", 123, after_2000=True))
    assert not is_valid_national_number("85073003300")
    assert not is_valid_national_number("1234")


@pytest.mark.parametrize("after_2000", [False, True])
@pytest.mark.parametrize(
    "layout", ["{a}.{b}.{c}-{d}.{e}", "{a}{b}{c}{d}{e}", "{a} {b} {c} {d} {e}", "{a}{b}{c}-{d}.{e}"]
)
def test_national_register_numbers_are_found(layout, after_2000):
    digits = national_number("140312" if after_2000 else "850730", 123, after_2000=after_2000)
    text = "RRN " + layout.format(a=digits[:2], b=digits[2:4], c=digits[4:6], d=digits[6:9], e=digits[9:])
    assert national_numbers(text)


def test_eleven_digits_with_a_wrong_checksum_are_no_national_number():
    assert national_numbers("85.07.30-033.00") == []


# --- schools -------------------------------------------------------------------------------


def test_school_names_from_the_given_list_are_found_whatever_the_case_and_accents():
    listed = ["Athénée Royal Serge Creuz", "Basisschool De Puzzel"]
    found = schools("Elle va à l'athenee royal serge creuz depuis 2 ans.", listed)
    assert texts(found) == ["athenee royal serge creuz"]  # as written, to find it in one's text
    assert schools("Zit in de basisschool de puzzel.", listed)
    assert schools("Zit in een basisschool in Molenbeek.", listed) == []


def test_generic_venue_names_of_the_list_are_ignored():
    assert schools("Ze sport in de sporthal.", ["Sporthal", "Bib"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "Zit in het Atheneum Anderlecht.",
        "Basisschool De Regenboog",
        "Sint-Jozefcollege",
        "KTA Brussel",
        "école Les Tilleuls",
    ],
)
def test_school_names_in_the_usual_forms_are_found(text):
    assert schools(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hij gaat naar school in Anderlecht.",
        "De huiswerkschool helpt.",
        "Basisschool, 5de leerjaar",
        "school Frans",
    ],
)
def test_words_about_schools_are_not_school_names(text):
    assert schools(text) == []


# --- properties ----------------------------------------------------------------------------

SAFE_WORDS = "jongen meisje moeder vader klas school spijbelt sinds de herfstvakantie en et and".split()


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(sorted(first_names())),
    st.lists(st.sampled_from(SAFE_WORDS), min_size=1, max_size=10),
)
def test_a_name_with_a_surname_is_always_found(name, words):
    text = " ".join(words) + f" {name.title()} Peeters " + " ".join(words)
    assert names(text)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=28),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1990, max_value=2024),
    st.sampled_from(["/", "-", "."]),
)
def test_any_full_numeric_date_is_found(day, month, year, separator):
    assert dates(f"Jongen geboren {day:02d}{separator}{month:02d}{separator}{year}, spijbelt.")


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=99),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=28),
    st.integers(min_value=1, max_value=997),
    st.booleans(),
)
def test_any_valid_national_number_is_found(year, month, day, serial, after_2000):
    digits = national_number(f"{year:02d}{month:02d}{day:02d}", serial, after_2000=after_2000)
    assert national_numbers(
        f"Nummer {digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]} gekend"
    )


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet=string.ascii_lowercase + string.digits + "._", min_size=1, max_size=15).filter(
        lambda s: s[0] not in "._" and s[-1] not in "._"
    ),
    st.sampled_from(["example.org", "school.be", "clb.brussels"]),
)
def test_any_email_address_is_found(local, domain):
    assert emails(f"Mail naar {local}@{domain} graag.")


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=70, max_value=99),
    st.lists(st.integers(min_value=0, max_value=99), min_size=3, max_size=3),
)
def test_any_belgian_mobile_number_is_found(prefix, groups):
    number = f"04{prefix} " + " ".join(f"{g:02d}" for g in groups)
    assert texts(phones(f"Bel {number} na 16 uur.")) == [number]
