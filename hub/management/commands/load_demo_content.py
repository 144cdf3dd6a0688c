from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from hub.demo import loaders

# The demo's own notifications (moderators told of demo submissions, demo submitters told of
# their review) go to an in-memory outbox: they are addressed to made-up accounts and would
# only flood the console or a mail server.
QUIET_EMAIL = "django.core.mail.backends.locmem.EmailBackend"


class Command(BaseCommand):
    help = "Load demo content in English and Arabic. Each part is skipped when already present."

    def handle(self, *args, **options):
        call_command("load_reference_data", stdout=self.stdout)
        with override_settings(EMAIL_BACKEND=QUIET_EMAIL):
            for loader in loaders():
                with transaction.atomic():
                    loader(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
