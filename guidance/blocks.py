"""StreamField blocks of the guidance pages.

The guide's headings carry anchors for its table of contents (``home.blocks.AnchoredBody``).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import AnchoredHeadingBlock, DocumentLinkBlock, ProseStreamBlock
from home.blocks import LinkBlock as BaseLinkBlock
from hub.declarations import block_meta


class LinkBlock(BaseLinkBlock):
    Meta = block_meta(label=_("External link"), template="guidance/blocks/link.html")


class ChapterStreamBlock(ProseStreamBlock):
    """The guide's chapters: headings (in the table of contents), text, callouts, figures."""

    heading = AnchoredHeadingBlock()


class ResourceStreamBlock(blocks.StreamBlock):
    """Documents (shown with file type and size) and external links."""

    document = DocumentLinkBlock()
    link = LinkBlock()


class ExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    Meta = block_meta(icon="pick", label=_("Example"), template="guidance/blocks/example.html")


class ExampleStreamBlock(blocks.StreamBlock):
    example = ExampleBlock()
