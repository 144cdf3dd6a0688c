"""What reviews contribute: country page section and index filter, the focal points' admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from countries.sections import FILTERS_HOOK, SECTIONS_HOOK, CountryFilter, CountrySection
from hub.registry import SearchType, contribute
from hub.structure import section_of_type

from .models import FocalPoint


class FocalPointViewSet(SnippetViewSet):
    """Moderators name focal points here; the user must also be in the "Focal points" group."""

    model = FocalPoint
    icon = "user"
    menu_label = _("Focal points")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["user", "country"]
    list_filter = ["country"]


register_snippet(FocalPointViewSet)


@hooks.register(SECTIONS_HOOK)
def reviews_section(country):
    """The country's published reviews in every language, and its regional review (2 queries)."""
    from .models import ReviewCyclePage, ReviewIndexPage
    from .services import country_reviews, objectives_of

    reviews = country_reviews(country.code)
    cycles = [cycle for cycle in ReviewCyclePage.objects.live().public()
              .filter(locale=country.locale).order_by("-year", "title")
              if cycle.concerns(country.profile.region)]
    titles = {cycle.slug: cycle.title for cycle in cycles}
    index = section_of_type(country.request, ReviewIndexPage, country.locale.language_code)
    can_compare = index is not None and len({r.cycle for r in reviews}) >= 2
    return CountrySection(
        key="reviews", heading=_("Voluntary national reviews"),
        template="reviews/includes/country_section.html",
        context={"reviews": reviews, "cycles": cycles, "cycle_titles": titles,
                 "compare_url": f"{index.url}compare/{country.code.lower()}/"
                 if can_compare else ""},
        order=20, objectives=objectives_of(reviews), counts_label=_("Reviews"),
    )


@hooks.register(FILTERS_HOOK)
def has_review_filter(locale):
    from .services import reviews_by_country

    return CountryFilter("review", _("With a voluntary national review"),
                         set(reviews_by_country()), order=20)


contribute(
    search_types=[
        SearchType("review", _("Voluntary national reviews"),
                   ("reviews.reviewindexpage", "reviews.voluntaryreviewpage")),
        SearchType("review-cycle", _("Regional reviews and the IMRF"),
                   ("reviews.reviewcycleindexpage", "reviews.reviewcyclepage")),
    ],
)
