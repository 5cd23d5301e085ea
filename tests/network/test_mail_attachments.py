"""village.mail.render_and_queue_email carries attachments through the task queue."""

from django.core import mail

from village.mail import render_and_queue_email


def test_attachment_survives_the_queue(settings, db):
    settings.EMAIL_BACKEND = "village.mail.QueuedEmailBackend"
    settings.VILLAGE_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    from network.models import Network

    network = Network.objects.create(name="Netwerk", slug="netwerk")
    render_and_queue_email(
        to="someone@example.org",
        template_prefix="network/email/minutes_published",
        context={"person": None, "network": network, "session": {"title": "Sessie"}, "session_url": "/x/"},
        language="en",
        attachments=[("session.ics", ics, "text/calendar")],
    )
    (message,) = mail.outbox
    assert message.to == ["someone@example.org"]
    assert message.attachments[0][0] == "session.ics"
    assert "BEGIN:VCALENDAR" in message.attachments[0][1]
    assert message.attachments[0][2] == "text/calendar"
