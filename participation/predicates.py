"""(user, obj) predicates about co-creation tracks, combined into permissions in rules.py.

What a phase allows is data (models.PHASE_CAPABILITIES); these predicates read it, so views
and services never test phase kinds themselves. `obj` is a TrackPage or an Idea (or a
Comment) of the track.
"""

import rules

from accounts.predicates import is_coordinator, is_editor, is_moderator, is_parent, is_partner, is_youth
from organisations.predicates import is_member

from .models import COMMENT, POST_IDEA, SUPPORT, VOTE, Comment, Idea


def track_of(obj):
    if isinstance(obj, Comment):
        return obj.idea.track
    if isinstance(obj, Idea):
        return obj.track
    return obj


def idea_of(obj):
    if isinstance(obj, Comment):
        return obj.idea
    return obj if isinstance(obj, Idea) else None


def _phase_allows(capability):
    @rules.predicate(name=f"phase_allows_{capability}")
    def predicate(user, obj):
        track = track_of(obj)
        return track is not None and track.allows(capability)

    return predicate


phase_allows_post_idea = _phase_allows(POST_IDEA)
phase_allows_comment = _phase_allows(COMMENT)
phase_allows_support = _phase_allows(SUPPORT)
phase_allows_vote = _phase_allows(VOTE)


@rules.predicate
def is_track_responsible(user, obj):
    track = track_of(obj)
    return track is not None and user.is_authenticated and track.responsible_id == user.pk


@rules.predicate
def is_member_of_track_organisation(user, obj):
    track = track_of(obj)
    return track is not None and track.organisation_id is not None and is_member(user, track.organisation)


@rules.predicate
def idea_is_public(user, obj):
    idea = idea_of(obj)
    return idea is not None and idea.is_public


@rules.predicate
def is_idea_author(user, obj):
    idea = idea_of(obj)
    return (
        idea is not None and user.is_authenticated and idea.author_id == user.pk and not idea.participant_id
    )


# The people a track is for: parents, youths, and the partners and coordinators who work with them.
takes_part = is_parent | is_youth | is_partner | is_coordinator
# Those who vote in the prioritising phase: the people the track asks (children vote in workshops).
votes = is_parent | is_youth
# Those who answer for a track: its responsible person, coordinators, moderators, editors.
answers_for_track = is_track_responsible | is_coordinator | is_moderator | is_editor
