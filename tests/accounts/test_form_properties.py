"""The forms of people's own accounts under hostile input (see tests/strategies.py): sign-up,
profile, adding and editing a child, deleting the account."""

import pytest
from allauth.account.models import EmailAddress
from hypothesis import example, given
from hypothesis import strategies as st

from accounts.models import AccountType, ChildProfile, User, current_year
from tests.factories import PASSWORD, ChildFactory, ParentFactory, YouthFactory
from tests.strategies import (
    EMAILS,
    FAST,
    HOSTILE,
    LANGUAGES,
    NUMBERS,
    as_number,
    assert_fits,
    assert_translated,
    counts,
    fitting_text,
    form_data,
    one_example,
    post,
    refused_form,
    whole_numbers,
)

pytestmark = pytest.mark.django_db

BIRTH_YEARS = whole_numbers(current_year() - 30, current_year())
SIGNED_UP = {
    "display_name": "Lina",
    "account_type": AccountType.PARENT,
    "birth_year": "",
    "email": "lina@example.org",
    "password1": PASSWORD,
    "password2": PASSWORD,
    "accept_privacy": "on",
}
SIGN_UP = form_data(
    {
        "display_name": fitting_text(60),
        "account_type": st.sampled_from(AccountType.values),
        "birth_year": st.one_of(st.just(""), BIRTH_YEARS),
        "email": st.emails(),
        "password1": st.just(PASSWORD),
        "password2": st.just(PASSWORD),
        "accept_privacy": st.just("on"),
    },
    {"birth_year": NUMBERS, "email": EMAILS},
)


@FAST
@given(data=SIGN_UP, language=LANGUAGES)
@example(  # Django 5.2's refusal of a short password had no Dutch words
    data={**SIGNED_UP, "password1": "kort", "password2": "kort"}, language="nl"
)
@example(data={**SIGNED_UP, "display_name": "Lina\x00"}, language="fr")
def test_signing_up(data, language, client, site_root):
    with one_example():
        before = counts(User, EmailAddress)
        response = post(client, language, "/accounts/signup/", data)
        form = refused_form(response)
        if form:
            assert counts(User, EmailAddress) == before
            assert_translated(form, lambda language: post(client, language, "/accounts/signup/", data))
        else:
            assert counts(User, EmailAddress) == {"User": before["User"] + 1, "EmailAddress": 1}
            user = User.objects.get(email__iexact=data["email"].strip())
            assert user.display_name == data["display_name"].strip()
            assert user.account_type == data["account_type"]
            youth = data["account_type"] == AccountType.YOUTH
            assert user.birth_year == (as_number(data["birth_year"]) if youth else None)
            assert_fits(user)
        client.logout()


def profile(person):
    return (person.display_name, person.preferred_language, person.phone, person.birth_year)


PROFILE = form_data(
    {
        "display_name": fitting_text(60),
        "preferred_language": LANGUAGES,
        "phone": fitting_text(30, min_size=0),
        "birth_year": BIRTH_YEARS,
    },
    {"birth_year": NUMBERS},
)


@FAST
@given(data=PROFILE, youth=st.booleans(), language=LANGUAGES)
def test_editing_ones_profile(data, youth, language, client):
    with one_example():
        person = YouthFactory() if youth else ParentFactory()
        client.force_login(person)
        response = post(client, language, "/me/profile/", data)
        form = refused_form(response)
        saved = User.objects.get(pk=person.pk)
        if form:
            assert profile(saved) == profile(person)
            assert_translated(form, lambda language: post(client, language, "/me/profile/", data))
        else:
            assert saved.display_name == data["display_name"].strip()
            assert saved.preferred_language == data["preferred_language"]
            assert saved.phone == data["phone"].strip()
            assert saved.birth_year == (as_number(data["birth_year"]) if youth else person.birth_year)
            assert_fits(saved)


CHILD = form_data(
    {"first_name": fitting_text(40), "birth_year": BIRTH_YEARS, "consent": st.just("on")},
    {"birth_year": NUMBERS, "consent": st.sampled_from(["", "false"])},
)


@FAST
@given(data=CHILD, language=LANGUAGES)
def test_adding_a_child(data, language, client):
    with one_example():
        parent = ParentFactory()
        client.force_login(parent)
        response = post(client, language, "/me/children/add/", data)
        form = refused_form(response)
        children = list(ChildProfile.objects.filter(parent=parent))
        if form:
            assert children == []
            assert_translated(form, lambda language: post(client, language, "/me/children/add/", data))
        else:
            [child] = children
            assert child.first_name == data["first_name"].strip()
            assert child.birth_year == as_number(data["birth_year"])
            assert_fits(child)


@FAST
@given(data=CHILD, language=LANGUAGES)
def test_editing_a_child(data, language, client):
    with one_example():
        child = ChildFactory(first_name="Lina")
        client.force_login(child.parent)
        path = f"/me/children/{child.pk}/"
        response = post(client, language, path, data)
        form = refused_form(response)
        saved = ChildProfile.objects.get(pk=child.pk)
        if form:
            assert (saved.first_name, saved.birth_year) == (child.first_name, child.birth_year)
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            assert saved.first_name == data["first_name"].strip()
            assert saved.birth_year == as_number(data["birth_year"])
            assert_fits(saved)


@FAST
@given(password=HOSTILE, language=LANGUAGES)
def test_deleting_ones_account_asks_the_password(password, language, client):
    with one_example():
        person = ParentFactory()
        client.force_login(person)
        response = post(client, language, "/me/delete/", {"password": password})
        form = refused_form(response)
        assert form is not None and password != PASSWORD
        assert User.objects.filter(pk=person.pk, is_active=True).exists()
        assert_translated(
            form, lambda language: post(client, language, "/me/delete/", {"password": password})
        )
