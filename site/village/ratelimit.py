"""Rate limits kept in the cache: "at most N of this per period, per key".

Limits are named in `settings.VILLAGE_RATE_LIMITS` ({name: (count, seconds)}), so a deployment
can tune them and tests can lower them. Each app asks before doing the limited thing:

    from village import ratelimit

    if not ratelimit.allow("idea_post", request.user.pk):
        ...  # answer with ratelimit.message() next to the form; store nothing

A fixed window per key: the first hit starts the window, the window's counter expires with
it. When the cache is unreachable the limit is not enforced (fail open): a broken Redis must
not lock families out of the site, and /healthz reports it.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext

logger = logging.getLogger("village")


def limit_of(name):
    """(count, seconds) for the named limit."""
    return settings.VILLAGE_RATE_LIMITS[name]


def _key(name, parts):
    return "ratelimit:" + name + ":" + ":".join(str(part) for part in parts)


def allow(name, *key_parts):
    """Counts one attempt for (name, key) and tells whether it is within the limit."""
    count, seconds = limit_of(name)
    key = _key(name, key_parts)
    try:
        if cache.add(key, 1, timeout=seconds):
            return count >= 1
        return cache.incr(key) <= count
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=seconds)
        return True
    except Exception:  # the cache is down: fail open, say so in the log
        logger.warning("Rate limit %s not enforced: the cache is unreachable", name, exc_info=True)
        return True


def reset(name, *key_parts):
    """Forgets the attempts for (name, key), e.g. after a successful login."""
    try:
        cache.delete(_key(name, key_parts))
    except Exception:
        logger.warning("Rate limit %s not reset: the cache is unreachable", name, exc_info=True)


def message():
    """What a person reads when they hit a limit."""
    return gettext("You have done this many times in a short while. Please wait a few minutes and try again.")


def client_ip(request):
    """The client's address; behind the reverse proxy, the one it reports (see production)."""
    if settings.VILLAGE_TRUST_X_FORWARDED_FOR:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
