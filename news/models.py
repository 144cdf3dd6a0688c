"""News and blog, /<lang>/news/: articles (news, blog posts, statements, press releases) with
their author or organisation, date, series, thematic areas and GCM objectives; a page per blog
series; a filtered listing and an Atom feed on the repository's listing service."""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField

from editorial.blocks import EditorialStreamBlock
from hub.declarations import indexed, names
from hub.models import Objective, ThematicArea, objectives_by_number, term_link
from hub.pages import HubPage, SectionPage, to_view


class ArticleType(models.TextChoices):
    NEWS = "news", pgettext_lazy("type of article", "News")
    BLOG = "blog", pgettext_lazy("type of article", "Blog post")
    STATEMENT = "statement", pgettext_lazy("type of article", "Statement")
    PRESS_RELEASE = "press-release", pgettext_lazy("type of article", "Press release")


class NewsIndexPage(RoutablePageMixin, SectionPage):
    """The news of one language: the listing with its filters, and the Atom feed."""

    parent_page_types = ["home.HomePage"]

    Meta = names(_("news and blog"))

    listing = path("", name="listing")(to_view("news.views.serve_listing"))
    feed = path("feed/", name="feed")(to_view("news.views.serve_feed"))

    def item_count(self):
        """The live public articles (for the home page's counts; one query)."""
        return ArticlePage.objects.child_of(self).live().public().count()

    def latest_items(self, count):
        """The newest articles, for the home page's "latest items" block (one query)."""
        return (ArticlePage.objects.live().public().filter(locale_id=self.locale_id)
                .order_by("-date", "-pk").defer_streamfields()[:count])


class SeriesPage(RoutablePageMixin, HubPage):
    """A blog series (e.g. civil society's voices on the Global Compact) and its articles."""

    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["news.NewsIndexPage"]

    content_panels = HubPage.content_panels + ["intro"]
    search_fields = HubPage.search_fields + indexed("intro")

    Meta = names(_("blog series"), _("blog series"))

    listing = path("", name="listing")(to_view("news.views.serve_series"))


class ArticlePage(HubPage):
    date = models.DateField(_("date"), default=datetime.date.today)
    article_type = models.CharField(_("type of article"), max_length=20,
                                    choices=ArticleType.choices, default=ArticleType.NEWS)
    author = models.CharField(_("author"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    series = models.ForeignKey("news.SeriesPage", verbose_name=_("series"), null=True,
                               blank=True, on_delete=models.SET_NULL, related_name="articles")
    summary = models.TextField(_("summary"), max_length=600, blank=True,
                               help_text=_("Plain text: shown in listings and the feed."))
    body = StreamField(EditorialStreamBlock(), verbose_name=_("body"), blank=True)
    share_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("share image"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+")

    parent_page_types = ["news.NewsIndexPage"]

    content_panels = HubPage.content_panels + [
        MultiFieldPanel(["date", "article_type", "author",
                         "organisation", "series"],
                        heading=_("Article details")),
        "summary", "body",
        InlinePanel("article_objectives", label=_("GCM objectives")),
        InlinePanel("article_areas", label=_("thematic areas")),
    ]
    promote_panels = HubPage.promote_panels + ["share_image"]
    search_fields = HubPage.search_fields + indexed(
        "summary", "body", "author", "organisation", filters=("article_type",))

    Meta = names(_("article"), _("articles"))

    def get_context(self, request, *args, **kwargs):
        from .services import related_pages

        context = super().get_context(request, *args, **kwargs)
        context["objectives"] = objectives_by_number(self.article_objectives)
        context["related"] = related_pages(self)
        return context


ArticleObjective = term_link(ArticlePage, "ArticleObjective", "objective", Objective,
                             _("GCM objective"), "article", module=__name__)
ArticleArea = term_link(ArticlePage, "ArticleArea", "area", ThematicArea, _("thematic area"),
                        "article", module=__name__)
