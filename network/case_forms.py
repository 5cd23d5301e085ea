"""Forms of case consultation: every free text is checked for identifying data."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from .identifiers import find_identifying_data, platform_school_names
from .models import Case, CaseOutcome

MAX_TEXT = 5000


class PseudonymousFormMixin:
    """Refuses, next to the field, free text that can identify a person."""

    pseudonymous_fields = ()

    def _school_names(self):
        if not hasattr(self, "_school_name_cache"):
            self._school_name_cache = platform_school_names()
        return self._school_name_cache

    def _clean_pseudonymous(self, name):
        value = self.cleaned_data.get(name)
        if value:
            findings = find_identifying_data(value, school_names=self._school_names())
            if findings:
                raise ValidationError([message for _kind, message in findings], code="identifying_data")
        return value

    def clean(self):
        cleaned = super().clean()
        for name in self.pseudonymous_fields:
            if name in cleaned and name not in self.errors:
                try:
                    self._clean_pseudonymous(name)
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned


def _textarea(rows=5):
    return forms.Textarea(attrs={"rows": rows, "maxlength": MAX_TEXT})


class CaseForm(PseudonymousFormMixin, forms.ModelForm):
    pseudonymous_fields = ("situation", "tried", "question")

    class Meta:
        model = Case
        fields = ["age_band", "school_level", "school_type", "situation", "tried", "question"]
        widgets = {
            "situation": _textarea(6),
            "tried": _textarea(4),
            "question": _textarea(3),
        }
        help_texts = {
            "situation": _(
                "Describe the situation without names, birth dates, contact details or the name of "
                "the school: for example “Boy, 14, vocational track, skipping school since the "
                "autumn holiday”."
            ),
            "tried": _(
                "Who did what so far: for example “the pupil guidance centre talked with the mother”."
            ),
            "question": _("What do you ask the network?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.pseudonymous_fields:
            self.fields[name].max_length = MAX_TEXT
            self.fields[name].validators.append(MaxLengthValidator(MAX_TEXT))


class ResponseForm(PseudonymousFormMixin, forms.Form):
    pseudonymous_fields = ("text",)

    text = forms.CharField(
        label=_("Your response"),
        max_length=MAX_TEXT,
        widget=_textarea(4),
        help_text=_("Advice, a question or an offer. No names or other identifying data."),
    )


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=CaseOutcome.choices)
