"""Places under real concurrency: many people press "Register" at the same moment.

Each thread has its own database connection (Django's connections are per thread) and goes
through the whole stack with django.test.Client; a Barrier releases them together. On
PostgreSQL the requests really overlap and only the conditional UPDATE and the row locks keep
the count right. SQLite lets one writer in at a time (BEGIN IMMEDIATE), so there the threaded
tests are skipped and the same outcome is checked sequentially.
"""

import re
import threading

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

from activities import services
from activities.models import Activity, Registration, RegistrationStatus
from tests.activities.factories import RegistrationActivityFactory
from tests.factories import ChildFactory, ParentFactory, YouthFactory

PLACES = 5
PEOPLE = 20

needs_real_concurrency = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite serialises writers (BEGIN IMMEDIATE), so simultaneous requests cannot race; "
    "run with DATABASE_URL=postgres://... for the real concurrency test",
)


@pytest.fixture(autouse=True)
def _in_english():
    """These tests read the English wording of the pages."""
    with translation.override("en"):
        yield


def run_together(functions, timeout=120):
    """Run the functions in threads released at the same moment; return their results."""
    barrier = threading.Barrier(len(functions))
    results = [None] * len(functions)
    errors = []

    def work(index, function):
        try:
            barrier.wait(timeout=30)
            results[index] = function()
        except BaseException as error:  # noqa: BLE001 - reported to the test below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    assert not any(thread.is_alive() for thread in threads), "a thread hung"
    assert not errors, errors
    return results


def assert_consistent(activity, *, confirmed, waiting):
    activity.refresh_from_db()
    registrations = Registration.objects.filter(activity=activity)
    assert registrations.filter(status=RegistrationStatus.CONFIRMED).count() == confirmed
    assert activity.confirmed_count == confirmed
    in_line = list(registrations.waiting_in_order())
    assert len(in_line) == waiting
    assert [services.waiting_position(r) for r in in_line] == list(range(1, waiting + 1))
    # Arrival order on the waiting list is also creation order: positions never cross.
    assert [r.pk for r in in_line] == sorted(r.pk for r in in_line)


def reported_positions(texts):
    found = []
    for text in texts:
        match = re.search(r"number (\d+) on the waiting list", text)
        if match:
            found.append(int(match.group(1)))
    return sorted(found)


@needs_real_concurrency
# Real transactions (each request thread commits). The site_root factory puts back Wagtail's
# root page and locale, which the flush after other transactional tests removes.
@pytest.mark.django_db(transaction=True)
def test_twenty_simultaneous_requests_for_five_places(site_root):
    activity = RegistrationActivityFactory(capacity=PLACES, min_age=None, max_age=None)
    url = reverse("activities:join", args=[activity.pk])
    clients = []
    for number in range(PEOPLE):
        client = Client()
        client.force_login(YouthFactory(email=f"youth{number}@example.org"))
        clients.append(client)

    responses = run_together([lambda client=client: client.post(url) for client in clients])

    assert [response.status_code for response in responses] == [302] * PEOPLE
    assert_consistent(activity, confirmed=PLACES, waiting=PEOPLE - PLACES)
    # Everyone was told the truth: five places, then numbers 1 to 15, each once.
    pages = [client.get(reverse("activities:my_activities")).content.decode() for client in clients]
    assert sum("You are registered for" in page for page in pages) == PLACES
    assert reported_positions(pages) == list(range(1, PEOPLE - PLACES + 1))
    assert len(mail.outbox) == PEOPLE
    assert reported_positions(message.body for message in mail.outbox) == list(range(1, PEOPLE - PLACES + 1))


@needs_real_concurrency
@pytest.mark.django_db(transaction=True)
def test_simultaneous_cancellations_and_registrations_keep_the_count_right():
    activity = RegistrationActivityFactory(capacity=PLACES, min_age=None, max_age=None)
    children = [ChildFactory(first_name=f"Kind {number}") for number in range(PLACES * 2)]
    registrations = [
        services.register(actor=child.parent, activity=activity, children=[child])[0] for child in children
    ]
    confirmed = [r for r in registrations if r.status == RegistrationStatus.CONFIRMED]
    newcomers = [ChildFactory(first_name=f"Nieuw {number}") for number in range(PLACES)]

    def cancel(registration):
        return lambda: services.cancel_registration(
            actor=registration.child.parent, registration=registration
        )

    def join(child):
        return lambda: services.register(actor=child.parent, activity=activity, children=[child])

    run_together([cancel(r) for r in confirmed] + [join(child) for child in newcomers])

    # The five who waited got the five freed places, before the newcomers.
    assert_consistent(activity, confirmed=PLACES, waiting=PLACES)
    promoted = set(
        Registration.objects.filter(activity=activity, status="confirmed").values_list("child", flat=True)
    )
    assert promoted == {r.child_id for r in registrations[PLACES:]}


@needs_real_concurrency
@pytest.mark.django_db(transaction=True)
def test_the_same_child_registered_twice_at_once_counts_once():
    activity = RegistrationActivityFactory(capacity=PLACES)
    child = ChildFactory()

    def attempt():
        try:
            services.register(actor=child.parent, activity=activity, children=[child])
        except services.RegistrationError:
            return "refused"
        return "registered"

    results = run_together([attempt for _ in range(6)])
    assert sorted(results) == ["refused"] * 5 + ["registered"]
    assert Registration.objects.count() == 1
    assert Activity.objects.get().confirmed_count == 1


@pytest.mark.django_db
def test_twenty_registrations_in_a_row_for_five_places():
    """The sequential version, on every database."""
    activity = RegistrationActivityFactory(capacity=PLACES)
    results = []
    for number in range(PEOPLE):
        parent = ParentFactory()
        child = ChildFactory(parent=parent, first_name=f"Kind {number}")
        results.append(services.register(actor=parent, activity=activity, children=[child])[0])
    assert [r.status for r in results] == ["confirmed"] * PLACES + ["waiting"] * (PEOPLE - PLACES)
    assert [r.waiting_position for r in results[PLACES:]] == list(range(1, PEOPLE - PLACES + 1))
    assert_consistent(activity, confirmed=PLACES, waiting=PEOPLE - PLACES)
