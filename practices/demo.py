"""Demo repository: the index page in both languages and 40+ practices (some in one language).

The first two records are the Migration MPTF joint programmes described in the seed documents
(Djibouti and Morocco); the others are realistic composites across objectives and regions.
"""

from django.utils.text import slugify
from wagtail.models import Locale

from home.models import HomePage
from hub.demo import publish, publish_translation, register
from hub.models import GuidingPrinciple, Objective, Region, StakeholderType

from .models import (
    PracticeCountry,
    PracticeIndexPage,
    PracticeObjective,
    PracticePage,
    PracticePrinciple,
    PracticeRegion,
    PracticeStakeholder,
)

MENA = "middle-east-and-north-africa"
# (English title or None, Arabic title or None, objectives, countries, region, type, level,
#  start, end/None=ongoing, organisation)
RECORDS = [
    ("Joint action on migrants' needs and vulnerabilities in Djibouti",
     "العمل المشترك بشأن احتياجات المهاجرين ومواطن الضعف في جيبوتي",
     [1, 7, 15], ["DJ"], MENA, "programme", "national", 2020, 2023, "IOM, UNICEF, UNFPA"),
    ("Social cohesion and equitable access to services for migrants in Morocco",
     "تحسين التماسك الاجتماعي والوصول العادل للخدمات للمهاجرين في المغرب",
     [15, 16], ["MA"], MENA, "service", "national", 2021, None, "IOM, UNFPA, UNHCR"),
]
TOPICS = [
    (1, "Migration data observatory", "مرصد بيانات الهجرة", "research"),
    (2, "Climate resilience for rural youth", "تعزيز قدرة الشباب الريفي على الصمود المناخي",
     "programme"),
    (3, "One-stop information centre for migrants", "مركز معلومات موحد للمهاجرين", "service"),
    (5, "Seasonal labour mobility scheme", "برنامج التنقل الموسمي لليد العاملة", "policy"),
    (6, "Fair recruitment certification", "شهادة التوظيف العادل", "tool"),
    (7, "Case management for migrants in vulnerable situations",
     "إدارة حالات المهاجرين في أوضاع هشة", "service"),
    (8, "Search for missing migrants network", "شبكة البحث عن المهاجرين المفقودين",
     "partnership"),
    (10, "Counter-trafficking referral mechanism", "آلية إحالة لمكافحة الاتجار بالبشر",
     "partnership"),
    (13, "Alternatives to immigration detention", "بدائل لاحتجاز المهاجرين", "policy"),
    (15, "Migrant health access programme", "برنامج وصول المهاجرين إلى الخدمات الصحية",
     "service"),
    (16, "Municipal inclusion strategy", "استراتيجية بلدية للاندماج", "strategy"),
    (18, "Skills recognition framework", "إطار للاعتراف بالمهارات", "strategy"),
    (19, "Diaspora investment platform", "منصة استثمار المغتربين", "partnership"),
    (20, "Cheaper remittances campaign", "حملة لخفض تكاليف التحويلات", "tool"),
    (21, "Reintegration support for returnees", "دعم إعادة إدماج العائدين", "programme"),
    (23, "Regional consultative process training", "تدريب العملية التشاورية الإقليمية",
     "capacity"),
]
PLACES = [(["JO"], MENA), (["EG"], MENA), (["TN"], MENA), (["LB"], MENA), (["IQ"], MENA),
          (["KE"], "east-and-southern-africa"), (["ET", "DJ"], "east-and-southern-africa"),
          (["SN"], "west-and-central-africa"), (["PH"], "asia-and-the-pacific"),
          (["MX"], "latin-america-and-the-caribbean")]
LEVELS = ["local", "national", "regional", "national"]


def _records():
    yield from RECORDS
    for n, (objective, en, ar, kind) in enumerate(TOPICS * 3):
        countries, region = PLACES[n % len(PLACES)]
        round_ = n // len(TOPICS)
        title_en = en if round_ == 0 else f"{en} ({countries[0]})"
        title_ar = ar if round_ == 0 else f"{ar} ({countries[0]})"
        # A third of the records exist in one language only (English-only or Arabic-only).
        if n % 6 == 4:
            title_ar = None
        elif n % 6 == 5:
            title_en = None
        end = None if n % 3 == 0 else 2016 + n % 9
        yield (title_en, title_ar, [objective, (objective % 23) + 1], countries, region, kind,
               LEVELS[n % 4], 2012 + n % 9, end, "IOM and national partners")


def _link(page, numbers, countries, region, locale, n):
    page.practice_objectives = [PracticeObjective(objective=o) for o in
                                Objective.objects.filter(locale=locale, number__in=numbers)]
    page.practice_countries = [PracticeCountry(country=c) for c in countries]
    page.practice_regions = [PracticeRegion(region=r) for r in
                             Region.objects.filter(locale=locale, slug=region)]
    page.practice_principles = [PracticePrinciple(principle=p) for p in
                                GuidingPrinciple.objects.filter(locale=locale,
                                                                number__in=[1, 1 + n % 10])]
    page.practice_stakeholders = [PracticeStakeholder(stakeholder=s) for s in
                                  StakeholderType.objects.filter(locale=locale)[n % 5:n % 5 + 2]]


def _fields(title, summary, kind, level, start, end, organisation, language):
    return {"title": title, "slug": slugify(title)[:60] or None, "summary": summary,
            "description": f"<p>{summary}</p>", "practice_type": kind,
            "implementation_level": level, "start_year": start, "end_year": end,
            "ongoing": end is None, "implementing_organisation": organisation,
            "submission_language": language, "contact_email": "focal.point@example.org"}


@register(order=20)
def load_practices(stdout):
    english, arabic = (Locale.objects.get(language_code=c) for c in ("en", "ar"))
    home = HomePage.objects.filter(locale=english).first()
    if home is None or PracticeIndexPage.objects.filter(locale=english).exists():
        return
    index = PracticeIndexPage(
        title="Repository of practices", slug="practices", show_in_menus=True,
        intro="<p>Replicable practices that show how governments and stakeholders implement "
              "the Global Compact for Migration.</p>")
    home.add_child(instance=index)
    publish(index)
    index_ar = publish_translation(
        index, "ar", title="مستودع الممارسات",
        intro="<p>ممارسات قابلة للتكرار تشكل مصدر إلهام للجهات الفاعلة في تنفيذ الاتفاق "
              "العالمي من أجل الهجرة.</p>")
    for n, (en, ar, numbers, countries, region, kind, level, start, end, org) in enumerate(
            _records()):
        summary_en = (f"{en or ar}: a {kind} led by {org} that improves the situation of "
                      f"migrants and communities, with measurable results and lessons for "
                      f"other countries.")
        summary_ar = (f"{ar or en}: مبادرة تنفذها جهات وطنية ودولية لتحسين أوضاع المهاجرين "
                      f"والمجتمعات المضيفة، مع نتائج قابلة للقياس ودروس مستفادة.")
        if en:
            page = PracticePage(locale=english, **_fields(en, summary_en, kind, level, start,
                                                          end, org, "en"))
            _link(page, numbers, countries, region, english, n)
            index.add_child(instance=page)
            publish(page)
            if ar:
                translation = page.copy_for_translation(arabic)
                for key, value in _fields(ar, summary_ar, kind, level, start, end, org,
                                          "en").items():
                    if key != "slug":
                        setattr(translation, key, value)
                _link(translation, numbers, countries, region, arabic, n)
                translation.save()
                publish(translation)
        else:
            page = PracticePage(locale=arabic, **_fields(ar, summary_ar, kind, level, start, end,
                                                         org, "ar"))
            page.slug = f"practice-ar-{n}"
            _link(page, numbers, countries, region, arabic, n)
            index_ar.add_child(instance=page)
            publish(page)
    stdout.write(f"Repository of practices created: {PracticePage.objects.count()} pages.")


@register(order=40)
def load_demo_submissions(stdout):
    """Demo accounts and submissions in several review states (after the repository exists)."""
    from .submission_demo import load_submissions

    load_submissions(stdout)
