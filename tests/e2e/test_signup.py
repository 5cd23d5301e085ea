"""A parent signs up, confirms their e-mail address and logs in; a child too young is told why not."""

import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from accounts.models import AccountType, User, current_year
from tests.e2e.conftest import links_in, mails_to, visit

PASSWORD = "a-long-test-password"


def fill_signup(page, *, name, account_type, email, birth_year=None):
    page.get_by_label(gettext("First name or nickname")).fill(name)
    page.get_by_label(account_type).check()
    if birth_year is not None:
        page.get_by_label(gettext("Birth year (young people only)")).fill(str(birth_year))
    page.get_by_label(gettext("Email")).fill(email)
    page.get_by_label(re.compile(rf"^{re.escape(gettext('Password'))}\W*$")).fill(PASSWORD)
    page.get_by_label(gettext("Password (again)")).fill(PASSWORD)
    page.get_by_label(gettext("I have read how Village handles my data (privacy page).")).check()
    page.get_by_role("button", name=gettext("Sign Up")).click()


def main_menu(page):
    return page.get_by_role("navigation", name=gettext("Main menu"))


def test_parent_signs_up_confirms_email_and_logs_in(page, site_root, mailoutbox):
    # The browser asks for Dutch (the default locale); the person chose the English pages.
    with translation.override("en"):
        visit(page, "/en/accounts/signup/")
        fill_signup(
            page, name="Samira", account_type=gettext("A parent or carer"), email="samira@example.org"
        )
        expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Verify Your Email Address"))

        [message] = mails_to(mailoutbox, "samira@example.org")
        assert message.to == ["samira@example.org"]
        assert gettext("Please Confirm Your Email Address") in message.subject
        [link] = [link for link in links_in(message) if "/en/accounts/confirm-email/" in link]
        user = User.objects.get(email="samira@example.org")
        assert (user.display_name, user.account_type, user.preferred_language) == (
            "Samira",
            AccountType.PARENT,
            "en",
        )

        visit(page, link)
        page.get_by_role("button", name=gettext("Confirm")).click()
        expect(main_menu(page).get_by_role("link", name=gettext("My Village"))).to_be_visible()

        main_menu(page).get_by_role("button", name=gettext("Log out")).click()
        expect(main_menu(page).get_by_role("link", name=gettext("Log in"))).to_be_visible()

        visit(page, "/en/accounts/login/")
        page.get_by_label(gettext("Email")).fill("samira@example.org")
        page.get_by_label(re.compile(rf"^{re.escape(gettext('Password'))}\W*$")).fill(PASSWORD)
        page.get_by_role("button", name=gettext("Sign In")).click()
        expect(page).to_have_url(re.compile(r"/en/me/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(
            gettext("Hello %(name)s") % {"name": "Samira"}
        )


def test_child_too_young_gets_a_translated_error_and_no_account(page, site_root, mailoutbox):
    with translation.override("fr"):
        visit(page, "/fr/accounts/signup/")
        min_age = settings.VILLAGE_YOUTH_MIN_AGE
        young_person = gettext("A young person (%(age)s or older)") % {"age": min_age}
        fill_signup(
            page,
            name="Lina",
            account_type=young_person,
            email="lina@example.org",
            birth_year=current_year() - 8,
        )

        birth_year = page.get_by_label(gettext("Birth year (young people only)"))
        expect(birth_year).to_have_attribute("aria-invalid", "true")
        error = page.locator("#" + birth_year.get_attribute("aria-describedby").split()[0])
        too_young = gettext(
            "You can make your own account from the age of %(age)s. Until then, a parent "
            "can register you, or you can take part in a workshop without an account."
        )
        expect(error).to_have_text(too_young % {"age": min_age})
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        expect(page.get_by_role("alert")).to_be_visible()
    assert not User.objects.filter(email="lina@example.org").exists()
    assert mailoutbox == []
