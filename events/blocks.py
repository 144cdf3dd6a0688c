"""StreamField blocks of event pages: the agenda's sessions and the event's documents.

A session's times are wall-clock times in the event's time zone, as printed on an agenda
(seed 004's workshop agenda: "10:00–10:15 Welcome and method of the workshop").
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from home.blocks import DocumentLinkBlock
from home.blocks import LinkBlock as BaseLinkBlock
from hub.declarations import block_meta


class SessionBlock(blocks.StructBlock):
    day = blocks.DateBlock(
        label=_("day"), required=False,
        help_text=_("Only for events of several days: the day of this session."),
    )
    start = blocks.TimeBlock(label=_("start time"), required=False)
    end = blocks.TimeBlock(label=_("end time"), required=False)
    title = blocks.CharBlock(label=_("title"), max_length=300)
    speakers = blocks.CharBlock(label=_("speakers"), required=False, max_length=500)
    description = blocks.TextBlock(label=_("description"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if value.get("start") and value.get("end") and value["end"] <= value["start"]:
            raise StructBlockValidationError(
                block_errors={"end": ValidationError(_("The session must end after it starts."))}
            )
        return value

    Meta = block_meta(icon="time", label=_("Session"), template="events/blocks/session.html")


class AgendaBlock(blocks.StreamBlock):
    session = SessionBlock()

    Meta = block_meta(label=_("Agenda"))


class LinkBlock(BaseLinkBlock):
    title = blocks.CharBlock(label=_("title"), max_length=300)

    Meta = block_meta(template="events/blocks/link.html")


class DocumentsBlock(blocks.StreamBlock):
    document = DocumentLinkBlock()
    link = LinkBlock()

    Meta = block_meta(label=_("Documents"))
