"""Exports for reports: CSV files and statistics per track, for the track's people only."""

import csv
import io

import pytest
from django.utils import translation

from accounts.models import current_year
from accounts.roles import COORDINATOR, EDITOR
from participation import results
from participation.models import AgeBand, AuthorKind, IdeaStatus, Moderation, Support, Vote
from tests.factories import OrganisationFactory, ParentFactory, YouthFactory, log_in, make_partner, make_staff
from tests.participation.factories import make_comment, make_idea, make_participant, make_track, make_workshop

pytestmark = pytest.mark.django_db


def read_csv(response):
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode(
        "utf-8-sig"
    )
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def track_with_content():
    organisation = OrganisationFactory()
    track = make_track(organisation=organisation)
    parent = ParentFactory(email="ouder@example.org")
    idea = make_idea(track, author=parent, title='=HYPERLINK("http://evil")', body="Meer bomen")
    child = make_participant(make_workshop(track), nickname="Lina", age_band=AgeBand.AGE_9_11)
    child_idea = make_idea(
        track,
        participant=child,
        author=None,
        title="Schommel",
        author_kind=AuthorKind.CHILD,
        age_band=AgeBand.AGE_9_11,
    )
    make_idea(
        track,
        author=None,
        on_behalf_group="12 kinderen van het 5de leerjaar",
        group_size=12,
        author_kind=AuthorKind.GROUP,
        age_band=AgeBand.AGE_9_11,
        title="Groepsidee",
    )
    youth = YouthFactory(birth_year=current_year() - 15)
    make_comment(
        idea,
        author=youth,
        author_kind=AuthorKind.YOUTH,
        age_band=AgeBand.AGE_15_17,
        body="Ja, ook fruitbomen",
    )
    make_idea(track, title="Weg ermee", moderation=Moderation.REMOVED)
    Support.objects.create(idea=idea, user=youth)
    Vote.objects.create(idea=child_idea, participant=child, count=2)
    results.set_idea_status(
        idea=idea,
        actor=make_staff(EDITOR),
        status=IdeaStatus.ACCEPTED,
        explanations={"nl": "We planten in november.", "fr": "Nous plantons en novembre."},
    )
    return track, organisation


def test_csv_of_ideas_names_nobody_beyond_the_public_pages_and_is_safe_in_spreadsheets(
    client, track_with_content
):
    track, organisation = track_with_content
    log_in(client, make_partner(organisation))
    with translation.override("en"):
        response = client.get(f"/en/participation/tracks/{track.pk}/export.csv?kind=ideas")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    assert rows[0][:3] == ["Idea", "Title", "Text"]
    titles = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil")' in titles  # not run as a formula
    assert "Schommel" in titles and "Groepsidee" in titles and "Weg ermee" not in titles
    assert "ouder@example.org" not in response.content.decode("utf-8-sig")
    child_row = next(row for row in rows if row[1] == "Schommel")
    assert "Child in a workshop" in child_row and "Lina" in child_row and "9 to 11" in child_row


@pytest.mark.parametrize(
    "kind,expected",
    [
        ("comments", "Ja, ook fruitbomen"),
        ("statuses", "Nous plantons en novembre."),
        ("reactions", "Support"),
    ],
)
def test_csv_of_comments_statuses_and_reactions(client, track_with_content, kind, expected):
    track, _organisation = track_with_content
    log_in(client, make_staff(COORDINATOR), "en")
    with translation.override("en"):
        response = client.get(f"/en/participation/tracks/{track.pk}/export.csv?kind={kind}")
    assert expected in response.content.decode("utf-8-sig")


def test_statistics_count_participants_by_role_and_age_and_ideas_by_status(client, track_with_content):
    track, organisation = track_with_content
    log_in(client, make_partner(organisation), "en")
    with translation.override("en"):
        html = client.get(f"/en/participation/tracks/{track.pk}/statistics/").content.decode()
    from participation.exports import track_statistics

    stats = track_statistics(track)
    by_role = {row["label"]: row["count"] for row in stats["by_role"]}
    assert by_role[AuthorKind.CHILD.label] == 1
    assert by_role[AuthorKind.GROUP.label] == 12
    assert by_role[AuthorKind.YOUTH.label] == 1
    assert by_role[AuthorKind.PARENT.label] == 1
    assert stats["participants"] == 15
    by_age = {row["label"]: row["count"] for row in stats["by_age"]}
    assert by_age[AgeBand.AGE_9_11.label] == 13
    per_status = {row["label"]: row["count"] for row in stats["per_status"]}
    assert per_status[IdeaStatus.ACCEPTED.label] == 1 and per_status[IdeaStatus.RECEIVED.label] == 2
    assert "Participants by role" in html and "Public ideas per status" in html and "<progress" in html


@pytest.mark.parametrize("who", ["parent", "other_partner", "anonymous"])
def test_exports_are_for_the_tracks_people_only(client, track_with_content, who):
    track, _organisation = track_with_content
    if who == "parent":
        log_in(client, ParentFactory())
    elif who == "other_partner":
        log_in(client, make_partner())
    csv_response = client.get(f"/nl/participation/tracks/{track.pk}/export.csv")
    stats_response = client.get(f"/nl/participation/tracks/{track.pk}/statistics/")
    expected = (302,) if who == "anonymous" else (403,)
    assert csv_response.status_code in expected and stats_response.status_code in expected


def test_unknown_export_kind_is_not_found(client, track_with_content):
    track, organisation = track_with_content
    log_in(client, make_partner(organisation))
    assert client.get(f"/nl/participation/tracks/{track.pk}/export.csv?kind=emails").status_code == 404
