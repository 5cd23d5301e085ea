"""Factories for co-creation tracks; other test modules import these.

track = make_track()                                   # collecting ideas today
track = make_track(phases=[("information", -30, -10), ("prioritising", -9, 9)])
idea = make_idea(track, author=ParentFactory())        # published unless moderation= says
workshop = make_workshop(track)                        # open now, random code
child = make_participant(workshop, nickname="Lina")
"""

import datetime
import itertools

from django.utils import timezone

from participation.models import (
    AuthorKind,
    Comment,
    Idea,
    Moderation,
    Phase,
    PhaseKind,
    TrackIndexPage,
    TrackPage,
    Workshop,
    WorkshopParticipant,
)
from tests.factories import make_home_page

_numbers = itertools.count(1)


def make_track_index(**fields):
    index = TrackIndexPage.objects.first()
    if index:
        return index
    home = make_home_page()
    defaults = {
        "title_nl": "Meedenken",
        "slug_nl": "meedenken",
        "title_fr": "Co-création",
        "slug_fr": "co-creation",
        "title_en": "Have your say",
        "slug_en": "have-your-say",
        "intro_nl": "Denk mee.",
    }
    defaults.update(fields)
    index = TrackIndexPage(**defaults)
    home.add_child(instance=index)
    return index


def make_track(phases=None, index=None, today=None, **fields):
    """A live track under the index page. phases: kinds or (kind, first day offset, last day
    offset) from today; default one collecting phase around today."""
    today = today or timezone.localdate()
    n = next(_numbers)
    index = index or make_track_index()
    defaults = {
        "title_nl": f"Traject {n}",
        "slug_nl": f"traject-{n}",
        "title_fr": f"Trajet {n}",
        "slug_fr": f"trajet-{n}",
        "title_en": f"Track {n}",
        "slug_en": f"track-{n}",
        "intro_nl": "Wat wil jij in je buurt?",
        "intro_fr": "Que veux-tu dans ton quartier ?",
        "intro_en": "What do you want in your neighbourhood?",
    }
    defaults.update(fields)
    track = TrackPage(**defaults)
    index.add_child(instance=track)
    for order, spec in enumerate(phases if phases is not None else [PhaseKind.COLLECTING]):
        if isinstance(spec, str):
            kind, start, end = spec, -5, 5
        else:
            kind, start, end = spec
        Phase.objects.create(
            track=track,
            kind=kind,
            sort_order=order,
            start_date=today + datetime.timedelta(days=start),
            end_date=today + datetime.timedelta(days=end),
        )
    return track


def make_idea(track=None, author=None, moderation=Moderation.PUBLISHED, **fields):
    from tests.factories import ParentFactory

    track = track or make_track()
    if author is None and "participant" not in fields:
        author = ParentFactory()
    defaults = {
        "title": f"Idee {next(_numbers)}",
        "body": "Een plek om te spelen na school.",
        "language": "nl",
        "author_kind": AuthorKind.CHILD if fields.get("participant") else AuthorKind.PARENT,
    }
    if fields.get("participant") is not None:
        defaults["workshop"] = fields["participant"].workshop
    defaults.update(fields)
    return Idea.objects.create(track=track, author=author, moderation=moderation, **defaults)


def make_comment(idea=None, author=None, moderation=Moderation.PUBLISHED, **fields):
    from tests.factories import ParentFactory

    idea = idea or make_idea()
    if author is None and "participant" not in fields:
        author = ParentFactory()
    defaults = {"body": "Goed idee!", "language": "nl", "author_kind": AuthorKind.PARENT}
    defaults.update(fields)
    return Comment.objects.create(idea=idea, author=author, moderation=moderation, **defaults)


def make_workshop(track=None, open_now=True, **fields):
    track = track or make_track()
    now = timezone.now()
    defaults = {
        "title": f"Workshop {next(_numbers)}",
        "starts_at": now - datetime.timedelta(hours=1) if open_now else now - datetime.timedelta(days=2),
        "ends_at": now + datetime.timedelta(hours=2) if open_now else now - datetime.timedelta(days=1),
    }
    defaults.update(fields)
    return Workshop.objects.create(track=track, **defaults)


def make_participant(workshop=None, nickname="Lina", **fields):
    return WorkshopParticipant.objects.create(
        workshop=workshop or make_workshop(), nickname=nickname, **fields
    )
