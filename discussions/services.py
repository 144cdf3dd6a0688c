"""What happens when replies change: status on creation, notifications, re-indexing.

Views call these; templates and models stay free of side effects. Emails go through Django's
mail, each rendered in its recipient's language when known, else the topic's language.
"""

from urllib.parse import urlencode

from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail.search.index import insert_or_update_object

from . import conf
from .models import Reply, TopicFollow

UNSUBSCRIBE_SALT = "discussions.unsubscribe"


def rate_limited(user):
    count, window = conf.rate_limit()
    since = timezone.now() - window
    return Reply.objects.filter(author=user, created_at__gte=since).count() >= count


def needs_premoderation(space, user, is_moderator):
    if not space.pre_moderation or is_moderator:
        return False
    return not Reply.objects.filter(
        author=user, status=Reply.Status.APPROVED, question__page__path__startswith=space.path
    ).exists()


def create_reply(*, topic, space, question, parent, author, body, language, is_moderator):
    status = (
        Reply.Status.PENDING if needs_premoderation(space, author, is_moderator)
        else Reply.Status.APPROVED
    )
    reply = Reply.objects.create(
        question=question, parent=parent, author=author, body=body, language=language,
        status=status,
    )
    if reply.is_visible:
        reply_published(topic, reply)
    return reply


def reply_published(topic, reply, request=None):
    """A reply became visible: tell followers (not the author) and re-index the topic."""
    reindex(topic)
    follows = TopicFollow.objects.filter(topic=topic).exclude(user=reply.author).select_related(
        "user"
    )
    for follow in follows:
        if not follow.user.email:
            continue
        send(
            follow.user.email,
            follow.language or topic.locale.language_code,
            "new_reply",
            {
                "topic": topic,
                "reply": reply,
                "reply_url": absolute(topic.full_url, f"#{reply.anchor}"),
                "unsubscribe_url": unsubscribe_url(topic, follow),
            },
            unsubscribe=unsubscribe_url(topic, follow),
        )


def reindex(topic):
    insert_or_update_object(topic)


def notify_hidden(topic, reply):
    if reply.author.email:
        send(
            reply.author.email, reply.language or topic.locale.language_code, "reply_hidden",
            {"topic": topic, "reply": reply, "topic_url": topic.full_url},
        )


def notify_report(topic, space, report):
    for email in space.moderator_emails():
        send(
            email, topic.locale.language_code, "reply_reported",
            {
                "topic": topic,
                "report": report,
                "reply": report.reply,
                "reply_url": absolute(topic.full_url, f"#{report.reply.anchor}"),
            },
        )


def notify_pending(topic, space, reply):
    for email in space.moderator_emails():
        send(
            email, topic.locale.language_code, "reply_pending",
            {"topic": topic, "reply": reply,
             "reply_url": absolute(topic.full_url, f"#{reply.anchor}")},
        )


def send(to, language, template, context, unsubscribe=None):
    with translation.override(language):
        subject = render_to_string(f"discussions/email/{template}_subject.txt", context)
        body = render_to_string(f"discussions/email/{template}.txt", context)
    headers = {}
    if unsubscribe:
        # RFC 8058 one-click unsubscribe: mail clients POST to this URL.
        headers = {
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    EmailMessage(" ".join(subject.split()), body, to=[to], headers=headers).send()


def absolute(url, suffix):
    return f"{url}{suffix}" if url else suffix


def unsubscribe_token(follow):
    return signing.dumps({"t": follow.topic_id, "u": follow.user_id}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(topic id, user id) or None. Tokens do not expire: following is cheap to restore."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["t"]), int(data["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe_url(topic, follow):
    query = urlencode({"token": unsubscribe_token(follow)})
    return absolute(topic.full_url, f"{topic.reverse_subpage('unsubscribe')}?{query}")


# -- what the topic page's views change (views.py) -----------------------------------------

def edit_reply(topic, reply, body):
    reply.body = body
    reply.edited_at = timezone.now()
    reply.save(update_fields=["body", "edited_at"])
    if reply.is_visible:
        reindex(topic)


def delete_reply(topic, reply):
    """Soft delete: the text goes, a placeholder stays for the answers it has."""
    was_visible = reply.is_visible
    reply.deleted_at = timezone.now()
    reply.body = ""
    reply.save(update_fields=["deleted_at", "body"])
    if was_visible:
        reindex(topic)


def hide_reply(topic, reply, reason, moderator):
    reply.status = reply.Status.HIDDEN
    reply.hidden_reason = reason
    reply.hidden_by = moderator
    reply.save(update_fields=["status", "hidden_reason", "hidden_by"])
    reindex(topic)
    notify_hidden(topic, reply)


def approve_reply(topic, reply):
    was_pending = reply.is_pending
    reply.status = reply.Status.APPROVED
    reply.hidden_reason = ""
    reply.save(update_fields=["status", "hidden_reason"])
    if was_pending:
        reply_published(topic, reply)  # followers hear of it once
    else:
        reindex(topic)  # shown again after hiding


def follow(topic, user, language):
    TopicFollow.objects.update_or_create(
        topic_id=topic.pk, user=user, defaults={"language": language}
    )


def unfollow(topic, user_id):
    TopicFollow.objects.filter(topic_id=topic.pk, user_id=user_id).delete()
