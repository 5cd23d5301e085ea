import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import LANGUAGE_CHOICES, AgendaItem, Invitation, MemberRole, NetworkMember, RsvpAnswer

MAX_INVITES = 50
MAX_AGENDA_ITEMS = 30
MAX_AGENDA_ITEM_LENGTH = AgendaItem._meta.get_field("title").max_length


class ProfileForm(forms.ModelForm):
    """What the other members of the network see about you."""

    class Meta:
        model = NetworkMember
        fields = ["organisation", "function", "region", "phone"]
        widgets = {
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "function": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }
        help_texts = {
            "organisation": _("For example: CLB Brussel, a homework school, a youth welfare service."),
            "phone": _("Only the members of this network see it."),
        }


class InviteForm(forms.Form):
    emails = forms.CharField(
        label=_("E-mail addresses"),
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off", "spellcheck": "false"}),
        help_text=_("One or more addresses, one per line or separated by commas."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.MEMBER)
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=LANGUAGE_CHOICES,
        help_text=_("People who already have an account get it in the language they chose."),
    )

    def clean_emails(self):
        parts = [part for part in re.split(r"[\s,;]+", self.cleaned_data["emails"]) if part]
        if not parts:
            raise ValidationError(_("Enter at least one e-mail address."))
        if len(parts) > MAX_INVITES:
            raise ValidationError(
                ngettext(
                    "You can invite at most %(count)d person at a time.",
                    "You can invite at most %(count)d people at a time.",
                    MAX_INVITES,
                )
                % {"count": MAX_INVITES}
            )
        invalid = []
        for part in parts:
            try:
                validate_email(part)
            except ValidationError:
                invalid.append(part)
            else:
                if len(part) > Invitation._meta.get_field("email").max_length:
                    invalid.append(part)  # valid, but longer than addresses can be stored
        if invalid:
            raise ValidationError(
                _("These are not e-mail addresses: %(addresses)s") % {"addresses": ", ".join(invalid)}
            )
        return [part.lower() for part in parts]


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)


DURATION_CHOICES = [
    (30, _("30 minutes")),
    (60, _("1 hour")),
    (90, _("1 hour 30 minutes")),
    (120, _("2 hours")),
    (150, _("2 hours 30 minutes")),
    (180, _("3 hours")),
    (240, _("4 hours")),
]


class SessionForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=160)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    duration = forms.TypedChoiceField(label=_("Duration"), choices=DURATION_CHOICES, coerce=int, initial=120)
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One agenda item per line, in the order of the session."),
    )

    def clean_agenda(self):
        items = [line.strip(" -•\t") for line in self.cleaned_data["agenda"].splitlines()]
        items = [item for item in items if item]
        if len(items) > MAX_AGENDA_ITEMS:
            raise ValidationError(
                _("An agenda can have at most %(count)d items.") % {"count": MAX_AGENDA_ITEMS}
            )
        for number, item in enumerate(items, start=1):
            if len(item) > MAX_AGENDA_ITEM_LENGTH:
                raise ValidationError(
                    _("Agenda item %(number)d is longer than %(count)d characters: make it shorter.")
                    % {"number": number, "count": MAX_AGENDA_ITEM_LENGTH}
                )
        return items

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("start_time"):
            starts_at = timezone.make_aware(datetime.datetime.combine(data["date"], data["start_time"]))
            try:
                data["ends_at"] = starts_at + datetime.timedelta(minutes=data.get("duration") or 60)
            except OverflowError:  # the last day of the calendar (year 9999)
                self.add_error("date", forms.DateField.default_error_messages["invalid"])
                return data
            if starts_at < timezone.now():
                self.add_error("date", _("Choose a date and time in the future."))
            data["starts_at"] = starts_at
        return data


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Will you come?"), choices=RsvpAnswer.choices, widget=forms.RadioSelect
    )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Pre-filled from the agenda and the polls. Do not write names of children or families."),
    )
    decisions = forms.CharField(
        label=_("Decisions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One decision per line: what, who, by when."),
    )

    def clean(self):
        data = super().clean()
        if self.data.get("publish") and not (
            data.get("minutes", "").strip() or data.get("decisions", "").strip()
        ):
            raise ValidationError(_("Write the minutes or the decisions before publishing them."))
        return data
