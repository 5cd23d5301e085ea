from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VillageConfig(AppConfig):
    name = "village"
    verbose_name = _("Village site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Photos uploaded in the Wagtail admin lose their metadata (GPS...) before they are stored.
        from .uploads import connect_wagtail_images

        connect_wagtail_images()
