"""Discussion spaces: index → space → topic pages, with questions and replies.

Pages hold what editors write (spaces, topics, the numbered questions). Replies, reports and
follows are plain Django models written by registered users from the front end; they never go
through page revisions. The topic page's routes (``routes.py``) hand every user action to
``views.py``, whose state changes are in ``services.py``.

Taxonomy links follow the hub's rule (``hub/models.py``): an Orderable through-model with a
ParentalKey and a ForeignKey, never a ParentalManyToManyField.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from hub.declarations import indexed, names, unique
from hub.models import Objective, term_link
from hub.pages import HubPage, SectionPage

from . import conf
from .routes import TopicRoutesMixin

MODERATORS_GROUP = "Moderators"


class DiscussionIndexPage(SectionPage):
    """All discussion spaces of one language, at /<lang>/discussions/, and the archive."""

    parent_page_types = ["home.HomePage"]

    Meta = names(_("discussions index"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["spaces"] = (
            DiscussionSpacePage.objects.child_of(self).live().public()
            .prefetch_related("space_objectives__objective")
        )
        context["archive"] = (
            DiscussionTopicPage.objects.descendant_of(self).live().public()
            .filter(closes_at__lt=timezone.now()).order_by("-closes_at")
        )
        context["other_language_spaces"] = self.other_language_spaces()
        return context

    def other_language_spaces(self):
        """[(this index in another language, number of spaces only in that language)]: the
        page says so with a link instead of leaving a silent gap. Two queries."""
        here = DiscussionSpacePage.objects.filter(locale_id=self.locale_id).values(
            "translation_key")
        counts = dict(
            DiscussionSpacePage.objects.live().public().exclude(locale_id=self.locale_id)
            .exclude(translation_key__in=here).values_list("locale_id")
            .annotate(count=models.Count("pk")).values_list("locale_id", "count")
        )
        if not counts:
            return []
        indexes = self.get_translations().live().filter(locale_id__in=counts).select_related(
            "locale")
        return [(index, counts[index.locale_id]) for index in indexes]


class DiscussionSpacePage(HubPage):
    """A space (a review forum, a champion-countries exchange, an objective) holding topics."""

    description = RichTextField(_("description"), features=["bold", "italic", "link", "ul", "ol"])
    expected_audience = models.TextField(
        _("expected audience"), blank=True,
        help_text=_("Who is this space for, e.g. member states, civil society, local authorities."),
    )
    languages = models.CharField(
        _("languages"), max_length=200, blank=True,
        help_text=_("The main languages of the conversation, e.g. “Arabic, English”."),
    )
    pre_moderation = models.BooleanField(
        _("pre-moderation"), default=False,
        help_text=_(
            "Replies from people who have no approved reply in this space yet wait for a "
            "moderator before they are public."
        ),
    )

    parent_page_types = ["discussions.DiscussionIndexPage"]

    content_panels = HubPage.content_panels + [
        "description", "expected_audience", "languages",
        InlinePanel("space_objectives", label=_("GCM objectives")),
        MultiFieldPanel(
            ["pre_moderation", InlinePanel("space_moderators", label=_("moderators"))],
            heading=_("Moderation"),
        ),
    ]
    search_fields = HubPage.search_fields + indexed("description", "expected_audience") + [
        index.RelatedFields("space_objectives", indexed(filters=("objective_id",))),
    ]

    Meta = names(_("discussion space"), _("discussion spaces"))

    @property
    def objectives(self):
        return [link.objective for link in _links(self, "space_objectives", "objective")]

    @property
    def moderators(self):
        return [link.user for link in _links(self, "space_moderators", "user")]

    def is_moderator(self, user):
        """Superusers, the hub's Moderators group and this space's named moderators."""
        if not user.is_authenticated:
            return False
        if user.is_superuser or user.groups.filter(name=MODERATORS_GROUP).exists():
            return True
        return self.space_moderators.filter(user=user).exists()

    def moderator_emails(self):
        users = get_user_model_queryset().filter(
            Q(groups__name=MODERATORS_GROUP) | Q(discussion_spaces__page=self)
        )
        emails = sorted({u.email for u in users if u.email})
        if not emails:
            emails = sorted(
                {u.email for u in get_user_model_queryset().filter(is_superuser=True) if u.email}
            )
        return emails

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = DiscussionTopicPage.objects.child_of(self).live().public()
        now = timezone.now()
        context["current_topics"] = topics.filter(
            Q(closes_at__isnull=True) | Q(closes_at__gte=now)
        ).order_by("opens_at")
        context["archive"] = topics.filter(closes_at__lt=now).order_by("-closes_at")
        return context


def _links(page, relation, target):
    """A child relation's rows with their target: the prefetched ones in listings, else one
    query (a saved page's relation manager is a queryset; a preview's is in memory)."""
    manager = getattr(page, relation)
    if relation in getattr(page, "_prefetched_objects_cache", {}) or not page.pk:
        return manager.all()
    return manager.all().select_related(target)


def get_user_model_queryset():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True)


SpaceObjective = term_link(DiscussionSpacePage, "SpaceObjective", "objective", Objective,
                           _("GCM objective"), "space", module=__name__)


class SpaceModerator(Orderable):
    """A named moderator of a space (moderators of the hub moderate every space anyway)."""

    page = ParentalKey(
        DiscussionSpacePage, on_delete=models.CASCADE, related_name="space_moderators"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_spaces",
        verbose_name=_("user"),
    )

    panels = ["user"]

    Meta = names(_("moderator"), bases=(Orderable.Meta,),
                 constraints=[unique("page", "user", name="unique_space_moderator")])


class DiscussionTopicPage(TopicRoutesMixin, RoutablePageMixin, HubPage):
    """One conversation with a time window and numbered questions that people reply to.

    Outside [opens_at, closes_at] the topic is read-only; once closed it stays public, listed
    in the archive of its space and of the index, and its replies stay searchable.
    """

    welcome = RichTextField(_("welcome text"), features=["bold", "italic", "link", "ul", "ol"])
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)

    parent_page_types = ["discussions.DiscussionSpacePage"]

    content_panels = HubPage.content_panels + [
        "welcome",
        MultiFieldPanel(["opens_at", "closes_at"], heading=_("Window")),
        InlinePanel("questions", label=_("questions"), min_num=1),
    ]
    search_fields = HubPage.search_fields + indexed("welcome") + [
        index.RelatedFields("questions", indexed("text")),
    ] + indexed("visible_replies_text", filters=("closes_at",))

    Meta = names(_("discussion topic"), _("discussion topics"))

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now and (self.closes_at is None or now <= self.closes_at)

    @property
    def is_closed(self):
        return self.closes_at is not None and self.closes_at < timezone.now()

    @property
    def not_yet_open(self):
        return self.opens_at > timezone.now()

    def visible_replies_text(self):
        """What site search indexes: only approved, not hidden, not deleted replies."""
        return "\n".join(
            Reply.objects.visible().filter(question__page=self).values_list("body", flat=True)
        )


class Question(TranslatableMixin, Orderable):
    """A numbered question of a topic; replies attach to its primary key.

    Why a translatable child model and not a StreamField: replies need a stable id to attach
    to. Editing the topic in the admin keeps the primary keys of existing questions
    (modelcluster updates rows by pk). wagtail-localize copies child objects when it
    translates or re-syncs a page, and for child models that are *not* translatable it
    replaces them (new rows, old rows deleted, which would cascade to their replies). For
    TranslatableMixin child models it matches rows by ``translation_key`` and recycles each
    translation's primary keys, so replies survive re-syncs. Each language version of a topic
    has its own question rows and therefore its own replies: the English and Arabic
    conversations are separate threads, each in the language of its page.
    Deleting a question in the editor deletes its replies.
    """

    page = ParentalKey(DiscussionTopicPage, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"), max_length=1000)

    panels = ["text"]

    Meta = names(_("question"), _("questions"), bases=(TranslatableMixin.Meta, Orderable.Meta))

    def __str__(self):
        return self.text


class ReplyQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(status=Reply.Status.APPROVED, deleted_at__isnull=True)

    def shown_to(self, user, is_moderator):
        """What a visitor sees: visible replies, their own pending/hidden ones, placeholders.

        Deleted and hidden replies stay as rows (children hang from them) and render as
        placeholders; moderators see everything, including pending replies.
        """
        if is_moderator:
            return self
        shown = Q(status__in=[Reply.Status.APPROVED, Reply.Status.HIDDEN])
        if user.is_authenticated:
            shown |= Q(author=user)
        return self.filter(shown)


class Reply(models.Model):
    """A reply to a question, or to another reply (one level of nesting)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting moderation")
        APPROVED = "approved", _("approved")
        HIDDEN = "hidden", _("hidden by a moderator")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="replies")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="discussion_replies"
    )
    body = models.TextField(_("reply"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.APPROVED
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)

    objects = ReplyQuerySet.as_manager()

    Meta = names(_("reply"), _("replies"), ordering=["created_at", "pk"])

    def __str__(self):
        return f"#{self.pk} {self.body[:40]}"

    @property
    def anchor(self):
        return f"reply-{self.pk}"

    @property
    def is_visible(self):
        return self.status == self.Status.APPROVED and self.deleted_at is None

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING

    @property
    def is_hidden(self):
        return self.status == self.Status.HIDDEN

    @property
    def is_deleted(self):
        return self.deleted_at is not None

    def editable_until(self):
        return self.created_at + conf.edit_window()

    def can_edit(self, user, now=None):
        return (
            user.is_authenticated and user.pk == self.author_id and not self.is_deleted
            and not self.is_hidden and (now or timezone.now()) <= self.editable_until()
        )


class ReplyReport(models.Model):
    """A user tells the moderators about a reply; one report per user and reply."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)

    Meta = names(_("report"), constraints=[unique("reply", "reporter", name="unique_reply_report")])

    def __str__(self):
        return f"{self.reporter} → #{self.reply_id}"


class TopicFollow(models.Model):
    """A user follows a topic: an email for each new visible reply, until unsubscribed."""

    topic = models.ForeignKey(
        DiscussionTopicPage, on_delete=models.CASCADE, related_name="follows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followed_topics"
    )
    language = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    Meta = names(_("follow"), constraints=[unique("topic", "user", name="unique_topic_follow")])

    def __str__(self):
        return f"{self.user} → {self.topic_id}"

