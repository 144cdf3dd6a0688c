"""One person's limited actions, one at a time.

A limit ("10 submissions a day", "10 replies in 10 minutes") is a count followed by a write; two
parallel requests could both count 9 and both write. ``serialise_for(user)``, called inside the
transaction that counts and writes, makes the user's transactions take turns: on PostgreSQL it
locks the user's row (``SELECT … FOR UPDATE``) until the transaction ends; on SQLite every
transaction already holds the database's write lock from its first statement
(``transaction_mode = "IMMEDIATE"``, config/settings/base.py), so the count and the write of one
request cannot interleave with another's.
"""

from django.contrib.auth import get_user_model
from django.db import transaction


def serialise_for(user):
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("serialise_for() must be called inside transaction.atomic()")
    list(get_user_model().objects.select_for_update().filter(pk=user.pk).values_list("pk"))
