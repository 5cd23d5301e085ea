"""Failed logins slow down: each failure makes the next attempt wait longer.

Two counters per attempt, one for the account (its e-mail address, trimmed and lower-cased)
and one for the client's address. After `free` failures of either, the next attempt is taken
only after a wait that doubles with each further failure (`first_delay`, twice that, four
times… at most `max_delay` seconds); failures are forgotten `forget_after` seconds after the
first of them. See `settings.VILLAGE_LOGIN_BACKOFF`.

    attempt = login_throttle.start_attempt(request, email)  # MustWait (a ValidationError) inside a wait
    ...check the password...
    if user is not None:
        attempt.succeeded()

An attempt inside a wait is refused at once, without checking the password, and the person
reads how long to wait (`MustWait.message`). The server never sleeps: a sleeping request would
let anyone tie up the workers with a few slow logins.

Every attempt counts as a failure from the moment it starts (the counter is raised before
the password is checked), and of the attempts that would start a wait only one goes (the
cache's atomic `add` decides), so parallel guesses do not slip through together.
A successful login forgets the account's failures; for the address it only takes back its own
attempt, so that an attacker's own account cannot wipe the address's count.

Counters live in the cache (Redis in production), shared by all server processes; e-mail
addresses appear in keys only as a hash. When the cache is unreachable logins are not slowed
(fail open, as village.ratelimit): a broken Redis must not lock everybody out, and /healthz
reports it.
"""

import hashlib
import logging
import math
import secrets
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

from village.ratelimit import client_ip

logger = logging.getLogger("village")

PREFIX = "login-backoff"


def _now():
    return time.time()


class MustWait(ValidationError):
    """An attempt inside a wait: `seconds` until the next one is taken. A form's validation
    error, so that a login form shows `message` where it shows a wrong password."""

    def __init__(self, seconds):
        super().__init__(wait_message(seconds), code="too_many_login_attempts")
        self.seconds = seconds


def wait_message(seconds):
    """What a person reads next to the login form."""
    if seconds <= 90:
        return ngettext(
            "Too many failed attempts. Try again in %(count)d second.",
            "Too many failed attempts. Try again in %(count)d seconds.",
            seconds,
        ) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "Too many failed attempts. Try again in %(count)d minute.",
        "Too many failed attempts. Try again in %(count)d minutes.",
        minutes,
    ) % {"count": minutes}


def delay_after(failures, rule):
    """Seconds to wait after this many failures in a row."""
    beyond = failures - rule["free"]
    if beyond < 0:
        return 0
    # Doubling stops at the cap long before the exponent gets large.
    return min(rule["first_delay"] * 2 ** min(beyond, 32), rule["max_delay"])


def normalise_login(login):
    return (login or "").strip().lower()


class _Counter:
    """The failures and the current wait of one account or one address.

    The wait is stored as (until, turn): `until` is compared with the clock, and `turn` names
    the key that the one attempt allowed after the wait takes with the cache's atomic `add`.
    Keys live for the whole `forget_after` window, so their expiry in the cache decides nothing.
    """

    def __init__(self, scope, identity):
        self.rule = settings.VILLAGE_LOGIN_BACKOFF[scope]
        self.timeout = max(self.rule["forget_after"], self.rule["max_delay"])
        self.failures_key = f"{PREFIX}:{scope}:{identity}:failures"
        self.wait_key = f"{PREFIX}:{scope}:{identity}:wait"
        self.turn = None

    def claim(self, now):
        """Counts this attempt; raises MustWait when a wait is running."""
        cache.add(self.failures_key, 0, timeout=self.rule["forget_after"])
        try:
            failures = cache.incr(self.failures_key)
        except ValueError:  # forgotten between add and incr (or no cache at all): a first one
            cache.set(self.failures_key, 1, timeout=self.rule["forget_after"])
            failures = 1
        if failures == 1:
            # Redis's INCR makes a key that never expires when it expired just before.
            cache.touch(self.failures_key, self.rule["forget_after"])
        delay = delay_after(failures, self.rule)
        if not delay:
            return
        turn = secrets.token_hex(8)
        wait = (now + delay, turn)
        held = cache.get(self.wait_key)
        if held is None:
            taken = cache.add(self.wait_key, wait, timeout=self.timeout)
        elif held[0] > now:
            taken = False
        else:  # the last wait is over: the first attempt to take its turn goes
            taken = cache.add(f"{self.wait_key}:{held[1]}", 1, timeout=self.timeout)
            if taken:
                cache.set(self.wait_key, wait, timeout=self.timeout)
        if not taken:
            self._uncount()
            held = cache.get(self.wait_key)
            raise MustWait(math.ceil(held[0] - now if held and held[0] > now else delay))
        self.turn = turn

    def release(self):
        """Takes back this attempt (it succeeded, or another counter refused it)."""
        self._uncount()
        if self.turn is not None:
            held = cache.get(self.wait_key)
            if held is not None and held[1] == self.turn:
                cache.delete(self.wait_key)

    def forget(self):
        cache.delete_many([self.failures_key, self.wait_key])

    def _uncount(self):
        try:
            if cache.decr(self.failures_key) <= 0:
                cache.delete(self.failures_key)
        except ValueError:  # already forgotten
            pass


def _account_counter(login):
    return _Counter("account", hashlib.sha256(normalise_login(login).encode()).hexdigest())


class Attempt:
    """A login attempt under way (without counters when the cache is unreachable)."""

    def __init__(self, account=None, address=None):
        self.account = account
        self.address = address

    def succeeded(self):
        """The password was right: forgets the account's failures, takes back this attempt
        for the address."""
        if self.account is None:
            return
        try:
            self.account.forget()
            self.address.release()
        except Exception:
            logger.warning("Login slowdown not reset: the cache is unreachable", exc_info=True)


def start_attempt(request, login):
    """Counts a login attempt for `login` (an e-mail address) from this request's address.

    Raises MustWait, with the longest wait that is running, when the account or the address
    must wait; the attempt is then not counted.
    """
    account = _account_counter(login)
    address = _Counter("ip", client_ip(request) or "unknown")
    now = _now()
    try:
        waits = cache.get_many([account.wait_key, address.wait_key]).values()
        running = [until for until, _turn in waits if until > now]
        if running:
            raise MustWait(math.ceil(max(running) - now))
        account.claim(now)
        try:
            address.claim(now)
        except MustWait:
            account.release()
            raise
    except MustWait:
        raise
    except Exception:
        logger.warning("Login slowdown not enforced: the cache is unreachable", exc_info=True)
        return Attempt()
    return Attempt(account, address)


def forget_account(sender, request, user, **kwargs):
    """Forgets the failures of a person's addresses after they reset their password through
    their mailbox (allauth's `password_reset` signal): they can log in with it at once."""
    from allauth.account.models import EmailAddress

    addresses = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    try:
        for address in addresses:
            _account_counter(address).forget()
    except Exception:
        logger.warning("Login slowdown not reset: the cache is unreachable", exc_info=True)
