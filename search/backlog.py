"""Index updates that survive a stopped engine.

Wagtail indexes a saved object through a django-tasks task and deletes it from the index in the
``post_delete`` signal; on an engine backend it logs and drops an update the engine refuses, so
an editor's publish never fails but the engine may keep a stale document for good. The engine
backends (``engine.EngineIndexingMixin``) instead write the object into ``IndexBacklog`` when
the engine cannot be reached, and ``apply_backlog`` sends every backlogged update once it can:

- as a task (``apply_index_backlog``), enqueued on each miss; on a task backend that can defer
  (a worker), it enqueues itself again with a growing delay while the engine stays away;
- after the next update that reaches the engine (the engine is back: catch up at once);
- from ``manage.py apply_index_backlog`` (cron, or after maintenance).
"""

import logging
from datetime import timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from .models import IndexBacklog

logger = logging.getLogger(__name__)

RETRY_DELAYS = [5, 30, 120, 600]  # seconds between attempts of a deferred retry


def record(obj, action, error):
    """Remember that the engine missed ``action`` on ``obj`` (the latest action wins)."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    IndexBacklog.objects.update_or_create(
        content_type=content_type, object_id=str(obj.pk),
        defaults={"action": action, "last_error": str(error)[:1000]},
    )
    logger.warning("search engine unreachable: %s of %r kept for later (%s)", action, obj, error)
    transaction.on_commit(lambda: schedule_retry(0))


def schedule_retry(attempt):
    if attempt == 0:
        apply_index_backlog.enqueue(attempt=0)
    elif default_task_backend.supports_defer and attempt <= len(RETRY_DELAYS):
        delay = timedelta(seconds=RETRY_DELAYS[attempt - 1])
        apply_index_backlog.using(run_after=timezone.now() + delay).enqueue(attempt=attempt)


def _target(entry):
    """The object to send: the saved one for an update (gone since: a deletion), else a bare
    instance carrying the pk, which is all a deletion needs (the document id is the pk)."""
    model = apps.get_model(entry.content_type.app_label, entry.content_type.model)
    if entry.action == IndexBacklog.UPDATE:
        obj = model._default_manager.filter(pk=entry.object_id).first()
        if obj is not None:
            return IndexBacklog.UPDATE, obj
    return IndexBacklog.DELETE, model(pk=model._meta.pk.to_python(entry.object_id))


def apply_backlog(backend=None):
    """Send every backlogged update; returns how many are left (0: the engine has them all)."""
    from wagtail.search.backends import get_search_backend

    backend = backend or get_search_backend()
    for entry in IndexBacklog.objects.select_related("content_type").order_by("pk"):
        action, obj = _target(entry)
        try:
            send = backend.add_now if action == IndexBacklog.UPDATE else backend.delete_now
            send(obj)
        except Exception as error:
            if not backend.is_unavailable(error):
                raise
            IndexBacklog.objects.filter(pk=entry.pk).update(
                attempts=entry.attempts + 1, last_error=str(error)[:1000])
            return IndexBacklog.objects.count()
        # Deleted only if untouched since read: a newer miss keeps its row.
        IndexBacklog.objects.filter(pk=entry.pk, updated_at=entry.updated_at).delete()
    return IndexBacklog.objects.count()


@task()
def apply_index_backlog(attempt=0):
    left = apply_backlog()
    if left:
        schedule_retry(attempt + 1)
    return left
