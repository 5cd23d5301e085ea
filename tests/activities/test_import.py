"""Importing activities from a CSV file in the admin: all rows or none, every problem named."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import WorkflowState

from accounts.roles import EDITOR, MODERATOR
from activities import importer
from activities.models import Activity
from tests.activities.factories import SpokenLanguageFactory, ThemeFactory, VenueFactory
from tests.factories import OrganisationFactory, ParentFactory, log_in, make_partner, make_staff

IMPORT_URL = "/admin/activities/import/"
TEMPLATE_URL = "/admin/activities/import/template.csv"
START = (datetime.date.today() + datetime.timedelta(days=14)).isoformat()
END = (datetime.date.today() + datetime.timedelta(days=120)).isoformat()

HEADER = (
    "title_nl;title_fr;summary_nl;summary_fr;pillar;themes;for_children;min_age;max_age;schedule_kind;"
    "start_date;end_date;weekdays;start_time;end_time;venue;is_online;price_unit;price;reduced_price;"
    "reduced_schemes;join_mode;capacity;languages;contact_phone;contact_email"
)


def row(**values):
    defaults = {
        "title_nl": "Huiswerkklas",
        "title_fr": "École de devoirs",
        "summary_nl": "Samen huiswerk maken.",
        "summary_fr": "Faire ses devoirs ensemble.",
        "pillar": "extended_learning",
        "themes": "huiswerk",
        "for_children": "ja",
        "min_age": "8",
        "max_age": "12",
        "schedule_kind": "weekly",
        "start_date": START,
        "end_date": END,
        "weekdays": "mon|wed",
        "start_time": "16:00",
        "end_time": "17:30",
        "venue": "Zaal A",
        "is_online": "nee",
        "price_unit": "term",
        "price": "25,50",
        "reduced_price": "5",
        "reduced_schemes": "uitpas|article27",
        "join_mode": "registration",
        "capacity": "12",
        "languages": "nl|ar",
        "contact_phone": "+32 2 123 45 67",
        "contact_email": "info@debrug.example.org",
    }
    defaults.update(values)
    return ";".join(defaults[name] for name in HEADER.split(";"))


def csv_file(*rows, header=HEADER, encoding="utf-8", name="activiteiten.csv"):
    return SimpleUploadedFile(name, "\n".join([header, *rows]).encode(encoding), content_type="text/csv")


@pytest.fixture
def world(db):
    org_a = OrganisationFactory(name="De Brug")
    org_b = OrganisationFactory(name="Le Pont")
    ThemeFactory(slug="huiswerk")
    ThemeFactory(slug="muziek")
    SpokenLanguageFactory(code="nl")
    SpokenLanguageFactory(code="ar", name_nl="Arabisch", name_fr="arabe", name_en="Arabic")
    return {
        "org_a": org_a,
        "org_b": org_b,
        "venue_a": VenueFactory(organisation=org_a, name="Zaal A"),
        "venue_b": VenueFactory(organisation=org_b, name="Salle B"),
        "partner_a": make_partner(org_a),
        "moderator": make_staff(MODERATOR, email="moderator@example.org"),
        "editor": make_staff(EDITOR),
        "parent": ParentFactory(),
    }


def upload(client, world, file, organisation="org_a", submit=True):
    data = {"organisation": world[organisation].pk, "file": file}
    if submit:
        data["submit_for_review"] = "on"
    return client.post(IMPORT_URL, data)


def errors_of(response):
    return response.context["result"].errors


# --- who may import -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "role, allowed", [("partner_a", True), ("moderator", True), ("editor", True), ("parent", False)]
)
def test_who_may_open_the_import_page(client, world, role, allowed):
    log_in(client, world[role])
    response = client.get(IMPORT_URL)
    assert (response.status_code == 200) is allowed
    assert (client.get(TEMPLATE_URL).status_code == 200) is allowed


def test_a_partner_imports_only_for_their_own_organisation(client, world):
    log_in(client, world["partner_a"])
    form = client.get(IMPORT_URL).context["form"]
    assert list(form.fields["organisation"].queryset) == [world["org_a"]]
    response = upload(client, world, csv_file(row(venue="Salle B")), organisation="org_b")
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not Activity.objects.exists()


# --- a good file --------------------------------------------------------------------------------------


def test_a_good_file_creates_drafts_sent_for_review(client, world):
    from django.core import mail

    log_in(client, world["partner_a"])
    response = upload(client, world, csv_file(row(), row(title_nl="Muziekatelier", themes="muziek|huiswerk")))
    assert response.status_code == 302
    activities = Activity.objects.order_by("pk")
    assert [a.title_nl for a in activities] == ["Huiswerkklas", "Muziekatelier"]
    first = activities[0]
    assert first.organisation == world["org_a"]
    assert first.venue == world["venue_a"]
    assert not first.live
    assert first.status == "in_review"
    assert first.weekdays == 0b101
    assert str(first.price) == "25.50"
    assert first.reduced_schemes == ["uitpas", "article27"]
    assert first.title_fr == "École de devoirs"
    assert {language.code for language in first.spoken_languages.all()} == {"nl", "ar"}
    assert {theme.slug for theme in activities[1].themes.all()} == {"muziek", "huiswerk"}
    assert first.latest_revision is not None
    assert WorkflowState.objects.filter(status="in_progress").count() == 2
    assert not Activity.objects.published().exists()
    assert any("moderator@example.org" in message.to for message in mail.outbox)


def test_imported_activities_can_stay_drafts(client, world):
    log_in(client, world["partner_a"])
    assert upload(client, world, csv_file(row()), submit=False).status_code == 302
    activity = Activity.objects.get()
    assert activity.status == "draft"
    assert not WorkflowState.objects.exists()


def test_excel_files_in_windows_1252_with_commas_are_read(client, world):
    log_in(client, world["partner_a"])
    header = HEADER.replace(";", ",")
    line = row(title_fr="Atelier créatif", price="25.50").replace(";", ",")
    response = upload(client, world, csv_file(line, header=header, encoding="cp1252"))
    assert response.status_code == 302
    assert Activity.objects.get().title_fr == "Atelier créatif"


def test_utf8_with_bom_dates_as_excel_writes_them_and_empty_lines_are_fine(client, world):
    log_in(client, world["partner_a"])
    start = datetime.date.fromisoformat(START)
    file = SimpleUploadedFile(
        "a.csv",
        (
            "\ufeff"
            + HEADER
            + "\n"
            + row(start_date=start.strftime("%d/%m/%Y"), start_time="16:00:00")
            + "\n;;;\n\n"
        ).encode("utf-8"),
    )
    assert upload(client, world, file).status_code == 302
    assert Activity.objects.get().start_date == start


def test_an_online_activity_needs_no_venue(client, world):
    log_in(client, world["partner_a"])
    assert upload(client, world, csv_file(row(venue="", is_online="yes"))).status_code == 302
    assert Activity.objects.get().is_online


# --- bad rows -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values, column",
    [
        ({"pillar": "sport"}, "pillar"),
        ({"pillar": ""}, "pillar"),
        ({"themes": "knutselen"}, "themes"),
        ({"themes": ""}, "themes"),
        ({"start_date": "volgende week"}, "start_date"),
        ({"start_time": "vier uur"}, "start_time"),
        ({"min_age": "acht"}, "min_age"),
        ({"for_children": "misschien"}, "for_children"),
        ({"price": "gratis"}, "price"),
        ({"weekdays": "maandag|woensdag"}, "weekdays"),
        ({"weekdays": ""}, "weekdays"),
        ({"venue": "Salle B"}, "venue"),
        ({"venue": "", "is_online": "no"}, "venue"),
        ({"languages": "xx"}, "languages"),
        ({"reduced_schemes": "gratis"}, "reduced_schemes"),
        ({"min_age": "14", "max_age": "10"}, "max_age"),
        ({"end_date": ""}, "end_date"),
        ({"start_time": "18:00", "end_time": "17:00"}, "end_time"),
        ({"price_unit": "term", "price": "", "reduced_price": ""}, "price"),
        ({"capacity": ""}, "capacity"),
        ({"contact_email": "not-an-address"}, "contact_email"),
        ({"title_nl": ""}, "title_nl"),
        ({"title_nl": "x" * 121}, "title_nl"),
    ],
)
def test_each_bad_row_is_reported_with_its_line_and_column(client, world, values, column):
    log_in(client, world["partner_a"])
    response = upload(client, world, csv_file(row(), row(**values)))
    assert response.status_code == 200
    errors = errors_of(response)
    assert errors, "expected an error"
    assert {line for line, _message in errors} == {3}
    assert any(message.startswith(f"{column}:") for _line, message in errors), errors
    assert not Activity.objects.exists()


def test_all_bad_rows_are_listed_and_nothing_is_imported(client, world):
    log_in(client, world["partner_a"])
    response = upload(client, world, csv_file(row(pillar="x"), row(), row(themes="onbekend"), row()))
    lines = sorted({line for line, _message in errors_of(response)})
    assert lines == [2, 4]
    content = response.content.decode()
    assert "themes" in content and "onbekend" in content
    assert not Activity.objects.exists()
    assert not WorkflowState.objects.exists()


def test_a_failure_while_saving_leaves_nothing_behind(client, world, monkeypatch):
    from wagtail.models import Workflow

    def broken_start(self, obj, user):
        raise RuntimeError("mail server down")

    monkeypatch.setattr(Workflow, "start", broken_start)
    log_in(client, world["partner_a"])
    client.raise_request_exception = False
    response = upload(client, world, csv_file(row(), row()))
    assert response.status_code == 500
    assert not Activity.objects.exists()


# --- bad files ---------------------------------------------------------------------------------------------


def test_an_empty_file_is_refused(client, world):
    log_in(client, world["partner_a"])
    response = upload(client, world, SimpleUploadedFile("a.csv", b""))
    assert response.status_code == 200
    assert "file" in response.context["form"].errors


def test_a_file_with_only_blank_lines_is_refused(client, world):
    log_in(client, world["partner_a"])
    response = upload(client, world, SimpleUploadedFile("a.csv", b"\n\n  \n"))
    assert errors_of(response)
    assert not Activity.objects.exists()


def test_a_header_without_rows_is_refused(client, world):
    log_in(client, world["partner_a"])
    response = upload(client, world, csv_file())
    assert errors_of(response)


def test_a_file_in_another_encoding_is_refused_with_advice(client, world):
    log_in(client, world["partner_a"])
    response = upload(client, world, csv_file(row(), encoding="utf-16"))
    assert response.status_code == 200
    [(line, message)] = errors_of(response)
    assert "CSV UTF-8" in message
    assert not Activity.objects.exists()


def test_unknown_and_missing_columns_are_named(client, world):
    log_in(client, world["partner_a"])
    response = upload(client, world, csv_file(row(), header=HEADER.replace("title_nl", "titel")))
    [(line, message)] = errors_of(response)
    assert "titel" in message
    response = upload(client, world, csv_file("x;y", header="title_nl;summary_nl"))
    [(line, message)] = errors_of(response)
    assert "pillar" in message and "start_date" in message


def test_too_many_rows_are_refused(client, world, monkeypatch):
    monkeypatch.setattr(importer, "MAX_ROWS", 3)
    log_in(client, world["partner_a"])
    response = upload(client, world, csv_file(*[row()] * 4))
    [(line, message)] = errors_of(response)
    assert "3" in message
    assert not Activity.objects.exists()


def test_a_file_over_2_mb_is_refused(client, world):
    log_in(client, world["partner_a"])
    big = SimpleUploadedFile("a.csv", HEADER.encode() + b"\n" + b"x" * (2 * 1024 * 1024 + 1))
    response = upload(client, world, big)
    assert "file" in response.context["form"].errors
    assert not Activity.objects.exists()


# --- the template -------------------------------------------------------------------------------------------


def test_the_template_has_every_column_and_imports_as_it_is(client, world):
    log_in(client, world["partner_a"])
    response = client.get(TEMPLATE_URL)
    assert response["Content-Type"].startswith("text/csv")
    content = response.content
    assert content.startswith("\ufeff".encode())
    header, example = content.decode("utf-8-sig").splitlines()
    assert header.split(";") == importer.COLUMN_NAMES
    assert "Zaal A" in example
    response = upload(client, world, SimpleUploadedFile("template.csv", content))
    assert response.status_code == 302
    assert Activity.objects.get().venue == world["venue_a"]


def test_the_import_page_documents_the_columns_in_the_persons_language(client, world):
    log_in(client, world["partner_a"])
    content = client.get(IMPORT_URL).content.decode()
    for name in importer.COLUMN_NAMES:
        assert f"<code>{name}</code>" in content
