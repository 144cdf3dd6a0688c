"""Demo discussions: an English space and an Arabic one (authored in Arabic), each with an open
topic and a closed one in the archive, numbered questions and replies from demo users.

Demo users have unusable passwords: they only author content and cannot log in. Idempotent:
does nothing once the English discussions index exists.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from home.models import HomePage
from hub.demo import publish, publish_translation, register
from hub.models import Objective

from .models import (
    DiscussionIndexPage,
    DiscussionSpacePage,
    DiscussionTopicPage,
    Question,
    Reply,
    SpaceObjective,
)

DEMO_USERS = [
    ("demo-amina", "Amina", "Haddad", "ar"),
    ("demo-carlos", "Carlos", "Mendoza", "en"),
    ("demo-leila", "Leila", "Mansour", "ar"),
    ("demo-james", "James", "Okoro", "en"),
]

ENGLISH = {
    "title": "Regional reviews of the Global Compact",
    "slug": "regional-reviews",
    "description": "<p>Member states and stakeholders prepare the regional reviews of the GCM "
                   "together: what to report, how to involve migrants, what to do next.</p>",
    "expected_audience": "Member states, local authorities, civil society and migrant "
                         "organisations taking part in regional reviews.",
    "languages": "English, Arabic",
    "objectives": [1, 23],
    "topics": [
        {
            "title": "Preparing a voluntary national review",
            "slug": "voluntary-national-review",
            "welcome": "<p>Welcome! Share how your government prepares its voluntary review "
                       "and who takes part.</p>",
            "closed": False,
            "questions": [
                "Who takes part in preparing your national review, and how?",
                "Which data sources do you rely on for reporting?",
            ],
            "replies": [
                (0, "demo-carlos", "We held three consultations with migrant organisations, "
                 "one in each region. Minutes: https://example.org/consultations", [
                     ("demo-amina", "Did the consultations include local authorities?"),
                 ]),
                (1, "demo-james", "Labour-force surveys and consular registers, mainly.", []),
            ],
        },
        {
            "title": "Lessons from the first review cycle",
            "slug": "first-review-cycle",
            "welcome": "<p>This discussion ran before the first International Migration "
                       "Review Forum. It is closed and kept for reference.</p>",
            "closed": True,
            "questions": ["What would you do differently in the next review cycle?"],
            "replies": [
                (0, "demo-james", "Start earlier, and budget for translation.", [
                    ("demo-carlos", "Agreed: translation took us two months."),
                ]),
            ],
        },
    ],
}

ARABIC = {
    "title": "خطط التنفيذ الوطنية للاتفاق العالمي",
    "slug": "national-implementation-plans",
    "description": "<p>مساحة لتبادل الخبرات بين الدول الأعضاء وأصحاب المصلحة حول وضع خطط "
                   "التنفيذ الوطنية للاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية، "
                   "ومتابعتها واستعراضها.</p>",
    "expected_audience": "الدول الأعضاء، والمؤسسات الوطنية لحقوق الإنسان، ومنظمات المجتمع "
                         "المدني، والسلطات المحلية والإقليمية، ومنظمات المهاجرين.",
    "languages": "العربية",
    "objectives": [23],
    "topics": [
        {
            "title": "إشراك الحكومة بأكملها والمجتمع بأكمله",
            "slug": "whole-of-government",
            "welcome": "<p>أهلًا بكم. كيف تُشرك حكوماتكم مختلف الوزارات والسلطات المحلية "
                       "وأصحاب المصلحة في وضع خطة التنفيذ الوطنية؟</p>",
            "closed": False,
            "questions": [
                "ما الجهات التي تشارك في إعداد خطة التنفيذ الوطنية في بلدكم؟",
                "كيف تُتابَع الخطة وتُستعرض بعد اعتمادها؟",
            ],
            "replies": [
                (0, "demo-amina", "شكّلنا لجنة وطنية تضم وزارات العمل والداخلية والخارجية، "
                 "إلى جانب ممثلين عن منظمات المهاجرين.", [
                     ("demo-leila", "هل شاركت السلطات المحلية في أعمال اللجنة؟"),
                 ]),
                (1, "demo-leila", "نُعدّ تقريرًا سنويًا يُعرض في منتدى استعراض الهجرة الدولية.",
                 []),
            ],
        },
        {
            "title": "الاستعراض الإقليمي في المنطقة العربية",
            "slug": "arab-regional-review",
            "welcome": "<p>دار هذا النقاش قبل ورشة بناء القدرات حول الاستعراض الإقليمي للاتفاق "
                       "العالمي في المنطقة العربية. وهو مغلق ومحفوظ للرجوع إليه.</p>",
            "closed": True,
            "questions": ["ما أبرز الدروس المستفادة من الاستعراض الإقليمي الأول؟"],
            "replies": [
                (0, "demo-amina", "أهمية جمع البيانات المصنّفة حسب الجنس والعمر قبل "
                 "الاستعراض بوقت كافٍ.", []),
            ],
        },
    ],
}


def demo_users():
    User = get_user_model()
    users = {}
    for username, first, last, _language in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        if created:
            user.set_unusable_password()
            user.save()
        users[username] = user
    return users


def build_space(index, data, locale, users, stdout):
    space = DiscussionSpacePage(
        title=data["title"], slug=data["slug"], description=data["description"],
        expected_audience=data["expected_audience"], languages=data["languages"],
        space_objectives=[
            SpaceObjective(objective=objective)
            for objective in Objective.objects.filter(locale=locale, number__in=data["objectives"])
        ],
    )
    index.add_child(instance=space)
    publish(space)
    now = timezone.now()
    for topic_data in data["topics"]:
        opens = now - timedelta(days=60 if topic_data["closed"] else 3)
        topic = DiscussionTopicPage(
            title=topic_data["title"], slug=topic_data["slug"], welcome=topic_data["welcome"],
            opens_at=opens, closes_at=now - timedelta(days=20) if topic_data["closed"] else None,
            questions=[Question(text=text, locale=locale) for text in topic_data["questions"]],
        )
        space.add_child(instance=topic)
        publish(topic)
        questions = list(topic.questions.all())
        for offset, (number, author, body, children) in enumerate(topic_data["replies"]):
            when = opens + timedelta(hours=2 + offset)
            parent = Reply.objects.create(
                question=questions[number], author=users[author], body=body,
                language=locale.language_code, created_at=when,
            )
            for n, (child_author, child_body) in enumerate(children, start=1):
                Reply.objects.create(
                    question=questions[number], parent=parent, author=users[child_author],
                    body=child_body, language=locale.language_code,
                    created_at=when + timedelta(minutes=30 * n),
                )
        publish(topic)  # re-index with its replies
    stdout.write(f"Discussion space: {space.url}\n")


@register(order=30)
def load(stdout):
    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None or DiscussionIndexPage.objects.filter(locale=home.locale).exists():
        return
    users = demo_users()
    index = DiscussionIndexPage(
        title="Discussions", slug="discussions", show_in_menus=True,
        intro="<p>Moderated conversations on implementing the GCM, in Arabic and English.</p>",
    )
    home.add_child(instance=index)
    publish(index)
    build_space(index, ENGLISH, home.locale, users, stdout)

    arabic_locale = Locale.objects.filter(language_code="ar").first()
    if arabic_locale and home.get_translation_or_none(arabic_locale):
        arabic_index = publish_translation(
            index, "ar", title="النقاشات",
            intro="<p>نقاشات يشرف عليها مشرفون حول تنفيذ الاتفاق العالمي، "
                  "بالعربية والإنجليزية.</p>",
        )
        build_space(arabic_index, ARABIC, arabic_locale, users, stdout)
