"""Importing opensearch-py beside the hub's ``events`` app.

opensearch-py (2.6 and later) imports the PyPI package ``Events`` as ``from events import
Events``; the hub has an app called ``events``, which comes first on the path, so a plain
``import opensearchpy`` fails. ``import_opensearchpy`` imports the client once with the PyPI
``events`` module in place, then puts the app back: the client keeps the class it imported, and
``import events`` still means the app everywhere else. Called from ``SearchConfig.ready``, so
the client can be imported as usual anywhere after Django's setup.
"""

import importlib
import importlib.machinery
import importlib.util
import sys


def import_opensearchpy():
    if "opensearchpy" in sys.modules:
        return sys.modules["opensearchpy"]
    site_packages = [path for path in sys.path if path.endswith("site-packages")]
    spec = importlib.machinery.PathFinder.find_spec("events", site_packages)
    if spec is None:  # opensearch-py not installed, or a version without Events
        return importlib.import_module("opensearchpy")
    app = sys.modules.pop("events", None)
    try:
        library = importlib.util.module_from_spec(spec)
        sys.modules["events"] = library
        spec.loader.exec_module(library)
        return importlib.import_module("opensearchpy")
    finally:
        if app is not None:
            sys.modules["events"] = app
        else:
            sys.modules.pop("events", None)
