"""An e-mail backend that queues: ``send()`` stores the message and enqueues its delivery.

With ``EMAIL_BACKEND = "outbox.backend.QueuedEmailBackend"`` every e-mail of the hub, of
Wagtail (moderation) and of django-allauth (sign-up, password reset) is written to the
``OutgoingEmail`` table in the caller's transaction, with a delivery task on the task queue
(``TASKS``; the database backend in production, so the task row commits or rolls back with the
message). A request never waits for SMTP. The worker delivers through
``OUTBOX_DELIVERY_BACKEND`` (the real backend: SMTP in production). See ``outbox/delivery.py``.
"""

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from .models import OutgoingEmail


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        from .delivery import deliver_email

        count = 0
        with transaction.atomic():
            for message in email_messages:
                if not message.recipients():
                    continue
                queued = OutgoingEmail.from_message(message)
                queued.save()
                deliver_email.enqueue(queued.pk)
                count += 1
        return count
