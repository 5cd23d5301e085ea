"""Forms of moderation and of closing the loop: report, decide, give a status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LANGUAGE_CHOICES, IdeaStatus, ReportReason
from .moderation import plain_text

LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    explanation = forms.CharField(
        label=_("Tell us more (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Please do not write names, addresses or phone numbers."),
    )

    def clean_explanation(self):
        return plain_text(self.cleaned_data.get("explanation", ""))


DECISIONS = [
    ("approve", _("Approve: everybody can see it")),
    ("hide", _("Hide: only the author still sees it")),
    ("remove", _("Remove")),
]


class DecisionForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason (the author reads this)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Plain words, for a child too. Needed when you hide or remove."),
    )

    def clean(self):
        cleaned = super().clean()
        cleaned["reason"] = plain_text(cleaned.get("reason", ""))
        if cleaned.get("action") in ("hide", "remove") and not cleaned["reason"]:
            self.add_error("reason", _("Tell the author why, in plain words."))
        return cleaned


class IdeaStatusForm(forms.Form):
    """A status with an explanation; the idea's own language is required, the others optional."""

    status = forms.ChoiceField(label=_("Status"), choices=IdeaStatus.choices, widget=forms.RadioSelect)
    activity = forms.ModelChoiceField(
        label=_("The activity it became (optional)"), queryset=None, required=False
    )

    def __init__(self, *args, idea, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.idea = idea
        self.fields["activity"].queryset = activities
        self.fields["status"].initial = idea.status
        if idea.activity_id:
            self.fields["activity"].initial = idea.activity_id
        ordered = [idea.language] + [code for code, _name in LANGUAGE_CHOICES if code != idea.language]
        for code in ordered:
            required = code == idea.language
            label = (
                _("Explanation in %(language)s (the language of the idea)")
                if required
                else _("Explanation in %(language)s (optional)")
            ) % {"language": LANGUAGE_NAMES[code]}
            self.fields[f"explanation_{code}"] = forms.CharField(
                label=label,
                required=required,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 4, "lang": code}),
                help_text=_("What was decided and why, in plain words.") if required else "",
            )

    def clean(self):
        cleaned = super().clean()
        for code, _name in LANGUAGE_CHOICES:
            key = f"explanation_{code}"
            if key in cleaned:
                cleaned[key] = plain_text(cleaned[key])
        key = f"explanation_{self.idea.language}"
        if key in self.fields and not cleaned.get(key) and key not in self.errors:
            self.add_error(key, _("Explain the decision in plain words."))
        return cleaned

    def explanations(self):
        return {code: self.cleaned_data.get(f"explanation_{code}", "") for code, _name in LANGUAGE_CHOICES}
