"""Posting is rate-limited per person and per workshop; the refused post stores nothing."""

import pytest
from django.core.cache import cache
from django.utils import translation

from participation import services
from participation.models import Comment, Idea
from tests.factories import ParentFactory, log_in
from tests.participation.factories import make_idea, make_participant, make_track, make_workshop

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _limits(settings):
    cache.clear()
    settings.VILLAGE_RATE_LIMITS = {
        **settings.VILLAGE_RATE_LIMITS,
        "participation_post_person": (3, 600),
        "participation_post_workshop": (5, 600),
    }
    yield
    cache.clear()


def test_the_settings_have_sensible_defaults():
    from django.conf import settings

    from village.settings import base

    assert base.VILLAGE_RATE_LIMITS["participation_post_person"] == (10, 600)
    assert base.VILLAGE_RATE_LIMITS["participation_post_workshop"] == (60, 600)
    assert settings is not None


def test_a_person_posts_at_most_n_ideas_and_comments_together():
    track = make_track()
    person = ParentFactory()
    for n in range(2):
        services.post_idea(track=track, title=f"Idee {n}", author=person)
    services.post_comment(idea=make_idea(track), body="Leuk", author=person)
    with pytest.raises(services.RateLimited):
        services.post_idea(track=track, title="Te veel", author=person)
    with pytest.raises(services.RateLimited):
        services.post_comment(idea=make_idea(track), body="Te veel", author=person)
    assert not Idea.objects.filter(title="Te veel").exists()
    assert not Comment.objects.filter(body="Te veel").exists()
    # Somebody else can still post.
    services.post_idea(track=track, title="Van iemand anders", author=ParentFactory())


def test_a_workshop_posts_at_most_n_ideas_whoever_types():
    track = make_track()
    workshop = make_workshop(track)
    children = [make_participant(workshop, nickname=f"Kind{n}") for n in range(6)]
    for child in children[:5]:
        services.post_idea(track=track, title=f"Idee van {child.nickname}", participant=child)
    with pytest.raises(services.RateLimited):
        services.post_idea(track=track, title="Zesde", participant=children[5])
    assert Idea.objects.filter(workshop=workshop).count() == 5
    # Another workshop is not affected.
    other = make_participant(make_workshop(track))
    services.post_idea(track=track, title="Andere klas", participant=other)


def test_the_form_says_so_in_the_persons_language_and_keeps_the_text(client):
    track = make_track()
    person = ParentFactory(preferred_language="en")
    log_in(client, person, "en")
    for n in range(3):
        services.post_idea(track=track, title=f"Idee {n}", author=person)
    with translation.override("en"):
        response = client.post(
            f"/en/participation/tracks/{track.pk}/ideas/new/",
            {"title": "One more idea", "body": "Swings", "language": "en"},
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert "You have posted a lot in a short time" in html
    assert "One more idea" in html  # what they wrote is still in the form
    assert not Idea.objects.filter(title="One more idea").exists()
