"""What the topic page's own URLs do: posting, editing, moderating and following.

The routes (``routes.py``) only parse the URL and call these views; the state changes are in
``services.py``. ``/<lang>/discussions/<space>/<topic>/reply/``, ``…/replies/<id>/edit/`` and
so on (route names in ``reverse_subpage``). Every action is a POST behind Django's CSRF
middleware (the edit form is also a GET); anonymous visitors are sent to the login page and come
back to the topic.
A reply that is not yours, or not on this topic, is a 404; a moderator action by someone else
is a 403. Invalid input re-renders the topic with the bound form, so nothing typed is lost.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hub.accounts.verification import ask_for_verification, has_verified_email
from hub.locks import serialise_for

from . import conf, services
from .forms import EditReplyForm, HideReplyForm, ReplyForm, ReportReplyForm
from .models import Question, Reply, ReplyReport, TopicFollow

# -- context -------------------------------------------------------------------------

def get_space(topic):
    if not hasattr(topic, "_space"):
        topic._space = topic.get_parent().specific
    return topic._space


def topic_context(topic, request, context, bound_forms=None):
    """The topic page's context: its questions with the replies shown to this visitor, each
    with its forms (``bound_forms`` keeps what was typed when a submission failed)."""
    user = request.user
    space = get_space(topic)
    is_moderator = space.is_moderator(user)
    bound_forms = bound_forms or {}
    shown = Reply.objects.shown_to(user, is_moderator).select_related("author")
    questions = list(
        Question.objects.filter(page_id=topic.pk).prefetch_related(
            Prefetch(
                "replies",
                queryset=shown.filter(parent__isnull=True).prefetch_related(
                    Prefetch("children", queryset=shown, to_attr="shown_children")
                ),
                to_attr="shown_replies",
            )
        )
    )
    can_reply = user.is_authenticated and topic.is_open()
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
                _annotate(topic, item, user, is_moderator, bound_forms)
            question.thread.append(reply)
        answerable = {reply.pk for reply in question.thread if reply.is_visible}
        for (_kind, question_pk, parent_pk), form in _reply_forms(bound_forms):
            if question_pk == question.pk and parent_pk not in answerable:
                question.form = form  # its reply is gone: show the error under the question
    context.update(
        space=space,
        questions=questions,
        is_moderator=is_moderator,
        can_reply=can_reply,
        is_following=user.is_authenticated
        and TopicFollow.objects.filter(topic_id=topic.pk, user=user).exists(),
        max_reply_length=conf.max_reply_length(),
    )
    return context


def _reply_forms(bound_forms):
    return [(key, form) for key, form in bound_forms.items() if key[0] == "reply" and key[2]]


def _annotate(topic, reply, user, is_moderator, bound_forms):
    reply.can_edit_now = reply.can_edit(user) and topic.is_open()
    reply.is_own = user.is_authenticated and reply.author_id == user.pk
    reply.hide_form = bound_forms.get(("hide", reply.pk)) or HideReplyForm()
    reply.report_form = bound_forms.get(("report", reply.pk)) or ReportReplyForm()


def render_with(topic, request, key, form, status=400):
    response = topic.render(request, bound_forms={key: form})
    response.status_code = status
    return response


# -- helpers -------------------------------------------------------------------------

def permalink(topic, request, reply):
    return HttpResponseRedirect(f"{topic.get_url(request)}#{reply.anchor}")


def back(topic, request):
    return HttpResponseRedirect(topic.get_url(request))


def signed_in(methods=("POST",)):
    """The view runs for a signed-in visitor using one of ``methods``; anyone else is sent to
    the login page (and back to the topic), another method is a 405."""

    def decorator(view):
        @wraps(view)
        def guarded(topic, request, *args, **kwargs):
            if request.method not in methods:
                return HttpResponseNotAllowed(methods)
            if not request.user.is_authenticated:
                return redirect_to_login(topic.get_url(request))
            if not has_verified_email(request.user):
                ask_for_verification(request)
                return HttpResponseRedirect(topic.get_url(request))
            return view(topic, request, *args, **kwargs)

        return guarded

    return decorator


def moderating(view):
    """A moderator's POST about a reply of this topic: ``view(topic, request, reply)``."""

    @signed_in()
    @wraps(view)
    def checked(topic, request, reply_id):
        if not get_space(topic).is_moderator(request.user):
            raise PermissionDenied(_("Only moderators can do this."))
        return view(topic, request, any_reply(topic, reply_id))

    return checked


def closed_message(topic):
    if topic.not_yet_open:
        return _("This discussion has not opened yet: it is read-only until it opens.")
    return _("This discussion is closed: it is read-only.")


def own_reply(topic, request, reply_id):
    try:
        return Reply.objects.select_related("author", "question").get(
            pk=reply_id, question__page_id=topic.pk, author=request.user,
            deleted_at__isnull=True,
        )
    except Reply.DoesNotExist:
        raise Http404(_("No reply of yours with this number.")) from None


def any_reply(topic, reply_id):
    try:
        return Reply.objects.select_related("author", "question").get(
            pk=reply_id, question__page_id=topic.pk
        )
    except Reply.DoesNotExist:
        raise Http404(_("No such reply.")) from None


# -- posting -------------------------------------------------------------------------

@signed_in()
def post_reply(topic, request):
    if not topic.is_open():
        messages.error(request, closed_message(topic))
        return back(topic, request)
    form = ReplyForm(request.POST)
    if form.is_spam:
        # Honeypot filled in: say nothing useful to the bot and store nothing.
        messages.info(request, _("Your reply could not be posted."))
        return back(topic, request)
    if not form.is_valid():
        return render_with(topic, request, _form_key(form), form)
    question = Question.objects.filter(
        page_id=topic.pk, pk=form.cleaned_data["question"]
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
            return render_with(topic, request, _form_key(form), form)
    space = get_space(topic)
    is_moderator = space.is_moderator(request.user)
    with transaction.atomic():
        # The count and the new reply in one turn of this user's (hub/locks.py): parallel
        # posts cannot all count below the limit.
        serialise_for(request.user)
        reply = None if services.rate_limited(request.user) else services.create_reply(
            topic=topic, space=space, question=question, parent=parent, author=request.user,
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
        return render_with(topic, request, _form_key(form), form, status=429)
    if reply.is_pending:
        services.notify_pending(topic, space, reply)
        messages.info(request, _(
            "Thank you: your reply is awaiting moderation. It will be public once a "
            "moderator approves it."
        ))
    else:
        messages.success(request, _("Your reply is posted."))
    return permalink(topic, request, reply)


def _form_key(form):
    data = form.data
    try:
        question = int(data.get("question"))
        parent = int(data["parent"]) if data.get("parent") else None
    except (TypeError, ValueError):
        raise Http404(_("This question is not part of this discussion.")) from None
    return ("reply", question, parent)


# -- authors -------------------------------------------------------------------------

@signed_in(methods=("GET", "POST"))
def edit_reply(topic, request, reply_id):
    reply = own_reply(topic, request, reply_id)
    if not reply.can_edit(request.user) or not topic.is_open():
        if not topic.is_open():
            messages.error(request, closed_message(topic))
        else:
            messages.error(request, _(
                "The 30 minutes to edit this reply have passed. You can still delete it."
            ))
        return permalink(topic, request, reply)
    form = EditReplyForm(request.POST or None, initial={"body": reply.body})
    if request.method == "POST" and form.is_valid():
        services.edit_reply(topic, reply, form.cleaned_data["body"])
        messages.success(request, _("Your reply is updated."))
        return permalink(topic, request, reply)
    return TemplateResponse(
        request, "discussions/reply_edit.html",
        {"page": topic, "self": topic, "reply": reply, "form": form},
        status=400 if form.is_bound else 200,
    )


@signed_in()
def delete_reply(topic, request, reply_id):
    reply = own_reply(topic, request, reply_id)
    services.delete_reply(topic, reply)
    messages.success(request, _("Your reply is deleted."))
    return back(topic, request)


@signed_in()
def report_reply(topic, request, reply_id):
    reply = any_reply(topic, reply_id)
    if not reply.is_visible:
        raise Http404(_("No such reply."))
    form = ReportReplyForm(request.POST)
    if not form.is_valid():
        return render_with(topic, request, ("report", reply.pk), form)
    try:
        with transaction.atomic():
            report = ReplyReport.objects.create(
                reply=reply, reporter=request.user, reason=form.cleaned_data["reason"]
            )
    except IntegrityError:
        messages.info(request, _("You have already reported this reply."))
        return permalink(topic, request, reply)
    services.notify_report(topic, get_space(topic), report)
    messages.success(request, _("Thank you: the moderators have been told about this reply."))
    return permalink(topic, request, reply)


# -- moderators ----------------------------------------------------------------------

@moderating
def hide_reply(topic, request, reply):
    form = HideReplyForm(request.POST)
    if not form.is_valid():
        return render_with(topic, request, ("hide", reply.pk), form)
    services.hide_reply(topic, reply, form.cleaned_data["reason"], request.user)
    messages.success(request, _("The reply is hidden and its author has been told why."))
    return permalink(topic, request, reply)


@moderating
def approve_reply(topic, request, reply):
    if reply.is_visible:
        return permalink(topic, request, reply)
    services.approve_reply(topic, reply)
    messages.success(request, _("The reply is approved and public."))
    return permalink(topic, request, reply)


# -- following -----------------------------------------------------------------------

@signed_in()
def follow(topic, request):
    services.follow(topic, request.user, request.LANGUAGE_CODE)
    messages.success(
        request, _("You follow this discussion: you will get an email for new replies.")
    )
    return back(topic, request)


@signed_in()
def unfollow(topic, request):
    services.unfollow(topic, request.user.pk)
    messages.success(request, _("You no longer follow this discussion."))
    return back(topic, request)


def unsubscribe(topic, request):
    """The link in every notification: one click, no login, a signed (topic, user) pair.

    The token is in the query string: Wagtail's page URLs only allow [\\w-] segments.
    """
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    ids = services.read_unsubscribe_token(request.GET.get("token", ""))
    context = {"page": topic, "self": topic, "title": _("Email notifications")}
    if ids is None or ids[0] != topic.pk:
        return TemplateResponse(
            request, "discussions/unsubscribed.html", {**context, "invalid": True}, status=400
        )
    services.unfollow(topic, ids[1])
    return TemplateResponse(request, "discussions/unsubscribed.html", context)
