from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load the demo content of every app (idempotent: running it twice changes nothing)."

    def handle(self, *args, **options):
        if not settings.VILLAGE_DEMO_CONTENT_ALLOWED:
            raise CommandError("Demo content is not allowed with these settings (production).")
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            for path in settings.VILLAGE_DEMO_LOADERS:
                loader = import_string(f"{path}.load")
                summary = loader()
                self.stdout.write(f"{path}: {summary}")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
