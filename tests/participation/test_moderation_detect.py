"""The automatic hold: personal data and blocked words are found, ordinary ideas pass."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from participation import moderation
from participation.moderation import detect, plain_text

HELD = [
    # e-mail
    ("Mail me op sara.janssens@gmail.com", "email"),
    ("écris-moi: lea_d@hotmail.fr", "email"),
    ("my email is tom at yahoo dot com", "email"),
    ("stuur naar jan(at)telenet(dot)be", "email"),
    # phone
    ("Bel me op 0471 23 45 67", "phone"),
    ("mijn gsm 0471/23.45.67", "phone"),
    ("appelle-moi au +32 471 23 45 67", "phone"),
    ("mon numéro: 0032 2 123 45 67", "phone"),
    ("06-12345678 is mijn nummer", "phone"),
    ("+31 6 12345678", "phone"),
    ("call 02 511 22 33 after school", "phone"),
    ("Tel: 02/511.22.33", "phone"),
    # street address
    ("Ik woon in de Kerkstraat 12", "address"),
    ("kom naar de bergensesteenweg 145 bus 3", "address"),
    ("Je vis rue de la Loi 16 à Bruxelles", "address"),
    ("chez moi: avenue Louise 54", "address"),
    ("j'habite au 12 rue Haute", "address"),
    ("chaussée de Mons 1200", "address"),
    ("I live at 221b Baker Street", "address"),
    ("my house is on Station Road 4", "address"),
    ("Anneessensplein 3, Brussel", "address"),
    # full name
    ("Ik ben Sara Janssens en ik wil een speeltuin", "full_name"),
    ("Mijn naam is Mohamed El Amrani", "full_name"),
    ("Je m'appelle Léa Dubois", "full_name"),
    ("My name is Tom Baker and I like football", "full_name"),
    ("Juf Annelies Peeters is de beste", "full_name"),
    ("ik speel altijd met Yusuf van Dijk", "full_name"),
    ("on a joué avec Lucas Martin hier", "full_name"),
    ("avec Jean Dupont au parc", "full_name"),
    # national register number (with a valid checksum)
    ("mijn rijksregisternummer is 85.07.30-033.28", "national_number"),
]

ORDINARY = [
    "Meer voetbal op woensdag",
    "Een speeltuin in het park van Kuregem",
    "Huiswerkklas ook op zaterdag, van 10 tot 12 uur",
    "Meer bomen op het plein en 3 banken",
    "We willen 2 keer per week naar de bibliotheek",
    "Een zwembad in Anderlecht! Voor 20 kinderen",
    "Une place de jeux près de l'école",
    "Plus de foot le mercredi après-midi",
    "L'école des devoirs jusqu'à 18h, 3 fois par semaine",
    "Des cours de musique pour 15 enfants",
    "More football on Wednesday Afternoon",
    "A homework club on Saturday from 10 to 12",
    "We want a Minecraft Club in the library",
    "Classes for 30 children in 2025, about 15 euro per term",
    "Fietsles in Sint Gillis voor ouders",
    "Meer licht in de Marollen 's avonds",
    "Un atelier de théâtre à Saint Gilles en juin",
    "Trips to the Zoo in East Sussex",
    "Een muurschildering op de Anneessensplein",
    "Speelstraat 3 keer per jaar",
    "Op 12/05/2025 een feest",
    "De bus 49 rijdt niet vaak genoeg",
    "Meer sport: 10 uur per week!",
    "Ik ben blij met de nieuwe school",
    "Je suis content de la bibliothèque",
    "I am Happy with the new park",
    "Ik wil WOW SUPER veel voetbal",
    "The Saturday Club is great",
    "Meer Nederlands en Frans leren met spelletjes",
    "De meester is boos als we te laat zijn",
    "Meer tijd met de juf om te spelen",
    "Een feest met Noah en Lina",
]


@pytest.mark.parametrize("text,code", HELD)
def test_personal_data_is_held_with_the_reason(text, code):
    codes = [reason["code"] for reason in detect(text)]
    assert code in codes, (text, detect(text))


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_ideas_are_not_held(text):
    assert detect(text) == [], (text, detect(text))


def test_the_reason_names_what_was_found():
    [reason] = detect("Bel 0471 23 45 67")
    assert reason == {"code": "phone", "detail": "0471 23 45 67"}


@pytest.mark.parametrize(
    "text,words,found",
    [
        ("Jij bent een STOMMERD", ["stommerd"], ["stommerd"]),
        ("t'es un crétin", ["cretin"], ["cretin"]),
        ("you are an 1d10t", ["idiot"], ["idiot"]),
        ("Een stommerdje is lief", ["stommerd"], []),  # whole words only
        ("Meer voetbal", ["stommerd", "idiot"], []),
    ],
)
def test_blocklist_matches_whole_words_without_case_or_accents(text, words, found):
    assert moderation.find_blocked_words(text, words) == found


@given(st.text(max_size=400))
@settings(max_examples=200, deadline=None)
def test_detect_never_crashes_on_any_text(text):
    for reason in detect(text, blocked_words=["stommerd"]):
        assert reason["code"] in moderation.REASON_LABELS


@given(
    st.lists(
        st.sampled_from(
            [
                "<script>alert(1)</script>",
                "<b>",
                "</p>",
                "مرحبا",
                "שלום",
                "\u202e",
                "\u200b",
                "😀",
                "👨‍👩‍👧",
                "e\u0301",
                "\x00",
                "\r\n",
                "<img src=x onerror=alert(1)>",
                "a < b",
                "Meer voetbal",
                "<",
                ">",
                "&amp;",
            ]
        ),
        max_size=20,
    ).map("".join)
)
@settings(max_examples=300, deadline=None)
def test_plain_text_never_keeps_html_or_invisible_controls(text):
    cleaned = plain_text(text)
    assert "<script" not in cleaned.lower()
    assert "<img" not in cleaned.lower()
    assert "<b>" not in cleaned and "</p>" not in cleaned
    assert "\u202e" not in cleaned and "\x00" not in cleaned and "\r" not in cleaned
    assert plain_text(cleaned) == cleaned  # stable


def test_plain_text_keeps_what_people_wrote():
    assert plain_text("  3 < 5 en 😀 مرحبا\r\nok ") == "3 < 5 en 😀 مرحبا\nok"
    assert plain_text("<b>Meer</b> voetbal") == "Meer voetbal"
