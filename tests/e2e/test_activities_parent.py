"""A French-speaking parent finds an activity for her daughter on her phone and registers her."""

import json
import re
import time

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect

from accounts.models import User
from activities import services
from activities.filters import ActivityFilterForm
from activities.models import Activity, ActivityIndexPage, JoinMode
from activities.predicates import registration_closed_reason
from tests.e2e.conftest import assert_accessible, mails_to, visit

pytestmark = pytest.mark.parametrize("browser_locale", ["fr-BE"])

PASSWORD = "village-demo"
FILTERS = {"time": "wednesday_afternoon"}  # plus the child's age
# No internet in tests: map tiles (and anything else not from the live server) fail at once.
EXTERNAL = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")


def filtered(age):
    form = ActivityFilterForm({**FILTERS, "age": str(age)})
    assert form.is_valid(), form.errors
    return form.filter(Activity.objects.published())


def activity_for(parent, child, age):
    """A published activity of the filtered list that takes registrations, still has places
    and that this child can join (right age, not registered yet)."""
    candidates = filtered(age).filter(join_mode=JoinMode.REGISTRATION).order_by("start_date", "pk")
    for activity in candidates:
        if not activity.places_left or registration_closed_reason(activity):
            continue
        if dict(services.child_options(activity, parent)).get(child) is None:
            return activity
    pytest.fail(f"The demo has no activity with places left for a {age}-year-old on Wednesday afternoon")


def show_map(page):
    """Show the finder's map (behind a button on a phone) and return the ids of its markers:
    embedded in the page, or fetched from the open-data API when the map is shown."""
    show = page.get_by_role("button", name=gettext("Show map"))
    source = page.locator("#finder-map").get_attribute("data-markers-url")
    if not source:
        show.click()
        return {marker["id"] for marker in json.loads(page.locator("#activities-data").text_content())}
    with page.expect_response(lambda response: response.url.endswith(source)) as fetched:
        show.click()
    assert fetched.value.ok
    return {feature["properties"]["id"] for feature in fetched.value.json()["features"]}


def main_menu(page):
    return page.get_by_role("navigation", name=gettext("Main menu"))


def registration_mail(outbox, address, title, timeout=5.0):
    deadline = time.monotonic() + timeout
    while True:
        messages = [message for message in mails_to(outbox, address, timeout=0) if title in message.subject]
        if messages or time.monotonic() > deadline:
            return messages
        time.sleep(0.05)


def test_parent_finds_an_activity_and_registers_her_daughter(page, demo, mailoutbox):
    page.route(EXTERNAL, lambda route: route.abort())
    parent = User.objects.get(email="parent@example.org")
    yasmine = parent.children.get(first_name="Yasmine")
    age = yasmine.age
    activity = activity_for(parent, yasmine, age)
    title = activity.title_fr
    result_count = filtered(age).count()
    finder = ActivityIndexPage.objects.live().get()

    with translation.override("fr"):
        # The browser asks for French: the home page is the French one.
        visit(page, "/")
        expect(page).to_have_url(re.compile(r"/fr/$"))
        expect(page.locator("html")).to_have_attribute("lang", "fr")

        main_menu(page).get_by_role("link", name=finder.title_fr, exact=True).click()
        expect(page).to_have_url(re.compile(rf"/fr/{finder.slug_fr}/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(finder.title_fr)

        # The filters: the child's age, and Wednesday afternoon under "More filters".
        search = page.get_by_role("search", name=gettext("Find an activity"))
        search.get_by_label(gettext("Age"), exact=True).fill(str(age))
        search.get_by_text(gettext("More filters")).click()
        search.get_by_label(gettext("Time of day")).select_option(label=gettext("Wednesday afternoon"))
        search.get_by_role("button", name=gettext("Show activities")).click()

        expect(page).to_have_url(
            re.compile(rf"/fr/{finder.slug_fr}/\?(?=.*\bage={age}\b)(?=.*\btime=wednesday_afternoon\b)")
        )
        count = ngettext("%(counter)s activity", "%(counter)s activities", result_count) % {
            "counter": result_count
        }
        expect(page.locator(".results-count")).to_contain_text(count)
        chips = page.get_by_role("heading", name=gettext("Filters in use")).locator("xpath=..")
        expect(chips.get_by_role("link", name=gettext("Wednesday afternoon"))).to_be_visible()
        results = page.locator("ol.activity-list > li")
        expect(results).to_have_count(min(result_count, 20))
        card = results.filter(has=page.get_by_role("heading", name=title, exact=True))
        expect(card).to_have_count(1)

        # The map shows the same activities as the list (those with a place); no tiles needed.
        markers = show_map(page)
        assert markers == set(filtered(age).filter(venue__isnull=False).values_list("pk", flat=True))
        assert activity.pk in markers
        map_region = page.get_by_role(
            "region", name=gettext("Map of the activities found (the list shows the same activities)")
        )
        expect(map_region).to_be_visible()
        expect(map_region).to_have_class(re.compile(r"\bleaflet-container\b"))
        assert_accessible(page)
        page.get_by_role("button", name=gettext("Show list")).click()
        expect(card).to_be_visible()

        card.get_by_role("link", name=title, exact=True).click()
        expect(page).to_have_url(re.compile(rf"/fr/activity/{activity.pk}-{re.escape(activity.slug)}/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(title)

        # Not logged in yet: joining asks to log in first, then comes back.
        page.get_by_role("link", name=gettext("Join"), exact=True).click()
        expect(page).to_have_url(re.compile(r"/fr/accounts/login/\?next="))
        page.get_by_label(gettext("Email")).fill("parent@example.org")
        page.get_by_label(re.compile(rf"^{re.escape(gettext('Password'))}\W*$")).fill(PASSWORD)
        page.get_by_role("button", name=gettext("Sign In")).click()

        expect(page).to_have_url(re.compile(rf"/fr/activity/{activity.pk}/join/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(
            gettext("Register for %(title)s") % {"title": title}
        )
        children = page.get_by_role("group", name=gettext("Who are you registering?"))
        children.get_by_label(
            gettext("%(name)s (%(age)s years this year)") % {"name": "Yasmine", "age": age}
        ).check()
        page.get_by_role("button", name=gettext("Register"), exact=True).click()

        # The confirmation, on "My activities".
        expect(page).to_have_url(re.compile(r"/fr/me/activities/$"))
        expect(page.get_by_role("status")).to_contain_text(
            gettext("%(name)s is registered for %(activity)s.") % {"name": "Yasmine", "activity": title}
        )

        # Later, from "My Village": the registration is there, with Yasmine's name.
        main_menu(page).get_by_role("link", name=gettext("My Village")).click()
        expect(page).to_have_url(re.compile(r"/fr/me/$"))
        page.get_by_role("main").get_by_role("link", name=gettext("My activities"), exact=True).click()
        expect(page).to_have_url(re.compile(r"/fr/me/activities/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(gettext("My activities"))
        registration = page.get_by_role("article").filter(
            has=page.get_by_role("heading", name=title, exact=True)
        )
        expect(registration).to_have_count(1)
        expect(registration).to_contain_text("Yasmine")
        expect(registration).to_contain_text(gettext("Registered"))

        [message] = registration_mail(mailoutbox, "parent@example.org", title)
        assert message.subject == gettext("Registered: %(title)s") % {"title": title}
        assert gettext("%(name)s is registered for %(title)s.") % {"name": "Yasmine", "title": title} in (
            message.body
        )
        assert gettext("The Village team") in message.body

    assert activity.registrations.filter(child=yasmine, status="confirmed").exists()
