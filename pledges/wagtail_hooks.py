"""What pledges add to other parts of the hub: a section on practice pages."""

from wagtail import hooks

from .views import practice_section


@hooks.register("practice_page_sections")
def pledges_of_practice(page, request):
    return practice_section(page, request)
