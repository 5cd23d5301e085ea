"""The activities' forms under hostile input (see tests/strategies.py): the finder's filters,
joining an activity with one's children (with places left or full), saving a search, and in
the admin the CSV import and the attendance list."""

import csv
import datetime
import io
from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from hypothesis import event, example, given
from hypothesis import strategies as st

from accounts.models import current_year
from activities import importer
from activities.admin_views import past_session_dates
from activities.models import (
    Activity,
    ActivityIndexPage,
    Attendance,
    Registration,
    RegistrationStatus,
    SavedSearch,
)
from activities.services import normalise_query
from tests.activities.factories import (
    RegistrationActivityFactory,
    SpokenLanguageFactory,
    ThemeFactory,
    VenueFactory,
)
from tests.factories import ChildFactory, OrganisationFactory, ParentFactory, make_partner
from tests.strategies import (
    DATES,
    FAST,
    HOSTILE,
    LANGUAGES,
    NUMBERS,
    assert_fits,
    assert_translated,
    counts,
    fitting_text,
    one_example,
    post,
    post_in_admin,
    refused_form,
)

pytestmark = pytest.mark.django_db

FILTERS = [
    "q",
    "age",
    "day",
    "time",
    "near",
    "radius_km",
    "municipality",
    "page",
    "theme",
    "free",
    "language",
    "bbox",
]


@pytest.fixture
def finder(site_root):
    return site_root.add_child(instance=ActivityIndexPage(title="Activiteiten", slug="activiteiten"))


@FAST
@given(query=st.dictionaries(st.sampled_from(FILTERS), HOSTILE, max_size=5))
def test_the_activity_finder_answers_any_filter(query, finder, client):
    response = client.get(finder.url, query)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


# --- joining ------------------------------------------------------------------------------------


@pytest.fixture
def family():
    """A parent with two children of 10 and one of 4 (too young for the 8–12 activity), and a
    child of somebody else."""
    parent = ParentFactory()
    children = [ChildFactory(parent=parent, birth_year=current_year() - age) for age in (10, 10, 4)]
    return {"parent": parent, "children": children, "stranger": ChildFactory()}


CHOSEN = st.one_of(
    st.lists(st.just("mine"), min_size=1, max_size=3),
    st.lists(st.one_of(st.sampled_from(["mine", "too young", "stranger"]), NUMBERS), max_size=4),
)


@FAST
@given(chosen=CHOSEN, taken=st.integers(0, 3), language=LANGUAGES)
@example(chosen=["99999999999999999999"], taken=0, language="fr")  # was a server error on SQLite
def test_joining_an_activity_with_ones_children(chosen, taken, language, family, client):
    """`taken` of the 3 places are taken already: full at 3, or too few for all children."""
    with one_example():
        activity = RegistrationActivityFactory(capacity=3)
        parent, (first, second, too_young) = family["parent"], family["children"]
        mine = iter([first, second])
        values = []
        for value in chosen:
            if value == "mine":
                values.append(str(next(mine, first).pk))
            elif value == "too young":
                values.append(str(too_young.pk))
            elif value == "stranger":
                values.append(str(family["stranger"].pk))
            else:
                values.append(value)
        client.force_login(parent)
        path = f"/activity/{activity.pk}/join/"
        for child in ChildFactory.create_batch(taken):
            Registration.objects.create(
                activity=activity,
                child=child,
                registered_by=child.parent,
                status=RegistrationStatus.CONFIRMED,
            )
        Activity.objects.filter(pk=activity.pk).update(confirmed_count=taken)
        before = counts(Registration)
        response = post(client, language, path, {"children": values})
        new = Registration.objects.filter(child__parent=parent)
        eligible = {str(first.pk), str(second.pk)}
        if values and set(values) <= eligible:
            event("accepted")
            assert response.status_code == 302
            assert sorted(str(r.child_id) for r in new) == sorted(set(values))
            confirmed = min(3 - taken, len(set(values)))
            assert new.filter(status=RegistrationStatus.CONFIRMED).count() == confirmed
            assert new.filter(status=RegistrationStatus.WAITING).count() == len(set(values)) - confirmed
        else:
            form = refused_form(response)
            assert counts(Registration) == before
            assert form.has_error("children")
            assert_translated(form, lambda language: post(client, language, path, {"children": values}))


# --- saving a search -----------------------------------------------------------------------------

QUERIES = st.one_of(
    st.dictionaries(st.sampled_from(FILTERS), st.one_of(fitting_text(20), HOSTILE), max_size=4).map(
        urlencode
    ),
    HOSTILE,
)


@FAST
@given(
    name=st.one_of(fitting_text(80), HOSTILE),
    query=QUERIES,
    next=st.one_of(st.just("/nl/"), HOSTILE),
    language=LANGUAGES,
)
@example(name="Sport", query="age=10", next="été", language="nl")  # was a server error
def test_saving_a_search(name, query, next, language, client):
    with one_example():
        person = ParentFactory()
        client.force_login(person)
        data = {"name": name, "query": query, "next": next}
        client.cookies.pop("messages", None)  # those of the examples before
        response = post(client, language, "/me/searches/save/", data)
        form = refused_form(response)
        searches = list(SavedSearch.objects.filter(user=person))
        if form:
            assert searches == []
            assert_translated(form, lambda language: post(client, language, "/me/searches/save/", data))
        elif searches:
            [saved] = searches
            assert (saved.name, saved.query) == (name.strip(), normalise_query(query))
            assert_fits(saved)
        else:
            # The filters cannot be saved: the finder says why.
            messages = list(get_messages(response.wsgi_request))
            assert [message.level_tag for message in messages] == ["error"]


# --- the admin: importing a CSV file, attendance --------------------------------------------------

IMPORT_COLUMNS = [name for name, _required, _help in importer.columns()]


def template_cells(organisation):
    header, row = importer.template_rows(organisation=organisation)
    return dict(zip(header, row, strict=True))


@pytest.fixture
def partner():
    organisation = OrganisationFactory(name="De Brug")
    ThemeFactory(slug="huiswerk")
    SpokenLanguageFactory(code="nl")
    VenueFactory(organisation=organisation, name="Zaal A")
    return make_partner(organisation)


@FAST
@given(
    spoiled=st.lists(
        st.dictionaries(st.sampled_from(IMPORT_COLUMNS), st.one_of(HOSTILE, NUMBERS, DATES), max_size=3),
        min_size=1,
        max_size=3,
    ),
    delimiter=st.sampled_from([";", ","]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    language=LANGUAGES,
)
def test_importing_activities_from_a_csv_file(spoiled, delimiter, encoding, language, partner, client):
    """Rows of the template with some cells spoiled: all activities are created, or none and
    the page lists what to fix."""
    with one_example():
        organisation = partner.organisation_memberships.get().organisation
        client.force_login(partner)
        cells = template_cells(organisation)
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(cells)
        for changes in spoiled:
            writer.writerow({**cells, **changes}.values())
        data = buffer.getvalue().encode(encoding, errors="replace")

        def upload(language):
            file = SimpleUploadedFile("activiteiten.csv", data, content_type="text/csv")
            return post_in_admin(
                client,
                partner,
                language,
                "/admin/activities/import/",
                {"organisation": organisation.pk, "file": file},
            )

        before = counts(Activity)
        response = upload(language)
        event("accepted" if response.status_code == 302 else "refused")
        if response.status_code == 302:
            assert counts(Activity) == {"Activity": before["Activity"] + len(spoiled)}
            for activity in Activity.objects.filter(organisation=organisation):
                assert_fits(activity)
            return
        assert response.status_code == 200
        assert counts(Activity) == before
        page = response.content.decode()
        assert 'id="import-errors"' in page and "<script>alert" not in page
        shown = import_errors(response)
        assert shown
        if language != "en":
            with one_example():
                english = import_errors(upload("en"))
            assert not shown & english, f"{language}: shown in English: {shown & english}"


def import_errors(response):
    return {str(message) for _line, message in response.context["result"].errors}


@pytest.fixture
def attended():
    """A weekly activity that started a month ago, with two children registered."""
    activity = RegistrationActivityFactory(
        start_date=timezone.localdate() - datetime.timedelta(days=30), capacity=5
    )
    registrations = [
        Registration.objects.create(
            activity=activity, child=child, registered_by=child.parent, status=RegistrationStatus.CONFIRMED
        )
        for child in ChildFactory.create_batch(2)
    ]
    return activity, registrations, make_partner(activity.organisation)


@FAST
@given(
    date=st.one_of(st.just("a session"), DATES),
    present=st.lists(st.one_of(st.just("on"), HOSTILE), min_size=2, max_size=2),
    language=LANGUAGES,
)
def test_marking_attendance(date, present, language, attended, client):
    with one_example():
        activity, registrations, partner = attended
        client.force_login(partner)
        session_dates = {day.isoformat() for day in past_session_dates(activity)}
        if date == "a session":
            date = max(session_dates)
        path = f"/admin/activities/{activity.pk}/registrations/"
        ticked = {registration.pk: value for registration, value in zip(registrations, present, strict=True)}
        data = {"date": date, **{f"present_{pk}": value for pk, value in ticked.items() if value}}
        response = post_in_admin(client, partner, language, path, data)
        form = refused_form(response, "attendance_form")
        if form:
            assert counts(Attendance) == {"Attendance": 0}
            assert_translated(
                form,
                lambda language: post_in_admin(client, partner, language, path, data),
                "attendance_form",
            )
        else:
            assert date in session_dates
            marked = dict(Attendance.objects.values_list("registration_id", "present"))
            assert marked == {pk: value.lower() not in ("", "false", "0") for pk, value in ticked.items()}
