"""The activities admin: who sees, adds and edits which activities and venues."""

import datetime

import pytest
from django.utils import timezone

from accounts.roles import EDITOR, MODERATOR
from activities.models import Activity
from activities.wagtail_hooks import STATUS_LABELS
from tests.activities.factories import ActivityFactory, ThemeFactory, VenueFactory
from tests.factories import OrganisationFactory, ParentFactory, log_in, make_partner, make_staff

LIST_URL = "/admin/snippets/activities/activity/"
ADD_URL = "/admin/snippets/activities/activity/add/"


def edit_url(activity):
    return f"/admin/snippets/activities/activity/edit/{activity.pk}/"


def activity_form_data(*, organisation, venue, themes, **overrides):
    """What the add/edit form posts for a weekly Wednesday homework club."""
    start = timezone.localdate() + datetime.timedelta(days=7)
    data = {
        "organisation": organisation.pk,
        "original_language": "nl",
        "title_nl": "Huiswerkklas De Brug",
        "title_fr": "",
        "title_en": "",
        "summary_nl": "Samen huiswerk maken.",
        "summary_fr": "",
        "summary_en": "",
        "description_nl": "",
        "description_fr": "",
        "description_en": "",
        "pillar": "extended_learning",
        "themes": [theme.pk for theme in themes],
        "for_children": "on",
        "min_age": "8",
        "max_age": "12",
        "school_system": "nl",
        "schedule_kind": "weekly",
        "start_date": start.isoformat(),
        "end_date": (start + datetime.timedelta(days=90)).isoformat(),
        "weekdays": ["2"],
        "start_time": "13:30",
        "end_time": "16:00",
        "venue": venue.pk if venue else "",
        "price_unit": "free",
        "price": "",
        "reduced_price": "",
        "join_mode": "registration",
        "capacity": "10",
        "contact_phone": "+32 2 123 45 67",
        "contact_email": "",
        "image": "",
        "cancellations-TOTAL_FORMS": "0",
        "cancellations-INITIAL_FORMS": "0",
        "cancellations-MIN_NUM_FORMS": "0",
        "cancellations-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def world(db):
    """Two partner organisations with an activity and a venue each, and the staff roles."""
    org_a = OrganisationFactory(name="De Brug")
    org_b = OrganisationFactory(name="Le Pont")
    return {
        "org_a": org_a,
        "org_b": org_b,
        "partner_a": make_partner(org_a),
        "partner_b": make_partner(org_b),
        "moderator": make_staff(MODERATOR),
        "editor": make_staff(EDITOR),
        "parent": ParentFactory(),
        "activity_a": ActivityFactory(organisation=org_a, title_nl="Huiswerk A"),
        "activity_b": ActivityFactory(organisation=org_b, title_nl="Devoirs B"),
        "venue_a": VenueFactory(organisation=org_a, name="Zaal A"),
        "venue_b": VenueFactory(organisation=org_b, name="Salle B"),
        "theme": ThemeFactory(slug="huiswerk"),
    }


# An admin 404 is first redirected by LocaleMiddleware to the language-prefixed address,
# where the page tree answers 404 too: tests follow redirects to see what a browser ends on.


def titles_in(response):
    content = response.content.decode()
    return {title for title in ("Huiswerk A", "Devoirs B") if title in content}


# --- listing ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, expected",
    [
        ("partner_a", {"Huiswerk A"}),
        ("partner_b", {"Devoirs B"}),
        ("moderator", {"Huiswerk A", "Devoirs B"}),
        ("editor", {"Huiswerk A", "Devoirs B"}),
    ],
)
def test_the_list_shows_only_what_a_person_may_work_on(client, world, role, expected):
    log_in(client, world[role])
    response = client.get(LIST_URL)
    assert response.status_code == 200
    assert titles_in(response) == expected


def test_parents_do_not_get_into_the_admin(client, world):
    log_in(client, world["parent"])
    response = client.get(LIST_URL)
    assert response.status_code in (302, 403)
    assert not titles_in(response)


def test_the_list_shows_status_next_session_and_places(client, world):
    activity = world["activity_a"]
    activity.join_mode = "registration"
    activity.capacity = 12
    activity.save()
    log_in(client, world["partner_a"])
    content = client.get(LIST_URL).content.decode()
    assert str(STATUS_LABELS["published"]) in content
    assert "12" in content
    session = activity.next_sessions(1)[0]
    assert f"{session.start_time:%H:%M}" in content


@pytest.mark.parametrize("role", ["moderator", "partner_a"])
def test_the_list_costs_the_same_number_of_queries_for_more_activities(client, world, role):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ActivityFactory(
        organisation=world["org_a"], skip_school_holidays=True, join_mode="registration", capacity=5
    )
    log_in(client, world[role])
    with CaptureQueriesContext(connection) as few:
        assert client.get(LIST_URL).status_code == 200
    for index in range(8):
        ActivityFactory(
            organisation=world["org_a"],
            skip_school_holidays=index % 2 == 0,
            join_mode="registration" if index % 3 else "drop_in",
            capacity=10,
        )
    with CaptureQueriesContext(connection) as many:
        assert client.get(LIST_URL).status_code == 200
    assert len(many.captured_queries) <= len(few.captured_queries)


def test_a_partner_can_filter_on_their_own_organisations_only(client, world):
    log_in(client, world["partner_a"])
    content = client.get(LIST_URL).content.decode()
    assert "De Brug" in content
    assert "Le Pont" not in content


# --- editing --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, activity, status",
    [
        ("partner_a", "activity_a", 200),
        ("partner_a", "activity_b", 404),
        ("partner_b", "activity_a", 404),
        ("moderator", "activity_a", 200),
        ("editor", "activity_b", 200),
    ],
)
def test_only_the_organisation_and_staff_open_an_activity(client, world, role, activity, status):
    log_in(client, world[role])
    assert client.get(edit_url(world[activity]), follow=True).status_code == status


@pytest.mark.parametrize("page", ["history", "usage", "workflow_history", "copy", "lock"])
def test_other_pages_of_another_organisations_activity_are_not_found(client, world, page):
    log_in(client, world["partner_a"])
    response = client.get(
        f"/admin/snippets/activities/activity/{page}/{world['activity_b'].pk}/", follow=True
    )
    assert response.status_code == 404


def test_a_partner_cannot_save_changes_to_another_organisations_activity(client, world):
    activity = world["activity_b"]
    log_in(client, world["partner_a"])
    data = activity_form_data(
        organisation=world["org_b"], venue=world["venue_b"], themes=[world["theme"]], title_nl="Gekaapt"
    )
    assert client.post(edit_url(activity), data, follow=True).status_code == 404
    activity.refresh_from_db()
    assert activity.title_nl == "Devoirs B"
    assert not activity.revisions.exists()


def test_the_organisation_and_venue_choices_are_the_partners_own(client, world):
    log_in(client, world["partner_a"])
    form = client.get(ADD_URL).context["form"]
    assert list(form.fields["organisation"].queryset) == [world["org_a"]]
    assert form.initial["organisation"] == world["org_a"].pk
    venues = set(form.fields["venue"].queryset)
    assert world["venue_a"] in venues
    assert world["venue_b"] not in venues


def test_staff_choose_among_all_approved_organisations(client, world):
    log_in(client, world["editor"])
    form = client.get(ADD_URL).context["form"]
    assert {world["org_a"], world["org_b"]} <= set(form.fields["organisation"].queryset)


def test_a_partner_cannot_create_an_activity_for_another_organisation(client, world):
    log_in(client, world["partner_a"])
    data = activity_form_data(organisation=world["org_b"], venue=world["venue_b"], themes=[world["theme"]])
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Activity.objects.filter(title_nl="Huiswerkklas De Brug").exists()


def test_a_partner_cannot_use_another_organisations_venue(client, world):
    log_in(client, world["partner_a"])
    data = activity_form_data(organisation=world["org_a"], venue=world["venue_b"], themes=[world["theme"]])
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "venue" in response.context["form"].errors
    assert not Activity.objects.filter(title_nl="Huiswerkklas De Brug").exists()


def test_a_partner_saves_a_draft_that_nobody_sees_yet(client, world):
    log_in(client, world["partner_a"])
    data = activity_form_data(
        organisation=world["org_a"],
        venue=world["venue_a"],
        themes=[world["theme"]],
        reduced_schemes=["uitpas", "article27"],
        price_unit="term",
        price="30",
        reduced_price="5",
    )
    assert client.post(ADD_URL, data).status_code == 302
    activity = Activity.objects.get(title_nl="Huiswerkklas De Brug")
    assert activity.organisation == world["org_a"]
    assert not activity.live
    assert activity.status == "draft"
    assert activity.reduced_schemes == ["uitpas", "article27"]
    assert list(activity.themes.all()) == [world["theme"]]
    assert not Activity.objects.published().filter(pk=activity.pk).exists()


def test_a_partner_cannot_publish_directly(client, world):
    log_in(client, world["partner_a"])
    data = activity_form_data(
        organisation=world["org_a"],
        venue=world["venue_a"],
        themes=[world["theme"]],
        **{"action-publish": "1"},
    )
    client.post(ADD_URL, data)
    activity = Activity.objects.get(title_nl="Huiswerkklas De Brug")
    assert not activity.live
    edit_page = client.get(edit_url(activity)).content.decode()
    assert 'name="action-publish"' not in edit_page
    assert 'name="action-submit"' in edit_page


def test_a_moderator_can_publish_directly(client, world):
    log_in(client, world["moderator"])
    data = activity_form_data(
        organisation=world["org_b"],
        venue=world["venue_b"],
        themes=[world["theme"]],
        **{"action-publish": "1"},
    )
    assert client.post(ADD_URL, data).status_code == 302
    activity = Activity.objects.get(title_nl="Huiswerkklas De Brug")
    assert activity.live
    assert Activity.objects.published().filter(pk=activity.pk).exists()


def test_the_title_is_needed_in_the_language_the_activity_is_written_in(client, world):
    log_in(client, world["partner_a"])
    data = activity_form_data(
        organisation=world["org_a"],
        venue=world["venue_a"],
        themes=[world["theme"]],
        original_language="fr",
        title_fr="",
        summary_fr="Faire ses devoirs.",
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "title_fr" in response.context["form"].errors
    assert not Activity.objects.filter(title_nl="Huiswerkklas De Brug").exists()


def test_the_model_rules_show_as_form_errors(client, world):
    log_in(client, world["partner_a"])
    data = activity_form_data(
        organisation=world["org_a"],
        venue=world["venue_a"],
        themes=[world["theme"]],
        min_age="14",
        max_age="10",
    )
    response = client.post(ADD_URL, data)
    assert response.status_code == 200
    assert "max_age" in response.context["form"].errors


def test_the_edit_form_has_the_tabs_and_the_translation_status(client, world):
    log_in(client, world["partner_a"])
    content = client.get(edit_url(world["activity_a"])).content.decode()
    for field in (
        "title_nl",
        "title_fr",
        "title_en",
        "summary_fr",
        "weekdays",
        "reduced_schemes",
        "cancellations",
    ):
        assert f'name="{field}' in content or f"{field}-TOTAL_FORMS" in content
    # The factory's activity has no description at all: only the summary... and the
    # translation panel lists nothing missing for the three filled-in titles.
    assert "Translations" in content or "Vertalingen" in content


# --- venues ---------------------------------------------------------------------------------------

VENUE_LIST_URL = "/admin/snippets/activities/venue/"


def venue_edit_url(venue):
    return f"/admin/snippets/activities/venue/edit/{venue.pk}/"


def test_partners_see_and_edit_only_their_venues(client, world):
    log_in(client, world["partner_a"])
    content = client.get(VENUE_LIST_URL).content.decode()
    assert "Zaal A" in content
    assert "Salle B" not in content
    assert client.get(venue_edit_url(world["venue_a"])).status_code == 200
    assert client.get(venue_edit_url(world["venue_b"]), follow=True).status_code == 404


def test_the_venue_form_has_a_map_picker_and_plain_coordinate_fields(client, world):
    log_in(client, world["partner_a"])
    content = client.get(venue_edit_url(world["venue_a"])).content.decode()
    assert 'name="latitude"' in content and 'name="longitude"' in content
    assert "data-map-picker" in content
    assert "vendor/leaflet/leaflet.js" in content
    assert "js/admin-map-picker.js" in content


def test_a_partner_adds_a_venue_by_typing_coordinates(client, world):
    log_in(client, world["partner_a"])
    response = client.post(
        "/admin/snippets/activities/venue/add/",
        {
            "organisation": world["org_a"].pk,
            "name": "Buurthuis",
            "street": "Rue Haute 10",
            "postcode": "1000",
            "municipality": "Brussel",
            "latitude": "50.840000",
            "longitude": "4.350000",
            "directions_nl": "",
            "directions_fr": "",
            "directions_en": "",
        },
    )
    assert response.status_code == 302
    venue = world["org_a"].venues.get(name="Buurthuis")
    assert float(venue.latitude) == 50.84


def test_a_partner_cannot_add_a_venue_for_another_organisation(client, world):
    log_in(client, world["partner_a"])
    response = client.post(
        "/admin/snippets/activities/venue/add/",
        {
            "organisation": world["org_b"].pk,
            "name": "Buurthuis",
            "street": "Rue Haute 10",
            "postcode": "1000",
            "municipality": "Brussel",
            "latitude": "50.84",
            "longitude": "4.35",
        },
    )
    assert response.status_code == 200
    assert not world["org_b"].venues.filter(name="Buurthuis").exists()


# --- taxonomies --------------------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["theme", "spokenlanguage", "schoolholiday"])
@pytest.mark.parametrize("role, allowed", [("editor", True), ("moderator", False), ("partner_a", False)])
def test_only_editors_manage_themes_languages_and_holidays(client, world, model, role, allowed):
    log_in(client, world[role])
    response = client.get(f"/admin/snippets/activities/{model}/")
    assert (response.status_code == 200) is allowed


def test_an_editor_adds_a_theme_in_three_languages(client, world):
    log_in(client, world["editor"])
    response = client.post(
        "/admin/snippets/activities/theme/add/",
        {"name_nl": "Sport", "name_fr": "Sport", "name_en": "Sport", "slug": "sport", "sort_order": "3"},
    )
    assert response.status_code == 302
    from activities.models import Theme

    assert Theme.objects.get(slug="sport").name_fr == "Sport"


@pytest.mark.parametrize("page", ["history", "workflow_history"])
def test_a_partner_opens_the_other_pages_of_their_own_activity(client, world, page):
    log_in(client, world["partner_a"])
    response = client.get(f"/admin/snippets/activities/activity/{page}/{world['activity_a'].pk}/")
    assert response.status_code == 200


# --- registrations, attendance, export -----------------------------------------------------------------


def registrations_url(activity):
    return f"/admin/activities/{activity.pk}/registrations/"


@pytest.fixture
def registered(world):
    """Activity A with registration: two confirmed (a child, a youth), two waiting, one cancelled."""
    from activities.models import Registration, RegistrationStatus
    from tests.factories import ChildFactory, YouthFactory

    activity = world["activity_a"]
    activity.join_mode = "registration"
    activity.capacity = 2
    activity.confirmed_count = 2
    activity.save()
    now = timezone.now()
    mother = ParentFactory(display_name="Fatima", email="fatima@example.org", phone="0470 11 22 33")
    amira = ChildFactory(parent=mother, first_name="Amira", birth_year=2015)
    youth = YouthFactory(display_name="Yusuf", email="yusuf@example.org", birth_year=2010)

    def register(status, minutes, **who):
        parent = who.get("child").parent if who.get("child") else who["participant"]
        return Registration.objects.create(
            activity=activity,
            registered_by=parent,
            status=status,
            created_at=now - datetime.timedelta(minutes=minutes),
            **who,
        )

    confirmed_child = register(RegistrationStatus.CONFIRMED, 60, child=amira)
    confirmed_youth = register(RegistrationStatus.CONFIRMED, 50, participant=youth)
    second_waiting = register(RegistrationStatus.WAITING, 10, child=ChildFactory(first_name="Zoë"))
    first_waiting = register(RegistrationStatus.WAITING, 20, child=ChildFactory(first_name="=HYPERLINK(1)"))
    register(RegistrationStatus.CANCELLED, 30, child=ChildFactory(first_name="Cancelled-kid"))
    return {
        "activity": activity,
        "child": confirmed_child,
        "youth": confirmed_youth,
        "first_waiting": first_waiting,
        "second_waiting": second_waiting,
    }


@pytest.mark.parametrize(
    "role, status",
    [("partner_a", 200), ("moderator", 404), ("editor", 200), ("partner_b", 404)],
)
def test_who_sees_the_registrations(client, world, registered, role, status):
    log_in(client, world[role])
    response = client.get(registrations_url(registered["activity"]), follow=True)
    assert response.status_code == status
    assert ("Amira" in response.content.decode()) is (status == 200)


def test_parents_do_not_see_the_registrations(client, world, registered):
    log_in(client, world["parent"])
    response = client.get(registrations_url(registered["activity"]), follow=True)
    assert "Amira" not in response.content.decode()


def test_the_registration_list_shows_contacts_and_the_waiting_list_in_order(client, world, registered):
    log_in(client, world["partner_a"])
    response = client.get(registrations_url(registered["activity"]))
    content = response.content.decode()
    for expected in (
        "Amira",
        "2015",
        "Fatima",
        "fatima@example.org",
        "0470 11 22 33",
        "Yusuf",
        "yusuf@example.org",
    ):
        assert expected in content
    assert content.index("=HYPERLINK(1)") < content.index("Zoë")
    assert "Cancelled-kid" not in content
    assert response.context["cancelled_count"] == 1


def test_the_listing_has_a_registrations_button(client, world, registered):
    log_in(client, world["partner_a"])
    content = client.get(LIST_URL).content.decode()
    assert registrations_url(registered["activity"]) in content


def test_the_csv_export_opens_in_excel(client, world, registered):
    log_in(client, world["partner_a"])
    response = client.get(f"/admin/activities/{registered['activity'].pk}/registrations.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    lines = raw.decode("utf-8-sig").splitlines()
    rows = [line.split(";") for line in lines]
    assert len(rows) == 5  # header, 2 confirmed, 2 waiting; not the cancelled one
    assert rows[1][2] == "Amira" and rows[1][3] == "2015" and rows[1][4] == "Fatima"
    assert rows[1][5] == "fatima@example.org" and rows[1][6] == "0470 11 22 33"
    assert rows[2][2] == "Yusuf" and rows[2][5] == "yusuf@example.org"
    assert rows[3][1] == "1" and rows[4][1] == "2"
    # A name that a spreadsheet would run as a formula is written as text.
    assert rows[3][2] == "'=HYPERLINK(1)"


def test_the_csv_export_is_not_for_other_organisations(client, world, registered):
    log_in(client, world["partner_b"])
    response = client.get(f"/admin/activities/{registered['activity'].pk}/registrations.csv", follow=True)
    assert response.status_code == 404
    assert b"Amira" not in response.content


def test_attendance_is_marked_for_the_latest_session(client, world, registered):
    from activities.models import Attendance

    activity = registered["activity"]
    log_in(client, world["partner_a"])
    response = client.get(registrations_url(activity))
    form = response.context["attendance_form"]
    today = timezone.localdate()
    latest = max(day for day in activity.schedule().dates() if day <= today)
    assert response.context["chosen_date"] == latest
    # Waiting and cancelled registrations are not on the attendance list.
    assert len(form.checkbox_fields()) == 2

    response = client.post(
        registrations_url(activity),
        {"date": latest.isoformat(), f"present_{registered['child'].pk}": "on"},
    )
    assert response.status_code == 302
    attendance = {a.registration_id: a.present for a in Attendance.objects.filter(date=latest)}
    assert attendance == {registered["child"].pk: True, registered["youth"].pk: False}

    # Correcting it replaces, it does not add.
    client.post(
        registrations_url(activity), {"date": latest.isoformat(), f"present_{registered['youth'].pk}": "on"}
    )
    attendance = {a.registration_id: a.present for a in Attendance.objects.filter(date=latest)}
    assert attendance == {registered["child"].pk: False, registered["youth"].pk: True}

    response = client.get(f"{registrations_url(activity)}?date={latest.isoformat()}")
    assert response.context["attendance_form"].initial[f"present_{registered['youth'].pk}"] is True

    export = client.get(f"/admin/activities/{activity.pk}/registrations.csv").content.decode("utf-8-sig")
    header, child_row, youth_row = export.splitlines()[:3]
    assert latest.strftime("%d/%m/%Y") in header
    assert child_row.split(";")[-1] in ("no", "nee")
    assert youth_row.split(";")[-1] in ("yes", "ja")


def test_attendance_for_a_date_without_a_session_is_refused(client, world, registered):
    from activities.models import Attendance

    activity = registered["activity"]
    log_in(client, world["partner_a"])
    future = timezone.localdate() + datetime.timedelta(days=60)
    response = client.post(
        registrations_url(activity), {"date": future.isoformat(), f"present_{registered['child'].pk}": "on"}
    )
    assert response.status_code == 200
    assert not Attendance.objects.exists()


def test_attendance_waits_for_the_first_session(client, world, registered):
    activity = registered["activity"]
    activity.start_date = timezone.localdate() + datetime.timedelta(days=10)
    activity.save()
    log_in(client, world["partner_a"])
    response = client.get(registrations_url(activity))
    assert response.context["attendance_form"] is None


def test_other_organisations_cannot_mark_attendance(client, world, registered):
    from activities.models import Attendance

    activity = registered["activity"]
    latest = max(day for day in activity.schedule().dates() if day <= timezone.localdate())
    log_in(client, world["partner_b"])
    client.post(
        registrations_url(activity), {"date": latest.isoformat(), f"present_{registered['child'].pk}": "on"}
    )
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("role, shown", [("partner_a", True), ("moderator", True), ("editor", True)])
def test_the_activities_menu_offers_the_import(client, world, role, shown):
    log_in(client, world[role])
    content = client.get("/admin/").content.decode()
    assert ("/admin/activities/import/" in content) is shown
    assert ("/admin/snippets/activities/theme/" in content) is (role == "editor")


def test_the_registration_page_costs_the_same_number_of_queries_for_more_people(client, world, registered):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from activities.models import Registration, RegistrationStatus
    from tests.factories import ChildFactory

    activity = registered["activity"]
    log_in(client, world["partner_a"])
    with CaptureQueriesContext(connection) as few:
        client.get(registrations_url(activity))
        client.get(f"/admin/activities/{activity.pk}/registrations.csv")
    for status in [RegistrationStatus.WAITING] * 6:
        child = ChildFactory()
        Registration.objects.create(activity=activity, child=child, registered_by=child.parent, status=status)
    with CaptureQueriesContext(connection) as many:
        client.get(registrations_url(activity))
        client.get(f"/admin/activities/{activity.pk}/registrations.csv")
    assert len(many.captured_queries) <= len(few.captured_queries)
