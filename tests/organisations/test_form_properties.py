"""Registering an organisation and an editor's decision on it, under hostile input (see
tests/strategies.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from accounts.roles import EDITOR
from organisations.models import Membership, Organisation, OrganisationKind, OrganisationStatus
from tests.factories import OrganisationFactory, ProfessionalFactory, make_staff
from tests.strategies import (
    EMAILS,
    FAST,
    HOSTILE,
    LANGUAGES,
    NUMBERS,
    assert_fits,
    assert_translated,
    counts,
    fitting_text,
    form_data,
    one_example,
    post,
    post_in_admin,
    refused_form,
)

pytestmark = pytest.mark.django_db

TYPED_FIELDS = ["name", "description", "phone", "street", "postcode", "municipality"]
ORGANISATION = form_data(
    {
        "name": fitting_text(150),
        "kind": st.sampled_from(OrganisationKind.values),
        "description": fitting_text(2000, min_size=0),
        "phone": fitting_text(30),
        "email": st.one_of(st.just(""), st.emails()),
        "website": st.sampled_from(["", "https://example.org/brug", "http://xn--brg-hoa.be"]),
        "street": fitting_text(150, min_size=0),
        "postcode": st.sampled_from(["1070", "B-1000", ""]),
        "municipality": fitting_text(80, min_size=0),
    },
    {"email": EMAILS, "postcode": NUMBERS},
)


@FAST
@given(data=ORGANISATION, language=LANGUAGES)
def test_registering_an_organisation(data, language, client):
    with one_example():
        person = ProfessionalFactory()
        client.force_login(person)
        before = counts(Organisation, Membership)
        response = post(client, language, "/organisations/register/", data)
        form = refused_form(response)
        if form:
            assert counts(Organisation, Membership) == before
            assert_translated(form, lambda language: post(client, language, "/organisations/register/", data))
        else:
            organisation = Organisation.objects.get(requested_by=person)
            assert {field: getattr(organisation, field) for field in TYPED_FIELDS} == {
                field: data[field].strip() for field in TYPED_FIELDS
            }
            assert organisation.email.lower() == data["email"].strip().lower()
            assert organisation.status == OrganisationStatus.PENDING
            assert organisation.memberships.get().user == person
            assert_fits(organisation)


@FAST
@given(
    reason=st.one_of(fitting_text(1000, min_size=0), HOSTILE),
    decision=st.sampled_from(["approve", "reject"]),
    language=LANGUAGES,
)
def test_deciding_on_an_organisation(reason, decision, language, client, site_root):
    with one_example():
        organisation = OrganisationFactory(status=OrganisationStatus.PENDING)
        Membership.objects.create(organisation=organisation, user=ProfessionalFactory())
        editor = make_staff(EDITOR)
        client.force_login(editor)
        path = f"/admin/organisations/{organisation.pk}/decide/"
        response = post_in_admin(client, editor, language, path, {"decision": decision, "reason": reason})
        form = refused_form(response)
        saved = Organisation.objects.get(pk=organisation.pk)
        if form:
            assert (saved.status, saved.status_reason) == (OrganisationStatus.PENDING, "")
            assert_translated(
                form,
                lambda language: post_in_admin(
                    client, editor, language, path, {"decision": decision, "reason": reason}
                ),
            )
        else:
            assert saved.status == (
                OrganisationStatus.APPROVED if decision == "approve" else OrganisationStatus.REJECTED
            )
            assert saved.status_reason == reason.strip()
            assert_fits(saved)
