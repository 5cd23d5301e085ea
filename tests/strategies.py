"""Hostile input for the property tests of forms (hypothesis), and what a good answer to it is.

Whatever is typed, the answer is either the form again with a translated message next to the
field and nothing stored, or a saved object holding exactly what was typed (as the form cleans
it). Never a server error.

    @FAST
    @given(title=HOSTILE, language=LANGUAGES)
    def test_something(title, language, client):
        with one_example():
            response = post(client, language, "/networks/x/sessions/new/", {"title": title})
            form = refused_form(response)
            ...
"""

import datetime
import re
from contextlib import contextmanager

from django import forms
from django.core.cache import cache
from django.db import transaction
from django.forms.forms import NON_FIELD_ERRORS
from django.utils import translation
from django.utils.html import escape
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st

# 25 examples per form on every run (the "repeatable" profile of tests/conftest.py);
# HYPOTHESIS_PROFILE=explore tries as many as that profile says.
FAST = settings(
    max_examples=25 if settings.default.derandomize else settings.default.max_examples,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)

# Typed text: anything, then the cases that broke sites before.
HOSTILE_SAMPLES = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "مرحبا بالأطفال",  # Arabic: right to left
    "שלום לכולם",  # Hebrew: right to left
    "\u202eevil\u202c",  # right-to-left override
    "👩‍👧‍👦🏳️‍🌈" * 20,
    "𝕍𝕚𝕝𝕝𝕒𝕘𝕖",  # outside the Basic Multilingual Plane
    "e\u0301te\u0301",  # combining accents
    "x" * 5000,
    "é" * 300,
    "",
    " ",
    "\x00",  # PostgreSQL refuses NUL in text
    "Lina\x00Lina",
    "Robert'); DROP TABLE accounts_user;--",
]
HOSTILE = st.one_of(
    st.sampled_from(HOSTILE_SAMPLES),
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=60),
)
# Typed numbers: any integer, text, and numbers out of any sensible range.
NUMBERS = st.one_of(
    st.integers().map(str),
    st.text(max_size=12),
    st.sampled_from(
        ["-1", "0", "1e9", "2050", "1900", "NaN", "99999999999999999999", "1.5", "٣", "\x00", ""]
    ),
)
# Coordinates: out of range, not numbers, too precise.
COORDINATES = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=True).map(str),
    st.sampled_from(["91", "-90.0000001", "181", "1e999", "inf", "NaN", "50.1234567891", "\x00", ""]),
    NUMBERS,
)
# Dates and times as the browser's date, time and datetime-local inputs send them, and not.
DATES = st.one_of(
    st.dates().map(datetime.date.isoformat),
    st.sampled_from(["9999-12-31", "0001-01-01", "2025-02-30", "31/12/2025", "\x00"]),
    st.text(max_size=20),
)
TIMES = st.one_of(
    st.times().map(lambda time: time.strftime("%H:%M")),
    st.sampled_from(["24:00", "23:59", "00:00", "12:60", "noon", "\x00"]),
    st.text(max_size=8),
)
DATETIMES = st.one_of(
    st.datetimes().map(lambda moment: moment.strftime("%Y-%m-%dT%H:%M")),
    st.sampled_from(["9999-12-31T23:59", "0001-01-01T00:00", "2025-02-30T10:00", "\x00"]),
    st.text(max_size=20),
)
# E-mail addresses: valid, too long for the column, not addresses.
EMAILS = st.one_of(
    st.emails(),
    st.sampled_from(
        [
            "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "be",  # valid, longer than 254 characters
            "a@b",
            "lina@@example.org",
            "lina@example.org\x00",
            "<script>@example.org",
            "Ωmega@exämple.be",
        ]
    ),
    HOSTILE,
)
LANGUAGES = st.sampled_from(["en", "fr", "nl"])

# What fits a field and should be kept exactly: any script, emoji, right to left, markup.
FITTING_SAMPLES = [
    "<b>Huiswerk</b> & <script>alert('x')</script>",
    "مرحبا بالأطفال",
    "שלום לכולם",
    "Zoë & Chloé: l’école « De Brug »",
    "👩‍👧‍👦🏳️‍🌈",
    "𝕍𝕚𝕝𝕝𝕒𝕘𝕖",
    "e\u0301te\u0301",
]


def fitting_text(max_size, min_size=1):
    """Text a field of at most `max_size` characters takes as it is (no control characters)."""
    return st.one_of(
        st.sampled_from([text for text in FITTING_SAMPLES if len(text) <= max_size]),
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]),
            min_size=min_size,
            max_size=max_size,
        ),
    ).filter(lambda text: len(text.strip()) >= min_size)


def whole_numbers(low, high):
    return st.integers(low, high).map(str)


@st.composite
def form_data(draw, fitting, hostile=None):
    """What a person posts: about half of the time every field holds what fits it (`fitting`:
    field name to strategy), else one or two fields get hostile input (`hostile`: field name
    to strategy, HOSTILE for the others)."""
    hostile = hostile or {}
    names = sorted(fitting)
    spoiled = draw(st.one_of(st.just(set()), st.sets(st.sampled_from(names), min_size=1, max_size=2)))
    return {name: draw(hostile.get(name, HOSTILE) if name in spoiled else fitting[name]) for name in names}


@contextmanager
def one_example():
    """One example of a property test: what it stores is rolled back afterwards, and rate-limit
    counters start at zero, so that examples do not see each other."""
    cache.clear()
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def counts(*models):
    """Row counts, to compare before and after: a refused form stores nothing, not half."""
    return {model.__name__: model.objects.count() for model in models}


def assert_fits(stored):
    """What was stored fits its columns, as PostgreSQL demands (SQLite would take anything):
    no text longer than its column, no NUL character."""
    for field in stored._meta.concrete_fields:
        value = field.value_from_object(stored)
        if isinstance(value, str):
            assert "\x00" not in value, f"{field.name} holds a NUL character"
            if field.max_length:
                assert len(value) <= field.max_length, f"{field.name} is longer than its column"


def as_number(typed):
    """The whole number a form reads in what was typed (" 12 ", "12.0" and "١٢" are 12)."""
    return forms.IntegerField().clean(typed)


def post(client, language, path, data, **extra):
    """A post to `path` in `language`. Browsers always send the CSRF token along, so a form
    with nothing filled in is still a form sent (the test client does not check the token)."""
    return client.post(f"/{language}{path}", {"csrfmiddlewaretoken": "token", **data}, **extra)


def post_in_admin(client, user, language, path, data, **extra):
    """A post to an admin page, which speaks the language the person chose in the admin."""
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return client.post(path, {"csrfmiddlewaretoken": "token", **data}, **extra)


def refused_form(response, name="form"):
    """The bound form a refusal shows again, or None for an accepted post (a redirect).

    A refusal is the page again (200 or 400) with a message for every error, each next to its
    field (or in the summary above the form when it is about the whole form), and no markup of
    what was typed. Anything else fails: a server error, a refusal saying nothing. The form's
    `shown` holds the messages as the page shows them, in the page's language. `name` is the
    form's name in the template context, or a function that finds it there."""
    # How many examples were accepted: pytest --hypothesis-show-statistics
    event("accepted" if response.status_code == 302 else "refused")
    return _refusal(response, name)


def _refusal(response, name):
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 302:
        return None
    form = name(response.context) if callable(name) else response.context[name]
    assert form is not None and form.errors, "the page came back without saying what is wrong"
    page = response.content.decode()
    form.language = re.search(r'<html lang="([^"]+)"', page).group(1)
    with translation.override(form.language):
        form.shown = {
            field: [str(message) for message in messages] for field, messages in form.errors.items()
        }
    assert "<script>alert" not in page and "<img src=x" not in page
    for field, messages in form.shown.items():
        for message in messages:
            if field == NON_FIELD_ERRORS:
                assert escape(message) in _summary(page), f"not in the summary: {message}"
            else:
                # A hidden field has nothing to be next to: the summary says it then.
                assert _next_to(page, form[field], escape(message)) or (
                    form[field].is_hidden and escape(message) in _summary(page)
                ), f"not next to {field}: {message}"
    return form


_ERROR_BLOCK = re.compile(
    r'<ul class="errorlist[^"]*"[^>]*>.*?</ul>|<p class="error-message">.*?</p>', re.DOTALL
)
_NAMED = re.compile(r'\sname="([^"]+)"')


def _next_to(page, field, message):
    """Is `message` in the field's error list: the one it refers to (aria-describedby), or one
    right before its input?"""
    for block in _ERROR_BLOCK.finditer(page):
        if message in block.group(0):
            if f'id="{field.auto_id}_error"' in block.group(0):
                return True
            following = _NAMED.search(page, block.end())
            if following and following.group(1) == field.html_name:
                return True
    return False


def _summary(page):
    match = re.search(r'<div class="error-summary".*?</div>', page, re.DOTALL)
    return match.group(0) if match else ""


def assert_translated(form, send, name="form"):
    """The messages of a refusal in French or Dutch are not the English ones: the same post
    sent in English (`send("en")`, rolled back) says other words about the same fields. (Dates
    and numbers are read the way each language writes them, so English may refuse other
    fields, or none.)"""
    if form.language == "en":
        return
    with transaction.atomic():
        english = _refusal(send("en"), name)
        transaction.set_rollback(True)
    if english is None:
        return
    assert english.language == "en"
    for field in form.shown.keys() & english.shown.keys():
        untranslated = set(form.shown[field]) & set(english.shown[field])
        assert not untranslated, f"{form.language}: shown in English: {untranslated}"
