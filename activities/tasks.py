"""Background work of the activities app, run by the task worker (`manage.py db_worker`).

Arguments are JSON (ids and ISO dates), since the queue is a database table; the work itself
lives in services.py.
"""

from django_tasks import task


@task()
def send_reminder(*, registration_id, session_date):
    """The reminder e-mail the day before a session; scheduled with run_after by the services."""
    from .services import send_reminder as send

    return send(registration_id=registration_id, session_date=session_date)


@task()
def notify_saved_searches(*, activity_id):
    """E-mail people whose saved searches match a newly published activity."""
    from .services import notify_saved_searches as notify

    return notify(activity_id=activity_id)
