"""Delete files uploaded with submission forms that were never saved (run daily, e.g. by cron)."""

from datetime import timedelta

from django.core.management.base import BaseCommand

from practices.submission.attachments import clean_pending, delete_stray_files


class Command(BaseCommand):
    help = ("Delete pending submission uploads (and their files) older than --hours (24), and "
            "files of documents and images that no database row knows, as old.")

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        count = clean_pending(timedelta(hours=hours))
        self.stdout.write(f"Deleted {count} pending upload(s) older than {hours} hours.")
        strays = delete_stray_files(timedelta(hours=hours))
        self.stdout.write(f"Deleted {strays} file(s) that no document or image row knows.")
