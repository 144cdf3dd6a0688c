"""Background sending through django-tasks: one task per batch, each enqueuing the next."""

from django_tasks import task

from . import services


@task()
def send_batch(issue_key):
    if services.send_batch_now(issue_key):
        send_batch.enqueue(issue_key)
