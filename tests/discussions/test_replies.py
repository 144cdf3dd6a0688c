"""Replying, editing, deleting, moderating and following, through the Django test client."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from discussions.models import Reply, ReplyReport, SpaceModerator, TopicFollow

from .conftest import make_topic

pytestmark = pytest.mark.django_db


def route(topic, name, *args):
    return topic.url + topic.reverse_subpage(name, args=args or None)


def post_reply(client, topic, question, body, parent=None, **extra):
    data = {"body": body, "question": question.pk, "parent": parent.pk if parent else "", **extra}
    return client.post(route(topic, "reply"), data)


# -- replying ------------------------------------------------------------------------------


def test_reply_is_posted_and_shown_at_its_permalink(client, user, topic, question):
    client.force_login(user)
    response = post_reply(client, topic, question, "In our region, bilateral agreements help.")
    reply = Reply.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{topic.url}#reply-{reply.pk}"
    assert (reply.author, reply.question, reply.status) == (user, question, "approved")
    page = client.get(topic.url)
    assert f'id="reply-{reply.pk}"' in page.content.decode()
    assert "bilateral agreements help" in page.content.decode()
    assert "Your reply is posted." in page.content.decode()


def test_nested_reply_attaches_to_the_top_level_reply(client, user, other_user, topic, question,
                                                      reply_factory):
    first = reply_factory(other_user, "First")
    client.force_login(user)
    post_reply(client, topic, question, "An answer to the first", parent=first)
    child = Reply.objects.get(parent=first)
    # Answering the answer keeps one level of nesting: it hangs from the thread's first reply.
    post_reply(client, topic, question, "A third voice", parent=child)
    assert Reply.objects.get(body="A third voice").parent == first
    html = client.get(topic.url).content.decode()
    nested = html.split('class="replies replies--nested"')[1]
    assert f'id="reply-{child.pk}"' in nested


def test_anonymous_visitor_is_sent_to_log_in(client, topic, question):
    response = post_reply(client, topic, question, "Hello")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert topic.url in response["Location"].replace("%2F", "/")
    assert not Reply.objects.exists()
    page = client.get(topic.url).content.decode()
    assert "Log in to reply." in page and "reply-form" not in page


def test_get_on_a_post_route_is_refused(client, user, topic):
    client.force_login(user)
    assert client.get(route(topic, "reply")).status_code == 405


# -- bad input -----------------------------------------------------------------------------


def test_empty_reply_is_refused_with_a_message(client, user, topic, question):
    client.force_login(user)
    response = post_reply(client, topic, question, "   ")
    assert response.status_code == 400
    assert "Your reply is empty" in response.content.decode()
    assert not Reply.objects.exists()


@override_settings(DISCUSSIONS_MAX_REPLY_LENGTH=50)
def test_too_long_reply_keeps_the_text_and_says_why(client, user, topic, question):
    client.force_login(user)
    text = "word " * 20 + "kept-marker"
    response = post_reply(client, topic, question, text)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your reply is too long: 111 characters, the limit is 50." in html
    assert "kept-marker" in html  # what was typed is still in the form
    assert not Reply.objects.exists()


def test_html_and_script_are_rendered_escaped_and_links_made_safe(client, user, topic, question):
    client.force_login(user)
    body = '<script>alert("x")</script><b>bold</b>\nsee https://example.org/page?a=1&b=2'
    post_reply(client, topic, question, body)
    assert Reply.objects.get().body == body  # stored as typed, escaped when shown
    html = client.get(topic.url).content.decode()
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;<br>" in html
    assert '<a href="https://example.org/page?a=1&amp;b=2" rel="nofollow">' in html


def test_reply_to_a_hidden_reply_is_refused(client, user, other_user, topic, question,
                                            reply_factory):
    hidden = reply_factory(other_user, "Rude", status=Reply.Status.HIDDEN)
    client.force_login(user)
    response = post_reply(client, topic, question, "Still replying", parent=hidden)
    assert response.status_code == 400
    assert "hidden, deleted or is not public yet" in response.content.decode()
    assert "Still replying" in response.content.decode()
    assert Reply.objects.count() == 1


def test_unpublished_topic_refuses_replies(client, user, topic, question):
    topic.unpublish()
    client.force_login(user)
    assert post_reply(client, topic, question, "Anyone?").status_code == 404
    assert not Reply.objects.exists()


def test_question_of_another_topic_is_refused(client, user, space, topic):
    other = make_topic(space, slug="other")
    client.force_login(user)
    response = post_reply(client, topic, other.questions.first(), "Wrong place")
    assert response.status_code == 404
    assert not Reply.objects.exists()


def test_malformed_question_id_is_not_a_server_error(client, user, topic):
    client.force_login(user)
    response = client.post(route(topic, "reply"), {"body": "x", "question": "abc"})
    assert response.status_code in (400, 404)
    assert not Reply.objects.exists()


def test_honeypot_stores_nothing(client, user, topic, question):
    client.force_login(user)
    response = post_reply(client, topic, question, "Buy now", website="http://spam.example")
    assert response.status_code == 302
    assert not Reply.objects.exists()


@override_settings(DISCUSSIONS_RATE_LIMIT=(3, timedelta(minutes=10)))
def test_rate_limit_per_user(client, user, other_user, topic, question):
    client.force_login(user)
    for n in range(3):
        assert post_reply(client, topic, question, f"reply {n}").status_code == 302
    response = post_reply(client, topic, question, "one too many")
    assert response.status_code == 429
    assert "You have posted 3 replies in the last 10 minutes" in response.content.decode()
    assert "one too many" in response.content.decode()
    assert Reply.objects.count() == 3
    client.force_login(other_user)  # the limit is per user
    assert post_reply(client, topic, question, "mine").status_code == 302


# -- time window ---------------------------------------------------------------------------


def test_closed_topic_refuses_replies_but_stays_public_in_the_archive(
    client, user, space, discussion_index, reply_factory
):
    closed = make_topic(
        space, slug="closed", opens_at=timezone.now() - timedelta(days=30),
        closes_at=timezone.now() - timedelta(days=1),
    )
    question = closed.questions.first()
    reply_factory(user, "An old but useful answer", question=question)
    client.force_login(user)
    response = post_reply(client, closed, question, "Too late")
    assert response.status_code == 302
    assert not Reply.objects.filter(body="Too late").exists()
    html = client.get(closed.url).content.decode()
    assert "this discussion is read-only" in html
    assert "An old but useful answer" in html
    assert "reply-form" not in html
    for listing in (space.url, discussion_index.url):
        archive = client.get(listing).content.decode().split('class="archive"')[1]
        assert closed.title in archive


def test_topic_not_yet_open_is_read_only(client, user, space):
    upcoming = make_topic(space, slug="upcoming", opens_at=timezone.now() + timedelta(days=2))
    client.force_login(user)
    post_reply(client, upcoming, upcoming.questions.first(), "Early")
    assert not Reply.objects.exists()
    assert "read-only until then" in client.get(upcoming.url).content.decode()


# -- authors: edit and delete --------------------------------------------------------------


def test_author_edits_within_the_window(client, user, topic, reply_factory):
    reply = reply_factory(user, "Frist draft")
    client.force_login(user)
    form = client.get(route(topic, "edit_reply", reply.pk))
    assert form.status_code == 200 and "Frist draft" in form.content.decode()
    response = client.post(route(topic, "edit_reply", reply.pk), {"body": "First draft"})
    assert response["Location"].endswith(f"#reply-{reply.pk}")
    reply.refresh_from_db()
    assert reply.body == "First draft" and reply.edited_at is not None


def test_edit_with_an_empty_body_keeps_the_reply(client, user, topic, reply_factory):
    reply = reply_factory(user, "Keep me")
    client.force_login(user)
    response = client.post(route(topic, "edit_reply", reply.pk), {"body": ""})
    assert response.status_code == 400 and "Your reply is empty" in response.content.decode()
    reply.refresh_from_db()
    assert reply.body == "Keep me"


def test_author_cannot_edit_after_thirty_minutes(client, user, topic, reply_factory):
    reply = reply_factory(user, "Old", created_at=timezone.now() - timedelta(minutes=31))
    client.force_login(user)
    response = client.post(route(topic, "edit_reply", reply.pk), {"body": "New"}, follow=True)
    assert "The 30 minutes to edit this reply have passed" in response.content.decode()
    reply.refresh_from_db()
    assert reply.body == "Old" and reply.edited_at is None


def test_author_deletes_their_reply(client, user, topic, reply_factory):
    reply = reply_factory(user, "Regret")
    client.force_login(user)
    client.post(route(topic, "delete_reply", reply.pk))
    reply.refresh_from_db()
    assert reply.deleted_at is not None and reply.body == ""
    assert "Regret" not in client.get(topic.url).content.decode()


def test_another_user_cannot_edit_or_delete_a_reply(client, user, other_user, topic,
                                                    reply_factory):
    reply = reply_factory(user, "Mine")
    client.force_login(other_user)
    assert client.get(route(topic, "edit_reply", reply.pk)).status_code == 404
    assert client.post(route(topic, "edit_reply", reply.pk), {"body": "Yours"}).status_code == 404
    assert client.post(route(topic, "delete_reply", reply.pk)).status_code == 404
    reply.refresh_from_db()
    assert reply.body == "Mine" and reply.deleted_at is None
    html = client.get(topic.url).content.decode()
    assert route(topic, "edit_reply", reply.pk) not in html


def test_anonymous_cannot_edit(client, user, topic, reply_factory):
    reply = reply_factory(user, "Mine")
    response = client.get(route(topic, "edit_reply", reply.pk))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# -- moderators ----------------------------------------------------------------------------


def test_moderator_hides_a_reply_and_the_author_is_emailed(client, user, moderator, topic,
                                                          reply_factory):
    reply = reply_factory(user, "Off-topic advert")
    client.force_login(moderator)
    response = client.post(route(topic, "hide_reply", reply.pk), {"reason": "Advertising"})
    assert response.status_code == 302
    reply.refresh_from_db()
    assert reply.status == "hidden" and reply.hidden_reason == "Advertising"
    assert [m.to for m in mail.outbox] == [[user.email]]
    assert "Advertising" in mail.outbox[0].body
    client.logout()
    html = client.get(topic.url).content.decode()
    assert "Off-topic advert" not in html and "hidden by a moderator" in html


def test_hide_needs_a_reason(client, user, moderator, topic, reply_factory):
    reply = reply_factory(user, "Borderline")
    client.force_login(moderator)
    response = client.post(route(topic, "hide_reply", reply.pk), {"reason": ""})
    assert response.status_code == 400
    assert "Give a reason" in response.content.decode()
    reply.refresh_from_db()
    assert reply.status == "approved" and not mail.outbox


def test_space_moderator_can_hide_but_ordinary_users_cannot(client, user, other_user, space,
                                                            topic, reply_factory):
    reply = reply_factory(user, "Text")
    client.force_login(other_user)
    assert client.post(route(topic, "hide_reply", reply.pk), {"reason": "no"}).status_code == 403
    reply.refresh_from_db()
    assert reply.status == "approved"
    SpaceModerator.objects.create(page=space, user=other_user)
    client.post(route(topic, "hide_reply", reply.pk), {"reason": "Off topic"})
    reply.refresh_from_db()
    assert reply.status == "hidden"


def test_user_reports_a_reply_and_moderators_are_emailed(client, user, other_user, moderator,
                                                        topic, reply_factory):
    reply = reply_factory(other_user, "Insulting text")
    client.force_login(user)
    response = client.post(route(topic, "report_reply", reply.pk), {"reason": "Insults"},
                           follow=True)
    assert "the moderators have been told" in response.content.decode()
    report = ReplyReport.objects.get()
    assert (report.reply, report.reporter, report.reason) == (reply, user, "Insults")
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    assert "Insults" in mail.outbox[0].body and f"#reply-{reply.pk}" in mail.outbox[0].body
    client.post(route(topic, "report_reply", reply.pk), {"reason": "Again"})
    assert ReplyReport.objects.count() == 1 and len(mail.outbox) == 1


# -- pre-moderation ------------------------------------------------------------------------


def test_premoderation_holds_a_first_reply_until_approved(client, user, other_user, moderator,
                                                         space, topic, question):
    space.pre_moderation = True
    space.save()
    client.force_login(user)
    response = post_reply(client, topic, question, "My first contribution", follow=False)
    reply = Reply.objects.get()
    assert reply.status == "pending"
    html = client.get(response["Location"]).content.decode()
    assert "awaiting moderation" in html and "My first contribution" in html
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    client.force_login(other_user)
    assert "My first contribution" not in client.get(topic.url).content.decode()

    client.force_login(moderator)
    assert "My first contribution" in client.get(topic.url).content.decode()
    client.post(route(topic, "approve_reply", reply.pk))
    reply.refresh_from_db()
    assert reply.status == "approved"
    client.force_login(other_user)
    assert "My first contribution" in client.get(topic.url).content.decode()

    # Once approved, the author's next replies are public at once.
    client.force_login(user)
    post_reply(client, topic, question, "Second one")
    assert Reply.objects.get(body="Second one").status == "approved"


def test_only_moderators_approve(client, user, other_user, topic, reply_factory):
    reply = reply_factory(user, "Waiting", status=Reply.Status.PENDING)
    client.force_login(other_user)
    assert client.post(route(topic, "approve_reply", reply.pk)).status_code == 403
    reply.refresh_from_db()
    assert reply.status == "pending"


# -- following -----------------------------------------------------------------------------


def test_follow_email_and_one_click_unsubscribe(client, user, other_user, topic, question):
    client.force_login(user)
    client.post(route(topic, "follow"))
    assert TopicFollow.objects.filter(user=user, topic=topic).exists()

    client.force_login(other_user)
    post_reply(client, topic, question, "News from the field")
    assert [m.to for m in mail.outbox] == [[user.email]]
    message = mail.outbox[0]
    assert "News from the field" in message.body
    unsubscribe = next(
        line.split()[-1] for line in message.body.splitlines() if "/unsubscribe/" in line
    )
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"

    client.logout()  # works without logging in
    response = client.get(unsubscribe.replace("http://testserver", ""))
    assert response.status_code == 200
    assert "You will no longer receive emails" in response.content.decode()
    assert not TopicFollow.objects.exists()

    client.force_login(other_user)
    post_reply(client, topic, question, "Nobody is told")
    assert len(mail.outbox) == 1


def test_tampered_unsubscribe_token_is_refused(client, user, topic):
    TopicFollow.objects.create(topic=topic, user=user)
    response = client.get(route(topic, "unsubscribe") + "?token=not-a-token")
    assert response.status_code == 400
    assert TopicFollow.objects.exists()


def test_unfollow_and_no_email_to_the_author(client, user, topic, question):
    client.force_login(user)
    client.post(route(topic, "follow"))
    post_reply(client, topic, question, "My own reply")
    assert not mail.outbox  # authors are not told about their own replies
    client.post(route(topic, "unfollow"))
    assert not TopicFollow.objects.exists()


def test_posts_without_a_csrf_token_are_refused(user, topic, question):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    response = post_reply(client, topic, question, "No token")
    assert response.status_code == 403
    assert not Reply.objects.exists()


@pytest.mark.parametrize("number", ["99999999999999999999", "-1", "1.5"])
def test_out_of_range_ids_are_not_server_errors(client, user, topic, number):
    client.force_login(user)
    response = client.post(route(topic, "reply"), {"body": "x", "question": number,
                                                  "parent": number})
    assert response.status_code in (400, 404)
    edit = topic.url + f"replies/{number.lstrip('-')}/edit/"
    assert client.get(edit).status_code == 404
    assert not Reply.objects.exists()


def test_showing_a_hidden_reply_again_does_not_notify_followers_twice(
    client, user, other_user, moderator, topic, reply_factory
):
    TopicFollow.objects.create(topic=topic, user=other_user)
    reply = reply_factory(user, "Back again", status=Reply.Status.HIDDEN, hidden_reason="x")
    client.force_login(moderator)
    client.post(route(topic, "approve_reply", reply.pk))
    reply.refresh_from_db()
    assert reply.status == "approved" and reply.hidden_reason == ""
    assert not mail.outbox
