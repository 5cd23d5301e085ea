"""Whole-page cache of the activity finder and the activity pages, for visitors who are not logged in.

Most visitors of these pages are anonymous parents and youths, and what they see depends only
on the address (language prefix, path, filters in the query string), the host, the day and the
content. So a rendered page is kept in the cache (Redis in production) and served again until
one of these changes:

- content: every save or delete of what the pages show (activities, cancelled dates, venues,
  organisations, themes, spoken languages, school holidays, any CMS page: menu, finder intro,
  site settings: footer, images) and every place taken or freed (places left) bumps one
  *version* number; entries of an older version are never served. The bump happens at once and
  again when the transaction commits, so a page rendered from not-yet-committed data (or from
  the data just before the commit) is not kept either.
- time: a view says until when its page stays right (`response.activities_cache_until`): the
  end of today's session shown as "next" (it then disappears), or midnight ("Today" becomes
  "Tomorrow", ended activities go offline). The day is part of the key as well.

Never cached: logged-in people (their header has a log-out form with a CSRF token), requests
with messages waiting to be shown, responses that set a cookie or used a CSRF token, anything
other than a GET answered 200 by a view that asked for it (finder and activity page only).
A hit costs one round trip to the cache (the version and the entry in one MGET).

The open-data API's collection (`/api/v1/activities`) is kept by the same rules through
`remember()`: it is the same for everyone, and its next sessions count from today on.

Set `VILLAGE_PAGE_CACHE = False` to switch it off.
"""

import datetime
import functools
import hashlib
import logging
import os
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

logger = logging.getLogger(__name__)

VERSION_KEY = "activities:pages:version"
# Everything but places left: the finder's cards (see cached_cards).
CONTENT_VERSION_KEY = "activities:content:version"
CARD_PREFIX = "activities:card:"
ENTRY_PREFIX = "activities:page:"
# Even when nothing changed: a bound on what could slip past the invalidation (bulk SQL).
MAX_AGE = 600
# Headers set by the view and the middleware inside this one, replayed on a hit.
SKIPPED_HEADERS = {"set-cookie", "content-length"}


def enabled():
    return getattr(settings, "VILLAGE_PAGE_CACHE", True)


def _now():
    return time.time()


def _new_version():
    return time.time_ns()


def current_version(key=VERSION_KEY):
    version = cache.get(key)
    if version is None:
        cache.add(key, _new_version(), None)
        version = cache.get(key)
    return version


def bump(key=VERSION_KEY):
    """Make every cached page (or, with CONTENT_VERSION_KEY, every cached card) out of date."""
    try:
        try:
            cache.incr(key)
        except ValueError:  # no version yet, or evicted: a fresh one can't repeat an old one
            cache.set(key, _new_version(), None)
    except Exception:  # noqa: BLE001 - a change must not fail because the cache is down
        logger.error(
            "page cache: could not invalidate; kept pages expire within %s s", MAX_AGE, exc_info=True
        )


def invalidate(*args, **kwargs):
    """Bump now and once more after the current transaction commits (usable as a signal receiver)."""
    bump()
    bump(CONTENT_VERSION_KEY)
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        transaction.on_commit(bump)
        transaction.on_commit(lambda: bump(CONTENT_VERSION_KEY))


def invalidate_places(*args, **kwargs):
    """A place taken or freed: whole pages are out of date, the cards (which have the number of
    confirmed places in their key) stay right."""
    bump()
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        transaction.on_commit(bump)


def until(moment):
    """A point in time (aware datetime) as a timestamp, for `activities_cache_until`."""
    return moment.timestamp()


def end_of_today(now=None):
    now = timezone.localtime(now)
    midnight = datetime.datetime.combine(now.date() + datetime.timedelta(days=1), datetime.time())
    return timezone.make_aware(midnight, timezone.get_current_timezone())


def valid_until(sessions, now=None):
    """Until when a page showing these sessions (as next sessions) stays right: the end of the
    first one that ends today, else midnight."""
    now = timezone.localtime(now)
    moments = [end_of_today(now)]
    for session in sessions:
        if session is not None and session.date == now.date():
            moments.append(
                timezone.make_aware(
                    datetime.datetime.combine(session.date, session.end_time), timezone.get_current_timezone()
                )
            )
    return until(min(moments))


def mark(response, until_timestamp):
    """Let the middleware keep this response for anonymous visitors until the timestamp."""
    response.activities_cache_until = until_timestamp
    return response


@functools.cache
def build():
    """Changes with every deployment of other templates, translations, static files (their
    hashed names are in the pages) or code of this app, so that pages rendered by the previous
    one are not served by the new one (the cache outlives the processes)."""
    latest = 0
    folders = [Path(folder) for folder in settings.TEMPLATES[0].get("DIRS", [])]
    folders += [Path(folder) for folder in settings.LOCALE_PATHS] + [Path(__file__).parent]
    folders += [Path(folder) for folder in settings.STATICFILES_DIRS if isinstance(folder, str | Path)]
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = [name for name in dirnames if name != "__pycache__"]
            for name in filenames:
                try:
                    latest = max(latest, os.stat(os.path.join(dirpath, name)).st_mtime_ns)
                except OSError:
                    continue
    return str(latest)


def _key(*parts):
    """The cache key of an entry: the build, the given parts and today's date."""
    address = "|".join((build(), *(str(part) for part in parts)))
    digest = hashlib.sha256(address.encode()).hexdigest()[:40]
    return f"{ENTRY_PREFIX}{timezone.localdate().isoformat()}:{digest}"


def _entry_key(request):
    return _key(get_language(), request.scheme, request.get_host(), request.get_full_path())


def _lookup(key):
    """(the current version, the entry kept under the key if it is still right, else None),
    in one round trip; raises when the cache is down."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        version = current_version()
    entry = found.get(key)
    if entry and entry["version"] == version and entry["until"] > _now():
        return version, entry
    return version, None


def _store(key, version, until_timestamp, **fields):
    """Keeps an entry of this version until the timestamp (at most MAX_AGE from now)."""
    now = _now()
    until_timestamp = min(until_timestamp, now + MAX_AGE)
    timeout = int(until_timestamp - now)
    if timeout >= 1:
        cache.set(key, {"version": version, "until": until_timestamp, **fields}, timeout)


def _is_candidate(request):
    if request.method != "GET" or not enabled():
        return False
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    if not request.path_info.startswith(prefixes):
        return False
    user = getattr(request, "user", None)
    if user is None or user.is_authenticated:
        return False
    return not len(messages.get_messages(request))


class AnonymousPageCacheMiddleware:
    """Serves and keeps the pages that views marked with `page_cache.mark` (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_candidate(request):
            return self.get_response(request)
        key = _entry_key(request)
        try:
            version, entry = _lookup(key)
        except Exception:  # noqa: BLE001 - the cache is an optimisation: without it, render
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        if entry:
            return self._replay(entry)
        response = self.get_response(request)
        try:
            self._keep(request, response, key, version)
        except Exception:  # noqa: BLE001
            logger.warning("page cache unavailable", exc_info=True)
        return response

    def _replay(self, entry):
        response = HttpResponse(entry["content"], status=200)
        for name, value in entry["headers"]:
            response[name] = value
        if entry.get("uses_geolocation"):
            response.uses_geolocation = True
        response.activities_cache_hit = True
        return response

    def _keep(self, request, response, key, version):
        until_timestamp = getattr(response, "activities_cache_until", None)
        if until_timestamp is None or response.status_code != 200 or response.streaming:
            return
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return
        if request.user.is_authenticated or len(messages.get_messages(request)):
            return
        _store(
            key,
            version,
            until_timestamp,
            content=response.content,
            headers=[
                (name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS
            ],
            uses_geolocation=bool(getattr(response, "uses_geolocation", False)),
        )


def remember(parts, compute):
    """The text `compute()` returns, kept like a whole page (same version, day and expiry rules)
    under `parts`, for answers that are the same for everyone whatever their session: the
    open-data API. `parts` must hold everything the text depends on besides content and day
    (the language, the full path with the query string)."""
    if not enabled():
        return compute()
    key = _key(*parts)
    try:
        version, entry = _lookup(key)
    except Exception:  # noqa: BLE001 - the cache is an optimisation: without it, compute
        logger.warning("page cache unavailable", exc_info=True)
        return compute()
    if entry:
        return entry["content"]
    content = compute()
    try:
        _store(key, version, until(end_of_today()), content=content)
    except Exception:  # noqa: BLE001
        logger.warning("page cache unavailable", exc_info=True)
    return content


# --- what invalidates -------------------------------------------------------------------------


def watched_models():
    """Models whose rows the finder, an activity page or their header and footer show."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site

    from organisations.models import Organisation

    from .models import Activity, ActivityCancellation, SchoolHoliday, SpokenLanguage, Theme, Venue

    return (
        Activity,
        ActivityCancellation,
        Venue,
        Organisation,
        Theme,
        SpokenLanguage,
        SchoolHoliday,
        Page,
        PageViewRestriction,
        Site,
        get_image_model(),
        BaseSiteSetting,
        BaseGenericSetting,
    )


_watched = None


def _on_change(sender, instance=None, **kwargs):
    global _watched
    if _watched is None:
        _watched = watched_models()
    if isinstance(instance, _watched):
        invalidate()


def connect_signals():
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    from .models import Activity

    post_save.connect(_on_change, dispatch_uid="activities_page_cache_save")
    post_delete.connect(_on_change, dispatch_uid="activities_page_cache_delete")
    for through in (Activity.themes.through, Activity.spoken_languages.through):
        m2m_changed.connect(
            invalidate, sender=through, dispatch_uid=f"activities_page_cache_{through.__name__}"
        )
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"activities_page_cache_{id(signal)}")


# --- the finder's cards -------------------------------------------------------------------------


def card_version():
    """The content version to read before the data of the cards is loaded (so that a change
    committed meanwhile leaves the cards rendered now under an old version); None without cache."""
    try:
        return current_version(CONTENT_VERSION_KEY)
    except Exception:  # noqa: BLE001
        logger.warning("card cache unavailable", exc_info=True)
        return None


def cached_cards(activities, version):
    """Sets `card_html` on each activity whose card is in the cache; returns the others.

    A card shows nothing personal, so logged-in people share them. Its key holds what it shows
    that changes without a content change: the number of confirmed places, the next session
    (and today's date, for "Today"/"Tomorrow"), the distance and the language; content changes
    bump CONTENT_VERSION_KEY.
    """
    if version is None or not activities:
        return list(activities)
    keys = {activity.pk: _card_key(activity, version) for activity in activities}
    try:
        found = cache.get_many(list(keys.values()))
    except Exception:  # noqa: BLE001
        logger.warning("card cache unavailable", exc_info=True)
        found = {}
    missing = []
    for activity in activities:
        html = found.get(keys[activity.pk])
        if html is None:
            missing.append(activity)
        else:
            activity.card_html = mark_safe(html)  # noqa: S308 - rendered by our template
    return missing


def keep_cards(activities, version, render):
    """Renders the cards of these activities with `render(activity)` and keeps them."""
    for activity in activities:
        activity.card_html = render(activity)
    if version is None or not activities:
        return
    try:
        cache.set_many({_card_key(activity, version): activity.card_html for activity in activities}, MAX_AGE)
    except Exception:  # noqa: BLE001
        logger.warning("card cache unavailable", exc_info=True)


def _card_key(activity, version):
    session = getattr(activity, "next_session", None)
    distance = getattr(activity, "distance_km", None)
    parts = (
        build(),
        version,
        get_language(),
        timezone.localdate().isoformat(),
        activity.pk,
        activity.confirmed_count,
        f"{session.date}T{session.start_time}-{session.end_time}" if session else "",
        f"{distance:.1f}" if distance is not None else "",
    )
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()[:40]
    return f"{CARD_PREFIX}{digest}"
