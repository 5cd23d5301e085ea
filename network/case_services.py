"""State changes of case consultation, each written to the case's access log.

Cases are pseudonymous (the forms refuse identifying data, see network/identifiers.py),
visible to the members of their network only, archived (by hand, or automatically some days
after they were closed) and deleted after the retention period. Every read and every change
is logged (who, what, when); deleting a case keeps a log entry with its label but no content.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from village.mail import render_and_queue_email

from .access import is_member
from .models import Case, CaseAccessAction, CaseAccessLog, CaseOutcome, CaseResponse


def archive_after_closed_days():
    return int(getattr(settings, "VILLAGE_CASE_ARCHIVE_AFTER_CLOSED_DAYS", 30))


def log_access(*, case, user, action, at=None):
    return CaseAccessLog.objects.create(
        network_id=case.network_id,
        case=case,
        case_label=case.label,
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        at=at or timezone.now(),
    )


def read_case(*, actor, case):
    """A member opens a case: the read is logged before anything is shown."""
    log_access(case=case, user=actor, action=CaseAccessAction.READ)


@transaction.atomic
def create_case(*, actor, network, data):
    case = Case.objects.create(network=network, author=actor, **data)
    log_access(case=case, user=actor, action=CaseAccessAction.CREATE)
    return case


@transaction.atomic
def update_case(*, actor, case, data):
    for field, value in data.items():
        setattr(case, field, value)
    case.save()
    log_access(case=case, user=actor, action=CaseAccessAction.UPDATE)
    return case


@transaction.atomic
def set_outcome(*, actor, case, outcome):
    """The case's outcome (advice given, round table planned, referred, closed)."""
    case.outcome = outcome
    case.save(update_fields=["outcome", "updated_at"])
    log_access(case=case, user=actor, action=CaseAccessAction.UPDATE)
    return case


@transaction.atomic
def respond_to_case(*, actor, case, text):
    """A member responds; the member who brought the case in gets an e-mail with a link only
    (no case content leaves the platform), in their own language."""
    response = CaseResponse.objects.create(case=case, author=actor, text=text)
    log_access(case=case, user=actor, action=CaseAccessAction.RESPOND)
    author = case.author
    if author is not None and author.pk != getattr(actor, "pk", None) and is_member(author, case.network_id):
        language = author.preferred_language or "nl"
        with translation.override(language):
            url = reverse("network:case_detail", kwargs={"slug": case.network.slug, "pk": case.pk})
        render_and_queue_email(
            to=author.email,
            template_prefix="network/email/case_response",
            context={"case": case, "network": case.network, "recipient": author, "case_url": url},
            language=language,
        )
    return response


@transaction.atomic
def archive_case(*, actor, case, now=None):
    """Archive a case: read-only from now on, deleted after the retention period."""
    if case.archived_at:
        return case
    case.archived_at = now or timezone.now()
    case.save(update_fields=["archived_at", "updated_at"])
    log_access(case=case, user=actor, action=CaseAccessAction.ARCHIVE, at=case.archived_at)
    return case


def archive_closed_cases(*, now=None):
    """Archive the cases closed (outcome "closed", unchanged since) more than
    VILLAGE_CASE_ARCHIVE_AFTER_CLOSED_DAYS ago. Returns how many."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=archive_after_closed_days())
    count = 0
    for case in Case.objects.active().filter(outcome=CaseOutcome.CLOSED, updated_at__lte=cutoff):
        archive_case(actor=None, case=case, now=now)
        count += 1
    return count


def delete_expired_cases(*, now=None):
    """Delete the cases archived longer ago than the retention period, with their responses.
    The access log keeps one "deleted" entry per case: its label, no content. Returns how many."""
    now = now or timezone.now()
    count = 0
    for case in Case.objects.due_for_deletion(now):
        with transaction.atomic():
            log_access(case=case, user=None, action=CaseAccessAction.DELETE, at=now)
            case.delete()
        count += 1
    return count


def purge_cases(*, now=None):
    """The daily retention run: archive closed cases, delete expired ones. (archived, deleted)."""
    return archive_closed_cases(now=now), delete_expired_cases(now=now)
