from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation


class OrganisationRequestForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "description",
            "phone",
            "email",
            "website",
            "street",
            "postcode",
            "municipality",
        ]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"description": _("A few plain words: what you do, for whom, where.")}


class DecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the organisation)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
