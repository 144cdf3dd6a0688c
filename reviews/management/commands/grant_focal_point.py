"""Make a user focal point of a country (what a moderator does in the admin), for set-ups."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from countries.data import MEMBER_STATES
from reviews.models import FocalPoint
from reviews.workflow import FOCAL_POINTS, ensure_groups


class Command(BaseCommand):
    help = "Add a user to the Focal points group and name them focal point of a country."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("country", help="ISO 3166-1 alpha-2 code of a UN member State")

    def handle(self, username, country, **options):
        country = country.upper()
        if country not in MEMBER_STATES:
            raise CommandError(f"{country} is not a UN member State.")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username}.")
        ensure_groups()
        user.groups.add(Group.objects.get(name=FOCAL_POINTS))
        FocalPoint.objects.get_or_create(user=user, country=country)
        self.stdout.write(f"{username} is focal point of {country}.")
