"""The shape of the code: apps depend on each other in one direction only.

Every import of every module of the project's apps is read (module-level and inside functions
alike, from the source, without running it). The core (``hub``) imports no other app; ``search``
imports only the core; no two apps import each other, directly or through others; nothing
imports the project package (``config``), which only wires the apps together.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CORE = {"hub": set(), "search": {"hub"}}  # app -> the apps it may import


def project_apps():
    """The installed apps that live in this repository (not the tests' own app)."""
    return sorted(config.name for config in apps.get_app_configs()
                  if "." not in config.name and (ROOT / config.name).is_dir())


def imported_apps(app, known):
    """{imported app: [module that imports it]} for every module of ``app``."""
    found = {}
    for source in sorted((ROOT / app).rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in known and top != app:
                    found.setdefault(top, []).append(str(source.relative_to(ROOT)))
    return found


def graph():
    known = set(project_apps()) | {"config"}
    return {app: imported_apps(app, known) for app in sorted(known)}


def cycles(edges):
    """Every cycle of the app graph, each as a list of apps (depth-first search)."""
    found, state = [], {}

    def visit(app, trail):
        state[app] = "open"
        for other in sorted(edges.get(app, ())):
            if state.get(other) == "open":
                found.append(trail[trail.index(other):] + [other])
            elif other not in state:
                visit(other, trail + [other])
        state[app] = "done"

    for app in sorted(edges):
        if app not in state:
            visit(app, [app])
    return found


def test_the_walk_sees_every_app_and_real_imports():
    edges = graph()
    assert {"hub", "home", "guidance", "practices", "search", "discussions"} <= set(edges)
    assert "hub" in edges["practices"]  # feature apps build on the core
    assert set(edges["config"]) >= {"hub", "search"}  # the project wires them together


def test_no_import_cycle_between_apps():
    edges = {app: set(imports) for app, imports in graph().items()}
    assert cycles(edges) == []


def test_a_cycle_would_be_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]


def test_core_and_search_import_no_feature_app():
    edges = graph()
    for app, allowed in CORE.items():
        extra = {other: where for other, where in edges[app].items() if other not in allowed}
        assert extra == {}, f"{app} imports {extra}"


def test_no_app_imports_the_project_package():
    importers = {app: imports["config"] for app, imports in graph().items() if "config" in imports}
    assert importers == {}
