"""A coordinator on her phone reads the regional overview of her network, describes a good
practice and shares it with everyone; a visitor finds it in the public library. Every page is
checked with axe."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from network.models import Practice
from tests.activities.factories import ActivityFactory, ThemeFactory, VenueFactory
from tests.e2e.conftest import visit
from tests.e2e.test_live_room import logged_in
from tests.factories import OrganisationFactory, ProfessionalFactory
from tests.network.factories import make_member, make_network

pytestmark = pytest.mark.parametrize("browser_locale", ["en-GB"])


def test_coordinator_reads_the_overview_and_shares_a_practice(page, live_server_url):
    network = make_network(slug="brussel")
    member = make_member(network, user=ProfessionalFactory(display_name="Nadia", preferred_language="en"))
    homework = ThemeFactory(slug="homework", name_nl="Huiswerk", name_fr="Devoirs", name_en="Homework")
    organisation = OrganisationFactory()
    venue = VenueFactory(organisation=organisation, municipality="Anderlecht", postcode="1070")
    activity = ActivityFactory(
        organisation=organisation, venue=venue, themes=[homework], min_age=8, max_age=12
    )

    with translation.override("en"):
        logged_in(page.context, member, live_server_url)
        visit(page, "/en/networks/brussel/overview/")
        expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Regional overview"))
        table = page.get_by_role(
            "table", name=gettext("Activities per municipality and age group, all themes together")
        )
        expect(table.get_by_role("row", name=re.compile("Anderlecht"))).to_contain_text("0 " + gettext("gap"))
        # One municipality: its table per theme is unfolded.
        expect(page.get_by_role("table", name=re.compile("Anderlecht"))).to_be_visible()

        visit(page, "/en/networks/brussel/practices/new/")
        page.get_by_label(gettext("Title")).fill("Homework school at the football club")
        page.get_by_label(gettext("Goal")).fill(
            "Players and their brothers and sisters get help with homework."
        )
        page.get_by_label(gettext("Tags")).fill("homework, sport")
        page.get_by_label(gettext("Activities on the map")).fill(
            f"{live_server_url}{activity.get_absolute_url()}"
        )
        page.get_by_label(gettext("Everyone")).check()
        page.get_by_role("button", name=gettext("Save")).click()
        expect(page).to_have_url(re.compile(r"/en/networks/practices/\d+/$"))
        practice = Practice.objects.get()
        assert page.url.endswith(f"/en/networks/practices/{practice.pk}/") and practice.is_public
        expect(page.get_by_role("heading", level=1)).to_have_text("Homework school at the football club")
        expect(page.get_by_role("link", name=activity.title_en)).to_be_visible()

        page.context.clear_cookies()
        visit(page, "/en/networks/practices/")
        page.get_by_label(gettext("Search words")).fill("football")
        page.get_by_role("button", name=gettext("Search")).click()
        page.get_by_role("link", name="Homework school at the football club").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Homework school at the football club")
