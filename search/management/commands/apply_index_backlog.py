from django.core.management.base import BaseCommand

from search.backlog import apply_backlog
from search.models import IndexBacklog


class Command(BaseCommand):
    help = "Send the index updates the search engine missed while it was unreachable."

    def handle(self, *args, **options):
        waiting = IndexBacklog.objects.count()
        left = apply_backlog()
        self.stdout.write(f"{waiting - left} update(s) sent, {left} still waiting")
