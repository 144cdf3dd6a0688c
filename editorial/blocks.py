"""The blocks of the standard page: the shared content blocks (``home.blocks``) and what an
editor of the secretariat needs besides (call to action, document list, table, questions and
answers, related pages)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock

from home.blocks import AnchoredHeadingBlock, BaseStreamBlock


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

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "editorial/blocks/call_to_action.html"


class DocumentListBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("document")), label=_("documents"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document list")
        template = "editorial/blocks/document_list.html"


ANSWER_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("answer"), features=ANSWER_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Questions and answers, each answer folded under its question (``<details>``)."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    items = blocks.ListBlock(QuestionBlock(), label=_("questions"))

    class Meta:
        icon = "list-ul"
        label = _("Questions and answers")
        template = "editorial/blocks/accordion.html"


class RelatedPagesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    pages = blocks.ListBlock(blocks.PageChooserBlock(label=_("page")), label=_("pages"))

    class Meta:
        icon = "link"
        label = _("Related pages")
        template = "editorial/blocks/related_pages.html"


class EditorialStreamBlock(BaseStreamBlock):
    heading = AnchoredHeadingBlock()
    call_to_action = CallToActionBlock()
    document_list = DocumentListBlock()
    table = TableBlock(label=_("Table"), table_options={"startRows": 3, "startCols": 3})
    accordion = AccordionBlock()
    related_pages = RelatedPagesBlock()
