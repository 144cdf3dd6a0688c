from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from hub.declarations import block_meta


class TimelineStepBlock(blocks.StructBlock):
    when = blocks.CharBlock(label=_("when"), help_text=_("As the sources state it."))
    title = blocks.CharBlock(label=_("step"))
    status = blocks.ChoiceBlock(label=_("status"), required=False, choices=[
        ("held", _("Held")), ("done", _("Done")), ("planned", _("Planned")),
    ])

    Meta = block_meta(icon="date", template="reviews/blocks/timeline_step.html")


class TimelineBlock(blocks.StreamBlock):
    step = TimelineStepBlock()
