"""Demo content: news, a statement, a press release and a blog series opened to civil society,
in English and as Arabic translations."""

import datetime

from hub.demo import publish, publish_child, publish_index, publish_translation, register

SERIES = {
    "slug": "civil-society-voices",
    "en": ("Civil society voices", "A blog series opened to civil society in 2021: how "
           "organisations work with the Global Compact where they are."),
    "ar": ("أصوات المجتمع المدني", "سلسلة مدونات أُتيحت للمجتمع المدني في عام 2021: كيف تعمل "
           "المنظمات مع الاتفاق العالمي حيث هي."),
}

ARTICLES = (
    {"slug": "regional-review-arab-region", "type": "news", "date": (2026, 10, 12),
     "objectives": (23,), "organisation": ("United Nations Network on Migration",
                                           "شبكة الأمم المتحدة المعنية بالهجرة"),
     "en": ("Arab States prepare the regional review of the Global Compact",
            "Focal points met to agree on the format of the regional review and on the "
            "voluntary reports their governments will bring."),
     "ar": ("الدول العربية تستعد للاستعراض الإقليمي للاتفاق العالمي",
            "اجتمعت نقاط الاتصال للاتفاق على شكل الاستعراض الإقليمي وعلى التقارير الطوعية التي "
            "ستقدمها حكوماتها.")},
    {"slug": "statement-international-migrants-day", "type": "statement",
     "date": (2025, 12, 18), "objectives": (1, 17),
     "organisation": ("United Nations Network on Migration", "شبكة الأمم المتحدة المعنية بالهجرة"),
     "en": ("Statement on International Migrants Day",
            "The Network calls for a migration discourse based on evidence, and for the "
            "protection of the rights of every migrant."),
     "ar": ("بيان بمناسبة اليوم الدولي للمهاجرين",
            "تدعو الشبكة إلى خطاب بشأن الهجرة يستند إلى الأدلة، وإلى حماية حقوق كل مهاجر.")},
    {"slug": "mptf-new-joint-programmes", "type": "press-release", "date": (2026, 6, 3),
     "objectives": (2, 6), "organisation": ("Migration MPTF",
                                            "الصندوق الاستئماني المتعدد الشركاء المعني بالهجرة"),
     "en": ("The Migration MPTF funds new joint programmes",
            "The Steering Committee retained concept notes on fair recruitment and on the "
            "drivers of migration."),
     "ar": ("الصندوق الاستئماني المتعدد الشركاء المعني بالهجرة يموّل برامج مشتركة جديدة",
            "قبلت اللجنة التوجيهية مذكرات مفاهيمية بشأن التوظيف العادل ودوافع الهجرة.")},
    {"slug": "cities-and-migrant-inclusion", "type": "blog", "date": (2026, 3, 9),
     "objectives": (15, 16), "series": True, "author": ("Leila Haddad", "ليلى حداد"),
     "en": ("What cities teach us about inclusion",
            "Local services reach migrants first: a civil-society view from three cities."),
     "ar": ("ما تعلمنا إياه المدن عن الإدماج",
            "تصل الخدمات المحلية إلى المهاجرين أولًا: رؤية من المجتمع المدني في ثلاث مدن.")},
    {"slug": "returning-home-with-skills", "type": "blog", "date": (2025, 11, 20),
     "objectives": (18, 21), "series": True, "author": ("Samir Benali", "سمير بن علي"),
     "en": ("Returning home with skills",
            "How recognition of skills changes the return of migrant workers."),
     "ar": ("العودة إلى الوطن بالمهارات",
            "كيف يغيّر الاعتراف بالمهارات عودة العمال المهاجرين.")},
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

    index = publish_index(
        HomePage, NewsIndexPage, "news", title=("News and blog", "الأخبار والمدونة"),
        intro=("<p>News of the Network, statements, press releases and the blog.</p>",
               "<p>أخبار الشبكة والبيانات والنشرات الصحفية والمدونة.</p>"))
    if index is None:
        return
    series = SeriesPage(title=SERIES["en"][0], intro=SERIES["en"][1], slug=SERIES["slug"])
    arabic_series = publish_child(index, series, title=SERIES["ar"][0], intro=SERIES["ar"][1])
    for spec in ARTICLES:
        title, summary = spec["en"]
        author, organisation = spec.get("author", ("", "")), spec.get("organisation", ("", ""))
        page = ArticlePage(
            title=title, slug=spec["slug"], summary=summary, body=_body(summary),
            article_type=spec["type"], date=datetime.date(*spec["date"]), author=author[0],
            organisation=organisation[0], series=series if spec.get("series") else None)
        index.add_child(instance=page)
        page.article_objectives = objective_links(ArticleObjective, page, spec["objectives"])
        publish(page)
        title, summary = spec["ar"]
        arabic = publish_translation(
            page, "ar", title=title, summary=summary, body=_body(summary), author=author[1],
            organisation=organisation[1], series=arabic_series if spec.get("series") else None)
        arabic.article_objectives = objective_links(ArticleObjective, arabic, spec["objectives"])
        publish(arabic)
    _on_home_pages(index.get_parent(), index, {"en": "Latest news", "ar": "آخر الأخبار"})
    stdout.write(f"News and blog created ({len(ARTICLES)} articles, en and ar).")
