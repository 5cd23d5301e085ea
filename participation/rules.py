import rules

from accounts.predicates import is_coordinator, is_moderator

from .predicates import (
    answers_for_track,
    idea_is_public,
    is_idea_author,
    is_member_of_track_organisation,
    is_track_responsible,
    phase_allows_comment,
    phase_allows_post_idea,
    phase_allows_support,
    phase_allows_vote,
    takes_part,
    votes,
)

# obj: a TrackPage (post_idea, open_workshop, ...) or an Idea of the track.
rules.add_perm("participation.post_idea", takes_part & phase_allows_post_idea)
rules.add_perm(
    "participation.comment", (takes_part | answers_for_track) & phase_allows_comment & idea_is_public
)
rules.add_perm("participation.support", takes_part & phase_allows_support & idea_is_public & ~is_idea_author)
rules.add_perm("participation.vote", votes & phase_allows_vote & idea_is_public)
# Closing the loop: a status with an explanation.
rules.add_perm("participation.change_idea_status", answers_for_track)
# Workshops for children: the track's organisation, its responsible person, coordinators.
rules.add_perm(
    "participation.open_workshop", is_member_of_track_organisation | is_track_responsible | is_coordinator
)
rules.add_perm("participation.moderate", is_moderator)
rules.add_perm("participation.export_track", answers_for_track | is_member_of_track_organisation)
