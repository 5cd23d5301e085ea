"""State changes of signals to government: filing, endorsing, evidence, bundles, status.

A member files a signal; other members endorse it (once each) and add pseudonymous cases or
figures. Facilitators bundle signals, follow their status (open, sent, answered, closed) and
record the official answer, on a signal or on a bundle (a bundle's status carries over to its
signals). Each function runs in a transaction.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Signal, SignalAddition, SignalAdditionKind, SignalBundle, SignalEndorsement, SignalStatus
from .services import NetworkError


@transaction.atomic
def file_signal(*, actor, network, data):
    return Signal.objects.create(network=network, author=actor, **data)


@transaction.atomic
def update_signal(*, actor, signal, data):
    for field, value in data.items():
        setattr(signal, field, value)
    signal.save()
    return signal


def endorse_signal(*, actor, signal):
    """Endorse once; a second time is refused with a message (NetworkError)."""
    if signal.author_id == actor.pk:
        raise NetworkError(_("You filed this signal yourself; other members can endorse it."))
    try:
        with transaction.atomic():
            return SignalEndorsement.objects.create(signal=signal, user=actor)
    except IntegrityError:
        raise NetworkError(_("You have already endorsed this signal.")) from None


@transaction.atomic
def add_to_signal(*, actor, signal, kind, text="", case=None):
    """Add a pseudonymous case (a case of the network and/or a short text) or a figure."""
    if case is not None and case.network_id != signal.network_id:
        raise NetworkError(_("Choose a case of this network."))
    if kind != SignalAdditionKind.CASE:
        case = None
    return SignalAddition.objects.create(signal=signal, author=actor, kind=kind, text=text or "", case=case)


def _apply_status(obj, status, now):
    obj.status = status
    if status in (SignalStatus.SENT, SignalStatus.ANSWERED, SignalStatus.CLOSED) and not obj.sent_at:
        obj.sent_at = now
    if status == SignalStatus.ANSWERED and not obj.answered_at:
        obj.answered_at = now


@transaction.atomic
def set_signal_status(*, actor, signal, status, bundle=None, official_answer=""):
    """Facilitators: status, bundle and official answer of one signal."""
    if bundle is not None and bundle.network_id != signal.network_id:
        raise NetworkError(_("Choose a bundle of this network."))
    now = timezone.now()
    signal.bundle = bundle
    signal.official_answer = official_answer or ""
    if signal.official_answer and not signal.answered_at:
        signal.answered_at = now
    _apply_status(signal, status, now)
    signal.save()
    return signal


@transaction.atomic
def create_bundle(*, actor, network, title, recipient="", signals=()):
    bundle = SignalBundle.objects.create(network=network, title=title, recipient=recipient, created_by=actor)
    Signal.objects.filter(network=network, pk__in=[s.pk for s in signals]).update(bundle=bundle)
    return bundle


@transaction.atomic
def update_bundle(*, actor, bundle, status, recipient="", official_answer=""):
    """The bundle's status carries over to its signals that are not further along; its
    official answer is shown with each of them."""
    now = timezone.now()
    bundle.recipient = recipient or ""
    bundle.official_answer = official_answer or ""
    if bundle.official_answer and not bundle.answered_at:
        bundle.answered_at = now
    _apply_status(bundle, status, now)
    bundle.save()
    order = [SignalStatus.OPEN, SignalStatus.SENT, SignalStatus.ANSWERED, SignalStatus.CLOSED]
    for signal in bundle.signals.all():
        if order.index(signal.status) < order.index(status):
            _apply_status(signal, status, now)
            signal.save(update_fields=["status", "sent_at", "answered_at", "updated_at"])
    return bundle
