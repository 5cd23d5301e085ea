"""Who reaches the Wagtail admin, role by role."""

import pytest

from accounts.roles import COORDINATOR, EDITOR, MODERATOR
from tests.factories import ParentFactory, YouthFactory, make_partner, make_staff

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "make, admin_allowed",
    [
        (ParentFactory, False),
        (YouthFactory, False),
        (lambda: make_staff(COORDINATOR), True),
        (make_partner, True),
        (lambda: make_staff(MODERATOR), True),
        (lambda: make_staff(EDITOR), True),
    ],
)
def test_admin_by_role(client, site_root, make, admin_allowed):
    client.force_login(make())
    response = client.get("/admin/")
    assert (response.status_code == 200) is admin_allowed


def test_editors_edit_pages_and_footer_partners_do_not(client, site_root):
    client.force_login(make_staff(EDITOR))
    assert client.get(f"/admin/pages/{site_root.pk}/edit/").status_code == 200
    assert client.get("/admin/settings/village/footersettings/").status_code in (200, 302)
    client.force_login(make_partner())
    assert client.get(f"/admin/pages/{site_root.pk}/edit/").status_code in (302, 403)
    assert client.get("/admin/snippets/organisations/organisation/").status_code in (302, 403)


def test_editors_fill_every_language_of_the_footer_and_organisations(client, site_root):
    from tests.factories import OrganisationFactory

    client.force_login(make_staff(EDITOR))
    html = client.get("/admin/settings/village/footersettings/", follow=True).content.decode()
    for code in ("nl", "fr", "en"):
        assert f'name="about_{code}"' in html
    organisation = OrganisationFactory()
    html = client.get(f"/admin/snippets/organisations/organisation/edit/{organisation.pk}/").content.decode()
    for code in ("nl", "fr", "en"):
        assert f'name="description_{code}"' in html
