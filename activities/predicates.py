"""(user, obj) predicates about activities and registrations, combined into permissions in rules.py."""

import rules
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.predicates import is_editor
from organisations.predicates import is_member

from .models import JoinMode


def registration_closed_reason(activity):
    """Why nobody can register for an activity now (a translated sentence), or None when open."""
    if activity is None or activity.join_mode != JoinMode.REGISTRATION or not activity.live:
        return _("You cannot register for this activity on Village.")
    if activity.cancelled:
        return _("This activity is cancelled.")
    if activity.last_session_date and activity.last_session_date < timezone.localdate():
        return _("This activity has ended.")
    return None


@rules.predicate
def accepts_registrations(user, activity):
    return registration_closed_reason(activity) is None


@rules.predicate
def is_registration_owner(user, registration):
    """The youth who registered themself, or the parent of the registered child."""
    if registration is None or not user.is_authenticated:
        return False
    if registration.participant_id:
        return registration.participant_id == user.pk
    return registration.child.parent_id == user.pk


@rules.predicate
def is_member_of_activity_organisation(user, activity):
    return activity is not None and is_member(user, activity.organisation)


@rules.predicate
def is_member_of_registration_organisation(user, registration):
    return registration is not None and is_member(user, registration.activity.organisation)


# Children's first names and parents' contacts: only editors besides the organisation's own
# members (moderators judge contributions, they do not need registrations).
can_see_all_registrations = is_editor
