"""The review cycle through the real admin buttons: a partner submits, a moderator approves."""

import pytest
from django.core import mail
from wagtail.models import WorkflowState

from accounts.roles import MODERATOR
from activities.models import Activity
from activities.wagtail_hooks import STATUS_LABELS
from tests.activities.factories import ThemeFactory, VenueFactory
from tests.activities.test_admin import ADD_URL, activity_form_data, edit_url
from tests.factories import OrganisationFactory, log_in, make_partner, make_staff


def approve_url(activity):
    state = WorkflowState.objects.for_instance(activity).get(status=WorkflowState.STATUS_IN_PROGRESS)
    return (
        f"/admin/snippets/activities/activity/workflow/action/{activity.pk}/approve/"
        f"{state.current_task_state.pk}/"
    )


@pytest.mark.django_db
def test_partner_submits_and_moderator_approves(client):
    organisation = OrganisationFactory(name="De Brug")
    partner = make_partner(organisation)
    moderator = make_staff(MODERATOR, email="moderator@example.org")
    venue = VenueFactory(organisation=organisation)
    theme = ThemeFactory(slug="huiswerk")

    log_in(client, partner)
    response = client.post(
        ADD_URL,
        activity_form_data(organisation=organisation, venue=venue, themes=[theme], **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    activity = Activity.objects.get(title_nl="Huiswerkklas De Brug")
    assert not activity.live
    assert activity.status == "in_review"
    assert not Activity.objects.published().filter(pk=activity.pk).exists()
    listing = client.get("/admin/snippets/activities/activity/").content.decode()
    assert str(STATUS_LABELS["in_review"]) in listing

    # The moderator is told and finds the activity on their dashboard.
    assert any("moderator@example.org" in message.to for message in mail.outbox)
    client.logout()
    log_in(client, moderator)
    dashboard = client.get("/admin/")
    assert "Huiswerkklas De Brug" in dashboard.content.decode()

    response = client.post(approve_url(activity), {"comment": ""})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.live
    assert activity.status == "published"
    assert Activity.objects.published().filter(pk=activity.pk).exists()
    assert list(activity.themes.all()) == [theme]

    # The partner changes the published activity: the change waits for review, the
    # published version stays what visitors see.
    client.logout()
    log_in(client, partner)
    other_theme = ThemeFactory(slug="muziek")
    response = client.post(
        edit_url(activity),
        activity_form_data(
            organisation=organisation,
            venue=venue,
            themes=[theme, other_theme],
            title_nl="Huiswerkklas De Brug (nieuw)",
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    activity = Activity.objects.get(pk=activity.pk)
    assert activity.title_nl == "Huiswerkklas De Brug"
    assert activity.live and activity.has_unpublished_changes
    assert activity.workflow_in_progress
    assert Activity.objects.published().filter(pk=activity.pk).exists()
    assert list(activity.themes.all()) == [theme]

    client.logout()
    log_in(client, moderator)
    assert client.post(approve_url(activity), {"comment": ""}).status_code == 302
    activity = Activity.objects.get(pk=activity.pk)
    assert activity.title_nl == "Huiswerkklas De Brug (nieuw)"
    assert not activity.has_unpublished_changes
    assert set(activity.themes.all()) == {theme, other_theme}


@pytest.fixture
def submitted(db, client):
    """An activity a partner submitted for review, and the people around it."""
    from accounts.roles import EDITOR

    organisation = OrganisationFactory(name="De Brug")
    partner = make_partner(organisation)
    log_in(client, partner)
    data = activity_form_data(
        organisation=organisation,
        venue=VenueFactory(organisation=organisation),
        themes=[ThemeFactory(slug="huiswerk")],
        **{"action-submit": "1"},
    )
    assert client.post(ADD_URL, data).status_code == 302
    client.logout()
    return {
        "activity": Activity.objects.get(title_nl="Huiswerkklas De Brug"),
        "partner": partner,
        "other_partner": make_partner(OrganisationFactory(name="Le Pont")),
        "editor": make_staff(EDITOR),
    }


@pytest.mark.parametrize("who", ["partner", "other_partner"])
def test_partners_cannot_approve(client, submitted, who):
    activity = submitted["activity"]
    url = approve_url(activity)
    log_in(client, submitted[who])
    client.post(url, {"comment": ""})
    activity.refresh_from_db()
    assert not activity.live
    assert activity.status == "in_review"


def test_an_editor_approves_too(client, submitted):
    activity = submitted["activity"]
    log_in(client, submitted["editor"])
    assert client.post(approve_url(activity), {"comment": ""}).status_code == 302
    activity.refresh_from_db()
    assert activity.live
    assert Activity.objects.published().filter(pk=activity.pk).exists()


def test_a_rejected_activity_goes_back_to_the_partner(client, submitted):
    activity = submitted["activity"]
    state = WorkflowState.objects.for_instance(activity).get(status=WorkflowState.STATUS_IN_PROGRESS)
    url = approve_url(activity).replace("/approve/", "/reject/")
    log_in(client, submitted["editor"])
    assert client.post(url, {"comment": "Graag een leeftijd toevoegen."}).status_code == 302
    activity.refresh_from_db()
    state.refresh_from_db()
    assert not activity.live
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.logout()
    log_in(client, submitted["partner"])
    assert client.get(edit_url(activity)).status_code == 200


def test_the_review_workflow_is_assigned_to_activities(db):
    from wagtail.models import GroupApprovalTask

    workflow = Activity.get_default_workflow()
    assert workflow is not None and workflow.name == "Activity review"
    [task] = [task.specific for task in workflow.tasks.all()]
    assert isinstance(task, GroupApprovalTask)
    assert {group.name for group in task.groups.all()} == {"Moderators", "Editors"}
