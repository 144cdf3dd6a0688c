"""Open data: the filtered practices as CSV, JSON and an Atom feed. Public fields only.

The focal point's contact fields are deliberately absent from PUBLIC_FIELDS.

Cost: the feed renders its ``FEED_ENTRIES`` newest entries only (it used to build the rows of
every practice and keep fifty: 3.8 s of CPU at 10,000 practices). CSV and JSON stream: rows are
fetched ``CHUNK`` practices at a time (the first chunk small, so the first byte leaves at once)
and written as they come, so memory stays flat however many practices match. A finished export
is kept in the cache (up to ``PRACTICES_EXPORT_CACHE_MAX_BYTES``) under a key made of the
language, the normalised filters, the host and the repository's version
(``facet_index.version()``: publishing, unpublishing, deleting, restricting), so it is served
again until the data changes, and never after.
"""

import csv
import hashlib
import io
import json
from itertools import islice

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, StreamingHttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from hub.links import absolute
from hub.structure import language_code_of

from .facet_index import version
from .listing import card_prefetches
from .models import PracticePage
from .terms import GEOGRAPHY, term_relations

# A cell starting with one of these is a formula to a spreadsheet (=HYPERLINK(…) runs when the
# file is opened): such a cell gets a leading apostrophe, as OWASP recommends for CSV injection.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

FIRST_CHUNK = 50  # practices in the first round of queries: the first byte leaves fast
CHUNK = 200  # practices fetched per round of queries after that: memory stays flat
FEED_ENTRIES = 25
FEED_FIELDS = ("title", "url_path", "summary", "first_published_at", "last_published_at",
               "locale_id", "depth", "path")
CACHE_TIMEOUT = 24 * 3600  # the key changes with the data; this only frees space


def extra_prefetches(terms):
    """The taxonomy relations a card does not prefetch already (see terms.py)."""
    return [f"{term.relation}__{term.attribute}" for term in terms
            if term.relation != "practice_objectives"]


def in_chunks(ids, fetch, first=FIRST_CHUNK, size=CHUNK):
    """The pages of ``ids`` in that order, ``fetch(chunk of ids)`` (a queryset with its
    prefetches) run for ``first`` ids, then ``size`` at a time: memory stays flat."""
    start, step = 0, first
    while start < len(ids):
        chunk = ids[start:start + step]
        start, step = start + step, size
        by_pk = {page.pk: page for page in fetch(chunk)}
        for pk in chunk:
            page = by_pk.pop(pk, None)
            if page is not None:
                yield page
                # The prefetched rows point back at their page: a reference cycle, which only
                # the garbage collector frees, whenever it runs (memory grew by 40 MB over an
                # export of 10,000 practices). Dropped here, the page and its rows go at once.
                page.__dict__.pop("_prefetched_objects_cache", None)


def pages_in_order(ids, terms=()):
    return in_chunks(ids, lambda chunk: card_prefetches(
        PracticePage.objects.filter(pk__in=chunk)).prefetch_related(*extra_prefetches(terms)))


def taxonomy_columns(page, terms):
    """The columns of a practice's taxonomy, one per relation in declaration order (numbers or
    slugs); the geographic one is followed by the countries and the "global" flag."""
    columns = {}
    for term in terms:
        columns[term.field] = term.keys_of(page)
        if term.facet == GEOGRAPHY:
            columns["countries"] = [c.code for c in page.countries]
            columns["global"] = page.is_global
    return columns


def rows(ids, request):
    terms = term_relations()
    for page in pages_in_order(ids, terms):
        yield {
            "title": page.title,
            "url": page.get_full_url(request),
            "summary": page.summary,
            "type": page.practice_type,
            "implementation_level": page.implementation_level,
            **taxonomy_columns(page, terms),
            "start_year": page.start_year,
            "end_year": page.end_year,
            "ongoing": page.ongoing,
            "implementing_organisation": page.implementing_organisation,
            "partners": page.partners,
            "submission_language": page.submission_language,
            "first_published_at": page.first_published_at.isoformat()
            if page.first_published_at else None,
            "last_published_at": page.last_published_at.isoformat()
            if page.last_published_at else None,
        }


practice_rows = rows  # the exports below take a ``rows`` argument of their own


def export_key(listing, request, kind):
    """Same practices, same bytes: the key of one export in the cache."""
    filters = listing.filters
    canonical = (
        kind, getattr(listing.locale, "pk", listing.locale), request.scheme, request.get_host(),
        sorted((facet, sorted(keys)) for facet, keys in filters.values.items() if keys),
        filters.q, filters.year_from, filters.year_to, filters.sort, version(),
        # The groups of the derived facets (e.g. the champion countries), either listing's.
        sorted((getattr(getattr(listing, "index", None), "derived", None)
                or getattr(listing, "derived", {})).items()),
        tuple(term.field for term in term_relations()),  # a facet declared since: new columns
    )
    return "practices:export:" + hashlib.sha256(repr(canonical).encode()).hexdigest()


def cached_stream(key, produce):
    """The cached body of ``key`` if any, else ``produce()``'s chunks (bytes), kept in the
    cache once complete if they fit in ``PRACTICES_EXPORT_CACHE_MAX_BYTES``."""
    body = cache.get(key)
    if body is not None:
        return [body]
    limit = getattr(settings, "PRACTICES_EXPORT_CACHE_MAX_BYTES", 8 * 1024 * 1024)

    def stream():
        kept, size = [], 0
        for chunk in produce():
            if kept is not None:
                size += len(chunk)
                if size <= limit:
                    kept.append(chunk)
                else:
                    kept = None  # too large to keep: stream it, do not hold it
            yield chunk
        if kept is not None:
            cache.set(key, b"".join(kept), CACHE_TIMEOUT)

    return stream()


def _download(chunks, content_type, filename):
    response = StreamingHttpResponse(chunks, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def neutralise(value):
    """A CSV cell that a spreadsheet shows as text, never evaluates."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class TextSummaryAtomFeed(Atom1Feed):
    """Atom with the summary sent as text (``type="text"``): a submitter's ``<img onerror=…>``
    is shown as those characters by a feed reader, never rendered as HTML."""

    def add_item_elements(self, handler, item):
        description = item["description"]
        item["description"] = None
        super().add_item_elements(handler, item)
        item["description"] = description
        if description is not None:
            handler.addQuickElement("summary", description, {"type": "text"})


def flat(row):
    return {k: neutralise(";".join(map(str, v)) if isinstance(v, list) else v)
            for k, v in row.items()}


def csv_response(listing, request, filename, rows=None):
    """The practices of ``listing`` as CSV, streamed and cached; another listing passes its own
    ``rows(listing, request)`` and gets the plain writer."""
    if rows is not None:
        return csv_from_rows(rows(listing, request), filename)
    ids = listing.export_ids()

    def produce():
        buffer = io.StringIO()
        buffer.write("\ufeff")  # spreadsheets then read the Arabic text as UTF-8
        writer = None
        for n, row in enumerate(practice_rows(ids, request), 1):
            row = flat(row)
            if writer is None:
                writer = csv.DictWriter(buffer, fieldnames=list(row))
                writer.writeheader()
            writer.writerow(row)
            if n == 1 or n % 100 == 0:
                yield buffer.getvalue().encode()
                buffer.seek(0)
                buffer.truncate()
        if writer is None:
            buffer.write("title,url,summary\r\n")
        yield buffer.getvalue().encode()

    chunks = cached_stream(export_key(listing, request, "csv"), produce)
    return _download(chunks, "text/csv; charset=utf-8", f"{filename}.csv")


def json_response(listing, request, filename, rows=None):
    if rows is not None:
        return json_from_rows(rows(listing, request), filename)
    ids = listing.export_ids()

    def produce():
        yield f'{{"count": {len(ids)}, "results": ['.encode()
        for n, row in enumerate(practice_rows(ids, request)):
            yield (("," if n else "") + "\n" + json.dumps(row, ensure_ascii=False)).encode()
        yield b"\n]}\n"

    chunks = cached_stream(export_key(listing, request, "json"), produce)
    return _download(chunks, "application/json; charset=utf-8", f"{filename}.json")


def atom_response(listing, request, index_page, rows=None):
    """The ``FEED_ENTRIES`` newest entries; another listing passes its own ``rows`` (title,
    url and summary per row)."""
    if rows is not None:
        return atom_from_rows(
            rows(listing, request), request,
            title=f"{index_page.title} · {_('GCM Knowledge Hub')}",
            link=index_page.get_full_url(request),
            description=strip_tags(index_page.intro or ""),
            language=language_code_of(index_page, request), limit=FEED_ENTRIES,
        )
    feed = TextSummaryAtomFeed(
        title=f"{index_page.title} · {_('GCM Knowledge Hub')}",
        link=index_page.get_full_url(request),
        description=strip_tags(index_page.intro or ""),
        language=language_code_of(index_page, request),
        feed_url=absolute(request.get_full_path()),
    )
    # The feed shows titles, links, summaries and dates: one query for its entries, none of the
    # taxonomy the exports' rows carry.
    ids = listing.ordered_ids()[:FEED_ENTRIES]
    by_pk = PracticePage.objects.filter(pk__in=ids).only(*FEED_FIELDS).in_bulk()
    for page in (by_pk[pk] for pk in ids if pk in by_pk):
        feed.add_item(
            title=page.title, link=page.get_full_url(request), description=page.summary,
            unique_id=page.get_full_url(request), pubdate=page.first_published_at,
            updateddate=page.last_published_at,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


# The writers below take any iterable of flat dicts (values: text, numbers, lists of them), so
# other open-data listings (voluntary reviews, pledges) publish the same formats the same way,
# with the same protections (formula cells neutralised, Atom summaries as text). An Atom entry
# reads the row's "title", "url" and "summary".

def csv_from_rows(row_iter, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # spreadsheets then read the Arabic text as UTF-8
    writer = None
    for row in row_iter:
        flat = {
            k: neutralise(";".join(map(str, v)) if isinstance(v, list) else v)
            for k, v in row.items()
        }
        if writer is None:
            writer = csv.DictWriter(response, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
    if writer is None:
        response.write("title,url,summary\r\n")
    return response


def json_from_rows(row_iter, filename):
    data = {"count": 0, "results": list(row_iter)}
    data["count"] = len(data["results"])
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return response


def atom_from_rows(row_iter, request, *, title, link, description, language, limit=50):
    feed = TextSummaryAtomFeed(title=title, link=link, description=description,
                               language=language, feed_url=absolute(request.get_full_path()))
    for row in islice(row_iter, limit):
        feed.add_item(
            title=row["title"], link=row["url"], description=row["summary"],
            unique_id=row["url"],
            updateddate=None,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
