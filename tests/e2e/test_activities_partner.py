"""A partner writes an activity in the admin and sends it for review; a moderator approves it;
then it is on the public finder and among its map's markers, and not before.

The partner and the moderator each work in a desktop browser of their own; a visitor looks at
the finder on a phone (the harness's `page`). Every page is checked with axe. On admin pages
only, two things that are not ours are set aside (see AdminAuditor and STILL_ADMIN).
"""

import datetime
import json
import re
from contextlib import contextmanager
from urllib.parse import urlencode, urlsplit

from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect
from wagtail.models import Workflow

from accounts.models import User
from activities.fields import WEEKDAY_CHOICES
from activities.models import (
    Activity,
    ActivityIndexPage,
    JoinMode,
    Pillar,
    PriceUnit,
    ScheduleKind,
    Theme,
    Venue,
)
from tests.e2e.conftest import AUDIT_RUNNER, AXE_OPTIONS, _Auditor, _axe_source, visit

PASSWORD = "village-demo"
ORGANISATION = "Huiswerkschool De Brug"
TITLE = "Schaakclub op woensdag"
SUMMARY = "Schaken leren en samen spelen, elke woensdagnamiddag. Gewoon binnenlopen."
DESKTOP = {"width": 1280, "height": 800}
WEDNESDAY = 2
EXTERNAL = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")  # no internet in tests

# Wagtail fades its admin messages in (0.5 s of opacity). axe runs as soon as the page is
# complete and measures the half-transparent banner (white on #63ac97, 2.7:1) rather than the
# one people read (white on #1b8666, 4.5:1). On admin pages, transitions are switched off.
STILL_ADMIN = """
if (location.pathname.startsWith("/admin/")) {
  document.addEventListener("DOMContentLoaded", () => {
    const style = document.createElement("style");
    style.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; }";
    document.head.appendChild(style);
  });
}
"""
# Violations on admin pages that come from third-party code, not from Village:
# rule id -> a piece of the offending element's HTML.
# - wagtail-modeltranslation's language picker above translated forms ("nl fr en"): white
#   bold text on rgba(57, 151, 150, 0.3) (1.4:1) and on #43b1b0 (2.6:1), from its
#   static/wagtail_modeltranslation/css/language_toggles.css.
KNOWN_ADMIN_VIOLATIONS = {"color-contrast": ['class="locale-toggle']}


class AdminAuditor(_Auditor):
    """The harness's auditor, minus the known third-party violations on admin pages."""

    def check(self, url, violations):
        if urlsplit(url).path.startswith("/admin/"):
            violations = [
                {**violation, "nodes": nodes}
                for violation in violations
                if (nodes := [node for node in violation["nodes"] if not known(violation["id"], node)])
            ]
        super().check(url, violations)


def known(rule, node):
    return any(part in node.get("html", "") for part in KNOWN_ADMIN_VIOLATIONS.get(rule, ()))


@contextmanager
def admin_browser(browser, base_url):
    """A desktop browser of one's own for the admin, checked with axe like the harness's `page`."""
    context = browser.new_context(viewport=DESKTOP, base_url=base_url, locale="nl-BE", bypass_csp=True)
    try:
        context.set_default_timeout(10_000)
        auditor = AdminAuditor()
        context.expose_binding("__villageAxeReport", auditor.report)
        context.add_init_script(
            _axe_source() + ";\n" + AUDIT_RUNNER.replace("OPTIONS", json.dumps(AXE_OPTIONS))
        )
        context.add_init_script(STILL_ADMIN)
        context.route("**/*", auditor.hold_navigation)
        page = context.new_page()
        page.route(EXTERNAL, lambda route: route.abort())
        page._village_auditor = auditor
        yield page
        auditor.settle(page)  # the last page's check
    finally:
        context.close()


def required(text):
    """A label, with or without the asterisk of a required field."""
    return re.compile(rf"^\s*{re.escape(text)}\s*\*?\s*$")


def label(field_name):
    """The admin's label of an activity field, in the active language."""
    return required(capfirst(str(Activity._meta.get_field(field_name).verbose_name)))


def admin_language(page):
    return page.locator("html").get_attribute("lang")[:2]


def admin_log_in(page, email):
    visit(page, "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    with translation.override(admin_language(page)):
        username = capfirst(str(User._meta.get_field(User.USERNAME_FIELD).verbose_name))
        page.get_by_label(required(username)).fill(email)
        # Wagtail's login form names this field after itself: an untranslated "Password".
        page.get_by_label(required("Password")).fill(PASSWORD)
        page.get_by_role("button", name=gettext("Sign in")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("button", name=email)).to_be_visible()


def write_activity(page, *, venue, theme, start, end):
    """The partner fills in the add form, tab by tab, and saves a draft."""
    page.get_by_role("navigation").get_by_role("button", name=gettext("Activities")).click()
    page.get_by_role("navigation").get_by_role("link", name=gettext("Activities"), exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/snippets/activities/activity/$"))
    add = gettext("Add %(model_name)s") % {"model_name": capfirst(Activity._meta.verbose_name)}
    page.get_by_role("main").get_by_role("link", name=add).click()
    expect(page).to_have_url(re.compile(r"/admin/snippets/activities/activity/add/$"))

    what = open_tab(page, gettext("What"))
    expect(what.get_by_role("combobox", name=label("organisation"))).to_have_value(str(venue.organisation_id))
    what.get_by_role("textbox", name=label("title_nl")).fill(TITLE)
    what.get_by_role("textbox", name=label("summary_nl")).fill(SUMMARY)
    what.get_by_role("combobox", name=label("pillar")).select_option(
        label=str(Pillar.EXTENDED_LEARNING.label)
    )
    what.get_by_role("checkbox", name=theme.name, exact=True).check()
    what.get_by_role("checkbox", name=label("for_children")).check()
    what.get_by_role("spinbutton", name=label("min_age")).fill("8")
    what.get_by_role("spinbutton", name=label("max_age")).fill("14")

    when = open_tab(page, gettext("When"))
    when.get_by_role("combobox", name=label("schedule_kind")).select_option(
        label=str(ScheduleKind.WEEKLY.label)
    )
    when.get_by_role("textbox", name=label("start_date")).fill(start.isoformat())
    when.get_by_role("textbox", name=label("end_date")).fill(end.isoformat())
    when.get_by_role("checkbox", name=str(WEEKDAY_CHOICES[WEDNESDAY][1]), exact=True).check()
    when.get_by_role("textbox", name=label("start_time")).fill("14:00")
    when.get_by_role("textbox", name=label("end_time")).fill("16:00")

    where = open_tab(page, gettext("Where"))  # a click outside also closes the date pickers
    where.get_by_role("combobox", name=label("venue")).select_option(label=f"{venue.name}, {venue.address}")

    cost = open_tab(page, gettext("Cost and joining"))
    cost.get_by_role("combobox", name=label("price_unit")).select_option(label=str(PriceUnit.FREE.label))
    cost.get_by_role("combobox", name=label("join_mode")).select_option(label=str(JoinMode.DROP_IN.label))

    # The edit page of the new draft (autosave may already have created it and changed the
    # address: wait for the page that saving loads, not for the address).
    with page.expect_navigation(url=re.compile(r"/admin/snippets/activities/activity/edit/\d+/$")):
        actions(page).get_by_role("button", name=gettext("Save draft")).click()
    return int(re.search(r"/edit/(\d+)/$", page.url)[1])


def open_tab(page, name):
    """Select a tab of the edit form and return its panel. Wagtail autosaves a while after each
    change and may then show a message that moves the page: if the click missed, click again."""
    tab = page.get_by_role("tab", name=name)
    for _attempt in range(3):
        tab.click()
        try:
            expect(tab).to_have_attribute("aria-selected", "true", timeout=2_000)
            break
        except AssertionError:
            continue
    expect(tab).to_have_attribute("aria-selected", "true")
    return page.get_by_role("tabpanel", name=name)


def actions(page):
    """The action bar at the bottom of an edit form."""
    return page.get_by_role("navigation", name=re.compile(re.escape(gettext("Actions"))))


def finder_card(page, title):
    """The heading of the activity's card on the Dutch finder, searching for its title."""
    finder = ActivityIndexPage.objects.live().get()
    visit(page, f"/nl/{finder.slug_nl}/?" + urlencode({"q": title}))
    return page.get_by_role("main").get_by_role("heading", name=title, exact=True)


def api_features(page, title):
    response = page.request.get("/api/v1/activities?" + urlencode({"q": title, "fields": "id,title"}))
    assert response.ok, response.text()
    return response.json()["features"]


def test_partner_submits_an_activity_and_a_moderator_approves_it(page, browser, live_server_url, demo):
    venue = Venue.objects.filter(organisation__name=ORGANISATION).order_by("pk").first()
    theme = Theme.objects.get(slug="games-play")
    workflow = Workflow.objects.get(name="Activity review")
    today = timezone.localdate()
    start = today + datetime.timedelta(days=(WEDNESDAY - today.weekday()) % 7 or 7)
    end = start + datetime.timedelta(weeks=12)

    # --- The partner writes the activity, saves a draft, then sends it for review.
    with admin_browser(browser, live_server_url) as partner:
        admin_log_in(partner, "partner@example.org")
        with translation.override(admin_language(partner)):
            pk = write_activity(partner, venue=venue, theme=theme, start=start, end=end)
            activity = Activity.objects.get(pk=pk)
            assert (activity.title_nl, activity.live, activity.status) == (TITLE, False, "draft")

            actions(partner).get_by_role("button", name=gettext("More actions")).click()
            submit = gettext("Submit to %(workflow_name)s") % {"workflow_name": workflow.name}
            actions(partner).get_by_role("button", name=submit).click()
            expect(partner).to_have_url(re.compile(r"/admin/snippets/activities/activity/$"))
            row = partner.get_by_role("row").filter(has=partner.get_by_role("link", name=TITLE, exact=True))
            expect(row).to_contain_text(gettext("Waiting for review"))

    activity = Activity.objects.get(pk=pk)
    assert (activity.live, activity.status) == (False, "in_review")
    assert (activity.organisation.name, activity.venue, list(activity.themes.all())) == (
        ORGANISATION,
        venue,
        [theme],
    )
    assert (activity.schedule_kind, activity.weekdays, activity.start_date, activity.end_date) == (
        ScheduleKind.WEEKLY,
        1 << WEDNESDAY,
        start,
        end,
    )
    assert (activity.price_unit, activity.join_mode) == (PriceUnit.FREE, JoinMode.DROP_IN)

    # --- Waiting for review, it is not public: not on the finder, not in the open data.
    with translation.override("nl"):
        expect(finder_card(page, TITLE)).to_have_count(0)
        expect(page.get_by_role("heading", name=gettext("No activities found"))).to_be_visible()
    assert api_features(page, TITLE) == []

    # --- The moderator finds it on the dashboard and approves it.
    with admin_browser(browser, live_server_url) as moderator:
        admin_log_in(moderator, "moderator@example.org")
        with translation.override(admin_language(moderator)):
            review = moderator.locator("section").filter(
                has=moderator.get_by_role("heading", name=gettext("Awaiting your review"))
            )
            row = review.get_by_role("row").filter(has=moderator.get_by_role("link", name=TITLE, exact=True))
            row.get_by_role("button", name=gettext("Actions")).click()
            row.get_by_role("button", name=gettext("Approve"), exact=True).click()
            expect(moderator).to_have_url(re.compile(r"/admin/$"))
            expect(moderator.get_by_role("link", name=TITLE, exact=True)).to_have_count(0)

    activity = Activity.objects.get(pk=pk)
    assert (activity.live, activity.status) == (True, "published")

    # --- Now public: on the finder's list and among the map's markers.
    with translation.override("nl"):
        card = finder_card(page, TITLE)
        expect(card).to_have_count(1)
        expect(card.get_by_role("link")).to_have_attribute("href", activity.get_absolute_url())
        count = ngettext("%(counter)s activity", "%(counter)s activities", 1) % {"counter": 1}
        expect(page.locator(".results-count")).to_contain_text(count)
    # The map's markers: embedded in the page, or what it fetches from the open-data API.
    source = page.locator("#finder-map").get_attribute("data-markers-url")
    if source:
        response = page.request.get(source)
        assert response.ok, response.text()
        markers = [(f["properties"]["id"], f["properties"]["title"]) for f in response.json()["features"]]
    else:
        markers = [(m["id"], m["title"]) for m in json.loads(page.locator("#activities-data").text_content())]
    assert markers == [(pk, TITLE)]
    [feature] = api_features(page, TITLE)
    assert feature["properties"] == {"id": pk, "title": TITLE}
    assert feature["geometry"]["coordinates"] == [float(venue.longitude), float(venue.latitude)]
