"""An activity's public page, its schema.org data and its "Add to calendar" file."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from activities import ical
from activities.models import (
    ActivityCancellation,
    ActivityIndexPage,
    JoinMode,
    PriceUnit,
    ScheduleKind,
    SchoolHoliday,
    SchoolSystem,
)
from activities.views import upcoming
from tests.activities.factories import (
    ActivityFactory,
    RegistrationActivityFactory,
    SpokenLanguageFactory,
    ThemeFactory,
    VenueFactory,
    next_weekday,
)
from tests.factories import OrganisationFactory, ParentFactory, YouthFactory, log_in

pytestmark = pytest.mark.django_db

WEDNESDAY = 2


def page(client, activity, language="nl"):
    url = activity.get_absolute_url().replace("/nl/", f"/{language}/", 1)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def unfold(text):
    return text.replace("\r\n ", "")


def event_of(text):
    """The VEVENT's unfolded lines (the VTIMEZONE has rules of its own)."""
    text = unfold(text)
    return text.split("BEGIN:VEVENT\r\n", 1)[1].split("END:VEVENT", 1)[0].split("\r\n")


# --- The page -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, title, summary",
    [
        ("nl", "Huiswerkklas Noord", "Samen huiswerk maken met begeleiding."),
        ("fr", "École de devoirs Noord", "Faire ses devoirs ensemble, avec un accompagnement."),
        ("en", "Homework club Noord", "Doing homework together, with support."),
    ],
)
def test_the_page_in_each_language(client, site_root, language, title, summary):
    activity = ActivityFactory(
        title_nl="Huiswerkklas Noord", description_nl="Elke week.\n\nMet <b>vrijwilligers</b>."
    )
    html = page(client, activity, language)
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html
    assert summary in html
    assert activity.organisation.name in html
    assert "Clemenceaulaan 20" in html and "1070 Anderlecht" in html
    assert 'href="tel:+3225201430"' in html
    assert "13:30–16:00" in html


def test_the_page_in_dutch_reads_naturally(client, site_root):
    activity = ActivityFactory(
        start_date=datetime.date(timezone.localdate().year - 1, 9, 3),
        end_date=datetime.date(timezone.localdate().year + 1, 6, 24),
        min_age=8,
        max_age=12,
    )
    html = page(client, activity, "nl")
    assert "woensdag" in html  # day names from Django's own Dutch catalogue
    assert "juni" in html


def test_description_is_escaped_with_paragraphs(client, site_root):
    activity = ActivityFactory(description_nl="Elke week.\n\nMet <b>vrijwilligers</b>.")
    html = page(client, activity)
    assert "<p>Elke week.</p>" in html
    assert "Met &lt;b&gt;vrijwilligers&lt;/b&gt;." in html


def test_untranslated_text_falls_back_to_dutch_marked_with_its_language(client, site_root):
    activity = ActivityFactory(
        title_nl="Voorleesuurtje",
        title_en="",
        title_fr="",
        summary_nl="We lezen samen voor.",
        summary_en="",
        description_nl="Kom gerust.",
        description_en="",
    )
    html = page(client, activity, "en")
    assert '<h1 lang="nl">Voorleesuurtje</h1>' in html
    assert 'lang="nl">We lezen samen voor.' in html
    assert '<div class="prose" lang="nl">' in html
    assert "Written in Dutch" in html
    # Translated text carries no lang attribute of its own.
    html = page(client, ActivityFactory(title_nl="Klas", title_en="Class"), "en")
    assert "<h1>Class</h1>" in html


def test_a_wrong_or_old_slug_redirects_permanently(client, site_root):
    activity = ActivityFactory(title_nl="Huiswerkklas Oost")
    response = client.get(f"/nl/activity/{activity.pk}-oude-naam/")
    assert response.status_code == 301
    assert response["Location"] == f"/nl/activity/{activity.pk}-huiswerkklas-oost/"
    response = client.get(f"/fr/activity/{activity.pk}-huiswerkklas-oost/")
    assert response.status_code == 301
    assert response["Location"] == f"/fr/activity/{activity.pk}-ecole-de-devoirs-oost/"


@pytest.mark.parametrize(
    "language, text", [("nl", "Pagina niet gevonden"), ("fr", "Page introuvable"), ("en", "Page not found")]
)
def test_drafts_unknown_and_ended_activities_are_a_translated_404(client, site_root, language, text):
    draft = ActivityFactory(live=False)
    ended = ActivityFactory(
        start_date=timezone.localdate() - datetime.timedelta(days=90),
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    for url in (
        f"/{language}/activity/{draft.pk}-{draft.slug}/",
        f"/{language}/activity/{ended.pk}-{ended.slug}/",
        f"/{language}/activity/987654-niets/",
        f"/{language}/activity/{draft.pk}.ics",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        if not url.endswith(".ics"):
            assert text in response.content.decode()


def test_schedule_in_words_next_dates_and_cancelled_dates(client, site_root):
    today = timezone.localdate()
    activity = ActivityFactory(
        start_date=datetime.date(today.year, 1, 1),
        end_date=datetime.date(today.year + 1, 12, 31),
        skip_school_holidays=True,
    )
    first = next_weekday(WEDNESDAY)
    ActivityCancellation.objects.create(activity=activity, date=first, reason_en="Teacher training day")
    html = page(client, activity, "en")
    assert "Every Wednesday, 13:30–16:00, from 1 January" in html
    assert "not during school holidays" in html
    assert "Teacher training day" in html
    sessions = html.split('<ul class="sessions" role="list">', 1)[1].split("</ul>", 1)[0]
    assert sessions.count("<li>") == 5
    assert f"{first:%A} {first.day} {first:%B}" not in sessions  # cancelled


def test_a_holiday_camp_and_a_single_date_in_words(client, site_root):
    today = timezone.localdate()
    camp = ActivityFactory(
        schedule_kind=ScheduleKind.CAMP,
        start_date=today + datetime.timedelta(days=10),
        end_date=today + datetime.timedelta(days=14),
        start_time=datetime.time(9),
        end_time=datetime.time(16),
    )
    assert "Every day from" in page(client, camp, "en")
    one_off = ActivityFactory(
        schedule_kind=ScheduleKind.ONE_OFF, start_date=today + datetime.timedelta(days=3), end_date=None
    )
    day = today + datetime.timedelta(days=3)
    assert f"{day:%A} {day.day} {day:%B}" in page(client, one_off, "en")


def test_cost_reduced_tariff_and_schemes(client, site_root):
    activity = ActivityFactory(
        price_unit=PriceUnit.TERM,
        price=Decimal("40"),
        reduced_price=Decimal("10"),
        reduced_schemes=["uitpas", "article27"],
    )
    html = page(client, activity, "en")
    assert "€40 per term" in html
    assert "Reduced tariff: €10 per term" in html
    assert "UiTPAS, Article 27" in html


def test_who_it_is_for_and_languages(client, site_root):
    arabic = SpokenLanguageFactory(code="ar", name_nl="Arabisch", name_en="Arabic")
    activity = ActivityFactory(
        spoken_languages=[arabic],
        interpreter_available=True,
        secondary=True,
        school_system=SchoolSystem.FRENCH,
    )
    html = page(client, activity, "en")
    assert "8–12 years" in html
    assert "Arabic" in html
    assert "An interpreter can be arranged" in html
    assert "primary school, secondary school" in html.lower()


def test_how_to_join_drop_in_and_contact(client, site_root):
    assert "Just come" in page(client, ActivityFactory(), "en")
    html = page(client, ActivityFactory(join_mode=JoinMode.CONTACT, contact_phone="02 555 12 12"), "en")
    assert "Contact the organisation" in html
    assert 'href="tel:025551212"' in html
    assert "Call 02 555 12 12" in html


@pytest.mark.parametrize("make_user", [None, ParentFactory, YouthFactory])
def test_a_join_button_with_the_places_left(client, site_root, make_user):
    if make_user:
        log_in(client, make_user())
    activity = RegistrationActivityFactory(capacity=5, confirmed_count=2)
    html = page(client, activity, "en")
    assert f'href="/en/activity/{activity.pk}/join/"' in html
    assert "3 places left" in html
    full = RegistrationActivityFactory(capacity=2, confirmed_count=2)
    html = page(client, full, "en")
    assert "Full: waiting list" in html
    assert "Join the waiting list" in html


def test_a_cancelled_activity_has_a_banner_and_no_join_button(client, site_root):
    activity = RegistrationActivityFactory(cancelled=True)
    html = page(client, activity, "en")
    assert "banner--cancelled" in html
    assert "/join/" not in html
    assert json_ld(html)["eventStatus"] == "https://schema.org/EventCancelled"


def test_image_with_alt_text(client, site_root):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(
        title="Kinderen aan tafel", description="Kinderen maken samen huiswerk", file=get_test_image_file()
    )
    html = page(client, ActivityFactory(image=image))
    assert re.search(
        r'<img src="/media/images/[^"]+fill-800x450[^"]*" width="\d+" height="\d+" alt="Kinderen maken samen huiswerk">',
        html,
    )


def test_a_small_map_and_the_address_text(client, site_root):
    html = page(client, ActivityFactory())
    assert "data-activity-map" in html
    assert 'data-lat="50.839000"' in html and 'data-lon="4.329000"' in html
    assert "Clemenceaulaan 20" in html


def test_the_back_link_leads_to_the_finder(client, site_root):
    site_root.add_child(
        instance=ActivityIndexPage(
            title_nl="Activiteiten", slug_nl="activiteiten", title_fr="Activités", slug_fr="activites"
        )
    )
    html = page(client, ActivityFactory(), "fr")
    assert 'href="/fr/activites/"' in html


# --- schema.org -----------------------------------------------------------------------------


def test_json_ld_describes_a_weekly_event(client, site_root):
    activity = ActivityFactory(
        price_unit=PriceUnit.SESSION,
        price=Decimal("2.5"),
        spoken_languages=[SpokenLanguageFactory(code="nl")],
        themes=[ThemeFactory()],
    )
    data = json_ld(page(client, activity, "en"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == activity.title_en
    first = upcoming(activity.schedule(), 1)[0]
    assert data["startDate"].startswith(f"{first.date.isoformat()}T13:30:00+0")
    assert data["endDate"].startswith(f"{first.date.isoformat()}T16:00:00")
    schedule = data["eventSchedule"]
    assert schedule["@type"] == "Schedule"
    assert schedule["repeatFrequency"] == "P1W"
    assert schedule["byDay"] == ["https://schema.org/Wednesday"]
    assert schedule["startTime"] == "13:30:00"
    assert schedule["endDate"] == activity.end_date.isoformat()
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["postalCode"] == "1070"
    assert data["location"]["address"]["addressCountry"] == "BE"
    assert data["location"]["geo"]["latitude"] == pytest.approx(50.839)
    assert data["organizer"]["@type"] == "Organization"
    assert data["organizer"]["telephone"] == "+32 2 520 14 30"
    assert data["offers"]["price"] == "2.50"
    assert data["offers"]["priceCurrency"] == "EUR"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["inLanguage"] == ["nl"]


def test_json_ld_for_a_free_online_activity(client, site_root):
    activity = ActivityFactory(venue=None, is_online=True)
    data = json_ld(page(client, activity, "en"))
    assert data["isAccessibleForFree"] is True
    assert data["location"]["@type"] == "VirtualLocation"


def test_json_ld_cannot_be_broken_out_of(client, site_root):
    activity = ActivityFactory(title_nl="</script><script>alert(1)</script>")
    html = page(client, activity)
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


# --- Add to calendar (iCalendar) -------------------------------------------------------------


def test_the_ics_file_of_a_weekly_activity(client, site_root):
    today = timezone.localdate()
    activity = ActivityFactory(
        title_en="Homework, maths; and more",
        start_date=datetime.date(today.year, 1, 1),
        end_date=datetime.date(today.year + 1, 6, 30),
    )
    cancelled = next_weekday(WEDNESDAY)
    ActivityCancellation.objects.create(activity=activity, date=cancelled)
    response = client.get(f"/en/activity/{activity.pk}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content.decode()
    assert raw.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert raw.endswith("END:VCALENDAR\r\n")
    assert "\n" not in raw.replace("\r\n", "")
    for line in raw.split("\r\n"):
        assert len(line.encode()) <= 75
    text = unfold(raw)
    lines = text.split("\r\n")
    assert "BEGIN:VTIMEZONE" in lines and "TZID:Europe/Brussels" in lines
    assert f"UID:activity-{activity.pk}@127.0.0.1" in lines or any(
        line.startswith(f"UID:activity-{activity.pk}@") for line in lines
    )
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines)
    first_wednesday = next_weekday(WEDNESDAY, datetime.date(today.year, 1, 1) - datetime.timedelta(days=1))
    assert f"DTSTART;TZID=Europe/Brussels:{first_wednesday:%Y%m%d}T133000" in lines
    assert f"DTEND;TZID=Europe/Brussels:{first_wednesday:%Y%m%d}T160000" in lines
    rrule = next(line for line in event_of(raw) if line.startswith("RRULE:"))
    assert rrule.startswith("RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=")
    assert rrule.endswith("Z")
    exdate = next(line for line in lines if line.startswith("EXDATE"))
    assert f"{cancelled:%Y%m%d}T133000" in exdate
    assert "SUMMARY:Homework\\, maths\\; and more" in lines
    assert any(line.startswith("URL:http://testserver/en/activity/") for line in lines)
    assert any(
        line.startswith("LOCATION:Lokaal") and "Clemenceaulaan 20\\, 1070 Anderlecht" in line
        for line in lines
    )


def test_the_ics_file_skips_school_holidays(client, site_root):
    today = timezone.localdate()
    holiday_start = next_weekday(WEDNESDAY) + datetime.timedelta(days=14)
    SchoolHoliday.objects.create(
        name_nl="Vakantie",
        start_date=holiday_start,
        end_date=holiday_start + datetime.timedelta(days=6),
        school_system=SchoolSystem.DUTCH,
    )
    activity = ActivityFactory(
        skip_school_holidays=True, start_date=today, end_date=today + datetime.timedelta(days=60)
    )
    text = unfold(client.get(f"/nl/activity/{activity.pk}.ics").content.decode())
    assert f"{holiday_start:%Y%m%d}T133000" in next(
        line for line in text.split("\r\n") if line.startswith("EXDATE")
    )


def test_the_ics_file_of_a_single_date_has_no_rule(client, site_root):
    day = timezone.localdate() + datetime.timedelta(days=5)
    activity = ActivityFactory(schedule_kind=ScheduleKind.ONE_OFF, start_date=day, end_date=None)
    text = client.get(f"/nl/activity/{activity.pk}.ics").content.decode()
    assert not [line for line in event_of(text) if line.startswith(("RRULE", "EXDATE"))]
    assert f"DTSTART;TZID=Europe/Brussels:{day:%Y%m%d}T133000" in text


def test_ical_helpers():
    assert ical.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    long = "DESCRIPTION:" + "é" * 100
    folded = ical.fold(long)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert unfold(folded) == long
    assert ical.fold("SHORT:x") == "SHORT:x"
    assert ical.format_utc(datetime.datetime(2025, 7, 1, 13, 30, tzinfo=datetime.UTC)) == "20250701T133000Z"
    assert (
        ical.format_utc(ical.local_to_utc(datetime.date(2025, 7, 1), datetime.time(13, 30)))
        == "20250701T113000Z"
    )
    assert (
        ical.format_utc(ical.local_to_utc(datetime.date(2025, 12, 1), datetime.time(13, 30)))
        == "20251201T123000Z"
    )


# --- Queries --------------------------------------------------------------------------------


def _rich_activity(themes, languages, cancellations):
    organisation = OrganisationFactory()
    activity = RegistrationActivityFactory(
        organisation=organisation,
        venue=VenueFactory(organisation=organisation),
        themes=[ThemeFactory(slug=f"q-{n}") for n in range(themes)],
        spoken_languages=[SpokenLanguageFactory(code=f"l{n}", name_nl=f"Taal {n}") for n in range(languages)],
        skip_school_holidays=True,
    )
    for n in range(cancellations):
        ActivityCancellation.objects.create(
            activity=activity, date=timezone.localdate() + datetime.timedelta(days=7 * n + 1)
        )
    return activity


def test_the_number_of_queries_of_the_page_and_the_file_is_fixed(client, site_root):
    small = _rich_activity(1, 1, 1)
    big = _rich_activity(8, 8, 12)
    for _n in range(6):
        SchoolHoliday.objects.create(
            name_nl="V", start_date=timezone.localdate(), end_date=timezone.localdate()
        )
    page(client, small)  # warm caches
    counts = []
    for activity in (small, big):
        with CaptureQueriesContext(connection) as queries:
            page(client, activity)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    ics_counts = []
    for activity in (small, big):
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/nl/activity/{activity.pk}.ics")
        ics_counts.append(len(queries))
    assert ics_counts[0] == ics_counts[1]
