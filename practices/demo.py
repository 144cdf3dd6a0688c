"""Demo repository: the index page in both languages and varied practices, most of them one
content in two languages (the Arabic page a translation of the English one, with the same
taxonomy), some in one language only.

The first two records are the Migration MPTF joint programmes described in the seed documents
(Djibouti and Morocco); the others are realistic composites across objectives and regions.
"""

from dataclasses import dataclass

from home.models import HomePage
from hub.demo import publish_index, publish_record, register
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
GOV, LOCAL, UN = "government-national", "local-and-regional-authorities", "united-nations-system"
NHRI, CSO = "national-human-rights-institutions", "civil-society-organizations"
DIASPORA, PRIVATE, UNIONS = "migrant-and-diaspora-organizations", "private-sector", "trade-unions"
ACADEMIA, MEDIA = "academia", "media"


@dataclass
class Text:
    """One language's words of a practice."""

    title: str
    summary: str
    organisation: str
    results: str
    lessons: str


@dataclass
class Record:
    """A practice: taxonomy once (language-independent keys), the words per language. A record
    with one language only exists in that language; the other shows a notice."""

    en: Text | None
    ar: Text | None
    objectives: list
    countries: list
    region: str
    stakeholders: list
    principles: list
    kind: str
    level: str
    start: int
    end: int | None = None
    original: str = "en"


RECORDS = [
    Record(
        Text("Joint action on migrants' needs and vulnerabilities in Djibouti",
             "A joint programme of the Migration MPTF that brings government services and UN "
             "agencies together along the eastern migration route.",
             "IOM, UNICEF and UNFPA with the Ministry of Interior",
             "Mobile teams reached migrants in six regions; unaccompanied children were referred "
             "to care within 48 hours instead of a week.",
             "Joint case files between agencies avoided asking migrants the same questions three "
             "times."),
        Text("العمل المشترك بشأن احتياجات المهاجرين ومواطن الضعف في جيبوتي",
             "برنامج مشترك للصندوق الاستئماني المتعدد الشركاء المعني بالهجرة يجمع الخدمات "
             "الحكومية ووكالات الأمم المتحدة على طول طريق الهجرة الشرقي.",
             "المنظمة الدولية للهجرة واليونيسف وصندوق الأمم المتحدة للسكان مع وزارة الداخلية",
             "وصلت الفرق المتنقلة إلى المهاجرين في ست مناطق، وأُحيل الأطفال غير المصحوبين إلى "
             "الرعاية خلال 48 ساعة بدلًا من أسبوع.",
             "جنّبت الملفات المشتركة بين الوكالات المهاجرين الإجابة عن الأسئلة نفسها ثلاث مرات."),
        [1, 7, 15], ["DJ"], MENA, [GOV, UN, CSO], [2, 9], "programme", "national", 2020, 2023),
    Record(
        Text("Social cohesion and equitable access to services for migrants in Morocco",
             "Municipal health and education services opened to migrants in four cities, with "
             "community mediators from both host and migrant communities.",
             "IOM, UNFPA and UNHCR with four municipalities",
             "Twice as many migrant women attended antenatal care; school enrolment of migrant "
             "children rose by a third.",
             "Mediators recruited from migrant associations built trust faster than outreach "
             "campaigns."),
        Text("التماسك الاجتماعي والوصول العادل إلى الخدمات للمهاجرين في المغرب",
             "فتحت خدمات الصحة والتعليم البلدية أبوابها للمهاجرين في أربع مدن، بمساعدة وسطاء "
             "مجتمعيين من المجتمعات المضيفة ومجتمعات المهاجرين.",
             "المنظمة الدولية للهجرة وصندوق الأمم المتحدة للسكان والمفوضية مع أربع بلديات",
             "تضاعف عدد المهاجرات اللواتي يتابعن رعاية الحمل، وارتفع تسجيل أطفال المهاجرين في "
             "المدارس بمقدار الثلث.",
             "بنى الوسطاء المختارون من جمعيات المهاجرين الثقة أسرع من حملات التوعية."),
        [15, 16], ["MA"], MENA, [LOCAL, UN, DIASPORA], [4, 10], "service", "local", 2021),
    Record(
        Text("Labour migration statistics unit in Jordan",
             "A unit in the statistics office that joins work-permit, social-security and "
             "survey data into one quarterly bulletin on migrant workers.",
             "Department of Statistics, with ILO support",
             "The first bulletins showed where permits lapsed; the ministry changed renewal "
             "rules in the agricultural sector.",
             "Agreeing on definitions between three ministries took longer than building the "
             "database."),
        Text("وحدة إحصاءات هجرة اليد العاملة في الأردن",
             "وحدة في دائرة الإحصاءات تجمع بيانات تصاريح العمل والضمان الاجتماعي والمسوح في "
             "نشرة فصلية واحدة عن العمال المهاجرين.",
             "دائرة الإحصاءات العامة بدعم من منظمة العمل الدولية",
             "أظهرت النشرات الأولى أين تنقطع التصاريح، فعدّلت الوزارة قواعد التجديد في القطاع "
             "الزراعي.",
             "استغرق الاتفاق على التعاريف بين ثلاث وزارات وقتًا أطول من بناء قاعدة البيانات."),
        [1, 6], ["JO"], MENA, [GOV, ACADEMIA], [9], "research", "national", 2019),
    Record(
        Text("Fair recruitment corridor between Nepal and Qatar",
             "Recruitment agencies on both ends of the corridor agreed to charge no fees to "
             "workers and to publish their contracts in the workers' language.",
             "Ministries of labour of both countries, recruitment agencies and trade unions",
             "Workers placed through the corridor paid no recruitment fees; contract "
             "substitution complaints fell sharply.",
             "Publishing the list of compliant agencies mattered more than sanctions."),
        Text("ممر التوظيف العادل بين نيبال وقطر",
             "اتفقت وكالات التوظيف في طرفي الممر على عدم تقاضي أي رسوم من العمال ونشر العقود "
             "بلغة العمال.",
             "وزارتا العمل في البلدين ووكالات التوظيف والنقابات العمالية",
             "لم يدفع العمال الذين وُظفوا عبر الممر أي رسوم توظيف، وتراجعت الشكاوى من استبدال "
             "العقود تراجعًا كبيرًا.",
             "كان لنشر قائمة الوكالات الملتزمة أثر أكبر من العقوبات."),
        [6], ["NP", "QA"], "asia-and-the-pacific", [GOV, PRIVATE, UNIONS], [3, 9], "partnership",
        "regional", 2018, 2022),
    Record(
        Text("Search and identification of missing migrants in the Mediterranean",
             "Forensic services, coast guards and families' associations share one protocol to "
             "identify migrants who died at sea and to inform their families.",
             "National forensic institute with the Red Crescent and families' associations",
             "More than 200 remains were identified and families received death certificates "
             "they needed for inheritance and remarriage.",
             "Families' associations must be partners from the start, not only recipients of "
             "news."),
        Text("البحث عن المهاجرين المفقودين في البحر المتوسط وتحديد هوياتهم",
             "تتقاسم مصالح الطب الشرعي وخفر السواحل وجمعيات الأسر بروتوكولًا واحدًا لتحديد هوية "
             "المهاجرين الذين قضوا في البحر وإبلاغ أسرهم.",
             "المعهد الوطني للطب الشرعي مع الهلال الأحمر وجمعيات الأسر",
             "حُددت هوية أكثر من 200 رفات، وحصلت الأسر على شهادات الوفاة التي تحتاجها للميراث "
             "والزواج من جديد.",
             "يجب أن تكون جمعيات الأسر شريكة منذ البداية، لا مجرد متلقية للأخبار."),
        [8], ["TN"], MENA, [GOV, CSO, NHRI], [2, 4], "partnership", "national", 2017),
    Record(
        Text("Alternatives to detention for migrant children in Mexico",
             "Children in migration are placed with foster families and in open shelters while "
             "their cases are decided, instead of in detention centres.",
             "National child protection system with UNICEF and shelters run by civil society",
             "No child under 12 was held in detention in the pilot states in 2022.",
             "Case managers with small caseloads made the alternative credible to judges."),
        Text("بدائل احتجاز الأطفال المهاجرين في المكسيك",
             "يُودَع الأطفال في سياق الهجرة لدى أسر حاضنة وفي مراكز إيواء مفتوحة ريثما يُبتّ في "
             "أوضاعهم، بدلًا من مراكز الاحتجاز.",
             "المنظومة الوطنية لحماية الطفل مع اليونيسف ومراكز إيواء يديرها المجتمع المدني",
             "لم يُحتجز أي طفل دون الثانية عشرة في الولايات التجريبية خلال عام 2022.",
             "جعل مديرو الحالات الذين يتابعون عددًا قليلًا من الملفات البديلَ مقنعًا للقضاة."),
        [13, 7], ["MX"], "central-america-and-mexico", [GOV, UN, CSO], [4, 7], "policy",
        "national", 2019),
    Record(
        Text("Cheaper remittances through a price comparison website",
             "A central bank publishes the real cost of sending money home through each "
             "provider, updated every month.",
             "Central Bank with the private sector and migrant associations",
             "The average cost of sending 200 dollars fell from 9 to 5 percent in three years.",
             "Comparison works only if fees and exchange margins are shown together."),
        Text("خفض تكاليف التحويلات عبر موقع لمقارنة الأسعار",
             "ينشر المصرف المركزي التكلفة الفعلية لإرسال الأموال عبر كل مقدّم خدمة، وتُحدَّث "
             "البيانات كل شهر.",
             "المصرف المركزي مع القطاع الخاص وجمعيات المهاجرين",
             "انخفض متوسط تكلفة إرسال 200 دولار من 9 إلى 5 في المئة خلال ثلاث سنوات.",
             "لا تنجح المقارنة إلا إذا عُرضت الرسوم وهوامش الصرف معًا."),
        [20], ["EG"], MENA, [GOV, PRIVATE, DIASPORA], [5], "tool", "national", 2016),
    Record(
        Text("Reintegration support for returnees in Ethiopia",
             "Returnees receive counselling, vocational training and a small grant planned with "
             "their community.",
             "Ministry of Labour and Skills with IOM and local authorities",
             "Two years after return, seven in ten returnees still ran the business they "
             "started.",
             "Community projects reduced the stigma returnees faced."),
        Text("دعم إعادة إدماج العائدين في إثيوبيا",
             "يحصل العائدون على الإرشاد والتدريب المهني ومنحة صغيرة يخطّطون لها مع مجتمعهم.",
             "وزارة العمل والمهارات مع المنظمة الدولية للهجرة والسلطات المحلية",
             "بعد سنتين من العودة، كان سبعة من كل عشرة عائدين ما زالوا يديرون المشروع الذي "
             "بدؤوه.",
             "خففت المشاريع المجتمعية من الوصم الذي يواجهه العائدون."),
        [21], ["ET"], "east-and-southern-africa", [GOV, LOCAL, UN], [6, 10], "programme",
        "local", 2018, 2021),
    Record(
        Text("Recognition of refugees' and migrants' skills in Kenya",
             "A skills assessment that lets migrants prove what they can do on the job, without "
             "the diplomas they left behind.",
             "National qualifications authority with employers and vocational colleges",
             "1,400 people received a recognised certificate; most found work within six months.",
             "Practical tests in workshops were fairer than paper exams."),
        Text("الاعتراف بمهارات اللاجئين والمهاجرين في كينيا",
             "تقييم للمهارات يتيح للمهاجرين إثبات قدراتهم في موقع العمل، دون الشهادات التي "
             "تركوها وراءهم.",
             "الهيئة الوطنية للمؤهلات مع أصحاب العمل والمعاهد المهنية",
             "حصل 1400 شخص على شهادة معترف بها، ووجد معظمهم عملًا خلال ستة أشهر.",
             "كانت الاختبارات العملية في الورش أعدل من الامتحانات الورقية."),
        [18], ["KE"], "east-and-southern-africa", [GOV, PRIVATE, ACADEMIA], [3], "strategy",
        "national", 2020),
    Record(
        Text("Regional training on GCM follow-up and review for focal points",
             "A capacity-building workshop for national focal points of the Arab region on "
             "preparing the voluntary national review.",
             "UN Network on Migration with ESCWA and the League of Arab States",
             "Eleven States submitted voluntary national reviews before the regional review.",
             "Working on the guiding template together made reviews comparable."),
        Text("تدريب إقليمي لنقاط الاتصال حول متابعة الاتفاق العالمي واستعراضه",
             "ورشة عمل لبناء القدرات لنقاط الاتصال الوطنية في المنطقة العربية حول إعداد "
             "الاستعراض الوطني الطوعي.",
             "شبكة الأمم المتحدة المعنية بالهجرة مع الإسكوا وجامعة الدول العربية",
             "قدّمت إحدى عشرة دولة استعراضاتها الوطنية الطوعية قبل الاستعراض الإقليمي.",
             "جعل العمل المشترك على النموذج التوجيهي الاستعراضات قابلة للمقارنة."),
        [23], ["LB", "JO", "IQ"], "arab-region", [GOV, UN], [9, 10], "capacity", "regional",
        2020, 2021),
    Record(
        Text("Migrant worker help desks at airports in the Philippines",
             "Help desks where departing workers check their contract and learn whom to call in "
             "the country of destination.",
             "Department of Migrant Workers",
             "Desks answered 50,000 questions a year; contract irregularities were caught "
             "before departure.",
             "Short, practical briefings worked better than long pre-departure seminars."),
        None,
        [3, 6], ["PH"], "asia-and-the-pacific", [GOV], [1], "service", "national", 2015),
    Record(
        Text("Municipal inclusion strategy in a border town",
             "A town council wrote its first inclusion strategy with migrants, landlords and "
             "schools around one table.",
             "Town council with civil society organizations",
             "Rental disputes handled by the council's mediation service fell by half.",
             "Publishing the strategy in four languages brought migrants to the public "
             "meetings."),
        None,
        [16, 17], ["SN"], "west-and-central-africa", [LOCAL, CSO], [10], "strategy", "local",
        2022),
    Record(
        None,
        Text("مرصد الهجرة في مدينة صفاقس",
             "مرصد محلي يجمع بيانات البلدية والجمعيات عن المهاجرين في المدينة ويصدر تقريرًا "
             "سنويًا.",
             "بلدية صفاقس مع جامعة صفاقس",
             "استندت البلدية إلى التقرير الأول لتوسيع خدمات الصحة المدرسية.",
             "يحتاج المرصد إلى اتفاقيات لتبادل البيانات مكتوبة منذ البداية."),
        [1, 16], ["TN"], MENA, [LOCAL, ACADEMIA], [5], "research", "local", 2021,
        original="ar"),
    Record(
        None,
        Text("خط ساخن لعاملات المنازل المهاجرات في لبنان",
             "خط ساخن بعدة لغات تديره جمعية أهلية ويستقبل شكاوى عاملات المنازل ويحيلها إلى "
             "المحامين والملاجئ.",
             "جمعية أهلية مع نقابة المحامين",
             "تلقى الخط أكثر من 3000 اتصال في السنة الأولى، وسُوّيت مئات النزاعات على الأجور.",
             "وجود موظفات يتكلمن لغات العاملات كان شرطًا لنجاح الخط."),
        [6, 7], ["LB"], MENA, [CSO, DIASPORA], [2, 4], "service", "national", 2019,
        original="ar"),
]


def _link(page, record, locale):
    """The record's taxonomy, by language-independent number or slug, in the page's locale."""
    page.practice_objectives = [PracticeObjective(objective=o) for o in Objective.objects.filter(
        locale=locale, number__in=record.objectives)]
    page.practice_countries = [PracticeCountry(country=c) for c in record.countries]
    page.practice_regions = [PracticeRegion(region=r) for r in Region.objects.filter(
        locale=locale, slug=record.region)]
    page.practice_principles = [PracticePrinciple(principle=p) for p in
                                GuidingPrinciple.objects.filter(locale=locale,
                                                                number__in=record.principles)]
    page.practice_stakeholders = [PracticeStakeholder(stakeholder=s) for s in
                                  StakeholderType.objects.filter(locale=locale,
                                                                 slug__in=record.stakeholders)]


def _words(text):
    return {"title": text.title, "summary": text.summary,
            "description": f"<p>{text.summary}</p>",
            "implementing_organisation": text.organisation,
            "results": f"<p>{text.results}</p>", "lessons_learned": f"<p>{text.lessons}</p>"}


def _facts(record):
    return {"practice_type": record.kind, "implementation_level": record.level,
            "start_year": record.start, "end_year": record.end, "ongoing": record.end is None,
            "submission_language": record.original, "contact_email": "focal.point@example.org"}


@register(order=20)
def load_practices(stdout):
    index = publish_index(HomePage, PracticeIndexPage)
    if index is None:
        return
    for record in RECORDS:
        publish_record(
            index, PracticePage, record.en and {**_words(record.en), **_facts(record)},
            record.ar and {**_words(record.ar), **_facts(record)},
            fill=lambda page, locale, record=record: _link(page, record, locale))
    stdout.write(f"Repository of practices created: {PracticePage.objects.count()} pages.")


@register(order=40)
def load_demo_submissions(stdout):
    """Demo accounts and submissions in several review states (after the repository exists)."""
    from .submission_demo import load_submissions

    load_submissions(stdout)
