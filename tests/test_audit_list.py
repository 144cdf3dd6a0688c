"""The pages `make audit` checks: each app lists its own in `<app>/audit_pages.json`."""

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def audit_module():
    spec = importlib.util.spec_from_file_location("run_audit", ROOT / "audit" / "run_audit.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_audit_reads_every_apps_list():
    pages = audit_module().PAGES
    keys = [page.key for page in pages]
    assert len(keys) == len(set(keys))
    assert {"home", "handbook", "objective", "tool", "practices", "practice", "search", "topic",
            "login", "submit", "not-found"} <= set(keys)
    assert all("{lang}" in page.path for page in pages)


def test_a_new_app_adds_its_pages_with_a_file(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "audit_pages.json").write_text(json.dumps([
        {"key": "notes", "label": "Notes", "path": "/{lang}/notes/", "why": "a comment"},
        {"key": "note", "label": "A note", "path": "/{lang}/notes/",
         "first_link_under": "/{lang}/notes/", "exclude": ["feed"]},
    ]))
    pages = audit_module().audited_pages(tmp_path)
    assert [page.key for page in pages] == ["notes", "note"]
    assert pages[1].exclude == ("feed",)
