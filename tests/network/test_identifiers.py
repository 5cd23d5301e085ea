"""The identifying-data detector of case consultation (network/identifiers.py)."""

import string

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from network.identifiers import (
    BIRTH_DATE,
    EMAIL,
    KINDS,
    NAME,
    NATIONAL_NUMBER,
    PHONE,
    SCHOOL,
    find_identifying_data,
    first_names,
    is_valid_national_number,
)


def kinds(text, school_names=()):
    return [kind for kind, _message in find_identifying_data(text, school_names=list(school_names))]


# --- pseudonymous texts pass ---------------------------------------------------------------

PSEUDONYMOUS = [
    "Jongen, 14 jaar, 2de graad BSO, spijbelt sinds de herfstvakantie",
    "Meisje van 10, nieuwkomer zonder Frans, zit sinds september in het OKAN. Mama spreekt Arabisch.",
    "Het CLB en de huiswerkschool hadden gesprekken met moeder en vader (gescheiden). De leerling "
    "komt nog twee dagen per week. In 2023-2024 zat hij in het 1ste jaar A-stroom.",
    "Sinds mei 2024 is er geen contact meer. De leerlingbegeleider belde drie keer, telkens zonder antwoord.",
    "Le garçon de 14 ans, 2e degré professionnel, ne va plus à l'école depuis la Toussaint. Le CPMS a vu la mère.",
    "Fille de 10 ans, primo-arrivante, ne parle pas encore français. Elle est en DASPA à Anderlecht.",
    "The girl (10) arrived from Syria last year and speaks Arabic and some English. May we ask the CLB?",
    "Boy, 15, skips school since the autumn holiday. Will the youth worker meet him on Wednesday?",
    "Ben ik de enige die dit ziet? Roos en Fleur zijn bloemen, maar hier gaat het om een jongen van 12.",
    "Vader werkt 's nachts; de jongere zorgt voor twee kleine zussen (6 en 8 jaar).",
    "Wachtlijst bij de jeugdhulp: 9 maanden. Ronde tafel gepland op de school met CLB, ouders en jongere.",
    "Score 12/20 voor wiskunde, 3 op 5 dagen afwezig, 1070 Anderlecht, tel. van het CLB is gekend.",
    "Sint-Jans-Molenbeek, Sint-Pieters-Woluwe en Sint-Agatha-Berchem hebben een brede school.",
    "Pierre qui roule n'amasse pas mousse. Rose et blanc sont les couleurs du local.",
]


@pytest.mark.parametrize("text", PSEUDONYMOUS)
def test_pseudonymous_texts_are_accepted(text):
    assert find_identifying_data(text, school_names=[]) == []


def test_empty_text_is_fine():
    assert find_identifying_data("", school_names=[]) == []
    assert find_identifying_data("   \n", school_names=[]) == []


# --- names ---------------------------------------------------------------------------------


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
    ],
)
def test_names_are_found(text):
    assert NAME in kinds(text)


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
    assert NAME not in kinds(text)


def test_every_first_name_of_the_lists_is_found_mid_sentence():
    names = first_names()
    assert len(names) > 500
    for name in ["mohamed", "noah", "lucas", "emma", "zeynep", "amadou", "fatima", "olivia"]:
        assert name in names
    for name in names:
        text = f"Gesprek met {name.title()} en de moeder."
        found = kinds(text)
        # Words that are also ordinary words need a surname next to them; all others are found alone.
        assert NAME in found or NAME in kinds(f"Gesprek met {name.title()} Peeters en de moeder."), name


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
    assert BIRTH_DATE in kinds(text)


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
    assert BIRTH_DATE not in kinds(text)


# --- e-mail, phone, national register number -----------------------------------------------


@pytest.mark.parametrize(
    "text", ["mail jan.peeters@school.be", "contact: x_y+z@example.co.uk", "a@b.brussels"]
)
def test_email_addresses_are_found(text):
    assert EMAIL in kinds(text)


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
    ],
)
def test_phone_numbers_are_found(text):
    assert PHONE in kinds(text)


@pytest.mark.parametrize(
    "text", ["1070 Anderlecht", "14 jaar", "2023-2024", "1000 jongeren op de wachtlijst", "12 34"]
)
def test_numbers_that_are_not_phone_numbers(text):
    assert PHONE not in kinds(text)


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
    assert NATIONAL_NUMBER in kinds(text)


def test_eleven_digits_with_a_wrong_checksum_are_no_national_number():
    assert NATIONAL_NUMBER not in kinds("85.07.30-033.00")


# --- schools -------------------------------------------------------------------------------


def test_school_names_from_the_given_list_are_found_whatever_the_case_and_accents():
    schools = ["Athénée Royal Serge Creuz", "Basisschool De Puzzel"]
    assert SCHOOL in kinds("Elle va à l'athenee royal serge creuz depuis 2 ans.", schools)
    assert SCHOOL in kinds("Zit in de basisschool de puzzel.", schools)
    assert SCHOOL not in kinds("Zit in een basisschool in Molenbeek.", schools)


def test_generic_venue_names_of_the_list_are_ignored():
    assert SCHOOL not in kinds("Ze sport in de sporthal.", ["Sporthal", "Bib"])


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
    assert SCHOOL in kinds(text)


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
    assert SCHOOL not in kinds(text)


@pytest.mark.django_db
def test_school_names_come_from_the_platform_by_default(settings):
    from organisations.models import OrganisationKind
    from tests.factories import OrganisationFactory

    OrganisationFactory(name="GO! Atheneum Kuregem", kind=OrganisationKind.SCHOOL)
    OrganisationFactory(name="Huiswerkklas Peterbos", kind=OrganisationKind.HOMEWORK_SCHOOL)
    settings.VILLAGE_SCHOOL_NAMES = ["Lycée Émile Max"]
    assert [k for k, _m in find_identifying_data("Hij zat in GO! Atheneum Kuregem.")] == [SCHOOL]
    assert [k for k, _m in find_identifying_data("Elle était au lycee emile max.")] == [SCHOOL]
    # Not a school: organisations of other kinds may be named.
    assert find_identifying_data("Hij gaat naar de Huiswerkklas Peterbos.") == []


# --- messages ------------------------------------------------------------------------------


def test_one_message_per_kind_in_a_fixed_order():
    text = (
        "Karim (karim@example.org, 0475 12 34 56) is geboren op 12/03/2014, RRN "
        + national_number("140312", 123, after_2000=True)
        + ", Atheneum Anderlecht. Karim zegt niets."
    )
    assert kinds(text) == [NAME, BIRTH_DATE, EMAIL, PHONE, NATIONAL_NUMBER, SCHOOL]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nl", None),
        ("fr", None),
        ("en", "a person's name"),
    ],
)
def test_messages_follow_the_language_and_do_not_repeat_the_data(language, words):
    with translation.override(language):
        [(kind, message)] = find_identifying_data("Gesprek met Yasmina en de moeder.", school_names=[])
    assert kind == NAME
    assert "Yasmina" not in message
    assert "“Ya…”" in message
    if words:
        assert words in message


@pytest.mark.parametrize(
    "text", ["School Toussaint.", "Na de school Kerstmis thuis.", "École Pâques et Noël."]
)
def test_holidays_after_school_are_not_school_names(text):
    """Found by the property test below: "School Toussaint" is a school and a holiday, not a name."""
    assert find_identifying_data(text, school_names=[]) == []


def test_the_email_message_does_not_repeat_the_address():
    [(_kind, message)] = find_identifying_data("mail hello.there@example.org", school_names=[])
    assert "hello" not in message and "example" not in message


# --- properties ----------------------------------------------------------------------------

SAFE_WORDS = (
    "jongen meisje jongere leerling moeder vader zus broer grootmoeder jaar jaren maanden weken klas "
    "school huiswerkschool CLB OKAN BSO TSO ASO spijbelt komt niet meer sinds de herfstvakantie "
    "gesprek ronde tafel wachtlijst jeugdhulp nieuwkomer zonder Frans Nederlands spreekt thuis "
    "garçon fille mère père école décrochage depuis la Toussaint ans boy girl mother father "
    "skips school since the autumn holiday youth worker advice asked with and en et"
).split()


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text(max_size=400))
def test_never_crashes_on_any_text(text):
    findings = find_identifying_data(text, school_names=["Atheneum Anderlecht"])
    assert all(kind in KINDS and isinstance(message, str) for kind, message in findings)
    assert len({kind for kind, _m in findings}) == len(findings)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(SAFE_WORDS), min_size=1, max_size=40),
    st.lists(st.integers(min_value=0, max_value=99), max_size=5),
)
def test_pseudonymous_sentences_built_from_safe_words_pass(words, numbers):
    text = " ".join(words + [str(n) for n in numbers])
    text = text[0].upper() + text[1:] + "."
    assert find_identifying_data(text, school_names=[]) == []


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(sorted(first_names())),
    st.lists(st.sampled_from(SAFE_WORDS), min_size=1, max_size=10),
)
def test_a_name_with_a_surname_is_always_found(name, words):
    text = " ".join(words) + f" {name.title()} Peeters " + " ".join(words)
    assert NAME in kinds(text)


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=28),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1990, max_value=2024),
    st.sampled_from(["/", "-", "."]),
)
def test_any_full_numeric_date_is_found(day, month, year, separator):
    text = f"Jongen geboren {day:02d}{separator}{month:02d}{separator}{year}, spijbelt."
    assert BIRTH_DATE in kinds(text)


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
    assert NATIONAL_NUMBER in kinds(
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
    assert EMAIL in kinds(f"Mail naar {local}@{domain} graag.")


@settings(max_examples=100, deadline=None)
@given(
    st.integers(min_value=70, max_value=99),
    st.lists(st.integers(min_value=0, max_value=99), min_size=3, max_size=3),
)
def test_any_belgian_mobile_number_is_found(prefix, groups):
    number = f"04{prefix} " + " ".join(f"{g:02d}" for g in groups)
    assert PHONE in kinds(f"Bel {number} na 16 uur.")
