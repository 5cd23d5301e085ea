"""The roles of the domain (see shared/docs/domain.md) and the Wagtail groups behind staff roles.

Roles are not exclusive: a youth worker can also be a parent. Parent and youth come from the
account type chosen at sign-up; partner from membership of an approved organisation;
coordinator, moderator and editor from membership of the matching group, which also carries
the Wagtail admin permissions of that role: each app declares them (GROUP_PERMISSIONS, see
PERMISSION_DECLARATIONS) and ensure_role_groups grants them all after every migrate.
"""

from dataclasses import dataclass, field
from functools import reduce
from importlib import import_module
from operator import or_

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models import Q
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import create_extra_permissions

PARENT = "parent"
YOUTH = "youth"
PARTNER = "partner"
COORDINATOR = "coordinator"
MODERATOR = "moderator"
EDITOR = "editor"

ROLE_LABELS = {
    PARENT: _("Parent"),
    YOUTH: _("Youth"),
    PARTNER: _("Partner"),
    COORDINATOR: _("Coordinator"),
    MODERATOR: _("Moderator"),
    EDITOR: _("Editor"),
}

# Staff roles are Wagtail groups (partners are put in theirs when their organisation is approved).
ROLE_GROUPS = {
    PARTNER: "Partners",
    COORDINATOR: "Coordinators",
    MODERATOR: "Moderators",
    EDITOR: "Editors",
}


@dataclass(frozen=True)
class Grants:
    """What a staff group needs in the admin. Every permission is "app_label.codename"."""

    # Model permissions: Django's and Wagtail's (access_admin, publish_activity...).
    permissions: tuple[str, ...] = ()
    # Image and document permissions on the root collection, so on every collection.
    collection_permissions: tuple[str, ...] = ()
    # Page permissions on the root page, so on every page.
    all_pages: tuple[str, ...] = ()
    # Page permissions on every page of a type ("participation.TrackIndexPage"), so on the pages
    # below it: editors create such pages in the admin, and each one gets them when created.
    pages_of_type: dict[str, tuple[str, ...]] = field(default_factory=dict)


# The modules that declare, each in a GROUP_PERMISSIONS {group name: Grants}, what the staff
# groups need for their app. ensure_role_groups grants all of it.
PERMISSION_DECLARATIONS = [
    "accounts.roles",
    "organisations.permissions",
    "activities.permissions",
    "participation.permissions",
]
# Set-ups that name the groups, run after the grants (with using= and apps=).
AFTER_GRANTS = ["activities.permissions.ensure_review_workflow"]

# The site-wide part: the admin, the CMS pages, pictures and documents, the footer.
GROUP_PERMISSIONS = {
    ROLE_GROUPS[PARTNER]: Grants(permissions=("wagtailadmin.access_admin",)),
    ROLE_GROUPS[MODERATOR]: Grants(permissions=("wagtailadmin.access_admin",)),
    ROLE_GROUPS[EDITOR]: Grants(
        permissions=(
            "wagtailadmin.access_admin",
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
            "village.change_footersettings",
        ),
        all_pages=(
            "wagtailcore.add_page",
            "wagtailcore.change_page",
            "wagtailcore.publish_page",
            "wagtailcore.lock_page",
            "wagtailcore.unlock_page",
        ),
    ),
}


def roles_of(user):
    if not user.is_authenticated:
        return []
    from .models import AccountType

    group_names = set(user.groups.values_list("name", flat=True))
    found = []
    if user.account_type == AccountType.PARENT:
        found.append(PARENT)
    if user.account_type == AccountType.YOUTH:
        found.append(YOUTH)
    if user.organisation_memberships.filter(organisation__status="approved").exists():
        found.append(PARTNER)
    for role in (COORDINATOR, MODERATOR, EDITOR):
        if ROLE_GROUPS[role] in group_names or (role == EDITOR and user.is_superuser):
            found.append(role)
    return found


def declared_grants():
    """[(group name, Grants)] of every module in PERMISSION_DECLARATIONS, in that order."""
    return [
        (group_name, grants)
        for module in PERMISSION_DECLARATIONS
        for group_name, grants in import_module(module).GROUP_PERMISSIONS.items()
    ]


def ensure_role_groups(app_config=None, using="default", apps=global_apps, **kwargs):
    """The staff groups with all that is declared for them, then AFTER_GRANTS. Idempotent.

    Runs after every migrate and flush (post_migrate of accounts), so a fresh production
    database has it all without the demo. A declared permission that does not exist is skipped
    here (a partial migrate may not have it yet); tests/accounts/test_roles.py checks them all.
    """
    Group = apps.get_model("auth", "Group")
    # The other apps' post_migrate may not have run yet: their permissions first.
    for config in global_apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using, apps=apps)
    create_extra_permissions(global_apps.get_app_config("wagtailsnippets"), using=using, apps=apps)
    for group_name in ROLE_GROUPS.values():
        Group.objects.using(using).get_or_create(name=group_name)
    for group_name, grants in declared_grants():
        group = Group.objects.using(using).get_or_create(name=group_name)[0]
        group.permissions.add(*_permissions(grants.permissions, using, apps))
        _grant_on_collections(group, grants.collection_permissions, using, apps)
        _grant_on_pages(group, grants.all_pages, _root_page_ids(using, apps), using, apps)
        for page_type, labels in grants.pages_of_type.items():
            _grant_on_pages(group, labels, _page_ids_of_type(page_type, using, apps), using, apps)
    for path in AFTER_GRANTS:
        import_string(path)(using=using, apps=apps)


def page_types_with_grants():
    """The page models that the declarations name in pages_of_type."""
    return {
        global_apps.get_model(page_type)
        for _, grants in declared_grants()
        for page_type in grants.pages_of_type
    }


def grant_on_new_page(sender, instance, created, raw=False, using="default", **kwargs):
    """post_save of a page type in pages_of_type: the groups get their rights on the new page."""
    if not created or raw:
        return
    Group = global_apps.get_model("auth", "Group")
    for group_name, grants in declared_grants():
        for page_type, labels in grants.pages_of_type.items():
            if isinstance(instance, global_apps.get_model(page_type)):
                group = Group.objects.using(using).get_or_create(name=group_name)[0]
                _grant_on_pages(group, labels, [instance.pk], using, global_apps)


def _permissions(labels, using, apps):
    """The Permission rows of "app_label.codename" labels (those that exist)."""
    if not labels:
        return []
    Permission = apps.get_model("auth", "Permission")
    wanted = [label.split(".") for label in labels]
    query = reduce(or_, (Q(content_type__app_label=app, codename=codename) for app, codename in wanted))
    return list(Permission.objects.using(using).filter(query))


def _grant_on_collections(group, labels, using, apps):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.using(using).filter(depth=1).first()
    if root is None:
        return
    for permission in _permissions(labels, using, apps):
        GroupCollectionPermission.objects.using(using).get_or_create(
            group=group, collection=root, permission=permission
        )


def _root_page_ids(using, apps):
    Page = apps.get_model("wagtailcore", "Page")
    return list(Page.objects.using(using).filter(depth=1).values_list("pk", flat=True))


def _page_ids_of_type(page_type, using, apps):
    try:
        model = apps.get_model(page_type)
    except LookupError:  # not migrated yet
        return []
    return list(model.objects.using(using).values_list("pk", flat=True))


def _grant_on_pages(group, labels, page_ids, using, apps):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    permissions = _permissions(labels, using, apps) if page_ids else []
    for page_id in page_ids:
        for permission in permissions:
            GroupPagePermission.objects.using(using).get_or_create(
                group=group, page_id=page_id, permission=permission
            )
