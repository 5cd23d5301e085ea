"""The state of a session's live room: chat, presence, agenda, hands and polls.

Plain synchronous services on the database (and, for who has the floor, the cache): the
WebSocket consumer (network/consumers.py) calls them through `database_sync_to_async`, and the
room page renders its first view with them. Everything a room shows is here, so that two server
processes behind one Redis channel layer show the same room: nothing lives in process memory.

The payloads are plain dicts ready for JSON; people appear by display name only (never an
e-mail address). Refusals raise `RoomError`, whose message is translated when it is sent.
"""

import datetime
import logging

from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from village import ratelimit

from .models import (
    AgendaItem,
    ChatMessage,
    HandRaise,
    MemberRole,
    NetworkMember,
    Poll,
    PollOption,
    PollVote,
    RoomPresence,
    Session,
)

logger = logging.getLogger("village")

BACKFILL_LIMIT = 200  # messages sent on (re)connection at most
MAX_MESSAGE_LENGTH = 2000
MAX_QUESTION_LENGTH = 300
MAX_OPTION_LENGTH = 200
MAX_OPTIONS = 10
CLIENT_ID_LENGTH = 64
# A connection that has not been heard of for this long is gone (its process stopped):
# clients ping every 25 seconds.
PRESENCE_TIMEOUT = datetime.timedelta(seconds=90)
SPEAKER_TIMEOUT = 12 * 3600
# Read again on every (re)connection and ping: whether the room is open follows them.
SCHEDULE_FIELDS = ["ends_at", "cancelled_at"]


class RoomError(Exception):
    """A refusal a member reads: `message` is a lazy translation, `code` is for the client."""

    def __init__(self, message, code="invalid"):
        super().__init__(str(code))
        self.message = message
        self.code = code


def group_name(session_id):
    return f"network-session-{int(session_id)}"


def name_of(user):
    return (user.display_name or "").strip() or gettext("A member")


# --- access ------------------------------------------------------------------------------------


def still_member(session, user):
    """Membership of the session's network, read again (a member removed during a session
    loses the room at their next ping); the session's times and cancellation too."""
    session.refresh_from_db(fields=SCHEDULE_FIELDS)
    return NetworkMember.objects.filter(network_id=session.network_id, user=user).first()


def closed_notice(session, now=None):
    """Why the room no longer takes anything (None while it is open)."""
    if session.cancelled_at is not None:
        return _("This session was cancelled. The live room is closed: you can still read it.")
    if not session.room_is_open(now):
        return _(
            "This session has ended. The live room is closed: you can still read the chat, "
            "the agenda and the poll results."
        )
    return None


def require_open_room(session):
    notice = closed_notice(session)
    if notice is not None:
        raise RoomError(notice, "closed")


def is_facilitator(membership):
    return membership is not None and membership.role == MemberRole.FACILITATOR


def require_facilitator(membership):
    if not is_facilitator(membership):
        raise RoomError(_("Only a facilitator of the network can do this."), "forbidden")


# --- chat --------------------------------------------------------------------------------------


def message_payload(message):
    author = message.author
    return {
        "id": message.pk,
        "author_id": message.author_id,
        "author": name_of(author) if author else gettext("A former member"),
        "text": message.text,
        "created": message.created_at.isoformat(),
        "client_id": message.client_token or None,
    }


def clean_message(text):
    if not isinstance(text, str) or not text.strip():
        raise RoomError(_("Write a message first."), "empty")
    text = text.strip()
    if len(text) > MAX_MESSAGE_LENGTH:
        raise RoomError(
            _("A message can be at most %(max)d characters long. Please shorten it.")
            % {"max": MAX_MESSAGE_LENGTH},
            "too_long",
        )
    return text


def clean_client_id(client_id):
    if client_id is None:
        return ""
    if not isinstance(client_id, str) or len(client_id) > CLIENT_ID_LENGTH:
        raise RoomError(_("This message could not be sent. Please reload the page."), "invalid")
    return client_id


def post_message(session, user, text, client_id=None):
    """Saves a chat message (before anyone sees it) and returns (payload, created).

    A message whose client id was seen before (a resend after a dropped connection) is not
    saved twice: the saved one is returned with created=False. New messages count towards the
    `network_chat` rate limit.
    """
    text = clean_message(text)
    token = clean_client_id(client_id)
    if token:
        existing = ChatMessage.objects.filter(session=session, author=user, client_token=token).first()
        if existing is not None:
            existing.author = user
            return message_payload(existing), False
    # After the resend check: a message saved before the room closed is still confirmed.
    require_open_room(session)
    if not ratelimit.allow("network_chat", user.pk):
        raise RoomError(
            _("You are sending messages very quickly. Please wait a moment and send it again."),
            "rate_limited",
        )
    try:
        with transaction.atomic():
            message = ChatMessage.objects.create(session=session, author=user, text=text, client_token=token)
    except IntegrityError:  # the same resend arrived twice at once
        message = ChatMessage.objects.get(session=session, author=user, client_token=token)
        message.author = user
        return message_payload(message), False
    message.author = user
    return message_payload(message), True


def backfill(session, last_id=None):
    """The messages after `last_id` (all recent ones for None), oldest first, at most
    BACKFILL_LIMIT; and whether older missed ones were left out."""
    try:
        last_id = max(int(last_id or 0), 0)
    except (TypeError, ValueError):
        last_id = 0
    newest = list(
        ChatMessage.objects.filter(session=session, id__gt=last_id)
        .select_related("author")
        .order_by("-id")[: BACKFILL_LIMIT + 1]
    )
    truncated = len(newest) > BACKFILL_LIMIT
    return [message_payload(message) for message in reversed(newest[:BACKFILL_LIMIT])], truncated


# --- presence ----------------------------------------------------------------------------------


def person_payload(user, role=None):
    return {"id": user.pk, "name": name_of(user), "facilitator": role == MemberRole.FACILITATOR}


def _fresh(now=None):
    return (now or timezone.now()) - PRESENCE_TIMEOUT


def join(session, user, channel_name):
    """Records an open connection; True when it is the person's first (other tabs count once)."""
    now = timezone.now()
    others = RoomPresence.objects.filter(session=session, user=user, last_seen_at__gt=_fresh(now)).exists()
    RoomPresence.objects.update_or_create(
        channel_name=channel_name,
        defaults={"session": session, "user": user, "connected_at": now, "last_seen_at": now},
    )
    return not others


def leave(session, user, channel_name):
    """Forgets a connection; True when the person has no other connection left in the room."""
    RoomPresence.objects.filter(channel_name=channel_name).delete()
    return not RoomPresence.objects.filter(session=session, user=user, last_seen_at__gt=_fresh()).exists()


def touch(channel_name):
    RoomPresence.objects.filter(channel_name=channel_name).update(last_seen_at=timezone.now())


def sweep(session):
    """Removes connections not heard of for PRESENCE_TIMEOUT (a server process that stopped);
    returns the ids of people who are therefore no longer present. At most once a minute."""
    if not cache.add(f"network:room:{session.pk}:sweep", 1, timeout=60):
        return []
    stale = RoomPresence.objects.filter(session=session, last_seen_at__lte=_fresh())
    user_ids = set(stale.values_list("user_id", flat=True))
    if not user_ids:
        return []
    stale.delete()
    still = set(
        RoomPresence.objects.filter(session=session, user_id__in=user_ids).values_list("user_id", flat=True)
    )
    return sorted(user_ids - still)


def present_people(session):
    """Who is in the room, by name, each person once (two queries whatever the number)."""
    user_ids = set(
        RoomPresence.objects.filter(session=session, last_seen_at__gt=_fresh()).values_list(
            "user_id", flat=True
        )
    )
    members = (
        NetworkMember.objects.filter(network_id=session.network_id, user_id__in=user_ids)
        .select_related("user")
        .only("role", "user__id", "user__display_name")
    )
    people = [person_payload(member.user, member.role) for member in members]
    return sorted(people, key=lambda person: (not person["facilitator"], person["name"].casefold()))


# --- agenda ------------------------------------------------------------------------------------


def agenda_payload(session):
    items = AgendaItem.objects.filter(session=session).order_by("order", "id").only("id", "title")
    return {
        "items": [{"id": item.pk, "title": item.title} for item in items],
        "current": session.current_agenda_item_id,
    }


def open_agenda_item(session, membership, item_id):
    """The facilitator opens an agenda item (None closes the current one); stored on the
    session so that latecomers see it."""
    require_facilitator(membership)
    require_open_room(session)
    if item_id is None:
        item = None
    else:
        try:
            item = AgendaItem.objects.filter(session=session, pk=int(item_id)).first()
        except (TypeError, ValueError):
            item = None
        if item is None:
            raise RoomError(_("This agenda item does not exist (any more)."), "not_found")
    Session.objects.filter(pk=session.pk).update(current_agenda_item=item)
    session.current_agenda_item = item
    return agenda_payload(session)


# --- hands -------------------------------------------------------------------------------------


def _speaker_key(session):
    return f"network:room:{session.pk}:speaker"


def hands_payload(session):
    """The speaking queue in order of raising, and who has the floor."""
    raised = HandRaise.objects.filter(session=session).queue().select_related("user")
    try:
        speaker = cache.get(_speaker_key(session))
    except Exception:  # the cache is down: the queue still works
        logger.warning(
            "Live room %s: who has the floor is unknown, the cache is unreachable", session.pk, exc_info=True
        )
        speaker = None
    return {
        "queue": [{"id": hand.user_id, "name": name_of(hand.user)} for hand in raised],
        "speaker": speaker,
    }


def raise_hand(session, user):
    require_open_room(session)
    if not ratelimit.allow("network_room", user.pk):
        raise RoomError(ratelimit.message(), "rate_limited")
    try:
        with transaction.atomic():
            if not HandRaise.objects.filter(session=session, user=user, lowered_at__isnull=True).exists():
                HandRaise.objects.create(session=session, user=user)
    except IntegrityError:  # raised twice at once: once is enough
        pass
    return hands_payload(session)


def lower_hand(session, user):
    require_open_room(session)
    HandRaise.objects.filter(session=session, user=user, lowered_at__isnull=True).update(
        lowered_at=timezone.now()
    )
    return hands_payload(session)


def give_floor(session, membership, user_id):
    """The facilitator gives the floor to someone in the queue: their hand goes down."""
    require_facilitator(membership)
    require_open_room(session)
    hand = (
        HandRaise.objects.filter(session=session, lowered_at__isnull=True, user_id=_as_int(user_id))
        .select_related("user")
        .first()
    )
    if hand is None:
        raise RoomError(_("This person has lowered their hand."), "not_found")
    HandRaise.objects.filter(pk=hand.pk).update(lowered_at=timezone.now())
    _set_speaker(session, {"id": hand.user_id, "name": name_of(hand.user)})
    return hands_payload(session)


def clear_hands(session, membership):
    require_facilitator(membership)
    require_open_room(session)
    HandRaise.objects.filter(session=session, lowered_at__isnull=True).update(lowered_at=timezone.now())
    _set_speaker(session, None)
    return hands_payload(session)


def _set_speaker(session, speaker):
    try:
        if speaker is None:
            cache.delete(_speaker_key(session))
        else:
            cache.set(_speaker_key(session), speaker, timeout=SPEAKER_TIMEOUT)
    except Exception:
        logger.warning(
            "Live room %s: the floor was not recorded, the cache is unreachable", session.pk, exc_info=True
        )


# --- polls -------------------------------------------------------------------------------------


def _as_int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def poll_payloads(session, polls):
    """Results of polls (one query for all their options and counts)."""
    polls = list(polls)
    options = (
        PollOption.objects.filter(poll__in=polls)
        .annotate(vote_count=models.Count("votes"))
        .order_by("poll_id", "order", "id")
    )
    by_poll = {}
    for option in options:
        by_poll.setdefault(option.poll_id, []).append(
            {"id": option.pk, "text": option.text, "votes": option.vote_count}
        )
    payloads = []
    for poll in polls:
        choices = by_poll.get(poll.pk, [])
        payloads.append(
            {
                "id": poll.pk,
                "question": poll.question,
                "closed": not poll.is_open,
                "options": choices,
                "total": sum(choice["votes"] for choice in choices),
            }
        )
    return payloads


def poll_payload(poll):
    return poll_payloads(poll.session, [poll])[0]


def polls_for(session, user):
    """Every poll of the session, newest last, with the person's own vote."""
    polls = list(Poll.objects.filter(session=session).order_by("created_at", "id"))
    payloads = poll_payloads(session, polls)
    mine = dict(PollVote.objects.filter(poll__session=session, user=user).values_list("poll_id", "option_id"))
    for payload in payloads:
        payload["my_vote"] = mine.get(payload["id"])
    return payloads


def create_poll(session, membership, question, options):
    require_facilitator(membership)
    require_open_room(session)
    question = question.strip() if isinstance(question, str) else ""
    if not question:
        raise RoomError(_("Write the question of the poll."), "invalid")
    if len(question) > MAX_QUESTION_LENGTH:
        raise RoomError(
            _("A question can be at most %(max)d characters long.") % {"max": MAX_QUESTION_LENGTH}, "invalid"
        )
    if not isinstance(options, list):
        options = []
    cleaned = []
    for option in options:
        text = option.strip() if isinstance(option, str) else ""
        if text and text.casefold() not in {known.casefold() for known in cleaned}:
            cleaned.append(text)
    if len(cleaned) < 2:
        raise RoomError(_("Give at least two different answers, one per line."), "invalid")
    if len(cleaned) > MAX_OPTIONS:
        raise RoomError(_("A poll can have at most %(max)d answers.") % {"max": MAX_OPTIONS}, "invalid")
    if any(len(text) > MAX_OPTION_LENGTH for text in cleaned):
        raise RoomError(
            _("An answer can be at most %(max)d characters long.") % {"max": MAX_OPTION_LENGTH}, "invalid"
        )
    with transaction.atomic():
        poll = Poll.objects.create(
            session=session,
            agenda_item_id=session.current_agenda_item_id,
            question=question,
            created_by=membership.user,
        )
        PollOption.objects.bulk_create(
            [PollOption(poll=poll, text=text, order=number) for number, text in enumerate(cleaned)]
        )
    return poll_payload(poll)


def vote(session, user, poll_id, option_id):
    """A member's vote: one per poll, changeable while the poll is open. Returns the results."""
    require_open_room(session)
    if not ratelimit.allow("network_room", user.pk):
        raise RoomError(ratelimit.message(), "rate_limited")
    poll = Poll.objects.filter(session=session, pk=_as_int(poll_id)).first()
    if poll is None:
        raise RoomError(_("This poll does not exist (any more)."), "not_found")
    option = PollOption.objects.filter(poll=poll, pk=_as_int(option_id)).first()
    if option is None:
        raise RoomError(_("Choose one of the answers."), "invalid")
    with transaction.atomic():
        # Read again under the lock: a vote that arrives as the poll closes is refused.
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        if not poll.is_open:
            raise RoomError(_("This poll is closed: votes are no longer counted."), "closed")
        PollVote.objects.update_or_create(poll=poll, user=user, defaults={"option": option})
    poll.session = session
    return poll_payload(poll), option.pk


def close_poll(session, membership, poll_id):
    require_facilitator(membership)
    require_open_room(session)
    poll = Poll.objects.filter(session=session, pk=_as_int(poll_id)).first()
    if poll is None:
        raise RoomError(_("This poll does not exist (any more)."), "not_found")
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll.pk)
        if poll.is_open:
            poll.is_open = False
            poll.closed_at = timezone.now()
            poll.save(update_fields=["is_open", "closed_at"])
    poll.session = session
    return poll_payload(poll)


# --- everything at once ------------------------------------------------------------------------


def snapshot(session, membership, last_id=None):
    """What a client needs on every (re)connection: the room as it is now and the messages
    it missed. `open` is false once the room is read-only, with the `notice` saying why."""
    session.refresh_from_db(fields=["current_agenda_item", *SCHEDULE_FIELDS])
    messages, truncated = backfill(session, last_id)
    hands = hands_payload(session)
    notice = closed_notice(session)
    return {
        "type": "state",
        "open": notice is None,
        "notice": None if notice is None else str(notice),
        "me": {"id": membership.user_id, "facilitator": is_facilitator(membership)},
        "messages": messages,
        "truncated": truncated,
        "presence": present_people(session),
        "agenda": agenda_payload(session),
        "hands": hands["queue"],
        "speaker": hands["speaker"],
        "polls": polls_for(session, membership.user),
    }


def reset_room(session):
    """Forgets connections and hands (benchmarks and tests start from an empty room)."""
    RoomPresence.objects.filter(session=session).delete()
    HandRaise.objects.filter(session=session).delete()
    _set_speaker(session, None)
