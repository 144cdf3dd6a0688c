"""StreamField blocks of the guidance pages.

The guide's headings carry an anchor computed in Python (``heading_anchor``) so the table of
contents and the rendered ``id`` always agree, Arabic headings included (Django's default
``slugify`` drops Arabic letters, hence ``allow_unicode``).
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import CalloutBlock, DocumentLinkBlock, FigureBlock, HeadingBlock
from home.blocks import LinkBlock as BaseLinkBlock


def heading_anchor(text):
    return slugify(text, allow_unicode=True) or "section"


def unique_anchors(texts):
    """One anchor per heading text, in order; repeated texts get -2, -3… so every id is unique."""
    seen = set()
    anchors = []
    for text in texts:
        base = anchor = heading_anchor(text)
        n = 1
        while anchor in seen:
            n += 1
            anchor = f"{base}-{n}"
        seen.add(anchor)
        anchors.append(anchor)
    return anchors


class AnchoredHeadingBlock(HeadingBlock):
    """A heading with an ``id``: the page passes ``anchor`` (unique on the page) when it renders
    its blocks one by one; alone, the anchor is computed from the text."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        if not context.get("anchor"):
            context["anchor"] = heading_anchor(value["text"])
        return context

    class Meta:
        template = "guidance/blocks/heading.html"


class LinkBlock(BaseLinkBlock):
    class Meta:
        label = _("External link")
        template = "guidance/blocks/link.html"


RICH_TEXT = ["bold", "italic", "link", "document-link", "ul", "ol", "h3", "h4"]


class ChapterStreamBlock(blocks.StreamBlock):
    """The guide's chapters: headings (in the table of contents), text, callouts, figures."""

    heading = AnchoredHeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Paragraph"), icon="pilcrow", features=RICH_TEXT)
    callout = CalloutBlock()
    figure = FigureBlock()
    document = DocumentLinkBlock()
    quote = blocks.BlockQuoteBlock(label=_("Quote"))


class ResourceStreamBlock(blocks.StreamBlock):
    """Documents (shown with file type and size) and external links."""

    document = DocumentLinkBlock()
    link = LinkBlock()


class ExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "pick"
        label = _("Example")
        template = "guidance/blocks/example.html"


class ExampleStreamBlock(blocks.StreamBlock):
    example = ExampleBlock()
