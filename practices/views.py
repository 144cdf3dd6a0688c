"""Thin glue between the routable repository page and the listing/export services."""

from dataclasses import dataclass, replace

from django.db.models import CharField, F, IntegerField, Value
from django.db.models.functions import Cast
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django_countries.fields import Country

from hub.structure import language_code_of
from search.query import SearchUnavailable, engine_guard

from .exports import atom_response, csv_response, json_response
from .listing import Listing, for_cards, parse_filters, practice_listing
from .listing_views import serve_faceted
from .models import PracticeCountry, PracticeObjective, PracticePage
from .terms import GEOGRAPHY, term_relations


def serve_listing(index_page, request):
    filters = parse_filters(request.GET)
    try:
        with engine_guard():
            response = _serve_listing(index_page, request, filters)
            return response.render() if hasattr(response, "render") else response
    except SearchUnavailable:
        if filters.q and request.GET.get("format") in ("csv", "json"):
            return HttpResponse(_("Keyword search is unavailable for a moment. Please try the "
                                  "export again in a few minutes."),
                                status=503, content_type="text/plain; charset=utf-8")
        # The search engine is away: the listing from the in-memory index (the embedded one,
        # whichever is configured) without the keyword, said so; the keyword stays in the form.
        without_keyword = replace(
            filters, q="", sort="newest" if filters.sort == "relevance" else filters.sort)
        response = _serve_listing(index_page, request, without_keyword, shown=filters,
                                  listing_class=Listing)
        if filters.q:
            response.context_data["keyword_unavailable"] = True
            response.status_code = 503
        return response


def _serve_listing(index_page, request, filters, shown=None, listing_class=practice_listing):
    listing = listing_class(index_page.locale_id, filters)
    export = export_response(listing, request, f"practices-{language_code_of(index_page, request)}")
    if export is not None:
        return export
    return serve_faceted(index_page, request, listing, "practices/practice_index_page.html",
                         "practice", items_as="practices", shown=shown)


def export_response(listing, request, filename, csv=csv_response, json=json_response):
    """The CSV or JSON export that ``?format=`` asks for, else None (the page). Another listing
    passes its own writers."""
    kind = request.GET.get("format")
    if kind == "csv":
        return csv(listing, request, filename)
    if kind == "json":
        return json(listing, request, filename)
    return None


def serve_feed(index_page, request):
    filters = parse_filters(request.GET)
    try:
        with engine_guard():
            return atom_response(practice_listing(index_page.locale_id, filters), request,
                                 index_page)
    except SearchUnavailable:
        if not filters.q:  # the engine is away: the in-memory index answers without it
            return atom_response(Listing(index_page.locale_id, filters), request, index_page)
        return HttpResponse(_("Keyword search is unavailable for a moment. Please try the "
                              "export again in a few minutes."),
                            status=503, content_type="text/plain; charset=utf-8")


def _detail_columns(term):
    """The term's columns read as (number, slug, title, short title); None where it has none."""
    has_short_title = any(f.name == "short_title" for f in term.model._meta.get_fields())
    return ("number" if term.key == "number" else None, "slug" if term.key == "slug" else None,
            "title", "short_title" if has_short_title else None)


def detail_relations(terms, countries=PracticeCountry):
    """The taxonomy of a practice (or of another page with the same kind of relations) as the
    detail page shows it: (context name, through model, term field, its columns) for each of
    ``terms``, then the countries (ISO codes on the ``countries`` through-model itself, read as
    the slug)."""
    return (*((term.field, term.through, term.attribute, _detail_columns(term)) for term in terms),
            ("countries", countries, None, (None, "country", None, None)))


TERM_COLUMNS = (("number", IntegerField()), ("slug", CharField()), ("title", CharField()),
                ("short_title", CharField()))


@dataclass(frozen=True)
class Term:
    number: int | None
    slug: str
    title: str
    short_title: str


def _column(term, name, output_field):
    if name is None:
        return Value(None if isinstance(output_field, IntegerField) else "",
                     output_field=output_field)
    return Cast(f"{term}__{name}" if term else name, output_field)


def _links(page, relation, model, term, fields):
    """One SELECT of the UNION: a relation's links with their term's columns."""
    columns = {name: _column(term, field, output)
               for (name, output), field in zip(TERM_COLUMNS, fields, strict=True)}
    return model.objects.filter(page_id=page.pk).annotate(
        relation=Value(relation, output_field=CharField()), position=F("sort_order"),
        link=F("pk"), **columns,
    ).values("relation", "position", "link", *columns).order_by()


def _linked(page, through, attribute):
    """The terms (countries: ``Country``s) a page links to through ``through``, as held by the
    page object (a preview's relations being edited are in memory)."""
    links = getattr(page, through._meta.get_field("page").remote_field.get_accessor_name())
    return [getattr(link, attribute or "country") for link in links.all()]


def practice_terms(page, request=None, relations=None):
    """{context name: [Term]} (countries: [Country]) of a practice, from one UNION query over
    its through-models instead of one query per relation (by default those of every facet
    declared for practices). A preview shows the relations being edited, held in memory: there
    they are read from the page object. Another kind of page passes its own ``relations`` (the
    last one its countries)."""
    relations = relations or detail_relations(term_relations())
    if getattr(request, "is_preview", False) or not page.pk:
        return {name: _linked(page, through, attribute)
                for name, through, attribute, _columns in relations}
    parts = [_links(page, *relation) for relation in relations]
    terms = {name: [] for name, *_ in relations}
    # In the editor's order; links saved without one (not through the editor) in saved order.
    for row in sorted(parts[0].union(*parts[1:], all=True),
                      key=lambda row: (row["position"] is None, row["position"] or 0, row["link"])):
        terms[row["relation"]].append(
            Term(row["number"], row["slug"], row["title"], row["short_title"])
        )
    terms["countries"] = [Country(code=term.slug) for term in terms["countries"]]
    return terms


def extra_sections(page, request):
    """Sections other apps add to a practice page: each function registered with the
    ``practice_page_sections`` hook returns ``None`` or ``{"template": ..., **context}``."""
    from wagtail import hooks

    sections = (function(page, request) for function in hooks.get_hooks("practice_page_sections"))
    return [section for section in sections if section]


def taxonomy_rows(page, terms, relations):
    """The detail page's taxonomy rows, one per relation in declaration order: {label, chips},
    each chip {text, facet, value} (``value`` filters the listing on it; "Global" has none)."""
    rows = []
    for term in relations:
        chips = [{"text": term.chip.format(term=item), "facet": term.facet,
                  "value": getattr(item, term.key)} for item in terms[term.field]]
        if term.facet == GEOGRAPHY:
            chips = [*([{"text": _("Global")}] if page.is_global else []), *chips,
                     *({"text": country.name, "facet": "country", "value": country.code}
                       for country in terms["countries"])]
        if chips or term.always:
            rows.append({"label": term.heading, "chips": chips})
    return rows


def detail_context(page, request):
    """Taxonomy and related practices (sharing an objective) in a fixed number of queries."""
    relations = term_relations()
    terms = practice_terms(page, request, detail_relations(relations))
    numbers = [objective.number for objective in terms["objectives"]]
    related = (
        PracticePage.objects.live().public().filter(locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .filter(pk__in=PracticeObjective.objects.filter(
            objective__number__in=numbers).values("page_id"))
        .order_by("-first_published_at")
    )
    related = for_cards(related)[:4]
    return {
        **terms,
        "taxonomy_rows": taxonomy_rows(page, terms, relations),
        "related_practices": related,
        "extra_sections": extra_sections(page, request),
        "listing_url": page.get_parent().get_url(request),
    }
