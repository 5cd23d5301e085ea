"""E-mail leaves through the task queue.

The queue is a table (django-tasks-db), so enqueueing inside the caller's transaction is the
outbox pattern: the task exists only if the transaction that caused it commits, and the worker
sends it after that. Nothing is sent for work that was rolled back.
"""

from django.conf import settings
from django.utils import translation

from .tasks import send_email


def queue_email(message):
    """Queue an already rendered EmailMessage / EmailMultiAlternatives for sending."""
    payload = {
        "subject": str(message.subject),
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[content, mimetype] for content, mimetype in getattr(message, "alternatives", [])],
    }
    send_email.enqueue(**payload)


def render_and_queue_email(*, to, template_prefix, context, language):
    """Render `<prefix>_subject.txt` and `<prefix>_message.txt` in a language and queue them."""
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string

    context = {**context, "SITE_URL": settings.WAGTAILADMIN_BASE_URL}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_message.txt", context)
    queue_email(EmailMessage(subject=subject, body=body, to=[to]))
