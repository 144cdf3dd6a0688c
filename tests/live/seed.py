"""Build a small site for the live server of tests/live and print what the tests need (JSON).

Run as ``python -m tests.live.seed <users>`` with the server's DATABASE_URL, after ``migrate``.
"""

import json
import sys


def main(user_count):
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from wagtail.models import Locale, Page, Site

    from discussions.models import Question
    from hub.demo import publish
    from hub.reference_data import load_reference_data
    from practices.models import PracticeIndexPage
    from tests.factories import (
        DiscussionIndexPageFactory,
        DiscussionSpacePageFactory,
        DiscussionTopicPageFactory,
        HomePageFactory,
        UserFactory,
    )

    english = Locale.objects.get_or_create(language_code="en")[0]
    Locale.objects.get_or_create(language_code="ar")
    load_reference_data()
    root = Page.get_first_root_node()
    for placeholder in root.get_children():
        placeholder.slug = f"placeholder-{placeholder.pk}"
        placeholder.save(update_fields=["slug"])
    home = publish(HomePageFactory(parent=root, locale=english))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Hub"},
    )
    repository = PracticeIndexPage(title="Practices", slug="practices")
    home.add_child(instance=repository)
    publish(repository)
    index = publish(DiscussionIndexPageFactory(parent=home))
    space = publish(DiscussionSpacePageFactory(parent=index, slug="forum"))
    topic = DiscussionTopicPageFactory(parent=space, slug="topic")
    question = Question.objects.create(page=topic, text="What works?")
    topic = publish(topic)

    users = []
    for _ in range(user_count):
        user = UserFactory()
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        users.append({"id": user.pk, "session": session.session_key})
    print(json.dumps({"users": users, "topic_url": topic.url, "question": question.pk}))


if __name__ == "__main__":
    main(int(sys.argv[1]))
