"""Demo content: the country index in both languages, and an editor's page for Morocco."""

from hub.demo import publish_child, publish_index, publish_section, register


@register(order=60)
def load_countries(stdout):
    from home.models import HomePage

    from .models import CountryIndexPage, CountryPage, CountryProfile, PlanStatus

    index = publish_index(HomePage, CountryIndexPage)
    if index is None:
        return
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


@register(order=61)
def load_champions_page(stdout):
    """The champion countries page in both languages; its introduction is the reference data's
    description of the initiative (``champion_countries.description`` and ``selection``)."""
    from home.models import HomePage

    from .models import ChampionCountriesPage

    page = ChampionCountriesPage(
        title="Champion countries", slug="champions",
        intro="<p>The United Nations Network on Migration has invited a group of Member States "
              "to act as champion countries for GCM implementation, targeting them with "
              "dedicated support from the Network, while they offer key reflections, lessons "
              "learned and positive practices that can be showcased in dedicated spaces and "
              "with other Member States.</p><p>GCM champion countries were identified by the "
              "Network's Executive Committee on the basis of a set of guiding criteria. Other "
              "States are welcome to come forward as well.</p>",
    )
    page_ar = publish_section(
        HomePage, page, title="الدول الرائدة",
        intro="<p>دعت شبكة الأمم المتحدة المعنية بالهجرة مجموعة من الدول الأعضاء لتكون بمثابة "
              "«دول رائدة» لتنفيذ الاتفاق العالمي من أجل الهجرة، مستهدفة إياها بدعم صريح من "
              "الشبكة، مع تقديم تأملات رئيسية ودروس مستفادة وممارسات إيجابية يمكن عرضها في "
              "مساحات مخصصة ومع دول أعضاء أخرى.</p><p>حددت اللجنة التنفيذية للشبكة الدول "
              "الرائدة في الاتفاق العالمي من أجل الهجرة بناءً على مجموعة من المعايير "
              "التوجيهية، والدول الأخرى مرحب بها للتقدم كذلك.</p>",
    )
    if page_ar is None:
        return
    stdout.write("Countries: the champion countries page")
