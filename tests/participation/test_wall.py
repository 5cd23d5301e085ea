"""The live idea wall over WebSocket (ws/tracks/<id>/wall/): approved ideas appear, removed or
hidden ones disappear, held ones never show, a workshop's wall shows only that workshop, and
nothing but public data is ever sent."""

import json

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.urls import reverse
from django.utils import translation

from accounts import roles
from participation import moderation_services, services
from participation.models import Moderation
from tests.factories import ParentFactory, YouthFactory, make_staff
from tests.participation.factories import make_idea, make_participant, make_track, make_workshop
from village.asgi import application

ORIGIN = [(b"origin", b"http://localhost")]
PRIVATE = ("@example.org", "hold_reasons", "email", "token")


async def connect(track, query="lang=nl"):
    communicator = WebsocketCommunicator(application, f"/ws/tracks/{track.pk}/wall/?{query}", headers=ORIGIN)
    connected, _code = await communicator.connect()
    assert connected
    snapshot = await communicator.receive_json_from(timeout=5)
    assert snapshot["type"] == "wall.snapshot"
    return communicator, snapshot["ideas"]


def assert_public_only(message):
    raw = json.dumps(message)
    for word in PRIVATE:
        assert word not in raw, f"{word!r} was sent on the wall: {raw}"


@sync_to_async
def setup_track():
    return make_track()


@sync_to_async
def child_idea(track, workshop=None, title="Een moestuin"):
    workshop = workshop or make_workshop(track)
    participant = make_participant(workshop, nickname="Zeester")
    return services.post_idea(
        track=track, title=title, body="Met tomaten.", participant=participant, language="nl"
    )


@sync_to_async
def moderator():
    return make_staff(roles.MODERATOR, email="moderator-wall@example.org")


@pytest.mark.django_db(transaction=True)
async def test_an_approved_idea_appears_and_a_removed_one_disappears():
    track = await setup_track()
    idea = await child_idea(track)
    assert idea.moderation == Moderation.PENDING
    wall, shown = await connect(track)
    assert shown == []  # held: not on the wall
    assert await wall.receive_nothing(timeout=0.2)

    moderator_user = await moderator()
    await sync_to_async(moderation_services.approve)(idea, moderator_user, reason="Mooi idee")
    message = await wall.receive_json_from(timeout=5)
    assert message["type"] == "idea.show"
    card = message["idea"]
    assert (card["id"], card["title"], card["text"], card["author"], card["language"]) == (
        idea.pk,
        "Een moestuin",
        "Met tomaten.",
        "Zeester",
        "nl",
    )
    assert_public_only(message)

    await sync_to_async(moderation_services.remove)(idea, moderator_user, reason="Dubbel")
    assert await wall.receive_json_from(timeout=5) == {"type": "idea.hide", "id": idea.pk}
    await wall.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_hidden_idea_disappears_and_a_reconnecting_wall_catches_up():
    track = await setup_track()
    published = await sync_to_async(make_idea)(
        track, author=await sync_to_async(ParentFactory)(), title="Zichtbaar"
    )
    wall, shown = await connect(track)
    assert [card["title"] for card in shown] == ["Zichtbaar"]
    await sync_to_async(moderation_services.hide)(published, await moderator(), reason="Even niet")
    assert await wall.receive_json_from(timeout=5) == {"type": "idea.hide", "id": published.pk}
    await wall.disconnect()
    # A wall that (re)connects gets the ideas of now.
    again, shown = await connect(track)
    assert shown == []
    await again.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_held_idea_never_appears():
    track = await setup_track()
    wall, _shown = await connect(track)
    # A child in a workshop and a young youth: both held for review.
    await child_idea(track)
    youth = await sync_to_async(YouthFactory)()
    idea = await sync_to_async(services.post_idea)(
        track=track, title="Skatepark", author=youth, language="nl"
    )
    assert idea.moderation == Moderation.PENDING
    # Text with personal data from an adult: held automatically.
    parent = await sync_to_async(ParentFactory)()
    held = await sync_to_async(services.post_idea)(
        track=track, title="Bel me", body="Mijn nummer is 0475 12 34 56", author=parent, language="nl"
    )
    assert held.moderation == Moderation.PENDING
    assert await wall.receive_nothing(timeout=0.5)
    # An adult's ordinary idea is published at once and does appear.
    shown = await sync_to_async(services.post_idea)(
        track=track, title="Meer banken", body="Op het plein.", author=parent, language="nl"
    )
    message = await wall.receive_json_from(timeout=5)
    assert message["type"] == "idea.show" and message["idea"]["id"] == shown.pk
    assert_public_only(message)
    await wall.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_workshop_wall_shows_only_that_workshops_ideas():
    track = await setup_track()
    ours = await sync_to_async(make_workshop)(track)
    theirs = await sync_to_async(make_workshop)(track)
    wall, _shown = await connect(track, f"lang=fr&workshop={ours.code.lower()}")
    track_wall, _shown = await connect(track, "lang=fr")
    moderator_user = await moderator()
    other = await child_idea(track, theirs, title="Idee van de andere groep")
    mine = await child_idea(track, ours, title="Ons idee")
    await sync_to_async(moderation_services.approve)(other, moderator_user)
    await sync_to_async(moderation_services.approve)(mine, moderator_user)
    message = await wall.receive_json_from(timeout=5)
    assert message["idea"]["title"] == "Ons idee"
    assert await wall.receive_nothing(timeout=0.3)
    # The track's wall shows both.
    titles = {(await track_wall.receive_json_from(timeout=5))["idea"]["title"] for _ in range(2)}
    assert titles == {"Ons idee", "Idee van de andere groep"}
    await wall.disconnect()
    await track_wall.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_theme_names_follow_the_walls_language():
    from activities.models import Theme

    track = await setup_track()
    theme = await sync_to_async(Theme.objects.create)(
        slug="nature-wall", name_nl="Natuur", name_fr="Nature", name_en="Nature and outdoors"
    )
    english, _ = await connect(track, "lang=en")
    dutch, _ = await connect(track, "lang=nl")
    parent = await sync_to_async(ParentFactory)()
    await sync_to_async(services.post_idea)(
        track=track, title="Bomen", author=parent, language="nl", theme=theme
    )
    assert (await english.receive_json_from(timeout=5))["idea"]["theme"] == "Nature and outdoors"
    assert (await dutch.receive_json_from(timeout=5))["idea"]["theme"] == "Natuur"
    await english.disconnect()
    await dutch.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_unknown_track_or_workshop_is_refused():
    track = await setup_track()
    for path in (f"/ws/tracks/{track.pk + 999}/wall/", f"/ws/tracks/{track.pk}/wall/?workshop=NOPE22"):
        communicator = WebsocketCommunicator(application, path, headers=ORIGIN)
        connected, _code = await communicator.connect()
        assert not connected
        await communicator.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_what_the_wall_sends_to_the_server_is_ignored():
    track = await setup_track()
    wall, _shown = await connect(track)
    await wall.send_json_to({"type": "idea.show", "idea": {"id": 1, "title": "<b>hack</b>"}})
    assert await wall.receive_nothing(timeout=0.3)
    await wall.disconnect()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_wall_page_renders_public_cards_and_the_socket_address(client, language):
    track = make_track()
    workshop = make_workshop(track)
    make_idea(track, title="Publiek <idee>", moderation=Moderation.PUBLISHED)
    make_idea(track, title="Wacht nog", moderation=Moderation.PENDING)
    with translation.override(language):
        page = client.get(reverse("participation:track_wall", kwargs={"track_id": track.pk})).content.decode()
        assert "Publiek &lt;idee&gt;" in page and "Wacht nog" not in page
        assert f'data-wall-socket="/ws/tracks/{track.pk}/wall/?lang={language}"' in page
        workshop_page = client.get(
            reverse("participation:workshop_wall", kwargs={"code": workshop.code})
        ).content.decode()
    assert f"workshop={workshop.code}" in workshop_page
    assert "Publiek &lt;idee&gt;" not in workshop_page  # not an idea of this workshop
