"""The CMS layer: home page, standard pages and site-wide settings (footer, contact)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, SectionBlock
from .panels import TranslationStatusPanel, per_language


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    sections = StreamField(
        [("section", SectionBlock())], verbose_name=_("sections"), blank=True, use_json_field=True
    )

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("intro"),
        FieldPanel("sections"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True, use_json_field=True)

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    parent_page_types = ["village.HomePage", "village.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class FooterSettings(BaseSiteSetting):
    """Contact details and a few words in the footer of every page."""

    about = models.TextField(_("about Village"), blank=True, max_length=400)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    opening_hours = models.CharField(_("when we answer the phone"), max_length=120, blank=True)

    panels = [
        TranslationStatusPanel(),
        *per_language("about", "opening_hours"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("address")],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("footer and contact")
