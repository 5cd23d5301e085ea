import pytest
from django.utils import translation

from village.models import HomePage, StandardPage
from village.panels import missing_translations

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "accept, expected",
    [("fr-BE,fr;q=0.9", "/fr/"), ("en-GB,en;q=0.8", "/en/"), ("nl", "/nl/"), ("de-DE", "/nl/")],
)
def test_root_sends_visitors_to_their_browser_language(client, site_root, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_remembers_the_language_last_chosen(client, site_root):
    client.get("/en/")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Location"] == "/en/"


@pytest.mark.parametrize("language", ["nl", "fr", "en"])
def test_pages_declare_their_language(client, demo, language):
    for path in {
        "nl": ["/nl/", "/nl/over-village/", "/nl/privacy/"],
        "fr": ["/fr/", "/fr/a-propos/", "/fr/privacy/"],
        "en": ["/en/", "/en/about/", "/en/privacy/"],
    }[language]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert f'<html lang="{language}">' in response.content.decode()


def test_language_switcher_leads_to_the_same_cms_page_in_each_language(client, demo):
    html = client.get("/fr/a-propos/").content.decode()
    assert 'href="/nl/over-village/" hreflang="nl"' in html
    assert 'href="/en/about/" hreflang="en"' in html
    assert 'aria-current="true" lang="fr"' in html


def test_language_switcher_on_a_django_view_keeps_the_view_and_query(client, site_root):
    html = client.get("/en/accounts/login/?next=/en/me/").content.decode()
    assert (
        'href="/nl/accounts/login/?next=/en/me/"' in html
        or 'href="/nl/accounts/login/?next=%2Fen%2Fme%2F"' in html
    )


@pytest.mark.parametrize(
    "path, text",
    [
        ("/nl/bestaat-niet/", "Pagina niet gevonden"),
        ("/fr/n-existe-pas/", "Page introuvable"),
        ("/en/does-not-exist/", "Page not found"),
    ],
)
def test_unknown_pages_get_a_translated_404(client, site_root, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_unknown_language_prefix_gets_a_404_in_the_browser_language(client, site_root):
    response = client.get("/de/seite/", HTTP_ACCEPT_LANGUAGE="fr", follow=True)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_translated_content_falls_back_to_dutch_when_empty(site_root):
    page = StandardPage(
        title_nl="Over ons", slug_nl="over-ons", intro_nl="Alleen in het Nederlands", intro_fr=""
    )
    site_root.add_child(instance=page)
    with translation.override("fr"):
        assert StandardPage.objects.get(pk=page.pk).intro == "Alleen in het Nederlands"
    page.intro_fr = "En français"
    page.save()
    with translation.override("fr"):
        assert StandardPage.objects.get(pk=page.pk).intro == "En français"


def test_editors_see_which_languages_are_still_empty(site_root):
    page = StandardPage(
        title_nl="Over ons",
        title_fr="À propos",
        slug_nl="over-ons",
        slug_fr="a-propos",
        intro_nl="Tekst",
        intro_fr="Texte",
    )
    site_root.add_child(instance=page)
    with translation.override("en"):
        missing = missing_translations(page)
    assert set(missing) == {"en"}
    assert "introduction" in missing["en"]
    assert "title" in missing["en"]


def test_home_page_presents_the_three_parts(client, demo):
    html = client.get("/en/").content.decode()
    for heading in ["Activities after school", "Your idea counts", "Learning networks"]:
        assert heading in html
    assert HomePage.objects.count() == 1
