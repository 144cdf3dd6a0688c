"""The StreamField blocks shared by every content page of the hub.

Headings that a table of contents links to carry an anchor computed in Python (``heading_anchor``)
so the table and the rendered ``id`` always agree, Arabic headings included (Django's default
``slugify`` drops Arabic letters, hence ``allow_unicode``).
"""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from hub.declarations import block_meta


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    def get_searchable_content(self, value):
        # Only the words of the heading: Wagtail would also index the label of the chosen
        # level, and search snippets then showed «المستوى 2» ("Level 2") to readers.
        return [value["text"]] if value.get("text") else []

    Meta = block_meta(icon="title", label=_("Heading"), template="home/blocks/heading.html")


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

    Meta = block_meta(template="home/blocks/anchored_heading.html")


class AnchoredBody:
    """For a page whose ``body`` has ``heading`` blocks: its table of contents and its blocks
    with their anchors (render with ``{% include_block block with anchor=anchor %}``)."""

    def headings(self):
        return [block for block in self.body if block.block_type == "heading"]

    def table_of_contents(self):
        """[(anchor, text, level)] of the heading blocks, anchors unique on the page."""
        headings = self.headings()
        anchors = unique_anchors(block.value["text"] for block in headings)
        return [(anchor, block.value["text"], block.value["level"])
                for anchor, block in zip(anchors, headings, strict=True)]

    def blocks_with_anchors(self):
        """[(block, anchor or "")]: the body as rendered, headings with their anchors."""
        anchors = iter(anchor for anchor, _text, _level in self.table_of_contents())
        return [(block, next(anchors) if block.block_type == "heading" else "")
                for block in self.body]


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link", "ul", "ol"])

    Meta = block_meta(icon="warning", label=_("Callout"), template="home/blocks/callout.html")


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    Meta = block_meta(icon="image", label=_("Figure"), template="home/blocks/figure.html")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(label=_("link text"), required=False, max_length=200)

    Meta = block_meta(
        icon="doc-full", label=_("Document link"), template="home/blocks/document_link.html"
    )


class LinkBlock(blocks.StructBlock):
    """An external link: its text and address. The apps' link blocks extend it with their own
    template (and label)."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    url = blocks.URLBlock(label=_("address"))

    Meta = block_meta(icon="link", label=_("Link"))


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    text = blocks.TextBlock(label=_("text"), required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("address"), required=False)
    link_text = blocks.CharBlock(label=_("link text"), max_length=100)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(block_errors={"page": ValidationError(
                _("Choose a page or give an address, not both."))})
        return value

    Meta = block_meta(
        icon="pick", label=_("Call to action"), template="home/blocks/call_to_action.html"
    )


class FeaturedPagesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("page")), label=_("pages"))

    Meta = block_meta(
        icon="pick", label=_("Featured pages"), template="home/blocks/featured_pages.html"
    )


class LatestItemsBlock(blocks.StructBlock):
    """The newest items of a section (latest news, upcoming events…): the section's
    ``latest_items(count)`` when its page type has one, else its newest live children."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    section = blocks.PageChooserBlock(label=_("section"))
    count = blocks.IntegerBlock(label=_("number of items"), default=3, min_value=1,
                                max_value=12)

    def get_context(self, value, parent_context=None):
        from hub.pages import public

        context = super().get_context(value, parent_context=parent_context)
        section = value["section"]
        items = []
        if section is not None and section.live:
            latest = getattr(section.specific_class, "latest_items", None)
            items = (latest(section, value["count"]) if latest else
                     public(section.get_children().live())
                     .order_by("-first_published_at")[:value["count"]])
        context["items"] = items
        return context

    Meta = block_meta(
        icon="date", label=_("Latest items of a section"), template="home/blocks/latest_items.html"
    )


class SectionCountBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=100)
    section = blocks.PageChooserBlock(label=_("section"))


class SectionCountsBlock(blocks.StructBlock):
    """How much each chosen section holds (practices, countries, reviews…): the section's
    ``item_count()`` when its page type has one, else its live public children; one query per
    section."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    items = blocks.ListBlock(SectionCountBlock(), label=_("sections"))

    def get_context(self, value, parent_context=None):
        from hub.pages import public

        context = super().get_context(value, parent_context=parent_context)
        def count(section):
            item_count = getattr(section.specific_class, "item_count", None)
            return (item_count(section) if item_count else
                    public(section.get_children().live()).count())

        context["counts"] = [
            {"label": item["label"], "section": item["section"], "count": count(item["section"])}
            for item in value["items"] if item["section"] is not None and item["section"].live
        ]
        return context

    Meta = block_meta(
        icon="order", label=_("Counts of sections"), template="home/blocks/section_counts.html"
    )


class ProseStreamBlock(blocks.StreamBlock):
    """Text and what illustrates it: headings, paragraphs, callouts, figures, documents and
    quotes. A body that has them all extends it (a subclass may replace ``heading``, e.g. by an
    ``AnchoredHeadingBlock``, in its place)."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ul", "ol", "h3", "h4"],
    )
    callout = CalloutBlock()
    figure = FigureBlock()
    document = DocumentLinkBlock()
    quote = blocks.BlockQuoteBlock(label=_("Quote"))


class BaseStreamBlock(ProseStreamBlock):
    """The prose blocks and those that lead to other pages of the hub."""

    call_to_action = CallToActionBlock()
    featured_pages = FeaturedPagesBlock()
    latest_items = LatestItemsBlock()
    section_counts = SectionCountsBlock()
