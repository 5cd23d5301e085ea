"""Signals to government: filing, endorsing once, additions, bundles, status, the official
answer, the CSV and printable report, and who may do what."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from network import signals_services
from network.models import Signal, SignalAddition, SignalBundle, SignalEndorsement, SignalStatus
from network.services import NetworkError
from tests.factories import ProfessionalFactory, log_in
from tests.network.factories import (
    make_bundle,
    make_case,
    make_facilitator,
    make_member,
    make_network,
    make_signal,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return make_network(slug="brussel")


def signal_data(**overrides):
    data = {
        "kind": "barrier",
        "title": "Geen tolken beschikbaar voor oudergesprekken",
        "description": "Scholen vinden geen tolk voor gesprekken met ouders die geen Nederlands spreken.",
        "evidence": "In 6 van de 10 scholen van het netwerk viel een gesprek het afgelopen jaar af.",
    }
    data.update(overrides)
    return data


def test_member_files_a_signal(client, network):
    member = make_member(network)
    log_in(client, member)
    response = client.post("/nl/networks/brussel/signals/new/", signal_data())
    signal = Signal.objects.get()
    assert response.status_code == 302
    assert signal.author == member and signal.status == SignalStatus.OPEN
    assert signal.title in client.get("/nl/networks/brussel/signals/").content.decode()


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_identifying_data_in_a_signal_is_refused(client, network, language):
    log_in(client, make_member(network), language=language)
    response = client.post(
        f"/{language}/networks/brussel/signals/new/", signal_data(evidence="Bv. Yasmina, geboren 12/03/2012.")
    )
    assert response.status_code == 200
    assert not Signal.objects.exists()
    assert len(response.context["form"].errors["evidence"]) == 2


def test_members_endorse_once(client, network):
    author = make_member(network)
    signal = make_signal(network, author=author)
    member = make_member(network)
    log_in(client, member)
    url = f"/nl/networks/brussel/signals/{signal.pk}/endorse/"
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert SignalEndorsement.objects.filter(signal=signal).count() == 1
    with pytest.raises(NetworkError):
        signals_services.endorse_signal(actor=member, signal=signal)
    # The author supports it already: no endorsement of one's own signal.
    with pytest.raises(NetworkError):
        signals_services.endorse_signal(actor=author, signal=signal)
    page = client.get(f"/nl/networks/brussel/signals/{signal.pk}/").content.decode()
    assert url not in page  # the button is gone once endorsed


def test_members_add_pseudonymous_cases_and_figures(client, network):
    signal = make_signal(network, author=make_member(network))
    case = make_case(network)
    log_in(client, make_member(network))
    url = f"/nl/networks/brussel/signals/{signal.pk}/add/"
    assert (
        client.post(url, {"kind": "figure", "text": "Wachtlijst jeugdhulp: 9 maanden (2024)."}).status_code
        == 302
    )
    assert client.post(url, {"kind": "case", "case": case.pk, "text": ""}).status_code == 302
    assert (
        client.post(
            url, {"kind": "case", "text": "Meisje, 10, nieuwkomer: geen tolk bij het gesprek."}
        ).status_code
        == 302
    )
    refused = client.post(url, {"kind": "case", "text": "Mohamed, 0475 12 34 56."})
    assert refused.status_code == 400
    assert len(refused.context["addition_form"].errors["text"]) == 2
    empty = client.post(url, {"kind": "figure", "text": ""})
    assert empty.status_code == 400
    assert [a.kind for a in SignalAddition.objects.order_by("id")] == ["figure", "case", "case"]
    assert SignalAddition.objects.filter(case=case).exists()


def test_a_case_of_another_network_cannot_be_added(client, network):
    signal = make_signal(network)
    foreign = make_case(make_network(slug="antwerpen", postcode_ranges="2000-2999"))
    log_in(client, make_member(network))
    response = client.post(
        f"/nl/networks/brussel/signals/{signal.pk}/add/", {"kind": "case", "case": foreign.pk}
    )
    assert response.status_code == 400
    assert not SignalAddition.objects.exists()


def test_facilitators_bundle_track_status_and_record_the_answer(client, network):
    facilitator = make_facilitator(network)
    first = make_signal(network, title="Tolken")
    second = make_signal(network, title="Wachtlijsten jeugdhulp")
    log_in(client, facilitator)
    response = client.post(
        "/nl/networks/brussel/bundles/new/",
        {"title": "Signalen voorjaar", "recipient": "Stuurgroep", "signals": [first.pk, second.pk]},
    )
    bundle = SignalBundle.objects.get()
    assert response.status_code == 302
    assert set(bundle.signals.all()) == {first, second}

    client.post(
        f"/nl/networks/brussel/bundles/{bundle.pk}/",
        {"status": "sent", "recipient": "Stuurgroep", "official_answer": ""},
    )
    first.refresh_from_db()
    assert first.status == SignalStatus.SENT and first.sent_at is not None

    client.post(
        f"/nl/networks/brussel/signals/{second.pk}/status/",
        {"status": "answered", "bundle": bundle.pk, "official_answer": "Er komt een tolkenpool in 2026."},
    )
    second.refresh_from_db()
    assert second.status == SignalStatus.ANSWERED
    assert second.answered_at is not None
    assert second.official_answer == "Er komt een tolkenpool in 2026."

    client.post(
        f"/nl/networks/brussel/bundles/{bundle.pk}/",
        {"status": "answered", "recipient": "Stuurgroep", "official_answer": "De minister antwoordt."},
    )
    bundle.refresh_from_db()
    first.refresh_from_db()
    assert bundle.status == SignalStatus.ANSWERED and bundle.official_answer == "De minister antwoordt."
    assert first.status == SignalStatus.ANSWERED
    page = client.get(f"/nl/networks/brussel/signals/{first.pk}/").content.decode()
    assert "De minister antwoordt." in page


def test_members_cannot_do_what_facilitators_do(client, network):
    member = make_member(network)
    signal = make_signal(network, author=member)
    bundle = make_bundle(network)
    log_in(client, member)
    assert client.get("/nl/networks/brussel/bundles/new/").status_code == 403
    response = client.post(f"/nl/networks/brussel/signals/{signal.pk}/status/", {"status": "closed"})
    assert response.status_code == 403
    assert client.post(f"/nl/networks/brussel/bundles/{bundle.pk}/", {"status": "sent"}).status_code == 403
    signal.refresh_from_db()
    bundle.refresh_from_db()
    assert signal.status == SignalStatus.OPEN and bundle.status == SignalStatus.OPEN
    # The author may change the text of the signal; another member may not.
    assert client.get(f"/nl/networks/brussel/signals/{signal.pk}/edit/").status_code == 200
    client.logout()
    log_in(client, make_member(network))
    assert client.get(f"/nl/networks/brussel/signals/{signal.pk}/edit/").status_code == 403


def exported_rows(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_report_in_the_language_of_the_page(client, network):
    author = make_member(network)
    signal = make_signal(network, author=author, title="=HYPERLINK(evil)")
    case = make_case(network, situation="Zeer vertrouwelijke situatie.")
    signals_services.add_to_signal(actor=author, signal=signal, kind="case", case=case)
    signals_services.add_to_signal(
        actor=author, signal=signal, kind="figure", text="1.000 jongeren op de wachtlijst"
    )
    for _ in range(3):
        signals_services.endorse_signal(actor=make_member(network), signal=signal)
    make_signal(make_network(slug="antwerpen", postcode_ranges="2000-2999"), title="Antwerps signaal")
    log_in(client, make_member(network))
    with translation.override("en"):
        rows = exported_rows(client, "/en/networks/brussel/signals/export.csv")
    header, *body = rows
    assert header[:4] == ["Number", "Title", "Kind", "Status"]
    assert len(body) == 1
    row = dict(zip(header, body[0], strict=True))
    assert row["Title"] == "'=HYPERLINK(evil)"  # no formula in a spreadsheet
    assert row["Endorsements"] == "3"
    assert row["Cases"] == "1" and row["Figures"] == "1"
    assert f"case {case.label}" in row["Cases and figures added"]
    assert "1.000 jongeren" in row["Cases and figures added"]
    assert "vertrouwelijke" not in ";".join(body[0])  # the case's content stays in the network
    assert "Antwerps" not in ";".join(body[0])


def test_csv_and_report_follow_the_filters(client, network):
    make_signal(network, title="Open signaal")
    sent = make_signal(network, title="Verstuurd signaal", status=SignalStatus.SENT)
    bundle = make_bundle(network, title="Bundel A")
    sent.bundle = bundle
    sent.save()
    log_in(client, make_member(network))
    rows = exported_rows(client, "/nl/networks/brussel/signals/export.csv?status=sent")
    assert [r[1] for r in rows[1:]] == ["Verstuurd signaal"]
    rows = exported_rows(client, f"/nl/networks/brussel/signals/export.csv?bundle={bundle.pk}")
    assert [r[1] for r in rows[1:]] == ["Verstuurd signaal"]
    page = client.get(f"/nl/networks/brussel/signals/report/?bundle={bundle.pk}").content.decode()
    assert "Verstuurd signaal" in page and "Open signaal" not in page and "Bundel A" in page


def test_printable_report_has_print_styles_and_no_forms(client, network):
    signal = make_signal(network, author=make_member(network))
    signals_services.endorse_signal(actor=make_member(network), signal=signal)
    log_in(client, make_member(network))
    with translation.override("en"):
        response = client.get("/en/networks/brussel/signals/report/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "css/network-print.css" in page
    assert signal.title in page and signal.description in page
    assert "endorsed by 1 member" in page
    report = page[page.index('<article class="signal-report">') : page.index("</article>")]
    assert "<form" not in report
    css = open("static/css/network-print.css", encoding="utf-8").read()
    assert "@media print" in css and ".site-header" in css


def signal_urls(signal, bundle):
    base = f"/nl/networks/{signal.network.slug}"
    return [
        f"{base}/signals/",
        f"{base}/signals/new/",
        f"{base}/signals/export.csv",
        f"{base}/signals/report/",
        f"{base}/signals/{signal.pk}/",
        f"{base}/signals/{signal.pk}/edit/",
        f"{base}/signals/{signal.pk}/endorse/",
        f"{base}/signals/{signal.pk}/add/",
        f"{base}/signals/{signal.pk}/status/",
        f"{base}/bundles/new/",
        f"{base}/bundles/{bundle.pk}/",
    ]


def test_outsiders_get_404_everywhere(client, network):
    signal = make_signal(network)
    bundle = make_bundle(network)
    member_elsewhere = make_member(make_network(slug="antwerpen", postcode_ranges="2000-2999"))
    for user in (None, ProfessionalFactory(), member_elsewhere):
        client.logout()
        if user:
            log_in(client, user)
        for url in signal_urls(signal, bundle):
            assert client.get(url).status_code == 404, (user, url)
            assert client.post(url, signal_data(status="closed")).status_code == 404, (user, url)
    assert not SignalEndorsement.objects.exists()
    assert Signal.objects.get().status == SignalStatus.OPEN


def test_list_and_report_make_as_many_queries_with_more_signals(client, network):
    log_in(client, make_member(network))

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    def grow():
        signal = make_signal(network, author=make_member(network))
        signals_services.endorse_signal(actor=make_member(network), signal=signal)
        signals_services.add_to_signal(actor=signal.author, signal=signal, kind="figure", text="12 %")

    grow()
    urls = [
        "/nl/networks/brussel/signals/",
        "/nl/networks/brussel/signals/report/",
        "/nl/networks/brussel/signals/export.csv",
    ]
    count(urls[0])
    small = [count(url) for url in urls]
    for _ in range(6):
        grow()
    assert [count(url) for url in urls] == small
