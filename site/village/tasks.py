from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(*, subject, body, from_email, to, reply_to=(), headers=None, alternatives=()):
    """Send one e-mail. Runs in the task worker (`manage.py db_worker`)."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email,
        to=to,
        reply_to=list(reply_to),
        headers=headers or {},
    )
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    message.send()
