"""The pledge dashboard: the listing's numbers drawn as server-rendered SVG charts.

Every number comes from the listing's own index and facet counts (``PledgeListing``), so the
dashboard and the listing agree for the same filters by construction (and a test checks it).
Each chart is given as geometry the template draws (no script, no chart library), with a text
alternative and the same numbers as a table. In a right-to-left language the charts are laid out
from the right.

Amounts are summed per currency only: a bar per currency, scaled by the number of pledges in it,
never by an amount converted into another currency.
"""

from decimal import Decimal

from django.http import QueryDict
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from hub.formatting import format_amount
from pledges.drawing import bars_svg, tiles_svg
from practices.listing import Filters, Listing

WIDTH = 640
ROW = 26
LABEL = 250  # room for the labels
VALUE = 60  # room for the value after the bar
MAX_LABEL = 38
# Facets a practice has too (the champion countries: the countries app's filter of practices).
SHARED = ("objective", "principle", "region", "country", "stakeholder", "champion")


def _short(text):
    return text if len(text) <= MAX_LABEL else text[:MAX_LABEL - 1] + "…"


def _href(filters, facet, key):
    """The listing URL's query string with ``facet=key`` added to the current filters."""
    params = QueryDict(mutable=True)
    for name, keys in filters.values.items():
        for value in keys:
            params.appendlist(name, value)
    if key not in params.getlist(facet):
        params.appendlist(facet, key)
    if filters.q:
        params["q"] = filters.q
    for name in ("year_from", "year_to"):
        if getattr(filters, name):
            params[name] = str(getattr(filters, name))
    return "?" + params.urlencode()


def bar_chart(name, title, rows, rtl, series=1):
    """Geometry of a horizontal bar chart. ``rows``: dicts with ``label`` and ``values`` (one per
    series), optional ``href``/``text``. Bars share one scale."""
    top = max((max(row["values"]) for row in rows), default=0) or 1
    span = WIDTH - LABEL - VALUE
    bar_height = (ROW - 8) / series
    drawn = []
    for n, row in enumerate(rows):
        y = n * ROW + 4
        bars = []
        for s, value in enumerate(row["values"]):
            length = round(span * value / top, 1)
            x = WIDTH - LABEL - length if rtl else LABEL
            value_x = x - 4 if rtl else LABEL + length + 4
            bars.append({"x": x, "y": round(y + s * bar_height, 1), "width": length,
                         "height": round(bar_height - 1, 1), "value": value,
                         "value_x": value_x, "value_y": round(y + (s + 0.75) * bar_height, 1),
                         "series": s})
        drawn.append({**row, "short": _short(row["label"]), "bars": bars,
                      "label_x": WIDTH - 6 if rtl else LABEL - 6,
                      "label_y": y + (ROW - 8) * 0.7})
    return {
        "name": name, "title": title, "rows": drawn, "width": WIDTH,
        "height": max(len(rows), 1) * ROW + 8, "label_anchor": "end",
        "value_anchor": "end" if rtl else "start", "series": series,
        "summary": "; ".join(
            f"{row['label']}: {', '.join(str(v) for v in row['values'])}" for row in rows
        ),
    }


def amounts_by_currency(listing):
    """[(currency, number of pledges, Decimal total)] of the filtered pledges, per currency."""
    index, bits = listing.index, listing.filtered()
    totals = {}
    for i, (currency, amount) in getattr(index, "amounts", {}).items():
        if bits >> i & 1:
            count, total = totals.get(currency, (0, Decimal("0")))
            totals[currency] = (count + 1, total + amount)
    return [(currency, count, total) for currency, (count, total) in sorted(totals.items())]


def practice_counts(listing):
    """Practices per objective under the filters a practice also has (same language)."""
    filters = listing.filters
    shared = Filters(
        values={facet: keys for facet, keys in filters.values.items() if facet in SHARED},
        q=filters.q, year_from=filters.year_from, year_to=filters.year_to,
    )
    return Listing(listing.locale, shared).facet_counts()["objective"]


def build(listing, facets, request):
    rtl = get_language_bidi()
    filters = listing.filters
    by_name = {facet["name"]: facet for facet in facets}
    charts = []
    for name in ("type", "status", "objective", "region", "stakeholder"):
        facet = by_name[name]
        rows = [{"label": o["label"], "key": o["key"], "values": [o["count"]],
                 "href": _href(filters, name, o["key"])} for o in facet["options"]]
        chart = bar_chart(name, facet["label"], rows, rtl)
        charts.append({**chart, "svg": bars_svg(chart)})
    amounts = amounts_by_currency(listing)
    amount_chart = bar_chart(
        "amounts", _("Pledged amounts by currency"),
        [{"label": f"{currency} {format_amount(total)}", "key": currency, "values": [count],
          "currency": currency, "total": total, "href": _href(filters, "currency", currency)}
         for currency, count, total in amounts], rtl,
    )
    amount_chart["svg"] = bars_svg(amount_chart, ltr_labels=True, plain_bars=True)
    practices = practice_counts(listing)
    coverage_rows = []
    for option in by_name["objective"]["options"]:
        pledged, practised = option["count"], practices.get(option["key"], 0)
        coverage_rows.append({
            "label": option["label"], "key": option["key"], "values": [pledged, practised],
            "href": _href(filters, "objective", option["key"]),
            "gap": "no-practice" if pledged and not practised
            else "no-pledge" if practised and not pledged else "",
        })
    coverage = bar_chart("coverage", _("Coverage of the GCM objectives: pledges and practices"),
                         coverage_rows, rtl, series=2)
    coverage["svg"] = bars_svg(coverage, lead=_("Pledges, practices per objective:"))
    countries = [o for o in by_name["country"]["options"] if o["count"]]
    return {
        "total": listing.filtered().bit_count(),
        "charts": charts,
        "amounts": amount_chart,
        "coverage": coverage,
        "gaps": {
            "no_practice": [r for r in coverage_rows if r["gap"] == "no-practice"],
            "no_pledge": [r for r in coverage_rows if r["gap"] == "no-pledge"],
        },
        "tiles": tile_grid(countries, filters, rtl),
    }


TILE, COLUMNS = 64, 9


def tile_grid(options, filters, rtl):
    """Pledging countries as a grid of tiles (ISO code and count), darker with more pledges."""
    top = max((o["count"] for o in options), default=1)
    tiles = []
    for n, option in enumerate(options):
        column, line = n % COLUMNS, n // COLUMNS
        if rtl:
            column = COLUMNS - 1 - column
        shade = 1 + min(4, (option["count"] * 4) // top)
        tiles.append({**option, "x": column * TILE, "y": line * TILE, "shade": shade,
                      "href": _href(filters, "country", option["key"])})
    lines = (len(options) + COLUMNS - 1) // COLUMNS
    grid = {"tiles": tiles, "width": COLUMNS * TILE, "height": max(lines, 1) * TILE,
            "size": TILE - 4,
            "summary": "; ".join(f"{o['label']}: {o['count']}" for o in options)}
    return {**grid, "svg": tiles_svg(grid)}
