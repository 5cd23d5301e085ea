"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError

# Keys are 64-bit integers in every database Village runs on.
MAX_KEY = 2**63 - 1


def _out_of_range(value):
    try:
        return abs(int(value)) > MAX_KEY
    except (TypeError, ValueError):
        return False


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's, refusing numbers too large to be a key like any unknown choice: SQLite fails
    on them (OverflowError, a server error) where PostgreSQL finds nothing."""

    def clean(self, value):
        for key in value or ():
            if _out_of_range(key):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": key}
                )
        return super().clean(value)
