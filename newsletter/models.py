"""Subscribers, issues and the record of who received which issue.

A subscriber exists from the first request but receives nothing until the address is confirmed
(double opt-in). An issue is a translatable snippet: each language is one row sharing a
``translation_key``; a subscriber receives the row of their language, else the issue's original.
``Delivery`` rows make sending resumable: a recipient is claimed (row created) before the
message goes out and the claim is removed if sending fails, so a send interrupted at any point
resumes without sending anyone the issue twice.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import TranslatableField

from hub.declarations import names, unique

from .blocks import IssueBlocks


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("subscribed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = models.EmailField(_("email"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    topics = models.JSONField(
        _("topics"), default=list, blank=True,
        help_text=_("Numbers of the GCM objectives the subscriber follows; empty: everything."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    Meta = names(_("subscriber"), _("subscribers"))

    def __str__(self):
        return f"#{self.pk}"  # never the address: lists and logs show no e-mail


class Issue(TranslatableMixin, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    subject = models.CharField(_("subject"), max_length=200)
    body = StreamField(IssueBlocks(), verbose_name=_("content"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    panels = ["subject", "body"]
    translatable_fields = [
        TranslatableField("subject"),
        TranslatableField("body"),
    ]

    Meta = names(_("newsletter issue"), _("newsletter issues"), bases=(TranslatableMixin.Meta,),
                 ordering=["-created_at"])

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    """One recipient of one issue (all its languages): claimed, then sent."""

    issue_key = models.UUIDField(db_index=True)  # the issue's translation_key
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="+")
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    Meta = names(_("delivery"),
                 constraints=[unique("issue_key", "subscriber", name="unique_delivery")])

    def __str__(self):
        return f"{self.issue_key} → #{self.subscriber_id}"
