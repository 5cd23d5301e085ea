"""An editor panel that says which languages of an item are still empty."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, Panel

# Computed by Wagtail from the slugs; never typed by an editor.
DERIVED_FIELDS = {"url_path"}


def missing_translations(instance):
    """{language code: [field verbose names]} for translated fields empty in that language.

    A field only counts as missing in a language when it is filled in at least one other
    language: an optional field nobody filled in is not a missing translation.
    """
    try:
        options = translator.get_options_for_model(type(instance))
    except NotRegistered:
        return {}
    languages = [code for code, _name in settings.LANGUAGES]
    missing = {code: [] for code in languages}
    for field_name in options.all_fields:
        if field_name in DERIVED_FIELDS:
            continue
        values = {
            code: getattr(instance, build_localized_fieldname(field_name, code), None) for code in languages
        }
        filled = {code for code, value in values.items() if _is_filled(value)}
        if not filled:
            continue
        label = instance._meta.get_field(field_name).verbose_name
        for code in languages:
            if code not in filled:
                missing[code].append(str(label))
    return {code: fields for code, fields in missing.items() if fields}


def _is_filled(value):
    if value is None:
        return False
    if hasattr(value, "raw_data"):  # StreamValue
        return len(value.raw_data) > 0
    return bool(str(value).strip())


class TranslationStatusPanel(Panel):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Translations"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "village/panels/translation_status.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            missing = missing_translations(self.instance) if self.instance.pk else {}
            names = dict(settings.LANGUAGES)
            context["missing"] = [(names[code], fields) for code, fields in missing.items()]
            return context


def per_language(*field_names):
    """One group per site language with that language's version of each translated field.

    wagtail-modeltranslation expands page panels but not those of snippets and settings, so
    the language columns are named here; its language picker (above the form) still shows
    and hides each group, as their labels end in [nl], [fr] or [en].
    """
    names = dict(settings.LANGUAGES)
    return [
        MultiFieldPanel([FieldPanel(f"{name}_{code}") for name in field_names], heading=names[code])
        for code in names
    ]
