"""Demo content: the reviews index, the 2020–2021 regional reviews and the 2022 IMRF from the
reference data (``reference/follow_up_review.json``), the Arab region's process as a timeline,
and three voluntary reviews in different states (one published in Arabic, one in moderation,
one draft)."""

import datetime
import json
from pathlib import Path

from hub.demo import publish_child, publish_index, register

REFERENCE = Path(__file__).resolve().parent / "reference" / "follow_up_review.json"

# region_en of the 2020–2021 dates → (slug, regions of the UN Network taking part)
REGIONAL = {
    "European region": ("regional-review-europe-2020", "europe-and-central-asia north-america"),
    "Asia and the Pacific": ("regional-review-asia-pacific-2021", "asia-and-the-pacific"),
    "Latin America": ("regional-review-latin-america-2021", "latin-america-and-the-caribbean"),
    "African continent": ("regional-review-africa-2021",
                          "east-and-southern-africa west-and-central-africa"),
    "Arab region": ("regional-review-arab-region-2021", "middle-east-and-north-africa"),
}
COORDINATORS_ARAB = "ESCWA\nIOM\nLeague of Arab States"


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def cycle_specs(data):
    """(fields for English, fields for Arabic) of each cycle page, from the reference data."""
    specs = []
    for entry in data["regional_reviews"]["dates_2020_2021"]:
        slug, regions = REGIONAL[entry["region_en"]]
        common = {"slug": slug, "kind": "regional", "regions": regions,
                  "year": int((entry.get("start") or entry.get("week_of") or "2021")[:4]),
                  "start_date": _date(entry.get("start")), "end_date": _date(entry.get("end")),
                  "confirmed": entry.get("confirmed")}
        english = {**common, "title": f"Regional review: {entry['region_en']}",
                   "dates": entry["dates_en"]}
        arabic = {"title": f"الاستعراض الإقليمي: {entry['region_ar']}",
                  "dates": entry.get("dates_ar_shown", entry["dates_ar"])}
        if entry["region_en"] == "Arab region":
            arab = data["arab_region"]
            english["coordinators"] = "\n".join(c["en"] for c in arab["coordinators"])
            arabic["coordinators"] = "\n".join(c["ar"] for c in arab["coordinators"])
            english["timeline"] = [("step", {"when": s["when_en"], "title": s["en"],
                                             "status": s.get("status_in_seed", "")})
                                   for s in arab["timeline"]]
            arabic["timeline"] = [("step", {"when": s.get("when_ar_shown", s["when_ar"]),
                                            "title": s["ar"],
                                            "status": s.get("status_in_seed", "")})
                                  for s in arab["timeline"]]
            english["body"] = f"<p>{arab['process_title']['en']}.</p>"
            arabic["body"] = f"<p>{arab['process_title']['ar']}.</p>"
        specs.append((english, arabic))
    imrf = data["imrf"]
    specs.append((
        {"slug": "imrf-2022", "kind": "imrf", "regions": "", "year": 2022,
         "title": f"{imrf['en']} 2022", "dates": "2022",
         "body": f"<p>{imrf['description']['en']}</p>"},
        {"title": f"{imrf['ar']} 2022", "dates": "2022",
         "body": f"<p>{imrf['description']['ar']}</p>"},
    ))
    return specs


SAMPLE = {
    "ar": [
        "أنشأت الحكومة لجنة وطنية لتنسيق الاستعراض تضم وزارات العمل والداخلية والخارجية، "
        "ويرأسها المجلس الوطني لشؤون الأسرة.",
        "اعتمدت الحكومة سياسات جديدة لحماية العمال المهاجرين وتيسير الهجرة النظامية.",
        "أحرز البلد تقدماً في تحقيق الهدف 6 والهدف 16 من أهداف الاتفاق العالمي.",
        "خصصت الحكومة موارد وطنية وتلقت دعماً من شبكة الأمم المتحدة المعنية بالهجرة.",
        "ستعد الحكومة خطة التنفيذ الوطنية في العام المقبل.",
    ],
    "en": [
        "A national committee chaired by the Ministry of Interior coordinated the review.",
        "New legislation protects migrant workers and opens regular pathways.",
        "Progress was made on objectives 5, 6 and 23, with data gaps on objective 1.",
        "National resources and support from the UN Network on Migration.",
        "A national implementation plan will be prepared next year.",
    ],
}


@register(order=70)
def load_reviews(stdout):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from home.models import HomePage

    from .models import (
        FocalPoint,
        ReviewCycleIndexPage,
        ReviewCyclePage,
        ReviewIndexPage,
    )
    from .services import save_draft, submit
    from .workflow import FOCAL_POINTS

    index = publish_index(HomePage, ReviewIndexPage)
    if index is None:
        return
    cycles = ReviewCycleIndexPage(title="Regional reviews and the IMRF", slug="cycles")
    publish_child(index, cycles, title="الاستعراضات الإقليمية ومنتدى استعراض الهجرة الدولية")
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    for english, arabic in cycle_specs(data):
        timeline = english.pop("timeline", None)
        page = ReviewCyclePage(**english)
        if timeline:
            page.timeline = timeline
        publish_child(cycles, page, **arabic)

    # Demo focal points and reviews: Jordan (Arabic, published), Morocco (English, in
    # moderation), Egypt (Arabic, draft).
    users = get_user_model().objects
    group = Group.objects.get(name=FOCAL_POINTS)
    authors = {}
    for code in ("JO", "MA", "EG"):
        user, _created = users.get_or_create(
            username=f"focal-{code.lower()}@example.org",
            defaults={"email": f"focal-{code.lower()}@example.org"})
        user.set_unusable_password()
        user.save()
        user.groups.add(group)
        FocalPoint.objects.get_or_create(user=user, country=code)
        authors[code] = user
    for code, language, state in (("JO", "ar", "published"), ("MA", "en", "moderation"),
                                  ("EG", "ar", "draft")):
        answers = {f"section_{n}": text for n, text in enumerate(SAMPLE[language], 1)}
        answers["cycle"] = "regional-review-arab-region-2021"
        answers["objectives"] = [6, 16] if language == "ar" else [5, 6, 23]
        review = save_draft(authors[code], answers, country=code, language=language).review
        if state in ("published", "moderation"):
            submit(authors[code], review)
        if state == "published":
            review.current_workflow_state.current_task_state.approve(user=None)
    stdout.write("Reviews: index, 6 review cycles, 3 voluntary reviews")
