"""Factories for the hub's models, and a client logged in as a user. Pages are created under an
explicit parent, never as roots."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from home.models import HomePage


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


PASSWORD = "correct horse battery staple"  # every UserFactory user's


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        from django.contrib.auth.models import Group

        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))
        if create:
            self.save()

    @factory.post_generation
    def verified(self, create, value, **kwargs):
        """People sign in only with a verified address: ``verified=False`` for one who has not
        confirmed theirs."""
        from allauth.account.models import EmailAddress

        if create and self.email:
            EmailAddress.objects.create(user=self, email=self.email, primary=True,
                                        verified=value is not False)


def logged_in(user):
    """A test client logged in as ``user``."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


class HomePageFactory(wagtail_factories.PageFactory):
    title = "GCM Knowledge Hub"
    slug = "home"
    lead = "Guidance, practices and discussions."

    class Meta:
        model = HomePage


def make_practice(index, title, objectives, *, countries=("MA",), live=True, **fields):
    """A practice page under ``index`` linked to ``objectives`` (hub.Objective rows), published
    when ``live``. Other taxonomy: principles=, sdgs=, regions=, stakeholders= (term rows)."""
    from hub.demo import publish
    from practices.models import (
        PracticeCountry,
        PracticeObjective,
        PracticePage,
        PracticePrinciple,
        PracticeRegion,
        PracticeSDG,
        PracticeStakeholder,
    )

    links = {
        "practice_principles": [
            PracticePrinciple(principle=t) for t in fields.pop("principles", ())
        ],
        "practice_sdgs": [PracticeSDG(sdg=t) for t in fields.pop("sdgs", ())],
        "practice_regions": [PracticeRegion(region=t) for t in fields.pop("regions", ())],
        "practice_stakeholders": [
            PracticeStakeholder(stakeholder=t) for t in fields.pop("stakeholders", ())
        ],
    }
    import uuid

    from django.utils.text import slugify

    fields.setdefault("summary", f"Summary of {title}.")
    fields.setdefault("slug", slugify(title) or f"practice-{uuid.uuid4().hex[:8]}")
    page = PracticePage(title=title, locale=index.locale, live=live, **fields)
    page.practice_objectives = [PracticeObjective(objective=o) for o in objectives]
    page.practice_countries = [PracticeCountry(country=c) for c in countries]
    for name, value in links.items():
        setattr(page, name, value)
    index.add_child(instance=page)
    if live:
        publish(page)
    return page

# -- discussions ---------------------------------------------------------------------------


class DiscussionIndexPageFactory(wagtail_factories.PageFactory):
    title = "Discussions"
    slug = "discussions"
    show_in_menus = True

    class Meta:
        model = "discussions.DiscussionIndexPage"


class DiscussionSpacePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Space {n}")
    description = "<p>A space to exchange on the GCM.</p>"
    expected_audience = "Member states and stakeholders"
    languages = "English, Arabic"

    class Meta:
        model = "discussions.DiscussionSpacePage"


class DiscussionTopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Topic {n}")
    welcome = "<p>Welcome.</p>"

    class Meta:
        model = "discussions.DiscussionTopicPage"


def section_in_both_languages(home_pages, index, arabic_title):
    """``index`` published under the English home page, and its published Arabic translation:
    {"en": …, "ar": …}."""
    from hub.demo import publish_child

    return {"en": index, "ar": publish_child(home_pages["en"], index, title=arabic_title)}
