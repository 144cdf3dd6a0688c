"""The "champion countries" filter the countries app adds to the practice repository's listing
(``hub_facets``, registered in ``wagtail_hooks.py``): the practices in any country flagged
champion now, derived from the listing's own country filter, so it costs one query per request
and its counts follow the other filters like every facet's."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from hub.registry import Facet

PRACTICES = "practices.practicepage"


class ChampionPractices(models.TextChoices):
    YES = "yes", _("Practices in champion countries")


def champion_groups():
    from .services import champion_codes

    return {ChampionPractices.YES.value: champion_codes()}


def listing_facets():
    return [Facet("champion", _("Champion countries"), PRACTICES, "choice",
                  choices=ChampionPractices, derived_from="country", groups=champion_groups)]
