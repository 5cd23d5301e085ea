"""Workshops: opening one, children joining with a code and a nickname, posting ideas (words,
photo, drawing) that wait for a moderator, the facilitator's group ideas, the end of a workshop."""

import base64
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from PIL import Image

from accounts import roles
from participation import workshops
from participation.models import AgeBand, AuthorKind, Idea, Moderation, Workshop, WorkshopParticipant
from tests.factories import OrganisationFactory, ParentFactory, log_in, make_partner, make_staff
from tests.participation.factories import make_idea, make_participant, make_track, make_workshop

pytestmark = pytest.mark.django_db
LANGUAGES = ["nl", "fr", "en"]


@pytest.fixture
def track():
    return make_track(organisation=OrganisationFactory())


@pytest.fixture
def partner(track):
    return make_partner(organisation=track.organisation)


def join(client, workshop, nickname="Zeester", language="nl", **extra):
    with translation.override(language):
        url = reverse("participation:workshop_join_code", kwargs={"code": workshop.code})
        return client.post(url, {"nickname": nickname, **extra})


def png_bytes(colour="red", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


def text(response):
    return response.content.decode()


# --- opening a workshop ---------------------------------------------------------------------------


def test_partner_opens_a_workshop_with_defaults_and_gets_code_and_qr(client, track, partner):
    log_in(client, partner)
    url = reverse("participation:workshop_open", kwargs={"track_id": track.pk})
    page = text(client.get(url))
    now = timezone.localtime()
    # Defaults: now until two hours from now.
    assert f'value="{now:%Y-%m-%dT%H}' in page
    assert f'value="{now + datetime.timedelta(hours=2):%Y-%m-%dT%H}' in page

    starts = timezone.localtime().replace(second=0, microsecond=0)
    response = client.post(
        url,
        {
            "title": "5de leerjaar",
            "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
            "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    workshop = Workshop.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "participation:workshop_facilitate", kwargs={"code": workshop.code}
    )
    assert workshop.facilitator == partner and workshop.organisation == track.organisation
    assert workshop.is_open
    page = text(client.get(response["Location"]))
    assert workshop.code in page
    # The QR code is an inline SVG with a text alternative, leading to the join address with the code.
    assert re.search(r'<svg role="img" aria-label="[^"]+"', page)
    assert f"/nl/participation/join/{workshop.code}/" in page
    sheet = text(client.get(reverse("participation:workshop_sheet", kwargs={"code": workshop.code})))
    assert workshop.code in sheet and "<svg" in sheet


def test_coordinator_may_open_a_workshop_parent_and_other_partner_may_not(client, track):
    url = reverse("participation:workshop_open", kwargs={"track_id": track.pk})
    assert client.get(url).status_code == 302  # to the login page
    for user, allowed in [
        (make_staff(roles.COORDINATOR), True),
        (ParentFactory(), False),
        (make_partner(), False),  # a partner of another organisation
    ]:
        client.logout()
        log_in(client, user)
        assert (client.get(url).status_code == 200) is allowed


@pytest.mark.parametrize("language", LANGUAGES)
def test_open_form_refuses_an_end_before_the_start(client, track, partner, language):
    log_in(client, partner)
    starts = timezone.localtime().replace(second=0, microsecond=0)
    with translation.override(language):
        response = client.post(
            reverse("participation:workshop_open", kwargs={"track_id": track.pk}),
            {
                "title": "Atelier",
                "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
                "ends_at": (starts - datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
            },
        )
        assert response.status_code == 200
        assert gettext("The end comes before the start.") in text(response)
    assert not Workshop.objects.exists()


def test_facilitator_page_of_someone_elses_workshop_is_forbidden(client, track):
    workshop = make_workshop(track)
    log_in(client, make_partner())
    assert (
        client.get(reverse("participation:workshop_facilitate", kwargs={"code": workshop.code})).status_code
        == 403
    )


# --- joining ----------------------------------------------------------------------------------------


def test_child_types_the_code_in_any_form_and_reaches_the_nickname_form(client, track):
    workshop = make_workshop(track, code="SAM3N7")
    typed = " sam3 n7 "
    response = client.post(reverse("participation:workshop_join"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/nl/participation/join/{workshop.code}/"
    # The QR code's address works the same, also typed in lower case.
    response = client.get(f"/nl/participation/join/{workshop.code.lower()}/")
    assert response["Location"] == f"/nl/participation/join/{workshop.code}/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_code_gets_a_friendly_message(client, track, language):
    with translation.override(language):
        response = client.post(reverse("participation:workshop_join"), {"code": "ZZZZZZ"})
        assert response.status_code == 200
        assert gettext("We do not know this code. Check the letters and numbers and try again.") in text(
            response
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_child_joins_with_a_nickname_only(client, track, language):
    workshop = make_workshop(track)
    response = join(client, workshop, "Zeester", language, age_band=AgeBand.AGE_9_11)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/participation/workshop/{workshop.code}/"
    participant = WorkshopParticipant.objects.get()
    assert (participant.nickname, participant.age_band) == ("Zeester", AgeBand.AGE_9_11)
    assert client.session[workshops.SESSION_KEY] == {workshop.code: participant.token}
    with translation.override(language):
        page = text(client.get(response["Location"]))
        assert gettext("Hello %(nickname)s!") % {"nickname": "Zeester"} in page


@pytest.mark.parametrize(
    ("nickname", "message"),
    [
        ("L", "Choose a nickname of at least two letters."),
        ("lina@example.org", "No e-mail address or phone number, please: just a nickname."),
        ("0475 12 34 56", "No e-mail address or phone number, please: just a nickname."),
        ("Lina Peeters", "That looks like a real name. Choose a nickname, like Starfish or Lina9."),
        ("Taken", "Somebody in this workshop already has this nickname. Add a number or choose another one."),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_nicknames_that_are_personal_data_or_taken_are_refused(client, track, nickname, message, language):
    workshop = make_workshop(track)
    make_participant(workshop, nickname="taken")
    response = join(client, workshop, nickname, language)
    assert response.status_code == 200
    with translation.override(language):
        assert escape_html(gettext(message)) in text(response)
    assert WorkshopParticipant.objects.count() == 1


def escape_html(value):
    from django.utils.html import escape

    return escape(value)


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_the_end_the_code_no_longer_works_and_leads_to_the_results(client, track, language):
    workshop = make_workshop(track, open_now=False)
    with translation.override(language):
        page = text(client.get(reverse("participation:workshop_join_code", kwargs={"code": workshop.code})))
        assert (
            escape_html(
                gettext(
                    "This workshop has ended, so the code no longer lets you in. Thank you for your ideas!"
                )
            )
            in page
        )
        assert 'name="nickname"' not in page
        results = reverse("participation:workshop_results", kwargs={"code": workshop.code})
        assert f'href="{results}"' in page
    response = join(client, workshop, "Zeester", language)
    assert response.status_code == 200 and not WorkshopParticipant.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_workshop_that_has_not_started_says_when_it_starts(client, track, language):
    start = timezone.now() + datetime.timedelta(days=1)
    workshop = make_workshop(track, starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    with translation.override(language):
        page = text(client.get(reverse("participation:workshop_join_code", kwargs={"code": workshop.code})))
        when = date_format(timezone.localtime(start), "l j F, H:i")
        assert (
            escape_html(gettext("This workshop starts on %(start)s. Come back then!") % {"start": when})
            in page
        )
    assert 'name="nickname"' not in page
    assert join(client, workshop, "Zeester", language).status_code == 200
    assert not WorkshopParticipant.objects.exists()


def test_closing_early_stops_the_code(client, track, partner):
    workshop = make_workshop(track, facilitator=partner)
    log_in(client, partner)
    client.post(reverse("participation:workshop_close", kwargs={"code": workshop.code}))
    workshop.refresh_from_db()
    assert workshop.has_ended
    client.logout()
    join(client, workshop)
    assert not WorkshopParticipant.objects.exists()


# --- posting -------------------------------------------------------------------------------------


def mode_url(workshop, language=None):
    with translation.override(language or translation.get_language()):
        return reverse("participation:workshop", kwargs={"code": workshop.code})


@pytest.mark.parametrize("language", LANGUAGES)
def test_childs_idea_waits_for_a_grown_up_and_is_listed_with_its_state(client, track, language):
    workshop = make_workshop(track)
    join(client, workshop, "Zeester", language)
    with translation.override(language):
        response = client.post(mode_url(workshop), {"title": "Een moestuin op de speelplaats", "body": ""})
        assert response.status_code == 302
        page = text(client.get(response["Location"]))
        # {% translate %} writes translations as they are (an apostrophe stays an apostrophe).
        assert gettext("Your idea is waiting for a grown-up to check it. Then it goes on the wall.") in page
        assert gettext("A grown-up will check it soon") in page
    idea = Idea.objects.get()
    assert idea.moderation == Moderation.PENDING
    assert idea.author is None and idea.participant.nickname == "Zeester" and idea.workshop == workshop
    assert idea.author_kind == AuthorKind.CHILD and idea.language == language
    # Published later: the child reads it is on the wall.
    Idea.objects.filter(pk=idea.pk).update(moderation=Moderation.PUBLISHED)
    with translation.override(language):
        assert escape_html(gettext("On the wall")) in text(client.get(mode_url(workshop)))
        data = client.get(reverse("participation:workshop_my_ideas", kwargs={"code": workshop.code})).json()
        assert data == {
            "ideas": [{"id": idea.pk, "status": "public", "status_label": gettext("On the wall")}]
        }


def test_a_child_sees_only_their_own_ideas(client, track):
    workshop = make_workshop(track)
    other = make_participant(workshop, nickname="Anderkind")
    make_idea(track, participant=other, title="Geheim idee", moderation=Moderation.PENDING)
    join(client, workshop, "Zeester")
    assert "Geheim idee" not in text(client.get(mode_url(workshop)))
    assert client.get(reverse("participation:workshop_my_ideas", kwargs={"code": workshop.code})).json() == {
        "ideas": []
    }


def test_without_joining_workshop_mode_sends_to_the_nickname_form(client, track):
    workshop = make_workshop(track)
    response = client.get(mode_url(workshop))
    assert response["Location"] == reverse("participation:workshop_join_code", kwargs={"code": workshop.code})
    assert (
        client.get(reverse("participation:workshop_my_ideas", kwargs={"code": workshop.code})).status_code
        == 403
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_drawing_instead_of_words_gets_a_translated_description(client, track, language):
    workshop = make_workshop(track)
    join(client, workshop, "Zeester", language)
    drawing = "data:image/png;base64," + base64.b64encode(png_bytes()).decode()
    with translation.override(language):
        response = client.post(mode_url(workshop), {"title": "", "body": "", "drawing": drawing})
        assert response.status_code == 302, text(response)
        idea = Idea.objects.get()
        expected = gettext("Drawing by %(nickname)s") % {"nickname": "Zeester"}
    assert idea.image_alt == expected and idea.title == expected
    assert idea.image.name.endswith(".png")
    with Image.open(idea.image.path) as stored:
        assert stored.size == (40, 30)


def test_a_photo_from_the_camera(client, track):
    from django.core.files.uploadedfile import SimpleUploadedFile

    workshop = make_workshop(track)
    join(client, workshop, "Zeester")
    photo = SimpleUploadedFile("IMG_0001.png", png_bytes("blue"), content_type="image/png")
    response = client.post(
        mode_url(workshop), {"title": "Onze speelplaats", "picture": photo, "image_alt": ""}
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.image and idea.image_alt == gettext("Photo by %(nickname)s") % {"nickname": "Zeester"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "body": ""}, "Write your idea, or add a photo or a drawing."),
        (
            {"title": "", "drawing": "data:image/png;base64,@@@"},
            "The drawing could not be sent. Please try again.",
        ),
        (
            {"title": "", "drawing": "data:text/html;base64,PGI+"},
            "The drawing could not be sent. Please try again.",
        ),
    ],
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_bad_posts_get_a_message_and_store_nothing(client, track, data, message, language):
    workshop = make_workshop(track)
    join(client, workshop, "Zeester", language)
    with translation.override(language):
        response = client.post(mode_url(workshop), data)
        assert response.status_code == 200
        assert escape_html(gettext(message)) in text(response)
    assert not Idea.objects.exists()


def test_a_file_that_is_no_picture_is_refused(client, track):
    from django.core.files.uploadedfile import SimpleUploadedFile

    workshop = make_workshop(track)
    join(client, workshop, "Zeester")
    fake = SimpleUploadedFile("tekening.png", b"<html>not a picture</html>", content_type="image/png")
    response = client.post(mode_url(workshop), {"title": "Idee", "picture": fake})
    assert response.status_code == 200
    assert 'class="field field--error"' in text(response)
    assert not Idea.objects.exists()


def test_posting_after_the_end_is_refused(client, track):
    workshop = make_workshop(track)
    join(client, workshop, "Zeester")
    Workshop.objects.filter(pk=workshop.pk).update(ends_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.post(mode_url(workshop), {"title": "Te laat"})
    assert response.status_code == 200
    assert not Idea.objects.exists()


# --- the facilitator types in an idea for a group -----------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_facilitator_posts_an_idea_for_a_group(client, track, partner, language):
    workshop = make_workshop(track, facilitator=partner)
    log_in(client, partner, language)
    with translation.override(language):
        url = reverse("participation:workshop_facilitate", kwargs={"code": workshop.code})
        response = client.post(
            url,
            {
                "group-group": "5de leerjaar",
                "group-group_size": "12",
                "group-age_band": AgeBand.AGE_9_11,
                "group-title": "Een boomhut in het park",
                "group-body": "Met een touwladder.",
            },
        )
        assert response.status_code == 302, text(response)
    idea = Idea.objects.get()
    assert (idea.on_behalf_group, idea.group_size, idea.age_band) == ("5de leerjaar", 12, AgeBand.AGE_9_11)
    assert idea.author_kind == AuthorKind.GROUP and idea.workshop == workshop and idea.author == partner
    page = text(client.get(url))
    assert "Een boomhut in het park" in page and "5de leerjaar" in page


@pytest.mark.parametrize("language", LANGUAGES)
def test_group_idea_needs_size_and_age(client, track, partner, language):
    workshop = make_workshop(track, facilitator=partner)
    log_in(client, partner, language)
    with translation.override(language):
        response = client.post(
            reverse("participation:workshop_facilitate", kwargs={"code": workshop.code}),
            {"group-group": "Klas", "group-group_size": "0", "group-title": "Idee"},
        )
    assert response.status_code == 200
    assert text(response).count("errorlist") >= 2
    assert not Idea.objects.exists()


# --- pages don't make more queries as data grows -----------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_facilitator_page_and_wall_queries_do_not_grow(client, track, partner):
    workshop = make_workshop(track, facilitator=partner)
    log_in(client, partner)
    facilitate = reverse("participation:workshop_facilitate", kwargs={"code": workshop.code})
    wall = reverse("participation:workshop_wall", kwargs={"code": workshop.code})

    def add(n):
        for i in range(n):
            child = make_participant(workshop, nickname=f"Kind{Idea.objects.count()}")
            make_idea(track, participant=child, moderation=Moderation.PUBLISHED, title=f"Idee {i}")
            make_idea(track, author=ParentFactory(), workshop=workshop, on_behalf_group="Klas", group_size=3)

    add(2)
    _queries(client, facilitate), _queries(client, wall)  # caches filled (site, settings, roles)
    small = (_queries(client, facilitate), _queries(client, wall))
    add(10)
    assert (_queries(client, facilitate), _queries(client, wall)) == small


def test_the_demo_workshop_is_open_with_its_wall_and_facilitator_page(client, demo):
    from participation.demo import OPEN_WORKSHOP_CODE

    workshop = Workshop.objects.select_related("facilitator").get(code=OPEN_WORKSHOP_CODE)
    assert workshop.is_open
    assert 'name="nickname"' in text(
        client.get(f"/nl/participation/join/{OPEN_WORKSHOP_CODE.lower()}/", follow=True)
    )
    wall = text(client.get(f"/fr/participation/workshop/{OPEN_WORKSHOP_CODE}/wall/"))
    public = Idea.objects.public().filter(workshop=workshop)
    held = Idea.objects.held().filter(workshop=workshop)
    for idea in public:
        assert escape_html(idea.title) in wall
    for idea in held:
        assert escape_html(idea.title) not in wall
    if workshop.facilitator:
        client.force_login(workshop.facilitator)
        page = text(client.get(f"/en/participation/workshop/{OPEN_WORKSHOP_CODE}/facilitate/"))
        assert OPEN_WORKSHOP_CODE in page
