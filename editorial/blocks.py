"""The blocks of the standard page: the shared content blocks (``home.blocks``) and what an
editor of the secretariat needs besides (document list, table, questions and answers, related
pages)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import AnchoredHeadingBlock, BaseStreamBlock
from hub.declarations import block_meta


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("document")), label=_("documents"))

    Meta = block_meta(icon="doc-full-inverse", label=_("Document list"),
                      template="editorial/blocks/document_list.html")


ANSWER_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("answer"), features=ANSWER_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Questions and answers, each answer folded under its question (``<details>``)."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    items = blocks.ListBlock(QuestionBlock(), label=_("questions"))

    Meta = block_meta(
        icon="list-ul", label=_("Questions and answers"), template="editorial/blocks/accordion.html"
    )


class RelatedPagesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("page")), label=_("pages"))

    Meta = block_meta(
        icon="link", label=_("Related pages"), template="editorial/blocks/related_pages.html"
    )


class EditorialStreamBlock(BaseStreamBlock):
    heading = AnchoredHeadingBlock()
    document_list = DocumentListBlock()
    table = TableBlock(label=_("Table"), table_options={"startRows": 3, "startCols": 3})
    accordion = AccordionBlock()
    related_pages = RelatedPagesBlock()
