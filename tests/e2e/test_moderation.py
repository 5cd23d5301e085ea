"""A moderator approves a young person's held idea in the queue and answers it with a status;
the author, logged in on her phone, sees her idea public with its new status and is notified."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from accounts.models import current_year
from accounts.roles import MODERATOR
from participation import services
from tests.e2e.conftest import assert_accessible, mails_to, visit
from tests.factories import PASSWORD, YouthFactory, make_staff
from tests.participation.factories import make_track

pytestmark = pytest.mark.parametrize("browser_locale", ["en-GB"])


def log_in(page, email):
    visit(page, "/en/accounts/login/")
    page.get_by_label(gettext("Email")).fill(email)
    page.get_by_label(re.compile(rf"^{re.escape(gettext('Password'))}\W*$")).fill(PASSWORD)
    page.get_by_role("button", name=gettext("Sign In")).click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def test_moderator_approves_a_held_idea_and_the_author_is_told(page, site_root, mailoutbox):
    track = make_track(title_en="A better square", slug_en="a-better-square")
    author = YouthFactory(display_name="Amira", birth_year=current_year() - 13, preferred_language="en")
    moderator = make_staff(MODERATOR, display_name="Mo", preferred_language="en")
    idea = services.post_idea(
        track=track,
        title="Water fountain on the square",
        body="It is hot in summer.",
        language="en",
        author=author,
    )
    assert idea.is_held

    with translation.override("en"):
        # The author sees her own idea waiting.
        log_in(page, author.email)
        visit(page, idea.get_absolute_url())
        expect(page.get_by_text("Waiting for review").first).to_be_visible()
        page.context.clear_cookies()

        # The moderator finds it in the queue, with why it is held, and approves it.
        log_in(page, moderator.email)
        visit(page, "/admin/moderation/")
        entry = page.get_by_role("region", name=re.compile("Water fountain on the square"))
        expect(entry).to_contain_text("Written by a child or a young person: always reviewed")
        expect(entry).to_contain_text("12 to 14")
        entry.get_by_label("Approve: everybody can see it").check()
        entry.get_by_label(re.compile("Reason")).fill("Thank you Amira, a good idea!")
        entry.get_by_role("button", name="Save the decision").click()
        expect(page.get_by_text("Approved: everybody can see it now.")).to_be_visible()
        expect(page.get_by_role("region", name=re.compile("Water fountain on the square"))).to_have_count(0)

        # ... and gives it a status, on the idea's page.
        visit(page, idea.get_absolute_url())
        page.get_by_role("link", name="Give a status").click()
        page.get_by_label("Under consideration").check()
        page.get_by_label(re.compile(r"Explanation in English \(the language of the idea\)")).fill(
            "We ask the city about a fountain in June."
        )
        page.get_by_role("button", name="Save and tell them").click()
        expect(page.get_by_text("We ask the city about a fountain in June.")).to_be_visible()
        page.context.clear_cookies()

        # The author: public now, with its status, a notification and e-mails.
        log_in(page, author.email)
        nav = page.get_by_role("navigation", name=gettext("Main menu"))
        expect(nav.get_by_role("link", name=re.compile(r"Notifications \(2 new\)"))).to_be_visible()
        visit(page, idea.get_absolute_url())
        expect(page.get_by_text("Waiting for review")).to_have_count(0)
        expect(page.get_by_text("Under consideration").first).to_be_visible()
        expect(page.get_by_text("We ask the city about a fountain in June.")).to_be_visible()
        nav.get_by_role("link", name=re.compile("Notifications")).click()
        expect(
            page.get_by_role("heading", name=re.compile("Your contribution is public: Water fountain"))
        ).to_be_visible()
        expect(
            page.get_by_role("heading", name=re.compile("Water fountain on the square: Under consideration"))
        ).to_be_visible()
        assert_accessible(page)
        page.get_by_role("button", name="Mark all as read").click()
        expect(nav.get_by_role("link", name=re.compile(r"new\)"))).to_have_count(0)

    subjects = [message.subject for message in mails_to(mailoutbox, author.email)]
    assert any("Your contribution is public" in subject for subject in subjects)
