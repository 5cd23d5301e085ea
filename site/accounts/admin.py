"""Wagtail admin for people: Wagtail's user views with our fields."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .models import User

VILLAGE_USER_FIELDS = {
    "email",
    "display_name",
    "account_type",
    "preferred_language",
    "is_superuser",
    "groups",
}


class VillageUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        model = User
        fields = VILLAGE_USER_FIELDS


class VillageUserEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        model = User
        fields = VILLAGE_USER_FIELDS | {"is_active"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return VillageUserEditForm if for_update else VillageUserCreationForm
