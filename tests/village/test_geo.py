"""One definition of a point on the map (village.geo) for venues, tracks and ideas: the same
limits wherever a latitude or longitude is typed."""

import pytest
from django.core.exceptions import ValidationError

from activities.models import Venue
from participation.forms import IdeaForm
from participation.models import Idea, TrackPage


def model_field(model, name):
    field = model._meta.get_field(name)

    def clean(value):
        field.run_validators(field.to_python(value))

    return clean


FIELDS = [
    pytest.param(model_field(model, name), limit, id=f"{model.__name__}.{name}")
    for model in (Venue, TrackPage, Idea)
    for name, limit in (("latitude", 90), ("longitude", 180))
] + [
    pytest.param(IdeaForm.base_fields[name].clean, limit, id=f"IdeaForm.{name}")
    for name, limit in (("latitude", 90), ("longitude", 180))
]


@pytest.mark.parametrize("clean, limit", FIELDS)
def test_a_coordinate_is_refused_beyond_its_limit_and_kept_to_6_decimals(clean, limit):
    for value in (f"{limit}", f"-{limit}", "50.836123"):
        clean(value)
    for value in (f"{limit}.000001", f"-{limit}.000001", "50.8361234"):
        with pytest.raises(ValidationError):
            clean(value)
