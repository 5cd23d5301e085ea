"""The "Activity review" workflow: partners submit activities; Moderators or Editors approve
them (see activities.permissions). The groups' permissions come after migrate
(accounts.roles.ensure_role_groups).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from activities.permissions import ensure_review_workflow

    ensure_review_workflow(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    # Reversing leaves the workflow in place: removing it could strand activities that are
    # waiting for review.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
