"""`make bench`: build a corpus of N practices and time the hub's main pages.

Usage: python bench/run.py [--practices 10000] [--pledges 10000] [--runs 30]
The database is DATABASE_URL, or var/bench.sqlite3 (created if missing); with OPENSEARCH_URL set,
search and keywords run on that OpenSearch node (`make engine`). Prints a table of the
median and 95th percentile times and SQL query counts, and writes reports/bench-<engine>.json.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")


def busiest_country():
    """The code of the country with the most practices (its page shows the most)."""
    from django.db.models import Count

    from countries.data import MEMBER_STATES
    from practices.models import PracticeCountry

    row = (PracticeCountry.objects.filter(country__in=list(MEMBER_STATES)).values("country")
           .annotate(n=Count("pk")).order_by("-n").first())
    return (row["country"] if row else "JO").lower()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--pledges", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.management.base import OutputWrapper
    from django.db import connection
    from django.test import Client

    from bench.corpus import add_practices, ensure_demo_site
    from bench.measure import measure
    from bench.pledges import add_pledges
    from pledges.models import PledgePage
    from practices.models import PracticePage

    (BASE_DIR / "var").mkdir(exist_ok=True)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    out = OutputWrapper(sys.stdout)
    ensure_demo_site(out)
    add_practices(args.practices, out)
    add_pledges(args.pledges, out)
    engine = connection.vendor
    if getattr(settings, "OPENSEARCH_URL", None):
        # The engine's indexes with the hub's mappings, filled from the database (atomic).
        call_command("update_index", verbosity=0)
        engine = f"{engine}+opensearch"
    build_seconds = time.perf_counter() - started

    practice = PracticePage.objects.live().filter(locale__language_code="en").first()
    pages = {
        "home (en)": "/en/",
        "home (ar)": "/ar/",
        "objective page (ar)": "/ar/guidance/handbook/objective-8/",
        "practice listing": "/en/practices/",
        "listing, two filters": "/en/practices/?objective=8&region=middle-east-and-north-africa",
        "listing, two filters + keyword": (
            "/en/practices/?objective=8&region=middle-east-and-north-africa&q=migrants"
        ),
        "listing, keyword (ar)": "/ar/practices/?q=المهاجرين",
        "site search (ar)": "/ar/search/?q=الهجرة",
        "site search (en)": "/en/search/?q=migration",
        "practice detail": practice.url,
        "country index (en)": "/en/countries/",
        "country index, filtered (ar)": "/ar/countries/?filter=champion&filter=review",
        "country page (ar)": f"/ar/countries/{busiest_country()}/",
        "voluntary reviews (en)": "/en/reviews/?region=middle-east-and-north-africa",
        "pledge listing": "/en/pledges/",
        "pledge listing, two filters": "/en/pledges/?type=financial&objective=8",
        "pledge listing, keyword (ar)": "/ar/pledges/?q=المهاجرين",
        "pledge dashboard": "/en/pledges/dashboard/",
        "pledge dashboard, two filters": "/ar/pledges/dashboard/?type=financial&objective=8",
        "pledge detail": PledgePage.objects.live().filter(locale__language_code="en").first().url,
    }
    client = Client()
    results = {name: measure(client, url, args.runs) for name, url in pages.items()}

    total = PracticePage.objects.count()
    print(f"\n{total} practices, {PledgePage.objects.count()} pledges on {engine}; "
          f"corpus ready in {build_seconds:.0f} s; "
          f"{args.runs} runs per page\n")
    print(f"| {'page':32} | median ms | p95 ms | queries |")
    print(f"|{'-' * 34}|-----------|--------|---------|")
    for name, figures in results.items():
        print(f"| {name:32} | {figures['median_ms']:9} | {figures['p95_ms']:6} | "
              f"{figures['queries']:7} |")
    report = BASE_DIR / "reports" / f"bench-{engine}.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps(
        {"engine": engine, "practices": total, "pledges": PledgePage.objects.count(),
         "runs": args.runs,
         "build_seconds": round(build_seconds, 1), "pages": results},
        ensure_ascii=False, indent=2,
    ))
    print(f"\nFigures written to {report.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
