"""Moderators' decisions and reports: approve, hide, remove; anybody reports.

Every decision is logged (ModerationAction: who, when, what, why), closes the open reports of
the contribution, tells the idea walls (participation.live) after the commit, and tells an
author with an account in-site and by e-mail, in their language, with the reason. Children in
workshops have no account: they see the decision on their workshop's results page.
"""

import rules
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import ngettext

from accounts.predicates import is_editor, is_moderator

from .models import Comment, Idea, Moderation, ModerationAction, ModerationActionKind, Report
from .predicates import answers_for_track, is_member_of_track_organisation

# Moderators and editors work the queue across all tracks.
moderates = is_moderator | is_editor
rules.add_perm("participation.moderate_contributions", moderates)
# Closing the loop: the track's responsible person, coordinators, moderators, editors, and the
# partners of the track's organisation give ideas a status.
rules.add_perm("participation.set_idea_status", answers_for_track | is_member_of_track_organisation)

# This many reports by different people hold a public contribution until a moderator looks.
REPORTS_TO_HOLD = 3


class AlreadyReported(Exception):
    """This person reported this contribution before."""


def _kind(contribution):
    return "idea" if isinstance(contribution, Idea) else "comment"


def _idea_of(contribution):
    return contribution if isinstance(contribution, Idea) else contribution.idea


def _log(contribution, action, *, moderator=None, reason=""):
    return ModerationAction.objects.create(
        **{_kind(contribution): contribution}, action=action, moderator=moderator, reason=reason
    )


def _after_change(contribution):
    from . import live

    idea = _idea_of(contribution)
    if isinstance(contribution, Comment):
        from .services import refresh_counts

        refresh_counts(idea)
    live.idea_changed(idea)


def _notify_author(contribution, action, reason):
    """In-site notification and e-mail to an author with an account."""
    author = contribution.author if contribution.author_id and not contribution.participant_id else None
    if author is None:
        return
    from notifications.services import notify

    idea = _idea_of(contribution)
    notify(
        author,
        template_prefix="participation/email/moderation_decision",
        context={
            "action": action,
            "reason": reason,
            "kind": _kind(contribution),
            "idea": idea,
            "track": idea.track,
        },
        url=contribution.get_absolute_url,
    )


def _decide(contribution, *, moderator, state, action, reason):
    reason = (reason or "").strip()
    with transaction.atomic():
        model = type(contribution)
        locked = model.objects.select_for_update().get(pk=contribution.pk)
        locked.moderation = state
        locked.moderation_reason = reason
        locked.moderated_at = timezone.now()
        locked.save(update_fields=["moderation", "moderation_reason", "moderated_at", "updated_at"])
        Report.objects.open().filter(**{_kind(contribution): locked}).update(
            resolved_at=locked.moderated_at, resolved_by=moderator
        )
        _log(locked, action, moderator=moderator, reason=reason)
        _after_change(locked)
        _notify_author(locked, action, reason)
    contribution.moderation = locked.moderation
    contribution.moderation_reason = locked.moderation_reason
    contribution.moderated_at = locked.moderated_at
    return locked


def approve(contribution, moderator, reason=""):
    """Make a held (or hidden, or reported) contribution public."""
    return _decide(
        contribution,
        moderator=moderator,
        state=Moderation.PUBLISHED,
        action=ModerationActionKind.APPROVE,
        reason=reason,
    )


def hide(contribution, moderator, reason=""):
    """Take a contribution out of public view; the author still sees it with the reason, and a
    moderator can approve it later (e.g. after the author's question)."""
    return _decide(
        contribution,
        moderator=moderator,
        state=Moderation.HIDDEN,
        action=ModerationActionKind.HIDE,
        reason=reason,
    )


def remove(contribution, moderator, reason=""):
    """Remove a contribution for good (it stays in the log for the moderators)."""
    return _decide(
        contribution,
        moderator=moderator,
        state=Moderation.REMOVED,
        action=ModerationActionKind.REMOVE,
        reason=reason,
    )


ACTIONS = {"approve": approve, "hide": hide, "remove": remove}


def log_automatic_hold(contribution, reasons):
    """Called by whoever stores a held contribution: the hold goes in the log too."""
    from .moderation import describe

    text = "; ".join(f"{label}: {detail}" if detail else str(label) for label, detail in describe(reasons))
    return _log(contribution, ModerationActionKind.HOLD, reason=text[:1000])


# --- reports ---------------------------------------------------------------------------------


def already_reported(contribution, *, reporter=None, session_key=""):
    reports = Report.objects.filter(**{_kind(contribution): contribution})
    if reporter is not None and reporter.is_authenticated:
        return reports.filter(reporter=reporter).exists()
    return bool(session_key) and reports.filter(session_key=session_key, reporter__isnull=True).exists()


def report(contribution, *, reason, explanation="", reporter=None, session_key=""):
    """Store a report (one per person, or per browser session for people without an account).

    When REPORTS_TO_HOLD different people reported a public contribution, it is held until a
    moderator decides (logged as an automatic hold)."""
    from .moderation import plain_text

    if reporter is not None and not reporter.is_authenticated:
        reporter = None
    with transaction.atomic():
        if already_reported(contribution, reporter=reporter, session_key=session_key):
            raise AlreadyReported
        try:
            with transaction.atomic():
                created = Report.objects.create(
                    **{_kind(contribution): contribution},
                    reporter=reporter,
                    session_key="" if reporter else session_key,
                    reason=reason,
                    explanation=plain_text(explanation)[:1000],
                )
        except IntegrityError:
            raise AlreadyReported from None
        open_reports = Report.objects.open().filter(**{_kind(contribution): contribution}).count()
        if contribution.is_public and open_reports >= REPORTS_TO_HOLD:
            type(contribution).objects.filter(pk=contribution.pk).update(moderation=Moderation.PENDING)
            contribution.moderation = Moderation.PENDING
            _log(
                contribution,
                ModerationActionKind.HOLD,
                reason=ngettext("Reported by %(count)s person", "Reported by %(count)s people", open_reports)
                % {"count": open_reports},
            )
            _after_change(contribution)
    return created


# --- the queue ---------------------------------------------------------------------------------


def _queue_filter(kind):
    open_reports = Report.objects.open().filter(**{kind: OuterRef("pk")})
    return Q(moderation=Moderation.PENDING) | Q(Exists(open_reports))


def queue_ideas():
    open_reports = Prefetch(
        "reports", queryset=Report.objects.open().select_related("reporter"), to_attr="open_reports"
    )
    return (
        Idea.objects.filter(_queue_filter("idea"))
        .exclude(moderation=Moderation.REMOVED)
        .select_related("track", "workshop", "author", "participant", "theme")
        .prefetch_related(open_reports)
        .order_by("created_at", "pk")
    )


def queue_comments():
    open_reports = Prefetch(
        "reports", queryset=Report.objects.open().select_related("reporter"), to_attr="open_reports"
    )
    return (
        Comment.objects.filter(_queue_filter("comment"))
        .exclude(moderation=Moderation.REMOVED)
        .select_related("idea__track", "workshop", "author", "participant")
        .prefetch_related(open_reports)
        .order_by("created_at", "pk")
    )


def queue_count():
    """How many contributions wait for a moderator (the number on the admin menu item)."""
    ideas = Idea.objects.filter(_queue_filter("idea")).exclude(moderation=Moderation.REMOVED)
    comments = Comment.objects.filter(_queue_filter("comment")).exclude(moderation=Moderation.REMOVED)
    return ideas.count() + comments.count()


def recent_actions(limit=100):
    return ModerationAction.objects.select_related("moderator", "idea__track", "comment__idea").order_by(
        "-at", "-pk"
    )[:limit]


def with_own_decided(queryset, user):
    """`queryset` (visible_to(user)) plus the person's own hidden and removed contributions, so
    that an author can read a moderator's decision and reason on their own idea or comment."""
    if user is None or not user.is_authenticated:
        return queryset
    own = queryset.model.objects.filter(
        author=user, participant__isnull=True, moderation__in=[Moderation.HIDDEN, Moderation.REMOVED]
    )
    return queryset | own
