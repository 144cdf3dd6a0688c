"""A realistic benchmark corpus: the demo site plus N live practices in both languages.

Practices are inserted in bulk (tree paths computed here, one multi-row INSERT per table and
batch, then one bulk index update), because publishing 10,000 pages one by one through
revisions would take far longer than the measurement itself. The rows are the same rows the
admin would write for a live page without revision history.
"""

import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone
from django_countries import countries
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from hub.models import GuidingPrinciple, Objective, Region, StakeholderType
from practices import models as practices

BATCH = 500
SENTENCES = {
    "en": [
        "The programme trains municipal staff to guide migrants towards health and education"
        " services.",
        "A national task force brings ministries, trade unions and migrant associations together.",
        "Mobile teams register newborns and issue civil documents in remote border areas.",
        "Community interpreters accompany migrants in hospitals and schools.",
        "The bilateral agreement sets fair recruitment standards and protects wages.",
        "Returning migrants receive counselling, training and small business grants.",
        "Alternatives to detention place families in community housing with case management.",
        "Data from consular registries feed a yearly report on labour migration.",
    ],
    "ar": [
        "يدرّب البرنامج موظفي البلديات على توجيه المهاجرين إلى خدمات الصحة والتعليم.",
        "تجمع فرقة عمل وطنية الوزارات والنقابات العمالية وجمعيات المهاجرين.",
        "تسجّل الفرق المتنقلة المواليد وتصدر الوثائق المدنية في المناطق الحدودية النائية.",
        "يرافق المترجمون المجتمعيون المهاجرين في المستشفيات والمدارس.",
        "يحدد الاتفاق الثنائي معايير التوظيف العادل ويحمي الأجور.",
        "يتلقى المهاجرون العائدون الإرشاد والتدريب ومنحًا للمشاريع الصغيرة.",
        "توفر بدائل الاحتجاز للأسر سكنًا مجتمعيًا مع إدارة الحالات.",
        "تغذي بيانات السجلات القنصلية تقريرًا سنويًا عن هجرة اليد العاملة.",
    ],
}
TITLES = {
    "en": ["Migrant resource centres", "Fair recruitment pilot", "Civil registration outreach",
           "Community interpreters", "Return and reintegration support", "Labour migration data"],
    "ar": ["مراكز موارد المهاجرين", "مشروع تجريبي للتوظيف العادل", "التوعية بالتسجيل المدني",
           "المترجمون المجتمعيون", "دعم العودة وإعادة الإدماج", "بيانات هجرة اليد العاملة"],
}


def ensure_demo_site(stdout):
    call_command("load_demo_content", stdout=stdout)


def terms_in(model):
    return lambda locale: list(model.objects.filter(locale=locale))


COUNTRY_CODES = [code for code, _name in countries][:120]


def taxonomy_links(objective, principle, region, stakeholder, country):
    """The ``links`` of ``add_pages`` for a page type with these through-models: two
    objectives, a principle, a region, a stakeholder type and a country per page."""
    return [(objective, "objective", terms_in(Objective), 2),
            (principle, "principle", terms_in(GuidingPrinciple), 1),
            (region, "region", terms_in(Region), 1),
            (stakeholder, "stakeholder", terms_in(StakeholderType), 1),
            (country, "country", lambda locale: COUNTRY_CODES, 1)]


@transaction.atomic
def add_pages(page_model, index_model, total, stdout, *, seed, noun, fields, links):
    """Add live ``page_model`` pages under each language's ``index_model`` until there are
    ``total``, alternating English and Arabic. ``fields(rng, language, number)`` gives a page's
    own fields; ``links`` are ``(through model, attribute, pool(locale), how many)``: each page
    links to that many terms drawn from the pool."""
    existing = page_model.objects.count()
    missing = max(0, total - existing)
    if not missing:
        stdout.write(f"Corpus already has {existing} {noun}s.")
        return []
    rng = random.Random(seed + existing)
    content_type = ContentType.objects.get_for_model(page_model)
    now = timezone.now()
    created = []
    for language in ("en", "ar"):
        locale = Locale.objects.get(language_code=language)
        index = index_model.objects.get(locale=locale)
        pools = [pool(locale) for _through, _attribute, pool, _k in links]
        count = missing // 2 + (missing % 2 if language == "en" else 0)
        start = index.numchild
        bases, children = [], []
        for offset in range(count):
            number = start + offset + 1
            title = f"{rng.choice(TITLES[language])} {number}"
            slug = f"bench-{noun}-{language}-{number}"
            published = now - timezone.timedelta(minutes=number)
            bases.append(Page(
                title=title, draft_title=title, slug=slug, content_type=content_type,
                path=page_model._get_path(index.path, index.depth + 1, start + offset + 1),
                depth=index.depth + 1, numchild=0, url_path=f"{index.url_path}{slug}/",
                locale=locale, translation_key=uuid.uuid4(), live=True,
                has_unpublished_changes=False, first_published_at=published,
                last_published_at=published, latest_revision_created_at=published,
            ))
            children.append(fields(rng, language, number))
        for offset in range(0, len(bases), BATCH):
            Page.objects.bulk_create(bases[offset:offset + BATCH])
        if connection.vendor != "postgresql" and bases and bases[0].pk is None:
            raise RuntimeError("The database did not return primary keys from bulk_create.")
        pages = []
        for base, own in zip(bases, children, strict=True):
            page = page_model(page_ptr_id=base.pk, **own)
            page.__dict__.update({f.attname: getattr(base, f.attname)
                                  for f in Page._meta.concrete_fields})
            pages.append(page)
        local_fields = page_model._meta.local_concrete_fields
        for offset in range(0, len(pages), BATCH):
            page_model._base_manager._insert(pages[offset:offset + BATCH], fields=local_fields)
        rows = {through: [] for through, *_ in links}
        for page in pages:
            for (through, attribute, _pool, k), pool in zip(links, pools, strict=True):
                for value in (rng.sample(pool, k) if k > 1 else [rng.choice(pool)]):
                    rows[through].append(through(page=page, **{attribute: value}))
        for through, objects in rows.items():
            through.objects.bulk_create(objects, batch_size=BATCH)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
        created.extend(page.pk for page in pages)
        stdout.write(f"Added {count} {noun}s ({language}).")
    backend = get_search_backend()
    for offset in range(0, len(created), BATCH):
        batch = page_model.objects.filter(pk__in=created[offset:offset + BATCH])
        backend.add_bulk(page_model, list(batch))
    stdout.write(f"Indexed {len(created)} {noun}s.")
    refresh_planner_statistics()
    return created


def practice_fields(rng, language, number):
    start_year = rng.randint(2005, 2024)
    return {
        "summary": " ".join(rng.sample(SENTENCES[language], 2)),
        "description": "<p>" + " ".join(rng.sample(SENTENCES[language], 4)) + "</p>",
        "practice_type": rng.choice(practices.PracticeType.values),
        "implementation_level": rng.choice(practices.ImplementationLevel.values),
        "start_year": start_year,
        "end_year": None if number % 3 else min(start_year + 3, 2026),
        "ongoing": bool(number % 3),
        "implementing_organisation": "IOM" if number % 2 else "UNDP",
        "submission_language": language,
    }


def add_practices(total, stdout, seed=2018):
    """Add live practices until there are ``total``, alternating English and Arabic."""
    return add_pages(
        practices.PracticePage, practices.PracticeIndexPage, total, stdout, seed=seed,
        noun="practice", fields=practice_fields, links=taxonomy_links(
            practices.PracticeObjective, practices.PracticePrinciple, practices.PracticeRegion,
            practices.PracticeStakeholder, practices.PracticeCountry))


def refresh_planner_statistics():
    """PostgreSQL plans from table statistics, which a bulk load leaves stale until autovacuum
    gets to them; a real site's tables grow slowly and are analysed as they go."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
