"""The live room of a session, through Channels' WebsocketCommunicator.

Members only; chat saved before it is broadcast, deduplicated, limited; backfill after a
reconnection; the agenda everyone follows; the speaking queue; polls; presence; read-only once
the session is over or cancelled.
"""

import asyncio
import datetime
import json

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from network import consumers, live
from network.models import ChatMessage, HandRaise, Poll, PollVote, RoomPresence, Session
from network.routing import websocket_urlpatterns
from tests.network.factories import make_facilitator, make_member, make_network, make_poll, make_session

pytestmark = pytest.mark.django_db(transaction=True)

ROUTER = URLRouter(websocket_urlpatterns)
TIMEOUT = 3


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate-limit counters and who has the floor live in the cache: start each test without them.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def room():
    network = make_network()
    facilitator = make_facilitator(network)
    anna = make_member(network)
    ben = make_member(network)
    session = make_session(network, starts_at=timezone.now(), agenda=["Welcome", "Cases", "Next steps"])
    return {"network": network, "facilitator": facilitator, "anna": anna, "ben": ben, "session": session}


class Client:
    """One browser tab in the room."""

    def __init__(self, user, session_id, application=None, headers=None):
        self.communicator = WebsocketCommunicator(
            application or ROUTER, f"/ws/sessions/{session_id}/", headers=headers
        )
        if user is not None:
            self.communicator.scope["user"] = user
        self.state = None

    async def open(self, last_id=0, hello=True):
        connected, _ = await self.communicator.connect(timeout=TIMEOUT)
        assert connected
        if hello:
            self.state = await self.hello(last_id)
        return self

    async def hello(self, last_id=0, language=None):
        message = {"type": "hello", "last_id": last_id}
        if language:
            message["language"] = language
        await self.send(message)
        return await self.expect("state")

    async def send(self, data):
        await self.communicator.send_json_to(data)

    async def receive(self):
        return await self.communicator.receive_json_from(timeout=TIMEOUT)

    async def expect(self, kind, where=None):
        """The next message of this type (and condition); others that arrive first are skipped."""
        while True:
            data = await self.receive()
            if data["type"] == kind and (where is None or where(data)):
                return data

    async def nothing(self, allow=("presence",)):
        """Nothing arrives for a moment (presence news, gathered and sent a little later, is
        allowed unless `allow` says otherwise)."""
        while not await self.communicator.receive_nothing(timeout=0.4):
            data = await self.receive()
            assert data["type"] in allow, data

    async def closing(self):
        """How the server closes this connection (presence news that arrives first is skipped)."""
        while True:
            output = await self.communicator.receive_output(timeout=TIMEOUT)
            if output["type"] != "websocket.send" or json.loads(output["text"])["type"] != "presence":
                return output

    async def close(self):
        await self.communicator.disconnect()


def db(function):
    return database_sync_to_async(function)


async def closed_with(client):
    connected, _ = await client.communicator.connect(timeout=TIMEOUT)
    output = await client.communicator.receive_output(timeout=TIMEOUT)
    assert output["type"] == "websocket.close", output
    await client.communicator.wait()
    return output.get("code")


def logged_in_cookie(user):
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return f"sessionid={store.session_key}".encode()


# --- members only ------------------------------------------------------------------------------


async def test_anonymous_visitors_are_refused_without_a_word(room):
    from village.asgi import application

    client = Client(
        None, room["session"].pk, application=application, headers=[(b"origin", b"http://testserver")]
    )
    assert await closed_with(client) == consumers.CLOSE_NOT_LOGGED_IN


async def test_outsiders_are_refused_alike_whether_the_session_exists_or_not(room):
    other_network = await db(make_network)(slug="elsewhere")
    outsider = await db(make_member)(other_network)
    assert await closed_with(Client(outsider, room["session"].pk)) == consumers.CLOSE_NOT_FOUND
    assert await closed_with(Client(outsider, 999_999)) == consumers.CLOSE_NOT_FOUND
    # And the outsider did not show up in the room.
    assert not await db(RoomPresence.objects.filter(user=outsider).exists)()


async def test_a_member_logged_in_with_a_session_cookie_enters_through_the_full_stack(room):
    from village.asgi import application

    cookie = await db(logged_in_cookie)(room["anna"])
    client = Client(
        None,
        room["session"].pk,
        application=application,
        headers=[(b"origin", b"http://testserver"), (b"cookie", cookie)],
    )
    await client.open()
    assert client.state["me"] == {"id": room["anna"].pk, "facilitator": False}
    assert [item["title"] for item in client.state["agenda"]["items"]] == ["Welcome", "Cases", "Next steps"]
    await client.close()


async def test_a_member_removed_during_the_session_loses_the_room_at_the_next_ping(room):
    from network.models import NetworkMember

    anna = await Client(room["anna"], room["session"].pk).open()
    await db(NetworkMember.objects.filter(user=room["anna"]).delete)()
    await anna.send({"type": "ping"})
    output = await anna.closing()
    assert output == {"type": "websocket.close", "code": consumers.CLOSE_NOT_FOUND}


# --- chat --------------------------------------------------------------------------------------


async def test_a_chat_message_is_saved_before_it_is_broadcast(room, monkeypatch):
    seen_in_database = []
    original = consumers.SessionRoomConsumer.broadcast

    async def spy(self, payload):
        if payload["type"] == "chat":
            exists = await db(
                ChatMessage.objects.filter(pk=payload["message"]["id"], text="Goeiemorgen").exists
            )()
            seen_in_database.append(exists)
        await original(self, payload)

    monkeypatch.setattr(consumers.SessionRoomConsumer, "broadcast", spy)
    anna = await Client(room["anna"], room["session"].pk).open()
    ben = await Client(room["ben"], room["session"].pk).open()
    await anna.send({"type": "chat", "text": "  Goeiemorgen ", "client_id": "c-1"})
    received = await ben.expect("chat")
    assert received["message"]["text"] == "Goeiemorgen"
    assert received["message"]["author"] == room["anna"].display_name
    assert received["message"]["id"] > 0
    assert seen_in_database == [True]
    assert (await anna.expect("chat"))["message"]["client_id"] == "c-1"  # the sender's confirmation
    await anna.close()
    await ben.close()


async def test_a_resent_message_is_saved_once(room):
    anna = await Client(room["anna"], room["session"].pk).open()
    ben = await Client(room["ben"], room["session"].pk).open()
    await anna.send({"type": "chat", "text": "Typed on the train", "client_id": "uuid-7"})
    first = (await anna.expect("chat"))["message"]
    await ben.expect("chat")
    # The connection dropped before the confirmation arrived: the browser sends it again.
    await anna.send({"type": "chat", "text": "Typed on the train", "client_id": "uuid-7"})
    again = (await anna.expect("chat"))["message"]
    assert again["id"] == first["id"]
    await ben.nothing()  # the others do not see it twice
    assert await db(ChatMessage.objects.filter(session=room["session"]).count)() == 1
    await anna.close()
    await ben.close()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
async def test_refusals_are_translated_and_nothing_is_stored(room, settings, language):
    settings.VILLAGE_RATE_LIMITS = {**settings.VILLAGE_RATE_LIMITS, "network_chat": (2, 60)}
    anna = await Client(room["anna"], room["session"].pk).open()
    await anna.hello(language=language)
    with translation.override(language):
        too_long = gettext("A message can be at most %(max)d characters long. Please shorten it.") % {
            "max": 2000
        }
        too_fast = gettext("You are sending messages very quickly. Please wait a moment and send it again.")
        empty = gettext("Write a message first.")

    await anna.send({"type": "chat", "text": "x" * 2001, "client_id": "long"})
    assert await anna.expect("error") == {
        "type": "error",
        "code": "too_long",
        "message": too_long,
        "client_id": "long",
    }
    await anna.send({"type": "chat", "text": "   ", "client_id": "blank"})
    assert (await anna.expect("error"))["message"] == empty
    for number in range(2):
        await anna.send({"type": "chat", "text": f"message {number}", "client_id": f"ok-{number}"})
        await anna.expect("chat")
    await anna.send({"type": "chat", "text": "one too many", "client_id": "third"})
    refusal = await anna.expect("error")
    assert refusal["code"] == "rate_limited"
    assert refusal["message"] == too_fast
    assert refusal["client_id"] == "third"
    texts = await db(lambda: list(ChatMessage.objects.values_list("text", flat=True)))()
    assert texts == ["message 0", "message 1"]
    await anna.close()


async def test_rubbish_is_answered_with_an_error_and_the_connection_stays(room):
    anna = await Client(room["anna"], room["session"].pk).open()
    await anna.communicator.send_to(text_data="{not json")
    assert (await anna.expect("error"))["code"] == "invalid"
    await anna.send({"type": "__class__"})
    assert (await anna.expect("error"))["code"] == "invalid"
    await anna.send({"type": "vote", "poll": "abc", "option": None})
    assert (await anna.expect("error"))["code"] == "not_found"
    await anna.send({"type": "chat", "text": "still here"})
    assert (await anna.expect("chat"))["message"]["text"] == "still here"
    await anna.close()


async def test_a_member_who_reconnects_receives_what_was_missed(room):
    anna = await Client(room["anna"], room["session"].pk).open()
    ben = await Client(room["ben"], room["session"].pk).open()
    await anna.send({"type": "chat", "text": "Before the tunnel"})
    last_seen = (await ben.expect("chat"))["message"]["id"]
    await ben.close()  # Ben's connection drops

    for text in ("While you were away", "And this too"):
        await anna.send({"type": "chat", "text": text})
        # Wait for this very message: Anna's copy of "Before the tunnel" is still unread.
        await anna.expect("chat", where=lambda data, text=text: data["message"]["text"] == text)

    ben = await Client(room["ben"], room["session"].pk).open(last_id=last_seen)
    assert [message["text"] for message in ben.state["messages"]] == ["While you were away", "And this too"]
    assert ben.state["truncated"] is False

    # A latecomer (nothing seen yet) gets the recent history.
    late = await Client(room["facilitator"], room["session"].pk).open(last_id=0)
    assert [message["text"] for message in late.state["messages"]] == [
        "Before the tunnel",
        "While you were away",
        "And this too",
    ]
    for client in (anna, ben, late):
        await client.close()


async def test_backfill_is_bounded(room):
    def many():
        ChatMessage.objects.bulk_create(
            ChatMessage(session=room["session"], author=room["anna"], text=f"m{number}")
            for number in range(250)
        )

    await db(many)()
    ben = await Client(room["ben"], room["session"].pk).open(last_id=0)
    texts = [message["text"] for message in ben.state["messages"]]
    assert len(texts) == live.BACKFILL_LIMIT
    assert texts[0] == "m50" and texts[-1] == "m249"
    assert ben.state["truncated"] is True
    await ben.close()


# --- agenda ------------------------------------------------------------------------------------


async def test_everyone_follows_the_agenda_item_the_facilitator_opens(room):
    session = room["session"]
    items = await db(lambda: list(session.agenda_items.values_list("id", flat=True)))()
    facilitator = await Client(room["facilitator"], session.pk).open()
    assert facilitator.state["me"]["facilitator"] is True
    anna = await Client(room["anna"], session.pk).open()
    assert anna.state["agenda"]["current"] is None

    await facilitator.send({"type": "agenda", "item": items[1]})
    assert (await anna.expect("agenda"))["agenda"]["current"] == items[1]
    assert (await db(Session.objects.get)(pk=session.pk)).current_agenda_item_id == items[1]

    # A latecomer lands on the same item.
    ben = await Client(room["ben"], session.pk).open()
    assert ben.state["agenda"]["current"] == items[1]

    # A member cannot move the agenda.
    await anna.send({"type": "agenda", "item": items[2]})
    assert (await anna.expect("error"))["code"] == "forbidden"
    await ben.nothing()
    assert (await db(Session.objects.get)(pk=session.pk)).current_agenda_item_id == items[1]

    # An item of another session is refused.
    other = await db(make_session)(room["network"], agenda=["Elsewhere"])
    foreign = await db(lambda: other.agenda_items.get().pk)()
    await facilitator.send({"type": "agenda", "item": foreign})
    assert (await facilitator.expect("error"))["code"] == "not_found"
    for client in (facilitator, anna, ben):
        await client.close()


# --- hands -------------------------------------------------------------------------------------


async def test_raised_hands_form_a_queue_and_the_facilitator_gives_the_floor(room):
    session = room["session"]
    facilitator = await Client(room["facilitator"], session.pk).open()
    anna = await Client(room["anna"], session.pk).open()
    ben = await Client(room["ben"], session.pk).open()
    anna_name, ben_name = room["anna"].display_name, room["ben"].display_name

    await ben.send({"type": "hand", "raised": True})
    await facilitator.expect("hands")
    await anna.send({"type": "hand", "raised": True})
    hands = await facilitator.expect("hands")
    assert [person["name"] for person in hands["queue"]] == [ben_name, anna_name]
    await ben.send({"type": "hand", "raised": True})  # twice is still once, first place kept
    hands = await facilitator.expect("hands")
    assert [person["id"] for person in hands["queue"]] == [room["ben"].pk, room["anna"].pk]

    # A latecomer sees the queue.
    late = await Client(room["facilitator"], session.pk).open()
    assert [person["id"] for person in late.state["hands"]] == [room["ben"].pk, room["anna"].pk]
    await late.close()

    # Only a facilitator gives the floor.
    await anna.send({"type": "floor", "user": room["anna"].pk})
    assert (await anna.expect("error"))["code"] == "forbidden"

    await facilitator.send({"type": "floor", "user": room["ben"].pk})
    hands = await anna.expect("hands")
    assert hands["speaker"] == {"id": room["ben"].pk, "name": ben_name}
    assert [person["id"] for person in hands["queue"]] == [room["anna"].pk]

    await anna.send({"type": "hand", "raised": False})
    assert (await ben.expect("hands", lambda data: data["speaker"]))["queue"] == [
        {"id": room["anna"].pk, "name": anna_name}
    ]
    assert (await ben.expect("hands"))["queue"] == []
    await ben.send({"type": "hand", "raised": True})
    await facilitator.expect(
        "hands", lambda data: [person["id"] for person in data["queue"]] == [room["ben"].pk]
    )
    await facilitator.send({"type": "clear_hands"})
    hands = await ben.expect("hands", lambda data: not data["queue"])
    assert hands == {"type": "hands", "queue": [], "speaker": None}
    assert not await db(HandRaise.objects.filter(lowered_at__isnull=True).exists)()
    for client in (facilitator, anna, ben):
        await client.close()


# --- polls -------------------------------------------------------------------------------------


async def test_quick_poll_one_vote_per_member_live_results_and_closing(room):
    session = room["session"]
    facilitator = await Client(room["facilitator"], session.pk).open()
    anna = await Client(room["anna"], session.pk).open()
    ben = await Client(room["ben"], session.pk).open()

    # Members cannot start polls.
    await anna.send({"type": "create_poll", "question": "Mine?", "options": ["a", "b"]})
    refusal = await anna.expect("error")
    assert refusal["code"] == "forbidden" and refusal["about"] == "poll"
    # A poll needs two different answers.
    await facilitator.send(
        {"type": "create_poll", "question": "Next date?", "options": ["Monday", " monday "]}
    )
    assert (await facilitator.expect("error"))["code"] == "invalid"

    await facilitator.send(
        {"type": "create_poll", "question": "Next date?", "options": ["Monday", "Thursday", "", "Friday"]}
    )
    poll = (await anna.expect("poll"))["poll"]
    await ben.expect("poll")
    await facilitator.expect("poll")
    assert poll["question"] == "Next date?"
    assert [option["text"] for option in poll["options"]] == ["Monday", "Thursday", "Friday"]
    assert poll["closed"] is False and poll["total"] == 0
    monday, thursday, friday = (option["id"] for option in poll["options"])

    def votes(results):
        return {option["text"]: option["votes"] for option in results["options"]}

    await anna.send({"type": "vote", "poll": poll["id"], "option": monday})
    assert await anna.expect("voted") == {"type": "voted", "poll": poll["id"], "option": monday}
    assert votes((await ben.expect("poll"))["poll"]) == {"Monday": 1, "Thursday": 0, "Friday": 0}
    # Anna changes her mind: still one vote of hers.
    await anna.send({"type": "vote", "poll": poll["id"], "option": thursday})
    results = (await ben.expect("poll"))["poll"]
    assert votes(results) == {"Monday": 0, "Thursday": 1, "Friday": 0} and results["total"] == 1
    await ben.send({"type": "vote", "poll": poll["id"], "option": thursday})
    assert votes((await facilitator.expect("poll", lambda data: data["poll"]["total"] == 2))["poll"]) == {
        "Monday": 0,
        "Thursday": 2,
        "Friday": 0,
    }

    # A latecomer sees the results and their own vote.
    again = await Client(room["anna"], session.pk).open()
    [seen] = again.state["polls"]
    assert seen["my_vote"] == thursday and seen["total"] == 2
    await again.close()

    # Only a facilitator closes it; then votes are refused and the results stay.
    await ben.send({"type": "close_poll", "poll": poll["id"]})
    assert (await ben.expect("error"))["code"] == "forbidden"
    await facilitator.send({"type": "close_poll", "poll": poll["id"]})
    closed = (await anna.expect("poll", lambda data: data["poll"]["closed"]))["poll"]
    assert closed["closed"] is True
    await anna.send({"type": "vote", "poll": poll["id"], "option": friday})
    refusal = await anna.expect("error")
    assert refusal["code"] == "closed"
    with translation.override(room["anna"].preferred_language):
        assert refusal["message"] == gettext("This poll is closed: votes are no longer counted.")
    stored = await db(lambda: sorted(PollVote.objects.values_list("option__text", flat=True)))()
    assert stored == ["Thursday", "Thursday"]
    assert not (await db(Poll.objects.get)(pk=poll["id"])).is_open
    for client in (facilitator, anna, ben):
        await client.close()


async def test_a_vote_on_a_poll_of_another_session_is_refused(room):
    other = await db(make_session)(room["network"])
    poll = await db(make_poll)(other, "Elsewhere?", ["yes", "no"])
    option = await db(lambda: poll.options.first().pk)()
    anna = await Client(room["anna"], room["session"].pk).open()
    await anna.send({"type": "vote", "poll": poll.pk, "option": option})
    assert (await anna.expect("error"))["code"] == "not_found"
    assert not await db(PollVote.objects.exists)()
    await anna.close()


# --- presence ----------------------------------------------------------------------------------


async def test_presence_counts_each_member_once_and_follows_joining_and_leaving(room):
    session = room["session"]
    ben = await Client(room["ben"], session.pk).open()
    assert [person["id"] for person in ben.state["presence"]] == [room["ben"].pk]
    await asyncio.sleep(consumers.PRESENCE_DELAY * 2)  # the news of Ben's own arrival
    await ben.expect("presence")

    anna = await Client(room["anna"], session.pk).open()
    joined = await ben.expect("presence")
    assert joined == {
        "type": "presence",
        "joined": [{"id": room["anna"].pk, "name": room["anna"].display_name, "facilitator": False}],
        "left": [],
    }
    # Anna opens the room in a second tab: still one Anna, and no second "joined".
    anna_tab = await Client(room["anna"], session.pk).open()
    assert sorted(person["id"] for person in anna_tab.state["presence"]) == sorted(
        [room["anna"].pk, room["ben"].pk]
    )
    await asyncio.sleep(consumers.PRESENCE_DELAY * 2)
    await ben.nothing(allow=())

    await anna_tab.close()
    await asyncio.sleep(consumers.PRESENCE_DELAY * 2)
    await ben.nothing(allow=())  # Anna is still there in her first tab
    await anna.close()
    assert await ben.expect("presence") == {"type": "presence", "joined": [], "left": [room["anna"].pk]}

    late = await Client(room["facilitator"], session.pk).open()
    people = late.state["presence"]
    assert [person["id"] for person in people] == [
        room["facilitator"].pk,
        room["ben"].pk,
    ]  # facilitators first
    assert people[0]["facilitator"] is True
    for client in (ben, late):
        await client.close()


async def test_connections_of_a_stopped_server_drop_out_of_presence(room):
    """A server process that died leaves rows behind; they stop counting after the timeout and
    the next ping's sweep tells everyone."""
    session = room["session"]
    stale = timezone.now() - live.PRESENCE_TIMEOUT * 2
    await db(RoomPresence.objects.create)(
        session=session, user=room["anna"], channel_name="gone!1", connected_at=stale, last_seen_at=stale
    )
    ben = await Client(room["ben"], session.pk).open()
    assert [person["id"] for person in ben.state["presence"]] == [room["ben"].pk]
    await ben.send({"type": "ping"})
    assert await ben.expect("pong") == {"type": "pong"}
    news = await ben.expect("presence", lambda data: data["left"])
    assert news["left"] == [room["anna"].pk]
    assert not await db(RoomPresence.objects.filter(channel_name="gone!1").exists)()
    await ben.close()


def test_state_snapshot_queries_do_not_grow_with_the_room(room, django_assert_max_num_queries):
    """The snapshot sent on every (re)connection costs the same number of queries for a small
    and a big room."""
    from network.access import membership_for_session

    session = room["session"]

    def fill(count):
        people = [make_member(room["network"]) for _ in range(count)]
        for number, person in enumerate(people):
            RoomPresence.objects.create(session=session, user=person, channel_name=f"c{count}-{number}")
            HandRaise.objects.create(session=session, user=person)
            ChatMessage.objects.create(session=session, author=person, text="hi")
        for number in range(count):
            poll = make_poll(session, f"Q{count}-{number}", ["a", "b", "c"])
            PollVote.objects.create(poll=poll, option=poll.options.first(), user=people[number])

    _, membership = membership_for_session(room["anna"], session.pk)
    fill(2)
    with django_assert_max_num_queries(12) as small:
        live.snapshot(session, membership, 0)
    fill(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        state = live.snapshot(session, membership, 0)
    assert len(state["hands"]) == 22 and len(state["polls"]) == 22
    json.dumps(state)  # ready to send


async def test_pings_keep_the_connection_marked_as_seen(room):
    anna = await Client(room["anna"], room["session"].pk).open()
    before = await db(lambda: RoomPresence.objects.get(user=room["anna"]).last_seen_at)()
    await asyncio.sleep(0.01)
    await anna.send({"type": "ping"})
    await anna.expect("pong")
    after = await db(lambda: RoomPresence.objects.get(user=room["anna"]).last_seen_at)()
    assert after > before
    await anna.close()
    assert not await db(RoomPresence.objects.exists)()


# --- after the session -------------------------------------------------------------------------

ENDED = (
    "This session has ended. The live room is closed: you can still read the chat, the agenda and "
    "the poll results."
)
CANCELLED = "This session was cancelled. The live room is closed: you can still read it."


def end_session(session, minutes_ago):
    """The session (of two hours) ended this many minutes ago; the room closes 30 minutes after."""
    ends_at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    Session.objects.filter(pk=session.pk).update(
        starts_at=ends_at - datetime.timedelta(hours=2), ends_at=ends_at
    )


def notice(text, language="nl"):
    with translation.override(language):
        return gettext(text)


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
async def test_after_the_session_every_write_is_refused_in_the_senders_language(room, language):
    session = room["session"]
    poll = await db(make_poll)(session)
    option = await db(lambda: poll.options.first().pk)()
    item = await db(lambda: session.agenda_items.first().pk)()
    await db(end_session)(session, 31)
    facilitator = await Client(room["facilitator"], session.pk).open()
    await facilitator.hello(language=language)
    anna = await Client(room["anna"], session.pk).open()
    await anna.hello(language=language)

    writes = [
        (anna, {"type": "chat", "text": "Nog één ding", "client_id": "late"}),
        (anna, {"type": "hand", "raised": True}),
        (anna, {"type": "hand", "raised": False}),
        (anna, {"type": "vote", "poll": poll.pk, "option": option}),
        (facilitator, {"type": "agenda", "item": item}),
        (facilitator, {"type": "create_poll", "question": "Nog een?", "options": ["Ja", "Nee"]}),
        (facilitator, {"type": "close_poll", "poll": poll.pk}),
        (facilitator, {"type": "floor", "user": room["anna"].pk}),
        (facilitator, {"type": "clear_hands"}),
    ]
    for client, write in writes:
        await client.send(write)
        refusal = await client.expect("error")
        assert (refusal["code"], refusal["message"]) == ("closed", notice(ENDED, language)), write
    await anna.nothing()  # nothing was broadcast

    assert not await db(ChatMessage.objects.filter(session=session).exists)()
    assert not await db(HandRaise.objects.filter(session=session).exists)()
    assert not await db(PollVote.objects.filter(poll=poll).exists)()
    assert await db(
        lambda: list(Poll.objects.filter(session=session).values_list("is_open", flat=True))
    )() == [True]
    assert await db(lambda: Session.objects.get(pk=session.pk).current_agenda_item_id)() is None
    await facilitator.close()
    await anna.close()


async def test_after_the_session_the_room_can_still_be_read(room):
    session = room["session"]

    def during_the_session():
        ChatMessage.objects.create(session=session, author=room["ben"], text="Tot volgende keer")
        poll = make_poll(session, "Volgende keer online?", ["Ja", "Nee"])
        PollVote.objects.create(poll=poll, user=room["ben"], option=poll.options.first())

    await db(during_the_session)()
    await db(end_session)(session, 31)
    anna = await Client(room["anna"], session.pk).open()
    state = anna.state
    assert state["open"] is False
    assert state["notice"] == notice(ENDED)
    assert [message["text"] for message in state["messages"]] == ["Tot volgende keer"]
    assert [item["title"] for item in state["agenda"]["items"]] == ["Welcome", "Cases", "Next steps"]
    assert [(poll["question"], poll["total"]) for poll in state["polls"]] == [("Volgende keer online?", 1)]
    await anna.close()


async def test_the_room_stays_open_for_a_while_after_the_planned_end(room):
    await db(end_session)(room["session"], 10)
    anna = await Client(room["anna"], room["session"].pk).open()
    assert anna.state["open"] is True and anna.state["notice"] is None
    await anna.send({"type": "chat", "text": "We lopen wat uit", "client_id": "over"})
    assert (await anna.expect("chat"))["message"]["text"] == "We lopen wat uit"
    await anna.close()


async def test_a_message_saved_before_the_end_is_still_confirmed_when_sent_again(room):
    """Its confirmation was lost with the connection: the resend after the end finds it saved."""
    session = room["session"]
    anna = await Client(room["anna"], session.pk).open()
    await anna.send({"type": "chat", "text": "Bedankt allemaal", "client_id": "thanks"})
    saved = (await anna.expect("chat"))["message"]
    await anna.close()
    await db(end_session)(session, 31)

    again = await Client(room["anna"], session.pk).open(last_id=saved["id"])
    await again.send({"type": "chat", "text": "Bedankt allemaal", "client_id": "thanks"})
    assert (await again.expect("chat"))["message"]["id"] == saved["id"]
    await again.send({"type": "chat", "text": "En nog iets", "client_id": "more"})
    assert (await again.expect("error"))["code"] == "closed"
    assert await db(ChatMessage.objects.filter(session=session).count)() == 1
    await again.close()


async def test_a_connection_still_open_when_the_room_closes_is_closed_at_its_next_ping(room):
    anna = await Client(room["anna"], room["session"].pk).open()
    await db(end_session)(room["session"], 31)
    await anna.send({"type": "ping"})
    output = await anna.closing()
    assert output == {"type": "websocket.close", "code": consumers.CLOSE_ROOM_CLOSED}


async def test_a_cancelled_sessions_room_is_read_only(room):
    session = room["session"]
    anna = await Client(room["anna"], session.pk).open()
    await db(Session.objects.filter(pk=session.pk).update)(cancelled_at=timezone.now())
    await anna.send({"type": "ping"})
    output = await anna.closing()
    assert output == {"type": "websocket.close", "code": consumers.CLOSE_ROOM_CLOSED}

    again = await Client(room["anna"], session.pk).open()
    assert again.state["open"] is False
    assert again.state["notice"] == notice(CANCELLED)
    await again.send({"type": "chat", "text": "Gaat het niet door?", "client_id": "why"})
    assert await again.expect("error") == {
        "type": "error",
        "code": "closed",
        "message": notice(CANCELLED),
        "client_id": "why",
    }
    assert not await db(ChatMessage.objects.filter(session=session).exists)()
    await again.close()


# --- the room page -----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_room_page_shows_the_room_to_members_in_their_language(client, room, language):
    from tests.factories import log_in

    session = room["session"]
    first = session.agenda_items.first()
    Session.objects.filter(pk=session.pk).update(current_agenda_item=first)
    ChatMessage.objects.create(session=session, author=room["ben"], text="<b>Hallo</b> allemaal")
    make_poll(session, "Volgende keer online?", ["Ja", "Nee"])
    log_in(client, room["facilitator"], language)
    response = client.get(f"/{language}/networks/{room['network'].slug}/sessions/{session.pk}/room/")
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(language):
        assert gettext("Raise my hand") in html
        assert gettext("Start a poll") in html  # facilitator controls
    assert 'aria-current="step"' in html and first.title in html
    assert "&lt;b&gt;Hallo&lt;/b&gt; allemaal" in html  # user text escaped
    assert 'role="log"' in html
    assert 'id="room-strings"' in html
    assert "<script>" not in html.replace('<script id="room-strings" type="application/json">', "")
    assert f'data-socket="/ws/sessions/{session.pk}/"' in html


def test_members_see_no_facilitator_controls(client, room):
    from tests.factories import log_in

    log_in(client, room["anna"])
    response = client.get(f"/nl/networks/{room['network'].slug}/sessions/{room['session'].pk}/room/")
    assert response.status_code == 200
    assert 'id="room-poll-form"' not in response.content.decode()


def test_the_room_page_is_a_404_for_everyone_else(client, room):
    from tests.factories import log_in

    url = f"/nl/networks/{room['network'].slug}/sessions/{room['session'].pk}/room/"
    assert client.get(url).status_code == 404  # anonymous
    other = make_network(slug="antwerpen-x")
    log_in(client, make_member(other))
    assert client.get(url).status_code == 404
    # A session of another network under this network's address.
    foreign = make_session(other)
    log_in(client, room["anna"])
    assert client.get(f"/nl/networks/{room['network'].slug}/sessions/{foreign.pk}/room/").status_code == 404


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_after_the_session_the_room_page_is_a_read_only_record(client, room, language):
    from tests.factories import log_in

    session = room["session"]
    Session.objects.filter(pk=session.pk).update(current_agenda_item=session.agenda_items.first())
    ChatMessage.objects.create(session=session, author=room["ben"], text="Tot volgende keer")
    poll = make_poll(session, "Volgende keer online?", ["Ja", "Nee"])
    PollVote.objects.create(poll=poll, user=room["ben"], option=poll.options.first())
    end_session(session, 31)
    log_in(client, room["facilitator"], language)
    response = client.get(f"/{language}/networks/{room['network'].slug}/sessions/{session.pk}/room/")
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(notice(ENDED, language)) in html
    assert "Tot volgende keer" in html and "Welcome" in html
    assert "Volgende keer online?" in html and "(100%)" in html
    # No form, no controls, no script: nothing invites writing.
    for writing in (
        "room-chat-form",
        "room-poll-form",
        "room-hand-button",
        "room-clear-hands",
        "room-strings",
    ):
        assert f'id="{writing}"' not in html
    assert "network-room.js" not in html
    assert 'aria-current="step"' not in html  # nothing is "now" on the agenda any more


def test_the_room_page_of_a_cancelled_session_says_so(client, room):
    from tests.factories import log_in

    Session.objects.filter(pk=room["session"].pk).update(cancelled_at=timezone.now())
    log_in(client, room["anna"])
    response = client.get(f"/nl/networks/{room['network'].slug}/sessions/{room['session'].pk}/room/")
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(notice(CANCELLED)) in html
    assert 'id="room-chat-form"' not in html


def test_the_session_page_leads_to_the_room_during_and_after_the_session(client, room):
    from tests.factories import log_in

    session = room["session"]
    room_url = f"/nl/networks/{room['network'].slug}/sessions/{session.pk}/room/"
    log_in(client, room["anna"])
    with translation.override("nl"):
        assert gettext("Open the live room") in client.get(session.get_absolute_url()).content.decode()
        end_session(session, 31)
        html = client.get(session.get_absolute_url()).content.decode()
        assert f'href="{room_url}"' in html
        assert gettext("Read the chat and the poll results of the live room") in html


async def test_a_server_process_joins_the_rooms_group_once_whatever_the_number_of_connections(room, settings):
    """A broadcast costs one channel-layer message per process, not one per person."""
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    group = live.group_name(room["session"].pk)

    def members():
        groups = getattr(layer, "groups", None)
        if groups is None:  # the Redis layer in this run: nothing to count in memory
            pytest.skip("counted on the in-memory channel layer")
        return len(groups.get(group, {}))

    clients = [
        await Client(user, room["session"].pk).open()
        for user in (room["anna"], room["ben"], room["facilitator"])
    ]
    assert members() == 1
    await clients[0].send({"type": "chat", "text": "een"})
    for client in clients:
        assert (await client.expect("chat"))["message"]["text"] == "een"
    for client in clients:
        await client.close()
    assert members() == 0
