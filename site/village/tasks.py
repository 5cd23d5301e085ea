from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django_tasks import task


@task()
def send_email(
    *,
    subject,
    body,
    from_email,
    to,
    cc=(),
    bcc=(),
    reply_to=(),
    headers=None,
    alternatives=(),
    attachments=(),
):
    """Deliver one e-mail. Runs in the task worker (`manage.py db_worker`)."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=from_email,
        to=to,
        cc=list(cc),
        bcc=list(bcc),
        reply_to=list(reply_to),
        headers=headers or {},
        connection=get_connection(settings.VILLAGE_EMAIL_DELIVERY_BACKEND),
    )
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()
