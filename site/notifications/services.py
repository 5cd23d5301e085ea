"""Telling a person something: in the site (the Notifications page) and by e-mail."""

import re

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from village.mail import render_and_queue_email

from .models import Notification


def _language(user):
    return (user.preferred_language or translation.get_language() or "nl")[:2]


def notify(user, *, template_prefix, context, url="", email=True):
    """Store an in-site notification for `user` and (unless email=False) queue the e-mail.

    Both are rendered in the person's preferred language from `<prefix>_subject.txt` (the
    title) and `<prefix>_message.txt` (the text). The e-mail leaves only if the surrounding
    transaction commits (village.mail queues it as a task in the same database)."""
    if user is None or not getattr(user, "pk", None) or not user.is_active:
        return None
    language = _language(user)
    with translation.override(language):
        # A callable gives the link in the person's language (/fr/... for a French reader).
        url = url() if callable(url) else url
        context = {**context, "user": user, "url": url}
        title = re.sub(r"\s+", " ", render_to_string(f"{template_prefix}_subject.txt", context)).strip()
        message = render_to_string(f"{template_prefix}_message.txt", context).strip()
    notification = Notification.objects.create(user=user, title=title[:255], message=message, url=url)
    if email and user.email:
        render_and_queue_email(
            to=user.email, template_prefix=template_prefix, context=context, language=language
        )
    return notification


def mark_read(*, user, notification_id):
    return Notification.objects.for_user(user).filter(pk=notification_id).mark_read()


def mark_all_read(*, user):
    with transaction.atomic():
        return Notification.objects.for_user(user).mark_read()


def export_personal_data(user):
    return {
        "notifications": [
            {
                "title": item.title,
                "message": item.message,
                "url": item.url,
                "created": item.created.isoformat(),
                "read_at": item.read_at.isoformat() if item.read_at else None,
            }
            for item in Notification.objects.filter(user=user).order_by("created")
        ]
    }


def erase_personal_data(user):
    Notification.objects.filter(user=user).delete()
