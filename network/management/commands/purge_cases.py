"""Retention of case consultation: archive closed cases, delete expired ones.

    manage.py purge_cases            # run daily (systemd timer or cron)

Cases whose outcome has been "closed" for VILLAGE_CASE_ARCHIVE_AFTER_CLOSED_DAYS are archived;
cases archived longer than VILLAGE_CASE_RETENTION_MONTHS ago are deleted with their responses.
The access log keeps a "deleted" entry (case label, no content) for each.
"""

from django.core.management.base import BaseCommand

from network.case_services import purge_cases


class Command(BaseCommand):
    help = "Archive closed cases and delete cases past the retention period."

    def handle(self, *args, **options):
        archived, deleted = purge_cases()
        self.stdout.write(f"Cases archived: {archived}, deleted: {deleted}.")
