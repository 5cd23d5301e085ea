"""Partner organisations (schools, youth work, welfare, clubs...) and their members."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    SCHOOL = "school", _("School")
    YOUTH_WORK = "youth_work", _("Youth work")
    WELFARE = "welfare", _("Welfare")
    PUPIL_GUIDANCE = "pupil_guidance", _("Pupil guidance centre (CLB / CPMS)")
    HOMEWORK_SCHOOL = "homework_school", _("Homework school")
    SPORT = "sport", _("Sport")
    CULTURE = "culture", _("Culture")
    LIBRARY = "library", _("Library")
    MUNICIPALITY = "municipality", _("Municipality")
    OTHER = "other", _("Other")


class OrganisationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")


class OrganisationQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=OrganisationStatus.APPROVED)

    def pending(self):
        return self.filter(status=OrganisationStatus.PENDING)

    def of_member(self, user):
        return self.filter(memberships__user=user)


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=150, unique=True)
    kind = models.CharField(_("type"), max_length=30, choices=OrganisationKind.choices)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    phone = models.CharField(
        _("contact phone"), max_length=30, help_text=_("Many parents prefer to call. Please give a number.")
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    street = models.CharField(_("street and number"), max_length=150, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    municipality = models.CharField(_("municipality"), max_length=80, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=OrganisationStatus.choices, default=OrganisationStatus.PENDING
    )
    status_reason = models.TextField(_("reason given with the decision"), blank=True, max_length=1000)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        permissions = [("approve_organisation", _("Can approve or reject organisations"))]

    def __str__(self):
        return self.name

    @property
    def is_approved(self):
        return self.status == OrganisationStatus.APPROVED


class Membership(models.Model):
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="organisation_memberships",
    )
    function = models.CharField(_("function"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["organisation", "user"], name="unique_membership")]

    def __str__(self):
        return f"{self.user} – {self.organisation}"
