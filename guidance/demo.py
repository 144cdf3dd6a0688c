"""Demo guidance tree in English and Arabic: index, guide, handbook with the 23 objective pages,
and thematic tool pages. Their texts are in ``demo_content.json``; the Arabic text of the guide
draws on the seed documents (national implementation plans; the Network "in brief")."""

from django.utils.text import slugify
from wagtail.models import Locale

from home.models import HomePage
from hub.demo import demo_content, publish, publish_translation, register
from hub.models import Objective
from hub.reference_data import read_reference

from .models import (
    GuidanceIndexPage,
    GuidePage,
    HandbookPage,
    ObjectivePage,
    ThematicToolObjective,
    ThematicToolPage,
    ToolsIndexPage,
)


def _objective_texts(n, objective, language):
    """Overview, actions and examples of an objective page in one language."""
    content = demo_content("guidance")
    texts = content["objectives"][str(n)]
    fields = {"overview": f"<p>{objective.title}</p><p>{texts['focus'][language]}</p>"}
    if "actions" in texts:
        items = "".join(f"<li>{action}</li>" for action in texts["actions"][language])
        fields["actions"] = f"<ul>{items}</ul>"
        fields["examples"] = [("example", {"title": texts["example"][language],
                                           "text": content["example_text"][language]})]
    return fields


def _objective_summary(n, language):
    content = demo_content("guidance")
    return (f"{content['objectives'][str(n)]['focus'][language]} "
            f"{content['objective_second_sentence'][language]}")


def _guide_body(language):
    """The guide's body in one language, as StreamField blocks: a heading's level (h2, h3) or
    a paragraph ("p") with its text in each language."""
    blocks = []
    for block in demo_content("guidance")["guide"]:
        text = block[language]
        blocks.append(("paragraph", text) if block["kind"] == "p"
                      else ("heading", {"text": text, "level": block["kind"]}))
    return blocks


def _child(parent, page):
    parent.add_child(instance=page)
    return publish(page)


@register(order=10)
def load_guidance(stdout):
    english, arabic = (Locale.objects.get(language_code=c) for c in ("en", "ar"))
    if GuidanceIndexPage.objects.filter(locale=english).exists():
        return
    home = HomePage.objects.filter(locale=english).first()
    if home is None or not Objective.objects.filter(locale=english).exists():
        stdout.write("guidance: home page or reference data missing, skipped")
        return
    index = _child(home, GuidanceIndexPage(title="Guidance", slug="guidance", show_in_menus=True))
    publish_translation(index, "ar", title="الإرشادات")
    guide = _child(index, GuidePage(title="The guide", slug="guide", body=_guide_body("en"),
                                    intro="Implementing the Global Compact step by step."))
    publish_translation(guide, "ar", title="الدليل", body=_guide_body("ar"),
                        intro="تنفيذ الاتفاق العالمي خطوة بخطوة.")
    handbook = _child(index, HandbookPage(title="Handbook", slug="handbook"))
    publish_translation(handbook, "ar", title="الكتيّب")
    for objective in Objective.objects.filter(locale=english).order_by("number"):
        n = objective.number
        page = _child(handbook, ObjectivePage(
            title=f"Objective {n}: {objective.short_title or objective.title}"[:255],
            slug=f"objective-{n}", objective=objective, summary=_objective_summary(n, "en"),
            **_objective_texts(n, objective, "en"),
        ))
        ar_objective = Objective.objects.get(locale=arabic, number=n)
        ar_title = f"الهدف {n}: {ar_objective.short_title or ar_objective.title}"
        publish_translation(page, "ar", objective=ar_objective, title=ar_title[:255],
                            summary=_objective_summary(n, "ar"),
                            **_objective_texts(n, ar_objective, "ar"))
    tools = _child(index, ToolsIndexPage(title="Thematic tools", slug="tools"))
    publish_translation(tools, "ar", title="الأدوات المواضيعية")
    data = read_reference()
    for tool, numbers in zip(data["thematic_tools"], demo_content("guidance")["tool_objectives"],
                             strict=False):
        page = ThematicToolPage(
            title=tool["en"], slug=slugify(tool["en"])[:60], theme=tool["en"],
            summary=f"Guidance documents and links on {tool['en'].lower()}.",
        )
        for number in numbers:
            page.tool_objectives.add(ThematicToolObjective(
                objective=Objective.objects.get(locale=english, number=number)))
        page = _child(tools, page)
        publish_translation(page, "ar", title=tool["ar"], theme=tool["ar"],
                            summary=f"وثائق إرشادية وروابط بشأن {tool['ar']}.")
    stdout.write("guidance: demo tree loaded in English and Arabic")
