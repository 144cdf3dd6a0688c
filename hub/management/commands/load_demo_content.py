from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from hub.demo import loaders


class Command(BaseCommand):
    help = "Load demo content in English and Arabic. Each part is skipped when already present."

    def handle(self, *args, **options):
        call_command("load_reference_data", stdout=self.stdout)
        for loader in loaders():
            with transaction.atomic():
                loader(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
