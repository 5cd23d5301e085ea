"""Forms of the joining pages: choosing children, saving a search."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from accounts.models import ChildProfile
from village.forms import ModelMultipleChoiceField

from .filters import ActivityFilterForm


class ChildrenForm(forms.Form):
    """A parent ticks the children to register. Children who cannot join are shown, disabled,
    with the reason (see `options`); only the others are valid choices."""

    children = ModelMultipleChoiceField(
        label=_("Who are you registering?"),
        queryset=ChildProfile.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one child."),
            "invalid_choice": _("This child cannot be registered for this activity."),
            "invalid_pk_value": _("This child cannot be registered for this activity."),
        },
    )

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.options = options
        eligible = [child.pk for child, reason in options if reason is None]
        self.fields["children"].queryset = ChildProfile.objects.filter(pk__in=eligible)
        if not self.is_bound and len(eligible) == 1:
            self.initial["children"] = eligible

    def option_rows(self):
        """(child, reason, checked) for the template, in the order of the options."""
        if self.is_bound:
            chosen = {str(value) for value in self.data.getlist("children")}
        else:
            chosen = {str(value) for value in self.initial.get("children", [])}
        return [(child, reason, reason is None and str(child.pk) in chosen) for child, reason in self.options]


class SaveSearchForm(forms.Form):
    name = forms.CharField(
        label=_("Name of your search"),
        max_length=80,
        help_text=_("For example: sport near home. We e-mail you when a new activity matches."),
        error_messages={"required": _("Give your search a name.")},
    )
    query = forms.CharField(required=False, max_length=1000, widget=forms.HiddenInput)
    next = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)


class QueryDescriber:
    """The filters of saved searches in words: [(label, value)], e.g. [("Age", "10")].

    Reads the theme and language choices once, however many searches it describes.
    """

    def __init__(self):
        self.fields = ActivityFilterForm().fields
        self.labels = {
            name: {str(key): label for key, label in field.choices}
            for name, field in self.fields.items()
            if hasattr(field, "choices")
        }

    def __call__(self, query):
        data = QueryDict(query or "")
        described = []
        for name, field in self.fields.items():
            values = [value for value in data.getlist(name) if value]
            if not values:
                continue
            if isinstance(field, forms.BooleanField):
                described.append((field.label, _("yes")))
                continue
            labels = self.labels.get(name, {})
            described.append((field.label, ", ".join(str(labels.get(value, value)) for value in values)))
        return described


def describe_query(query):
    return QueryDescriber()(query)
