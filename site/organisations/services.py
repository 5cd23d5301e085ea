"""Writes about organisations: a partner asks to join the platform, an editor decides."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from accounts.roles import EDITOR, PARTNER, ROLE_GROUPS
from village.mail import render_and_queue_email

from .models import Membership, Organisation, OrganisationStatus


@transaction.atomic
def request_organisation(*, actor, **fields):
    """Create an organisation waiting for approval, with the requester as its first member."""
    organisation = Organisation.objects.create(
        requested_by=actor, status=OrganisationStatus.PENDING, **fields
    )
    Membership.objects.create(organisation=organisation, user=actor)
    editors = get_user_model().objects.filter(groups__name=ROLE_GROUPS[EDITOR], is_active=True)
    admin_url = reverse("wagtailsnippets_organisations_organisation:edit", args=[organisation.pk])
    for editor in editors:
        render_and_queue_email(
            to=editor.email,
            template_prefix="organisations/email/organisation_requested",
            context={"organisation": organisation, "actor": actor, "admin_path": admin_url},
            language=editor.preferred_language,
        )
    return organisation


def add_member(*, organisation, user, function=""):
    membership, _created = Membership.objects.get_or_create(
        organisation=organisation, user=user, defaults={"function": function}
    )
    if organisation.is_approved:
        Group.objects.get(name=ROLE_GROUPS[PARTNER]).user_set.add(user)
    return membership


@transaction.atomic
def decide_organisation(*, actor, organisation, approve, reason=""):
    """Approve or reject an organisation; its members are told in their own language.

    Approval makes the members partners (the Partners group gives them the admin).
    """
    organisation.status = OrganisationStatus.APPROVED if approve else OrganisationStatus.REJECTED
    organisation.status_reason = reason
    organisation.decided_by = actor
    organisation.decided_at = timezone.now()
    organisation.save(update_fields=["status", "status_reason", "decided_by", "decided_at"])
    partners = Group.objects.get(name=ROLE_GROUPS[PARTNER])
    members = [membership.user for membership in organisation.memberships.select_related("user")]
    for member in members:
        if approve:
            partners.user_set.add(member)
        render_and_queue_email(
            to=member.email,
            template_prefix="organisations/email/organisation_decided",
            context={"organisation": organisation, "member": member, "approved": approve, "reason": reason},
            language=member.preferred_language,
        )
    return organisation
