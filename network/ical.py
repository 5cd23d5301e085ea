"""iCalendar (RFC 5545) text for network sessions: the attachment of the invitation e-mail
and the "Add to calendar" download. Reuses the activities app's escaping and folding."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.ical import CRLF, escape_text, fold, format_utc


def uid_for(session):
    host = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "village.localhost"
    host = host.split("://")[-1].split("/")[0].split(":")[0] or "village.localhost"
    return f"network-session-{session.pk}@{host}"


def session_calendar(session, *, url, dtstamp=None):
    """A whole VCALENDAR with one VEVENT for a session, in the active language.

    `url` is the session page's path; the site address is put before it. Times are in UTC
    (a single event needs no time-zone rules). The agenda and the video link are in the
    description, the video link is the location, so a phone shows it as a link to tap.
    """
    site = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    page_url = f"{site}{url}"
    description = []
    agenda = list(session.agenda_items.all())
    if agenda:
        description.append(_("Agenda") + ":")
        description.extend(f"{number}. {item.title}" for number, item in enumerate(agenda, start=1))
        description.append("")
    if session.video_url:
        description.append(_("Video call: %(url)s") % {"url": session.video_url})
    description.append(_("Session page: %(url)s") % {"url": page_url})
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Village//Learning networks//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid_for(session)}",
        f"DTSTAMP:{format_utc(dtstamp or timezone.now())}",
        f"DTSTART:{format_utc(session.starts_at)}",
        f"DTEND:{format_utc(session.ends_at)}",
        f"SUMMARY:{escape_text(f'{session.title} ({session.network.name})')}",
        f"DESCRIPTION:{escape_text(chr(10).join(description))}",
        f"LOCATION:{escape_text(session.video_url or _('Online'))}",
        f"URL:{page_url}",
        # A later version of the same UID: calendar apps replace the event they have.
        f"SEQUENCE:{1 if session.cancelled_at else 0}",
        f"STATUS:{'CANCELLED' if session.cancelled_at else 'CONFIRMED'}",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(session.title)}",
        "TRIGGER:-PT15M",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return CRLF.join(fold(line) for line in lines) + CRLF
