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


# The pages whose search part an engine answers (bench/engine.py compares them).
SEARCH_PAGES = ("listing, two filters", "listing, two filters + keyword", "site search (ar)",
                "site search (en)")


def engine_has_every_practice():
    """Whether the engine's index already holds a document per practice of the database."""
    from wagtail.search.backends import get_search_backend

    from practices.models import PracticePage

    backend = get_search_backend()
    index = backend.get_index_for_model(PracticePage)
    if not index.exists():
        return False
    field = backend.filter_field(PracticePage, "listing_objectives")  # today's mapping
    mapping = backend.es.indices.get_mapping(index=index.name)
    if not any(field in found["mappings"].get("properties", {})
               for found in mapping.values()):
        return False
    body = {"query": {"term": {"_django_content_type": "practices.PracticePage"}}}
    return backend.es.count(index=index.name, body=body)["count"] == PracticePage.objects.count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--practices", type=int, default=10_000)
    parser.add_argument("--pledges", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pages", choices=("all", "search"), default="all",
                        help="search: only the pages an engine answers (bench/engine.py)")
    parser.add_argument("--report", help="the report's name (default: bench-<engine>)")
    parser.add_argument("--corpus-only", action="store_true",
                        help="build the corpus (and fill the engine), time nothing")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.core.management.base import OutputWrapper
    from django.db import connection
    from django.test import Client

    from bench.corpus import add_practices, ensure_demo_site
    from bench.measure import first_byte_and_peak, measure
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
        # The engine's indexes with the hub's mappings, filled from the database (atomic),
        # unless they already hold every practice (a second run on the same corpus).
        if not engine_has_every_practice():
            call_command("update_index", verbosity=0, chunk_size=2000)
        engine = f"{engine}+opensearch"
        if settings.PRACTICE_LISTING == settings.PRACTICE_LISTINGS["engine"]:
            engine = f"{engine}+listing"
    build_seconds = time.perf_counter() - started
    if args.corpus_only:
        print(f"Corpus ready on {engine} in {build_seconds:.0f} s.")
        return

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
        "Atom feed (en)": "/en/practices/feed/",
        "CSV export, objective 8 (cached)": "/en/practices/?objective=8&format=csv",
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
    if args.pages == "search":
        pages = {name: pages[name] for name in SEARCH_PAGES}
    client = Client()
    results = {name: measure(client, url, args.runs) for name, url in pages.items()}

    # The whole repository as CSV, never kept in the cache: first byte and memory while streaming.
    settings.PRACTICES_EXPORT_CACHE_MAX_BYTES = 0
    export = (first_byte_and_peak(client, "/en/practices/?format=csv")
              if args.pages == "all" else None)

    total = PracticePage.objects.count()
    print(f"\n{total} practices, {PledgePage.objects.count()} pledges on {engine}; "
          f"corpus ready in {build_seconds:.0f} s; "
          f"{args.runs} runs per page\n")
    print(f"| {'page':32} | median ms | p95 ms | queries |")
    print(f"|{'-' * 34}|-----------|--------|---------|")
    for name, figures in results.items():
        print(f"| {name:32} | {figures['median_ms']:9} | {figures['p95_ms']:6} | "
              f"{figures['queries']:7} |")
    if export:
        print(f"\nCSV export of every practice ({export['body_mb']} MB), uncached: first byte "
              f"{export['first_byte_ms']} ms, peak Python memory {export['peak_mb']} MB")
    report = BASE_DIR / "reports" / f"{args.report or f'bench-{engine}'}.json"
    report.parent.mkdir(exist_ok=True)
    report.write_text(json.dumps(
        {"engine": engine, "practices": total, "pledges": PledgePage.objects.count(),
         "runs": args.runs,
         "build_seconds": round(build_seconds, 1), "pages": results, "csv_export": export},
        ensure_ascii=False, indent=2,
    ))
    print(f"\nFigures written to {report.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
