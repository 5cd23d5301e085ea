from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .schedule import weekday_mask, weekdays_of

WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class WeekdaysFormField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        for unused in ("max_value", "min_value"):
            kwargs.pop(unused, None)
        kwargs.setdefault("choices", WEEKDAY_CHOICES)
        super().__init__(coerce=int, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int):
            return weekdays_of(value)
        return value

    def clean(self, value):
        return weekday_mask(super().clean(value))

    def has_changed(self, initial, data):
        return self.prepare_value(initial) != [int(day) for day in (data or [])]


class WeekdaysField(models.PositiveSmallIntegerField):
    """Days of the week as a bit mask (Monday = 1, Sunday = 64): one integer to filter on."""

    def formfield(self, **kwargs):
        return super().formfield(
            **{"form_class": WeekdaysFormField, "choices_form_class": WeekdaysFormField, **kwargs}
        )
