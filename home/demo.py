"""Demo home pages in English and Arabic, at the root of each language's tree."""

from wagtail.models import Locale, Page, Site

from hub.demo import publish, publish_translation, register

from .models import HomePage

HOME_EN = {
    "title": "GCM Knowledge Hub",
    "lead": (
        "Guidance, practices and conversations to help governments and stakeholders implement "
        "the Global Compact for Safe, Orderly and Regular Migration."
    ),
    "body": [
        ("paragraph", (
            "<p>The hub gathers the implementation guidance of the Global Compact, a repository "
            "of replicable practices submitted by governments, UN entities and civil society, "
            "and discussion spaces where peers learn from each other, in Arabic and English.</p>"
        )),
        ("callout", {
            "title": "Share what works",
            "text": (
                "<p>Any government or organisation can contribute to the growing collection of "
                "practices that show what people around the world do to improve the well-being "
                "of migrants and their communities.</p>"
            ),
        }),
    ],
}

# From the seed documents (the Network's note "in brief" and the hub's presentation).
HOME_AR = {
    "title": "مركز المعارف للاتفاق العالمي من أجل الهجرة",
    "lead": (
        "الأدوات والإرشادات والمبادرات الرامية إلى دعم الحكومات وأصحاب المصلحة في تنفيذ "
        "الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية."
    ),
    "body": [
        ("paragraph", (
            "<p>يعرض مستودع الممارسات التابع للمركز ممارسات قابلة للتكرار ويشكل مصدر إلهام "
            "للجهات الفاعلة المشاركة في تنفيذ الاتفاق العالمي من أجل الهجرة على المستوى العالمي "
            "والوطني والإقليمي والمحلي.</p>"
        )),
        ("callout", {
            "title": "شاركوا ما ينجح",
            "text": (
                "<p>يمكن لأي حكومة أو منظمة أن تساهم في المجموعة المتزايدة من الممارسات التي "
                "توضح ما تقوم به الحكومات والمنظمات والناس في جميع أنحاء العالم لتعزيز رفاهية "
                "المهاجرين ومجتمعاتهم.</p>"
            ),
        }),
    ],
}


@register(order=0)
def load_home_pages(stdout):
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's migrations leave a placeholder page with the slug "home": set it aside.
        placeholders = list(root.get_children().exclude(content_type__model="homepage"))
        for placeholder in placeholders:
            placeholder.slug = f"placeholder-{placeholder.pk}"
            placeholder.save(update_fields=["slug"])
        home = HomePage(slug="home", locale=english, **HOME_EN)
        root.add_child(instance=home)
        publish(home)
        site = Site.objects.filter(is_default_site=True).first() or Site(
            hostname="localhost", port=80, is_default_site=True
        )
        site.root_page = home
        site.site_name = "GCM Knowledge Hub"
        site.save()
        for placeholder in placeholders:
            if not placeholder.get_children().exists():
                placeholder.delete()
        stdout.write("Home page created (en).")
    if not home.has_translation(Locale.objects.get(language_code="ar")):
        publish_translation(home, "ar", **HOME_AR)
        stdout.write("Home page translated (ar).")
