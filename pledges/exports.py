"""Open data of the pledges: the practices' CSV/JSON/Atom responses with the pledges' rows.

Public fields only; the amount is written as a decimal string, never a float.
"""

from practices import exports

from .models import PledgePage


def pages_in_order(ids):
    return exports.in_chunks(ids, lambda chunk: PledgePage.objects.filter(
        pk__in=chunk).prefetch_related(
        "pledge_objectives__objective", "pledge_principles__principle",
        "pledge_regions__region", "pledge_stakeholders__stakeholder", "pledge_countries",
        "progress_notes",
    ))


def rows(listing, request):
    for page in pages_in_order(listing.ordered_ids()):
        notes = list(page.progress_notes.all())
        yield {
            "title": page.title,
            "url": page.get_full_url(request),
            "summary": page.summary,
            "type": page.pledge_type,
            "status": page.status,
            "pledging_entity": page.pledging_entity,
            "stakeholder_type": [s.slug for s in page.stakeholders],
            "target": page.target,
            "start_date": page.start_date.isoformat() if page.start_date else None,
            "end_date": page.end_date.isoformat() if page.end_date else None,
            "amount": str(page.amount) if page.amount is not None else None,
            "currency": page.currency or None,
            "objectives": [o.number for o in page.objectives],
            "principles": [p.number for p in page.principles],
            "regions": [r.slug for r in page.regions],
            "countries": [c.code for c in page.countries],
            "global": page.is_global,
            "partners": page.partners,
            "last_progress_note": notes[-1].date.isoformat() if notes else None,
            "first_published_at": page.first_published_at.isoformat()
            if page.first_published_at else None,
            "last_published_at": page.last_published_at.isoformat()
            if page.last_published_at else None,
        }


def csv_response(listing, request, filename):
    return exports.csv_response(listing, request, filename, rows=rows)


def json_response(listing, request, filename):
    return exports.json_response(listing, request, filename, rows=rows)


def atom_response(listing, request, index_page):
    return exports.atom_response(listing, request, index_page, rows=rows)
