"""Undelivered e-mails, for staff: the messages that failed every attempt, and a way to send
them again once the cause (a full mailbox, a wrong address, SMTP down) is fixed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hub.admin_views import admin_header

from .delivery import send_again
from .models import OutgoingEmail

PERMISSION = "outbox.change_outgoingemail"


def can_manage(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _require(request):
    if not can_manage(request.user):
        raise PermissionDenied


def undelivered(request):
    _require(request)
    failed = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED)
    return TemplateResponse(request, "outbox/undelivered.html", {
        "failed": failed[:200],
        "failed_count": failed.count(),
        "queued_count": OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).count(),
        **admin_header(_("Undelivered e-mails"), "mail"),
    })


@require_POST
def retry(request, pk):
    _require(request)
    email = get_object_or_404(OutgoingEmail, pk=pk)
    if send_again(email):
        messages.success(request, _("The e-mail “%(subject)s” is queued again.")
                         % {"subject": email.subject})
    else:
        messages.warning(request, _("This e-mail is not waiting to be sent again."))
    return redirect("outbox_undelivered")
