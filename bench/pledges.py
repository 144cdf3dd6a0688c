"""Bulk corpus of live pledges for ``make bench`` (same technique as ``bench/corpus.py``)."""

import datetime
import random
import uuid
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django_countries import countries
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from hub.models import GuidingPrinciple, Objective, Region, StakeholderType
from pledges.models import (
    CURRENCIES,
    PledgeCountry,
    PledgeIndexPage,
    PledgeObjective,
    PledgePage,
    PledgePrinciple,
    PledgeRegion,
    PledgeStakeholder,
    PledgeStatus,
    PledgeType,
)

from .corpus import BATCH, SENTENCES, TITLES, refresh_planner_statistics


@transaction.atomic
def add_pledges(total, stdout, seed=2020):
    """Add live pledges until there are ``total``, alternating English and Arabic."""
    existing = PledgePage.objects.count()
    missing = max(0, total - existing)
    if not missing:
        stdout.write(f"Corpus already has {existing} pledges.")
        return []
    rng = random.Random(seed + existing)
    content_type = ContentType.objects.get_for_model(PledgePage)
    country_codes = [code for code, _name in countries][:120]
    now = timezone.now()
    created = []
    for language in ("en", "ar"):
        locale = Locale.objects.get(language_code=language)
        index = PledgeIndexPage.objects.get(locale=locale)
        objectives, principles = list(Objective.objects.filter(locale=locale)), list(
            GuidingPrinciple.objects.filter(locale=locale))
        regions = list(Region.objects.filter(locale=locale))
        stakeholders = list(StakeholderType.objects.filter(locale=locale))
        count = missing // 2 + (missing % 2 if language == "en" else 0)
        start = index.numchild
        bases, children = [], []
        for offset in range(count):
            number = start + offset + 1
            title = f"{rng.choice(TITLES[language])} {number}"
            slug = f"bench-pledge-{language}-{number}"
            published = now - timezone.timedelta(minutes=number)
            bases.append(Page(
                title=title, draft_title=title, slug=slug, content_type=content_type,
                path=PledgePage._get_path(index.path, index.depth + 1, start + offset + 1),
                depth=index.depth + 1, numchild=0, url_path=f"{index.url_path}{slug}/",
                locale=locale, translation_key=uuid.uuid4(), live=True,
                has_unpublished_changes=False, first_published_at=published,
                last_published_at=published, latest_revision_created_at=published,
            ))
            kind = rng.choice(PledgeType.values)
            begin = datetime.date(rng.randint(2018, 2025), 1, 1)
            children.append({
                "summary": " ".join(rng.sample(SENTENCES[language], 2)),
                "description": "<p>" + " ".join(rng.sample(SENTENCES[language], 3)) + "</p>",
                "pledge_type": kind, "status": rng.choice(PledgeStatus.values),
                "pledging_entity": "Government" if number % 2 else "City council",
                "target": "1000 people", "start_date": begin,
                "end_date": begin.replace(year=begin.year + 3),
                "amount": Decimal(rng.randint(1, 10_000_000)) / 100 if kind == "financial"
                else None,
                "currency": rng.choice(CURRENCIES[:12]) if kind == "financial" else "",
            })
        for offset in range(0, len(bases), BATCH):
            Page.objects.bulk_create(bases[offset:offset + BATCH])
        if connection.vendor != "postgresql" and bases and bases[0].pk is None:
            raise RuntimeError("The database did not return primary keys from bulk_create.")
        pages = []
        for base, fields in zip(bases, children, strict=True):
            page = PledgePage(page_ptr_id=base.pk, **fields)
            page.__dict__.update({f.attname: getattr(base, f.attname)
                                  for f in Page._meta.concrete_fields})
            pages.append(page)
        local_fields = PledgePage._meta.local_concrete_fields
        for offset in range(0, len(pages), BATCH):
            PledgePage._base_manager._insert(pages[offset:offset + BATCH], fields=local_fields)
        links = {PledgeObjective: [], PledgePrinciple: [], PledgeRegion: [],
                 PledgeStakeholder: [], PledgeCountry: []}
        for page in pages:
            for objective in rng.sample(objectives, 2):
                links[PledgeObjective].append(PledgeObjective(page=page, objective=objective))
            links[PledgePrinciple].append(
                PledgePrinciple(page=page, principle=rng.choice(principles)))
            links[PledgeRegion].append(PledgeRegion(page=page, region=rng.choice(regions)))
            links[PledgeStakeholder].append(
                PledgeStakeholder(page=page, stakeholder=rng.choice(stakeholders)))
            links[PledgeCountry].append(
                PledgeCountry(page=page, country=rng.choice(country_codes)))
        for model, rows in links.items():
            model.objects.bulk_create(rows, batch_size=BATCH)
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
        created.extend(page.pk for page in pages)
        stdout.write(f"Added {count} pledges ({language}).")
    backend = get_search_backend()
    for offset in range(0, len(created), BATCH):
        backend.add_bulk(PledgePage, list(PledgePage.objects.filter(
            pk__in=created[offset:offset + BATCH])))
    stdout.write(f"Indexed {len(created)} pledges.")
    refresh_planner_statistics()
    return created
