"""Emails about pledges, through the practices' notification service (recipient's language)."""

from practices.submission import notifications

from .workflow import GROUP

OPTIONS = {"templates": "pledges/emails", "dashboard": "pledges:mine"}


def send(user, event, page, comment=""):
    notifications.send(user, event, page, comment, **OPTIONS)


def notify_secretariat(event, page):
    notifications.notify_group([GROUP], event, page, **OPTIONS)
