from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class SectionBlock(blocks.StructBlock):
    """One of the platform's parts on the home page: a heading, a few words and a link."""

    icon_name = blocks.ChoiceBlock(
        label=_("icon"),
        choices=[
            ("activities", _("Activities")),
            ("ideas", _("Ideas and co-creation")),
            ("network", _("Learning networks")),
            ("info", _("Information")),
        ],
        default="info",
    )
    heading = blocks.CharBlock(label=_("heading"), max_length=80)
    text = blocks.TextBlock(label=_("text"), max_length=400)
    link_page = blocks.PageChooserBlock(label=_("link to a page"), required=False)
    link_url = blocks.CharBlock(
        label=_("or link to an address on this site"),
        required=False,
        max_length=200,
        help_text=_("For example /activities/ (the language prefix is added)."),
    )
    link_text = blocks.CharBlock(label=_("link text"), max_length=60, required=False)

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "blocks/section_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("heading"), max_length=120, form_classname="title", template="blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )
    image = ImageBlock(label=_("image"), template="blocks/image_block.html")
    quote = QuoteBlock()
