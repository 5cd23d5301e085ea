from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from . import login_throttle
from .models import AccountType, ChildProfile, User, current_year


def self_signup_types():
    return [
        (AccountType.PARENT, _("A parent or carer")),
        (AccountType.YOUTH, _("A young person (%(age)s or older)") % {"age": settings.VILLAGE_YOUTH_MIN_AGE}),
        (AccountType.PROFESSIONAL, _("A professional (school, organisation, learning network)")),
    ]


def validate_youth_birth_year(birth_year):
    """Youths sign up themselves from the minimum age; younger children never need an account."""
    min_age = settings.VILLAGE_YOUTH_MIN_AGE
    if birth_year is None:
        raise forms.ValidationError(_("Young people enter their birth year."), code="required")
    if birth_year > current_year():
        raise forms.ValidationError(_("That birth year lies in the future."), code="future")
    if current_year() - birth_year < min_age:
        raise forms.ValidationError(
            _(
                "You can make your own account from the age of %(age)s. Until then, a parent "
                "can register you, or you can take part in a workshop without an account."
            )
            % {"age": min_age},
            code="too_young",
        )
    if current_year() - birth_year > 120:
        raise forms.ValidationError(_("Check the birth year."), code="too_old")


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (e-mail and password come from allauth)."""

    display_name = forms.CharField(
        label=_("First name or nickname"),
        max_length=60,
        help_text=_("Shown next to what you post. No surname needed."),
    )
    account_type = forms.ChoiceField(
        label=_("I am"), choices=self_signup_types, widget=forms.RadioSelect, initial=AccountType.PARENT
    )
    birth_year = forms.IntegerField(
        label=_("Birth year (young people only)"),
        required=False,
        min_value=1900,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
    )
    accept_privacy = forms.BooleanField(
        label=_("I have read how Village handles my data (privacy page)."),
        error_messages={"required": _("Please confirm that you have read the privacy page.")},
    )

    field_order = [
        "display_name",
        "account_type",
        "birth_year",
        "email",
        "password1",
        "password2",
        "accept_privacy",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accept_privacy"].help_text = format_html(
            '<a href="{}">{}</a>', reverse("privacy"), _("Read how Village handles your data")
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("account_type") == AccountType.YOUTH:
            try:
                validate_youth_birth_year(cleaned.get("birth_year"))
            except forms.ValidationError as error:
                self.add_error("birth_year", error)
        else:
            cleaned["birth_year"] = None
        return cleaned

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.account_type = self.cleaned_data["account_type"]
        user.birth_year = self.cleaned_data.get("birth_year")
        user.save()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language", "phone", "birth_year"]
        widgets = {"birth_year": forms.NumberInput(attrs={"inputmode": "numeric"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.account_type != AccountType.YOUTH:
            del self.fields["birth_year"]
        self.fields["phone"].widget.attrs.update({"type": "tel", "autocomplete": "tel"})

    def clean_birth_year(self):
        birth_year = self.cleaned_data.get("birth_year")
        validate_youth_birth_year(birth_year)
        return birth_year


class ChildForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I am this child's parent or carer and agree that Village keeps this first name and birth year."
        ),
        error_messages={"required": _("Your consent is needed to register a child.")},
    )

    class Meta:
        model = ChildProfile
        fields = ["first_name", "birth_year"]
        widgets = {"birth_year": forms.NumberInput(attrs={"inputmode": "numeric"})}
        help_texts = {"first_name": _("A first name or nickname is enough.")}

    def __init__(self, *args, parent, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent = parent
        if self.instance.pk:
            del self.fields["consent"]

    def clean_birth_year(self):
        birth_year = self.cleaned_data["birth_year"]
        this_year = current_year()
        if not this_year - 25 <= birth_year <= this_year:
            raise forms.ValidationError(
                _("Enter a birth year between %(low)s and %(high)s.")
                % {"low": this_year - 25, "high": this_year}
            )
        return birth_year

    def clean(self):
        cleaned = super().clean()
        first_name, birth_year = cleaned.get("first_name"), cleaned.get("birth_year")
        if first_name and birth_year:
            duplicates = ChildProfile.objects.filter(
                parent=self.parent, first_name__iexact=first_name.strip(), birth_year=birth_year
            ).exclude(pk=self.instance.pk)
            if duplicates.exists():
                raise forms.ValidationError(_("You have already registered this child."))
        return cleaned


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = request.user

    def clean_password(self):
        """Guesses are slowed down as at the login (a session left open must not let anyone
        try passwords at full speed)."""
        password = self.cleaned_data["password"]
        attempt = login_throttle.start_attempt(self.request, self.user.email)  # or MustWait
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        attempt.succeeded()
        return password


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's own login page (/admin/login/ does not go through allauth), with failed logins
    slowed down like everywhere else (accounts.login_throttle)."""

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is None or not self.cleaned_data.get("password"):
            return super().clean()
        attempt = login_throttle.start_attempt(self.request, username)  # or MustWait
        cleaned_data = super().clean()
        attempt.succeeded()
        return cleaned_data
