"""The topic page's own URLs, each handed to its view in ``views.py`` (the one pattern for
routable pages, ``hub.pages.to_view``): routes parse, views handle the request, ``services.py``
changes state.

Mixed into ``DiscussionTopicPage`` before ``RoutablePageMixin``; migration ``0001`` names this
mixin among the page's bases.
"""

from wagtail.contrib.routable_page.models import path

import hub.converters  # noqa: F401 - registers <id:…>
from hub.pages import to_view

VIEWS = "discussions.views"


class TopicRoutesMixin:
    def get_context(self, request, *args, bound_forms=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return to_view(f"{VIEWS}.topic_context")(self, request, context, bound_forms)

    post_reply = path("reply/", name="reply")(to_view(f"{VIEWS}.post_reply"))
    edit_reply = path("replies/<id:reply_id>/edit/", name="edit_reply")(
        to_view(f"{VIEWS}.edit_reply"))
    delete_reply = path("replies/<id:reply_id>/delete/", name="delete_reply")(
        to_view(f"{VIEWS}.delete_reply"))
    report_reply = path("replies/<id:reply_id>/report/", name="report_reply")(
        to_view(f"{VIEWS}.report_reply"))
    hide_reply = path("replies/<id:reply_id>/hide/", name="hide_reply")(
        to_view(f"{VIEWS}.hide_reply"))
    approve_reply = path("replies/<id:reply_id>/approve/", name="approve_reply")(
        to_view(f"{VIEWS}.approve_reply"))
    follow = path("follow/", name="follow")(to_view(f"{VIEWS}.follow"))
    unfollow = path("unfollow/", name="unfollow")(to_view(f"{VIEWS}.unfollow"))
    unsubscribe = path("unsubscribe/", name="unsubscribe")(to_view(f"{VIEWS}.unsubscribe"))
