"""The shared taxonomy of the Global Compact for Migration.

Each term is a translatable snippet: one row per locale, the rows of one term sharing a
``translation_key`` and a language-independent identifier (``number`` or ``slug``).

How pages point at terms (the ParentalManyToManyField trap): a ``ParentalManyToManyField`` to a
translatable snippet offers every locale's rows in the editor and is not remapped when
wagtail-localize translates a page. Pages therefore link to terms through Orderable
through-models (``ParentalKey`` + ``ForeignKey``), which wagtail-localize remaps to the target
locale's row, and listings filter on the language-independent ``number``/``slug`` so a URL gives
the same results whichever language's row it names.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .declarations import abstract, indexed, names, unique


def linked_terms(relation, attribute):
    """A property of a model linked to terms through ``relation`` (a through-model's related
    name): the list of the links' ``attribute`` (the terms, or ISO codes), in the links' order,
    e.g. ``objectives = linked_terms("practice_objectives", "objective")``."""
    return property(lambda self: [getattr(link, attribute)
                                  for link in getattr(self, relation).all()])


def objectives_by_number(links):
    """The objectives of ``links`` (a related manager of a ``term_link`` to objectives), by
    number, in one query."""
    return [link.objective
            for link in links.select_related("objective").order_by("objective__number")]


class TermQuerySet(models.QuerySet):
    def in_locale(self, locale):
        return self.filter(locale=locale)


def term_meta(base, verbose_name, verbose_name_plural, constraint):
    """The ``Meta`` of a term model: its names, and its key (``number`` or ``slug``) unique per
    locale under the name ``constraint``."""
    key = "number" if base is NumberedTerm else "slug"
    return names(verbose_name, verbose_name_plural, bases=(base.Meta,),
                 constraints=[unique(key, "locale", name=constraint)])


class Term(TranslatableMixin, index.Indexed, models.Model):
    """A term of the taxonomy: a title in each language, and a key field, the same in every
    language, that identifies it (see ``keyed_by``)."""

    title = models.CharField(_("title"), max_length=255)

    objects = TermQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        abstract = True


def keyed_by(key):
    """``translatable_fields`` and ``search_fields`` of a term identified by the field ``key``:
    translations keep the key and translate the title; search finds the title and filters on
    the key."""
    translatable = [SynchronizedField(key, overridable=False), TranslatableField("title")]
    return translatable, indexed("title", filters=(key,))


class NumberedTerm(Term):
    """A term identified across languages by its official number (objective 8, principle 3…)."""

    number = models.PositiveSmallIntegerField(_("number"))

    panels = ["number", "title"]
    translatable_fields, search_fields = keyed_by("number")
    Meta = abstract(Term.Meta, ordering=["number"])

    def __str__(self):
        return f"{self.number}. {self.title}"


class SluggedTerm(Term):
    """A term identified across languages by an ASCII slug (used in URLs)."""

    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)

    panels = ["title", "slug"]
    translatable_fields, search_fields = keyed_by("slug")
    Meta = abstract(Term.Meta, ordering=["title"])

    def __str__(self):
        return self.title


class Objective(NumberedTerm):
    short_title = models.CharField(_("short title"), max_length=80)
    description = models.TextField(_("description"), blank=True)

    panels = NumberedTerm.panels + ["short_title", "description"]
    translatable_fields = NumberedTerm.translatable_fields + [
        TranslatableField("short_title"),
        TranslatableField("description"),
    ]

    Meta = term_meta(
        NumberedTerm, _("GCM objective"), _("GCM objectives"), "unique_objective_number")


class GuidingPrinciple(NumberedTerm):
    Meta = term_meta(
        NumberedTerm, _("guiding principle"), _("guiding principles"), "unique_principle_number")


class SustainableDevelopmentGoal(NumberedTerm):
    Meta = term_meta(
        NumberedTerm, _("Sustainable Development Goal"), _("Sustainable Development Goals"),
        "unique_sdg_number")


class ThematicArea(ClusterableModel, NumberedTerm):
    """A thematic area of the Migration MPTF, grouping several objectives."""

    panels = NumberedTerm.panels + [InlinePanel("area_objectives", label=_("objectives"))]

    Meta = term_meta(NumberedTerm, _("thematic area"), _("thematic areas"), "unique_area_number")

    objectives = linked_terms("area_objectives", "objective")


class ThematicAreaObjective(Orderable):
    area = ParentalKey(ThematicArea, on_delete=models.CASCADE, related_name="area_objectives")
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="+")

    panels = ["objective"]

    Meta = names(_("objective of the area"), bases=(Orderable.Meta,),
                 constraints=[unique("area", "objective", name="unique_area_objective")])


class Region(SluggedTerm):
    Meta = term_meta(SluggedTerm, _("region"), _("regions"), "unique_region_slug")


class StakeholderType(SluggedTerm):
    Meta = term_meta(
        SluggedTerm, _("stakeholder type"), _("stakeholder types"), "unique_stakeholder_slug")


# The term models of the taxonomy, in the admin's order: the roles grant editing them
# (roles.py) and the admin groups them (wagtail_hooks.py).
TAXONOMY = (Objective, GuidingPrinciple, ThematicArea, SustainableDevelopmentGoal, Region,
            StakeholderType)


class UserProfile(models.Model):
    """What the hub knows about a registered user besides allauth's email and password.

    ``stakeholder_type`` keeps the language-independent slug of a ``StakeholderType``, so the
    profile reads the same whichever language the user switches to.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    name = models.CharField(_("full name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    stakeholder_type = models.SlugField(_("stakeholder type"), max_length=80, blank=True)
    country = CountryField(_("country"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the emails the hub sends you."),
    )

    Meta = names(_("user profile"), _("user profiles"))

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Wagtail's admin names people by ``get_full_name()``: the name given at sign-up and the
        # organisation, not the generated username.
        first = self.name[:150]
        last = f"({self.organisation})"[:150] if self.organisation else ""
        if (self.user.first_name, self.user.last_name) != (first, last):
            get_user_model().objects.filter(pk=self.user_id).update(first_name=first,
                                                                    last_name=last)
            self.user.first_name, self.user.last_name = first, last


def preferred_language(user):
    """The user's chosen language for emails, the site's default when there is no profile."""
    profile = UserProfile.objects.filter(user=user).first() if user else None
    return profile.preferred_language if profile else settings.LANGUAGE_CODE


def term_link(page, class_name, attribute, term, verbose_name, prefix, *, module, doc=None):
    """An Orderable through-model linking a page type to one kind of term (see the module
    docstring): ``page`` (ParentalKey, related name ``<prefix>_<attribute>s``) and ``attribute``
    (a ForeignKey to ``term``, or an ISO ``CountryField`` where ``term`` is None, related name
    ``<prefix>_countries``), unique per page (constraint ``unique_<prefix>_<attribute>``), edited
    one field per row.

    ``module`` is the calling models module (``__name__``): it names the app, so the table is
    the one a class written out in that module would have.
    """
    plural = "countries" if term is None else f"{attribute}s"
    parent = ParentalKey(page, on_delete=models.CASCADE, related_name=f"{prefix}_{plural}")
    if term is None:
        target = CountryField(_("country"), db_index=True)
    else:
        target = models.ForeignKey(term, on_delete=models.PROTECT, related_name="+")
    meta = names(verbose_name, bases=(Orderable.Meta,),
                 constraints=[unique("page", attribute, name=f"unique_{prefix}_{attribute}")])
    return type(class_name, (Orderable,), {
        "__module__": module,
        "__doc__": doc or f"A {prefix}'s link to one {attribute}.",
        "page": parent,
        attribute: target,
        "panels": [FieldPanel(attribute)],
        "Meta": meta,
    })


def objective_links(through, page, numbers):
    """Rows of ``through`` (a ``term_link`` to objectives) linking ``page`` to the objectives
    numbered ``numbers`` in the page's language."""
    return [through(objective=objective) for objective in
            Objective.objects.filter(locale_id=page.locale_id, number__in=numbers)]


class FooterLink(TranslatableMixin, models.Model):
    """A link of the site footer, in one language (translated with the rest of the content);
    editors add, order and change them under Snippets. To a page of the site, or to an address."""

    label = models.CharField(_("label"), max_length=80)
    page = models.ForeignKey("wagtailcore.Page", verbose_name=_("page"), null=True, blank=True,
                             on_delete=models.CASCADE, related_name="+")
    url = models.URLField(_("address"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = ["label", "page", "url",
              "sort_order"]
    translatable_fields = [TranslatableField("label"), SynchronizedField("url"),
                           SynchronizedField("sort_order")]

    Meta = names(_("footer link"), _("footer links"), bases=(TranslatableMixin.Meta,),
                 ordering=["sort_order", "pk"])

    def __str__(self):
        return self.label

    def clean(self):
        from django.core.exceptions import ValidationError

        if bool(self.page_id) == bool(self.url):
            raise ValidationError({"page": _("Choose a page or give an address, not both.")})
