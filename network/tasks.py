"""Background work of learning networks, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task


@task()
def purge_cases():
    """Archive closed cases and delete the ones past the retention period.

    django-tasks has no periodic schedule of its own: `manage.py purge_cases` (run daily by a
    systemd timer or cron) does the same work; enqueue this task from a scheduler if one exists.
    """
    from .case_services import purge_cases as purge

    archived, deleted = purge()
    return {"archived": archived, "deleted": deleted}
