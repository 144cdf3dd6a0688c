"""Demo pledges: the index in both languages and about 30 pledges of the four types and every
status, most in both languages (Arabic as the translation of the English page), a few with
progress notes and linked practices; plus a demo maker's pledges in moderation states."""

import datetime
from decimal import Decimal

from home.models import HomePage
from hub.demo import publish_index, publish_record, register
from hub.models import Objective, StakeholderType
from practices.models import PracticePage

from .models import (
    PledgeCountry,
    PledgeIndexPage,
    PledgeObjective,
    PledgePage,
    PledgePractice,
    PledgeStakeholder,
    ProgressNote,
)

# (English title or None, Arabic title or None, type, objectives, countries, entity (en, ar),
#  stakeholder position, amount or None, currency)
TOPICS = [
    ("Fund for the reintegration of returnees", "صندوق لإعادة إدماج العائدين", "financial",
     [21], ["MA"], ("Kingdom of Morocco", "المملكة المغربية"), 0, "2500000.00", "MAD"),
    ("Seconded labour-migration experts", "خبراء معارون في مجال هجرة اليد العاملة",
     "human-resources", [6, 18], ["JO"], ("Ministry of Labour", "وزارة العمل"), 0, None, ""),
    ("National coordination mechanism on migration", "آلية وطنية لتنسيق شؤون الهجرة",
     "process", [23, 1], ["TN"], ("Government of Tunisia", "الحكومة التونسية"), 0, None, ""),
    ("Firewall between services and immigration enforcement",
     "فصل الخدمات عن إنفاذ قوانين الهجرة", "policy", [15], ["PT"],
     ("Government of Portugal", "حكومة البرتغال"), 0, None, ""),
    ("Contribution to the Migration MPTF", "مساهمة في الصندوق الاستئماني المتعدد الشركاء المعني "
     "بالهجرة", "financial", [23], [], ("Government of Canada", "حكومة كندا"), 0,
     "1500000.00", "USD"),
    ("Municipal migrant help desks", "مكاتب بلدية لمساعدة المهاجرين", "process", [3, 16],
     ["EG"], ("City of Alexandria", "محافظة الإسكندرية"), 1, None, ""),
    ("Legal aid for migrant workers", "المساعدة القانونية للعمال المهاجرين", "human-resources",
     [6, 16], ["LB"], ("Migrant Rights Network", "شبكة حقوق المهاجرين"), 4, None, ""),
    ("Data on missing migrants", "بيانات عن المهاجرين المفقودين", "financial", [8, 1], ["DJ"],
     ("Red Crescent Society", "جمعية الهلال الأحمر"), 4, "120000.00", "EUR"),
    ("Alternatives to detention for children", "بدائل احتجاز الأطفال", "policy", [13], ["SV"],
     ("Government of El Salvador", "حكومة السلفادور"), 0, None, ""),
    ("Diaspora investment matching grants", "منح مطابقة لاستثمارات المغتربين", "financial",
     [19, 20], ["PH"], ("Diaspora Council", "مجلس المغتربين"), 5, "300000.00", "USD"),
    ("Fair recruitment in the private sector", "التوظيف العادل في القطاع الخاص", "policy", [6],
     ["KE"], ("Employers' Federation", "اتحاد أصحاب العمل"), 6, None, ""),
    ("Training of consular staff", "تدريب موظفي القنصليات", "human-resources", [14], ["GW"],
     ("Ministry of Foreign Affairs", "وزارة الخارجية"), 0, None, ""),
    ("Research chair on migration statistics", "كرسي بحثي لإحصاءات الهجرة", "financial", [1],
     ["SN"], ("University of Dakar", "جامعة داكار"), 8, "80000.00", "XOF"),
    ("Inclusive media reporting on migrants", "تغطية إعلامية منصفة للمهاجرين", "process", [17],
     ["MX"], ("Press Association", "رابطة الصحفيين"), 9, None, ""),
    ("Cheaper remittance corridors", "خفض تكاليف ممرات التحويلات", "policy", [20], ["IQ"],
     ("Central Bank", "البنك المركزي"), 0, None, ""),
]
STATUSES = ["announced", "in-progress", "fulfilled", "in-progress", "withdrawn", "announced"]
STAKEHOLDER_SLUGS = None  # read from the database: the reference data's order


def _records():
    """30 pledges: each topic twice (the second for another year and, for a third of them, in
    one language only)."""
    for round_ in range(2):
        for n, topic in enumerate(TOPICS):
            en, ar, kind, objectives, countries, entity, holder, amount, currency = topic
            number = round_ * len(TOPICS) + n
            if round_:
                en = f"{en} (phase 2)"
                ar = f"{ar} (المرحلة الثانية)"
                if number % 5 == 1:
                    ar = None
                elif number % 5 == 3:
                    en = None
            yield (number, en, ar, kind, objectives, countries, entity, holder,
                   Decimal(amount) * (round_ + 1) if amount else None, currency)


def _fill(page, number, kind, objectives, countries, entity, holder, amount, currency, locale,
          language):
    stakeholders = list(StakeholderType.objects.filter(locale=locale).order_by("pk"))
    status = STATUSES[number % len(STATUSES)]
    start = datetime.date(2019 + number % 6, 1 + number % 12, 1)
    page.pledge_type = kind
    page.status = status
    page.pledging_entity = entity[0] if language == "en" else entity[1]
    page.target = ("Measurable target: 1,000 people reached and a public report each year."
                   if language == "en" else
                   "الهدف القابل للقياس: الوصول إلى 1000 شخص وتقرير علني كل عام.")
    page.start_date, page.end_date = start, start.replace(year=start.year + 3)
    page.amount, page.currency = amount, currency
    page.is_global = not countries
    page.pledge_objectives = [PledgeObjective(objective=o) for o in Objective.objects.filter(
        locale=locale, number__in=objectives).order_by("number")]
    page.pledge_countries = [PledgeCountry(country=c) for c in countries]
    page.pledge_stakeholders = [PledgeStakeholder(stakeholder=stakeholders[holder % len(
        stakeholders)])] if stakeholders else []
    if status != "announced" and number % 3 == 0:
        page.progress_notes = [ProgressNote(
            date=start.replace(year=start.year + 1), status=status,
            note="First results reported to the Network." if language == "en"
            else "أُبلغت الشبكة بالنتائج الأولى.")]
    practices = list(PracticePage.objects.live().filter(
        locale=locale, practice_objectives__objective__number__in=objectives
    ).order_by("pk")[:1]) if number % 4 == 0 else []
    page.pledge_practices = [PledgePractice(practice=p) for p in practices]


def _summary(title, entity, language):
    if language == "en":
        return f"{entity[0]} pledges: {title}."
    return f"تتعهد {entity[1]} بما يلي: {title}."


@register(order=30)
def load_pledges(stdout):
    index = publish_index(HomePage, PledgeIndexPage)
    if index is None:
        return
    for number, en, ar, kind, objectives, countries, entity, holder, amount, currency in (
            _records()):
        common = (number, kind, objectives, countries, entity, holder, amount, currency)
        publish_record(
            index, PledgePage, en and {"title": en, "summary": _summary(en, entity, "en")},
            ar and {"title": ar, "summary": _summary(ar, entity, "ar")},
            fill=lambda page, locale, common=common: _fill(page, *common, locale,
                                                           locale.language_code),
            arabic_slug=f"pledge-ar-{number}")
    stdout.write(f"Pledges created: {PledgePage.objects.count()} pages.\n")


@register(order=45)
def load_pledge_submissions(stdout):
    """The demo submitter's pledges in moderation states (after the demo accounts exist)."""
    from practices.submission_demo import _account

    from . import services
    from .workflow import GROUP, pledge_review_workflow

    if services.index_for("en") is None:
        return
    pledge_review_workflow()
    maker = _account("submitter@demo.local", "Demo Submitter", None, "ar")
    secretariat = _account("secretariat@demo.local", "Demo Secretariat", GROUP, "en")
    if PledgePage.objects.filter(owner=maker).exists():
        return
    data = {"summary": "A demo pledge.", "pledge_type": "financial", "pledging_entity":
            "Demo Municipality", "stakeholder": "local-and-regional-authorities",
            "target": "200 families housed.", "start_date": datetime.date(2025, 1, 1),
            "end_date": datetime.date(2027, 1, 1), "amount": Decimal("50000.00"),
            "currency": "EUR", "objectives": [15], "countries": ["JO"]}

    def make(title, language="en"):
        return services.save_draft(maker, {**data, "title": title}, language)

    def approve(page):
        page = PledgePage.objects.get(pk=page.pk)
        page.current_workflow_task.on_action(page.current_workflow_task_state, secretariat,
                                             "approve")

    make("Demo draft pledge: housing fund")
    services.submit(maker, make("تعهد تجريبي قيد الإشراف: صندوق للسكن", "ar"))
    page = make("Demo pledge, changes requested: shelters")
    services.submit(maker, page)
    page = PledgePage.objects.get(pk=page.pk)
    page.current_workflow_task.on_action(page.current_workflow_task_state, secretariat,
                                         "reject", comment="Please give the source of funds.")
    page = make("Demo published pledge with an update awaiting moderation")
    services.submit(maker, page)
    approve(page)
    page = PledgePage.objects.get(pk=page.pk)
    services.post_progress(maker, page, "in-progress", datetime.date(2025, 6, 1),
                           "Half of the families housed.")
    stdout.write("Demo pledge submissions loaded.\n")
