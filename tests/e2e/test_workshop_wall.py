"""A child joins a workshop with its code on a phone, posts an idea; a moderator approves it; it
appears on the idea wall (open on the projector) without a reload, and the child's page tells
the child that the idea is on the wall."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from accounts import roles
from participation import moderation_services
from participation.models import Idea, Moderation
from tests.e2e.conftest import assert_accessible, visit
from tests.factories import OrganisationFactory, make_staff
from tests.participation.factories import make_track, make_workshop

LANGUAGES = {"nl-BE": "nl", "fr-BE": "fr", "en-GB": "en"}


def labelled(label):
    """A field's label exactly (Django adds a colon)."""
    return re.compile(rf"^{re.escape(gettext(label))}\W*$")


@pytest.mark.parametrize("browser_locale", ["nl-BE", "fr-BE"])
def test_child_posts_an_idea_and_it_appears_on_the_wall_once_approved(page, browser_locale):
    language = LANGUAGES[browser_locale]
    track = make_track(organisation=OrganisationFactory())
    workshop = make_workshop(track, title="5de leerjaar")
    moderator = make_staff(roles.MODERATOR)

    with translation.override(language):
        # The projector shows the workshop's wall: live, still empty.
        wall = page.context.new_page()
        wall._village_auditor = page._village_auditor
        wall.set_viewport_size({"width": 1280, "height": 800})
        visit(wall, f"/{language}/participation/workshop/{workshop.code}/wall/")
        expect(wall.get_by_role("status").filter(has_text=gettext("Live"))).to_be_visible()
        cards = wall.locator("[data-wall-list] > li")
        expect(cards).to_have_count(0)

        # The child types the code as they read it, in lower case with a space.
        visit(page, f"/{language}/participation/join/")
        page.get_by_label(gettext("Code")).fill(workshop.code[:3].lower() + " " + workshop.code[3:].lower())
        page.get_by_role("button", name=gettext("Go")).click()
        expect(page).to_have_url(re.compile(rf"/{language}/participation/join/{workshop.code}/$"))
        page.get_by_label(gettext("Your nickname")).fill("Zeester")
        page.get_by_role("button", name=gettext("Let's go")).click()
        expect(page).to_have_url(re.compile(rf"/{language}/participation/workshop/{workshop.code}/$"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("Zeester")

        page.locator("main form").get_by_label(gettext("My idea")).fill("Een moestuin op de speelplaats")
        page.get_by_role("button", name=gettext("Send my idea")).click()
        expect(
            page.get_by_text(
                gettext("Your idea is waiting for a grown-up to check it. Then it goes on the wall.")
            )
        ).to_be_visible()
        mine = page.get_by_role("region", name=gettext("My ideas")).get_by_role("listitem")
        expect(mine).to_have_count(1)
        expect(mine).to_contain_text(gettext("A grown-up will check it soon"))
        assert_accessible(page)

        idea = Idea.objects.get()
        assert idea.moderation == Moderation.PENDING and idea.participant.nickname == "Zeester"
        # Held: not on the wall.
        wall.wait_for_timeout(300)
        expect(cards).to_have_count(0)

        # A moderator approves it (the moderation part's service, as the queue's button does).
        moderation_services.approve(idea, moderator, reason="")

        # It appears on the wall without a reload.
        expect(cards).to_have_count(1, timeout=10_000)
        card = cards.first
        expect(card.get_by_role("heading", name="Een moestuin op de speelplaats")).to_be_visible()
        expect(card).to_contain_text("Zeester")
        expect(card).to_have_attribute("lang", language)
        assert_accessible(wall)

        # The child's page tells them, without a reload either.
        expect(mine).to_contain_text(gettext("On the wall"), timeout=20_000)
        assert_accessible(page)

        # Removed again: it disappears from the wall.
        moderation_services.remove(idea, moderator, reason="")
        expect(cards).to_have_count(0, timeout=10_000)
        wall.close()


def test_partner_opens_a_workshop_prints_the_sheet_and_types_in_a_group_idea(page):
    from tests.factories import PASSWORD, make_partner

    track = make_track(organisation=OrganisationFactory())
    partner = make_partner(organisation=track.organisation)

    with translation.override("en"):
        visit(page, "/en/accounts/login/")
        page.get_by_label(gettext("Email")).fill(partner.email)
        page.get_by_label(re.compile(rf"^{re.escape(gettext('Password'))}\W*$")).fill(PASSWORD)
        page.get_by_role("button", name=gettext("Sign In")).click()
        expect(page).not_to_have_url(re.compile(r"/accounts/login/"))

        # From the track's page.
        visit(page, track.url)
        page.get_by_role("link", name=gettext("Open a workshop")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(gettext("Open a workshop"))
        page.get_by_label(gettext("Name of the workshop")).fill("Class 5B")
        page.get_by_role("button", name=gettext("Open the workshop")).click()

        workshop = track.workshops.get()
        expect(page).to_have_url(re.compile(rf"/en/participation/workshop/{workshop.code}/facilitate/$"))
        expect(page.locator(".workshop-code")).to_have_text(workshop.code)
        expect(page.get_by_role("img", name=gettext("QR code: scan it to join the workshop"))).to_be_visible()

        page.get_by_role("link", name=gettext("Printable sheet")).click()
        expect(page.locator(".workshop-sheet .workshop-code")).to_have_text(workshop.code)
        page.get_by_role("link", name=gettext("Back to the workshop")).click()

        group = page.get_by_role("region", name=gettext("Type in an idea for a group"))
        group.get_by_label(labelled("Group")).fill("Class 5B")
        group.get_by_label(labelled("Number of children in the group")).fill("12")
        group.get_by_label(labelled("Age")).select_option("9_11")
        group.get_by_label(labelled("Idea")).fill("A tree house in the park")
        group.get_by_role("button", name=gettext("Save the group's idea")).click()
        expect(page.get_by_text(gettext("The group's idea is saved."))).to_be_visible()
        expect(page.get_by_text("A tree house in the park")).to_be_visible()
        idea = Idea.objects.get()
        assert (idea.on_behalf_group, idea.group_size, idea.workshop) == ("Class 5B", 12, workshop)

        # An adult's group idea is public at once: the wall shows it.
        visit(page, f"/en/participation/workshop/{workshop.code}/wall/")
        expect(page.locator("[data-wall-list] > li")).to_have_count(1)
        expect(page.get_by_role("status").filter(has_text=gettext("Live"))).to_be_visible()

        # Closing the workshop: the code now leads to the end page.
        visit(page, f"/en/participation/workshop/{workshop.code}/facilitate/")
        page.get_by_role("button", name=gettext("Close the workshop now")).click()
        expect(
            page.get_by_text(gettext("The workshop is closed. The code no longer lets anybody in."))
        ).to_be_visible()
        visit(page, f"/en/participation/join/{workshop.code}/")
        expect(page.get_by_role("link", name=gettext("See what happened with the ideas"))).to_be_visible()


def test_child_sends_a_drawing_instead_of_words(page):
    track = make_track()
    workshop = make_workshop(track)
    with translation.override("en"):
        visit(page, f"/en/participation/join/{workshop.code}/")
        page.get_by_label(labelled("Your nickname")).fill("Starfish")
        page.get_by_role("button", name=gettext("Let's go")).click()
        expect(page).to_have_url(re.compile(rf"/en/participation/workshop/{workshop.code}/$"))

        page.get_by_text(gettext("A drawing instead")).click()
        canvas = page.get_by_role("img", name=gettext("Drawing area: draw with your finger or the mouse"))
        expect(canvas).to_be_visible()
        page.get_by_role("button", name=gettext("Red")).click()
        expect(page.get_by_role("button", name=gettext("Red"))).to_have_attribute("aria-pressed", "true")
        box = canvas.bounding_box()
        page.mouse.move(box["x"] + 20, box["y"] + 20)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] - 20, box["y"] + box["height"] - 20, steps=10)
        page.mouse.up()
        assert_accessible(page)
        page.get_by_role("button", name=gettext("Send my idea")).click()
        expect(
            page.get_by_text(
                gettext("Your idea is waiting for a grown-up to check it. Then it goes on the wall.")
            )
        ).to_be_visible()

        idea = Idea.objects.get()
        expected = gettext("Drawing by %(nickname)s") % {"nickname": "Starfish"}
        assert (idea.title, idea.image_alt) == (expected, expected)
        expect(page.get_by_role("img", name=expected)).to_be_visible()

    from PIL import Image

    with Image.open(idea.image.path) as drawing:
        assert drawing.format == "PNG" and drawing.size == (800, 600)
        # Something red was drawn on the white page.
        colours = drawing.convert("RGB").getcolors(800 * 600)
        assert any(r > 150 and g < 90 and b < 90 for _count, (r, g, b) in colours)
