"""Public results: per track (proposed, decided and why, realised) and per workshop by its code."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.roles import EDITOR
from participation import results
from participation.models import IdeaStatus, Moderation
from tests.factories import make_staff
from tests.participation.factories import make_idea, make_participant, make_track, make_workshop

pytestmark = pytest.mark.django_db


def decide(idea, status, text):
    results.set_idea_status(
        idea=idea, actor=make_staff(EDITOR), status=status, explanations={"nl": text, "en": text + " (en)"}
    )


def test_track_results_show_what_was_decided_and_why_never_held_ideas(client):
    track = make_track(phases=[("collecting", -30, -10), ("results", -9, 30)])
    realised = make_idea(track, title="Speeltuin")
    decide(realised, IdeaStatus.REALISED, "De speeltuin is open sinds mei.")
    impossible = make_idea(track, title="Zwembad")
    decide(impossible, IdeaStatus.NOT_POSSIBLE, "Te duur voor de gemeente.")
    make_idea(track, title="Nog niet bekeken")
    make_idea(track, title="Wachtend idee", moderation=Moderation.PENDING)
    make_idea(track, title="Verwijderd idee", moderation=Moderation.REMOVED)
    with translation.override("en"):
        html = client.get(f"/en/participation/tracks/{track.pk}/results/").content.decode()
    for text in (
        "Speeltuin",
        "De speeltuin is open sinds mei. (en)",
        "Zwembad",
        "Te duur voor de gemeente. (en)",
        "Nog niet bekeken",
    ):
        assert text in html
    assert "Wachtend idee" not in html and "Verwijderd idee" not in html
    # Realised first, not possible last.
    assert html.index("Speeltuin") < html.index("Nog niet bekeken") < html.index("Zwembad")
    assert "3 ideas were proposed" in html


@pytest.mark.parametrize("language,word", [("nl", "Resultaten"), ("fr", "Résultats"), ("en", "Results")])
def test_results_page_in_three_languages(client, language, word):
    track = make_track()
    make_idea(track, title="Bankjes")
    with translation.override(language):
        response = client.get(f"/{language}/participation/tracks/{track.pk}/results/")
    assert response.status_code == 200
    assert "Bankjes" in response.content.decode()
    if language == "en":
        assert word in response.content.decode()


def test_workshop_results_with_the_code_after_it_ended(client):
    track = make_track()
    workshop = make_workshop(track, open_now=False)
    child = make_participant(workshop, nickname="Lina")
    idea = make_idea(track, participant=child, author=None, title="Een klimmuur")
    decide(idea, IdeaStatus.ACCEPTED, "We bouwen hem in de zomer.")
    make_idea(track, title="Idee van elders")
    make_idea(
        track, participant=child, author=None, title="Nog niet nagekeken", moderation=Moderation.PENDING
    )
    html = client.get(f"/nl/participation/workshop/{workshop.code.lower()}/results/").content.decode()
    assert "Een klimmuur" in html and "We bouwen hem in de zomer." in html and "Lina" in html
    assert "Idee van elders" not in html and "Nog niet nagekeken" not in html


def test_an_unknown_workshop_code_is_not_found(client):
    assert client.get("/nl/participation/workshop/ZZZZZZ/results/").status_code == 404


def test_results_pages_do_not_make_more_queries_as_ideas_grow(client):
    track = make_track()
    workshop = make_workshop(track)

    def count(path):
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        return len(context)

    for path in (
        f"/nl/participation/tracks/{track.pk}/results/",
        f"/nl/participation/workshop/{workshop.code}/results/",
    ):
        idea = make_idea(track, workshop=workshop)
        decide(idea, IdeaStatus.ACCEPTED, "Ja")
        few = count(path)
        for _i in range(10):
            idea = make_idea(track, workshop=workshop)
            decide(idea, IdeaStatus.REALISED, "Klaar")
        assert count(path) <= few
