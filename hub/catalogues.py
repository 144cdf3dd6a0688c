"""Where the project's own translation catalogues are.

Every installed app that lives in the project (not in the virtualenv) may carry
``<app>/locale/<lang>/LC_MESSAGES/*.po``, and ``LOCALE_PATHS`` adds the overrides catalogue. New
apps are found without being listed anywhere: ``compile_translations`` and the catalogue
checks of the test suite both read this list.
"""

import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings


def project_locale_dirs():
    """The ``locale`` directories of the project's apps and of ``LOCALE_PATHS``."""
    base = Path(settings.BASE_DIR).resolve()
    # A virtualenv may sit inside the project folder (.venv): its packages are not ours.
    environment = Path(sys.prefix).resolve()
    dirs = [Path(path).resolve() for path in settings.LOCALE_PATHS]
    for app_config in apps.get_app_configs():
        app_path = Path(app_config.path).resolve()
        if base in app_path.parents and environment not in app_path.parents:
            dirs.append(app_path / "locale")
    unique = []
    for directory in dirs:
        if directory.is_dir() and directory not in unique:
            unique.append(directory)
    return unique


def project_catalogues(language=None):
    """Every ``.po`` file of the project, optionally for one language only."""
    pattern = f"{language or '*'}/LC_MESSAGES/*.po"
    return sorted(po for directory in project_locale_dirs() for po in directory.glob(pattern))
