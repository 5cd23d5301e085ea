"""Authorisation matrix: every URL of our apps × every role × objects of the demo content.

The table lives in tests/authorization_matrix.py (TABLE). For each row the test fills in the
URL's arguments from the demo content (an activity of organisation A, a held idea, a case of
network A…), requests it as each role (GET, or POST with an empty body for state-changing
views) and compares the answer with the expected one. Each request runs in a transaction that
is rolled back, so rows cannot change the demo content for the rows after them.

Coverage: `test_every_url_of_our_apps_has_an_entry` walks the root URLconf (`get_resolver()`)
recursively and fails for any pattern of OUR apps — the namespaces accounts, organisations,
notifications, activities, participation, network and api (/api/v1/), /healthz, the sitemap,
the privacy page, Wagtail's page route (our page types: home, standard page, activity finder,
tracks index, track page) and every Wagtail admin view whose code lives in our apps — that has
no row in TABLE. Wagtail admin and allauth have hundreds of URLs of their own: they are covered
by a representative sample (admin home, page edit, snippet lists/edit of our models, login,
signup, password reset, e-mail addresses), not all of them.

Besides the status, a row may name a `secret` (a text that must not be in the answer, e.g. a
held idea on the track page, a draft activity in the finder and the API, another person's
notification; the roles in `secret_shown_to` must see it, which proves the text is real) and a
`check` (what an empty POST must not have changed, e.g. an account closed, another person's
notification marked read). `test_every_page_type_of_the_demo_has_an_entry` fails for a page
type in the demo page tree without a row.

Known leaks are rows with `known_leaks`: they must still answer the wrong way (like
xfail(strict=True)); once fixed, the test says to remove the mark.

Run: `.venv/bin/python -m pytest -q tests/test_authorization_matrix.py` (one test per role, the
demo loaded once per role). `MATRIX_OBSERVE=/some/dir` also writes what each role got, one
file per role, to compare with the table when adding rows.
"""

import os
from collections import OrderedDict

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.authorization_matrix import LOGIN, PAGE_TYPES, REDIRECT, ROLES, TABLE

OUR_NAMESPACES = {
    "accounts",
    "organisations",
    "notifications",
    "activities",
    "participation",
    "network",
    "api",
}
OUR_NAMES = {"healthz", "sitemap", "privacy", "wagtail_serve"}
OUR_MODULES = (
    "accounts.",
    "organisations.",
    "notifications.",
    "activities.",
    "participation.",
    "network.",
    "village.",
)


def walk_patterns(resolver, namespace=None):
    """(name as reverse() takes it, pattern, view module) for every pattern, recursively."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk_patterns(pattern, inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            callback = pattern.callback
            module = getattr(callback, "__module__", "") or ""
            yield name, pattern, module


def our_url_names():
    names = set()
    for name, _pattern, module in walk_patterns(get_resolver()):
        if name is None:
            continue
        namespace = name.rsplit(":", 1)[0] if ":" in name else None
        if namespace in OUR_NAMESPACES or name in OUR_NAMES:
            names.add(name)
        elif namespace is None and module.startswith(OUR_MODULES):
            # Admin views registered by our wagtail_hooks (register_admin_urls).
            names.add(name)
    return names


def test_every_url_of_our_apps_has_an_entry():
    covered = {row.key for row in TABLE}
    missing = sorted(our_url_names() - covered)
    assert not missing, (
        "These URLs have no entry in the authorisation matrix. Add a row per URL to TABLE in "
        "tests/authorization_matrix.py (how to build its arguments from the demo content and the "
        f"answer per role): {missing}"
    )
    found = our_url_names()
    # The walk itself works: it finds URLs of every kind we cover.
    for name in ("network:case_detail", "api:list_activities", "participation_moderation_queue", "healthz"):
        assert name in found, name


def test_every_page_type_of_the_demo_has_an_entry(demo):
    from wagtail.models import Page

    types = {page.specific_class.__name__ for page in Page.objects.filter(depth__gt=1, live=True)}
    missing = sorted(types - PAGE_TYPES)
    assert not missing, (
        "These page types have no row in tests/authorization_matrix.py: add a wagtail_serve row "
        f"with a page of that type and its name to PAGE_TYPES: {missing}"
    )


def test_every_row_names_a_url_that_exists():
    every = {name for name, _pattern, _module in walk_patterns(get_resolver())}
    unknown = sorted({row.key for row in TABLE} - every)
    assert not unknown, f"Rows for URLs that no longer exist: {unknown}"
    for row in TABLE:
        assert set(row.expected) == set(ROLES), (row.key, row.label)


# ---- the demo content and the roles -------------------------------------------------------------


def build_objects():
    from notifications.models import Notification
    from wagtail.models import Page

    from accounts.models import ChildProfile, User
    from accounts.roles import COORDINATOR, ROLE_GROUPS
    from activities.models import Activity, CalendarFeed, Registration, SavedSearch
    from network.models import (
        Case,
        Invitation,
        Network,
        NetworkMember,
        Practice,
        Session,
        Signal,
        SignalBundle,
    )
    from organisations.models import Organisation
    from participation.models import Comment, Idea, Moderation, TrackIndexPage, TrackPage, Workshop
    from tests.factories import make_partner

    def user(email):
        return User.objects.get(email=email)

    parent, youth, partner_a = (
        user("parent@example.org"),
        user("youth@example.org"),
        user("partner@example.org"),
    )
    org_a = Organisation.objects.get(memberships__user=partner_a)
    org_b = Organisation.objects.get(name="Jeugdhuis Peterbos")
    partner_b = make_partner(org_b, email="partner-b@example.org", display_name="Bert")
    network_a, network_b = Network.objects.get(slug="brussel"), Network.objects.get(slug="antwerpen")
    coordinator_b = user("sofie@example.org")
    coordinator_b.groups.add(Group.objects.get(name=ROLE_GROUPS[COORDINATOR]))
    assert not NetworkMember.objects.filter(user=coordinator_b, network=network_a).exists()

    other_parent = user("fatima@example.org")
    child_other = ChildProfile.objects.exclude(parent=parent).first()
    activity_a = (
        Activity.objects.filter(organisation=org_a, live=True, cancelled=False).order_by("pk").first()
    )
    draft_a = Activity.objects.filter(organisation=org_a, live=False).order_by("pk").first()
    activity_b = (
        Activity.objects.filter(organisation=org_b, live=True, cancelled=False).order_by("pk").first()
    )
    registration_parent = (
        Registration.objects.filter(registered_by=parent, activity__organisation=org_a).first()
        or Registration.objects.filter(registered_by=parent).first()
    )
    registration_other = (
        Registration.objects.exclude(registered_by=parent).filter(activity__organisation=org_a).first()
    )
    assert registration_parent and registration_other
    track_a = TrackPage.objects.filter(organisation=org_a).order_by("pk").first()
    track_b = TrackPage.objects.filter(organisation=org_b).order_by("pk").first()
    objects = {
        "users": {
            "anonymous": None,
            "parent": parent,
            "youth": youth,
            "partner_a": partner_a,
            "partner_b": partner_b,
            "coordinator_a": user("coordinator@example.org"),
            "coordinator_b": coordinator_b,
            "moderator": user("moderator@example.org"),
            "editor": user("editor@example.org"),
        },
        "org_a": org_a,
        "org_b": org_b,
        "organisation_pending": Organisation.objects.filter(status="pending").first(),
        "child_own": parent.children.first(),
        "child_other": child_other,
        "activity_a": activity_a,
        "draft_a": draft_a,
        "activity_b": activity_b,
        "registration_parent": registration_parent,
        "registration_other": registration_other,
        "notification_parent": Notification.objects.create(user=parent, title="Voor Samira"),
        "notification_other": Notification.objects.create(user=other_parent, title="Voor Fatima"),
        "search_parent": SavedSearch.objects.create(user=parent, name="Huiswerk", query="q=huiswerk"),
        "feed_parent": CalendarFeed.objects.get_or_create(user=parent)[0],
        "standard_page": Page.objects.get(slug="over-village").specific,
        "activity_index": Page.objects.get(slug="activiteiten").specific,
        "track_index": TrackIndexPage.objects.first(),
        "track_a": track_a,
        "track_b": track_b,
        "idea_published": Idea.objects.get(track=track_a, author=parent, moderation=Moderation.PUBLISHED),
        "idea_published_b": Idea.objects.filter(track=track_b, moderation=Moderation.PUBLISHED).first(),
        "idea_held_workshop": Idea.objects.filter(
            workshop__code="SAMEN7", moderation=Moderation.PENDING
        ).first(),
        "idea_held": Idea.objects.get(author=youth, moderation=Moderation.PENDING),
        "comment_published": Comment.objects.filter(moderation=Moderation.PUBLISHED).order_by("pk").first(),
        "workshop_open": Workshop.objects.get(code="SAMEN7"),
        "workshop_ended": Workshop.objects.get(code="BRUG24"),
        "network_a": network_a,
        "network_b": network_b,
        "membership_a": NetworkMember.objects.get(network=network_a, user__email="bram@example.org"),
        "invitation_a": Invitation.issue(
            network=network_a, email="new.member@example.org", invited_by=user("coordinator@example.org")
        ),
        "session_a": Session.objects.filter(network=network_a).order_by("-starts_at").first(),
        "session_b": Session.objects.filter(network=network_b).first(),
        "case_a": Case.objects.filter(network=network_a).order_by("pk").first(),
        "practice_public_a": Practice.objects.filter(network=network_a, visibility="public").first(),
        "practice_private_a": Practice.objects.filter(network=network_a, visibility="network").first(),
        "signal_a": Signal.objects.filter(network=network_a, status="open").first(),
        "bundle_a": SignalBundle.objects.filter(network=network_a).first(),
    }
    missing = [key for key, value in objects.items() if value is None and key != "users"]
    assert not missing, f"The demo content lacks: {missing}"
    return objects


def answer(response):
    if response.status_code in (301, 302, 303, 307, 308):
        location = response.headers.get("Location", "")
        return LOGIN if "login" in location else REDIRECT
    return response.status_code


def url_of(row, objects):
    if row.path:
        return row.path(objects)
    kwargs = row.args(objects) if row.args else {}
    return reverse(row.key, kwargs=kwargs)


def request(client, row, url, objects, role):
    """One request, rolled back afterwards: no row changes what the next one sees. Returns the
    response and what the row's check found wrong (None if nothing)."""
    cache.clear()  # rate limits and page caches start afresh for every request
    problem = None
    with transaction.atomic():
        if row.method == "post":
            response = client.post(url, row.data)
        else:
            response = client.get(url)
        if row.check:
            problem = row.check(objects, role)
        transaction.set_rollback(True)
    return response, problem


@pytest.mark.parametrize("role", ROLES)
def test_authorization_matrix(db, role):
    call_command("load_demo", stdout=open(os.devnull, "w"))
    objects = build_objects()
    client = Client()
    user = objects["users"][role]
    if user is not None:
        client.force_login(user)
    wrong, fixed, observed = [], [], OrderedDict()
    for row in TABLE:
        url = url_of(row, objects)
        response, problem = request(client, row, url, objects, role)
        got = answer(response)
        expected = row.expected[role]
        if row.secret:
            secrets = row.secret(objects)
            body = response.content.decode("utf-8", "replace")
            for secret in [secrets] if isinstance(secrets, str) else secrets:
                assert secret, (row.key, row.label, "an empty secret proves nothing")
                if role not in row.secret_shown_to and secret in body:
                    wrong.append(f"{row.method.upper()} {url} ({row.key}, {row.label}): shows {secret!r}")
                elif role in row.secret_shown_to and got == 200 and secret not in body:
                    wrong.append(f"{row.method.upper()} {url} ({row.key}, {row.label}): lacks {secret!r}")
        if problem:
            wrong.append(f"{row.method.upper()} {url} ({row.key}, {row.label}): {problem}")
        observed[(row.key, row.label, row.method)] = got
        if role in row.known_leaks:
            if got == expected:
                fixed.append(
                    f"{row.method.upper()} {url} ({row.key}, {row.label}): now {got}; remove known_leaks[{role!r}]"
                )
            continue
        if got != expected:
            wrong.append(
                f"{row.method.upper()} {url} ({row.key}, {row.label}): got {got}, expected {expected}"
            )
    if os.environ.get("MATRIX_OBSERVE"):
        with open(os.path.join(os.environ["MATRIX_OBSERVE"], f"observed-{role}.tsv"), "w") as out:
            for (key, label, method), got in observed.items():
                out.write(f"{key}\t{label}\t{method}\t{got}\n")
    assert not wrong and not fixed, f"As {role}:\n" + "\n".join(wrong + fixed)
