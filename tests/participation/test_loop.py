"""Closing the loop: statuses with explanations, their history, the people told."""

import pytest
from django.utils import translation
from notifications.models import Notification

from accounts.roles import COORDINATOR, EDITOR, MODERATOR
from participation import results
from participation.models import IdeaStatus, Moderation, Support
from tests.factories import OrganisationFactory, ParentFactory, YouthFactory, log_in, make_partner, make_staff
from tests.participation.factories import make_idea, make_participant, make_track

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()


def status_form(idea, status="accepted", **explanations):
    data = {"status": status, "activity": ""}
    data.update({f"explanation_{code}": text for code, text in explanations.items()})
    return data


def test_the_responsible_person_gives_a_status_and_the_author_is_told_in_french(client, mailoutbox):
    responsible = make_partner()
    track = make_track(responsible=responsible)
    author = ParentFactory(preferred_language="fr")
    idea = make_idea(track, author=author, title="Un terrain de foot", language="fr")
    log_in(client, responsible)
    response = client.post(
        f"/nl/participation/ideas/{idea.pk}/status/",
        status_form(
            idea, "accepted", fr="Nous construisons le terrain en mai.", nl="We bouwen het veld in mei."
        ),
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ACCEPTED and idea.status_changed_at
    [notification] = Notification.objects.filter(user=author)
    assert notification.url.startswith("/fr/")
    [mail] = [m for m in mailoutbox if author.email in m.to]
    assert "Nous construisons le terrain en mai." in mail.body
    assert "We bouwen" not in mail.body
    assert "Un terrain de foot" in mail.subject


def test_english_supporters_read_the_english_explanation_or_the_fallback(mailoutbox):
    author = ParentFactory(preferred_language="nl")
    english = ParentFactory(preferred_language="en")
    idea = make_idea(author=author, title="Speeltuin")
    Support.objects.create(idea=idea, user=english)
    actor = make_staff(EDITOR)
    results.set_idea_status(
        idea=idea,
        actor=actor,
        status=IdeaStatus.REALISED,
        explanations={"nl": "Hij staat er!", "en": "It is there!"},
    )
    [to_english] = [m for m in mailoutbox if english.email in m.to]
    assert "It is there!" in to_english.body
    assert "You supported the idea" in to_english.body and "Realised" in to_english.body
    with translation.override("en"):
        assert Notification.objects.get(user=english).title == "Speeltuin: Realised"
    # Only Dutch given: the fallback language is shown rather than nothing.
    results.set_idea_status(
        idea=idea, actor=actor, status=IdeaStatus.NOT_POSSIBLE, explanations={"nl": "Toch niet."}
    )
    assert "Toch niet." in [m for m in mailoutbox if english.email in m.to][-1].body


def test_history_is_kept_and_shown_on_the_idea(client):
    idea = make_idea(title="Bankjes")
    actor = make_staff(MODERATOR)
    results.set_idea_status(
        idea=idea, actor=actor, status=IdeaStatus.UNDER_CONSIDERATION, explanations={"nl": "We bekijken het."}
    )
    results.set_idea_status(
        idea=idea, actor=actor, status=IdeaStatus.REALISED, explanations={"nl": "Er staan 4 bankjes."}
    )
    assert [change.status for change in results.status_history(idea)] == ["under_consideration", "realised"]
    html = client.get(idea.get_absolute_url()).content.decode()
    assert html.index("We bekijken het.") < html.index("Er staan 4 bankjes.")


def test_the_explanation_in_the_ideas_language_is_required(client):
    track = make_track()
    idea = make_idea(track, language="fr")
    log_in(client, make_staff(EDITOR), "en")
    with translation.override("en"):
        response = client.post(
            f"/en/participation/ideas/{idea.pk}/status/", status_form(idea, "accepted", nl="Ja")
        )
    assert response.status_code == 200
    assert (
        "Explain the decision in plain words." in response.content.decode()
        or "This field is required." in response.content.decode()
    )
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.RECEIVED


def test_the_activity_the_idea_became_is_linked_on_the_idea_and_the_results(client, mailoutbox):
    from tests.activities.factories import ActivityFactory

    organisation = OrganisationFactory()
    track = make_track(organisation=organisation)
    activity = ActivityFactory(organisation=organisation, title_nl="Voetbal op woensdag")
    ActivityFactory(title_nl="Andere organisatie")
    author = ParentFactory()
    idea = make_idea(track, author=author, title="Meer voetbal")
    log_in(client, make_partner(organisation))
    form = client.get(f"/nl/participation/ideas/{idea.pk}/status/").content.decode()
    assert "Voetbal op woensdag" in form and "Andere organisatie" not in form
    data = status_form(idea, "realised", nl="Elke woensdag voetbal!")
    data["activity"] = activity.pk
    client.post(f"/nl/participation/ideas/{idea.pk}/status/", data)
    idea.refresh_from_db()
    assert idea.activity == activity
    assert (
        activity.get_absolute_url()
        in client.get(f"/nl/participation/tracks/{track.pk}/results/").content.decode()
    )
    assert "Voetbal op woensdag" in [m for m in mailoutbox if author.email in m.to][0].body


@pytest.mark.parametrize(
    "who,allowed",
    [
        ("responsible", True),
        ("partner_of_organisation", True),
        ("coordinator", True),
        ("moderator", True),
        ("editor", True),
        ("other_partner", False),
        ("author", False),
        ("parent", False),
        ("youth", False),
    ],
)
def test_who_gives_a_status(client, who, allowed):
    organisation = OrganisationFactory()
    responsible = make_partner()
    track = make_track(responsible=responsible, organisation=organisation)
    author = ParentFactory()
    idea = make_idea(track, author=author)
    user = {
        "responsible": lambda: responsible,
        "partner_of_organisation": lambda: make_partner(organisation),
        "coordinator": lambda: make_staff(COORDINATOR),
        "moderator": lambda: make_staff(MODERATOR),
        "editor": lambda: make_staff(EDITOR),
        "other_partner": lambda: make_partner(),
        "author": lambda: author,
        "parent": lambda: ParentFactory(),
        "youth": lambda: YouthFactory(),
    }[who]()
    log_in(client, user)
    response = client.post(
        f"/nl/participation/ideas/{idea.pk}/status/",
        status_form(idea, "accepted", nl="Goed idee, we doen het."),
    )
    idea.refresh_from_db()
    if allowed:
        assert response.status_code == 302 and idea.status == IdeaStatus.ACCEPTED
        assert (
            f"participation/ideas/{idea.pk}/status/" in client.get(idea.get_absolute_url()).content.decode()
        )
    else:
        assert response.status_code == 403 and idea.status == IdeaStatus.RECEIVED


def test_children_in_workshops_are_not_notified_but_see_the_result(client):
    track = make_track()
    child = make_participant(nickname="Lina")
    idea = make_idea(track, participant=child, author=None, workshop=child.workshop, title="Schommel")
    results.set_idea_status(
        idea=idea, actor=make_staff(EDITOR), status=IdeaStatus.ACCEPTED, explanations={"nl": "Komt eraan!"}
    )
    assert not Notification.objects.exists()
    html = client.get(f"/nl/participation/workshop/{child.workshop.code}/results/").content.decode()
    assert "Schommel" in html and "Komt eraan!" in html


def test_held_ideas_tell_nobody(mailoutbox):
    author = ParentFactory()
    idea = make_idea(author=author, moderation=Moderation.PENDING)
    results.set_idea_status(
        idea=idea, actor=make_staff(EDITOR), status=IdeaStatus.UNDER_CONSIDERATION, explanations={"nl": "x"}
    )
    assert not Notification.objects.exists()
