# ruff: noqa: E501  (demo text: one sentence per line reads better than wrapped strings)
"""Demo guidance tree in English and Arabic: index, guide, handbook with the 23 objective pages,
and thematic tool pages. Arabic text of the guide draws on the seed documents (national
implementation plans; the Network "in brief")."""

import json
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale

from home.models import HomePage
from hub.demo import publish, publish_translation, register
from hub.models import Objective

from .models import (
    GuidanceIndexPage,
    GuidePage,
    HandbookPage,
    ObjectivePage,
    ThematicToolObjective,
    ThematicToolPage,
    ToolsIndexPage,
)

# One specific sentence per objective (English, Arabic); a shared second sentence follows.
FOCUS = {
    1: ("Reliable, disaggregated data lets governments see who migrates, why and with what outcomes.", "تتيح البيانات الموثوقة والمصنفة للحكومات معرفة من يهاجر ولماذا وبأي نتائج."),
    2: ("Reducing the adverse drivers of migration means investing in development, resilience and climate adaptation where people live.", "يعني الحد من الدوافع السلبية للهجرة الاستثمار في التنمية والقدرة على الصمود والتكيف مع المناخ حيث يعيش الناس."),
    3: ("Migrants need accurate, timely information at every stage of migration, in a language they understand.", "يحتاج المهاجرون إلى معلومات دقيقة وفي الوقت المناسب في كل مراحل الهجرة وبلغة يفهمونها."),
    4: ("Every migrant should have proof of legal identity and adequate documentation.", "ينبغي أن يحمل كل مهاجر ما يثبت هويته القانونية ووثائق كافية."),
    5: ("Regular pathways, such as labour mobility schemes and family reunification, widen safe options for migrants.", "توسّع المسارات النظامية، مثل برامج تنقل العمالة ولمّ شمل الأسر، الخيارات الآمنة أمام المهاجرين."),
    6: ("Fair and ethical recruitment protects migrant workers from fees, deception and exploitation.", "يحمي التوظيف العادل والأخلاقي العمال المهاجرين من الرسوم والخداع والاستغلال."),
    7: ("Addressing and reducing vulnerabilities in migration starts with identifying migrants at risk and responding to their needs.", "تبدأ معالجة مواطن الضعف في الهجرة والحد منها بتحديد المهاجرين المعرضين للخطر والاستجابة لاحتياجاتهم."),
    8: ("Saving lives means coordinated search and rescue and efforts to trace missing migrants.", "يعني إنقاذ الأرواح تنسيق عمليات البحث والإنقاذ وجهود تعقّب المهاجرين المفقودين."),
    9: ("Countering the smuggling of migrants requires cooperation across borders while protecting smuggled people.", "تتطلب مكافحة تهريب المهاجرين تعاوناً عبر الحدود مع حماية الأشخاص المهرَّبين."),
    10: ("Preventing and combating trafficking in persons means identifying victims and prosecuting traffickers.", "يعني منع الاتجار بالأشخاص ومكافحته تحديد الضحايا وملاحقة المتجرين قضائياً."),
    11: ("Integrated, secure and coordinated border management respects human rights at every crossing.", "تحترم الإدارة المتكاملة والآمنة والمنسقة للحدود حقوق الإنسان عند كل معبر."),
    12: ("Certainty and predictability in migration procedures allow appropriate screening, assessment and referral.", "يتيح اليقين وإمكانية التنبؤ في إجراءات الهجرة الفرز والتقييم والإحالة على النحو المناسب."),
    13: ("Immigration detention should be a measure of last resort, and alternatives to it should be pursued.", "ينبغي أن يكون احتجاز المهاجرين تدبيراً أخيراً، وأن يُسعى إلى بدائل له."),
    14: ("Consular protection, assistance and cooperation support nationals abroad throughout the migration cycle.", "تدعم الحماية والمساعدة والتعاون القنصلي المواطنين في الخارج طوال دورة الهجرة."),
    15: ("Migrants should have safe access to basic services, whatever their status.", "ينبغي أن يتمكن المهاجرون من الحصول الآمن على الخدمات الأساسية أياً كان وضعهم."),
    16: ("Empowering migrants and societies to realize full inclusion and social cohesion benefits everyone.", "يعود تمكين المهاجرين والمجتمعات من تحقيق الإدماج الكامل والتماسك الاجتماعي بالنفع على الجميع."),
    17: ("Eliminating discrimination and promoting evidence-based public discourse shape perceptions of migration.", "يسهم القضاء على التمييز وتعزيز الخطاب العام القائم على الأدلة في تشكيل التصورات عن الهجرة."),
    18: ("Investing in skills development and mutual recognition of qualifications lets migrants use their talents.", "يتيح الاستثمار في تنمية المهارات والاعتراف المتبادل بالمؤهلات للمهاجرين الاستفادة من مواهبهم."),
    19: ("Migrants and diasporas can contribute fully to sustainable development in all countries.", "يمكن للمهاجرين والجاليات أن يساهموا مساهمة كاملة في التنمية المستدامة في جميع البلدان."),
    20: ("Faster, safer and cheaper remittances and financial inclusion support migrants' families.", "تدعم التحويلات المالية الأسرع والأكثر أماناً والأقل تكلفة والشمول المالي أسر المهاجرين."),
    21: ("Safe and dignified return and readmission go together with sustainable reintegration.", "تقترن العودة الآمنة والكريمة وإعادة القبول بإعادة الإدماج المستدامة."),
    22: ("Portability of social security entitlements and earned benefits protects migrant workers.", "تحمي إمكانية نقل استحقاقات الضمان الاجتماعي والمزايا المكتسبة العمال المهاجرين."),
    23: ("International cooperation and global partnerships make safe, orderly and regular migration possible.", "يجعل التعاون الدولي والشراكات العالمية الهجرة الآمنة والمنظمة والنظامية ممكنة."),
}
SECOND = (
    "This chapter of the handbook explains the commitments, the actions governments and stakeholders can take, and examples of practical application.",
    "ويشرح هذا الفصل من الكتيّب الالتزامات والإجراءات التي يمكن للحكومات وأصحاب المصلحة اتخاذها وأمثلة على التطبيق العملي.",
)
# Actions and an example for some objectives (English, Arabic): (actions, (example title, text)).
DETAILS = {
    1: (("Agree on common definitions of migrant workers across ministries.", "Publish disaggregated data by sex, age and migration status at regular intervals."),
        ("وحدة إحصاءات هجرة اليد العاملة في الأردن", "Labour migration statistics unit in Jordan"),
        ("الاتفاق على تعاريف مشتركة للعمال المهاجرين بين الوزارات.", "نشر بيانات مصنفة حسب الجنس والعمر ووضع الهجرة على فترات منتظمة.")),
    7: (("Identify migrants in vulnerable situations at first contact and refer them within set time limits.", "Share case files between agencies with the migrant's consent."),
        ("العمل المشترك بشأن احتياجات المهاجرين ومواطن الضعف في جيبوتي", "Joint action on migrants' needs and vulnerabilities in Djibouti"),
        ("تحديد المهاجرين في أوضاع هشة عند أول اتصال وإحالتهم في آجال محددة.", "تبادل ملفات الحالات بين الوكالات بموافقة المهاجر.")),
    8: (("Adopt one protocol for the identification of migrants who died in transit.", "Involve families' associations from the start."),
        ("البحث عن المهاجرين المفقودين في البحر المتوسط وتحديد هوياتهم", "Search and identification of missing migrants in the Mediterranean"),
        ("اعتماد بروتوكول واحد لتحديد هوية المهاجرين الذين يلقون حتفهم في أثناء العبور.", "إشراك جمعيات الأسر منذ البداية.")),
    15: (("Open municipal health and education services to all migrants, whatever their status.", "Work with community mediators from migrant associations."),
         ("التماسك الاجتماعي والوصول العادل إلى الخدمات للمهاجرين في المغرب", "Social cohesion and equitable access to services for migrants in Morocco"),
         ("فتح خدمات الصحة والتعليم البلدية أمام جميع المهاجرين أيًّا كان وضعهم.", "العمل مع وسطاء مجتمعيين من جمعيات المهاجرين.")),
    20: (("Publish the full cost of sending money through each provider.", "Show fees and exchange margins together."),
         ("خفض تكاليف التحويلات عبر موقع لمقارنة الأسعار", "Cheaper remittances through a price comparison website"),
         ("نشر التكلفة الكاملة لإرسال الأموال عبر كل مقدّم خدمة.", "عرض الرسوم وهوامش الصرف معًا.")),
    23: (("Prepare the voluntary national review with all stakeholders.", "Take part in the regional review and the International Migration Review Forum."),
         ("تدريب إقليمي لنقاط الاتصال حول متابعة الاتفاق العالمي واستعراضه", "Regional training on GCM follow-up and review for focal points"),
         ("إعداد الاستعراض الوطني الطوعي مع جميع أصحاب المصلحة.", "المشاركة في الاستعراض الإقليمي وفي منتدى استعراض الهجرة الدولية.")),
}


def _objective_texts(n, objective, language):
    """Overview, actions and examples of an objective page in one language."""
    focus = FOCUS[n][0 if language == "en" else 1]
    fields = {"overview": f"<p>{objective.title}</p><p>{focus}</p>"}
    if n in DETAILS:
        actions_en, (example_ar, example_en), actions_ar = DETAILS[n]
        actions = actions_en if language == "en" else actions_ar
        fields["actions"] = "<ul>" + "".join(f"<li>{a}</li>" for a in actions) + "</ul>"
        example = example_en if language == "en" else example_ar
        text = ("A practice from the repository." if language == "en"
                else "ممارسة من مستودع الممارسات.")
        fields["examples"] = [("example", {"title": example, "text": f"<p>{text}</p>"})]
    return fields


TOOL_OBJECTIVES = [[13, 7], [5, 7], [5, 6, 22], [21, 14], [15, 16], [17, 16], [15, 23]]

# The guide's body, each block in English and Arabic: a heading's level (h2, h3) or a
# paragraph's HTML ("p").
GUIDE = (
    ("h2", "The Global Compact in brief", "الاتفاق العالمي باختصار"),
    ("p", "<p>The Global Compact for Safe, Orderly and Regular Migration sets out 23 objectives and ten guiding principles. The United Nations Network on Migration supports governments and stakeholders in implementing it.</p>",
     "<p>يحدد الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية 23 هدفاً وعشرة مبادئ توجيهية. وتقدم شبكة الأمم المتحدة المعنية بالهجرة الأدوات والإرشادات والمبادرات الرامية إلى دعم الحكومات وأصحاب المصلحة في تنفيذه.</p>"),
    ("h2", "National implementation plans", "خطط التنفيذ الوطنية"),
    ("p", "<p>A national implementation plan turns the Compact's objectives into national priorities, with a whole-of-government and whole-of-society approach.</p>",
     "<p>كُلِّف الفريق العامل الرئيسي 2-2 بمهمة وضع التوجيهات والأدوات اللازمة لدعم جهود الدول الأعضاء لأجل تنفيذ الاتفاق العالمي، بما في ذلك من خلال وضع خطط تنفيذ وطنية.</p>"),
    ("p", "<p>The guidance comes in two parts: this guide, which gives an overview of the Global Compact and a process to support governments and other stakeholders in implementing it, and the handbook, with thematic information on all 23 objectives and examples of practical application. There is no one-size-fits-all approach: adapt the steps below to your country.</p>",
     "<p>تُقدَّم الإرشادات في جزأين: هذا الدليل الذي يقدم لمحة عامة عن الاتفاق العالمي ويدرج عملية لدعم الحكومات وأصحاب المصلحة الآخرين في تنفيذه، والكتيّب الذي يقدم معلومات مواضيعية عن جميع أهداف الاتفاق العالمي الـ23 مع أمثلة على التطبيق العملي. ولا يوجد نهج واحد يناسب الجميع: كيّفوا الخطوات التالية مع أوضاع بلدكم.</p>"),
    ("h3", "Step 1: Mobilize", "الخطوة 1: التعبئة"),
    ("p", "<p>Secure political leadership and set up a coordination mechanism that brings together the ministries concerned, local and regional authorities and other stakeholders: migrant organizations, civil society, the private sector, trade unions, academia and national human rights institutions.</p>",
     "<p>ضمان القيادة السياسية وإنشاء آلية تنسيق تجمع الوزارات المعنية والسلطات المحلية والإقليمية وسائر أصحاب المصلحة: منظمات المهاجرين والمجتمع المدني والقطاع الخاص والنقابات العمالية والأوساط الأكاديمية والمؤسسات الوطنية لحقوق الإنسان.</p>"),
    ("h3", "Step 2: Review the current situation", "الخطوة 2: تحليل الوضع القائم"),
    ("p", "<p>Take stock of migration policies, institutions and data, and of the gaps against the 23 objectives. Note what data exist and what is missing.</p>",
     "<p>حصر سياسات الهجرة ومؤسساتها وبياناتها، وتحديد الثغرات قياسًا بالأهداف الـ23، مع بيان البيانات المتوفرة والناقصة.</p>"),
    ("h3", "Step 3: Design the plan", "الخطوة 3: تصميم الخطة"),
    ("p", "<p>Choose the priority objectives, agree on actions, responsibilities, timelines and indicators, and apply the guiding principles, including the whole-of-government and whole-of-society approaches.</p>",
     "<p>اختيار الأهداف ذات الأولوية، والاتفاق على الإجراءات والمسؤوليات والجداول الزمنية والمؤشرات، وتطبيق المبادئ التوجيهية، ومنها النهج الحكومي المتكامل والنهج المجتمعي المتكامل.</p>"),
    ("h3", "Step 4: Implement", "الخطوة 4: التنفيذ"),
    ("p", "<p>Carry out the actions with the means of implementation identified: budget, partnerships, support from the UN country team and, where relevant, the Migration MPTF.</p>",
     "<p>تنفيذ الإجراءات بوسائل التنفيذ المحددة: الميزانية والشراكات ودعم فريق الأمم المتحدة القطري، والصندوق الاستئماني المتعدد الشركاء المعني بالهجرة عند الاقتضاء.</p>"),
    ("h3", "Step 5: Monitor, evaluate and report", "الخطوة 5: الرصد والتقييم والإبلاغ"),
    ("p", "<p>Track progress against the indicators, learn from what works and feed the results into the voluntary national review.</p>",
     "<p>تتبّع التقدم المحرز وفق المؤشرات، والتعلّم مما ينجح، وإدراج النتائج في الاستعراض الوطني الطوعي.</p>"),
    ("h2", "Follow-up and review", "المتابعة والاستعراض"),
    ("p", "<p>Voluntary national reviews, regional reviews and the International Migration Review Forum track progress and share lessons learned.</p>",
     "<p>تتيح الاستعراضات الوطنية الطوعية والاستعراضات الإقليمية ومنتدى استعراض الهجرة الدولية تتبّع التقدم المحرز وتبادل الدروس المستفادة.</p>"),
)


def _guide_body(language):
    """The guide's body in one language, as StreamField blocks."""
    blocks = []
    for kind, english, arabic in GUIDE:
        text = english if language == "en" else arabic
        blocks.append(("paragraph", text) if kind == "p"
                      else ("heading", {"text": text, "level": kind}))
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
            slug=f"objective-{n}", objective=objective, summary=f"{FOCUS[n][0]} {SECOND[0]}",
            **_objective_texts(n, objective, "en"),
        ))
        ar_objective = Objective.objects.get(locale=arabic, number=n)
        publish_translation(page, "ar", objective=ar_objective,
                            title=f"الهدف {n}: {ar_objective.short_title or ar_objective.title}"[:255],
                            summary=f"{FOCUS[n][1]} {SECOND[1]}",
                            **_objective_texts(n, ar_objective, "ar"))
    tools = _child(index, ToolsIndexPage(title="Thematic tools", slug="tools"))
    publish_translation(tools, "ar", title="الأدوات المواضيعية")
    data = json.loads((Path(settings.BASE_DIR) / "hub/reference/gcm.json").read_text())
    for tool, numbers in zip(data["thematic_tools"], TOOL_OBJECTIVES, strict=False):
        from django.utils.text import slugify
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
