"""In-site notifications: stored in the person's language, listed, marked read, counted in the header."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from notifications.models import Notification
from notifications.services import notify

from accounts import privacy
from tests.factories import ParentFactory, log_in
from tests.participation.factories import make_idea

pytestmark = pytest.mark.django_db

TEMPLATE = "participation/email/moderation_decision"


def _notify(user, idea, action="hide", reason="Er staat een telefoonnummer in."):
    return notify(
        user,
        template_prefix=TEMPLATE,
        context={"action": action, "reason": reason, "kind": "idea", "idea": idea, "track": idea.track},
        url=idea.get_absolute_url,
    )


@pytest.mark.parametrize(
    "language,expected_title,expected_text",
    [
        ("nl", "verborgen", "De reden van de moderator"),
        ("fr", "masqu", "La raison du modérateur"),
        ("en", "hidden", "The moderator's reason"),
    ],
)
def test_notification_and_email_are_in_the_persons_language(
    mailoutbox, language, expected_title, expected_text
):
    person = ParentFactory(preferred_language=language)
    idea = make_idea(author=person, title="Speeltuin")
    notification = _notify(person, idea)
    assert notification.user == person
    assert notification.url.startswith(f"/{language}/")
    [mail] = [m for m in mailoutbox if person.email in m.to]
    if language == "en":
        assert expected_title in notification.title.lower()
        assert expected_text in notification.message
        assert expected_text in mail.body
    assert "Speeltuin" in notification.title and "Speeltuin" in mail.subject
    assert "Er staat een telefoonnummer in." in mail.body
    assert f"/{language}/" in mail.body


def test_english_wording(mailoutbox):
    person = ParentFactory(preferred_language="en")
    idea = make_idea(author=person, title="Playground")
    notification = _notify(person, idea)
    assert notification.title == "Your contribution was hidden: Playground"
    assert "The moderator's reason:" in notification.message


def test_no_email_when_asked(mailoutbox):
    person = ParentFactory()
    idea = make_idea(author=person)
    notify(
        person,
        template_prefix=TEMPLATE,
        context={"action": "approve", "kind": "idea", "idea": idea, "track": idea.track},
        email=False,
    )
    assert Notification.objects.filter(user=person).count() == 1
    assert not [m for m in mailoutbox if person.email in m.to]


def test_the_list_marks_read_and_all_read(client):
    person = ParentFactory(preferred_language="en")
    idea = make_idea(author=person, title="Playground")
    first = _notify(person, idea)
    second = _notify(person, idea, action="approve", reason="")
    log_in(client, person, "en")
    with translation.override("en"):
        page = client.get("/en/notifications/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "Your contribution was hidden: Playground" in content
    assert "Your contribution is public: Playground" in content
    assert "(2 new)" in content  # the header's count

    response = client.post(f"/en/notifications/{first.pk}/read/", {"open": "1"})
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url().replace(
        "/nl/", "/en/"
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_read and not second.is_read

    client.post("/en/notifications/read-all/")
    second.refresh_from_db()
    assert second.is_read
    assert "new)" not in client.get("/en/notifications/").content.decode()


def test_nobody_marks_another_persons_notification(client):
    owner, other = ParentFactory(), ParentFactory()
    notification = _notify(owner, make_idea(author=owner))
    log_in(client, other)
    client.post(f"/nl/notifications/{notification.pk}/read/")
    client.post("/nl/notifications/read-all/")
    notification.refresh_from_db()
    assert not notification.is_read
    assert notification.title not in client.get("/nl/notifications/").content.decode()


def test_the_page_needs_an_account(client):
    response = client.get("/nl/notifications/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_header_count_costs_one_query_and_is_hidden_for_visitors(client):
    person = ParentFactory()
    idea = make_idea(author=person)
    log_in(client, person)

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/nl/notifications/").status_code == 200
        return len(context)

    _notify(person, idea)
    few = queries()
    for _i in range(15):
        _notify(person, idea)
    assert queries() <= few
    client.logout()
    assert "notifications/" not in client.get("/nl/accounts/login/").content.decode()


def test_privacy_export_and_erase():
    person = ParentFactory()
    _notify(person, make_idea(author=person, title="Speeltuin"))
    exported = privacy.exporters()["notifications"](person)
    assert "Speeltuin" in exported["notifications"][0]["title"]
    privacy.erasers()["notifications"](person)
    assert not Notification.objects.filter(user=person).exists()
