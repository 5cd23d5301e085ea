"""Forms of co-creation tracks: posting an idea, a comment, votes; the idea list's filters."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from activities.models import Theme
from village import geo
from village.uploads import clean_image

from .models import LANGUAGE_CHOICES, IdeaStatus

SORTS = [
    ("newest", _("Newest first")),
    ("supported", _("Most supported")),
    ("status", _("By status")),
]
# The order of the statuses when sorting by status: what was done first.
# Each language in its own name: a parent with little Dutch finds "Français" in any page language.
LANGUAGE_AUTONYMS = [("nl", "Nederlands"), ("fr", "Français"), ("en", "English")]
STATUS_ORDER = [
    IdeaStatus.REALISED,
    IdeaStatus.ACCEPTED,
    IdeaStatus.UNDER_CONSIDERATION,
    IdeaStatus.RECEIVED,
    IdeaStatus.NOT_POSSIBLE,
]


def _language_initial():
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in dict(LANGUAGE_CHOICES) else settings.LANGUAGE_CODE


class IdeaForm(forms.Form):
    title = forms.CharField(
        label=_("Your idea in a few words"),
        max_length=120,
        error_messages={"required": _("Give your idea a title.")},
    )
    body = forms.CharField(
        label=_("Tell more (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Do not write names, addresses or phone numbers: everybody can read your idea."),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme (optional)"), queryset=Theme.objects.all(), required=False, empty_label=_("No theme")
    )
    language = forms.ChoiceField(label=_("Written in"), choices=LANGUAGE_AUTONYMS)
    image = forms.FileField(
        label=_("A picture or drawing (optional)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("A photo of a drawing works well. Not a photo of people."),
    )
    image_alt = forms.CharField(
        label=_("What does the picture show?"),
        max_length=200,
        required=False,
        help_text=_("For people who cannot see the picture."),
    )
    latitude = geo.latitude_formfield(label=_("Latitude"), required=False)
    longitude = geo.longitude_formfield(label=_("Longitude"), required=False)

    def __init__(self, *args, track, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.track = track
        self.fields["language"].initial = _language_initial()
        self.fields["title"].widget.attrs.update(autocomplete="off", maxlength=120)
        self.fields["latitude"].widget.attrs.update(step="any", inputmode="decimal")
        self.fields["longitude"].widget.attrs.update(step="any", inputmode="decimal")
        if track.ideas_need_location:
            self.fields["latitude"].required = True
            self.fields["longitude"].required = True
            self.fields["latitude"].error_messages["required"] = _("Put your idea on the map.")
            self.fields["longitude"].error_messages["required"] = _("Put your idea on the map.")
        else:
            self.fields["latitude"].label = _("Latitude (optional)")
            self.fields["longitude"].label = _("Longitude (optional)")

    def clean_image(self):
        image = self.cleaned_data.get("image")
        return clean_image(image) if image else None

    def clean(self):
        data = super().clean()
        if data.get("image") and not (data.get("image_alt") or "").strip():
            self.add_error("image_alt", _("Say in a few words what the picture shows."))
        has_lat = data.get("latitude") is not None
        has_lon = data.get("longitude") is not None
        if has_lat != has_lon and not self.track.ideas_need_location:
            self.add_error("latitude", _("Give both the latitude and the longitude, or neither."))
        return data


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your reaction"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write your reaction.")},
        help_text=_("Be kind. Do not write names, addresses or phone numbers."),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=LANGUAGE_AUTONYMS)
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = _language_initial()


class VoteForm(forms.Form):
    count = forms.IntegerField(
        label=_("Your votes for this idea"),
        min_value=0,
        max_value=20,
        error_messages={"required": _("Choose a number of votes.")},
    )


class IdeaFilterForm(forms.Form):
    """The idea list's sort and filters, in the URL (works without JavaScript)."""

    sort = forms.ChoiceField(label=_("Sort"), choices=SORTS, required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All statuses"))] + list(IdeaStatus.choices), required=False
    )

    def __init__(self, *args, themes=(), **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (theme.slug, theme.name) for theme in themes
        ]

    def values(self):
        if not self.is_valid():
            return {"sort": "newest", "theme": "", "status": ""}
        data = self.cleaned_data
        return {
            "sort": data.get("sort") or "newest",
            "theme": data.get("theme") or "",
            "status": data.get("status") or "",
        }
