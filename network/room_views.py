"""The page of a session's live room (members of the network only, 404 for everyone else).

The page renders the room as it is (agenda, who is there, hands, polls, the recent chat), so it
is useful before the script has connected; static/js/network-room.js then keeps it live over
the WebSocket of network/consumers.py. Once the session is over or cancelled the page is the
read-only record (chat, agenda, poll results) with a notice, without forms or script.
"""

import datetime

from django.shortcuts import render
from django.utils.translation import gettext, pgettext

from . import live
from .access import member_or_404, object_or_404
from .models import Session


def room_strings():
    """Words the room's script shows, in the page's language ({name}-style placeholders)."""
    return {
        "connecting": gettext("Connecting to the live room…"),
        "connected": gettext("Connected. You are in the live room."),
        "reconnecting": gettext("Connection lost. Reconnecting…"),
        "reconnected": gettext("Connected again. You have everything you missed."),
        "queued": gettext("You are offline. Your messages will be sent when the connection is back."),
        "not_connected": gettext("Not connected. Wait until the connection is back and try again."),
        "no_access": gettext("This live room is not available to you."),
        "ended": gettext("This live room is closed."),
        "not_sent": gettext("Not sent: the live room is closed."),
        "pending": gettext("Not sent yet: it will be sent when the connection is back."),
        "you": gettext("You"),
        "empty": gettext("Write a message first."),
        "too_long": gettext("A message can be at most {max} characters long. Please shorten it."),
        "facilitator": gettext("facilitator"),
        "present_one": gettext("{count} person present"),
        "present_other": gettext("{count} people present"),
        "now": pgettext("agenda item being discussed", "Now"),
        "open_item": gettext("Open this item"),
        "close_item": gettext("Close this item"),
        "agenda_now": gettext("Now on the agenda: {title}"),
        "agenda_none": gettext("No agenda item is open."),
        "raise_hand": gettext("Raise my hand"),
        "lower_hand": gettext("Lower my hand"),
        "queue_entry": gettext("{position}. {name}"),
        "no_hands": gettext("Nobody has raised a hand."),
        "give_floor": gettext("Give the floor"),
        "speaking": gettext("Has the floor: {name}"),
        "your_turn": gettext("You have the floor."),
        "vote": gettext("Vote"),
        "change_vote": gettext("Change my vote"),
        "your_vote": gettext("your vote"),
        "results": gettext("Results"),
        "votes_one": gettext("{count} vote"),
        "votes_other": gettext("{count} votes"),
        "poll_open": gettext("Open"),
        "poll_closed": gettext("Closed"),
        "close_poll": gettext("Close the poll"),
        "no_polls": gettext("No polls yet."),
        "poll_new": gettext("New poll: {question}"),
        "poll_ended": gettext("Poll closed: {question}"),
    }


def session_room(request, slug, pk):
    membership = member_or_404(request, slug)
    network = membership.network
    session = object_or_404(Session.objects.select_related("network"), network, pk=pk)
    state = live.snapshot(session, membership, None)
    current = next(
        (item for item in state["agenda"]["items"] if item["id"] == state["agenda"]["current"]), None
    )
    for message in state["messages"]:
        message["created_at"] = datetime.datetime.fromisoformat(message["created"])
    for poll in state["polls"]:
        for option in poll["options"]:
            option["share"] = round(100 * option["votes"] / poll["total"]) if poll["total"] else 0
    return render(
        request,
        "network/room.html",
        {
            "network": network,
            "membership": membership,
            "session": session,
            "is_facilitator": live.is_facilitator(membership),
            "state": state,
            "current_item": current,
            "last_id": state["messages"][-1]["id"] if state["messages"] else 0,
            "max_length": live.MAX_MESSAGE_LENGTH,
            "strings": room_strings(),
        },
    )
