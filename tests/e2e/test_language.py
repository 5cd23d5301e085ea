"""A visitor finds the site in their browser's language and switches language on any page."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from tests.e2e.conftest import visit

pytestmark = pytest.mark.parametrize("browser_locale", ["fr-BE"])


def language_switcher(page):
    switcher = page.get_by_role("navigation").filter(has=page.locator("a[hreflang]"))
    expect(switcher).to_have_attribute("aria-label", re.compile(r"\S"))
    return switcher


def expect_page(page, path, lang, heading):
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def test_browser_language_then_switcher(page, demo):
    visit(page, "/")
    expect_page(page, "/fr/", "fr", "Ensemble autour de chaque enfant")
    expect(language_switcher(page).locator("[aria-current]")).to_have_text("Français")

    dutch = language_switcher(page).get_by_role("link", name="Nederlands")
    expect(dutch).to_have_attribute("hreflang", "nl")
    dutch.click()
    expect_page(page, "/nl/", "nl", "Samen rond elk kind")

    visit(page, "/fr/a-propos/")
    expect_page(page, "/fr/a-propos/", "fr", "À propos de Village")
    language_switcher(page).get_by_role("link", name="English").click()
    expect_page(page, "/en/about/", "en", "About Village")


def test_unknown_page_is_a_translated_404(page, demo):
    response = visit(page, "/fr/does-not-exist/")
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    # The interface's own words come from the French catalogue, the menu and footer from the content.
    with translation.override("fr"):
        expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Page not found"))
    expect(page.get_by_role("navigation").get_by_role("link", name="À propos de Village")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("contre le décrochage scolaire")
    expect(page.get_by_role("main").get_by_role("link", name="Aller à la page d'accueil")).to_have_attribute(
        "href", "/fr/"
    )
