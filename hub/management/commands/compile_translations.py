"""Compile every .po catalogue of the project to .mo with polib.

Same result as ``compilemessages`` but needs no GNU gettext on the machine, so a fresh machine
shows Arabic labels after ``make run`` whether or not ``msgfmt`` is installed.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hub.catalogues import project_catalogues


class Command(BaseCommand):
    help = "Compile the project's .po translation catalogues to .mo (no gettext needed)."

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR).resolve()
        for po_path in project_catalogues():
            try:
                catalogue = polib.pofile(str(po_path))
            except (OSError, ValueError) as error:
                raise CommandError(f"Cannot read {po_path}: {error}") from error
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            self.stdout.write(
                f"{po_path.relative_to(base)}: {catalogue.percent_translated()}% translated"
            )
