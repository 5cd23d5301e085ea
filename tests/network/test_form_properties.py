"""The learning networks' forms under hostile input (see tests/strategies.py): one's profile in a
network, invitations, scheduling a session with its agenda, answering it, the minutes; cases
and responses; signals, additions, their status and bundles; good practices."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from hypothesis import event, example, given
from hypothesis import strategies as st
from taggit.utils import parse_tags

from network.models import AgeBand as CaseAge
from network.models import (
    AgendaItem,
    Case,
    CaseOutcome,
    CaseResponse,
    Invitation,
    MemberRole,
    NetworkMember,
    Practice,
    PracticeAge,
    PracticeVisibility,
    Rsvp,
    RsvpAnswer,
    SchoolLevel,
    SchoolType,
    Session,
    Signal,
    SignalAddition,
    SignalAdditionKind,
    SignalBundle,
    SignalKind,
    SignalStatus,
    StrategyLevel,
)
from network.practices import TEXT_FIELDS
from tests.network.factories import (
    make_case,
    make_facilitator,
    make_member,
    make_network,
    make_practice,
    make_session,
    make_signal,
)
from tests.strategies import (
    DATES,
    EMAILS,
    FAST,
    HOSTILE,
    LANGUAGES,
    NUMBERS,
    TIMES,
    assert_fits,
    assert_translated,
    counts,
    fitting_text,
    form_data,
    one_example,
    post,
    refused_form,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return make_network()


@pytest.fixture
def facilitator(network, client):
    person = make_facilitator(network)
    client.force_login(person)
    return person


@pytest.fixture
def member(network, client):
    person = make_member(network)
    client.force_login(person)
    return person


def lines(texts):
    return "\n".join(texts)


# --- being a member ----------------------------------------------------------------------------

PROFILE = form_data(
    {
        "organisation": fitting_text(160, min_size=0),
        "function": fitting_text(120, min_size=0),
        "region": fitting_text(120, min_size=0),
        "phone": fitting_text(40, min_size=0),
    }
)


@FAST
@given(data=PROFILE, language=LANGUAGES)
def test_editing_ones_profile_in_a_network(data, language, network, member, client):
    with one_example():
        path = f"/networks/{network.slug}/profile/"
        before = NetworkMember.objects.get(user=member)
        response = post(client, language, path, data)
        form = refused_form(response)
        saved = NetworkMember.objects.get(pk=before.pk)
        fields = list(data)
        if form:
            assert [getattr(saved, name) for name in fields] == [getattr(before, name) for name in fields]
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            assert [getattr(saved, name) for name in fields] == [data[name].strip() for name in fields]
            assert_fits(saved)


INVITE = form_data(
    {
        "emails": st.lists(st.emails(), min_size=1, max_size=4).map(lines),
        "role": st.sampled_from(["member", "facilitator"]),
        "language": st.sampled_from(["nl", "fr", "en"]),
    },
    {"emails": st.lists(EMAILS, min_size=1, max_size=4).map(", ".join)},
)


@FAST
@given(data=INVITE, language=LANGUAGES)
@example(  # a valid address longer than its column: a server error on PostgreSQL
    data={"emails": "a" * 64 + "@" + ("b" * 60 + ".") * 4 + "be", "role": "member", "language": "nl"},
    language="fr",
)
def test_inviting_people(data, language, network, facilitator, client):
    with one_example():
        path = f"/networks/{network.slug}/invite/"
        before = counts(Invitation)
        response = post(client, language, path, data)
        form = refused_form(response)
        invitations = list(Invitation.objects.filter(network=network))
        if form:
            assert counts(Invitation) == before
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            typed = {email.strip().lower() for email in data["emails"].replace(",", "\n").split() if email}
            assert {invitation.email for invitation in invitations} == typed
            for invitation in invitations:
                assert invitation.role == data["role"]
                assert_fits(invitation)


@FAST
@given(role=st.one_of(st.sampled_from(MemberRole.values), HOSTILE), language=LANGUAGES)
def test_changing_a_members_role(role, language, network, facilitator, client):
    with one_example():
        other = NetworkMember.objects.get(user=make_member(network))
        client.cookies.pop("messages", None)  # those of the examples before
        response = post(client, language, f"/networks/{network.slug}/members/{other.pk}/", {"role": role})
        assert response.status_code == 302
        [message] = list(get_messages(response.wsgi_request))
        saved = NetworkMember.objects.get(pk=other.pk).role
        if role in MemberRole.values:
            event("accepted")
            assert saved == role
        else:
            event("refused")
            assert saved == other.role and message.level_tag == "error"
            assert message.message != "Choose a role." or language == "en"


# --- sessions ----------------------------------------------------------------------------------

SESSION = form_data(
    {
        "title": fitting_text(160),
        "date": st.integers(1, 400).map(
            lambda days: (timezone.localdate() + datetime.timedelta(days)).isoformat()
        ),
        "start_time": st.times().map(lambda time: time.strftime("%H:%M")),
        "duration": st.sampled_from(["30", "60", "90", "120", "150", "180", "240"]),
        "agenda": st.lists(fitting_text(200), max_size=6).map(lines),
    },
    {
        "date": DATES,
        "start_time": TIMES,
        "duration": NUMBERS,
        "agenda": st.one_of(HOSTILE, st.lists(HOSTILE, max_size=40).map(lines)),
    },
)


def session_data(**changes):
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    data = {
        "title": "Netwerkmoment",
        "date": tomorrow,
        "start_time": "14:00",
        "duration": "120",
        "agenda": "",
    }
    return {**data, **changes}


@FAST
@given(data=SESSION, language=LANGUAGES)
@example(data=session_data(date="9999-12-31", start_time="23:30", duration="240"), language="fr")
@example(data=session_data(agenda="Welkom\n" + "x" * 201), language="nl")  # was cut silently
def test_scheduling_a_session(data, language, network, facilitator, client):
    with one_example():
        path = f"/networks/{network.slug}/sessions/new/"
        before = counts(Session, AgendaItem)
        response = post(client, language, path, data)
        form = refused_form(response)
        if form:
            assert counts(Session, AgendaItem) == before
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            session = Session.objects.get(network=network)
            assert session.title == data["title"].strip()
            starts = timezone.localtime(session.starts_at)
            assert starts > timezone.now(), "sessions are in the future"
            assert (starts.date().isoformat(), starts.strftime("%H:%M")) == (data["date"], data["start_time"])
            assert session.ends_at - session.starts_at == datetime.timedelta(minutes=int(data["duration"]))
            typed = [line.strip(" -•\t") for line in data["agenda"].splitlines()]
            assert [item.title for item in session.agenda_items.order_by("order")] == [t for t in typed if t]
            for item in [session, *session.agenda_items.all()]:
                assert_fits(item)


@FAST
@given(answer=st.one_of(st.sampled_from(RsvpAnswer.values), HOSTILE), language=LANGUAGES)
def test_answering_whether_one_comes(answer, language, network, member, client):
    with one_example():
        session = make_session(network)
        client.cookies.pop("messages", None)  # those of the examples before
        response = post(
            client, language, f"/networks/{network.slug}/sessions/{session.pk}/rsvp/", {"answer": answer}
        )
        assert response.status_code == 302
        [message] = list(get_messages(response.wsgi_request))
        rsvps = list(Rsvp.objects.filter(session=session))
        if answer in RsvpAnswer.values:
            event("accepted")
            assert [(rsvp.user, rsvp.answer) for rsvp in rsvps] == [(member, answer)]
        else:
            event("refused")
            assert rsvps == [] and message.level_tag == "error"
            assert message.message != "Choose whether you will come." or language == "en"


MINUTES = form_data(
    {
        "minutes": fitting_text(5000, min_size=0),
        "decisions": fitting_text(2000, min_size=0),
        "publish": st.sampled_from(["", "1"]),
    }
)


@FAST
@given(data=MINUTES, language=LANGUAGES)
def test_writing_the_minutes(data, language, network, facilitator, client):
    with one_example():
        session = make_session(network, starts_at=timezone.now() - datetime.timedelta(hours=3))
        path = f"/networks/{network.slug}/sessions/{session.pk}/minutes/"
        response = post(client, language, path, data)
        form = refused_form(response)
        saved = Session.objects.get(pk=session.pk)
        if form:
            assert (saved.minutes, saved.decisions, saved.minutes_published_at) == ("", "", None)
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            assert (saved.minutes, saved.decisions) == (data["minutes"].strip(), data["decisions"].strip())
            assert (saved.minutes_published_at is not None) == bool(data["publish"])
            assert_fits(saved)


# --- cases -------------------------------------------------------------------------------------

CASE = form_data(
    {
        "age_band": st.sampled_from(CaseAge.values),
        "school_level": st.sampled_from(SchoolLevel.values),
        "school_type": st.sampled_from(SchoolType.values),
        "situation": fitting_text(5000),
        "tried": fitting_text(5000),
        "question": fitting_text(5000),
    }
)
CASE_TEXTS = ["situation", "tried", "question"]


@FAST
@given(data=CASE, edit=st.booleans(), language=LANGUAGES)
def test_bringing_in_or_editing_a_case(data, edit, language, network, member, client):
    with one_example():
        existing = make_case(network, author=member)
        path = (
            f"/networks/{network.slug}/cases/{existing.pk}/edit/"
            if edit
            else f"/networks/{network.slug}/cases/new/"
        )
        before = counts(Case)
        response = post(client, language, path, data)
        form = refused_form(response)
        if form:
            assert counts(Case) == before
            assert [getattr(Case.objects.get(pk=existing.pk), name) for name in CASE_TEXTS] == [
                getattr(existing, name) for name in CASE_TEXTS
            ]
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            case = Case.objects.get(pk=existing.pk) if edit else Case.objects.exclude(pk=existing.pk).get()
            assert counts(Case) == {"Case": before["Case"] + (0 if edit else 1)}
            assert [getattr(case, name) for name in data] == [data[name].strip() for name in data]
            assert_fits(case)


@FAST
@given(text=st.one_of(fitting_text(5000), HOSTILE), language=LANGUAGES)
def test_responding_to_a_case(text, language, network, member, client):
    with one_example():
        case = make_case(network, author=make_member(network))
        path = f"/networks/{network.slug}/cases/{case.pk}/respond/"
        response = post(client, language, path, {"text": text})
        form = refused_form(response, "response_form")
        responses = list(CaseResponse.objects.filter(case=case))
        if form:
            assert responses == []
            assert_translated(
                form, lambda language: post(client, language, path, {"text": text}), "response_form"
            )
        else:
            [saved] = responses
            assert saved.text == text.strip()
            assert_fits(saved)


@FAST
@given(outcome=st.one_of(st.sampled_from(CaseOutcome.values), HOSTILE), language=LANGUAGES)
def test_recording_the_outcome_of_a_case(outcome, language, network, member, client):
    with one_example():
        case = make_case(network, author=member)
        client.cookies.pop("messages", None)  # those of the examples before
        response = post(
            client, language, f"/networks/{network.slug}/cases/{case.pk}/outcome/", {"outcome": outcome}
        )
        assert response.status_code == 302
        [message] = list(get_messages(response.wsgi_request))
        saved = Case.objects.get(pk=case.pk).outcome
        if outcome in CaseOutcome.values:
            event("accepted")
            assert saved == outcome
        else:
            event("refused")
            assert saved == case.outcome and message.level_tag == "error"
            assert message.message != "Choose one of the outcomes." or language == "en"


# --- signals -----------------------------------------------------------------------------------

SIGNAL = form_data(
    {
        "kind": st.sampled_from(SignalKind.values),
        "title": fitting_text(200),
        "description": fitting_text(5000),
        "evidence": fitting_text(5000, min_size=0),
    }
)


@FAST
@given(data=SIGNAL, language=LANGUAGES)
def test_filing_a_signal(data, language, network, member, client):
    with one_example():
        path = f"/networks/{network.slug}/signals/new/"
        response = post(client, language, path, data)
        form = refused_form(response)
        signals = list(Signal.objects.filter(network=network))
        if form:
            assert signals == []
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            [signal] = signals
            assert [getattr(signal, name) for name in data] == [data[name].strip() for name in data]
            assert_fits(signal)


ADDITION = form_data(
    {
        "kind": st.sampled_from(SignalAdditionKind.values),
        "case": st.sampled_from(["", "a case"]),
        "text": fitting_text(2000, min_size=0),
    },
    {"case": NUMBERS},
)


@FAST
@given(data=ADDITION, language=LANGUAGES)
def test_adding_to_a_signal(data, language, network, member, client):
    with one_example():
        signal = make_signal(network, author=make_member(network))
        case = make_case(network)
        if data["case"] == "a case":
            data = {**data, "case": str(case.pk)}
        path = f"/networks/{network.slug}/signals/{signal.pk}/add/"
        response = post(client, language, path, data)
        form = refused_form(response, "addition_form")
        additions = list(SignalAddition.objects.filter(signal=signal))
        if form:
            assert additions == []
            assert_translated(form, lambda language: post(client, language, path, data), "addition_form")
        else:
            [addition] = additions
            assert (addition.kind, addition.text) == (data["kind"], data["text"].strip())
            linked = data["case"] and data["kind"] == SignalAdditionKind.CASE
            assert addition.case_id == (case.pk if linked else None)
            assert_fits(addition)


STATUS = form_data(
    {
        "status": st.sampled_from(SignalStatus.values),
        "bundle": st.sampled_from(["", "a bundle"]),
        "official_answer": fitting_text(5000, min_size=0),
    },
    {"bundle": NUMBERS},
)


@FAST
@given(data=STATUS, language=LANGUAGES)
def test_following_a_signal(data, language, network, facilitator, client):
    with one_example():
        signal = make_signal(network, author=make_member(network))
        bundle = SignalBundle.objects.create(network=network, title="Voorjaar")
        if data["bundle"] == "a bundle":
            data = {**data, "bundle": str(bundle.pk)}
        path = f"/networks/{network.slug}/signals/{signal.pk}/status/"
        response = post(client, language, path, data)
        form = refused_form(response, "status_form")
        saved = Signal.objects.get(pk=signal.pk)
        if form:
            assert (saved.status, saved.bundle_id, saved.official_answer) == (
                signal.status,
                signal.bundle_id,
                signal.official_answer,
            )
            assert_translated(form, lambda language: post(client, language, path, data), "status_form")
        else:
            assert (saved.status, saved.official_answer) == (data["status"], data["official_answer"].strip())
            assert saved.bundle_id == (bundle.pk if data["bundle"] else None)
            assert_fits(saved)


BUNDLE = form_data(
    {
        "title": fitting_text(200),
        "recipient": fitting_text(200, min_size=0),
        "signals": st.lists(st.just("a signal"), max_size=2),
    },
    {"signals": st.lists(NUMBERS, min_size=1, max_size=3)},
)


@FAST
@given(data=BUNDLE, language=LANGUAGES)
@example(data={"title": "Voorjaar", "recipient": "", "signals": ["99999999999999999999"]}, language="nl")
def test_bundling_signals(data, language, network, facilitator, client):
    with one_example():
        signals = [make_signal(network), make_signal(network)]
        posted = {
            **data,
            "signals": [
                str(signals[n].pk) if value == "a signal" else value
                for n, value in enumerate(data["signals"])
            ],
        }
        path = f"/networks/{network.slug}/bundles/new/"
        response = post(client, language, path, posted)
        form = refused_form(response)
        bundles = list(SignalBundle.objects.filter(network=network))
        if form:
            assert bundles == []
            assert not Signal.objects.filter(bundle__isnull=False).exists()
            assert_translated(form, lambda language: post(client, language, path, posted))
        else:
            [bundle] = bundles
            assert (bundle.title, bundle.recipient) == (data["title"].strip(), data["recipient"].strip())
            assert {str(pk) for pk in bundle.signals.values_list("pk", flat=True)} == set(posted["signals"])
            assert_fits(bundle)


# --- good practices ----------------------------------------------------------------------------

PRACTICE = form_data(
    {
        "title": fitting_text(200),
        "language": st.sampled_from(["nl", "fr", "en"]),
        "age": st.sampled_from(PracticeAge.values),
        "strategy_level": st.sampled_from(StrategyLevel.values),
        "region": fitting_text(120, min_size=0),
        "tags": st.lists(fitting_text(30), max_size=3).map(", ".join),
        "visibility": st.sampled_from(PracticeVisibility.values),
        "activity_links": st.just(""),
        **{name: fitting_text(3000, min_size=1 if name == "goal" else 0) for name in TEXT_FIELDS},
    },
    {"activity_links": st.one_of(NUMBERS, HOSTILE, st.just("#99999999999999999999"))},
)


def practice_data(**changes):
    data = dict.fromkeys(TEXT_FIELDS, "")
    data.update(title="Huiswerkklas", language="nl", age="both", strategy_level="selective")
    data.update(region="", tags="", visibility="network", activity_links="", goal="Huiswerk maken.")
    return {**data, **changes}


@FAST
@given(data=PRACTICE, edit=st.booleans(), language=LANGUAGES)
@example(data=practice_data(tags="huiswerk, " + "x" * 150), edit=False, language="fr")  # PostgreSQL
@example(data=practice_data(activity_links="#99999999999999999999"), edit=True, language="nl")  # SQLite
def test_describing_a_good_practice(data, edit, language, network, member, client):
    with one_example():
        existing = make_practice(network, author=member)
        path = (
            f"/networks/{network.slug}/practices/{existing.pk}/edit/"
            if edit
            else f"/networks/{network.slug}/practices/new/"
        )
        fields = ["title", "language", "age", "strategy_level", "region", "visibility", *TEXT_FIELDS]
        before = counts(Practice)
        response = post(client, language, path, data)
        form = refused_form(response)
        if form:
            assert counts(Practice) == before
            assert Practice.objects.get(pk=existing.pk).title == existing.title
            assert_translated(form, lambda language: post(client, language, path, data))
        else:
            practice = (
                Practice.objects.get(pk=existing.pk)
                if edit
                else Practice.objects.exclude(pk=existing.pk).get()
            )
            assert [getattr(practice, name) for name in fields] == [data[name].strip() for name in fields]
            assert sorted(practice.tags.names()) == sorted(parse_tags(data["tags"]))
            assert_fits(practice)
            for tag in practice.tags.all():
                assert_fits(tag)


@FAST
@given(
    query=st.dictionaries(
        st.sampled_from(["q", "tag", "region", "age", "network", "page"]), HOSTILE, max_size=4
    )
)
def test_the_practice_library_answers_any_filter(query, network, member, client):
    with one_example():
        make_practice(network, visibility="public", region="Brussel")
        for path in ["/nl/networks/practices/", f"/nl/networks/{network.slug}/practices/"]:
            response = client.get(path, query)
            assert response.status_code == 200
            assert "<script>alert" not in response.content.decode()


@FAST
@given(query=st.dictionaries(st.sampled_from(["municipality", "pillar"]), HOSTILE, max_size=2))
def test_the_regional_overview_answers_any_filter(query, network, member, client):
    response = client.get(f"/nl/networks/{network.slug}/overview/", query)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()
