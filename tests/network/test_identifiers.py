"""The network's policy on identifying data in case texts (network/identifiers.py): which
detectors apply and what the writer is told. The detectors themselves are tested in
tests/village/test_personal_data.py."""

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from network.identifiers import (
    ADDRESS,
    BIRTH_DATE,
    EMAIL,
    KINDS,
    NAME,
    NATIONAL_NUMBER,
    PHONE,
    SCHOOL,
    find_identifying_data,
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
        "Karim (karim@example.org, 0475 12 34 56) is geboren op 12/03/2014, woont Kerkstraat 12, "
        "RRN 14031212355, Atheneum Anderlecht. Karim zegt niets."
    )
    assert kinds(text) == [NAME, BIRTH_DATE, EMAIL, PHONE, ADDRESS, NATIONAL_NUMBER, SCHOOL]


@pytest.mark.parametrize(
    "text",
    [
        "Het gezin woont in de Kerkstraat 12 in Anderlecht.",
        "La famille habite rue de la Loi 16.",
        "They live at 221b Baker Street.",
    ],
)
def test_a_street_address_is_refused(text):
    with translation.override("en"):
        [(kind, message)] = find_identifying_data(text, school_names=[])
    assert kind == ADDRESS
    assert message == "This contains a street address. Leave contact details out."


def test_an_email_address_written_out_is_refused():
    assert kinds("Mail de mama: fatima at hotmail dot com") == [EMAIL]


def test_the_hints_say_where_in_the_writers_own_words():
    with translation.override("en"):
        [(kind, message)] = find_identifying_data(
            "Hij zit in het athenee royal serge creuz.", school_names=["Athénée Royal Serge Creuz"]
        )
    assert kind == SCHOOL
    assert "(“at…”)" in message


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
