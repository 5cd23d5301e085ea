"""Forms of signals to government: free texts are checked for identifying data too, since
a signal report leaves the network."""

from django import forms
from django.utils.translation import gettext_lazy as _

from village.forms import ModelMultipleChoiceField

from .case_forms import MAX_TEXT, PseudonymousFormMixin, _textarea
from .models import Case, Signal, SignalAdditionKind, SignalBundle, SignalStatus


class SignalForm(PseudonymousFormMixin, forms.ModelForm):
    pseudonymous_fields = ("title", "description", "evidence")

    class Meta:
        model = Signal
        fields = ["kind", "title", "description", "evidence"]
        widgets = {"description": _textarea(6), "evidence": _textarea(4)}
        help_texts = {
            "description": _("What is missing or goes wrong, and for whom."),
            "evidence": _(
                "Figures, waiting lists, examples. Pseudonymous: no names or other identifying data."
            ),
        }


class AdditionForm(PseudonymousFormMixin, forms.Form):
    """A member adds a case (an existing case of the network, or a short text) or a figure."""

    pseudonymous_fields = ("text",)

    kind = forms.ChoiceField(
        label=_("What do you add?"), choices=SignalAdditionKind.choices, widget=forms.RadioSelect
    )
    case = forms.ModelChoiceField(
        label=_("A case of this network"),
        queryset=Case.objects.none(),
        required=False,
        help_text=_("Optional: link a case brought to this network."),
    )
    text = forms.CharField(
        label=_("Text"),
        max_length=2000,
        required=False,
        widget=_textarea(3),
        help_text=_("A short pseudonymous case, or a figure with its source."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = Case.objects.for_network(network).active()
        self.fields["case"].label_from_instance = lambda case: case.label

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if "text" in self.errors:
            return cleaned
        if kind == SignalAdditionKind.FIGURE and not cleaned.get("text"):
            self.add_error("text", _("Write the figure and where it comes from."))
        if kind == SignalAdditionKind.CASE and not cleaned.get("text") and not cleaned.get("case"):
            self.add_error("text", _("Choose a case of the network or describe one in a few words."))
        if kind == SignalAdditionKind.FIGURE and cleaned.get("case"):
            cleaned["case"] = None
        return cleaned


class SignalStatusForm(PseudonymousFormMixin, forms.Form):
    """Facilitators: the signal's status, bundle and the official answer."""

    pseudonymous_fields = ("official_answer",)

    status = forms.ChoiceField(label=_("Status"), choices=SignalStatus.choices)
    bundle = forms.ModelChoiceField(label=_("Bundle"), queryset=SignalBundle.objects.none(), required=False)
    official_answer = forms.CharField(
        label=_("Official answer"), required=False, max_length=MAX_TEXT, widget=_textarea(4)
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bundle"].queryset = SignalBundle.objects.filter(network=network)


class BundleForm(forms.ModelForm):
    signals = ModelMultipleChoiceField(
        label=_("Signals in this bundle"),
        queryset=Signal.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = SignalBundle
        fields = ["title", "recipient"]
        help_texts = {"recipient": _("For example: the steering committee, a minister's office.")}

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signals"].queryset = Signal.objects.for_network(network).filter(bundle__isnull=True)
        self.fields["signals"].label_from_instance = lambda signal: (
            f"{signal.title} ({signal.get_status_display()})"
        )


class BundleStatusForm(PseudonymousFormMixin, forms.ModelForm):
    pseudonymous_fields = ("official_answer",)

    class Meta:
        model = SignalBundle
        fields = ["status", "recipient", "official_answer"]
        widgets = {"official_answer": _textarea(5)}
