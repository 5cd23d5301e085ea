from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Co-creation")
    default_auto_field = "django.db.models.BigAutoField"
