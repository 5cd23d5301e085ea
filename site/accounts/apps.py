from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("People")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from allauth.account.signals import password_reset

        from . import login_throttle, roles

        post_migrate.connect(roles.ensure_role_groups, sender=self)
        password_reset.connect(login_throttle.forget_account)
        # Pages that editors create in production (the tracks index) carry the groups' rights.
        for page_type in roles.page_types_with_grants():
            post_save.connect(
                roles.grant_on_new_page, sender=page_type, dispatch_uid=f"roles_{page_type._meta.label}"
            )
