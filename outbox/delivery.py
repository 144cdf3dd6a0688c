"""Deliver queued e-mails: retried with growing delays, never lost, never sent twice.

A delivery task first *claims* its message with one conditional UPDATE (still queued, and not
held by another worker): a second task for the same message, a task for a message already
sent, or a retry that raced a manual one, claims nothing and stops. The claim is a lease of
``OUTBOX_LEASE`` seconds. Then the message goes to ``OUTBOX_DELIVERY_BACKEND``:

- delivered: marked sent in the same breath;
- refused or unreachable server: the error is kept and a new task is enqueued for later
  (``OUTBOX_RETRY_DELAYS``); after the last one the message is marked failed and shown to
  staff in the admin (Settings → Undelivered e-mails), who can send it again;
- the worker dies (killed, machine restarted) between claim and result: the message stays
  queued with an expired lease; ``manage.py requeue_email``, run before each worker start,
  enqueues it again.

The one window left is a worker that dies after the SMTP server accepted the message and
before the row is marked sent (microseconds): that message is sent again, with the same
``Message-ID``, so mail servers and clients that deduplicate show it once.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

DEFAULT_RETRY_DELAYS = (60, 300, 1800, 7200)  # seconds between attempts: 5 attempts in all


def retry_delays():
    return tuple(getattr(settings, "OUTBOX_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


def lease():
    return datetime.timedelta(seconds=getattr(settings, "OUTBOX_LEASE", 120))


def delivery_backend():
    return getattr(settings, "OUTBOX_DELIVERY_BACKEND",
                   "django.core.mail.backends.smtp.EmailBackend")


def claim(email_id):
    """Take the message for one delivery attempt; False if it is not ours to send."""
    now = timezone.now()
    return bool(
        OutgoingEmail.objects.filter(pk=email_id, status=OutgoingEmail.Status.QUEUED)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .update(claimed_until=now + lease(), attempts=F("attempts") + 1)
    )


@task()
def deliver_email(email_id):
    if not claim(email_id):
        return "skipped"
    email = OutgoingEmail.objects.get(pk=email_id)
    try:
        connection = get_connection(delivery_backend(), fail_silently=False)
        connection.send_messages([email.as_message(connection)])
    except Exception as error:  # noqa: BLE001 - any failure of the backend is a failed attempt
        return _failed(email, error)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=OutgoingEmail.Status.SENT, sent_at=timezone.now(), claimed_until=None,
        last_error="",
    )
    return "sent"


def _failed(email, error):
    delays = retry_delays()
    email.last_error = f"{type(error).__name__}: {error}"[:2000]
    email.claimed_until = None
    logger.warning("E-mail %s, attempt %s failed: %s", email.pk, email.attempts, email.last_error)
    with transaction.atomic():
        if email.attempts > len(delays):
            email.status = OutgoingEmail.Status.FAILED
            email.save(update_fields=["status", "last_error", "claimed_until"])
            return "failed"
        email.save(update_fields=["last_error", "claimed_until"])
        enqueue_later(email.pk, delays[email.attempts - 1])
    return "retry"


def enqueue_later(email_id, seconds):
    backend = deliver_email.get_backend()
    if backend.supports_defer:
        run_after = timezone.now() + datetime.timedelta(seconds=seconds)
        deliver_email.using(run_after=run_after).enqueue(email_id)
    else:
        # The immediate backend (development) cannot wait: the next attempt runs now.
        deliver_email.enqueue(email_id)


def requeue_stalled():
    """Enqueue the queued messages whose worker died while holding them. Returns how many."""
    stalled = list(
        OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED,
                                     claimed_until__lt=timezone.now())
        .values_list("pk", flat=True)
    )
    for email_id in stalled:
        deliver_email.enqueue(email_id)
    return len(stalled)


def send_again(email):
    """A failed message, back in the queue with a fresh set of attempts (staff's choice)."""
    with transaction.atomic():
        updated = OutgoingEmail.objects.filter(
            pk=email.pk, status=OutgoingEmail.Status.FAILED
        ).update(status=OutgoingEmail.Status.QUEUED, attempts=0, claimed_until=None)
        if updated:
            deliver_email.enqueue(email.pk)
    return bool(updated)
