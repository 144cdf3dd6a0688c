"""Blocks of a practice's resources: documents, links and images."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import DocumentLinkBlock, FigureBlock, LinkBlock
from hub.declarations import block_meta


class ResourceLinkBlock(LinkBlock):
    Meta = block_meta(template="practices/blocks/link.html")


class ResourceDocumentBlock(DocumentLinkBlock):
    Meta = block_meta(label=_("Document"))


class ResourceImageBlock(FigureBlock):
    Meta = block_meta(label=_("Image"))


class ResourceBlock(blocks.StreamBlock):
    document = ResourceDocumentBlock()
    link = ResourceLinkBlock()
    image = ResourceImageBlock()
