"""Rules about one track, workshop or contribution, and the services that change them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from accounts.models import current_year
from participation import services
from participation.models import (
    WORKSHOP_CODE_ALPHABET,
    AuthorKind,
    Comment,
    Idea,
    Moderation,
    ModerationAction,
    PhaseKind,
    Workshop,
    normalise_workshop_code,
)
from tests.factories import ParentFactory, YouthFactory
from tests.participation.factories import make_comment, make_idea, make_participant, make_track, make_workshop

pytestmark = pytest.mark.django_db


def test_current_phase_follows_the_dates():
    today = timezone.localdate()
    track = make_track(phases=[("information", -10, -1), ("collecting", 0, 5), ("results", 10, 20)])
    assert track.current_phase().kind == PhaseKind.COLLECTING
    assert track.current_phase(today + datetime.timedelta(days=7)) is None  # between phases
    assert track.current_phase(today + datetime.timedelta(days=12)).kind == PhaseKind.RESULTS
    assert track.state(today - datetime.timedelta(days=20)) == "upcoming"
    assert track.state(today + datetime.timedelta(days=30)) == "ended"


def test_workshop_codes_are_easy_to_type_and_open_only_during_the_workshop():
    workshop = make_workshop()
    assert len(workshop.code) == 6 and set(workshop.code) <= set(WORKSHOP_CODE_ALPHABET)
    assert not set(workshop.code) & set("0O1IL")
    assert Workshop.objects.open_now().get() == workshop
    assert Workshop.objects.by_code(f" {workshop.code.lower()[:3]}-{workshop.code[3:]} ").get() == workshop
    ended = make_workshop(open_now=False)
    assert not ended.is_open and ended not in Workshop.objects.open_now()


@given(st.text(max_size=12))
def test_normalising_a_code_never_fails(text):
    code = normalise_workshop_code(text)
    assert code == code.upper() and " " not in code


def test_a_reply_to_a_reply_is_refused_by_the_model():
    idea = make_idea()
    first = make_comment(idea)
    reply = make_comment(idea, parent=first)
    with pytest.raises(ValidationError):
        Comment(idea=idea, parent=reply, body="x", author_kind=AuthorKind.PARENT).full_clean()


def test_a_parent_idea_is_published_and_a_young_youths_is_held():
    track = make_track()
    parent_idea = services.post_idea(track=track, title="Schaduw", author=ParentFactory())
    assert parent_idea.moderation == Moderation.PUBLISHED and parent_idea.author_kind == AuthorKind.PARENT
    young = YouthFactory(birth_year=current_year() - 13)
    youth_idea = services.post_idea(track=track, title="Chillplek", author=young)
    assert youth_idea.moderation == Moderation.PENDING and youth_idea.author_kind == AuthorKind.YOUTH
    assert youth_idea.age_band == "12_14"
    assert ModerationAction.objects.filter(idea=youth_idea, action="hold", moderator=None).exists()


def test_workshop_children_are_always_held_and_premoderation_holds_everyone():
    track = make_track()
    child = make_participant(make_workshop(track))
    idea = services.post_idea(track=track, title="Klimrek", participant=child)
    assert idea.is_held and idea.workshop == child.workshop and idea.author_kind == AuthorKind.CHILD
    track.premoderate_all = True
    track.save()
    assert services.post_idea(track=track, title="Bank", author=ParentFactory()).is_held


def test_a_child_cannot_post_after_the_workshop_ended():
    track = make_track()
    child = make_participant(make_workshop(track, open_now=False))
    with pytest.raises(services.NotAllowed):
        services.post_idea(track=track, title="Te laat", participant=child)
    assert not Idea.objects.exists()


def test_posting_is_rate_limited_per_person(settings):
    settings.VILLAGE_RATE_LIMITS = {**settings.VILLAGE_RATE_LIMITS, "participation_post_person": (2, 600)}
    track = make_track()
    parent = ParentFactory()
    services.post_idea(track=track, title="Een", author=parent)
    services.post_idea(track=track, title="Twee", author=parent)
    with pytest.raises(services.RateLimited):
        services.post_idea(track=track, title="Drie", author=parent)
    assert Idea.objects.count() == 2


def test_votes_never_exceed_the_track_limit():
    track = make_track(phases=["prioritising"], votes_per_participant=3)
    first, second = make_idea(track), make_idea(track)
    voter = ParentFactory()
    services.set_votes(first, 2, user=voter)
    with pytest.raises(services.NotAllowed):
        services.set_votes(second, 2, user=voter)
    services.set_votes(first, 0, user=voter)
    services.set_votes(second, 3, user=voter)
    assert services.votes_left(track, user=voter) == 0
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.vote_count, second.vote_count) == (0, 3)


def test_support_counts_stay_right_and_refresh_counts_repairs_them():
    idea = make_idea()
    people = [ParentFactory() for _ in range(3)]
    for person in people:
        assert services.toggle_support(idea, user=person) is True
    assert services.toggle_support(idea, user=people[0]) is False
    idea.refresh_from_db()
    assert idea.support_count == 2
    Idea.objects.filter(pk=idea.pk).update(support_count=99)
    assert services.refresh_counts(idea).support_count == 2


def test_erasing_a_person_keeps_their_ideas_anonymous_and_drops_supports():
    author, supporter = ParentFactory(), ParentFactory()
    idea = make_idea(author=author)
    services.toggle_support(idea, user=supporter)
    services.erase_personal_data(supporter)
    supporter.delete()
    author.delete()
    idea.refresh_from_db()
    assert idea.support_count == 0 and idea.author is None and idea.author_name
