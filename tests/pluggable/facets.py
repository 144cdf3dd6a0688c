"""A facet of the practices declared outside the practices app, registered by the test that
needs it (``hooks.register_temporarily``): one declaration, and the practice page and the
exports show it."""

from practices.terms import term_facet

from .models import PracticeTheme

THEME = term_facet("theme", "Theme", PracticeTheme, "Themes")
