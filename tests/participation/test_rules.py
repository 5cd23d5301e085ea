"""Who may do what, for every role in every kind of phase. What a phase allows is data
(PHASE_CAPABILITIES); these tests pin the resulting permissions."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.roles import COORDINATOR, EDITOR, MODERATOR
from participation.models import PHASE_CAPABILITIES, PhaseKind
from tests.factories import (
    OrganisationFactory,
    ParentFactory,
    ProfessionalFactory,
    YouthFactory,
    make_partner,
    make_staff,
)
from tests.participation.factories import make_idea, make_track

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "parent", "youth", "partner", "coordinator", "moderator", "editor", "professional"]


def person(role, organisation=None):
    if role == "anonymous":
        return AnonymousUser()
    if role == "parent":
        return ParentFactory()
    if role == "youth":
        return YouthFactory()
    if role == "partner":
        return make_partner(organisation)
    if role == "professional":
        return ProfessionalFactory()  # an account without any role
    return make_staff({"coordinator": COORDINATOR, "moderator": MODERATOR, "editor": EDITOR}[role])


TAKES_PART = {"parent", "youth", "partner", "coordinator"}
ANSWERS = {"coordinator", "moderator", "editor"}
VOTES = {"parent", "youth"}

# (permission, capability the phase must allow, roles that may do it when the phase allows it)
EXPECTED = [
    ("participation.post_idea", "post_idea", TAKES_PART),
    ("participation.comment", "comment", TAKES_PART | ANSWERS),
    ("participation.support", "support", TAKES_PART),
    ("participation.vote", "vote", VOTES),
]


@pytest.mark.parametrize("kind", list(PhaseKind))
@pytest.mark.parametrize("role", ROLES)
def test_every_role_in_every_phase(kind, role):
    organisation = OrganisationFactory()
    track = make_track(phases=[kind], organisation=organisation)
    idea = make_idea(track)
    user = person(role, organisation)
    for perm, capability, roles in EXPECTED:
        target = track if perm == "participation.post_idea" else idea
        expected = capability in PHASE_CAPABILITIES[kind] and role in roles
        assert user.has_perm(perm, target) is expected, (perm, kind, role)


def test_the_capabilities_per_phase_are_as_announced():
    assert PHASE_CAPABILITIES[PhaseKind.INFORMATION] == set()
    assert PHASE_CAPABILITIES[PhaseKind.COLLECTING] == {"post_idea", "comment", "support"}
    assert PHASE_CAPABILITIES[PhaseKind.DISCUSSING] == {"comment", "support"}
    assert PHASE_CAPABILITIES[PhaseKind.PRIORITISING] == {"vote"}
    assert PHASE_CAPABILITIES[PhaseKind.RESULTS] == set()


def test_nothing_can_be_done_between_phases_or_after_the_end():
    parent = ParentFactory()
    between = make_track(phases=[("collecting", -20, -10), ("prioritising", 10, 20)])
    ended = make_track(phases=[("collecting", -20, -10)])
    upcoming = make_track(phases=[("collecting", 5, 10)])
    for track in (between, ended, upcoming):
        assert track.current_phase() is None
        assert not parent.has_perm("participation.post_idea", track)


def test_a_skipped_phase_is_simply_absent():
    """A track may go from collecting straight to results: no voting ever."""
    track = make_track(phases=[("collecting", -20, -1), ("results", 0, 30)])
    idea = make_idea(track)
    assert track.current_phase().kind == PhaseKind.RESULTS
    assert not ParentFactory().has_perm("participation.vote", idea)


def test_held_ideas_cannot_be_commented_supported_or_voted():
    track = make_track(phases=["collecting"])
    held = make_idea(track, moderation="pending")
    parent = ParentFactory()
    assert not parent.has_perm("participation.comment", held)
    assert not parent.has_perm("participation.support", held)


def test_nobody_supports_their_own_idea():
    track = make_track(phases=["collecting"])
    author = ParentFactory()
    idea = make_idea(track, author=author)
    assert not author.has_perm("participation.support", idea)
    assert ParentFactory().has_perm("participation.support", idea)


def test_the_responsible_person_may_comment_and_give_statuses():
    responsible = ProfessionalFactory()
    track = make_track(phases=["discussing"], responsible=responsible)
    idea = make_idea(track)
    assert responsible.has_perm("participation.comment", idea)
    assert responsible.has_perm("participation.change_idea_status", idea)
    assert not ProfessionalFactory().has_perm("participation.change_idea_status", idea)
    assert not ParentFactory().has_perm("participation.change_idea_status", idea)


@pytest.mark.parametrize(
    "role,expected",
    [
        ("partner", True),
        ("coordinator", True),
        ("parent", False),
        ("moderator", False),
        ("professional", False),
    ],
)
def test_who_opens_workshops(role, expected):
    organisation = OrganisationFactory()
    track = make_track(organisation=organisation)
    assert person(role, organisation).has_perm("participation.open_workshop", track) is expected


def test_a_partner_of_another_organisation_cannot_open_a_workshop():
    track = make_track(organisation=OrganisationFactory())
    assert not make_partner(OrganisationFactory()).has_perm("participation.open_workshop", track)
