"""Demo content: news, a statement, a press release and a blog series opened to civil society,
in English and as Arabic translations (texts in ``demo_content.json``)."""

import datetime

from hub.demo import (
    demo_content,
    publish,
    publish_child,
    publish_index,
    publish_translation,
    register,
)


def _body(summary):
    return [("paragraph", f"<p>{summary}</p>")]


def _on_home_pages(home, index, titles):
    """The latest articles on the home page of each language."""
    from wagtail.models import Locale

    for language_code, title in titles.items():
        locale = Locale.objects.get(language_code=language_code)
        page = home.get_translation(locale).specific
        page.body.append(("latest_items", {"title": title, "section": index.get_translation(
            locale), "count": 3}))
        publish(page)


@register(order=90)
def load_news(stdout):
    from home.models import HomePage
    from hub.models import objective_links

    from .models import ArticleObjective, ArticlePage, NewsIndexPage, SeriesPage

    index = publish_index(HomePage, NewsIndexPage)
    if index is None:
        return
    content = demo_content("news")
    texts = content["series"]
    series = SeriesPage(title=texts["title"]["en"], intro=texts["intro"]["en"], slug=texts["slug"])
    arabic_series = publish_child(index, series, title=texts["title"]["ar"],
                                  intro=texts["intro"]["ar"])
    for spec in content["articles"]:
        title, summary = spec["title"]["en"], spec["summary"]["en"]
        no_one = {"en": "", "ar": ""}
        author, organisation = spec.get("author", no_one), spec.get("organisation", no_one)
        page = ArticlePage(
            title=title, slug=spec["slug"], summary=summary, body=_body(summary),
            article_type=spec["type"], date=datetime.date.fromisoformat(spec["date"]),
            author=author["en"], organisation=organisation["en"],
            series=series if spec.get("series") else None)
        index.add_child(instance=page)
        page.article_objectives = objective_links(ArticleObjective, page, spec["objectives"])
        publish(page)
        title, summary = spec["title"]["ar"], spec["summary"]["ar"]
        arabic = publish_translation(
            page, "ar", title=title, summary=summary, body=_body(summary), author=author["ar"],
            organisation=organisation["ar"],
            series=arabic_series if spec.get("series") else None)
        arabic.article_objectives = objective_links(ArticleObjective, arabic, spec["objectives"])
        publish(arabic)
    _on_home_pages(index.get_parent(), index, content["home_page_title"])
    stdout.write(f"News and blog created ({len(content['articles'])} articles, en and ar).")
