"""E-mail goes through a real queue: stored as a task, sent by the worker (`db_worker`)."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db(transaction=True)

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def queued_email(settings):
    """As outside tests: e-mail goes into the database queue; the worker delivers it."""
    settings.TASKS = DB_QUEUE
    settings.EMAIL_BACKEND = "village.mail.QueuedEmailBackend"


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*", verbosity=0)


def test_queued_email_waits_for_the_worker_and_is_sent_once(settings, mailoutbox):
    EmailMessage(subject="Welkom", body="Hallo", to=["ouder@example.org"]).send()
    assert DBTaskResult.objects.count() == 1
    assert mailoutbox == []  # nothing leaves before a worker runs

    run_worker()
    assert [message.subject for message in mail.outbox] == ["Welkom"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"

    run_worker()
    assert len(mail.outbox) == 1  # a second worker run sends nothing twice


def test_no_email_for_work_that_was_rolled_back(settings, mailoutbox):
    with pytest.raises(RuntimeError), transaction.atomic():
        EmailMessage(subject="Nooit", body="-", to=["x@example.org"]).send()
        raise RuntimeError("the request failed")
    run_worker()
    assert not DBTaskResult.objects.exists()
    assert mailoutbox == []


def test_allauth_and_wagtail_mail_go_through_the_queue_with_the_site_name(client, mailoutbox):
    """Sign-up confirmation is queued, then delivered by the worker, naming the site."""
    from tests.factories import make_home_page

    make_home_page()
    client.post(
        "/en/accounts/signup/",
        {
            "display_name": "Samira",
            "account_type": "parent",
            "email": "samira@example.org",
            "password1": "a-long-test-password",
            "password2": "a-long-test-password",
            "accept_privacy": "on",
        },
    )
    assert mailoutbox == []
    run_worker()
    [message] = mail.outbox
    assert message.to == ["samira@example.org"]
    assert message.subject.startswith("Village")
    assert "Hello from !" not in message.body
