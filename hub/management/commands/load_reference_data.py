from django.core.management.base import BaseCommand

from hub.reference_data import load_reference_data


class Command(BaseCommand):
    help = "Load the GCM taxonomy (objectives, principles, areas, SDGs, regions, stakeholder " \
           "types) in English and Arabic. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--overwrite", action="store_true",
            help="Replace texts edited in the admin with the reference texts.",
        )

    def handle(self, *args, overwrite=False, **options):
        counts = load_reference_data(overwrite=overwrite)
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Reference data loaded per language: {summary}."))
