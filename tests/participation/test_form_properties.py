"""The co-creation forms under hostile input (see tests/strategies.py): posting an idea (with a
point on the map), reacting and replying, reporting, voting; a child joining a workshop with
the code and a nickname and posting an idea; a partner opening a workshop and typing in a
group's idea; giving an idea a status; the moderator's decision in the admin."""

import datetime

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from hypothesis import event, given
from hypothesis import strategies as st

from accounts.roles import MODERATOR
from participation.models import (
    AgeBand,
    Comment,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
    ModerationAction,
    Report,
    ReportReason,
    Vote,
    Workshop,
    WorkshopParticipant,
)
from participation.moderation import plain_text
from tests.activities.factories import ThemeFactory
from tests.factories import OrganisationFactory, ParentFactory, make_partner, make_staff
from tests.participation.factories import make_comment, make_idea, make_track, make_workshop
from tests.strategies import (
    COORDINATES,
    DATETIMES,
    FAST,
    HOSTILE,
    LANGUAGES,
    NUMBERS,
    as_number,
    assert_fits,
    assert_translated,
    fitting_text,
    form_data,
    one_example,
    post,
    post_in_admin,
    refused_form,
    whole_numbers,
)

pytestmark = pytest.mark.django_db

WRITTEN_IN = st.sampled_from(["nl", "fr", "en"])
NOT_AN_IMAGE = st.binary(max_size=200)


@pytest.fixture
def track():
    return make_track(organisation=OrganisationFactory())


# --- posting an idea --------------------------------------------------------------------------------

IDEA = form_data(
    {
        "title": fitting_text(120),
        "body": fitting_text(2000, min_size=0),
        "theme": st.sampled_from(["", "theme"]),
        "language": WRITTEN_IN,
        "image_alt": fitting_text(200, min_size=0),
        "latitude": st.decimals(-90, 90, places=6).map(str),
        "longitude": st.decimals(-180, 180, places=6).map(str),
    },
    {"theme": NUMBERS, "latitude": COORDINATES, "longitude": COORDINATES},
)


@FAST
@given(data=IDEA, picture=st.one_of(st.none(), NOT_AN_IMAGE), language=LANGUAGES)
def test_posting_an_idea(data, picture, language, track, client):
    with one_example():
        theme = ThemeFactory()
        if data["theme"] == "theme":
            data = {**data, "theme": str(theme.pk)}
        author = ParentFactory()
        client.force_login(author)
        path = f"/participation/tracks/{track.pk}/ideas/new/"

        def send(language):
            files = (
                {} if picture is None else {"image": SimpleUploadedFile("photo.png", picture, "image/png")}
            )
            return post(client, language, path, {**data, **files})

        response = send(language)
        form = refused_form(response)
        ideas = list(Idea.objects.filter(author=author))
        if form:
            assert ideas == []
            assert_translated(form, send)
        else:
            [idea] = ideas
            assert picture is None, "a file that is not an image is never stored"
            assert (idea.title, idea.body) == (plain_text(data["title"]), plain_text(data["body"]))
            assert idea.language == data["language"]
            assert idea.theme_id == (theme.pk if data["theme"] else None)
            assert (idea.latitude, idea.longitude) == (
                as_decimal(data["latitude"]),
                as_decimal(data["longitude"]),
            )
            assert_fits(idea)


def as_decimal(typed):
    return forms.DecimalField(required=False, max_digits=9, decimal_places=6).clean(typed)


@FAST
@given(query=st.dictionaries(st.sampled_from(["sort", "theme", "status", "page"]), HOSTILE, max_size=4))
def test_the_idea_list_answers_any_filter(query, track, client):
    with one_example():
        make_idea(track)
        response = client.get(track.url, query)
        assert response.status_code == 200
        assert "<script>alert" not in response.content.decode()


# --- reacting, replying, reporting, voting -----------------------------------------------------------

COMMENT = form_data(
    {"body": fitting_text(2000), "language": WRITTEN_IN, "parent": st.sampled_from(["", "a comment"])},
    {"parent": NUMBERS},
)


@FAST
@given(data=COMMENT, language=LANGUAGES)
def test_reacting_and_replying(data, language, track, client):
    with one_example():
        idea = make_idea(track)
        first = make_comment(idea)
        if data["parent"] == "a comment":
            data = {**data, "parent": str(first.pk)}
        author = ParentFactory()
        client.force_login(author)
        path = f"/participation/ideas/{idea.pk}/comment/"
        response = post(client, language, path, data)
        form = refused_form(response, "comment_form")
        comments = list(Comment.objects.filter(author=author))
        if form:
            assert comments == []
            assert_translated(form, lambda language: post(client, language, path, data), "comment_form")
        else:
            [comment] = comments
            assert comment.body == plain_text(data["body"])
            # A reply to the comment typed (0 or nothing: a reaction to the idea).
            assert comment.parent_id == (forms.IntegerField(required=False).clean(data["parent"]) or None)
            assert_fits(comment)


REPORT = form_data(
    {"reason": st.sampled_from(ReportReason.values), "explanation": fitting_text(1000, min_size=0)}
)


@FAST
@given(data=REPORT, on_comment=st.booleans(), language=LANGUAGES)
def test_reporting_an_idea_or_a_comment(data, on_comment, language, track, client):
    with one_example():
        idea = make_idea(track)
        comment = make_comment(idea)
        path = (
            f"/participation/comments/{comment.pk}/report/"
            if on_comment
            else f"/participation/ideas/{idea.pk}/report/"
        )
        client.force_login(ParentFactory())
        response = post(client, language, path, data)
        form = refused_form(response)
        reports = list(Report.objects.all())
        if form:
            assert reports == []
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            [report] = reports
            assert (report.reason, report.explanation) == (data["reason"], plain_text(data["explanation"]))
            assert (report.comment_id, report.idea_id) == (
                (comment.pk, None) if on_comment else (None, idea.pk)
            )
            assert_fits(report)


@FAST
@given(count=st.one_of(whole_numbers(0, 5), NUMBERS), language=LANGUAGES)
def test_voting(count, language, client):
    with one_example():
        track = make_track(phases=["prioritising"], votes_per_participant=3)
        idea = make_idea(track)
        voter = ParentFactory()
        client.force_login(voter)
        client.cookies.pop("messages", None)  # those of the examples before
        response = post(client, language, f"/participation/ideas/{idea.pk}/vote/", {"count": count})
        assert response.status_code == 302
        [message] = list(get_messages(response.wsgi_request))
        votes = list(Vote.objects.filter(user=voter))
        if message.level_tag == "success":
            event("accepted")
            assert [vote.count for vote in votes] == ([as_number(count)] if as_number(count) else [])
        else:
            event("refused")
            assert votes == []
            assert message.message != "Choose a number of votes." or language == "en"


# --- workshops: a child joins and posts -------------------------------------------------------------


@FAST
@given(code=st.one_of(st.sampled_from(["the code", "the code typed loosely"]), HOSTILE), language=LANGUAGES)
def test_typing_the_workshop_code(code, language, track, client):
    with one_example():
        workshop = make_workshop(track)
        if code == "the code":
            code = workshop.code
        elif code == "the code typed loosely":
            code = f" {workshop.code[:3].lower()}-{workshop.code[3:]} "
        response = post(client, language, "/participation/join/", {"code": code})
        form = refused_form(response)
        if form:
            assert form.has_error("code")
            assert_translated(
                form, lambda language: post(client, language, "/participation/join/", {"code": code})
            )
        else:
            assert response["Location"].endswith(f"/participation/join/{workshop.code}/")


NICKNAME = form_data(
    {"nickname": fitting_text(20), "age_band": st.sampled_from(["", *AgeBand.values])},
)


@FAST
@given(data=NICKNAME, language=LANGUAGES)
def test_joining_a_workshop_with_a_nickname(data, language, track, client):
    with one_example():
        workshop = make_workshop(track)
        path = f"/participation/join/{workshop.code}/"
        response = post(client, language, path, data)
        form = refused_form(response)
        participants = list(WorkshopParticipant.objects.filter(workshop=workshop))
        if form:
            assert participants == []
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            [participant] = participants
            assert participant.nickname == " ".join(plain_text(data["nickname"]).split())
            assert data["age_band"] != AgeBand.ADULT and participant.age_band == data["age_band"]
            assert_fits(participant)
        client.cookies.pop("sessionid", None)  # the next child on another tablet


CHILD_IDEA = form_data(
    {
        "title": fitting_text(120, min_size=0),
        "body": fitting_text(2000, min_size=0),
        "drawing": st.just(""),
        "image_alt": fitting_text(200, min_size=0),
    },
    {"drawing": st.one_of(HOSTILE, st.text(max_size=40).map(lambda text: "data:image/png;base64," + text))},
)


@FAST
@given(data=CHILD_IDEA, language=LANGUAGES)
def test_a_child_posting_an_idea_in_a_workshop(data, language, track, client):
    with one_example():
        workshop = make_workshop(track)
        path = f"/participation/workshop/{workshop.code}/"
        assert (
            post(
                client, language, f"/participation/join/{workshop.code}/", {"nickname": "Zeester"}
            ).status_code
            == 302
        )
        participant = WorkshopParticipant.objects.get(workshop=workshop)
        response = post(client, language, path, data)
        form = refused_form(response)
        ideas = list(Idea.objects.filter(participant=participant))
        if form:
            assert ideas == []
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            [idea] = ideas
            assert idea.is_held, "children's ideas wait for a moderator"
            assert idea.body == plain_text(data["body"])
            assert idea.title == (plain_text(data["title"]) or idea.title)
            assert idea.title
            assert_fits(idea)
        client.cookies.pop("sessionid", None)


# --- workshops: a partner opens one and types in a group's idea ----------------------------------------


def local_minutes(offset):
    moment = timezone.localtime() + offset
    return moment.strftime("%Y-%m-%dT%H:%M")


def typed_moment(typed):
    try:
        return datetime.datetime.strptime(typed, "%Y-%m-%dT%H:%M")
    except ValueError:
        return None


WORKSHOP_TIMES = st.one_of(
    st.tuples(
        st.timedeltas(min_value=datetime.timedelta(days=-1), max_value=datetime.timedelta(days=3)),
        st.timedeltas(min_value=datetime.timedelta(hours=-3), max_value=datetime.timedelta(days=8)),
    ).map(lambda times: (local_minutes(times[0]), local_minutes(times[0] + times[1]))),
    st.tuples(DATETIMES, DATETIMES),
)


@FAST
@given(title=st.one_of(fitting_text(120), HOSTILE), times=WORKSHOP_TIMES, language=LANGUAGES)
def test_opening_a_workshop(title, times, language, track, client):
    data = {"title": title, "starts_at": times[0], "ends_at": times[1]}
    with one_example():
        partner = make_partner(track.organisation)
        client.force_login(partner)
        path = f"/participation/tracks/{track.pk}/workshops/new/"
        response = post(client, language, path, data)
        form = refused_form(response)
        workshops = list(Workshop.objects.filter(facilitator=partner))
        if form:
            assert workshops == []
            starts, ends = typed_moment(data["starts_at"]), typed_moment(data["ends_at"])
            if starts and ends and ends <= starts and "starts_at" not in form.shown:
                assert "ends_at" in form.shown, "the end before the start is refused next to the end"
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            [workshop] = workshops
            assert workshop.title == plain_text(data["title"])
            assert workshop.starts_at < workshop.ends_at
            assert timezone.localtime(workshop.starts_at).strftime("%Y-%m-%dT%H:%M") == data["starts_at"]
            assert timezone.localtime(workshop.ends_at).strftime("%Y-%m-%dT%H:%M") == data["ends_at"]
            assert_fits(workshop)


GROUP_IDEA = form_data(
    {
        "group": fitting_text(120),
        "group_size": whole_numbers(1, 500),
        "age_band": st.sampled_from(AgeBand.values),
        "title": fitting_text(120),
        "body": fitting_text(2000, min_size=0),
        "image_alt": fitting_text(200, min_size=0),
    },
    {"group_size": NUMBERS, "age_band": NUMBERS},
)


@FAST
@given(data=GROUP_IDEA, language=LANGUAGES)
def test_typing_in_a_groups_idea(data, language, track, client):
    with one_example():
        partner = make_partner(track.organisation)
        workshop = make_workshop(track, facilitator=partner)
        client.force_login(partner)
        path = f"/participation/workshop/{workshop.code}/facilitate/"
        posted = {f"group-{name}": value for name, value in data.items()}
        response = post(client, language, path, posted)
        form = refused_form(response)
        ideas = list(Idea.objects.filter(workshop=workshop))
        if form:
            assert ideas == []
            assert_translated(form, lambda language: post(client, language, path, posted))
        else:
            [idea] = ideas
            assert (idea.on_behalf_group, idea.title, idea.body) == (
                plain_text(data["group"]),
                plain_text(data["title"]),
                plain_text(data["body"]),
            )
            assert (idea.group_size, idea.age_band) == (as_number(data["group_size"]), data["age_band"])
            assert_fits(idea)


# --- closing the loop and moderation ----------------------------------------------------------------

STATUS = form_data(
    {
        "status": st.sampled_from(IdeaStatus.values),
        "activity": st.just(""),
        "explanation_nl": fitting_text(2000),
        "explanation_fr": fitting_text(2000, min_size=0),
        "explanation_en": fitting_text(2000, min_size=0),
    },
    {"activity": NUMBERS},
)


@FAST
@given(data=STATUS, language=LANGUAGES)
def test_giving_an_idea_a_status(data, language, track, client):
    with one_example():
        idea = make_idea(track, language="nl")
        partner = make_partner(track.organisation)
        client.force_login(partner)
        path = f"/participation/ideas/{idea.pk}/status/"
        response = post(client, language, path, data)
        form = refused_form(response)
        changes = list(IdeaStatusChange.objects.filter(idea=idea))
        if form:
            assert changes == []
            assert Idea.objects.get(pk=idea.pk).status == idea.status
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            [change] = changes
            assert change.status == data["status"] == Idea.objects.get(pk=idea.pk).status
            for code in ("nl", "fr", "en"):
                assert getattr(change, f"explanation_{code}") == plain_text(data[f"explanation_{code}"])
            assert_fits(change)


@FAST
@given(
    action=st.one_of(st.sampled_from(["approve", "hide", "remove"]), HOSTILE),
    reason=st.one_of(fitting_text(1000, min_size=0), HOSTILE),
    language=LANGUAGES,
)
def test_a_moderators_decision(action, reason, language, track, client):
    with one_example():
        from participation import services

        idea = services.post_idea(
            track=track, title="Een skatepark", author=ParentFactory(), check_rate=False
        )
        moderator = make_staff(MODERATOR)
        client.force_login(moderator)
        path = f"/admin/moderation/idea/{idea.pk}/decide/"
        data = {f"idea-{idea.pk}-action": action, f"idea-{idea.pk}-reason": reason}

        def send(language):
            return post_in_admin(client, moderator, language, path, data)

        def entry_form(context):
            return context["entries"][0]["form"]

        before = Idea.objects.get(pk=idea.pk).moderation
        response = send(language)
        form = refused_form(response, entry_form)
        actions = list(ModerationAction.objects.filter(idea=idea, moderator=moderator))
        if form:
            assert actions == [] and Idea.objects.get(pk=idea.pk).moderation == before
            assert_translated(form, send, entry_form)
        else:
            [decision] = actions
            assert decision.action == action and decision.reason == plain_text(reason)
            assert_fits(decision)
