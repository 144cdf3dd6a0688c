"""The pledge listing's facets and how a pledge links to the shared taxonomy: one entry each.

``TERMS`` uses the practices' ``TermRelation`` (read by the listing's index, the detail page
and the submission form); ``FACETS`` declares the listing's filters (registered with the
``hub_facets`` hook in ``wagtail_hooks.py``).
"""

from django.utils.translation import gettext_lazy as _

from hub.models import GuidingPrinciple, Objective, Region, StakeholderType
from hub.registry import Facet
from practices.terms import TermRelation

from .models import (
    Champion,
    Currency,
    PledgeObjective,
    PledgePrinciple,
    PledgeRegion,
    PledgeStakeholder,
    PledgeStatus,
    PledgeType,
)

TERMS = (
    TermRelation("objective", "objectives", "pledge_objectives", PledgeObjective,
                 "objective", Objective, "number"),
    TermRelation("principle", "principles", "pledge_principles", PledgePrinciple,
                 "principle", GuidingPrinciple, "number"),
    TermRelation("region", "regions", "pledge_regions", PledgeRegion, "region", Region, "slug"),
    TermRelation("stakeholder", "stakeholders", "pledge_stakeholders", PledgeStakeholder,
                 "stakeholder", StakeholderType, "slug"),
)
_TERM = {term.facet: term for term in TERMS}
OWNER = "pledges.pledgepage"


def champion_groups():
    """The "champion countries" filter: the pledges for any country flagged champion now."""
    from .country_pages import champion_codes

    return {Champion.YES.value: champion_codes()}


FACETS = (
    Facet("type", _("Type of pledge"), OWNER, "choice", choices=PledgeType),
    Facet("status", _("Status"), OWNER, "choice", choices=PledgeStatus),
    Facet("objective", _("GCM objective"), OWNER, "number", Objective, "short_title",
          relation=_TERM["objective"]),
    Facet("principle", _("Guiding principle"), OWNER, "number", GuidingPrinciple,
          relation=_TERM["principle"]),
    Facet("region", _("Region"), OWNER, "slug", Region, relation=_TERM["region"]),
    Facet("country", _("Country"), OWNER, "country"),
    Facet("stakeholder", _("Stakeholder type of the pledging entity"), OWNER, "slug",
          StakeholderType, relation=_TERM["stakeholder"]),
    Facet("currency", _("Currency"), OWNER, "choice", choices=Currency),
    Facet("champion", _("Champion countries"), OWNER, "choice", choices=Champion,
          derived_from="country", groups=champion_groups),
)
