"""Blocks of a newsletter issue: an introduction, picked practices, events and pages, news."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from hub.declarations import block_meta


class PickedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("pages"))

    Meta = block_meta(icon="list-ul", label=_("Picked pages"))


class NewsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.TextBlock(label=_("text"))
    url = blocks.URLBlock(label=_("link"), required=False)

    Meta = block_meta(icon="doc-full", label=_("News item"))


class IssueBlocks(blocks.StreamBlock):
    intro = blocks.RichTextBlock(label=_("Introduction"), features=["bold", "italic", "link"])
    pages = PickedPagesBlock()
    news = NewsBlock()
