"""Two coordinators in the same live room, each on a phone: chat both ways, the agenda the
facilitator opens, a raised hand, a quick poll with live results, and a dropped connection
that comes back with what it missed."""

import datetime
import json
import re

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from playwright.sync_api import expect

from network.models import ChatMessage, Session
from tests.e2e.conftest import (
    AUDIT_RUNNER,
    AXE_OPTIONS,
    PHONE,
    _Auditor,
    _axe_source,
    assert_accessible,
    visit,
)
from tests.factories import ProfessionalFactory
from tests.network.factories import make_facilitator, make_member, make_network, make_session

pytestmark = pytest.mark.parametrize("browser_locale", ["nl-BE"])


def logged_in(context, user, base_url):
    """Logs the user in for this browser context with a Django session made here (the login
    form is tested elsewhere)."""
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    context.add_cookies([{"name": "sessionid", "value": store.session_key, "url": base_url}])


@pytest.fixture
def second_page(browser, live_server_url, browser_locale):
    """Another phone, checked with axe like `page` (by hand: assert_accessible)."""
    context = browser.new_context(**PHONE, base_url=live_server_url, locale=browser_locale, bypass_csp=True)
    context.set_default_timeout(10_000)
    auditor = _Auditor()
    context.expose_binding("__villageAxeReport", auditor.report)
    context.add_init_script(_axe_source() + ";\n" + AUDIT_RUNNER.replace("OPTIONS", json.dumps(AXE_OPTIONS)))
    context.route("**/*", auditor.hold_navigation)
    other = context.new_page()
    other._village_auditor = auditor
    try:
        yield other
        auditor.raise_failures()
    finally:
        context.close()


def chat(page):
    return page.get_by_role("log", name=gettext("Chat"))


def say(page, text):
    page.get_by_label(gettext("Your message")).fill(text)
    page.get_by_role("button", name=gettext("Send"), exact=True).click()


def test_two_coordinators_meet_in_the_live_room(page, second_page, live_server_url):
    network = make_network(slug="brussel-live")
    karim = make_facilitator(network, user=ProfessionalFactory(display_name="Karim"))
    sofie = make_member(network, user=ProfessionalFactory(display_name="Sofie"))
    session = make_session(
        network,
        title="Netwerkmoment december",
        starts_at=timezone.now() - datetime.timedelta(minutes=5),
        agenda=["Welkom", "Casus uit Anderlecht", "Volgende stappen"],
    )
    url = f"/nl/networks/{network.slug}/sessions/{session.pk}/room/"
    logged_in(page.context, karim, live_server_url)
    logged_in(second_page.context, sofie, live_server_url)

    with translation.override("nl"):
        connected = gettext("Connected. You are in the live room.")
        visit(page, url)
        expect(page.get_by_role("heading", level=1)).to_contain_text("Netwerkmoment december")
        expect(page.get_by_role("status").first).to_have_text(connected)
        visit(second_page, url)
        expect(second_page.locator("#room-status")).to_have_text(connected)

        # Who is here: each sees the other.
        presence = page.get_by_role("region", name=gettext("Who is here"))
        expect(presence.get_by_role("listitem").filter(has_text="Sofie")).to_have_count(1)
        expect(
            second_page.get_by_role("region", name=gettext("Who is here")).get_by_text(re.compile("^Karim"))
        ).to_be_visible()

        # Chat both ways.
        say(page, "Welkom allemaal, we beginnen zo.")
        expect(chat(second_page).get_by_text("Welkom allemaal, we beginnen zo.")).to_be_visible()
        say(second_page, "Goeiemorgen! <b>geen HTML</b>")
        message = chat(page).get_by_text("Goeiemorgen! <b>geen HTML</b>")  # shown as text
        expect(message).to_be_visible()

        # The facilitator opens an agenda item: Sofie's screen follows.
        page.get_by_role(
            "button", name=re.compile(rf"^{gettext('Open this item')}\s*: Casus uit Anderlecht")
        ).click()
        current = second_page.locator("#room-agenda [aria-current='step']")
        expect(current).to_contain_text("Casus uit Anderlecht")
        expect(current).to_contain_text(pgettext("agenda item being discussed", "Now"))
        expect(second_page.locator("#room-announcer")).to_have_text(
            gettext("Now on the agenda: {title}").replace("{title}", "Casus uit Anderlecht")
        )

        # Sofie raises her hand; Karim sees the queue and gives her the floor.
        hand = second_page.get_by_role("button", name=gettext("Raise my hand"))
        hand.click()
        expect(second_page.get_by_role("button", name=gettext("Lower my hand"))).to_have_attribute(
            "aria-pressed", "true"
        )
        queue = page.get_by_role("region", name=gettext("Speaking queue"))
        expect(queue.get_by_text("1. Sofie")).to_be_visible()
        queue.get_by_role("button", name=re.compile(rf"^{gettext('Give the floor')}\s*: Sofie")).click()
        expect(second_page.locator("#room-speaker")).to_have_text(
            gettext("Has the floor: {name}").replace("{name}", "Sofie")
        )
        expect(queue.get_by_text(gettext("Nobody has raised a hand."))).to_be_visible()

        # A quick poll with live results.
        polls = page.get_by_role("region", name=gettext("Polls"))
        polls.get_by_text(gettext("Start a poll")).click()
        polls.get_by_label(gettext("Question")).fill("Volgende keer op woensdag?")
        polls.get_by_label(gettext("Answers, one per line")).fill("Ja\nNee\nMaakt niet uit")
        polls.get_by_role("button", name=gettext("Start the poll")).click()
        their_poll = second_page.get_by_role("region", name="Volgende keer op woensdag?")
        expect(their_poll).to_be_visible()
        their_poll.get_by_label("Maakt niet uit").check()
        their_poll.get_by_role("button", name=gettext("Vote")).click()
        one_vote = gettext("{count} vote").replace("{count}", "1")
        our_poll = page.get_by_role("region", name="Volgende keer op woensdag?")
        expect(our_poll.get_by_role("listitem").filter(has_text="Maakt niet uit")).to_contain_text(one_vote)
        expect(their_poll.get_by_role("listitem").filter(has_text="Maakt niet uit")).to_contain_text(
            gettext("your vote")
        )
        assert_accessible(second_page)

        # Sofie's connection drops: she is told, and what she types is kept.
        second_page.context.set_offline(True)
        expect(second_page.locator("#room-status")).to_have_text(
            re.compile(
                re.escape(gettext("Connection lost. Reconnecting…"))
                + "|"
                + re.escape(
                    gettext("You are offline. Your messages will be sent when the connection is back.")
                )
            )
        )
        say(page, "Heeft iedereen de casus gelezen?")
        expect(chat(page).get_by_text("Heeft iedereen de casus gelezen?")).to_be_visible()
        say(second_page, "Ik was even weg")
        expect(second_page.locator(".room-message--pending")).to_contain_text("Ik was even weg")
        expect(second_page.locator(".room-message--pending")).to_contain_text(
            gettext("Not sent yet: it will be sent when the connection is back.")
        )
        expect(chat(second_page).get_by_text("Heeft iedereen de casus gelezen?")).to_have_count(0)

        # Back online: she gets the missed message, hers goes out once.
        second_page.context.set_offline(False)
        expect(second_page.locator("#room-status")).to_have_text(
            gettext("Connected again. You have everything you missed."), timeout=15_000
        )
        expect(chat(second_page).get_by_text("Heeft iedereen de casus gelezen?")).to_be_visible()
        expect(chat(page).get_by_text("Ik was even weg")).to_have_count(1)
        expect(second_page.locator(".room-message--pending")).to_have_count(0)
        assert ChatMessage.objects.filter(session=session, text="Ik was even weg").count() == 1
        # The agenda and the poll are still as they were.
        expect(second_page.locator("#room-agenda [aria-current='step']")).to_contain_text(
            "Casus uit Anderlecht"
        )
        assert_accessible(page)
        assert_accessible(second_page)


def test_after_the_session_the_room_stays_readable_but_takes_nothing(page, live_server_url):
    """Karim's phone is in the room when the session ends; when it reconnects, the room turns
    read-only in place (his unsent message is marked, the controls go). A reload shows the record."""
    network = make_network(slug="brussel-after")
    karim = make_facilitator(network, user=ProfessionalFactory(display_name="Karim"))
    session = make_session(
        network,
        title="Netwerkmoment januari",
        starts_at=timezone.now() - datetime.timedelta(minutes=30),
        agenda=["Welkom", "Afspraken"],
    )
    ChatMessage.objects.create(session=session, author=karim, text="Tot de volgende keer!")
    url = f"/nl/networks/{network.slug}/sessions/{session.pk}/room/"
    logged_in(page.context, karim, live_server_url)

    with translation.override("nl"):
        ended = gettext(
            "This session has ended. The live room is closed: you can still read the chat, the agenda "
            "and the poll results."
        )
        visit(page, url)
        expect(page.locator("#room-status")).to_have_text(gettext("Connected. You are in the live room."))
        expect(page.get_by_role("button", name=re.compile(rf"^{gettext('Open this item')}"))).to_have_count(2)

        page.context.set_offline(True)
        ends_at = timezone.now() - datetime.timedelta(hours=1)
        Session.objects.filter(pk=session.pk).update(
            starts_at=ends_at - datetime.timedelta(hours=2), ends_at=ends_at
        )
        say(page, "Nog een laatste vraag")
        page.context.set_offline(False)

        expect(page.locator("#room-status")).to_have_text(ended, timeout=15_000)
        expect(page.get_by_role("button", name=gettext("Send"), exact=True)).to_be_disabled()
        expect(page.get_by_role("button", name=re.compile(rf"^{gettext('Open this item')}"))).to_have_count(0)
        expect(page.locator(".room-message--pending")).to_contain_text(
            gettext("Not sent: the live room is closed.")
        )
        expect(chat(page).get_by_text("Tot de volgende keer!")).to_be_visible()
        assert_accessible(page)
        assert not ChatMessage.objects.filter(text="Nog een laatste vraag").exists()

        visit(page, url)
        expect(page.locator("#room-status")).to_have_text(ended)
        expect(chat(page).get_by_text("Tot de volgende keer!")).to_be_visible()
        expect(page.get_by_label(gettext("Your message"))).to_have_count(0)
        expect(page.get_by_role("region", name=gettext("Speaking queue"))).to_have_count(0)
