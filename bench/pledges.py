"""Bulk corpus of live pledges for ``make bench`` (same technique as ``bench/corpus.py``)."""

import datetime
from decimal import Decimal

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

from .corpus import SENTENCES, add_pages, taxonomy_links


def pledge_fields(rng, language, number):
    kind = rng.choice(PledgeType.values)
    begin = datetime.date(rng.randint(2018, 2025), 1, 1)
    return {
        "summary": " ".join(rng.sample(SENTENCES[language], 2)),
        "description": "<p>" + " ".join(rng.sample(SENTENCES[language], 3)) + "</p>",
        "pledge_type": kind, "status": rng.choice(PledgeStatus.values),
        "pledging_entity": "Government" if number % 2 else "City council",
        "target": "1000 people", "start_date": begin,
        "end_date": begin.replace(year=begin.year + 3),
        "amount": Decimal(rng.randint(1, 10_000_000)) / 100 if kind == "financial" else None,
        "currency": rng.choice(CURRENCIES[:12]) if kind == "financial" else "",
    }


def add_pledges(total, stdout, seed=2020):
    """Add live pledges until there are ``total``, alternating English and Arabic."""
    return add_pages(PledgePage, PledgeIndexPage, total, stdout, seed=seed, noun="pledge",
                     fields=pledge_fields, links=taxonomy_links(
                         PledgeObjective, PledgePrinciple, PledgeRegion, PledgeStakeholder,
                         PledgeCountry))
