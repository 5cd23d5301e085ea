"""People: accounts (parents, youths, professionals) and the children a parent manages."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AccountType(models.TextChoices):
    PARENT = "parent", _("Parent or carer")
    YOUTH = "youth", _("Young person")
    PROFESSIONAL = "professional", _("Professional (school, organisation, network)")


def current_year():
    return timezone.localdate().year


class VillageUserManager(UserManager):
    """E-mail is the login; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("account_type", AccountType.PROFESSIONAL)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account. Children under the youth age never get one."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("first name or nickname"),
        max_length=60,
        help_text=_("Shown next to what you post. No surname needed."),
    )
    account_type = models.CharField(
        _("account type"), max_length=20, choices=AccountType.choices, default=AccountType.PARENT
    )
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"),
        null=True,
        blank=True,
        help_text=_("Only asked of young people, to check the minimum age."),
    )
    preferred_language = models.CharField(
        _("language for e-mails"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    phone = models.CharField(_("phone number"), max_length=30, blank=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = VillageUserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["display_name", "email"]

    def __str__(self):
        return self.display_name or self.email

    # Wagtail's admin and allauth call these.
    def get_full_name(self):
        return self.display_name or self.email

    def get_short_name(self):
        return self.display_name or self.email

    @property
    def age(self):
        """Age this year, or None when no birth year is known."""
        return current_year() - self.birth_year if self.birth_year else None

    @property
    def is_minor(self):
        return self.account_type == AccountType.YOUTH and (self.age is None or self.age < 18)

    @property
    def roles(self):
        """The roles of the domain this person holds, in a fixed order (see accounts.roles).

        They cost a few queries, and the rules and the two-factor middleware ask on every
        request: worked out once per user object, so once per request.
        """
        from .roles import roles_of

        if not hasattr(self, "_village_roles"):
            self._village_roles = roles_of(self)
        return self._village_roles


class ChildProfile(models.Model):
    """A child registered by a parent: a first name or nickname and a birth year, nothing more."""

    parent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("parent"),
    )
    first_name = models.CharField(_("first name or nickname"), max_length=40)
    birth_year = models.PositiveSmallIntegerField(
        _("birth year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    consent_given_at = models.DateTimeField(
        _("consent given at"),
        help_text=_("When the parent agreed that Village keeps this child's first name and birth year."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("child")
        verbose_name_plural = _("children")
        ordering = ["birth_year", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "first_name", "birth_year"], name="unique_child_per_parent"
            )
        ]

    def __str__(self):
        return f"{self.first_name} ({self.birth_year})"

    @property
    def age(self):
        return current_year() - self.birth_year

    def clean(self):
        if self.birth_year and not (current_year() - 25 <= self.birth_year <= current_year()):
            raise ValidationError(
                {
                    "birth_year": _("Enter a birth year between %(low)s and %(high)s.")
                    % {"low": current_year() - 25, "high": current_year()}
                }
            )
