"""Demo content: the country index in both languages, and an editor's page for Morocco."""

from hub.demo import publish_child, register


@register(order=60)
def load_countries(stdout):
    from home.models import HomePage

    from .models import CountryIndexPage, CountryPage, CountryProfile, PlanStatus

    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None or CountryIndexPage.objects.exists():
        return
    index = CountryIndexPage(
        title="Countries", slug="countries", show_in_menus=True,
        intro="<p>What each United Nations member State does to implement the Global Compact "
              "for Migration: its voluntary national reviews, practices and national plan.</p>",
    )
    publish_child(
        home, index, title="البلدان",
        intro="<p>ما تفعله كل دولة عضو في الأمم المتحدة لتنفيذ الاتفاق العالمي من أجل الهجرة: "
              "استعراضاتها الوطنية الطوعية وممارساتها وخطتها الوطنية.</p>",
    )
    CountryProfile.objects.filter(country="MA").update(
        champion_since=2020, has_un_network=True, plan_status=PlanStatus.ADOPTED, plan_year=2021,
    )
    CountryProfile.objects.filter(country__in=["JO", "EG", "IQ"]).update(has_un_network=True)
    CountryProfile.objects.filter(country="JO").update(plan_status=PlanStatus.PREPARING)
    morocco = CountryPage(
        title="Morocco", country="MA",
        intro="<p>Morocco is one of the first champion countries of the Global Compact.</p>",
    )
    publish_child(index, morocco, title="المغرب",
                  intro="<p>المغرب من أوائل الدول الرائدة في الاتفاق العالمي.</p>")
    stdout.write("Countries: index and Morocco's page")
