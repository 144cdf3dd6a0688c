"""The dashboard's charts drawn as SVG markup, from the geometry ``pledges.dashboard`` computes.

Drawn in Python rather than in a template: a dashboard has some two hundred tiles and a hundred
bars, and the template engine spent most of the page's time resolving their thousands of
attributes. Numbers are written as they are; every text goes through
``conditional_escape``, as the template's auto-escaping did (a label may be safe markup, such
as a currency code isolated in ``<bdi>``).
"""

from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _bar(bar, value_anchor, plain):
    series = "" if plain else f" chart__bar--{bar['series']}"
    return (f'<rect x="{bar["x"]}" y="{bar["y"]}" width="{bar["width"]}" '
            f'height="{bar["height"]}" class="chart__bar{series}"/>\n'
            f'      <text x="{bar["value_x"]}" y="{bar["value_y"]}" text-anchor="{value_anchor}" '
            f'class="chart__value">{bar["value"]}</text>')


def _row(row, chart, ltr_labels, plain):
    direction = ' direction="ltr"' if ltr_labels else ""
    bars = "".join(_bar(bar, chart["value_anchor"], plain) for bar in row["bars"])
    return (f'<g class="chart__row">\n'
            f'      <text x="{row["label_x"]}" y="{row["label_y"]}" '
            f'text-anchor="{chart["label_anchor"]}" class="chart__label"{direction}>'
            f'{conditional_escape(row["short"])}</text>\n      {bars}\n    </g>')


def _svg(width, height, name, description, body):
    return mark_safe(
        f'<svg class="chart__svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="chart-{name} chart-{name}-desc">\n'
        f'    <desc id="chart-{name}-desc">{conditional_escape(description)}</desc>\n'
        f'    {body}\n  </svg>'
    )


def bars_svg(chart, lead="", ltr_labels=False, plain_bars=False):
    """A bar chart: ``lead`` goes before the summary in the description; ``ltr_labels`` for
    codes (currencies); ``plain_bars`` without the series' colour."""
    description = f"{lead} {chart['summary']}" if lead else chart["summary"]
    rows = "".join(_row(row, chart, ltr_labels, plain_bars) for row in chart["rows"])
    name = conditional_escape(chart["name"])
    return _svg(chart["width"], chart["height"], name, description, rows)


def _tile(tile, size):
    x, y = tile["x"], tile["y"]
    return (f'<g><rect x="{x}" y="{y}" width="{size}" height="{size}" '
            f'class="tile tile--{tile["shade"]}"><title>{conditional_escape(tile["label"])}: '
            f'{tile["count"]}</title></rect>\n'
            f'      <text x="{x + 30}" y="{y + 26}" text-anchor="middle" class="tile__code">'
            f'{conditional_escape(tile["key"])}</text>\n'
            f'      <text x="{x + 30}" y="{y + 46}" text-anchor="middle" class="tile__count">'
            f'{tile["count"]}</text></g>')


def tiles_svg(grid):
    """The pledging countries' tile grid (the table beside it keeps a link per country)."""
    tiles = "".join(_tile(tile, grid["size"]) for tile in grid["tiles"])
    return _svg(grid["width"], grid["height"], "countries", grid["summary"], tiles)
