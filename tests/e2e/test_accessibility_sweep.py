"""Every page a visitor sees, checked with axe-core in Chromium: in Dutch, French and English, at
phone and desktop size, on the demo content (as `make run` loads it).

The demo is loaded once; the pages are visited one after another in one browser context per
(language, size), logged in as the person who sees them, each in a subtest named
language-size-page ("fr-desktop-finder-map"). Axe runs on every page as the conftest sets it up
(violations of impact serious or critical fail); a page must also answer with the expected
status, stay where it was sent (not on a login page) and say its language in `<html lang>`.

`test_the_sweep_covers_every_page` keeps the list complete: every URL under the language prefix
(our apps, sign-up and login) must be in ENTRIES or named in NOT_PAGES with the reason, and every
page type of our apps must be swept. The Wagtail admin, the API, /healthz and the sitemap are not
visitor pages: they live outside the language prefix.
"""

import os
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import LocalePrefixPattern, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.e2e.conftest import DESKTOP, PHONE, assert_accessible, checked_page, visit

LANGUAGES = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB"}  # the browser's locale
SIZES = {"phone": PHONE, "desktop": DESKTOP}
# Who looks, in the order the sweep logs in as them.
ROLES = ("anonymous", "child", "parent", "youth", "partner", "coordinator")
ACCOUNTS = {
    "parent": "parent@example.org",
    "youth": "youth@example.org",
    "partner": "partner@example.org",
    "coordinator": "coordinator@example.org",
}
# No internet in tests: map tiles (and anything else not from the live server) fail at once.
EXTERNAL = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")

# URLs under the language prefix that are not pages a visitor sees, and why.
FORM_ACTION = "a form's action (POST), answering with a redirect back or the form's page"
NOT_PAGES = {
    "accounts:data_export": "a JSON download",
    "activities:calendar_feed": "an iCalendar feed",
    "activities:ics": "an iCalendar file",
    "activities:short": "a short address that redirects to the activity page",
    "network:session_ical": "an iCalendar file",
    "network:signal_export": "a CSV download",
    "participation:track_export": "a CSV download",
    "participation:workshop_my_ideas": "JSON for the workshop page's script",
    "mfa_download_recovery_codes": "a text download",
    "account_set_password": "for people without a password: the others are sent to change it",
    "account_confirm_login_code": "login by code is off",
    "wagtailcore_authenticate_with_password": "no page of the site is protected with a password",
    "activities:reset_calendar_feed": FORM_ACTION,
    "activities:delete_saved_search": FORM_ACTION,
    "notifications:mark_read": FORM_ACTION,
    "notifications:mark_all_read": FORM_ACTION,
    "participation:comment": FORM_ACTION,
    "participation:support": FORM_ACTION,
    "participation:vote": FORM_ACTION,
    "participation:workshop_close": FORM_ACTION,
    "network:leave": FORM_ACTION,
    "network:member_update": FORM_ACTION,
    "network:invitation_withdraw": FORM_ACTION,
    "network:session_rsvp": FORM_ACTION,
    "network:session_cancel": FORM_ACTION,
    "network:case_respond": FORM_ACTION,
    "network:case_outcome": FORM_ACTION,
    "network:signal_endorse": FORM_ACTION,
    "network:signal_add": FORM_ACTION,
    "network:signal_status": FORM_ACTION,
}


@dataclass(frozen=True)
class Entry:
    """A page of the sweep: who looks (`role`), which URL (`url`: its name, as `reverse()` takes
    it, with `args(o)` from the demo objects; for a Wagtail page `page(o)` instead), what to do on
    it before the check (`then(page)`, e.g. show the map) and the status it answers with."""

    label: str
    role: str
    url: str
    args: object = None
    page: object = None
    page_type: str = ""
    query: str = ""
    then: object = None
    status: int = 200
    ends_on: str = ""  # the URL `then` leads to, if another

    def path(self, o):
        if self.page is not None:
            return self.page(o).get_url() + self.query
        return reverse(self.url, kwargs=self.args(o) if self.args else None) + self.query


def wagtail(label, page_type, page, query="", then=None):
    return Entry(label, "anonymous", "wagtail_serve", page=page, page_type=page_type, query=query, then=then)


def kw(**names):
    """URL arguments from the demo objects: kw(pk="activity") -> {"pk": o["activity"].pk}."""
    return lambda o: {key: getattr(o[name], "pk", o[name]) for key, name in names.items()}


# --- What to do on a page before the check ----------------------------------------------------------


def show_map(page):
    """The finder's map: behind a button on a phone, beside the list on a desktop."""
    toggle = page.locator("[data-map-toggle]")
    if toggle.is_visible():
        toggle.click()
    expect(page.locator("#finder-map.leaflet-container")).to_be_visible()
    expect(page.locator("#finder-map .leaflet-marker-icon").first).to_be_visible()


def show_idea_map(page):
    """A track's ideas on a map, drawn when the person opens it."""
    page.locator("details.idea-map-box > summary").click()
    expect(page.locator("#idea-map .leaflet-marker-icon").first).to_be_visible()


def wait_for_live_room(page):
    """The live room once it is connected: presence, hands and polls come in over the socket."""
    expect(page.locator("[data-connection=online]")).to_have_count(1)


def log_in_wrong_password(page):
    page.locator("input[name=login]").fill("nobody@example.org")
    page.locator("input[name=password]").fill("not-the-password")
    page.locator("input[name=password]").press("Enter")
    expect(page.locator(".errorlist, [role=alert]").first).to_be_visible()


def sign_up_empty(page):
    page.locator("main form button[type=submit]").last.click()
    expect(page.locator(".errorlist").first).to_be_visible()


def start_two_factor_login(page):
    page.locator("input[name=login]").fill(ACCOUNTS["coordinator"])
    page.locator("input[name=password]").fill(settings.DEMO_PASSWORD)
    page.locator("input[name=password]").press("Enter")
    expect(page.locator("input[name=code]")).to_be_visible()


def join_workshop(page, code, nickname):
    page.locator("input[name=nickname]").fill(nickname)
    page.locator("input[name=nickname]").press("Enter")
    expect(page).to_have_url(re.compile(rf"/workshop/{code}/$"))


def _track(phase):
    return lambda o: o["tracks"][phase]


ENTRIES = [
    # ---- anyone ----------------------------------------------------------------------------------
    wagtail("home", "HomePage", lambda o: o["home"]),
    wagtail("about", "StandardPage", lambda o: o["about"]),
    wagtail("for-partners", "StandardPage", lambda o: o["partners"]),
    Entry("privacy", "anonymous", "privacy"),
    wagtail("finder", "ActivityIndexPage", lambda o: o["finder"]),
    wagtail("finder-map", "ActivityIndexPage", lambda o: o["finder"], then=show_map),
    wagtail("finder-filtered", "ActivityIndexPage", lambda o: o["finder"], "?age=9&time=wednesday_afternoon"),
    wagtail("finder-no-result", "ActivityIndexPage", lambda o: o["finder"], "?q=zzzqqq"),
    wagtail("finder-bad-filter", "ActivityIndexPage", lambda o: o["finder"], "?age=abc&postcode=12"),
    Entry(
        "activity",
        "anonymous",
        "activities:detail",
        lambda o: {"pk": o["activity"].pk, "slug": o["activity"].slug},
    ),
    wagtail("tracks", "TrackIndexPage", lambda o: o["track_index"]),
    wagtail("track-collecting", "TrackPage", _track("collecting")),
    wagtail("track-map", "TrackPage", _track("collecting"), then=show_idea_map),
    wagtail("track-prioritising", "TrackPage", _track("prioritising")),
    wagtail("track-results", "TrackPage", _track("results")),
    Entry("idea", "anonymous", "participation:idea", kw(pk="idea")),
    Entry("report-idea", "anonymous", "participation:report_idea", kw(pk="idea")),
    Entry("report-comment", "anonymous", "participation:report_comment", kw(pk="comment")),
    Entry("track-wall", "anonymous", "participation:track_wall", kw(track_id="track_collecting")),
    Entry("track-results-list", "anonymous", "participation:track_results", kw(track_id="track_results")),
    Entry("workshop-join", "anonymous", "participation:workshop_join"),
    Entry("workshop-join-code", "anonymous", "participation:workshop_join_code", kw(code="open_code")),
    Entry("workshop-wall", "anonymous", "participation:workshop_wall", kw(code="open_code")),
    Entry("workshop-ended", "anonymous", "participation:workshop", kw(code="ended_code")),
    Entry("workshop-results", "anonymous", "participation:workshop_results", kw(code="ended_code")),
    Entry("practices", "anonymous", "network:practice_library"),
    Entry("practice", "anonymous", "network:practice_detail", kw(pk="practice_public")),
    Entry("network-invitation", "anonymous", "network:invitation_accept", kw(token="invitation_token")),
    Entry("signup", "anonymous", "account_signup"),
    Entry("signup-errors", "anonymous", "account_signup", then=sign_up_empty),
    Entry("verification-sent", "anonymous", "account_email_verification_sent"),
    Entry("confirm-email", "anonymous", "account_confirm_email", kw(key="confirmation_key")),
    Entry("login", "anonymous", "account_login"),
    Entry("login-error", "anonymous", "account_login", then=log_in_wrong_password),
    Entry(
        "login-two-factor",
        "anonymous",
        "account_login",
        then=start_two_factor_login,
        ends_on="mfa_authenticate",
    ),
    Entry("login-private-pages", "anonymous", "wagtailcore_login"),
    Entry("account-inactive", "anonymous", "account_inactive"),
    Entry("password-reset", "anonymous", "account_reset_password"),
    Entry("password-reset-sent", "anonymous", "account_reset_password_done"),
    Entry("password-reset-key", "anonymous", "account_reset_password_from_key", lambda o: o["reset_key"]),
    Entry("password-reset-key-done", "anonymous", "account_reset_password_from_key_done"),
    Entry("not-found", "anonymous", "wagtail_serve", page=lambda o: o["missing"], status=404),
    # ---- a child in a workshop (a nickname, no account) --------------------------------------------
    Entry("workshop-child", "child", "participation:workshop", kw(code="open_code")),
    # ---- a parent ------------------------------------------------------------------------------------
    Entry("my-village-parent", "parent", "accounts:dashboard"),
    Entry("profile", "parent", "accounts:profile"),
    Entry("child-add", "parent", "accounts:child_add"),
    Entry("child-edit", "parent", "accounts:child_edit", kw(pk="child")),
    Entry("child-delete", "parent", "accounts:child_delete", kw(pk="child")),
    Entry("account-delete", "parent", "accounts:delete"),
    Entry("my-activities", "parent", "activities:my_activities"),
    Entry("join-activity", "parent", "activities:join", kw(pk="activity")),
    Entry("cancel-registration", "parent", "activities:cancel_registration", kw(pk="registration")),
    Entry("save-search", "parent", "activities:save_search", query="?query=age%3D9%26free%3Don"),
    Entry("saved-searches", "parent", "activities:saved_searches"),
    Entry("notifications", "parent", "notifications:list"),
    Entry("post-idea", "parent", "participation:post_idea", kw(track_id="track_collecting")),
    Entry("my-networks-none", "parent", "network:my_networks"),
    Entry("register-organisation", "parent", "organisations:request"),
    Entry("emails", "parent", "account_email"),
    Entry("change-password", "parent", "account_change_password"),
    Entry("reauthenticate", "parent", "account_reauthenticate"),
    Entry("log-out", "parent", "account_logout"),
    Entry("two-factor", "parent", "mfa_index"),
    Entry("two-factor-activate", "parent", "mfa_activate_totp"),
    # ---- a youth: her own idea, waiting for review -----------------------------------------------
    Entry("idea-held", "youth", "participation:idea", kw(pk="idea_held")),
    # ---- a partner (the organisation behind two tracks) ------------------------------------------
    Entry("my-village-partner", "partner", "accounts:dashboard"),
    Entry("workshops", "partner", "participation:workshop_list"),
    Entry("workshop-open", "partner", "participation:workshop_open", kw(track_id="track_collecting")),
    Entry("workshop-facilitate", "partner", "participation:workshop_facilitate", kw(code="open_code")),
    Entry("workshop-sheet", "partner", "participation:workshop_sheet", kw(code="open_code")),
    Entry("idea-status", "partner", "participation:idea_status", kw(pk="idea")),
    Entry("track-statistics", "partner", "participation:track_statistics", kw(track_id="track_collecting")),
    # ---- a coordinator (facilitator of the Brussels network, with two-factor login) --------------
    Entry("my-village-coordinator", "coordinator", "accounts:dashboard"),
    Entry("two-factor-on", "coordinator", "mfa_index"),
    Entry("recovery-codes", "coordinator", "mfa_view_recovery_codes"),
    Entry("recovery-codes-new", "coordinator", "mfa_generate_recovery_codes"),
    Entry("two-factor-off", "coordinator", "mfa_deactivate_totp"),
    Entry("reauthenticate-code", "coordinator", "mfa_reauthenticate"),
    Entry("my-networks", "coordinator", "network:my_networks"),
    Entry("network", "coordinator", "network:network_detail", kw(slug="network")),
    Entry("network-profile", "coordinator", "network:profile_edit", kw(slug="network")),
    Entry("members", "coordinator", "network:member_manage", kw(slug="network")),
    Entry("invite", "coordinator", "network:invite", kw(slug="network")),
    Entry("session-new", "coordinator", "network:session_create", kw(slug="network")),
    Entry("session-now", "coordinator", "network:session_detail", kw(slug="network", pk="session_now")),
    Entry("session-past", "coordinator", "network:session_detail", kw(slug="network", pk="session_past")),
    Entry("session-minutes", "coordinator", "network:session_minutes", kw(slug="network", pk="session_past")),
    Entry(
        "live-room",
        "coordinator",
        "network:session_room",
        kw(slug="network", pk="session_now"),
        then=wait_for_live_room,
    ),
    Entry("cases", "coordinator", "network:case_list", kw(slug="network")),
    Entry("case-new", "coordinator", "network:case_create", kw(slug="network")),
    Entry("case", "coordinator", "network:case_detail", kw(slug="network", pk="case")),
    Entry("case-edit", "coordinator", "network:case_edit", kw(slug="network", pk="case")),
    Entry("case-archive", "coordinator", "network:case_archive", kw(slug="network", pk="case")),
    Entry("case-log", "coordinator", "network:case_log", kw(slug="network", pk="case")),
    Entry("case-access-log", "coordinator", "network:case_access_log", kw(slug="network")),
    Entry("signals", "coordinator", "network:signal_list", kw(slug="network")),
    Entry("signal-new", "coordinator", "network:signal_create", kw(slug="network")),
    Entry("signal", "coordinator", "network:signal_detail", kw(slug="network", pk="signal")),
    Entry("signal-edit", "coordinator", "network:signal_edit", kw(slug="network", pk="signal")),
    Entry("signal-report", "coordinator", "network:signal_report", kw(slug="network")),
    Entry("bundle-new", "coordinator", "network:bundle_create", kw(slug="network")),
    Entry("bundle", "coordinator", "network:bundle_detail", kw(slug="network", pk="bundle")),
    Entry("network-practices", "coordinator", "network:practice_list", kw(slug="network")),
    Entry("network-practice", "coordinator", "network:practice_detail", kw(pk="practice_private")),
    Entry("practice-new", "coordinator", "network:practice_create", kw(slug="network")),
    Entry("practice-edit", "coordinator", "network:practice_edit", kw(slug="network", pk="practice_private")),
    Entry("overview", "coordinator", "network:overview", kw(slug="network")),
]
BY_LABEL = {entry.label: entry for entry in ENTRIES}


# --- The demo objects the pages are shown with ---------------------------------------------------


def demo_objects():
    from allauth.account.forms import default_token_generator
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC
    from allauth.account.utils import user_pk_to_url_str
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.utils import timezone
    from wagtail.models import Page

    from accounts.models import User
    from activities.models import Activity, ActivityIndexPage, JoinMode, Registration
    from network.models import Case, Invitation, Network, Practice, Session, Signal, SignalBundle
    from participation.models import Comment, Idea, Moderation, TrackIndexPage, TrackPage, Workshop
    from village.models import HomePage

    parent = User.objects.get(email=ACCOUNTS["parent"])
    partner = User.objects.get(email=ACCOUNTS["partner"])
    coordinator = User.objects.get(email=ACCOUNTS["coordinator"])
    # Coordinators must use two-factor login in production: so does this one.
    TOTP.activate(coordinator, generate_totp_secret())
    recovery_codes = RecoveryCodes.activate(coordinator).get_unused_codes()
    newcomer = User.objects.get(email="grace@example.org")
    unconfirmed = EmailAddress.objects.create(user=newcomer, email="grace.new@example.org", verified=False)
    network = Network.objects.get(slug="brussel")
    now = timezone.now()
    tracks = {}
    for track in TrackPage.objects.live().order_by("pk"):
        phase = track.current_phase()
        if phase is not None:
            tracks.setdefault(phase.kind, track)
    activity = (
        Activity.objects.filter(
            organisation__memberships__user=partner,
            live=True,
            cancelled=False,
            join_mode=JoinMode.REGISTRATION,
        )
        .order_by("pk")
        .first()
    )
    objects = {
        "home": HomePage.objects.live().first(),
        "about": Page.objects.get(slug="over-village"),
        "partners": Page.objects.get(slug="voor-partners"),
        "finder": ActivityIndexPage.objects.live().first(),
        "track_index": TrackIndexPage.objects.live().first(),
        "tracks": tracks,
        "track_collecting": tracks.get("collecting"),
        "track_results": tracks.get("results"),
        "activity": activity,
        "registration": Registration.objects.filter(registered_by=parent).order_by("pk").first(),
        "child": parent.children.order_by("pk").first(),
        "idea": Idea.objects.filter(
            track=tracks.get("collecting"), author=parent, moderation=Moderation.PUBLISHED
        )
        .order_by("pk")
        .first(),
        "idea_held": Idea.objects.filter(
            author__email=ACCOUNTS["youth"], moderation=Moderation.PENDING
        ).first(),
        "comment": Comment.objects.filter(moderation=Moderation.PUBLISHED).order_by("pk").first(),
        "open_code": Workshop.objects.get(code="SAMEN7").code,
        "ended_code": Workshop.objects.get(code="BRUG24").code,
        "practice_public": Practice.objects.filter(visibility="public").order_by("pk").first(),
        "practice_private": Practice.objects.filter(network=network, visibility="network")
        .order_by("pk")
        .first(),
        "invitation_token": Invitation.issue(
            network=network, email="new.member@example.org", invited_by=coordinator
        ).token,
        "confirmation_key": EmailConfirmationHMAC(unconfirmed).key,
        "reset_key": {
            "uidb36": user_pk_to_url_str(newcomer),
            "key": default_token_generator.make_token(newcomer),
        },
        "network": network.slug,
        "session_now": Session.objects.filter(network=network, starts_at__lte=now, ends_at__gte=now).first(),
        "session_past": Session.objects.filter(network=network, ends_at__lt=now)
        .order_by("-starts_at")
        .first(),
        "case": Case.objects.filter(network=network).order_by("pk").first(),
        "signal": Signal.objects.filter(network=network, status="open").order_by("pk").first(),
        "bundle": SignalBundle.objects.filter(network=network).order_by("pk").first(),
        "recovery_codes": recovery_codes,
        "missing": _Missing(),
    }
    missing = sorted(key for key, value in objects.items() if value is None)
    missing += sorted(
        f"a track in phase {phase}"
        for phase in ("collecting", "prioritising", "results")
        if phase not in tracks
    )
    assert not missing, f"The demo content lacks: {missing}"
    return objects


class _Missing:
    """The address of a page that does not exist."""

    def get_url(self):
        return f"/{translation.get_language()}/no-such-page/"


# --- The sweep ------------------------------------------------------------------------------------


def test_every_page_is_accessible(browser, live_server_url, demo, subtests):
    """A subtest per (language, size, page). SWEEP=fr-desktop (or fr-desktop-home, or several,
    comma-separated) checks only the pages whose name contains one of them."""
    wanted = [part for part in os.environ.get("SWEEP", "").split(",") if part]
    objects = demo_objects()
    for language in LANGUAGES:
        for size in SIZES:
            entries = [
                entry
                for entry in sorted(ENTRIES, key=lambda entry: ROLES.index(entry.role))
                if not wanted or any(part in f"{language}-{size}-{entry.label}" for part in wanted)
            ]
            if entries:
                _sweep(browser, live_server_url, language, size, entries, objects, subtests)


def _sweep(browser, base_url, language, size, entries, objects, subtests):
    """The pages in one browser context, one after another, logged in as whoever sees them."""
    nickname = f"kiwi-{language}-{size}"
    with (
        translation.override(language),
        checked_page(browser, base_url, LANGUAGES[language], SIZES[size]) as page,
    ):
        page.route(EXTERNAL, lambda route: route.abort())
        role = "anonymous"
        for entry in entries:
            with subtests.test(f"{language}-{size}-{entry.label}"):
                if entry.role != role:
                    page.context.clear_cookies()
                    _become(page, entry.role, objects, nickname)
                    role = entry.role
                _check(page, entry, language, objects)


def _become(page, role, objects, nickname):
    """Log in as the person of that role (the real forms, as a person would)."""
    if role == "child":
        visit(page, reverse("participation:workshop_join_code", kwargs={"code": objects["open_code"]}))
        join_workshop(page, objects["open_code"], nickname)
        return
    visit(page, reverse("account_login"))
    page.locator("input[name=login]").fill(ACCOUNTS[role])
    page.locator("input[name=password]").fill(settings.DEMO_PASSWORD)
    page.locator("input[name=password]").press("Enter")
    if role == "coordinator":
        expect(page.locator("input[name=code]")).to_be_visible()
        page.locator("input[name=code]").fill(objects["recovery_codes"].pop())
        page.locator("input[name=code]").press("Enter")
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:dashboard")) + "$"))
    if role in ("parent", "coordinator"):
        # Two-factor settings ask for the password again first (allauth's reauthentication).
        visit(page, reverse("account_reauthenticate"))
        page.locator("input[name=password]").fill(settings.DEMO_PASSWORD)
        page.locator("input[name=password]").press("Enter")
        expect(page).not_to_have_url(re.compile(re.escape(reverse("account_reauthenticate"))))


def _check(page, entry, language, objects):
    path = entry.path(objects)
    response = visit(page, path)
    assert response.status == entry.status, f"{path} answered {response.status}, not {entry.status}"
    landed = urlsplit(page.url).path
    assert resolve(landed).view_name == entry.url, f"{path} led to {landed}, not to {entry.url}"
    assert page.locator("html").get_attribute("lang") == language, f"{path}: <html lang> is not {language}"
    if entry.then is not None:
        entry.then(page)
        assert_accessible(page)
        if entry.ends_on:
            landed = urlsplit(page.url).path
            assert resolve(landed).view_name == entry.ends_on, (
                f"{path} led to {landed}, not to {entry.ends_on}"
            )


# --- Every page is in the sweep ---------------------------------------------------------------------


def _language_urls():
    """(name, view module) of every named URL under the language prefix."""

    def walk(resolver, namespace, inside):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern, inner, inside or isinstance(pattern.pattern, LocalePrefixPattern))
            elif isinstance(pattern, URLPattern) and inside and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    return set(walk(get_resolver(), None, False))


def test_the_sweep_covers_every_page():
    from wagtail.models import get_page_models

    urls = _language_urls()
    assert {"account_login", "network:case_detail", "wagtail_serve", "privacy"} <= urls  # the walk works
    swept = {entry.url for entry in ENTRIES} | {entry.ends_on for entry in ENTRIES if entry.ends_on}
    missing = sorted(urls - swept - set(NOT_PAGES))
    assert not missing, f"Add these pages to ENTRIES (or, if no visitor sees them, to NOT_PAGES): {missing}"
    assert not swept & set(NOT_PAGES), "A URL is both swept and named in NOT_PAGES"
    assert not (set(NOT_PAGES) | swept) - urls, "ENTRIES or NOT_PAGES name URLs that no longer exist"

    ours = {model.__name__ for model in get_page_models() if not model.__module__.startswith("wagtail.")}
    missing_types = sorted(ours - {entry.page_type for entry in ENTRIES})
    assert not missing_types, f"Add a page of these types to ENTRIES: {missing_types}"
