"""The demo content of co-creation tracks: every phase and kind of author, valid, safe to reload."""

import pytest
from django.utils import translation
from django.utils.html import escape

from participation import demo as participation_demo
from participation.models import (
    AuthorKind,
    Comment,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
    Moderation,
    PhaseKind,
    TrackIndexPage,
    TrackPage,
    Workshop,
)

pytestmark = pytest.mark.django_db


def test_demo_has_tracks_in_different_phases_and_an_open_workshop(demo, client):
    kinds = {track.slug_nl: track.current_phase().kind for track in TrackPage.objects.live()}
    assert kinds == {
        "ons-pleintje": PhaseKind.COLLECTING,
        "huiswerkklas-van-morgen": PhaseKind.PRIORITISING,
        "zomer-op-het-plein": PhaseKind.RESULTS,
    }
    workshop = Workshop.objects.get(code=participation_demo.OPEN_WORKSHOP_CODE)
    assert workshop.is_open and workshop.track.slug_nl == "ons-pleintje"
    assert not Workshop.objects.get(code=participation_demo.ENDED_WORKSHOP_CODE).is_open

    ideas = Idea.objects.all()
    assert {idea.language for idea in ideas} == {"nl", "fr", "en"}
    assert {idea.author_kind for idea in ideas} >= {
        AuthorKind.CHILD,
        AuthorKind.GROUP,
        AuthorKind.YOUTH,
        AuthorKind.PARENT,
    }
    held = ideas.filter(moderation=Moderation.PENDING)
    assert held.filter(author_kind=AuthorKind.CHILD).exists()  # a child's idea waiting for review
    assert held.filter(author_kind=AuthorKind.YOUTH).exists()  # a 14-year-old's idea
    assert held.filter(hold_reasons__icontains="phone").exists()  # held for a phone number
    assert Comment.objects.filter(parent__isnull=False).exists()

    realised = ideas.filter(status=IdeaStatus.REALISED)
    assert realised.filter(activity__isnull=False).exists()
    assert ideas.filter(status=IdeaStatus.NOT_POSSIBLE).exists()
    change = IdeaStatusChange.objects.filter(status=IdeaStatus.NOT_POSSIBLE).get()
    assert change.explanation_nl and change.explanation_fr and change.explanation_en

    index = TrackIndexPage.objects.get()
    assert index.show_in_menus
    for language, path in (
        ("nl", "/nl/meedenken/"),
        ("fr", "/fr/donnez-votre-avis/"),
        ("en", "/en/have-your-say/"),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        with translation.override(language):
            for track in TrackPage.objects.live():
                assert escape(track.title) in response.content.decode()
    for track in TrackPage.objects.live():
        assert client.get(track.url).status_code == 200
    for idea in Idea.objects.public():
        assert client.get(idea.get_absolute_url()).status_code == 200

    # Loading again changes nothing.
    counts = (
        TrackPage.objects.count(),
        Idea.objects.count(),
        Comment.objects.count(),
        Workshop.objects.count(),
    )
    summary = participation_demo.load()
    assert "SAMEN7" in summary
    assert counts == (
        TrackPage.objects.count(),
        Idea.objects.count(),
        Comment.objects.count(),
        Workshop.objects.count(),
    )
