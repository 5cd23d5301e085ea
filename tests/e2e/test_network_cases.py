"""A coordinator brings a case to her network on her phone: the form refuses a name and says
where, she rewrites it, a colleague responds, and a signal is endorsed and printed."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from network.models import Case, CaseAccessLog
from tests.e2e.conftest import visit
from tests.e2e.test_live_room import logged_in
from tests.factories import ProfessionalFactory
from tests.network.factories import make_facilitator, make_member, make_network, make_signal

pytestmark = pytest.mark.parametrize("browser_locale", ["nl-BE"])


def test_coordinator_brings_in_a_case_and_a_colleague_responds(page, live_server_url):
    network = make_network(slug="brussel")
    author = make_facilitator(network, user=ProfessionalFactory(display_name="Ilse"))
    colleague = make_member(network, user=ProfessionalFactory(display_name="Nadia"))
    signal = make_signal(network, author=colleague)

    with translation.override("nl"):
        logged_in(page.context, author, live_server_url)
        visit(page, "/nl/networks/brussel/cases/")
        page.get_by_role("link", name=gettext("Bring in a case")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Bring in a case"))

        page.get_by_label(gettext("age")).select_option("12-14")
        page.get_by_label(gettext("school level")).select_option("secondary_2")
        page.get_by_label(gettext("school type")).select_option("mainstream")
        page.get_by_label(gettext("the situation")).fill("Mohamed, 14 jaar, 2de graad BSO, spijbelt.")
        page.get_by_label(gettext("what has been tried, by whom")).fill("Het CLB had twee gesprekken.")
        page.get_by_label(gettext("the question to the network")).fill("Wie kent een time-outproject?")
        page.get_by_role("button", name=gettext("Bring in the case")).click()

        # Refused, with the message next to the field and nothing saved.
        situation = page.locator(".field--error")
        expect(situation).to_have_count(1)
        expect(situation).to_contain_text("“Mo…”")
        assert not Case.objects.exists()

        page.get_by_label(gettext("the situation")).fill("Jongen, 14 jaar, 2de graad BSO, spijbelt.")
        page.get_by_role("button", name=gettext("Bring in the case")).click()
        expect(page).to_have_url(re.compile(r"/nl/networks/brussel/cases/\d+/$"))
        case = Case.objects.get()
        expect(page.get_by_role("heading", level=1)).to_contain_text(case.label)

        page.context.clear_cookies()
        logged_in(page.context, colleague, live_server_url)
        visit(page, f"/nl/networks/brussel/cases/{case.pk}/")
        page.get_by_label(gettext("Your response")).fill("Wij hebben een time-outproject in Anderlecht.")
        page.get_by_role("button", name=gettext("Post your response")).click()
        expect(page.locator(".case-thread")).to_contain_text("time-outproject in Anderlecht")
        assert list(CaseAccessLog.objects.order_by("id").values_list("action", flat=True)) == [
            "create",
            "read",
            "read",
            "respond",
            "read",
        ]

        # The signal: the author endorsed nothing yet; she endorses it and opens the report.
        page.context.clear_cookies()
        logged_in(page.context, author, live_server_url)
        visit(page, f"/nl/networks/brussel/signals/{signal.pk}/")
        page.get_by_role("button", name=gettext("I recognise this: endorse")).click()
        expect(page.get_by_text(gettext("You endorse this signal."), exact=True).first).to_be_visible()
        visit(page, "/nl/networks/brussel/signals/report/")
        expect(page.get_by_role("heading", level=2, name=re.compile(re.escape(signal.title)))).to_be_visible()
        page.emulate_media(media="print")
        expect(page.locator(".site-header")).to_be_hidden()
