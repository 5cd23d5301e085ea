"""E-mail goes through a real queue: stored as a task, sent by the worker (`db_worker`)."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from village.mail import queue_email

pytestmark = pytest.mark.django_db(transaction=True)

DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", batch=True, no_startup_delay=True, queue_name="*", verbosity=0)


def test_queued_email_waits_for_the_worker_and_is_sent_once(settings, mailoutbox):
    settings.TASKS = DB_QUEUE
    queue_email(EmailMessage(subject="Welkom", body="Hallo", to=["ouder@example.org"]))
    assert DBTaskResult.objects.count() == 1
    assert mailoutbox == []  # nothing leaves before a worker runs

    run_worker()
    assert [message.subject for message in mail.outbox] == ["Welkom"]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"

    run_worker()
    assert len(mail.outbox) == 1  # a second worker run sends nothing twice


def test_no_email_for_work_that_was_rolled_back(settings, mailoutbox):
    settings.TASKS = DB_QUEUE
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_email(EmailMessage(subject="Nooit", body="-", to=["x@example.org"]))
        raise RuntimeError("the request failed")
    run_worker()
    assert not DBTaskResult.objects.exists()
    assert mailoutbox == []
