import pytest

from guidance import models as pages
from hub.demo import publish
from hub.models import Objective


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


@pytest.fixture
def guidance(home_pages, taxonomy, locales):
    home = home_pages["en"]
    index = add(home, pages.GuidanceIndexPage(title="Guidance", slug="guidance",
                                              show_in_menus=True))
    guide = add(index, pages.GuidePage(title="Guide", slug="guide"))
    handbook = add(index, pages.HandbookPage(title="Handbook", slug="handbook"))
    tools = add(index, pages.ToolsIndexPage(title="Tools", slug="tools"))
    return {"index": index, "guide": guide, "handbook": handbook, "tools": tools}


def objective(number, locale):
    return Objective.objects.get(number=number, locale=locale)


@pytest.fixture
def make_objective_page(guidance, locales):
    def make(number, **fields):
        fields.setdefault("summary", f"Summary of objective {number}.")
        page = pages.ObjectivePage(
            title=f"Objective {number}", slug=f"objective-{number}",
            objective=objective(number, locales["en"]), **fields,
        )
        return add(guidance["handbook"], page)

    return make


@pytest.fixture
def make_tool(guidance, locales):
    def make(slug, numbers, title=None):
        page = pages.ThematicToolPage(title=title or slug, slug=slug, theme="Theme",
                                      summary="Summary.")
        for number in numbers:
            link = pages.ThematicToolObjective(objective=objective(number, locales["en"]))
            page.tool_objectives.add(link)
        return add(guidance["tools"], page)

    return make
