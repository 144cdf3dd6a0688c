"""Run before each start of the task worker (deploy/systemd/hub-worker.service does)."""

from django.core.management.base import BaseCommand

from outbox.delivery import requeue_stalled


class Command(BaseCommand):
    help = "Enqueue again the queued e-mails whose worker stopped while sending them."

    def handle(self, *args, **options):
        count = requeue_stalled()
        self.stdout.write(f"{count} e-mail(s) queued again")
