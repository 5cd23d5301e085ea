"""The public pages of co-creation tracks, as parents, youths and visitors use them."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from participation import services
from participation.models import Comment, Idea, IdeaStatus, Moderation, PhaseKind, Support, Vote
from tests.activities.factories import ThemeFactory
from tests.factories import ParentFactory, YouthFactory, log_in
from tests.participation.factories import make_comment, make_idea, make_track, make_track_index

pytestmark = pytest.mark.django_db

INDEX_PATHS = {"nl": "/nl/meedenken/", "fr": "/fr/co-creation/", "en": "/en/have-your-say/"}


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def idea_titles(html):
    return re.findall(r'class="idea-card__title"><a href="[^"]+" lang="\w+">([^<]+)</a>', html)


@pytest.mark.parametrize(
    "language,now_word,phase_word",
    [
        ("nl", "Nu", "Ideeën verzamelen"),
        ("fr", "Maintenant", "Collecte d"),
        ("en", "Now", "Collecting ideas"),
    ],
)
def test_track_page_shows_the_phases_with_the_current_one_marked(client, language, now_word, phase_word):
    track = make_track(phases=[("information", -20, -11), ("collecting", -10, 10), ("results", 11, 30)])
    with translation.override(language):
        url = track.get_url()
        html = get(client, url)
    assert html.count('aria-current="step"') == 1
    current = html.split('aria-current="step"')[1].split("</li>")[0]
    assert "phase__now" in current
    if language == "en":
        assert phase_word in current and "Now" in current


def test_index_lists_tracks_with_current_phase_in_three_languages(client):
    make_track_index()
    make_track(phases=["collecting"], title_nl="Ons plein", title_fr="Notre place", title_en="Our square")
    make_track(
        phases=[("results", -50, -10)], title_nl="Oud traject", title_fr="Ancien trajet", title_en="Old track"
    )
    for language, path in INDEX_PATHS.items():
        html = get(client, path)
        title = {"nl": "Ons plein", "fr": "Notre place", "en": "Our square"}[language]
        assert title in html
        # Running tracks come before ended ones.
        old = {"nl": "Oud traject", "fr": "Ancien trajet", "en": "Old track"}[language]
        assert html.index(title) < html.index(old)
    with translation.override("en"):
        assert "Ended" in get(client, INDEX_PATHS["en"])
        assert "Collecting ideas" in get(client, INDEX_PATHS["en"])


def test_held_ideas_are_shown_to_their_author_only_marked_waiting(client):
    track = make_track()
    author = YouthFactory()
    make_idea(track, author=author, title="Mijn wachtende idee", moderation=Moderation.PENDING)
    make_idea(track, title="Publiek idee")
    make_idea(track, title="Verborgen idee", moderation=Moderation.HIDDEN)
    assert idea_titles(get(client, track.url)) == ["Publiek idee"]
    log_in(client, ParentFactory())
    assert idea_titles(get(client, track.url)) == ["Publiek idee"]
    client.logout()
    log_in(client, author)
    html = get(client, track.url)
    assert set(idea_titles(html)) == {"Mijn wachtende idee", "Publiek idee"}
    assert "Wacht op nakijken: alleen jij kunt dit zien." in html


def test_a_held_idea_is_not_found_by_others_but_shown_to_its_author(client):
    author = ParentFactory()
    idea = make_idea(author=author, moderation=Moderation.PENDING)
    assert client.get(idea.get_absolute_url()).status_code == 404
    log_in(client, ParentFactory())
    assert client.get(idea.get_absolute_url()).status_code == 404
    client.logout()
    log_in(client, author, "en")
    with translation.override("en"):
        html = get(client, f"/en/participation/ideas/{idea.pk}/")
    assert "Waiting for review" in html


def test_sort_and_filter_the_idea_list(client):
    track = make_track()
    sport, music = ThemeFactory(slug="sport"), ThemeFactory(slug="music")
    old = make_idea(track, title="Oud", theme=sport)
    popular = make_idea(track, title="Populair", theme=music)
    new = make_idea(track, title="Nieuw", theme=sport)
    Idea.objects.filter(pk=popular.pk).update(support_count=5)
    Idea.objects.filter(pk=old.pk).update(status=IdeaStatus.REALISED)
    assert idea_titles(get(client, track.url)) == ["Nieuw", "Populair", "Oud"]
    assert idea_titles(get(client, track.url + "?sort=supported")) == ["Populair", "Nieuw", "Oud"]
    assert idea_titles(get(client, track.url + "?sort=status"))[0] == "Oud"
    assert idea_titles(get(client, track.url + "?theme=sport")) == ["Nieuw", "Oud"]
    assert idea_titles(get(client, track.url + f"?status={IdeaStatus.REALISED}")) == ["Oud"]
    # Nonsense in the URL is ignored, never a 500.
    assert len(idea_titles(get(client, track.url + "?sort=drop&theme=<x>&page=abc"))) == 3
    assert new


def test_the_map_appears_only_when_ideas_have_points(client):
    track = make_track()
    make_idea(track)
    assert 'id="idea-markers"' not in get(client, track.url)
    make_idea(track, title="Op de kaart", latitude="50.836000", longitude="4.313000")
    make_idea(track, title="Verborgen punt", latitude="50.8", longitude="4.3", moderation=Moderation.PENDING)
    html = get(client, track.url)
    assert (
        'id="idea-markers"' in html
        and "Op de kaart" in html.split('id="idea-markers"')[1].split("</script>")[0]
    )
    assert "Verborgen punt" not in html


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_a_parent_posts_an_idea_and_sees_it_online(client, language):
    track = make_track()
    parent = ParentFactory()
    log_in(client, parent, language)
    url = f"/{language}/participation/tracks/{track.pk}/ideas/new/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"title": "Een bank <b>onder</b> de boom", "body": "Voor de ouders.", "language": "nl"}
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.title == "Een bank onder de boom"  # no HTML is stored
    assert idea.author == parent and idea.is_public and idea.language == "nl"
    html = client.get(response["Location"]).content.decode()
    assert 'lang="nl"' in html and "Een bank onder de boom" in html


def test_an_idea_with_a_phone_number_waits_for_review(client):
    track = make_track()
    log_in(client, ParentFactory())
    response = client.post(
        f"/nl/participation/tracks/{track.pk}/ideas/new/",
        {"title": "Petanque", "body": "Bel me op 0475 12 34 56", "language": "nl"},
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.moderation == Moderation.PENDING
    assert client.get(track.url).content.decode().count("idea-card--held") == 1


@pytest.mark.parametrize(
    "language,message",
    [
        ("nl", "Geef je idee een titel."),
        ("fr", "Donne un titre à ton idée."),
        ("en", "Give your idea a title."),
    ],
)
def test_an_idea_without_title_gets_an_error_next_to_the_field(client, language, message):
    track = make_track()
    log_in(client, ParentFactory(), language)
    response = client.post(
        f"/{language}/participation/tracks/{track.pk}/ideas/new/", {"title": "", "language": "nl"}
    )
    assert response.status_code == 200
    assert not Idea.objects.exists()
    if language == "en":
        assert message in response.content.decode()


def test_ideas_cannot_be_posted_outside_the_collecting_phase(client):
    track = make_track(phases=["prioritising"])
    log_in(client, ParentFactory())
    response = client.post(
        f"/nl/participation/tracks/{track.pk}/ideas/new/", {"title": "Te laat", "language": "nl"}
    )
    assert response.status_code == 403
    assert not Idea.objects.exists()


def test_posting_asks_visitors_to_log_in(client):
    track = make_track()
    response = client.get(f"/nl/participation/tracks/{track.pk}/ideas/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "inloggen" in get(client, track.url).lower() or "log" in get(client, track.url).lower()


def test_comment_and_reply_one_level(client):
    idea = make_idea()
    parent = ParentFactory()
    log_in(client, parent)
    url = f"/nl/participation/ideas/{idea.pk}/comment/"
    assert client.post(url, {"body": "Goed idee", "language": "nl"}).status_code == 302
    first = Comment.objects.get()
    assert client.post(url, {"body": "Akkoord", "language": "nl", "parent": first.pk}).status_code == 302
    reply = Comment.objects.exclude(pk=first.pk).get()
    assert reply.parent == first
    # A reply to a reply joins the same thread.
    assert client.post(url, {"body": "Ik ook", "language": "nl", "parent": reply.pk}).status_code == 302
    assert Comment.objects.filter(parent=first).count() == 2
    idea.refresh_from_db()
    assert idea.comment_count == 3
    html = get(client, idea.get_absolute_url())
    assert html.count('class="comment"') + html.count('class="comment ') >= 3
    # An empty comment: an error, nothing stored.
    response = client.post(url, {"body": "  ", "language": "nl"})
    assert response.status_code == 400 and Comment.objects.count() == 3


def test_support_toggles_and_counts(client):
    idea = make_idea()
    log_in(client, ParentFactory())
    url = f"/nl/participation/ideas/{idea.pk}/support/"
    client.post(url)
    idea.refresh_from_db()
    assert idea.support_count == 1
    with translation.override("en"):
        assert "You support this" in get(client, f"/en/participation/ideas/{idea.pk}/")
    client.post(url)
    idea.refresh_from_db()
    assert idea.support_count == 0 and not Support.objects.exists()


def test_votes_are_spread_within_the_limit(client):
    track = make_track(phases=["prioritising"], votes_per_participant=3)
    first, second = make_idea(track), make_idea(track)
    log_in(client, ParentFactory(), "en")
    client.post(f"/en/participation/ideas/{first.pk}/vote/", {"count": 2})
    with translation.override("en"):
        html = get(client, track.get_url())
    assert "You have 1 vote left." in html
    response = client.post(f"/en/participation/ideas/{second.pk}/vote/", {"count": 2}, follow=True)
    assert "You have 1 vote left for this track." in response.content.decode()
    assert Vote.objects.get().count == 2
    client.post(f"/en/participation/ideas/{second.pk}/vote/", {"count": 1})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.vote_count, second.vote_count) == (2, 1)


def test_minors_are_shown_by_first_name_only(client):
    youth = YouthFactory(display_name="Sara Janssens")
    idea = make_idea(author=youth)
    html = get(client, idea.get_absolute_url())
    assert "Sara" in html and "Janssens" not in html and youth.email not in html


def test_status_history_you_said_we_did(client):
    idea = make_idea()
    services.record_status(
        idea, IdeaStatus.ACCEPTED, explanations={"nl": "We doen het in mei.", "en": "We will do it in May."}
    )
    assert "We doen het in mei." in get(client, idea.get_absolute_url())
    with translation.override("en"):
        html = get(client, f"/en/participation/ideas/{idea.pk}/")
    assert "We will do it in May." in html and "You said → we did" in html


def test_track_page_queries_do_not_grow_with_ideas(client):
    track = make_track()
    for _ in range(3):
        make_comment(make_idea(track, latitude="50.8", longitude="4.3"))
    parent = ParentFactory()
    log_in(client, parent)
    get(client, track.url)
    with CaptureQueriesContext(connection) as few:
        get(client, track.url)
    for _ in range(10):
        make_comment(make_idea(track, author=YouthFactory(), latitude="50.8", longitude="4.3"))
    with CaptureQueriesContext(connection) as many:
        get(client, track.url)
    assert len(many) <= len(few)


def test_idea_page_queries_do_not_grow_with_comments(client):
    idea = make_idea()
    first = make_comment(idea)
    get(client, idea.get_absolute_url())
    with CaptureQueriesContext(connection) as few:
        get(client, idea.get_absolute_url())
    for _ in range(8):
        make_comment(idea, parent=first, author=YouthFactory())
        make_comment(idea, author=ParentFactory())
    with CaptureQueriesContext(connection) as many:
        get(client, idea.get_absolute_url())
    assert len(many) <= len(few)


def test_a_phase_kind_changes_what_the_page_offers(client):
    track = make_track(phases=[PhaseKind.RESULTS])
    make_idea(track)
    log_in(client, ParentFactory())
    html = get(client, track.url)
    assert "support-button" not in html and "vote-form" not in html


def test_editors_create_tracks_with_phases_in_the_page_editor(client):
    from accounts.roles import EDITOR
    from tests.factories import make_staff

    index = make_track_index()
    client.force_login(make_staff(EDITOR))
    response = client.get(f"/admin/pages/add/participation/trackpage/{index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "phases" in html and "votes_per_participant" in html


def _png():
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, format="PNG")
    return SimpleUploadedFile("drawing.png", buffer.getvalue(), content_type="image/png")


def test_a_picture_needs_a_description_and_is_shown_with_it(client):
    track = make_track()
    log_in(client, ParentFactory())
    url = f"/nl/participation/tracks/{track.pk}/ideas/new/"
    response = client.post(url, {"title": "Tekening", "language": "nl", "image": _png()})
    assert response.status_code == 200 and not Idea.objects.exists()
    response = client.post(
        url, {"title": "Tekening", "language": "nl", "image": _png(), "image_alt": "Een groene boom"}
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.image and 'alt="Een groene boom"' in get(client, idea.get_absolute_url())


def test_a_file_that_is_not_a_picture_is_refused(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    track = make_track()
    log_in(client, ParentFactory())
    fake = SimpleUploadedFile("x.png", b"<script>alert(1)</script>", content_type="image/png")
    response = client.post(
        f"/nl/participation/tracks/{track.pk}/ideas/new/",
        {"title": "Nep", "language": "nl", "image": fake, "image_alt": "iets"},
    )
    assert response.status_code == 200 and not Idea.objects.exists()


def test_a_track_that_asks_for_a_point_refuses_ideas_without_one(client):
    track = make_track(ideas_need_location=True)
    log_in(client, ParentFactory())
    url = f"/nl/participation/tracks/{track.pk}/ideas/new/"
    assert client.post(url, {"title": "Zonder punt", "language": "nl"}).status_code == 200
    assert not Idea.objects.exists()
    response = client.post(
        url, {"title": "Met punt", "language": "nl", "latitude": "50.8357", "longitude": "4.3127"}
    )
    assert response.status_code == 302
    assert Idea.objects.get().has_point


def test_an_explanation_missing_in_the_readers_language_falls_back_marked_with_its_language(client):
    idea = make_idea()
    services.record_status(idea, IdeaStatus.NOT_POSSIBLE, explanations={"nl": "Te duur voor de gemeente."})
    html = get(client, f"/fr/participation/ideas/{idea.pk}/")
    assert '<p class="history__text" lang="nl">Te duur voor de gemeente.</p>' in html
