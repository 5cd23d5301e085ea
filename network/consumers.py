"""The live room of a session over WebSocket: `ws/sessions/<session id>/`.

Members of the session's network only. Anyone else's connection is closed at once without a
word about the session: code 4403 when not logged in (or two-factor login still to set up),
4404 for everyone else, whether the session exists or not.

Protocol (JSON text frames). The client starts every (re)connection with
`{"type": "hello", "last_id": N, "language": "fr"}` and receives `{"type": "state", ...}`: the
room as it is now (presence, agenda, hands, polls) and the chat messages with id > N. Then:

    client → server                                   server → everyone in the room
    {"type": "chat", "text": …, "client_id": uuid}    {"type": "chat", "message": {id, author, text, created, client_id}}
    {"type": "hand", "raised": true|false}            {"type": "hands", "queue": [...], "speaker": …}
    {"type": "floor", "user": id}        facilitator  {"type": "hands", ...}
    {"type": "clear_hands"}              facilitator  {"type": "hands", ...}
    {"type": "agenda", "item": id|null}  facilitator  {"type": "agenda", "agenda": {items, current}}
    {"type": "create_poll", "question", "options"}    {"type": "poll", "poll": {id, question, closed, options, total}}
    {"type": "vote", "poll": id, "option": id}        {"type": "poll", ...}  (+ {"type": "voted"} to the voter)
    {"type": "close_poll", "poll": id}   facilitator  {"type": "poll", ...}
    {"type": "ping"}                                  {"type": "pong"} (to the sender; keeps presence fresh)

Presence changes reach everyone gathered, at most every PRESENCE_DELAY seconds:
{"type": "presence", "joined": [person, ...], "left": [id, ...]} (when a session starts, a
hundred people arrive within seconds: one message per arrival to each of them would be tens of
thousands). A
refusal goes to the sender only: {"type": "error", "code", "message" (translated), "client_id"?}.

Once the session is over (`Session.room_is_open`: its end plus a grace period, or cancelled),
the room is read-only: `state` carries `"open": false` and a translated `notice`, every write
is refused with code "closed", and a connection still open is closed with 4410 at its next ping.

Every chat message is saved before it is broadcast; a resend with a client id already saved
is not saved again (the sender gets the saved message back). Room state lives in the
database (and who has the floor in the cache), so several server processes behind the Redis
channel layer share one room.
"""

import asyncio
import json
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from . import live
from .access import membership_for_session

logger = logging.getLogger("village")

CLOSE_NOT_LOGGED_IN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_SLOW = 4408  # the client will reconnect and get a fresh snapshot
CLOSE_ROOM_CLOSED = 4410  # the session is over: the client stops and keeps what it shows
# Broadcasts waiting for one slow connection; beyond this it is closed rather than buffered.
MAX_PENDING = 500
PRESENCE_DELAY = 0.3  # seconds during which presence changes are gathered
LANGUAGES = {code for code, _name in settings.LANGUAGES}


def _db(function):
    # Not thread-sensitive: these calls share nothing but the database, so that several
    # rooms (and connections) do not queue behind one thread.
    return database_sync_to_async(function, thread_sensitive=False)


class RoomRelay:
    """The one member of a room's channel-layer group in this server process.

    A broadcast through the Redis layer costs one message per group member, and a process
    takes its messages out of Redis one at a time: with a channel per connection, 200 people
    in a room meant 200 Redis messages per chat message. So each process joins the group once,
    per room, and hands what arrives to its own connections in memory. Only this fan-out is in
    process memory; the room's state is not (see network/live.py).
    """

    _relays = {}  # session id -> RoomRelay (of the running event loop)

    def __init__(self, layer, group, loop):
        self.layer = layer
        self.group = group
        self.loop = loop
        self.consumers = set()
        self.channel = None
        self.task = None
        self.lock = asyncio.Lock()
        self.presence = {}  # person id -> person (joined) or None (left), not yet sent
        self.presence_flush = None

    @classmethod
    def of(cls, layer, session_id):
        loop = asyncio.get_running_loop()
        relay = cls._relays.get(session_id)
        if relay is None or relay.loop is not loop:
            relay = cls._relays[session_id] = cls(layer, live.group_name(session_id), loop)
        return relay

    async def add(self, consumer):
        async with self.lock:
            self.consumers.add(consumer)
            if self.task is None:
                self.channel = await self.layer.new_channel()
                await self.layer.group_add(self.group, self.channel)
                self.task = asyncio.create_task(self.run())

    async def remove(self, consumer):
        async with self.lock:
            self.consumers.discard(consumer)
            if self.consumers or self.task is None:
                return
            self.task.cancel()
            self.task = None
            if self.presence_flush is not None:
                self.presence_flush.cancel()
                self.presence_flush = None
            try:
                await self.layer.group_discard(self.group, self.channel)
            except Exception:  # noqa: BLE001 - the layer is away; the group expires by itself
                logger.warning("Live room relay %s could not leave its group", self.group, exc_info=True)
            for session_id, relay in list(self._relays.items()):
                if relay is self:
                    del self._relays[session_id]

    async def run(self):
        while True:
            try:
                message = await self.layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception:  # the layer is away for a moment: keep listening
                logger.warning("Live room relay %s could not receive", self.group, exc_info=True)
                await self.rejoin()
                continue
            kind = message.get("type")
            if kind == "room.event" and isinstance(message.get("text"), str):
                self.deliver(message["text"])
            elif kind == "room.presence":
                self.gather_presence(message)

    async def rejoin(self):
        """After Redis was away (a restarted Redis has forgotten the groups), join the room's
        group again as soon as it answers; until then, messages reach this process only."""
        while True:
            await asyncio.sleep(1)
            try:
                await self.layer.group_add(self.group, self.channel)
                return
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001, S112 - still away: try again
                continue

    def deliver(self, text):
        for consumer in list(self.consumers):
            consumer.deliver(text)

    def gather_presence(self, message):
        if message.get("joined"):
            self.presence[message["joined"]["id"]] = message["joined"]
        elif message.get("left") is not None:
            self.presence[message["left"]] = None
        if self.presence_flush is None:
            self.presence_flush = self.loop.call_later(PRESENCE_DELAY, self.flush_presence)

    def flush_presence(self):
        changes, self.presence, self.presence_flush = self.presence, {}, None
        joined = [person for person in changes.values() if person is not None]
        left = [person_id for person_id, person in changes.items() if person is None]
        self.deliver(json.dumps({"type": "presence", "joined": joined, "left": left}))


class SessionRoomConsumer(AsyncJsonWebsocketConsumer):
    session = None
    membership = None
    group = None
    joined = False
    overflowed = False

    async def connect(self):
        # Accept first, so that the close code reaches the browser (a refused handshake
        # would tell it nothing); nothing is sent before the check.
        await self.accept()
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_NOT_LOGGED_IN)
            return
        session_id = self.scope["url_route"]["kwargs"].get("session_id")
        # One trip to the database thread for the whole check (connections arrive in bursts
        # when a session starts).
        refusal, session, membership = await _db(self._check)(user, session_id)
        if refusal:
            await self.close(code=refusal)
            return
        self.user = user
        self.session = session
        self.membership = membership
        self.language = (
            user.preferred_language if user.preferred_language in LANGUAGES else settings.LANGUAGE_CODE
        )
        self.group = live.group_name(session.pk)
        self.outbox = asyncio.Queue()
        self.writer = asyncio.create_task(self.write())
        self.relay = RoomRelay.of(self.channel_layer, session.pk)
        await self.relay.add(self)
        first = await _db(live.join)(session, user, self.channel_name)
        self.joined = True
        if first:
            await self.broadcast_presence(joined=live.person_payload(user, membership.role))

    @staticmethod
    def _check(user, session_id):
        from accounts.services import needs_two_factor_setup

        if needs_two_factor_setup(user):
            return CLOSE_NOT_LOGGED_IN, None, None
        # The room of a session that is over or cancelled can still be read (`live.closed_notice`).
        session, membership = membership_for_session(user, session_id)
        if session is None:
            return CLOSE_NOT_FOUND, None, None
        return None, session, membership

    async def disconnect(self, code):
        if not self.joined:
            return
        self.joined = False
        await self.relay.remove(self)
        self.writer.cancel()
        try:
            gone = await _db(live.leave)(self.session, self.user, self.channel_name)
        except Exception:  # the database is away: the presence sweep will catch up
            logger.warning("Could not record leaving live room %s", self.session.pk, exc_info=True)
            return
        if gone:
            await self.broadcast_presence(left=self.user.pk)

    # --- receiving --------------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        if not self.joined:
            return
        try:
            content = json.loads(text_data) if text_data else None
        except ValueError:
            content = None
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            await self.refuse(live.RoomError(gettext("This message was not understood."), "invalid"), content)
            return
        await self.receive_json(content)

    async def receive_json(self, content, **kwargs):
        handler = getattr(self, "on_" + content["type"], None) if content["type"].isidentifier() else None
        with translation.override(self.language):
            if handler is None:
                await self.refuse(
                    live.RoomError(gettext("This message was not understood."), "invalid"), content
                )
                return
            try:
                await handler(content)
            except live.RoomError as error:
                await self.refuse(error, content)

    async def refuse(self, error, content):
        with translation.override(getattr(self, "language", settings.LANGUAGE_CODE)):
            payload = {"type": "error", "code": error.code, "message": str(error.message)}
        if isinstance(content, dict):
            if isinstance(content.get("client_id"), str):
                payload["client_id"] = content["client_id"][: live.CLIENT_ID_LENGTH]
            if content.get("type") in {"create_poll", "vote", "close_poll"}:
                payload["about"] = "poll"
        await self.send_json(payload)

    async def on_hello(self, content):
        language = content.get("language")
        if isinstance(language, str) and language[:2] in LANGUAGES:
            self.language = language[:2]
        state = await _db(live.snapshot)(self.session, self.membership, content.get("last_id"))
        await self.send_json(state)

    async def on_ping(self, content):
        membership = await _db(live.still_member)(self.session, self.user)
        if membership is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.membership = membership
        if not self.session.room_is_open():
            await self.close(code=CLOSE_ROOM_CLOSED)
            return
        await _db(live.touch)(self.channel_name)
        for user_id in await _db(live.sweep)(self.session):
            await self.broadcast_presence(left=user_id)
        await self.send_json({"type": "pong"})

    async def on_chat(self, content):
        message, created = await _db(live.post_message)(
            self.session, self.user, content.get("text"), content.get("client_id")
        )
        if created:
            await self.broadcast({"type": "chat", "message": message})
        else:  # a resend: only the sender needs to hear that it arrived
            await self.send_json({"type": "chat", "message": message})

    async def on_hand(self, content):
        if content.get("raised"):
            hands = await _db(live.raise_hand)(self.session, self.user)
        else:
            hands = await _db(live.lower_hand)(self.session, self.user)
        await self.broadcast({"type": "hands", **hands})

    async def on_floor(self, content):
        hands = await _db(live.give_floor)(self.session, self.membership, content.get("user"))
        await self.broadcast({"type": "hands", **hands})

    async def on_clear_hands(self, content):
        hands = await _db(live.clear_hands)(self.session, self.membership)
        await self.broadcast({"type": "hands", **hands})

    async def on_agenda(self, content):
        agenda = await _db(live.open_agenda_item)(self.session, self.membership, content.get("item"))
        await self.broadcast({"type": "agenda", "agenda": agenda})

    async def on_create_poll(self, content):
        poll = await _db(live.create_poll)(
            self.session, self.membership, content.get("question"), content.get("options")
        )
        await self.send_json({"type": "poll_created", "poll": poll["id"]})
        await self.broadcast({"type": "poll", "poll": poll})

    async def on_vote(self, content):
        poll, option = await _db(live.vote)(
            self.session, self.user, content.get("poll"), content.get("option")
        )
        await self.send_json({"type": "voted", "poll": poll["id"], "option": option})
        await self.broadcast({"type": "poll", "poll": poll})

    async def on_close_poll(self, content):
        poll = await _db(live.close_poll)(self.session, self.membership, content.get("poll"))
        await self.broadcast({"type": "poll", "poll": poll})

    # --- broadcasting -----------------------------------------------------------------------

    async def broadcast(self, payload):
        # Encoded once here rather than once per receiving connection.
        text = json.dumps(payload)
        try:
            await self.channel_layer.group_send(self.group, {"type": "room.event", "text": text})
        except Exception:  # noqa: BLE001 - the channel layer (Redis) is away
            logger.warning(
                "Live room %s: broadcast through the channel layer failed", self.group, exc_info=True
            )
            # What was saved is not lost: people on this process get it now, the others from
            # the backfill when their page reconnects; the sender is told.
            self.relay.deliver(text)
            with translation.override(self.language):
                await self.send_json(
                    {
                        "type": "error",
                        "code": "degraded",
                        "message": gettext(
                            "The connection between the servers is interrupted. What you sent is saved; "
                            "the others will see it as soon as it is back."
                        ),
                    }
                )

    async def broadcast_presence(self, joined=None, left=None):
        try:
            await self.channel_layer.group_send(
                self.group, {"type": "room.presence", "joined": joined, "left": left}
            )
        except Exception:  # noqa: BLE001 - presence catches up when the layer is back
            logger.warning("Live room %s: presence not broadcast", self.group, exc_info=True)

    def deliver(self, text):
        """A broadcast for this connection (from the relay): sent in order by `write`."""
        if self.overflowed:
            return
        if self.outbox.qsize() >= MAX_PENDING:
            self.overflowed = True
            asyncio.ensure_future(self.close(code=CLOSE_TOO_SLOW))
            return
        self.outbox.put_nowait(text)

    async def write(self):
        try:
            while True:
                text = await self.outbox.get()
                await self.send(text_data=text)
        except asyncio.CancelledError:
            raise
        except Exception:  # the connection is gone; disconnect() cleans up
            logger.info("Live room %s: a connection went away while writing", self.session.pk, exc_info=True)
