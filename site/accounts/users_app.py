from wagtail.users.apps import WagtailUsersAppConfig


class VillageUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with our user fields (e-mail login, display name, account type)."""

    user_viewset = "accounts.admin.UserViewSet"
