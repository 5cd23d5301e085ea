"""State changes of co-creation tracks, each in one transaction.

Other parts of the app (workshops, moderation) post through `post_idea` and `post_comment` too,
so that every contribution is screened and held the same way:

    idea = services.post_idea(track=track, title=..., body=..., language="nl", author=request.user)
    idea = services.post_idea(track=track, title=..., participant=child)   # workshop, no account

A contribution is held ("pending") when participation.moderation finds a reason: who wrote it
(children, young youths, a track that reviews everything) or what it says (personal data, a
blocked word). Otherwise it is published at once and the idea wall is told.

Permission (phase, role) is checked by the views with the rules in rules.py; the services check
the phase again (a form loaded yesterday must not post into today's results phase) and raise
`NotAllowed` with a translated message.
"""

import logging
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import AccountType
from village import ratelimit

from . import live, moderation
from .models import (
    COMMENT,
    POST_IDEA,
    SUPPORT,
    VOTE,
    AuthorKind,
    Comment,
    Idea,
    Moderation,
    ModerationAction,
    ModerationActionKind,
    Support,
    Vote,
    age_band_for,
)

logger = logging.getLogger("village")


class NotAllowed(Exception):
    """The action is not possible now; str(exc) is a translated sentence for the person."""


class RateLimited(NotAllowed):
    pass


# --- who posts ------------------------------------------------------------------------------
def author_kind_of(author=None, participant=None, on_behalf_group=""):
    if on_behalf_group:
        return AuthorKind.GROUP
    if participant is not None:
        return AuthorKind.CHILD
    roles = author.roles if author is not None else set()
    if author is not None and author.account_type == AccountType.YOUTH:
        return AuthorKind.YOUTH
    if {"moderator", "editor", "coordinator"} & set(roles):
        return AuthorKind.STAFF
    if "partner" in roles:
        return AuthorKind.PARTNER
    return AuthorKind.PARENT


def _age_band(author, participant, age_band):
    if age_band:
        return age_band
    if participant is not None:
        return participant.age_band
    if author is not None and author.account_type == AccountType.YOUTH:
        return age_band_for(author.age)
    return ""


def coordinate(value):
    """A latitude or longitude as stored (6 decimals), or None."""
    if value is None or value == "":
        return None
    return Decimal(str(value)).quantize(Decimal("0.000001"))


def _check_rate(author, participant):
    if participant is not None:
        allowed = ratelimit.allow(
            "participation_post_person", "participant", participant.pk
        ) and ratelimit.allow("participation_post_workshop", participant.workshop_id)
    elif author is not None:
        allowed = ratelimit.allow("participation_post_person", "user", author.pk)
    else:
        allowed = True
    if not allowed:
        raise RateLimited(
            _(
                "You have posted a lot in a short time. Wait a few minutes, then try again; what you wrote is still here."
            )
        )


def _check_phase(track, capability, participant=None):
    if participant is not None and not participant.workshop.is_open:
        raise NotAllowed(_("This workshop has ended."))
    if not track.allows(capability):
        messages = {
            POST_IDEA: _("This track does not collect ideas at the moment."),
            COMMENT: _("You cannot react in this phase of the track."),
            SUPPORT: _("You cannot support ideas in this phase of the track."),
            VOTE: _("Voting is not open in this phase of the track."),
        }
        raise NotAllowed(messages[capability])


def _screen_and_store(contribution, *, track, author, participant):
    """Decide held or published, store it, log an automatic hold."""
    reasons = moderation.hold_reasons_for(contribution, track=track, author=author, participant=participant)
    contribution.hold_reasons = reasons
    contribution.moderation = Moderation.PENDING if reasons else Moderation.PUBLISHED
    contribution.full_clean(
        exclude=["author", "participant", "workshop", "track", "idea", "theme", "activity", "parent", "image"]
    )
    contribution.save()
    if reasons:
        target = {"idea": contribution} if isinstance(contribution, Idea) else {"comment": contribution}
        ModerationAction.objects.create(
            action=ModerationActionKind.HOLD,
            reason="; ".join(
                f"{label}: {detail}" if detail else str(label)
                for label, detail in moderation.describe(reasons)
            ),
            **target,
        )
    return contribution


@transaction.atomic
def post_idea(
    *,
    track,
    title,
    body="",
    language=None,
    author=None,
    participant=None,
    theme=None,
    image=None,
    image_alt="",
    latitude=None,
    longitude=None,
    on_behalf_group="",
    group_size=None,
    age_band="",
    check_phase=True,
    check_rate=True,
):
    """A new idea, held or published. Raises NotAllowed (phase, workshop ended, rate) or
    ValidationError (bad input); nothing is stored then."""
    if check_phase:
        _check_phase(track, POST_IDEA, participant)
    if check_rate:
        _check_rate(author, participant)
    title = moderation.plain_text(title)
    body = moderation.plain_text(body)
    if not title:
        raise ValidationError({"title": _("Give your idea a title.")})
    if (
        track.ideas_need_location
        and (latitude is None or longitude is None)
        and participant is None
        and not on_behalf_group
    ):
        raise ValidationError({"latitude": _("Put your idea on the map.")})
    if image and not image_alt.strip():
        raise ValidationError({"image_alt": _("Say in a few words what the picture shows.")})
    idea = Idea(
        track=track,
        title=title,
        body=body,
        language=(language or (author.preferred_language if author else "nl"))[:2],
        author=author,
        participant=participant,
        workshop=participant.workshop if participant is not None else None,
        author_kind=author_kind_of(author, participant, on_behalf_group),
        on_behalf_group=moderation.plain_text(on_behalf_group),
        group_size=group_size,
        age_band=_age_band(author, participant, age_band),
        theme=theme,
        image_alt=moderation.plain_text(image_alt) if image else "",
        latitude=coordinate(latitude),
        longitude=coordinate(longitude),
    )
    if image:
        idea.image = image
    _screen_and_store(idea, track=track, author=author, participant=participant)
    if idea.is_public:
        live.idea_changed(idea)
    return idea


@transaction.atomic
def post_comment(
    *,
    idea,
    body,
    language=None,
    author=None,
    participant=None,
    parent=None,
    check_phase=True,
    check_rate=True,
):
    """A comment on a public idea, or a reply to a comment (one level)."""
    if not idea.is_public:
        raise NotAllowed(_("You can only react to a published idea."))
    if check_phase:
        _check_phase(idea.track, COMMENT, participant)
    body = moderation.plain_text(body)
    if not body:
        raise ValidationError({"body": _("Write your reaction.")})
    if parent is not None:
        if parent.idea_id != idea.pk:
            raise ValidationError({"parent": _("This comment belongs to another idea.")})
        if parent.parent_id:
            parent = parent.parent  # a reply to a reply joins the same thread
        if not parent.is_public:
            raise NotAllowed(_("You can only reply to a published comment."))
    if check_rate:
        _check_rate(author, participant)
    comment = Comment(
        idea=idea,
        parent=parent,
        body=body,
        language=(language or (author.preferred_language if author else "nl"))[:2],
        author=author,
        participant=participant,
        workshop=participant.workshop if participant is not None else None,
        author_kind=author_kind_of(author, participant),
        age_band=_age_band(author, participant, ""),
    )
    _screen_and_store(comment, track=idea.track, author=author, participant=participant)
    if comment.is_public:
        Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
    return comment


# --- reactions --------------------------------------------------------------------------------
def _voter(user=None, participant=None):
    return {"participant": participant} if participant is not None else {"user": user}


def toggle_support(idea, *, user=None, participant=None, check_phase=True):
    """Support an idea, or take the support back. Returns True when the person supports it now."""
    if not idea.is_public:
        raise NotAllowed(_("You can only support a published idea."))
    if check_phase:
        _check_phase(idea.track, SUPPORT, participant)
    who = _voter(user, participant)
    with transaction.atomic():
        deleted, _rows = Support.objects.filter(idea=idea, **who).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk, support_count__gt=0).update(support_count=F("support_count") - 1)
            supported = False
        else:
            try:
                with transaction.atomic():
                    Support.objects.create(idea=idea, **who)
            except IntegrityError:  # a double tap: the other request counted it
                return True
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
            supported = True
    idea.refresh_from_db(fields=["support_count"])
    return supported


def votes_used(track, *, user=None, participant=None):
    return (
        Vote.objects.filter(idea__track=track, **_voter(user, participant)).aggregate(total=Sum("count"))[
            "total"
        ]
        or 0
    )


def votes_left(track, *, user=None, participant=None):
    return max(track.votes_per_participant - votes_used(track, user=user, participant=participant), 0)


def set_votes(idea, count, *, user=None, participant=None, check_phase=True):
    """Give an idea `count` of your votes (0 takes them back). The total over the track stays
    within track.votes_per_participant."""
    from accounts.models import User

    track = idea.track
    if not idea.is_public:
        raise NotAllowed(_("You can only vote for a published idea."))
    if check_phase:
        _check_phase(track, VOTE, participant)
    try:
        count = int(count)
    except (TypeError, ValueError):
        raise ValidationError({"count": _("Choose a number of votes.")}) from None
    if count < 0:
        raise ValidationError({"count": _("Choose a number of votes.")})
    who = _voter(user, participant)
    with transaction.atomic():
        # One voter at a time (two tabs cannot spend the same votes twice).
        if participant is not None:
            type(participant).objects.select_for_update().filter(pk=participant.pk).first()
        else:
            User.objects.select_for_update().filter(pk=user.pk).first()
        current = Vote.objects.filter(idea=idea, **who).first()
        already = current.count if current else 0
        others = votes_used(track, user=user, participant=participant) - already
        if others + count > track.votes_per_participant:
            left = max(track.votes_per_participant - others, 0)
            raise NotAllowed(
                ngettext(
                    "You have %(left)s vote left for this track.",
                    "You have %(left)s votes left for this track.",
                    left,
                )
                % {"left": left}
            )
        if count == 0:
            if current:
                current.delete()
        elif current:
            current.count = count
            current.save(update_fields=["count"])
        else:
            Vote.objects.create(idea=idea, count=count, **who)
        Idea.objects.filter(pk=idea.pk).update(vote_count=F("vote_count") + (count - already))
    idea.refresh_from_db(fields=["vote_count"])
    return count


def refresh_counts(idea):
    """Count supports, votes and published comments again (after moderation changed a comment)."""
    counts = Idea.objects.filter(pk=idea.pk).aggregate(
        supports=Count("supports", distinct=True),
        comments=Count("comments", filter=Q(comments__moderation=Moderation.PUBLISHED), distinct=True),
    )
    votes = Vote.objects.filter(idea=idea).aggregate(total=Sum("count"))["total"] or 0
    Idea.objects.filter(pk=idea.pk).update(
        support_count=counts["supports"], comment_count=counts["comments"], vote_count=votes
    )
    idea.refresh_from_db(fields=["support_count", "comment_count", "vote_count"])
    return idea


# --- closing the loop (used by the demo; the moderation helper adds notifications) -----------
@transaction.atomic
def record_status(idea, status, *, explanations=None, changed_by=None, at=None):
    """A new status with its explanation {language: text}. Returns the IdeaStatusChange."""
    from .models import IdeaStatusChange

    change = IdeaStatusChange(
        idea=idea, status=status, changed_by=changed_by, changed_at=at or timezone.now()
    )
    for language, text in (explanations or {}).items():
        setattr(change, f"explanation_{language}", moderation.plain_text(text))
    change.save()
    idea.status = status
    idea.status_changed_at = change.changed_at
    idea.save(update_fields=["status", "status_changed_at", "updated_at"])
    return change


# --- privacy (accounts.privacy) ---------------------------------------------------------------
def export_personal_data(user):
    ideas = Idea.objects.filter(author=user, participant__isnull=True)
    comments = Comment.objects.filter(author=user, participant__isnull=True)
    return {
        "ideas": [
            {
                "title": i.title,
                "text": i.body,
                "track": i.track.title,
                "posted_at": i.created_at.isoformat(),
                "status": i.status,
            }
            for i in ideas.select_related("track")
        ],
        "comments": [
            {"text": c.body, "idea": c.idea.title, "posted_at": c.created_at.isoformat()}
            for c in comments.select_related("idea")
        ],
        "supports": [s.idea.title for s in Support.objects.filter(user=user).select_related("idea")],
        "votes": [
            {"idea": v.idea.title, "count": v.count}
            for v in Vote.objects.filter(user=user).select_related("idea")
        ],
    }


def erase_personal_data(user):
    """Ideas and comments stay (anonymous: the author goes with the account); supports and votes go."""
    ideas = list(Idea.objects.filter(Q(supports__user=user) | Q(votes__user=user)).distinct())
    Support.objects.filter(user=user).delete()
    Vote.objects.filter(user=user).delete()
    for idea in ideas:
        refresh_counts(idea)
