"""State changes of learning networks: invitations, members, sessions, RSVPs, minutes.

Each function runs in a transaction; e-mails are queued inside it (village.mail's outbox: an
e-mail exists only if the transaction commits). E-mails go to members of the network only,
each in the recipient's language, and carry links rather than confidential content.
"""

from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from village.mail import render_and_queue_email

from . import ical
from .access import forget_memberships
from .models import (
    AgendaItem,
    Invitation,
    MemberRole,
    NetworkMember,
    Poll,
    PollOption,
    Rsvp,
    Session,
)


class NetworkError(Exception):
    """A change that is refused, with a translated message for the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


# --- invitations ---------------------------------------------------------------------------


def email_addresses_of(user):
    from allauth.account.models import EmailAddress

    addresses = {user.email.lower()}
    addresses.update(
        address.lower()
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    )
    return addresses


@transaction.atomic
def invite_people(*, actor, network, emails, role=MemberRole.MEMBER, language="nl"):
    """Invite addresses to a network; e-mail each an accept link in their own language.

    Existing members are skipped; an earlier pending invitation of the same address is
    withdrawn (only the newest link works). Returns (invitations, skipped_emails).
    """
    emails = list(dict.fromkeys(email.strip().lower() for email in emails if email.strip()))
    member_emails = set(
        NetworkMember.objects.filter(network=network, user__email__in=emails).values_list(
            "user__email", flat=True
        )
    )
    users = {user.email.lower(): user for user in User.objects.filter(email__in=emails)}
    invitations, skipped = [], []
    now = timezone.now()
    for email in emails:
        if email in {address.lower() for address in member_emails}:
            skipped.append(email)
            continue
        Invitation.objects.pending(now).filter(network=network, email=email).update(revoked_at=now)
        existing = users.get(email)
        invitee_language = existing.preferred_language if existing else language
        invitation = Invitation.issue(
            network=network, email=email, role=role, invited_by=actor, language=invitee_language
        )
        render_and_queue_email(
            to=email,
            template_prefix="network/email/invitation",
            context={
                "network": network,
                "invitation": invitation,
                "inviter": actor,
                "invitee": existing,
                "accept_url": _url("network:invitation_accept", invitee_language, token=invitation.token),
            },
            language=invitee_language,
        )
        invitations.append(invitation)
    return invitations, skipped


def invitation_problem(invitation, user=None):
    """Why this invitation cannot be accepted (a translated sentence), or None."""
    if invitation.accepted_at:
        if user is not None and invitation.accepted_by_id == user.pk:
            return _("You have already accepted this invitation.")
        return _("This invitation has already been used. Ask the facilitator of the network for a new one.")
    if invitation.revoked_at:
        return _("This invitation has been withdrawn. Ask the facilitator of the network for a new one.")
    if invitation.is_expired:
        return _("This invitation has expired. Ask the facilitator of the network for a new one.")
    if user is not None and invitation.email.lower() not in email_addresses_of(user):
        return _(
            "This invitation was sent to %(email)s. Log in with that e-mail address, or add it to your account."
        ) % {"email": invitation.email}
    return None


@transaction.atomic
def accept_invitation(*, invitation, user):
    """Make the user a member (once: the invitation is locked and used up). Returns the membership."""
    invitation = Invitation.objects.select_for_update().select_related("network").get(pk=invitation.pk)
    problem = invitation_problem(invitation, user)
    if problem:
        raise NetworkError(problem)
    membership, created = NetworkMember.objects.get_or_create(
        network=invitation.network, user=user, defaults={"role": invitation.role}
    )
    if (
        not created
        and invitation.role == MemberRole.FACILITATOR
        and membership.role != MemberRole.FACILITATOR
    ):
        membership.role = MemberRole.FACILITATOR
        membership.save(update_fields=["role"])
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    forget_memberships(user)
    return membership


@transaction.atomic
def withdraw_invitation(*, actor, invitation):
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
    return invitation


# --- members -------------------------------------------------------------------------------


def _refuse_losing_last_facilitator(membership):
    if membership.role != MemberRole.FACILITATOR:
        return
    others = (
        NetworkMember.objects.select_for_update()
        .filter(network_id=membership.network_id, role=MemberRole.FACILITATOR)
        .exclude(pk=membership.pk)
    )
    if not others.exists():
        raise NetworkError(
            _("A network needs at least one facilitator. Make someone else facilitator first.")
        )


@transaction.atomic
def change_member_role(*, actor, membership, role):
    if role not in MemberRole.values:
        raise NetworkError(_("Choose a role."))
    if role != MemberRole.FACILITATOR:
        _refuse_losing_last_facilitator(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    forget_memberships(membership.user)
    return membership


@transaction.atomic
def remove_member(*, actor, membership):
    """Removes a member (or lets a member leave). What they wrote stays, under their name."""
    _refuse_losing_last_facilitator(membership)
    membership.delete()
    forget_memberships(membership.user)


# --- sessions ------------------------------------------------------------------------------


def session_calendar_text(session, language):
    with translation.override(language):
        url = session.get_absolute_url()
        return ical.session_calendar(session, url=url)


def _email_members_about_session(session, template_prefix, *, with_calendar=False, exclude_user=None):
    memberships = NetworkMember.objects.filter(network_id=session.network_id).select_related("user")
    agenda = list(session.agenda_items.all())
    for membership in memberships:
        person = membership.user
        if exclude_user is not None and person.pk == exclude_user.pk:
            continue
        language = person.preferred_language or "nl"
        attachments = []
        if with_calendar:
            attachments.append(("session.ics", session_calendar_text(session, language), "text/calendar"))
        render_and_queue_email(
            to=person.email,
            template_prefix=template_prefix,
            context={
                "person": person,
                "network": session.network,
                "session": session,
                "agenda": agenda,
                "session_url": _url(
                    "network:session_detail", language, slug=session.network.slug, pk=session.pk
                ),
            },
            language=language,
            attachments=attachments,
        )


@transaction.atomic
def schedule_session(*, actor, network, title, starts_at, ends_at, agenda_titles=()):
    """Create a session with its agenda and invite every member by e-mail with an .ics file."""
    session = Session.objects.create(
        network=network, title=title, starts_at=starts_at, ends_at=ends_at, created_by=actor
    )
    AgendaItem.objects.bulk_create(
        [AgendaItem(session=session, order=order, title=item) for order, item in enumerate(agenda_titles)]
    )
    _email_members_about_session(session, "network/email/session_invitation", with_calendar=True)
    return session


@transaction.atomic
def cancel_session(*, actor, session):
    """Cancel a session that has not ended; members get an e-mail with a cancelling .ics file."""
    session = Session.objects.select_for_update().select_related("network").get(pk=session.pk)
    if session.cancelled_at:
        return session
    if session.has_ended():
        raise NetworkError(_("This session is over."))
    session.cancelled_at = timezone.now()
    session.save(update_fields=["cancelled_at"])
    _email_members_about_session(session, "network/email/session_cancelled", with_calendar=True)
    return session


@transaction.atomic
def answer_rsvp(*, user, session, answer):
    rsvp, _created = Rsvp.objects.update_or_create(
        session=session, user=user, defaults={"answer": answer, "answered_at": timezone.now()}
    )
    return rsvp


def poll_summaries(session):
    """[(poll, [(option, votes)], total)] for a session, in a fixed number of queries."""
    polls = list(
        Poll.objects.filter(session=session)
        .prefetch_related("options")
        .annotate(total=Count("votes"))
        .order_by("created_at", "id")
    )
    counts = dict(
        PollOption.objects.filter(poll__session=session).annotate(n=Count("votes")).values_list("pk", "n")
    )
    return [
        (poll, [(option, counts.get(option.pk, 0)) for option in poll.options.all()], poll.total)
        for poll in polls
    ]


def minutes_draft(session):
    """Minutes pre-filled from the agenda (with notes) and the polls' results, in the active language."""
    lines = []
    for number, item in enumerate(session.agenda_items.all(), start=1):
        lines.append(f"{number}. {item.title}")
        if item.notes:
            lines.append(item.notes.strip())
        lines.append("")
    summaries = poll_summaries(session)
    if summaries:
        lines.append(_("Polls"))
        for poll, results, total in summaries:
            lines.append(f"- {poll.question}")
            for option, votes in results:
                share = round(100 * votes / total) if total else 0
                lines.append(f"  {option.text}: {votes} ({share}%)")
        lines.append("")
    return "\n".join(lines).strip() + "\n" if lines else ""


@transaction.atomic
def save_minutes(*, actor, session, minutes, decisions, publish=False):
    """Save the minutes and decisions; publishing (once) e-mails every member a link."""
    session = Session.objects.select_for_update().select_related("network").get(pk=session.pk)
    session.minutes = minutes
    session.decisions = decisions
    first_publication = publish and session.minutes_published_at is None
    if first_publication:
        session.minutes_published_at = timezone.now()
    session.save(update_fields=["minutes", "decisions", "minutes_published_at"])
    if first_publication:
        _email_members_about_session(session, "network/email/minutes_published", exclude_user=actor)
    return session


def rsvp_summary(session):
    """{answer: [users]} for a session (one query)."""
    summary = {"yes": [], "maybe": [], "no": []}
    for rsvp in session.rsvps.select_related("user").order_by("user__display_name"):
        summary[rsvp.answer].append(rsvp.user)
    return summary


def upcoming_sessions_for(user, limit=10):
    return (
        Session.objects.for_member(user)
        .upcoming()
        .filter(cancelled_at__isnull=True)
        .select_related("network")[:limit]
    )


def members_of(network):
    return (
        NetworkMember.objects.filter(network=network)
        .select_related("user")
        # Facilitators first ("facilitator" < "member"), then by name.
        .order_by("role", "user__display_name")
    )
