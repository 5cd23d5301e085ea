"""The staff groups' admin rights, as accounts.roles grants them from every app's declaration,
on a database that only migrations filled (no demo)."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowContentType,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from accounts.roles import COORDINATOR, EDITOR, ROLE_GROUPS, declared_grants
from participation.models import TrackIndexPage, TrackPage
from tests.factories import make_staff
from tests.participation.factories import make_track_index

pytestmark = pytest.mark.django_db


def _post_migrate():
    """What `migrate` does at its end: post_migrate with the models as migrations left them."""
    state_apps = MigrationLoader(connection).project_state().apps
    emit_post_migrate_signal(verbosity=0, interactive=False, db=connection.alias, apps=state_apps)


def _page_form(**fields):
    return nested_form_data({"action-publish": "action-publish", **fields})


def _track_index_form():
    return _page_form(
        title_nl="Meedenken",
        slug_nl="meedenken",
        title_fr="Donnez votre avis",
        slug_fr="donnez-votre-avis",
        title_en="Have your say",
        slug_en="have-your-say",
        intro_nl="Denk mee over je buurt.",
    )


def _track_form():
    return _page_form(
        title_nl="Ons plein",
        slug_nl="ons-plein",
        title_fr="Notre place",
        slug_fr="notre-place",
        title_en="Our square",
        slug_en="our-square",
        intro_nl="Wat wil je op het plein doen?",
        votes_per_participant=3,
        phases=inline_formset(
            [{"kind": "collecting", "start_date": "2030-01-01", "end_date": "2030-01-31"}], min=1
        ),
    )


def test_a_coordinator_adds_a_track_under_the_index_an_editor_created(client, site_root):
    client.force_login(make_staff(EDITOR))
    response = client.post(
        f"/admin/pages/add/participation/trackindexpage/{site_root.pk}/", _track_index_form()
    )
    assert response.status_code == 302, response.context["form"].errors
    index = TrackIndexPage.objects.get()

    client.force_login(make_staff(COORDINATOR))
    assert client.get("/admin/").status_code == 200
    add_url = f"/admin/pages/add/participation/trackpage/{index.pk}/"
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, _track_form())
    assert response.status_code == 302, response.context["form"].errors
    track = TrackPage.objects.get()
    assert track.live and track.get_parent().pk == index.pk
    # A picture for the track: the image chooser offers the site's images.
    image = Image.objects.create(
        title="Kinderen op het plein", description="Kinderen spelen", file=get_test_image_file()
    )
    assert image.title in client.get("/admin/images/chooser/").content.decode()


def test_coordinators_edit_tracks_only_not_the_other_pages(client, site_root):
    index = make_track_index()
    client.force_login(make_staff(COORDINATOR))
    assert client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{site_root.pk}/edit/").status_code == 302
    assert client.get(f"/admin/pages/add/village/standardpage/{site_root.pk}/").status_code == 302


def test_migrate_gives_coordinators_the_tracks_index_that_exists(site_root):
    index = make_track_index()
    coordinators = Group.objects.get(name=ROLE_GROUPS[COORDINATOR])
    GroupPagePermission.objects.filter(group=coordinators).delete()
    _post_migrate()
    granted = GroupPagePermission.objects.filter(group=coordinators, page=index)
    assert set(granted.values_list("permission__codename", flat=True)) == {
        "add_page",
        "change_page",
        "publish_page",
    }


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            ContentType,
            Permission,
            Group,
            Group.permissions.through,
            GroupPagePermission,
            GroupCollectionPermission,
            Workflow,
            Task,
            WorkflowContentType,
        )
    }


def test_running_the_set_up_again_adds_nothing(site_root):
    make_track_index()
    before = _counts()
    _post_migrate()
    _post_migrate()
    assert _counts() == before


def _labels(grants):
    page_labels = [label for labels in grants.pages_of_type.values() for label in labels]
    return [*grants.permissions, *grants.collection_permissions, *grants.all_pages, *page_labels]


def _codename(label):
    return label.split(".")[1]


def test_every_declared_permission_exists_and_is_granted(site_root):
    make_track_index()
    root = Page.get_first_root_node()
    for group_name, grants in declared_grants():
        group = Group.objects.get(name=group_name)
        for label in _labels(grants):
            app_label, codename = label.split(".")
            exists = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            assert exists.exists(), f"{group_name}: there is no permission {label}"
        for label in grants.permissions:
            assert group.permissions.filter(codename=_codename(label)).exists(), label
        for label in grants.collection_permissions:
            assert group.collection_permissions.filter(permission__codename=_codename(label)).exists()
        for label in grants.all_pages:
            assert group.page_permissions.filter(page=root, permission__codename=_codename(label))
        for page_type, labels in grants.pages_of_type.items():
            pages = apps.get_model(page_type).objects.all()
            assert pages and all(isinstance(page, Page) for page in pages), page_type
            for page in pages:
                for label in labels:
                    assert group.page_permissions.filter(page=page, permission__codename=_codename(label))
