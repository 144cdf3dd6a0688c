"""Admin views of the newsletter: the issues with their actions. Editors (permission to change
issues) only; sending needs a POST."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services
from .models import Issue, Subscriber

CAN_EDIT = "newsletter.change_issue"


@permission_required(CAN_EDIT, raise_exception=True)
def dashboard(request):
    return TemplateResponse(request, "newsletter/admin/dashboard.html", {
        "issues": Issue.objects.select_related("locale").order_by("-created_at")[:50],
        "confirmed": Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count(),
    })


@require_POST
@permission_required(CAN_EDIT, raise_exception=True)
def draft(request):
    issue = services.draft_issue()
    messages.success(request, _("A draft issue was made from what was published since the last "
                                "issue: edit it before sending."))
    return redirect("wagtailsnippets_newsletter_issue:edit", issue.pk)


@permission_required(CAN_EDIT, raise_exception=True)
def preview(request, pk):
    issue = get_object_or_404(Issue, pk=pk)
    _text, html = services.render_issue(issue, None)
    return HttpResponse(html)


@require_POST
@permission_required(CAN_EDIT, raise_exception=True)
def test_send(request, pk):
    issue = get_object_or_404(Issue, pk=pk)
    if not request.user.email:
        messages.error(request, _("Your account has no email address."))
    else:
        services.send_test(issue, request.user.email)
        messages.success(request, _("A test was sent to your email address."))
    return redirect("newsletter_dashboard")


@require_POST
@permission_required(CAN_EDIT, raise_exception=True)
def send(request, pk):
    issue = get_object_or_404(Issue, pk=pk)
    if issue.status == Issue.Status.SENT:
        messages.error(request, _("This issue was already sent."))
    else:
        services.start_sending(issue)
        messages.success(request, _("Sending started."))
    return redirect("newsletter_dashboard")
