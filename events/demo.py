"""Demo events from the reference data (``reference/follow_up_review.json``, an extract of the
hub's GCM reference data), in English and Arabic.

- The regional reviews of 2020–2021 whose days the sources give (European region, Asia and the
  Pacific, Arab region); the Latin American ("week of 22 March 2021") and African ("early June
  2021, not yet confirmed") reviews have no days and are left out rather than invented.
- The first International Migration Review Forum (2022). The reference data gives the year only;
  the days and place, 17–20 May 2022 at United Nations Headquarters in New York, are those of
  the General Assembly's record.
- The 2020 capacity-building workshop of the Arab region (seed 004) with the agenda of its first
  session (25 June 2020, 10:00–13:00 Cairo time).
"""

import json
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from hub.demo import publish, publish_index, publish_translation, register

DATA = Path(__file__).resolve().parent / "reference" / "follow_up_review.json"

REVIEW_REGIONS = {  # region_en in the reference → (region slug, time zone)
    "European region": ("europe-and-central-asia", "Europe/Zurich"),
    "Asia and the Pacific": ("asia-and-the-pacific", "Asia/Bangkok"),
    "Arab region": ("middle-east-and-north-africa", "Asia/Beirut"),
}

# Seed 004, «جدول الأعمال المقترح: (توقيت القاهرة)» of the first session: (start, end, Arabic,
# English). The seed prints the last slot as «٠١:٠٠-١٢:٤٠», i.e. 12:40–13:00.
WORKSHOP_AGENDA = [
    ("10:00", "10:15", "كلمات الترحيب ومنهجية ورشة العمل", "Welcome and method of the workshop",
     ""),
    ("10:15", "10:30", "التمهيد", "Introduction",
     "نظرة حول عملية المراجعة على الصعيد الدولي؛ مبادئ وأهداف الاتفاق العالمي من أجل الهجرة "
     "الآمنة والمنظمة والنظامية؛ عملية الاستعراض الإقليمي في المنطقة العربية|"
     "The review process at the international level; the principles and objectives of the Global "
     "Compact for Safe, Orderly and Regular Migration; the regional review process in the Arab "
     "region"),
    ("10:30", "10:45", "التحضير للاستعراضات الطوعية للاتفاق العالمي: عرض النموذج التوجيهي",
     "Preparing the voluntary reviews of the Global Compact: the guiding template", ""),
    ("10:45", "12:00", "حوار مفتوح: مناقشة حول تحضيرات الدول الأعضاء للاستعراض الإقليمي",
     "Open dialogue: Member States' preparations for the regional review",
     "المنهجية (٢٠ دقيقة)؛ السياسة العامة والبيئة المؤاتية (٢٠ دقيقة)؛ التقدم المحرز في تحقيق "
     "أهداف الاتفاق العالمي (٢٠ دقيقة)؛ وسائل التنفيذ (٢٠ دقيقة)|"
     "Methodology (20 minutes); public policy and the enabling environment (20 minutes); progress "
     "towards the objectives of the Global Compact (20 minutes); means of implementation "
     "(20 minutes)"),
    ("12:00", "12:40",
     "اقتراحات عملية لإعداد الاستعراضات الطوعية للاتفاق العالمي وإمكانية الدعم من منظمات وبرامج "
     "وصناديق الأمم المتحدة",
     "Practical suggestions for preparing the voluntary reviews, and the support United Nations "
     "organizations, programmes and funds can give",
     "تدخلات منظمات الأمم المتحدة؛ حوار مفتوح|Interventions of United Nations organizations; "
     "open dialogue"),
    ("12:40", "13:00", "الختام: الخطوات المقبلة", "Closing: next steps", ""),
]
COORDINATORS = {
    "en": "United Nations Economic and Social Commission for Western Asia (ESCWA)\n"
          "International Organization for Migration (IOM)\nLeague of Arab States (LAS)",
    "ar": "لجنة الأمم المتحدة الاقتصادية والاجتماعية لغربي آسيا (الإسكوا)\n"
          "المنظمة الدولية للهجرة\nجامعة الدول العربية",
}


def _agenda(language):
    sessions = []
    for start, end, arabic, english, description in WORKSHOP_AGENDA:
        text = ""
        if description:
            text = description.split("|")[0 if language == "ar" else 1]
        sessions.append(("session", {
            "start": time.fromisoformat(start), "end": time.fromisoformat(end),
            "title": arabic if language == "ar" else english, "speakers": "",
            "description": text,
        }))
    return sessions


def _documents():
    return [
        ("link", {"title": "A/RES/73/195", "url": "https://undocs.org/A/RES/73/195"}),
        ("link", {"title": "A/RES/73/326", "url": "https://undocs.org/A/RES/73/326"}),
        ("link", {"title": "A/RES/71/1", "url": "https://undocs.org/A/RES/71/1"}),
    ]


def _day(iso, zone, end=False):
    day = date.fromisoformat(iso)
    return datetime.combine(day, time(23, 59) if end else time(0, 0), tzinfo=ZoneInfo(zone))


def _events(data):
    review = data["follow_up_review"]
    imrf = review["imrf"]
    reviews = review["regional_reviews"]
    events = []
    for item in reviews["dates_2020_2021"]:
        if not item.get("start") or item["region_en"] not in REVIEW_REGIONS:
            continue
        region, zone = REVIEW_REGIONS[item["region_en"]]
        events.append({
            "slug": f"regional-review-{region}-{item['start'][:4]}",
            "event_type": "regional-review",
            "region": region, "time_zone": zone, "all_day": True,
            "start": _day(item["start"], zone), "end": _day(item["end"], zone, end=True),
            "en": {"title": f"Regional review of the Global Compact: {item['region_en']}",
                   "summary": reviews["description"]["en"]},
            "ar": {"title": f"الاستعراض الإقليمي للاتفاق العالمي: {item['region_ar']}",
                   "summary": reviews["description"]["ar"]},
        })
    arab = review["arab_region"]
    for event in events:
        if event["region"] == "middle-east-and-north-africa":
            event["organisers"] = COORDINATORS
            planned = arab["regional_review_meeting"][1]
            event["en"]["description"] = (
                f"<p>{arab['covers']['en']}.</p><p>The draft concept note of 8 June 2020 "
                f"planned the review {planned['en']}.</p>")
            event["ar"]["description"] = f"<p>{arab['covers']['ar']}.</p><p>{planned['ar']}.</p>"
    events.append({
        "slug": "international-migration-review-forum-2022", "event_type": "imrf", "region": None,
        "time_zone": "America/New_York", "all_day": True, "venue": "United Nations Headquarters",
        "city": "New York",
        "start": _day("2022-05-17", "America/New_York"),
        "end": _day("2022-05-20", "America/New_York", end=True),
        "en": {"title": f"{imrf['en']} 2022", "summary": imrf["description"]["en"],
               "description": f"<p>{imrf['basis']['en']}</p><p>{imrf['inputs']['en']}.</p>"},
        "ar": {"title": f"{imrf['ar']} 2022", "summary": imrf["description"]["ar"],
               "description": f"<p>{imrf['basis']['ar']}</p><p>{imrf['inputs']['ar']}.</p>",
               "venue": "مقر الأمم المتحدة", "city": "نيويورك"},
    })
    workshop = arab["timeline"][2]["detail_004"]
    cairo = ZoneInfo("Africa/Cairo")
    events.append({
        "slug": "capacity-building-workshop-arab-region-2020", "event_type": "workshop",
        "region": "middle-east-and-north-africa", "time_zone": "Africa/Cairo", "all_day": False,
        "is_online": True, "organisers": COORDINATORS, "languages": "Arabic",
        "start": datetime(2020, 6, 25, 10, tzinfo=cairo),
        "end": datetime(2020, 6, 25, 13, tzinfo=cairo),
        "agenda": True, "documents": True,
        "en": {"title": "Capacity-building workshop on the regional review of the Global Compact "
                        "in the Arab region",
               "summary": workshop["en"], "languages": "Arabic"},
        "ar": {"title": "ورشة عمل لبناء القدرات حول الاستعراض الإقليمي للاتفاق العالمي من أجل "
                        "الهجرة الآمنة والمنظمة والنظامية في المنطقة العربية",
               "summary": workshop["ar"], "languages": "العربية"},
    })
    return events


@register(order=70)
def load_events(stdout):
    from home.models import HomePage
    from hub.models import Objective, Region

    from .models import EventIndexPage, EventObjective, EventPage

    index = publish_index(HomePage, EventIndexPage)
    if index is None:
        return
    data = json.loads(DATA.read_text(encoding="utf-8"))
    objective_23 = Objective.objects.get(locale=index.locale, number=23)
    for spec in _events(data):
        region = (Region.objects.filter(locale=index.locale, slug=spec["region"]).first()
                  if spec["region"] else None)
        event = EventPage(
            title=spec["en"]["title"], slug=spec["slug"], summary=spec["en"]["summary"],
            event_type=spec["event_type"], start=spec["start"], end=spec["end"],
            all_day=spec["all_day"], time_zone=spec["time_zone"],
            is_online=spec.get("is_online", False), venue=spec.get("venue", ""),
            city=spec.get("city", ""), organisers=spec.get("organisers", {}).get("en", ""),
            languages=spec["en"].get("languages", ""), region=region,
            description=spec["en"].get("description", ""),
            agenda=_agenda("en") if spec.get("agenda") else [],
            documents=_documents() if spec.get("documents") else [],
        )
        event.event_objectives.add(EventObjective(objective=objective_23))
        index.add_child(instance=event)
        publish(event)
        arabic = {
            "title": spec["ar"]["title"], "summary": spec["ar"]["summary"],
            "organisers": spec.get("organisers", {}).get("ar", ""),
            "description": spec["ar"].get("description", ""),
            "languages": spec["ar"].get("languages", ""),
        }
        for field in ("venue", "city"):
            if field in spec["ar"]:
                arabic[field] = spec["ar"][field]
        if spec.get("agenda"):
            arabic["agenda"] = _agenda("ar")
        publish_translation(event, "ar", **arabic)
    stdout.write(f"Events: index and {EventPage.objects.filter(locale=index.locale).count()} "
                 "events in both languages")
