"""The open-data API of co-creation tracks: tracks with phases, public ideas only."""

import pytest

from participation.models import IdeaStatus, Moderation, PhaseKind
from tests.factories import YouthFactory
from tests.participation.factories import make_idea, make_participant, make_track, make_workshop

pytestmark = pytest.mark.django_db


def test_tracks_with_their_phases_and_current_phase(client):
    track = make_track(phases=[("collecting", -10, -1), ("prioritising", 0, 10), ("results", 11, 20)])
    make_idea(track)
    make_idea(track, moderation=Moderation.PENDING)
    response = client.get("/api/v1/tracks?lang=en")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    (data,) = response.json()
    assert data["id"] == track.pk and data["title"] == track.title_en
    assert [phase["kind"] for phase in data["phases"]] == ["collecting", "prioritising", "results"]
    assert data["current_phase"]["kind"] == PhaseKind.PRIORITISING
    assert data["current_phase"]["allows"] == ["vote"]
    assert data["public_ideas"] == 1


def test_texts_follow_the_lang_parameter(client):
    make_track(title_nl="Ons plein", title_fr="Notre place", title_en="Our square")
    assert client.get("/api/v1/tracks?lang=fr").json()[0]["title"] == "Notre place"
    assert client.get("/api/v1/tracks?lang=nl").json()[0]["title"] == "Ons plein"
    response = client.get("/api/v1/tracks?lang=xx")
    assert response.status_code == 400 and "lang" in response.json()["errors"]


def test_ideas_are_public_ones_only_with_status_and_support_count(client):
    track = make_track()
    public = make_idea(track, title="Publiek", status=IdeaStatus.ACCEPTED, support_count=4)
    for state in (Moderation.PENDING, Moderation.HIDDEN, Moderation.REMOVED):
        make_idea(track, title=f"niet {state}", moderation=state)
    response = client.get(f"/api/v1/tracks/{track.pk}/ideas?lang=en")
    assert response.status_code == 200
    (data,) = response.json()
    assert data["id"] == public.pk and data["title"] == "Publiek"
    assert data["status"] == "accepted" and data["status_label"] == "Accepted" and data["support_count"] == 4
    assert data["url"].endswith(f"/participation/ideas/{public.pk}/")


def test_no_personal_data_in_the_ideas(client):
    track = make_track()
    youth = YouthFactory(display_name="Sara Janssens", email="sara@example.org")
    make_idea(track, author=youth)
    child = make_participant(make_workshop(track), nickname="Aya")
    make_idea(track, participant=child, author=None)
    body = client.get(f"/api/v1/tracks/{track.pk}/ideas").content.decode()
    assert "Sara" in body and "Janssens" not in body and "sara@example.org" not in body and "Aya" in body


def test_unknown_track_is_a_json_404(client):
    response = client.get("/api/v1/tracks/999999/ideas")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_the_endpoints_are_in_the_openapi_schema(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/tracks" in paths and "/api/v1/tracks/{track_id}/ideas" in paths


def test_without_lang_caches_keep_one_answer_per_language(client):
    """The language then comes from Accept-Language or the language cookie: a cache that
    ignored the cookie would serve a French reader the Dutch answer."""
    response = client.get("/api/v1/tracks")
    assert "Accept-Language" in response["Vary"] and "Cookie" in response["Vary"]
    assert "Cookie" not in client.get("/api/v1/tracks?lang=fr").get("Vary", "")
