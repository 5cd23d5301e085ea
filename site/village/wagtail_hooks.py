import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks
from wagtail_modeltranslation import wagtail_hooks as wmt_hooks


@hooks.register("insert_global_admin_css")
def admin_css():
    """Readable colours and a visible focus ring for wagtail-modeltranslation's language picker
    (its own stylesheet has 1.4:1 contrast and removes the outline)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_without_inline_scripts():
    """Runs what the inline scripts of Wagtail's widgets and panels ran (see static/js/admin-csp.js)."""
    return format_html('<script src="{}"></script>', static("js/admin-csp.js"))


def _modeltranslation_settings():
    """wagtail-modeltranslation's editor settings, which it writes as an inline script that the
    Content-Security-Policy forbids; here they travel in a data attribute instead."""
    from modeltranslation import settings as mt_settings
    from wagtail_modeltranslation import settings as wmt_settings

    default = wmt_settings.LOCALE_PICKER_DEFAULT
    return {
        "languages": [code for code, _name in settings.LANGUAGES],
        "defaultLanguage": mt_settings.DEFAULT_LANGUAGE,
        "viewEditString": gettext("View / edit fields for"),
        "translate_slugs": bool(wmt_settings.TRANSLATE_SLUGS),
        "locale_picker_default": list(default) if default is not None else [mt_settings.DEFAULT_LANGUAGE],
        "locale_picker_restore": bool(wmt_settings.LOCALE_PICKER_RESTORE),
    }


@hooks.register("insert_editor_js", order=-1)
def modeltranslation_settings():
    return format_html(
        '<script src="{}" data-wmt="{}" data-wmt-only="true"></script>',
        static("js/admin-csp.js"),
        json.dumps(_modeltranslation_settings()),
    )


# Replaced by modeltranslation_settings above.
hooks._hooks["insert_editor_js"] = [
    (fn, order)
    for fn, order in hooks._hooks.get("insert_editor_js", [])
    if fn is not wmt_hooks.translation_settings
]
