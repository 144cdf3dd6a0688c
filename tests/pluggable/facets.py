"""A facet of the practices declared outside the practices app, registered by the test that
needs it (``hooks.register_temporarily``): one declaration, and the practice page and the
exports show it."""

from hub.registry import Facet
from practices.terms import OWNER, TermRelation

from .models import PracticeTheme, Theme

THEME = Facet("theme", "Theme", OWNER, "slug", Theme, relation=TermRelation(
    "theme", "themes", "practice_themes", PracticeTheme, "theme", Theme, "slug", "Themes"))
