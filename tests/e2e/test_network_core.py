"""A facilitator on her phone plans a session and invites a colleague; the colleague follows the
link in the e-mail, logs in, joins, says she will come. Every page is checked with axe."""

import datetime
import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from network.models import NetworkMember, Rsvp, Session
from tests.e2e.conftest import links_in, mails_to, visit
from tests.e2e.test_live_room import logged_in
from tests.factories import PASSWORD, ProfessionalFactory
from tests.network.factories import make_facilitator, make_member, make_network

pytestmark = pytest.mark.parametrize("browser_locale", ["en-GB"])


def test_facilitator_plans_a_session_and_invites_a_colleague(page, live_server_url, mailoutbox):
    network = make_network(slug="brussel")
    facilitator = make_facilitator(network, user=ProfessionalFactory(display_name="Karim"))
    make_member(network, user=ProfessionalFactory(display_name="Nadia", preferred_language="en"))
    colleague = ProfessionalFactory(display_name="Eva", email="eva@example.org", preferred_language="en")
    day = timezone.localdate() + datetime.timedelta(days=3)

    with translation.override("en"):
        logged_in(page.context, facilitator, live_server_url)
        visit(page, "/en/me/")
        page.get_by_role("navigation", name=gettext("Main menu")).get_by_role(
            "link", name=gettext("My networks")
        ).click()
        page.get_by_role("link", name="Learning network Brussels").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Learning network Brussels")

        # Plan a session.
        page.get_by_role("link", name=gettext("Plan a session")).click()
        page.get_by_label(gettext("Title")).fill("Network meeting: truancy in year 7")
        page.get_by_label(gettext("Date")).fill(day.isoformat())
        page.get_by_label(gettext("Start time")).fill("13:30")
        page.get_by_label(gettext("Agenda")).fill("Welcome\nA stuck case\nAgreements")
        page.get_by_role("button", name=gettext("Plan and invite the members")).click()
        expect(page).to_have_url(re.compile(r"/en/networks/brussel/sessions/\d+/$"))
        session = Session.objects.get()
        expect(page.get_by_role("heading", level=1)).to_have_text("Network meeting: truancy in year 7")
        expect(page.get_by_role("link", name=gettext("Add to my calendar"))).to_be_visible()
        (invitation_mail,) = mails_to(mailoutbox, facilitator.email)
        assert invitation_mail.attachments[0][0] == "session.ics"

        # Invite a colleague.
        visit(page, "/en/networks/brussel/invite/")
        page.get_by_label(gettext("E-mail addresses")).fill("eva@example.org")
        page.get_by_role("button", name=gettext("Send the invitations")).click()
        expect(page.get_by_text("eva@example.org · " + gettext("Member"))).to_be_visible()
        (message,) = mails_to(mailoutbox, "eva@example.org")
        link = next(link for link in links_in(message) if "/networks/invitations/" in link)

        # The colleague, logged out, follows the link, logs in and joins.
        page.context.clear_cookies()
        visit(page, link.split("://", 1)[1].split("/", 1)[1].join(["/", ""]))
        page.get_by_role("link", name=gettext("Log in")).last.click()
        page.get_by_label(gettext("Email")).fill("eva@example.org")
        page.get_by_label(re.compile(rf"^{re.escape(gettext('Password'))}\W*$")).fill(PASSWORD)
        page.get_by_role("button", name=gettext("Sign In")).click()
        expect(page.get_by_role("button", name=gettext("Join the network"))).to_be_visible()
        page.get_by_role("button", name=gettext("Join the network")).click()
        expect(page).to_have_url(re.compile(r"/en/networks/brussel/profile/$"))
        assert NetworkMember.objects.filter(network=network, user=colleague).exists()
        page.get_by_label(gettext("organisation")).fill("Huiswerkschool Peterbos")
        page.get_by_role("button", name=gettext("Save")).click()
        expect(page.get_by_text("Huiswerkschool Peterbos")).to_be_visible()

        # She says she will come.
        page.get_by_role("link", name="Network meeting: truancy in year 7").click()
        page.get_by_label(gettext("I will come")).check()
        page.get_by_role("button", name=gettext("Send my answer")).click()
        expect(
            page.get_by_text(gettext("Your answer") + ": " + gettext("I will come"), exact=True)
        ).to_be_visible()
        assert Rsvp.objects.get(session=session, user=colleague).answer == "yes"
