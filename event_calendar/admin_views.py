"""The secretariat's review of GCM Talk requests (permission: change a talk request)."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import talks
from .models import TalkRequest

CAN_REVIEW = "events.change_talkrequest"


@permission_required(CAN_REVIEW, raise_exception=True)
def talk_requests(request):
    return TemplateResponse(request, "events/admin/talk_requests.html", {
        "requests": TalkRequest.objects.select_related("requester", "event")[:100],
    })


@require_POST
@permission_required(CAN_REVIEW, raise_exception=True)
def accept_talk(request, pk):
    talk = get_object_or_404(TalkRequest, pk=pk)
    event = talks.accept(talk, request.user)
    messages.success(request, _("The request is accepted: complete the draft event."))
    return redirect("wagtailadmin_pages:edit", event.pk)


@require_POST
@permission_required(CAN_REVIEW, raise_exception=True)
def decline_talk(request, pk):
    talk = get_object_or_404(TalkRequest, pk=pk, status=TalkRequest.Status.SUBMITTED)
    talk.status = TalkRequest.Status.DECLINED
    talk.save(update_fields=["status"])
    messages.success(request, _("The request is declined."))
    return redirect("events_talk_requests")
