"""Mark an account's email address as verified: for the first administrator, created with
``createsuperuser`` on a machine that sends no email. Everyone signs in through the site's
login, which refuses unverified addresses."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Mark the email address of an existing account as verified (and primary)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise CommandError(f"No account with the address {email}.")
        EmailAddress.objects.filter(user=user).update(primary=False)
        EmailAddress.objects.update_or_create(
            user=user, email__iexact=email,
            defaults={"email": user.email, "verified": True, "primary": True},
        )
        self.stdout.write(f"{user.email} is verified: sign in at /accounts/login/.")
