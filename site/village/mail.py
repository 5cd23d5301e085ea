"""E-mail leaves through the task queue.

EMAIL_BACKEND is QueuedEmailBackend: whoever sends (allauth, Wagtail's workflow
notifications, our services), each message becomes a task, and the worker delivers it with
the backend named in VILLAGE_EMAIL_DELIVERY_BACKEND (console in the embedded default, SMTP in
production). The queue is a table (django-tasks-db), so enqueueing inside the caller's
transaction is the outbox pattern: the e-mail exists only if the transaction that caused it
commits, and the worker sends it once, after that.
"""

import re

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email


def serialise(message):
    return {
        "subject": str(message.subject),
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": [
            [name, content if isinstance(content, str) else content.decode("utf-8", "replace"), mimetype]
            for name, content, mimetype in message.attachments
            if isinstance(name, str)
        ],
    }


class QueuedEmailBackend(BaseEmailBackend):
    """Hands every message to the task queue instead of sending it during the request."""

    def send_messages(self, email_messages):
        for message in email_messages:
            send_email.enqueue(**serialise(message))
        return len(email_messages)


def render_and_queue_email(*, to, template_prefix, context, language, attachments=()):
    """Render `<prefix>_subject.txt` and `<prefix>_message.txt` in a language and send them.

    `attachments`: (filename, text, mimetype) triples, e.g. an iCalendar invitation.
    """
    context = {**context, "SITE_URL": settings.WAGTAILADMIN_BASE_URL}
    with translation.override(language):
        # One line; non-breaking spaces (French typography) stay.
        subject = re.sub(
            r"[ \t\r\n]+", " ", render_to_string(f"{template_prefix}_subject.txt", context)
        ).strip()
        body = render_to_string(f"{template_prefix}_message.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[to])
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()
