"""iCalendar (RFC 5545) text for activities, written by hand: a few lines need no dependency.

Used by the "Add to calendar" download of one activity and by a person's private feed of
their registrations. Times are local wall-clock times with TZID=Europe/Brussels and its
VTIMEZONE, so that a weekly activity stays at 13:30 across daylight-saving changes.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from .schedule import Schedule

CRLF = "\r\n"
TZID = "Europe/Brussels"
ICAL_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

# The EU rules (last Sunday of March / of October), valid for Brussels and Amsterdam alike.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape_text(value):
    """A TEXT value: backslashes, semicolons, commas and newlines escaped (RFC 5545, 3.3.11)."""
    value = str(value or "")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line):
    """Split a content line into physical lines of at most 75 octets (RFC 5545, 3.1).

    Continuation lines start with a space; a multi-byte UTF-8 character is never cut.
    """
    parts = []
    current = ""
    current_size = 0
    limit = 75
    for character in line:
        size = len(character.encode("utf-8"))
        if current_size + size > limit:
            parts.append(current)
            current = " "
            current_size = 1
        current += character
        current_size += size
    parts.append(current)
    return CRLF.join(parts)


def format_utc(moment):
    """A date-time in UTC: 20250903T113000Z."""
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def format_local(day, time):
    """A local date-time (to be used with TZID): 20250903T133000."""
    return datetime.datetime.combine(day, time).strftime("%Y%m%dT%H%M%S")


def local_to_utc(day, time):
    return datetime.datetime.combine(day, time, tzinfo=ZoneInfo(TZID)).astimezone(datetime.UTC)


def uid_for(activity):
    host = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "village.localhost"
    host = host.split("://")[-1].split("/")[0].split(":")[0] or "village.localhost"
    return f"activity-{activity.pk}@{host}"


def excluded_dates(schedule):
    """The dates the recurrence rule produces on which there is no session (cancelled dates,
    school holidays): they become EXDATEs."""
    plain = Schedule(
        kind=schedule.kind,
        start_date=schedule.start_date,
        end_date=schedule.end_date,
        weekdays=schedule.weekdays,
        start_time=schedule.start_time,
        end_time=schedule.end_time,
    )
    planned = list(plain.dates())
    held = set(schedule.dates())
    return [day for day in planned if day not in held]


def event_lines(
    activity, *, url, schedule=None, uid=None, dtstamp=None, summary=None, description=None, status=None
):
    """The unfolded content lines of one VEVENT for an activity (without VCALENDAR around it).

    `schedule` defaults to activity.schedule(); pass one built with preloaded holidays to keep
    the number of queries fixed when writing many events. `uid` defaults to one per activity:
    a feed listing one activity twice (two children) must give each event its own.
    """
    schedule = schedule or activity.schedule()
    first_planned = next(
        iter(
            Schedule(
                kind=schedule.kind,
                start_date=schedule.start_date,
                end_date=schedule.end_date,
                weekdays=schedule.weekdays,
                start_time=schedule.start_time,
                end_time=schedule.end_time,
            ).dates()
        ),
        schedule.start_date,
    )
    start, end = schedule.start_time, schedule.end_time
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid or uid_for(activity)}",
        f"DTSTAMP:{format_utc(dtstamp or timezone.now())}",
        f"DTSTART;TZID={TZID}:{format_local(first_planned, start)}",
        f"DTEND;TZID={TZID}:{format_local(first_planned, end)}",
    ]
    if activity.updated_at:
        # Tells calendar apps that subscribed to a feed that the event changed.
        lines.append(f"LAST-MODIFIED:{format_utc(activity.updated_at)}")
    if schedule.kind in ("weekly", "camp") and schedule.end_date:
        # With a TZID start, UNTIL must be in UTC (RFC 5545, 3.3.10).
        until = format_utc(local_to_utc(schedule.end_date, start))
        if schedule.kind == "weekly":
            days = ",".join(ICAL_WEEKDAYS[day] for day in range(7) if schedule.weekdays & (1 << day))
            lines.append(f"RRULE:FREQ=WEEKLY;BYDAY={days};UNTIL={until}")
        else:
            lines.append(f"RRULE:FREQ=DAILY;UNTIL={until}")
        exdates = excluded_dates(schedule)
        if exdates:
            values = ",".join(format_local(day, start) for day in exdates)
            lines.append(f"EXDATE;TZID={TZID}:{values}")
    lines.append(f"SUMMARY:{escape_text(summary if summary is not None else activity.title)}")
    text = description if description is not None else activity.summary
    if text:
        lines.append(f"DESCRIPTION:{escape_text(text)}")
    if activity.venue_id and activity.venue:
        venue = activity.venue
        lines.append(f"LOCATION:{escape_text(f'{venue.name}, {venue.address}')}")
        lines.append(f"GEO:{float(venue.latitude):.6f};{float(venue.longitude):.6f}")
    elif activity.is_online:
        lines.append("LOCATION:Online")
    if url:
        lines.append(f"URL:{url}")
    lines.append(f"STATUS:{status or ('CANCELLED' if activity.cancelled else 'CONFIRMED')}")
    lines.append("END:VEVENT")
    return lines


def calendar(events, *, name=None):
    """A whole VCALENDAR from VEVENT line lists, folded, with CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Village//Activities//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    lines.append(f"X-WR-TIMEZONE:{TZID}")
    lines.extend(VTIMEZONE)
    for event in events:
        lines.extend(event)
    lines.append("END:VCALENDAR")
    return CRLF.join(fold(line) for line in lines) + CRLF


def calendar_response(text, *, filename=None):
    """An HTTP response with iCalendar text; a filename makes browsers offer to save or open it."""
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
