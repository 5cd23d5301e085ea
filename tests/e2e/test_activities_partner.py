"""A partner writes an activity in the admin and submits it; a moderator approves it; families
then find it on the public finder and its map."""

import datetime
import json
import re
from urllib.parse import urlencode

from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from playwright.sync_api import expect
from wagtail.models import Workflow

from accounts.models import User
from activities.fields import WEEKDAY_CHOICES
from activities.models import Activity, JoinMode, Pillar, PriceUnit, ScheduleKind, Theme, Venue
from tests.e2e.conftest import AUDIT_RUNNER, AXE_OPTIONS, _Auditor, _axe_source, visit

PASSWORD = "village-demo"
ORGANISATION = "Huiswerkschool De Brug"
TITLE = "Schaakclub op woensdag"
SUMMARY = "Schaken leren en samen spelen, elke woensdagnamiddag. Gewoon binnenlopen."
DESKTOP = {"width": 1280, "height": 800}
WEDNESDAY = 2
EXTERNAL = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")


def new_page(browser, base_url, locale):
    """A desktop tab in a browser context of its own (another person), checked with axe as
    the harness's `page` is."""
    context = browser.new_context(viewport=DESKTOP, base_url=base_url, locale=locale, bypass_csp=True)
    context.set_default_timeout(10_000)
    auditor = _Auditor()
    context.expose_binding("__villageAxeReport", auditor.report)
    context.add_init_script(_axe_source() + ";\n" + AUDIT_RUNNER.replace("OPTIONS", json.dumps(AXE_OPTIONS)))
    context.route("**/*", auditor.hold_navigation)
    page = context.new_page()
    page._village_auditor = auditor
    return page


def required(text):
    """A label, maybe with the asterisk of a required field."""
    return re.compile(rf"^\s*{re.escape(text)}\s*\*?\s*$")


def label(field_name):
    """The admin's label of an activity field, in the active language."""
    return required(capfirst(str(Activity._meta.get_field(field_name).verbose_name)))


def admin_log_in(page, email):
    visit(page, "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next=/admin/$"))
    with translation.override(admin_language(page)):
        username = capfirst(str(User._meta.get_field(User.USERNAME_FIELD).verbose_name))
        page.get_by_label(required(username)).fill(email)
        # Wagtail's login form names this field without a translated label.
        page.get_by_label(required("Password")).fill(PASSWORD)
        page.get_by_role("button", name=gettext("Sign in")).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_role("button", name=email)).to_be_visible()


def admin_language(page):
    return page.locator("html").get_attribute("lang")[:2]


def finder_results(page, title):
    visit(page, "/nl/activiteiten/?" + urlencode({"q": title}))
    return page.get_by_role("main").get_by_role("heading", name=title, exact=True)


def test_partner_submits_an_activity_and_a_moderator_approves_it(page, browser, live_server_url, demo):
    page.route(EXTERNAL, lambda route: route.abort())
    page.set_viewport_size(DESKTOP)
    venue = Venue.objects.filter(organisation__name=ORGANISATION).order_by("pk").first()
    theme = Theme.objects.get(slug="games-play")
    workflow = Workflow.objects.get(name="Activity review")
    today = timezone.localdate()
    start = today + datetime.timedelta(days=(WEDNESDAY - today.weekday()) % 7 or 7)
    end = start + datetime.timedelta(weeks=12)

    # --- The partner writes the activity and sends it for review.
    admin_log_in(page, "partner@example.org")
    with translation.override(admin_language(page)):
        page.get_by_role("navigation").get_by_role("button", name=gettext("Activities")).click()
        page.get_by_role("navigation").get_by_role("link", name=gettext("Activities"), exact=True).click()
        expect(page).to_have_url(re.compile(r"/admin/snippets/activities/activity/$"))
        add = gettext("Add %(model_name)s") % {"model_name": capfirst(Activity._meta.verbose_name)}
        page.get_by_role("main").get_by_role("link", name=add).click()
        expect(page).to_have_url(re.compile(r"/admin/snippets/activities/activity/add/$"))

        page.get_by_role("tab", name=gettext("What")).click()
        what = page.get_by_role("tabpanel", name=gettext("What"))
        expect(what.get_by_label(label("organisation"))).to_have_value(str(venue.organisation_id))
        what.get_by_label(label("title_nl")).fill(TITLE)
        what.get_by_label(label("summary_nl")).fill(SUMMARY)
        what.get_by_label(label("pillar")).select_option(label=str(Pillar.EXTENDED_LEARNING.label))
        what.get_by_role("checkbox", name=theme.name, exact=True).check()
        what.get_by_label(label("for_children"), exact=True).check()
        what.get_by_label(label("min_age")).fill("8")
        what.get_by_label(label("max_age")).fill("14")

        page.get_by_role("tab", name=gettext("When")).click()
        when = page.get_by_role("tabpanel", name=gettext("When"))
        when.get_by_label(label("schedule_kind")).select_option(label=str(ScheduleKind.WEEKLY.label))
        when.get_by_label(label("start_date")).fill(start.isoformat())
        when.get_by_label(label("end_date")).fill(end.isoformat())
        when.get_by_role("checkbox", name=str(WEEKDAY_CHOICES[WEDNESDAY][1]), exact=True).check()
        when.get_by_label(label("start_time")).fill("14:00")
        when.get_by_label(label("end_time")).fill("16:00")
        page.keyboard.press("Escape")  # the time picker

        page.get_by_role("tab", name=gettext("Where")).click()
        where = page.get_by_role("tabpanel", name=gettext("Where"))
        where.get_by_label(label("venue")).select_option(label=f"{venue.name}, {venue.address}")

        page.get_by_role("tab", name=gettext("Cost and joining")).click()
        cost = page.get_by_role("tabpanel", name=gettext("Cost and joining"))
        cost.get_by_label(label("price_unit")).select_option(label=str(PriceUnit.FREE.label))
        cost.get_by_label(label("join_mode")).select_option(label=str(JoinMode.DROP_IN.label))

        footer = page.get_by_role("navigation", name=re.compile(gettext("Actions")))
        footer.get_by_role("button", name=gettext("Save draft")).click()
        expect(page).to_have_url(re.compile(r"/admin/snippets/activities/activity/edit/\d+/$"))
        activity = Activity.objects.get(title_nl=TITLE)
        assert (activity.live, activity.status) == (False, "draft")

        footer = page.get_by_role("navigation", name=re.compile(gettext("Actions")))
        footer.get_by_role("button", name=gettext("More actions")).click()
        submit = gettext("Submit to %(workflow_name)s") % {"workflow_name": workflow.name}
        footer.get_by_role("button", name=submit).click()
        expect(page).to_have_url(re.compile(r"/admin/snippets/activities/activity/"))
        page.wait_for_load_state("load")

    activity = Activity.objects.get(pk=activity.pk)
    assert (activity.live, activity.status) == (False, "in_review")
    assert activity.organisation.name == ORGANISATION
    assert activity.venue == venue
    assert list(activity.themes.all()) == [theme]
    assert (activity.schedule_kind, activity.weekdays, activity.start_date, activity.end_date) == (
        ScheduleKind.WEEKLY,
        1 << WEDNESDAY,
        start,
        end,
    )
    assert (activity.price_unit, activity.join_mode) == (PriceUnit.FREE, JoinMode.DROP_IN)

    # Not public while it waits for review: not on the finder, not in the open data.
    with translation.override("nl"):
        expect(finder_results(page, TITLE)).to_have_count(0)
        expect(page.get_by_role("heading", name=gettext("No activities found"))).to_be_visible()
    response = page.request.get("/api/v1/activities?" + urlencode({"q": TITLE, "fields": "id,title"}))
    assert response.ok
    assert response.json()["features"] == []

    # --- The moderator (another person, another browser) approves it from the dashboard.
    moderator = new_page(browser, live_server_url, "nl-BE")
    try:
        moderator.route(EXTERNAL, lambda route: route.abort())
        admin_log_in(moderator, "moderator@example.org")
        with translation.override(admin_language(moderator)):
            review = moderator.locator("#awaiting-review")
            expect(review.get_by_role("heading", name=gettext("Awaiting your review"))).to_be_visible()
            row = review.get_by_role("row").filter(has=moderator.get_by_role("link", name=TITLE))
            row.get_by_role("button", name=gettext("Actions")).click()
            row.get_by_role("button", name=gettext("Approve"), exact=True).click()
            expect(moderator).to_have_url(re.compile(r"/admin/"))
            moderator.wait_for_load_state("load")
            expect(moderator.locator("#awaiting-review").get_by_role("link", name=TITLE)).to_have_count(0)
        moderator._village_auditor.settle(moderator)
    finally:
        moderator.context.close()

    activity = Activity.objects.get(pk=activity.pk)
    assert (activity.live, activity.status) == (True, "published")

    # --- Now public: on the finder's list and among the map's markers.
    with translation.override("nl"):
        card = finder_results(page, TITLE)
        expect(card).to_have_count(1)
        count = ngettext("%(counter)s activity", "%(counter)s activities", 1) % {"counter": 1}
        expect(page.locator(".results-count")).to_contain_text(count)
        expect(card.get_by_role("link")).to_have_attribute("href", activity.get_absolute_url())

    embedded = page.locator("#activities-data")
    if embedded.count():
        markers = json.loads(embedded.text_content())
        assert [(marker["id"], marker["title"]) for marker in markers] == [(activity.pk, TITLE)]
    response = page.request.get("/api/v1/activities?" + urlencode({"q": TITLE, "fields": "id,title"}))
    assert response.ok
    [feature] = response.json()["features"]
    assert feature["properties"] == {"id": activity.pk, "title": TITLE}
    assert feature["geometry"]["coordinates"] == [float(venue.longitude), float(venue.latitude)]
