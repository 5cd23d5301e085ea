from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "activities"
    verbose_name = _("Activities")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_delete
        from wagtail.signals import published

        from accounts import privacy
        from accounts.models import ChildProfile

        from . import page_cache, services
        from .models import Activity

        privacy.register(
            "activities", exporter=services.export_personal_data, eraser=services.erase_personal_data
        )
        published.connect(
            services.activity_published, sender=Activity, dispatch_uid="activities_saved_searches"
        )
        # Cached pages of anonymous visitors go out of date with what they show.
        page_cache.connect_signals()
        # Places held by a child or a person who is deleted go to the waiting list, whichever
        # way they are deleted (the parent's page, the admin, account deletion).
        pre_delete.connect(
            services.release_child_registrations, sender=ChildProfile, dispatch_uid="activities_release_child"
        )
        pre_delete.connect(
            services.release_own_registrations,
            sender=get_user_model(),
            dispatch_uid="activities_release_user",
        )
