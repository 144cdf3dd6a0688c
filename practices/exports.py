"""Open data: the filtered practices as CSV, JSON and an Atom feed. Public fields only.

The focal point's contact fields are deliberately absent from PUBLIC_FIELDS.
"""

import csv
import json

from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from hub.structure import language_code_of

from .listing import card_prefetches
from .models import PracticePage
from .terms import TERMS

# A cell starting with one of these is a formula to a spreadsheet (=HYPERLINK(…) runs when the
# file is opened): such a cell gets a leading apostrophe, as OWASP recommends for CSV injection.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# The taxonomy relations a card does not prefetch already (see terms.py).
EXTRA_PREFETCHES = [f"{term.relation}__{term.attribute}" for term in TERMS
                    if term.relation != "practice_objectives"]
CHUNK = 500  # practices fetched per round of queries: memory stays flat on a large export


def pages_in_order(ids):
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        queryset = card_prefetches(PracticePage.objects.filter(pk__in=chunk)).prefetch_related(
            *EXTRA_PREFETCHES)
        by_pk = {page.pk: page for page in queryset}
        yield from (by_pk[pk] for pk in chunk if pk in by_pk)


def rows(listing, request):
    for page in pages_in_order(listing.ordered_ids()):
        yield {
            "title": page.title,
            "url": page.get_full_url(request),
            "summary": page.summary,
            "type": page.practice_type,
            "implementation_level": page.implementation_level,
            "objectives": [o.number for o in page.objectives],
            "principles": [p.number for p in page.principles],
            "sdgs": [s.number for s in page.sdgs],
            "regions": [r.slug for r in page.regions],
            "countries": [c.code for c in page.countries],
            "global": page.is_global,
            "stakeholders": [s.slug for s in page.stakeholders],
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


def csv_response(listing, request, filename, rows=rows):
    """The listing as CSV; another listing passes its own ``rows(listing, request)``."""
    return csv_from_rows(rows(listing, request), filename)


def json_response(listing, request, filename, rows=rows):
    return json_from_rows(rows(listing, request), filename)


def atom_response(listing, request, index_page, rows=rows):
    """The newest entries of the listing; ``rows`` must give title, url and summary."""
    return atom_from_rows(
        rows(listing, request), request,
        title=f"{index_page.title} · {_('GCM Knowledge Hub')}",
        link=index_page.get_full_url(request),
        description=strip_tags(index_page.intro or ""),
        language=language_code_of(index_page, request),
    )


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
                               language=language, feed_url=request.build_absolute_uri())
    for row in list(row_iter)[:limit]:
        feed.add_item(
            title=row["title"], link=row["url"], description=row["summary"],
            unique_id=row["url"],
            updateddate=None,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
