"""Forms of the activities admin: the activity and venue edit forms, attendance, import."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import LANGUAGE_CHOICES, Venue
from .permissions import organisations_for, sees_all_organisations

MAX_IMPORT_BYTES = 2 * 1024 * 1024


class VenueChoiceField(forms.ModelChoiceField):
    def __init__(self, *args, show_organisation=False, **kwargs):
        self.show_organisation = show_organisation
        super().__init__(*args, **kwargs)

    def label_from_instance(self, venue):
        label = f"{venue.name}, {venue.address}"
        return f"{label} ({venue.organisation.name})" if self.show_organisation else label


def _limit_organisation_field(form):
    """Partners choose among their own organisations; with only one, it is chosen for them."""
    from organisations.models import Organisation

    field = form.fields.get("organisation")
    if field is None:
        return
    allowed = Q(pk__in=organisations_for(form.for_user).values("pk"))
    current = getattr(form.instance, "organisation_id", None)
    if current:
        # An existing item keeps its organisation, even one that is no longer approved.
        allowed |= Q(pk=current)
    field.queryset = Organisation.objects.filter(allowed).order_by("name")
    choices = list(field.queryset[:2])
    if len(choices) == 1:
        field.empty_label = None
        if not current:
            form.initial.setdefault("organisation", choices[0].pk)


class ActivityAdminForm(WagtailAdminModelForm):
    reduced_schemes = forms.MultipleChoiceField(
        label=_("Reduced-price schemes accepted"),
        choices=settings.VILLAGE_REDUCED_PRICE_SCHEMES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_organisation_field(self)
        if "venue" in self.fields:
            staff = sees_all_organisations(self.for_user)
            venues = Venue.objects.select_related("organisation")
            if not staff:
                venues = venues.filter(organisation__in=organisations_for(self.for_user))
            old = self.fields["venue"]
            self.fields["venue"] = VenueChoiceField(
                queryset=venues,
                required=False,
                label=old.label,
                help_text=_("Only your organisation's venues. Add a new one under Activities → Venues."),
                show_organisation=staff,
            )
        if "image" in self.fields:
            self.fields["image"].help_text = _(
                "The image's description (in the image library) is read out to people who cannot see it."
            )

    def clean(self):
        cleaned = super().clean()
        language = cleaned.get("original_language") or settings.LANGUAGE_CODE
        names = dict(LANGUAGE_CHOICES)
        for field in ("title", "summary"):
            name = f"{field}_{language}"
            if name in self.fields and not (cleaned.get(name) or "").strip():
                self.add_error(
                    name,
                    _("Fill this in, in %(language)s: the language the activity is written in.")
                    % {"language": names[language]},
                )
        return cleaned


class VenueAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_organisation_field(self)


class AttendanceForm(forms.Form):
    """Who came to one session: a checkbox per confirmed participant."""

    def __init__(self, *args, registrations, session_dates, **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        self.fields["date"] = forms.TypedChoiceField(
            label=_("Session"),
            choices=[(day.isoformat(), formats.date_format(day, "l j F Y")) for day in session_dates],
            coerce=lambda value: forms.DateField().clean(value),
        )
        for registration in self.registrations:
            self.fields[f"present_{registration.pk}"] = forms.BooleanField(
                label=registration.participant_name, required=False
            )

    def present_ids(self):
        return {
            registration.pk
            for registration in self.registrations
            if self.cleaned_data.get(f"present_{registration.pk}")
        }

    def checkbox_fields(self):
        return [self[f"present_{registration.pk}"] for registration in self.registrations]


class ImportForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    file = forms.FileField(
        label=_("CSV file"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    submit_for_review = forms.BooleanField(
        label=_("Send the activities for review straight away"),
        help_text=_("Otherwise they stay drafts: you can check them and send each one for review."),
        required=False,
        initial=True,
    )

    def __init__(self, *args, user, max_rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.for_user = user
        self.fields["file"].help_text = _(
            "At most 2 MB and %(count)s activities. Start from the template."
        ) % {"count": max_rows}
        queryset = organisations_for(user).order_by("name")
        self.fields["organisation"].queryset = queryset
        if queryset.count() == 1:
            self.fields["organisation"].initial = queryset.first().pk
            self.fields["organisation"].empty_label = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB. Split it into smaller files."))
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        return upload
