"""The topic page's own URLs: posting, editing, moderating and following, all under the topic.

``/<lang>/discussions/<space>/<topic>/reply/``, ``…/replies/<id>/edit/`` and so on (route
names in ``reverse_subpage``). Every action is a POST behind Django's CSRF middleware (the edit
form is also a GET); anonymous visitors are sent to the login page and come back to the topic.
A reply that is not yours, or not on this topic, is a 404; a moderator action by someone else
is a 403. Invalid input re-renders the topic with the bound form, so nothing typed is lost.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.contrib.routable_page.models import path

import hub.converters  # noqa: F401 - registers <id:…>
from hub.accounts.verification import ask_for_verification, has_verified_email
from hub.locks import serialise_for

from . import conf
from .forms import EditReplyForm, HideReplyForm, ReplyForm, ReportReplyForm


class TopicRoutesMixin:
    """Mixed into ``DiscussionTopicPage`` (before ``RoutablePageMixin``)."""

    # -- context -------------------------------------------------------------------------

    def get_space(self):
        if not hasattr(self, "_space"):
            self._space = self.get_parent().specific
        return self._space

    def get_context(self, request, *args, bound_forms=None, **kwargs):
        from .models import Question, Reply, TopicFollow

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        space = self.get_space()
        is_moderator = space.is_moderator(user)
        bound_forms = bound_forms or {}
        shown = Reply.objects.shown_to(user, is_moderator).select_related("author")
        questions = list(
            Question.objects.filter(page_id=self.pk).prefetch_related(
                Prefetch(
                    "replies",
                    queryset=shown.filter(parent__isnull=True).prefetch_related(
                        Prefetch("children", queryset=shown, to_attr="shown_children")
                    ),
                    to_attr="shown_replies",
                )
            )
        )
        can_reply = user.is_authenticated and self.is_open()
        for question in questions:
            question.form = bound_forms.get(("reply", question.pk, None)) or ReplyForm(
                initial={"question": question.pk}
            )
            question.thread = []
            for reply in question.shown_replies:
                if reply.is_deleted and not any(not c.is_deleted for c in reply.shown_children):
                    continue  # a deleted reply only stays as a placeholder for its answers
                reply.children_shown = [c for c in reply.shown_children if not c.is_deleted]
                reply.form = bound_forms.get(("reply", question.pk, reply.pk)) or ReplyForm(
                    initial={"question": question.pk, "parent": reply.pk}
                )
                for item in [reply, *reply.children_shown]:
                    self._annotate(item, user, is_moderator, bound_forms)
                question.thread.append(reply)
            answerable = {reply.pk for reply in question.thread if reply.is_visible}
            for (_kind, question_pk, parent_pk), form in self._reply_forms(bound_forms):
                if question_pk == question.pk and parent_pk not in answerable:
                    question.form = form  # its reply is gone: show the error under the question
        context.update(
            space=space,
            questions=questions,
            is_moderator=is_moderator,
            can_reply=can_reply,
            is_following=user.is_authenticated
            and TopicFollow.objects.filter(topic_id=self.pk, user=user).exists(),
            max_reply_length=conf.max_reply_length(),
        )
        return context

    @staticmethod
    def _reply_forms(bound_forms):
        return [(key, form) for key, form in bound_forms.items() if key[0] == "reply" and key[2]]

    def _annotate(self, reply, user, is_moderator, bound_forms):
        reply.can_edit_now = reply.can_edit(user) and self.is_open()
        reply.is_own = user.is_authenticated and reply.author_id == user.pk
        reply.hide_form = bound_forms.get(("hide", reply.pk)) or HideReplyForm()
        reply.report_form = bound_forms.get(("report", reply.pk)) or ReportReplyForm()

    def render_with(self, request, key, form, status=400):
        response = self.render(request, bound_forms={key: form})
        response.status_code = status
        return response

    # -- helpers -------------------------------------------------------------------------

    def permalink(self, request, reply):
        return HttpResponseRedirect(f"{self.get_url(request)}#{reply.anchor}")

    def back(self, request):
        return HttpResponseRedirect(self.get_url(request))

    def guard(self, request, methods=("POST",)):
        """None when the request may proceed, else the response to return."""
        if request.method not in methods:
            return HttpResponseNotAllowed(methods)
        if not request.user.is_authenticated:
            return redirect_to_login(self.get_url(request))
        if not has_verified_email(request.user):
            ask_for_verification(request)
            return self.back(request)
        return None

    def closed_message(self):
        if self.not_yet_open:
            return _("This discussion has not opened yet: it is read-only until it opens.")
        return _("This discussion is closed: it is read-only.")

    def own_reply(self, request, reply_id):
        from .models import Reply

        try:
            return Reply.objects.select_related("author", "question").get(
                pk=reply_id, question__page_id=self.pk, author=request.user,
                deleted_at__isnull=True,
            )
        except Reply.DoesNotExist:
            raise Http404(_("No reply of yours with this number.")) from None

    def any_reply(self, reply_id):
        from .models import Reply

        try:
            return Reply.objects.select_related("author", "question").get(
                pk=reply_id, question__page_id=self.pk
            )
        except Reply.DoesNotExist:
            raise Http404(_("No such reply.")) from None

    def moderator_only(self, request):
        if not self.get_space().is_moderator(request.user):
            raise PermissionDenied(_("Only moderators can do this."))

    # -- posting -------------------------------------------------------------------------

    @path("reply/", name="reply")
    def post_reply(self, request):
        from . import services
        from .models import Question, Reply

        if response := self.guard(request):
            return response
        if not self.is_open():
            messages.error(request, self.closed_message())
            return self.back(request)
        form = ReplyForm(request.POST)
        if form.is_spam:
            # Honeypot filled in: say nothing useful to the bot and store nothing.
            messages.info(request, _("Your reply could not be posted."))
            return self.back(request)
        if not form.is_valid():
            return self.render_with(request, self._form_key(form), form)
        question = Question.objects.filter(
            page_id=self.pk, pk=form.cleaned_data["question"]
        ).first()
        if question is None:
            raise Http404(_("This question is not part of this discussion."))
        parent = None
        if form.cleaned_data["parent"]:
            parent = (
                Reply.objects.filter(question=question, pk=form.cleaned_data["parent"])
                .select_related("parent").first()
            )
            if parent is not None and parent.parent is not None:
                parent = parent.parent  # one level of nesting: answer the thread's first reply
            if parent is None or not parent.is_visible:
                form.add_error(None, _(
                    "The reply you are answering was hidden, deleted or is not public yet: "
                    "your reply was not posted."
                ))
                return self.render_with(request, self._form_key(form), form)
        space = self.get_space()
        is_moderator = space.is_moderator(request.user)
        with transaction.atomic():
            # The count and the new reply in one turn of this user's (hub/locks.py): parallel
            # posts cannot all count below the limit.
            serialise_for(request.user)
            reply = None if services.rate_limited(request.user) else services.create_reply(
                topic=self, space=space, question=question, parent=parent, author=request.user,
                body=form.cleaned_data["body"], language=request.LANGUAGE_CODE,
                is_moderator=is_moderator,
            )
        if reply is None:
            count, window = conf.rate_limit()
            minutes = int(window.total_seconds() // 60)
            form.add_error(None, ngettext(
                "You have posted %(count)d replies in the last %(minutes)d minute: wait a "
                "little before posting again. Your text is kept below.",
                "You have posted %(count)d replies in the last %(minutes)d minutes: wait a "
                "little before posting again. Your text is kept below.",
                minutes,
            ) % {"count": count, "minutes": minutes})
            return self.render_with(request, self._form_key(form), form, status=429)
        if reply.is_pending:
            services.notify_pending(self, space, reply)
            messages.info(request, _(
                "Thank you: your reply is awaiting moderation. It will be public once a "
                "moderator approves it."
            ))
        else:
            messages.success(request, _("Your reply is posted."))
        return self.permalink(request, reply)

    def _form_key(self, form):
        data = form.data
        try:
            question = int(data.get("question"))
            parent = int(data["parent"]) if data.get("parent") else None
        except (TypeError, ValueError):
            raise Http404(_("This question is not part of this discussion.")) from None
        return ("reply", question, parent)

    # -- authors -------------------------------------------------------------------------

    @path("replies/<id:reply_id>/edit/", name="edit_reply")
    def edit_reply(self, request, reply_id):
        from . import services

        if response := self.guard(request, methods=("GET", "POST")):
            return response
        reply = self.own_reply(request, reply_id)
        if not reply.can_edit(request.user) or not self.is_open():
            if not self.is_open():
                messages.error(request, self.closed_message())
            else:
                messages.error(request, _(
                    "The 30 minutes to edit this reply have passed. You can still delete it."
                ))
            return self.permalink(request, reply)
        form = EditReplyForm(request.POST or None, initial={"body": reply.body})
        if request.method == "POST" and form.is_valid():
            reply.body = form.cleaned_data["body"]
            reply.edited_at = timezone.now()
            reply.save(update_fields=["body", "edited_at"])
            if reply.is_visible:
                services.reindex(self)
            messages.success(request, _("Your reply is updated."))
            return self.permalink(request, reply)
        return TemplateResponse(
            request, "discussions/reply_edit.html",
            {"page": self, "self": self, "reply": reply, "form": form},
            status=400 if form.is_bound else 200,
        )

    @path("replies/<id:reply_id>/delete/", name="delete_reply")
    def delete_reply(self, request, reply_id):
        from . import services

        if response := self.guard(request):
            return response
        reply = self.own_reply(request, reply_id)
        was_visible = reply.is_visible
        reply.deleted_at = timezone.now()
        reply.body = ""
        reply.save(update_fields=["deleted_at", "body"])
        if was_visible:
            services.reindex(self)
        messages.success(request, _("Your reply is deleted."))
        return self.back(request)

    @path("replies/<id:reply_id>/report/", name="report_reply")
    def report_reply(self, request, reply_id):
        from . import services
        from .models import ReplyReport

        if response := self.guard(request):
            return response
        reply = self.any_reply(reply_id)
        if not reply.is_visible:
            raise Http404(_("No such reply."))
        form = ReportReplyForm(request.POST)
        if not form.is_valid():
            return self.render_with(request, ("report", reply.pk), form)
        try:
            with transaction.atomic():
                report = ReplyReport.objects.create(
                    reply=reply, reporter=request.user, reason=form.cleaned_data["reason"]
                )
        except IntegrityError:
            messages.info(request, _("You have already reported this reply."))
            return self.permalink(request, reply)
        services.notify_report(self, self.get_space(), report)
        messages.success(request, _("Thank you: the moderators have been told about this reply."))
        return self.permalink(request, reply)

    # -- moderators ----------------------------------------------------------------------

    @path("replies/<id:reply_id>/hide/", name="hide_reply")
    def hide_reply(self, request, reply_id):
        from . import services

        if response := self.guard(request):
            return response
        self.moderator_only(request)
        reply = self.any_reply(reply_id)
        form = HideReplyForm(request.POST)
        if not form.is_valid():
            return self.render_with(request, ("hide", reply.pk), form)
        reply.status = reply.Status.HIDDEN
        reply.hidden_reason = form.cleaned_data["reason"]
        reply.hidden_by = request.user
        reply.save(update_fields=["status", "hidden_reason", "hidden_by"])
        services.reindex(self)
        services.notify_hidden(self, reply)
        messages.success(request, _("The reply is hidden and its author has been told why."))
        return self.permalink(request, reply)

    @path("replies/<id:reply_id>/approve/", name="approve_reply")
    def approve_reply(self, request, reply_id):
        from . import services

        if response := self.guard(request):
            return response
        self.moderator_only(request)
        reply = self.any_reply(reply_id)
        if reply.is_visible:
            return self.permalink(request, reply)
        was_pending = reply.is_pending
        reply.status = reply.Status.APPROVED
        reply.hidden_reason = ""
        reply.save(update_fields=["status", "hidden_reason"])
        if was_pending:
            services.reply_published(self, reply)  # followers hear of it once
        else:
            services.reindex(self)  # shown again after hiding
        messages.success(request, _("The reply is approved and public."))
        return self.permalink(request, reply)

    # -- following -----------------------------------------------------------------------

    @path("follow/", name="follow")
    def follow(self, request):
        from .models import TopicFollow

        if response := self.guard(request):
            return response
        TopicFollow.objects.update_or_create(
            topic_id=self.pk, user=request.user, defaults={"language": request.LANGUAGE_CODE}
        )
        messages.success(
            request, _("You follow this discussion: you will get an email for new replies.")
        )
        return self.back(request)

    @path("unfollow/", name="unfollow")
    def unfollow(self, request):
        from .models import TopicFollow

        if response := self.guard(request):
            return response
        TopicFollow.objects.filter(topic_id=self.pk, user=request.user).delete()
        messages.success(request, _("You no longer follow this discussion."))
        return self.back(request)

    @path("unsubscribe/", name="unsubscribe")
    def unsubscribe(self, request):
        """The link in every notification: one click, no login, a signed (topic, user) pair.

        The token is in the query string: Wagtail's page URLs only allow [\\w-] segments.
        """
        from . import services
        from .models import TopicFollow

        if request.method != "GET":
            return HttpResponseNotAllowed(["GET"])
        ids = services.read_unsubscribe_token(request.GET.get("token", ""))
        if ids is None or ids[0] != self.pk:
            return TemplateResponse(
                request, "discussions/unsubscribed.html",
                {"page": self, "self": self, "invalid": True}, status=400,
            )
        TopicFollow.objects.filter(topic_id=self.pk, user_id=ids[1]).delete()
        return TemplateResponse(
            request, "discussions/unsubscribed.html", {"page": self, "self": self}
        )
