"""Saved searches: a person saves the finder's filters and hears about new matching activities."""

import datetime
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from activities import services, tasks
from activities.models import Activity, ActivityIndexPage, SavedSearch
from tests.activities.factories import ActivityFactory, ThemeFactory
from tests.factories import ParentFactory, YouthFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """These tests read the English wording: pages, and e-mails to the people they create."""
    with translation.override("en"):
        yield


@pytest.fixture
def finder(site_root):
    page = ActivityIndexPage(
        title_nl="Activiteiten",
        title_fr="Activités",
        title_en="Activities",
        slug_nl="activiteiten",
        slug_fr="activites",
        slug_en="activities",
    )
    site_root.add_child(instance=page)
    return page


def publish(activity, capture):
    """Publish through Wagtail, as a moderator's approval does, and run what waits for the commit."""
    with capture(execute=True):
        activity.save_revision().publish()
    activity.refresh_from_db()
    return activity


def save(user, name, query):
    saved = services.save_search(actor=user, name=name, query=query)
    # Saved a moment before the activities in these tests are published.
    SavedSearch.objects.filter(pk=saved.pk).update(
        last_notified_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    return saved


# --- saving and deleting --------------------------------------------------------------------------


def test_person_saves_the_current_search_and_goes_back(client, finder):
    theme = ThemeFactory(slug="sport", name_nl="Sport")
    parent = ParentFactory()
    client.force_login(parent)
    back = f"{finder.url}?theme=sport&age=10"
    response = client.post(
        reverse("activities:save_search"),
        {"name": "Sport voor Adam", "query": "theme=sport&age=10&page=3&q=", "next": back},
    )
    assert response.status_code == 302
    assert response["Location"] == back
    saved = SavedSearch.objects.get()
    assert (saved.user, saved.name) == (parent, "Sport voor Adam")
    assert saved.query == "theme=sport&age=10"  # only the filters, no paging or empty values
    page = client.get(reverse("activities:saved_searches")).content.decode()
    assert "Sport voor Adam" in page
    assert str(theme.name) in page and "10" in page
    assert f"{finder.url}?theme=sport&amp;age=10" in page


def test_anonymous_visitor_logs_in_first_and_comes_back_to_the_search(client, finder):
    response = client.post(reverse("activities:save_search"), {"name": "x", "query": "age=10"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "age%3D10" in response["Location"]
    assert not SavedSearch.objects.exists()


def test_the_finders_save_link_shows_the_filters_and_saves_them(client, finder):
    ThemeFactory(slug="sport", name_nl="Sport")
    url = (
        reverse("activities:save_search")
        + "?"
        + urlencode({"query": "theme=sport&free=on", "next": finder.url})
    )
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("account_login"))
    assert "save%2F%3Fquery" in anonymous["Location"] or "save/%3Fquery" in anonymous["Location"]

    parent = ParentFactory()
    client.force_login(parent)
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Sport" in text and 'name="query" value="theme=sport&amp;free=on"' in text
    response = client.post(
        reverse("activities:save_search"),
        {"name": "Gratis sport", "query": "theme=sport&free=on", "next": finder.url},
    )
    assert response["Location"] == finder.url
    assert SavedSearch.objects.get().query == "theme=sport&free=on"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"name": "", "query": "age=10"}, "Give your search a name."),
        ({"name": "Raar", "query": "age=twelve"}, "cannot be saved"),
        ({"name": "Raar", "query": "theme=does-not-exist"}, "cannot be saved"),
    ],
)
def test_bad_input_is_refused_with_a_message(client, finder, data, message):
    client.force_login(ParentFactory())
    response = client.post(reverse("activities:save_search"), data, follow=True)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SavedSearch.objects.exists()


def test_next_must_stay_on_the_site(client, finder):
    client.force_login(ParentFactory())
    response = client.post(
        reverse("activities:save_search"), {"name": "Alles", "query": "", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("activities:saved_searches")


def test_number_of_saved_searches_is_limited(client, finder):
    parent = ParentFactory()
    for number in range(services.MAX_SAVED_SEARCHES):
        SavedSearch.objects.create(user=parent, name=f"Zoek {number}", query="age=10")
    client.force_login(parent)
    response = client.post(
        reverse("activities:save_search"), {"name": "Eén te veel", "query": "age=9"}, follow=True
    )
    assert "Delete one first" in response.content.decode()
    assert SavedSearch.objects.count() == services.MAX_SAVED_SEARCHES


def test_a_person_deletes_only_their_own_searches(client, finder):
    parent = ParentFactory()
    mine = SavedSearch.objects.create(user=parent, name="Mijn", query="age=10")
    theirs = SavedSearch.objects.create(user=YouthFactory(), name="Niet van mij", query="age=14")
    client.force_login(parent)
    assert client.get(reverse("activities:delete_saved_search", args=[mine.pk])).status_code == 405
    assert client.post(reverse("activities:delete_saved_search", args=[theirs.pk])).status_code == 404
    assert "Niet van mij" not in client.get(reverse("activities:saved_searches")).content.decode()
    client.post(reverse("activities:delete_saved_search", args=[mine.pk]))
    assert list(SavedSearch.objects.all()) == [theirs]


def test_saved_searches_page_needs_a_login_and_makes_fixed_queries(client, finder):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert client.get(reverse("activities:saved_searches")).status_code == 302
    parent = ParentFactory()
    client.force_login(parent)
    ThemeFactory(slug="muziek")

    def add(count):
        for number in range(count):
            SavedSearch.objects.create(
                user=parent, name=f"Zoek {number}", query="theme=muziek&free=on&day=wed"
            )

    add(1)
    client.get(reverse("activities:saved_searches"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("activities:saved_searches"))
    add(9)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("activities:saved_searches")).content.decode()
    assert page.count("Zoek ") >= 10
    assert len(many) == len(few)


# --- notifications ------------------------------------------------------------------------------------


def test_new_matching_activity_is_e_mailed_once(django_capture_on_commit_callbacks):
    sport = ThemeFactory(slug="sport")
    parent = ParentFactory(preferred_language="fr")
    save(parent, "Sport gratuit", "theme=sport&free=on")
    save(parent, "Pour 10 ans", "age=10")  # a second match: still one e-mail
    ThemeFactory(slug="muziek")
    other = ParentFactory()
    save(other, "Muziek", "theme=muziek")
    activity = ActivityFactory(live=False, themes=[sport])

    publish(activity, django_capture_on_commit_callbacks)

    assert [message.to for message in mail.outbox] == [[parent.email]]
    message = mail.outbox[0]
    assert activity.title_fr in message.subject
    assert "Sport gratuit" in message.body and "Pour 10 ans" in message.body
    assert f"/fr/activity/{activity.pk}-" in message.body

    # Published again after an edit, or the task run twice: no second e-mail.
    activity.title_nl = "Nieuwe titel"
    publish(activity, django_capture_on_commit_callbacks)
    tasks.notify_saved_searches.enqueue(activity_id=activity.pk)
    assert len(mail.outbox) == 1


def test_no_e_mail_for_searches_that_do_not_match_or_are_newer(django_capture_on_commit_callbacks):
    ThemeFactory(slug="muziek")
    parent = ParentFactory()
    save(parent, "Muziek", "theme=muziek")
    save(parent, "Tieners", "age=16")
    activity = ActivityFactory(live=False)
    # Saved after the publication: the activity was already in the finder when it was saved.
    later = SavedSearch.objects.create(user=ParentFactory(), name="Alles", query="")
    SavedSearch.objects.filter(pk=later.pk).update(
        last_notified_at=timezone.now() + datetime.timedelta(hours=1)
    )
    publish(activity, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_drafts_and_cancelled_activities_are_not_announced():
    parent = ParentFactory()
    save(parent, "Alles", "")
    draft = ActivityFactory(live=False)
    cancelled = ActivityFactory(cancelled=True)
    assert services.notify_saved_searches(activity_id=draft.pk) == 0
    assert services.notify_saved_searches(activity_id=cancelled.pk) == 0
    assert mail.outbox == []


def test_each_new_activity_is_announced(django_capture_on_commit_callbacks):
    parent = ParentFactory()
    save(parent, "Alles", "")
    first = ActivityFactory(live=False)
    second = ActivityFactory(live=False)
    publish(first, django_capture_on_commit_callbacks)
    publish(second, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert first.title_en in mail.outbox[0].subject and second.title_en in mail.outbox[1].subject


def test_inactive_people_get_nothing():
    parent = ParentFactory(is_active=False)
    save(parent, "Alles", "")
    activity = ActivityFactory()
    Activity.objects.filter(pk=activity.pk).update(first_published_at=timezone.now())
    assert services.notify_saved_searches(activity_id=activity.pk) == 0


def test_export_and_account_deletion_take_the_searches(client, finder):
    from accounts.services import delete_account, export_personal_data

    parent = ParentFactory()
    save(parent, "Sport", "age=10")
    assert export_personal_data(parent)["activities"]["saved_searches"][0]["name"] == "Sport"
    delete_account(user=parent)
    assert not SavedSearch.objects.exists()
