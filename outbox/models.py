"""Every e-mail the hub sends, kept until it is delivered (or given up on, for staff to see)."""

import base64

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # A worker that picks the message up holds it until then; a worker that dies while sending
    # lets it go when this passes (``manage.py requeue_email``).
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    subject = models.TextField(_("subject"))
    body = models.TextField(blank=True)
    from_email = models.CharField(max_length=320)
    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(default=list)
    bcc = models.JSONField(default=list)
    reply_to = models.JSONField(default=list)
    headers = models.JSONField(default=dict)
    alternatives = models.JSONField(default=list)  # [[content, mimetype], …]
    attachments = models.JSONField(default=list)  # [[filename, base64 content, mimetype], …]

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "claimed_until"])]

    def __str__(self):
        return self.subject

    @classmethod
    def from_message(cls, message):
        alternatives = [[content, mimetype] for content, mimetype in
                        getattr(message, "alternatives", [])]
        attachments = []
        for attachment in message.attachments:
            filename, content, mimetype = attachment
            if isinstance(content, str):
                content = content.encode()
            attachments.append([filename, base64.b64encode(content).decode(), mimetype])
        return cls(
            subject=message.subject, body=message.body, from_email=message.from_email,
            to=list(message.to), cc=list(message.cc), bcc=list(message.bcc),
            reply_to=list(message.reply_to), headers=dict(message.extra_headers),
            alternatives=alternatives, attachments=attachments,
        )

    def as_message(self, connection=None):
        message = EmailMultiAlternatives(
            self.subject, self.body, self.from_email, self.to, bcc=self.bcc,
            connection=connection, cc=self.cc, reply_to=self.reply_to,
            headers={"Message-ID": self.message_id, **self.headers},
        )
        for content, mimetype in self.alternatives:
            message.attach_alternative(content, mimetype)
        for filename, content, mimetype in self.attachments:
            message.attach(filename, base64.b64decode(content), mimetype)
        return message

    @property
    def message_id(self):
        """Stable per message, so a receiving server can tell a resend from a new message."""
        return f"<outbox-{self.pk}-{int(self.created_at.timestamp())}@gcm-hub>"
