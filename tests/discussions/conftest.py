"""A published discussions tree: index → space → an open topic with two numbered questions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from discussions.models import Question, Reply
from hub.demo import publish
from tests.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpacePageFactory,
    DiscussionTopicPageFactory,
    UserFactory,
)


def make_topic(space, **fields):
    fields.setdefault("opens_at", timezone.now() - timedelta(days=1))
    topic = DiscussionTopicPageFactory(parent=space, **fields)
    for text in ("What works in your country?", "What should change?"):
        Question.objects.create(page=topic, text=text)
    return publish(topic)


@pytest.fixture
def discussion_index(home_pages):
    return publish(DiscussionIndexPageFactory(parent=home_pages["en"]))


@pytest.fixture
def space(discussion_index):
    return publish(DiscussionSpacePageFactory(parent=discussion_index, slug="review-forum"))


@pytest.fixture
def topic(space):
    return make_topic(space, slug="labour-mobility")


@pytest.fixture
def question(topic):
    return topic.questions.first()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def reply_factory(question):
    def create(author, body="A reply", **fields):
        return Reply.objects.create(question=fields.pop("question", question), author=author,
                                    body=body, language="en", **fields)

    return create
