from wagtail import hooks

from hub.registry import (
    ACCOUNT_MENU_ITEMS,
    FACETS,
    HEADER_LINKS,
    SEARCH_TYPES,
    Facet,
    Link,
    SearchType,
)


@hooks.register(SEARCH_TYPES)
def note_search_types():
    return [SearchType("note", "Field notes", ("pluggable.notepage",))]


@hooks.register(FACETS)
def note_facets():
    return [Facet("mood", "Mood", "pluggable.notepage", "slug")]


@hooks.register(ACCOUNT_MENU_ITEMS)
def my_notes(request):
    return [Link("My notes", url="/notes/mine/")]


@hooks.register(HEADER_LINKS)
def notes_link(request):
    return [Link("Notes", url="/notes/")]
