"""How a pledge links to the shared taxonomy, in the practices' ``TermRelation`` form: the
listing's index, the detail page and the submission form read this one list."""

from hub.models import GuidingPrinciple, Objective, Region, StakeholderType
from practices.terms import TermRelation

from .models import PledgeObjective, PledgePrinciple, PledgeRegion, PledgeStakeholder

TERMS = (
    TermRelation("objective", "objectives", "pledge_objectives", PledgeObjective,
                 "objective", Objective, "number"),
    TermRelation("principle", "principles", "pledge_principles", PledgePrinciple,
                 "principle", GuidingPrinciple, "number"),
    TermRelation("region", "regions", "pledge_regions", PledgeRegion, "region", Region, "slug"),
    TermRelation("stakeholder", "stakeholders", "pledge_stakeholders", PledgeStakeholder,
                 "stakeholder", StakeholderType, "slug"),
)
