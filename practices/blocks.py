"""Blocks of a practice's resources: documents, links and images."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import DocumentLinkBlock, FigureBlock, LinkBlock


class ResourceLinkBlock(LinkBlock):
    class Meta:
        template = "practices/blocks/link.html"


class ResourceDocumentBlock(DocumentLinkBlock):
    class Meta:
        label = _("Document")


class ResourceImageBlock(FigureBlock):
    class Meta:
        label = _("Image")


class ResourceBlock(blocks.StreamBlock):
    document = ResourceDocumentBlock()
    link = ResourceLinkBlock()
    image = ResourceImageBlock()
