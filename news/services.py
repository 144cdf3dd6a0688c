"""What an article page shows besides itself: practices and thematic tools that share its GCM
objectives (two queries, newest first)."""

from guidance.models import ThematicToolPage
from practices.models import PracticePage

RELATED_LIMIT = 4


def related_pages(article):
    """{"practices": [...], "tools": [...]} of the article's language sharing an objective."""
    ids = list(article.article_objectives.values_list("objective_id", flat=True))
    if not ids:
        return {"practices": [], "tools": []}
    fields = ("id", "title", "url_path", "locale_id", "path", "depth", "translation_key")
    practices = (PracticePage.objects.live().public()
                 .filter(locale_id=article.locale_id, practice_objectives__objective_id__in=ids)
                 .distinct().order_by("-first_published_at").only(*fields)[:RELATED_LIMIT])
    tools = (ThematicToolPage.objects.live().public()
             .filter(locale_id=article.locale_id, tool_objectives__objective_id__in=ids)
             .distinct().order_by("title").only(*fields)[:RELATED_LIMIT])
    return {"practices": list(practices), "tools": list(tools)}
