"""Only people whose email address is verified act on the site (submit, reply, report…).

Signing in already requires a verified address (``ACCOUNT_EMAIL_VERIFICATION = "mandatory"``, and
the admin's login is the site's login); this is checked again where people act, so that a
session obtained any other way cannot post either.
"""

from django.contrib import messages
from django.utils.translation import gettext as _


def has_verified_email(user):
    from allauth.account.models import EmailAddress

    return user.is_authenticated and EmailAddress.objects.filter(user=user, verified=True).exists()


def ask_for_verification(request):
    """Send a new confirmation link and say so on the next page."""
    from allauth.account.internal.flows.email_verification import (
        send_verification_email_for_user,
    )

    send_verification_email_for_user(request, request.user)
    messages.error(request, _(
        "Confirm your email address before you take part: we have sent you a new "
        "confirmation link. Nothing was posted."
    ))
