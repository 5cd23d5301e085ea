"""How an activity reads to a parent: schedule, cost, ages and places in plain, translated words.

The functions are plain Python too (the finder, the activity page, e-mails and the personal
pages share them): `{% load activity_tags %}` in templates, import them elsewhere.
"""

import json
import re

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.formats import date_format, number_format, time_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, get_text_list
from django.utils.translation import get_language, gettext, ngettext, pgettext

from activities.fields import WEEKDAY_CHOICES
from activities.models import JoinMode, PriceUnit, ScheduleKind, SchoolSystem

register = template.Library()

# The order modeltranslation falls back in when a translation is empty.
FALLBACK_LANGUAGES = tuple(
    getattr(settings, "MODELTRANSLATION_FALLBACK_LANGUAGES", {}).get("default", (settings.LANGUAGE_CODE,))
)


def _today(today=None):
    return today or timezone.localdate()


def date_in_words(day, today=None, weekday=False):
    """'15 October' this year, '15 October 2026' another year; with the weekday if asked."""
    pattern = "j F" if day.year == _today(today).year else "j F Y"
    return date_format(day, f"l {pattern}" if weekday else pattern)


def hours_in_words(start, end):
    return f"{time_format(start, 'H:i')}–{time_format(end, 'H:i')}"


@register.filter
def schedule_in_words(activity, today=None):
    """'Every Wednesday, 13:30–16:00, from 3 September to 24 June, not during school holidays'."""
    hours = hours_in_words(activity.start_time, activity.end_time)
    if activity.schedule_kind == ScheduleKind.ONE_OFF or not activity.end_date:
        return gettext("%(date)s, %(hours)s") % {
            "date": capfirst(date_in_words(activity.start_date, today, weekday=True)),
            "hours": hours,
        }
    period = {
        "first": date_in_words(activity.start_date, today),
        "last": date_in_words(activity.end_date, today),
        "hours": hours,
    }
    if activity.schedule_kind == ScheduleKind.CAMP:
        return gettext("Every day from %(first)s to %(last)s, %(hours)s") % period
    days = [str(label) for day, label in WEEKDAY_CHOICES if activity.weekdays & (1 << day)]
    text = gettext("Every %(days)s, %(hours)s, from %(first)s to %(last)s") % {
        "days": get_text_list(days, gettext("and")),
        **period,
    }
    if activity.skip_school_holidays:
        text = gettext("%(schedule)s, not during school holidays") % {"schedule": text}
    return text


@register.filter
def session_in_words(session, today=None):
    """'Today, 13:30–16:00', 'Tomorrow, …' or 'Wednesday 15 October, 13:30–16:00'."""
    if session is None:
        return ""
    today = _today(today)
    delta = (session.date - today).days
    if delta == 0:
        day = gettext("Today")
    elif delta == 1:
        day = gettext("Tomorrow")
    else:
        day = capfirst(date_in_words(session.date, today, weekday=True))
    return gettext("%(day)s, %(hours)s") % {
        "day": day,
        "hours": hours_in_words(session.start_time, session.end_time),
    }


def euros(amount):
    """'€5' for whole euros, '€2,50' (in the visitor's number format) otherwise."""
    if amount == int(amount):
        return f"€{int(amount)}"
    return f"€{number_format(amount, 2)}"


PRICE_UNITS = {
    PriceUnit.SESSION: lambda amount: gettext("%(amount)s per session") % {"amount": amount},
    PriceUnit.TERM: lambda amount: gettext("%(amount)s per term") % {"amount": amount},
    PriceUnit.YEAR: lambda amount: gettext("%(amount)s per year") % {"amount": amount},
    PriceUnit.ACTIVITY: lambda amount: gettext("%(amount)s for the whole activity") % {"amount": amount},
}


@register.filter
def price_in_words(activity):
    if activity.is_free:
        return gettext("Free")
    return PRICE_UNITS.get(activity.price_unit, PRICE_UNITS[PriceUnit.ACTIVITY])(euros(activity.price))


@register.filter
def reduced_in_words(activity):
    """'Reduced tariff: €2 per session' or 'Reduced tariff possible', empty when there is none."""
    if activity.is_free or not activity.has_reduced_tariff:
        return ""
    if activity.reduced_price is not None:
        amount = euros(activity.reduced_price)
        unit = PRICE_UNITS.get(activity.price_unit)
        return gettext("Reduced tariff: %(price)s") % {"price": unit(amount) if unit else amount}
    return gettext("Reduced tariff possible")


@register.filter
def scheme_labels(activity):
    labels = dict(settings.VILLAGE_REDUCED_PRICE_SCHEMES)
    return [str(labels[code]) for code in activity.reduced_schemes or [] if code in labels]


@register.filter
def ages_in_words(activity):
    low, high = activity.min_age, activity.max_age
    if low is not None and high is not None:
        if low == high:
            return ngettext("%(age)s year old", "%(age)s years old", high) % {"age": high}
        return ngettext("%(min)s–%(max)s year", "%(min)s–%(max)s years", high) % {"min": low, "max": high}
    if low is not None:
        return ngettext("from %(min)s year", "from %(min)s years", low) % {"min": low}
    if high is not None:
        return ngettext("up to %(max)s year", "up to %(max)s years", high) % {"max": high}
    return gettext("all ages")


@register.filter
def who_in_words(activity):
    """Ages when the activity has them, else who it is for ('Parents, families'): a parent café
    has no age range, and 'all ages' would say little."""
    if activity.min_age is None and activity.max_age is None and activity.audiences:
        return capfirst(get_text_list(activity.audiences, gettext("and")))
    return ages_in_words(activity)


@register.filter
def places_in_words(activity):
    """'3 places left' or 'Full: waiting list' for activities with registration, else ''."""
    left = activity.places_left
    if left is None:
        return ""
    if left > 0:
        return ngettext("%(count)s place left", "%(count)s places left", left) % {"count": left}
    return gettext("Full: waiting list")


@register.filter
def join_in_words(activity):
    if activity.join_mode == JoinMode.DROP_IN:
        return gettext("Just come: no registration needed.")
    if activity.join_mode == JoinMode.CONTACT:
        return gettext("Contact the organisation to take part.")
    return gettext("Register to take part.")


@register.filter
def school_levels(activity):
    levels = [
        (activity.preschool, pgettext("school level", "pre-school")),
        (activity.primary, pgettext("school level", "primary school")),
        (activity.secondary, pgettext("school level", "secondary school")),
    ]
    return [label for flag, label in levels if flag]


@register.filter
def school_system_in_words(activity):
    if activity.school_system == SchoolSystem.NOT_APPLICABLE:
        return ""
    return activity.get_school_system_display()


@register.filter
def tel_href(phone):
    """'tel:+3225201430' from '+32 2 520 14 30'."""
    return "tel:" + re.sub(r"[^\d+]", "", phone or "")


@register.simple_tag
def text_language(instance, field):
    """The language a translated field is shown in: the visitor's, or the one it falls back to."""
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    for code in (current, *FALLBACK_LANGUAGES):
        if getattr(instance, f"{field}_{code}", None):
            return code
    return current


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A <script type="application/ld+json"> with the data, escaped like json_script so that
    no text in it can close the element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


ICONS = {
    "calendar": '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/>',
    "clock": '<circle cx="12" cy="12" r="8.5"/><path d="M12 7.5V12l3 2"/>',
    "people": '<circle cx="9" cy="8" r="3.5"/><path d="M2.5 20c.8-3.6 3.3-5.5 6.5-5.5s5.7 1.9 6.5 5.5"/>'
    '<path d="M16 4.8a3.3 3.3 0 0 1 0 6.4M18 14.8c2 .6 3.2 2.3 3.6 5.2"/>',
    "euro": '<path d="M17.5 6.5a7 7 0 1 0 0 11"/><path d="M4 10h10M4 14h10"/>',
    "ticket": '<path d="M3.5 7h17v3a2 2 0 0 0 0 4v3h-17v-3a2 2 0 0 0 0-4z"/><path d="M14 7v10" stroke-dasharray="2 2"/>',
    "wheelchair": '<circle cx="11" cy="4" r="1.8"/><path d="M11 7v7h6l2 5M11 10h5"/>'
    '<path d="M8 11.5a5.5 5.5 0 1 0 7.6 6.4"/>',
    "speech": '<path d="M4 5h16v11H10l-5 4v-4H4z"/>',
    "pin": '<path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z"/><circle cx="12" cy="9.5" r="2.5"/>',
    "phone": '<path d="M5 3.5h3.5l1.8 4.5-2.3 1.4a11 11 0 0 0 6.6 6.6l1.4-2.3 4.5 1.8V19a1.5 1.5 0 0 1-1.5 '
    '1.5A16.5 16.5 0 0 1 3.5 5 1.5 1.5 0 0 1 5 3.5z"/>',
    "mail": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3.5 6.5 8.5 7 8.5-7"/>',
    "globe": '<circle cx="12" cy="12" r="8.5"/><path d="M3.5 12h17M12 3.5c2.5 2.6 3.5 5.4 3.5 8.5s-1 5.9-3.5 '
    '8.5c-2.5-2.6-3.5-5.4-3.5-8.5s1-5.9 3.5-8.5z"/>',
    "locate": '<circle cx="12" cy="12" r="7"/><circle cx="12" cy="12" r="2.5"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3"/>',
    "map": '<path d="M9 4 3 6v14l6-2 6 2 6-2V4l-6 2-6-2zM9 4v14M15 6v14"/>',
    "list": '<path d="M9 6h12M9 12h12M9 18h12"/><path d="M4 6h.01M4 12h.01M4 18h.01" stroke-width="3"/>',
    "download": '<path d="M12 4v11M7 10l5 5 5-5M5 20h14"/>',
    "arrow-left": '<path d="M19 12H5M11 6l-6 6 6 6"/>',
    "info": '<circle cx="12" cy="12" r="8.5"/><path d="M12 11v5M12 8h.01"/>',
}


@register.simple_tag
def icon(name):
    """A small decorative line icon (hidden from screen readers: the text next to it says it)."""
    return format_html(
        '<svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20" '
        'fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">{}</svg>',
        mark_safe(ICONS[name]),  # noqa: S308
    )
