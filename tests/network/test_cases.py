"""Case consultation: the pseudonymous form, the thread, the outcome, the access log,
retention and the members-only rule."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape

from network import case_services
from network.models import Case, CaseAccessAction, CaseAccessLog, CaseOutcome, CaseResponse
from tests.factories import ProfessionalFactory, log_in
from tests.network.factories import make_case, make_facilitator, make_member, make_network

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return make_network(slug="brussel")


def case_data(**overrides):
    data = {
        "age_band": "12-14",
        "school_level": "secondary_2",
        "school_type": "mainstream",
        "situation": "Jongen, 14 jaar, 2de graad BSO, spijbelt sinds de herfstvakantie.",
        "tried": "De leerlingbegeleider en het CLB hadden twee gesprekken met de moeder.",
        "question": "Wie heeft ervaring met een ronde tafel met de jeugdhulp?",
    }
    data.update(overrides)
    return data


def actions(case):
    return list(
        CaseAccessLog.objects.filter(case_label=case.label, network=case.network)
        .order_by("at", "id")
        .values_list("action", flat=True)
    )


# --- bringing in a case --------------------------------------------------------------------


def test_member_brings_in_a_pseudonymous_case(client, network):
    member = make_member(network)
    log_in(client, member)
    response = client.post("/nl/networks/brussel/cases/new/", case_data())
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/nl/networks/brussel/cases/{case.pk}/"
    assert case.author == member and case.network == network and case.outcome == CaseOutcome.OPEN
    assert actions(case) == [CaseAccessAction.CREATE]


IDENTIFYING = [
    ("situation", "Mohamed spijbelt sinds de herfstvakantie.", "name"),
    ("situation", "Jongen, geboren op 12/03/2011, spijbelt.", "birth date"),
    ("tried", "Mail van de moeder: moeder.x@example.org", "e-mail address"),
    ("tried", "Moeder bereikbaar op 0475 12 34 56.", "phone number"),
    ("question", "Rijksregisternummer 85.07.30-033.28, wie kent hem?", "national register number"),
    ("situation", "Zit in het Atheneum Anderlecht, 2de graad.", "school"),
]


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
@pytest.mark.parametrize(("field", "text", "words"), IDENTIFYING, ids=[i[2] for i in IDENTIFYING])
def test_identifying_data_is_refused_next_to_the_field_in_every_language(
    client, network, language, field, text, words
):
    member = make_member(network)
    log_in(client, member, language=language)
    response = client.post(f"/{language}/networks/brussel/cases/new/", case_data(**{field: text}))
    assert response.status_code == 200
    assert not Case.objects.exists()
    assert not CaseAccessLog.objects.exists()
    form = response.context["form"]
    assert list(form.errors) == [field]
    [message] = form.errors[field]
    # The message is shown in the field's group, in the page's language.
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert escape(message) in html
    assert html.index(f'id="id_{field}"') - html.index(escape(message)) < 2000
    if language == "en":
        assert words in message
    # The data itself is not repeated in the message.
    for token in (
        "Mohamed",
        "12/03/2011",
        "moeder.x@example.org",
        "0475 12 34 56",
        "85.07.30-033.28",
        "Anderlecht",
    ):
        assert token not in message


def test_school_names_of_the_platform_are_refused(client, network):
    from organisations.models import OrganisationKind
    from tests.factories import OrganisationFactory

    OrganisationFactory(name="Sint-Guido-Instituut", kind=OrganisationKind.SCHOOL)
    log_in(client, make_member(network))
    response = client.post(
        "/nl/networks/brussel/cases/new/", case_data(situation="Zit op het sint-guido-instituut.")
    )
    assert response.status_code == 200 and not Case.objects.exists()
    assert "situation" in response.context["form"].errors


def test_the_form_explains_the_pseudonymous_rules_in_three_languages(client, network):
    log_in(client, make_member(network))
    for language in ("nl", "fr", "en"):
        response = client.get(f"/{language}/networks/brussel/cases/new/")
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()
    assert "Keep it pseudonymous." in response.content.decode()


# --- reading, thread, outcome, access log --------------------------------------------------


def test_every_read_and_change_is_logged(client, network):
    author = make_member(network)
    other = make_member(network)
    case = case_services.create_case(actor=author, network=network, data=case_data())

    log_in(client, other)
    assert client.get(f"/nl/networks/brussel/cases/{case.pk}/").status_code == 200
    response = client.post(
        f"/nl/networks/brussel/cases/{case.pk}/respond/", {"text": "Probeer een ronde tafel."}
    )
    assert response.status_code == 302
    client.logout()

    log_in(client, author)
    client.get(f"/nl/networks/brussel/cases/{case.pk}/edit/")
    client.post(
        f"/nl/networks/brussel/cases/{case.pk}/edit/", case_data(question="Wie kan thuis ondersteunen?")
    )
    client.post(f"/nl/networks/brussel/cases/{case.pk}/outcome/", {"outcome": "round_table_planned"})
    client.post(f"/nl/networks/brussel/cases/{case.pk}/archive/")

    case.refresh_from_db()
    assert case.question == "Wie kan thuis ondersteunen?"
    assert case.outcome == CaseOutcome.ROUND_TABLE_PLANNED
    assert case.archived_at is not None
    assert actions(case) == ["create", "read", "respond", "read", "update", "update", "archive"]
    users = list(CaseAccessLog.objects.filter(case=case).order_by("at", "id").values_list("user", flat=True))
    assert users == [author.pk, other.pk, other.pk, author.pk, author.pk, author.pk, author.pk]


def test_members_respond_in_a_thread_and_identifying_responses_are_refused(client, network):
    case = make_case(network, author=make_member(network))
    member = make_member(network, organisation="Huiswerkschool De Brug")
    log_in(client, member)
    refused = client.post(
        f"/nl/networks/brussel/cases/{case.pk}/respond/", {"text": "Bel Yasmina op 0475 12 34 56."}
    )
    assert refused.status_code == 400
    assert not CaseResponse.objects.exists()
    errors = refused.context["response_form"].errors["text"]
    assert len(errors) == 2  # a name and a phone number

    client.post(
        f"/nl/networks/brussel/cases/{case.pk}/respond/", {"text": "Wij hebben plaats in de huiswerkklas."}
    )
    client.post(f"/nl/networks/brussel/cases/{case.pk}/respond/", {"text": "En een ronde tafel?"})
    page = client.get(f"/nl/networks/brussel/cases/{case.pk}/").content.decode()
    assert page.index("Wij hebben plaats") < page.index("En een ronde tafel?")
    assert "Huiswerkschool De Brug" in page
    assert "2 reacties" in page or "2 responses" in page


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_the_author_gets_an_email_with_a_link_but_no_content(network, mailoutbox, language):
    author = make_member(network, user=ProfessionalFactory(preferred_language=language))
    case = make_case(network, author=author)
    case_services.respond_to_case(actor=author, case=case, text="Eigen aanvulling.")
    assert mailoutbox == []  # not for one's own response
    case_services.respond_to_case(actor=make_member(network), case=case, text="Vertrouwelijk advies.")
    [message] = mailoutbox
    assert message.to == [author.email]
    assert f"/{language}/networks/brussel/cases/{case.pk}/" in message.body
    assert "Vertrouwelijk" not in message.body and "Vertrouwelijk" not in message.subject
    assert case.situation not in message.body
    if language == "en":
        assert message.subject == f"New response to case {case.label} in Learning network Brussels"


def test_no_email_to_an_author_who_left_the_network(network, mailoutbox):
    from network.models import NetworkMember

    author = make_member(network)
    case = make_case(network, author=author)
    NetworkMember.objects.filter(user=author).delete()
    case_services.respond_to_case(actor=make_member(network), case=case, text="Advies.")
    assert mailoutbox == []


def test_outcome_and_changes_are_for_the_author_and_facilitators(client, network):
    author = make_member(network)
    other = make_member(network)
    facilitator = make_facilitator(network)
    case = make_case(network, author=author)

    log_in(client, other)
    assert (
        client.post(f"/nl/networks/brussel/cases/{case.pk}/outcome/", {"outcome": "closed"}).status_code
        == 403
    )
    assert client.get(f"/nl/networks/brussel/cases/{case.pk}/edit/").status_code == 403
    assert client.post(f"/nl/networks/brussel/cases/{case.pk}/archive/").status_code == 403
    assert client.get(f"/nl/networks/brussel/cases/{case.pk}/log/").status_code == 403
    assert client.get("/nl/networks/brussel/cases/log/").status_code == 403
    page = client.get(f"/nl/networks/brussel/cases/{case.pk}/").content.decode()
    assert f"/cases/{case.pk}/outcome/" not in page
    client.logout()

    log_in(client, facilitator)
    response = client.post(f"/nl/networks/brussel/cases/{case.pk}/outcome/", {"outcome": "referred"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.outcome == CaseOutcome.REFERRED


def test_facilitators_see_the_log_of_a_case_and_of_the_network(client, network):
    author = make_member(network, user=ProfessionalFactory(display_name="Sofie Lemmens"))
    facilitator = make_facilitator(network)
    case = case_services.create_case(actor=author, network=network, data=case_data())
    case_services.read_case(actor=author, case=case)
    log_in(client, facilitator)
    with translation.override("en"):
        page = client.get(f"/en/networks/brussel/cases/{case.pk}/log/").content.decode()
    assert "Sofie Lemmens" in page and "created" in page and "read" in page
    network_log = client.get("/en/networks/brussel/cases/log/").content.decode()
    assert case.label in network_log


def test_archived_cases_are_read_only(client, network):
    author = make_member(network)
    case = make_case(network, author=author)
    case_services.archive_case(actor=author, case=case)
    log_in(client, author)
    page = client.get(f"/nl/networks/brussel/cases/{case.pk}/").content.decode()
    assert f"/cases/{case.pk}/respond/" not in page
    client.post(f"/nl/networks/brussel/cases/{case.pk}/respond/", {"text": "Nog iets."})
    assert not CaseResponse.objects.exists()
    assert client.get(f"/nl/networks/brussel/cases/{case.pk}/edit/").status_code == 302
    listing = client.get("/nl/networks/brussel/cases/").content.decode()
    assert f"/cases/{case.pk}/" not in listing
    assert f"/cases/{case.pk}/" in client.get("/nl/networks/brussel/cases/?archived=1").content.decode()


def test_the_list_shows_no_case_text_and_logs_no_read(client, network):
    case = make_case(network, author=make_member(network), situation="Een heel bijzondere situatie.")
    log_in(client, make_member(network))
    page = client.get("/nl/networks/brussel/cases/").content.decode()
    assert case.label in page
    assert "bijzondere situatie" not in page
    assert not CaseAccessLog.objects.exists()


# --- retention -----------------------------------------------------------------------------


def test_closed_cases_are_archived_then_deleted_after_the_retention_period(network, settings):
    settings.VILLAGE_CASE_RETENTION_MONTHS = 12
    settings.VILLAGE_CASE_ARCHIVE_AFTER_CLOSED_DAYS = 30
    author = make_member(network)
    closed = case_services.create_case(actor=author, network=network, data=case_data())
    case_services.respond_to_case(actor=author, case=closed, text="Advies gegeven.")
    case_services.set_outcome(actor=author, case=closed, outcome=CaseOutcome.CLOSED)
    still_open = case_services.create_case(actor=author, network=network, data=case_data())
    label = closed.label
    start = timezone.now()

    # 29 days later: nothing happens yet.
    assert case_services.purge_cases(now=start + datetime.timedelta(days=29)) == (0, 0)
    # 31 days later: the closed case is archived, the open one is not.
    assert case_services.purge_cases(now=start + datetime.timedelta(days=31)) == (1, 0)
    closed.refresh_from_db()
    assert closed.archived_at is not None
    # Almost a year after archiving: kept.
    assert case_services.purge_cases(now=start + datetime.timedelta(days=31 + 360)) == (0, 0)
    # A year and a bit after archiving: deleted with its responses; the log keeps an entry without content.
    assert case_services.purge_cases(now=start + datetime.timedelta(days=31 + 370)) == (0, 1)
    assert not Case.objects.filter(pk=closed.pk).exists()
    assert not CaseResponse.objects.exists()
    assert Case.objects.filter(pk=still_open.pk).exists()
    deleted = CaseAccessLog.objects.get(case_label=label, action=CaseAccessAction.DELETE)
    assert deleted.case is None and deleted.user is None
    # The earlier entries of that case remain, without a case.
    assert CaseAccessLog.objects.filter(case_label=label).count() == 5
    fields = {f.name for f in CaseAccessLog._meta.get_fields()}
    assert not fields & {"situation", "tried", "question", "text"}


def test_retention_follows_the_setting(network, settings):
    settings.VILLAGE_CASE_RETENTION_MONTHS = 1
    case = make_case(network)
    case_services.archive_case(actor=None, case=case, now=timezone.now() - datetime.timedelta(days=32))
    assert case_services.delete_expired_cases() == 1


def test_the_purge_command_and_task_run_the_retention(network):
    case = make_case(network)
    case_services.archive_case(actor=None, case=case, now=timezone.now() - datetime.timedelta(days=800))
    out = io.StringIO()
    call_command("purge_cases", stdout=out)
    assert "deleted: 1" in out.getvalue()
    assert not Case.objects.exists()

    from network.tasks import purge_cases

    case = make_case(network)
    case_services.archive_case(actor=None, case=case, now=timezone.now() - datetime.timedelta(days=800))
    result = purge_cases.enqueue()
    assert result.return_value == {"archived": 0, "deleted": 1}


# --- members only --------------------------------------------------------------------------


def case_urls(case):
    base = f"/nl/networks/{case.network.slug}/cases"
    return [
        f"{base}/",
        f"{base}/new/",
        f"{base}/log/",
        f"{base}/{case.pk}/",
        f"{base}/{case.pk}/edit/",
        f"{base}/{case.pk}/respond/",
        f"{base}/{case.pk}/outcome/",
        f"{base}/{case.pk}/archive/",
        f"{base}/{case.pk}/log/",
    ]


def test_outsiders_get_404_everywhere_and_nothing_is_logged(client, network):
    case = make_case(network, author=make_member(network))
    other_network = make_network(slug="antwerpen", postcode_ranges="2000-2999")
    outsider_of_network = make_member(other_network)
    for user in (None, ProfessionalFactory(), outsider_of_network):
        client.logout()
        if user:
            log_in(client, user)
        for url in case_urls(case):
            assert client.get(url).status_code == 404, (user, url)
            assert client.post(url, case_data(text="x", outcome="closed")).status_code == 404, (user, url)
    assert not CaseAccessLog.objects.exists()
    assert CaseResponse.objects.count() == 0


def test_a_case_of_another_network_is_not_found_through_this_network(client, network):
    other_network = make_network(slug="antwerpen", postcode_ranges="2000-2999")
    foreign = make_case(other_network)
    log_in(client, make_member(network))
    assert client.get(f"/nl/networks/brussel/cases/{foreign.pk}/").status_code == 404


# --- speed ---------------------------------------------------------------------------------


def test_pages_make_as_many_queries_with_more_cases_and_responses(client, network):
    author = make_member(network)
    log_in(client, author)
    case = make_case(network, author=author)

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    case_services.respond_to_case(actor=author, case=case, text="Eerste reactie.")
    count("/nl/networks/brussel/cases/")  # warm up: the first request of a session costs more
    small_list, small_detail = (
        count("/nl/networks/brussel/cases/"),
        count(f"/nl/networks/brussel/cases/{case.pk}/"),
    )
    for i in range(8):
        make_case(network, author=make_member(network))
        case_services.respond_to_case(actor=make_member(network), case=case, text=f"Reactie {i}.")
    assert count("/nl/networks/brussel/cases/") <= small_list
    assert count(f"/nl/networks/brussel/cases/{case.pk}/") <= small_detail


# --- demo ----------------------------------------------------------------------------------


def test_demo_texts_are_pseudonymous():
    from network.demo_cases import CASES, SIGNALS
    from network.identifiers import find_identifying_data

    texts = [c["fields"][k] for c in CASES for k in ("situation", "tried", "question")]
    texts += [text for c in CASES for _email, text in c["responses"]]
    texts += [s[k] for s in SIGNALS for k in ("title", "description", "evidence")]
    texts += [a[2] for s in SIGNALS for a in s["additions"]]
    for text in texts:
        assert find_identifying_data(text, school_names=[]) == [], text


def test_demo_has_cases_and_a_signal_and_runs_twice(demo):
    from network import demo_cases
    from network.models import Network, Signal

    brussel = Network.objects.get(slug="brussel")
    cases = Case.objects.filter(network=brussel)
    assert cases.count() == 2
    assert all(case.responses.exists() and case.outcome != CaseOutcome.OPEN for case in cases)
    signal = Signal.objects.get(title="Geen tolken beschikbaar voor oudergesprekken")
    assert signal.endorsements.count() == 2 and signal.additions.count() == 2
    before = (Case.objects.count(), CaseResponse.objects.count(), Signal.objects.count())
    demo_cases.load()
    assert (Case.objects.count(), CaseResponse.objects.count(), Signal.objects.count()) == before
