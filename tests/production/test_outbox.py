"""E-mails through the task queue: a request never waits for SMTP, a failed e-mail is retried and
never lost, a sent one is never sent twice when the worker restarts, and staff see (and send
again) what failed every attempt.

Real parts: django-tasks-db's database backend, its worker loop run in this process on the test
database, Django's SMTP backend against sockets that refuse or never answer (the failures a real
SMTP server produces), the locmem backend standing in for a server that accepts.
"""

import datetime
import socket

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from outbox.delivery import claim
from outbox.models import OutgoingEmail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

SMTP = "django.core.mail.backends.smtp.EmailBackend"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def run_worker(max_tasks=None):
    """One run of django-tasks-db's worker loop: every ready task, then return."""
    Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=max_tasks, worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def queue(settings):
    """Production's wiring: the outbox backend, tasks in the database, SMTP for delivery."""
    settings.EMAIL_BACKEND = "outbox.backend.QueuedEmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.OUTBOX_DELIVERY_BACKEND = SMTP
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_TIMEOUT = 1
    settings.OUTBOX_RETRY_DELAYS = (60, 300)
    return settings


@pytest.fixture
def stalled_smtp():
    """A server that accepts the connection and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


def request_password_reset(client, email="amal@example.org"):
    UserFactory(email=email)
    return client.post("/en/accounts/password/reset/", {"email": email})


def email_tasks():
    return DBTaskResult.objects.filter(task_path="outbox.delivery.deliver_email")


def make_due():
    """Time passes: the planned retries are due."""
    email_tasks().filter(status="READY").update(run_after=timezone.now())


def test_request_returns_while_the_smtp_server_stalls(home_pages, queue, stalled_smtp, client):
    queue.EMAIL_PORT = stalled_smtp
    response = request_password_reset(client)
    assert response.status_code == 302
    assert mail.outbox == []
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.QUEUED and email.to == ["amal@example.org"]
    assert email_tasks().ready().count() == 1

    # The worker meets the stall instead, gives up after EMAIL_TIMEOUT and plans a retry.
    run_worker()
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.QUEUED, 1)
    assert "timed out" in email.last_error
    retry = email_tasks().get(status="READY")
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)


def test_a_refused_email_is_retried_and_delivered(home_pages, queue, client):
    request_password_reset(client)
    run_worker()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.QUEUED, 1)
    assert "Connection refused" in email.last_error or "refused" in email.last_error.lower()
    assert not email_tasks().ready().exists()  # the retry waits its turn

    queue.OUTBOX_DELIVERY_BACKEND = LOCMEM  # the SMTP server is back
    make_due()
    run_worker()
    email.refresh_from_db()
    assert (email.status, email.attempts, email.last_error) == ("sent", 2, "")
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["amal@example.org"] and "password" in sent.subject.lower()
    assert sent.extra_headers["Message-ID"] == email.message_id


def test_after_the_last_attempt_staff_see_it_and_send_it_again(home_pages, queue, client):
    queue.OUTBOX_RETRY_DELAYS = (0, 0)
    request_password_reset(client)
    for _ in range(3):
        make_due()
        run_worker()
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.FAILED, 3)
    assert not email_tasks().filter(status="READY").exists()

    # Who may see the dead letters.
    assert client.get("/admin/outbox/").status_code == 302  # anonymous: to the login page
    editor = UserFactory(groups=["Editors"])
    client.force_login(editor)
    assert client.get("/admin/outbox/").status_code in (302, 403)
    assert client.post(f"/admin/outbox/{email.pk}/retry/").status_code in (302, 403)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED

    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get("/admin/outbox/")
    assert page.status_code == 200
    assert email.subject in page.content.decode()
    assert "Connection refused" in page.content.decode()
    client.post(f"/admin/outbox/{email.pk}/retry/")
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.QUEUED, 0)

    queue.OUTBOX_DELIVERY_BACKEND = LOCMEM
    run_worker()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_dead_letter_page_in_arabic(home_pages, queue, client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get("/admin/outbox/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'dir="rtl"' in text
    assert "رسائل البريد الإلكتروني غير المُسلَّمة" in text
    assert "لا توجد رسائل بريد إلكتروني بانتظار الإرسال." in text


def test_a_worker_restart_sends_nothing_twice(home_pages, queue, client):
    queue.OUTBOX_DELIVERY_BACKEND = LOCMEM
    for n in range(3):
        request_password_reset(client, f"user{n}@example.org")

    run_worker(max_tasks=1)  # the worker stops (restart) after one e-mail
    assert len(mail.outbox) == 1
    run_worker()  # the new worker
    assert sorted(m.to[0] for m in mail.outbox) == [f"user{n}@example.org" for n in range(3)]

    # A task for a message already sent (a duplicate enqueue, a manual retry) sends nothing.
    from outbox.delivery import deliver_email

    deliver_email.enqueue(OutgoingEmail.objects.first().pk)
    run_worker()
    assert len(mail.outbox) == 3
    assert call_command("requeue_email") is None
    run_worker()
    assert len(mail.outbox) == 3


def test_a_worker_killed_while_sending_loses_nothing(home_pages, queue, client):
    queue.OUTBOX_DELIVERY_BACKEND = LOCMEM
    request_password_reset(client)
    email = OutgoingEmail.objects.get()
    # What a killed worker leaves: its task marked running forever, the message claimed.
    email_tasks().get().claim("killed-worker")
    assert claim(email.pk)
    run_worker()
    assert mail.outbox == []  # nothing to run: the task is "running", the lease holds

    OutgoingEmail.objects.filter(pk=email.pk).update(
        claimed_until=timezone.now() - datetime.timedelta(seconds=1)
    )
    call_command("requeue_email")  # run before every worker start
    run_worker()
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT

    call_command("requeue_email")
    run_worker()
    assert len(mail.outbox) == 1


def test_immediate_backend_delivers_at_once(settings, home_pages, client):
    """Development: the same outbox, the task runs in the request."""
    settings.EMAIL_BACKEND = "outbox.backend.QueuedEmailBackend"
    settings.OUTBOX_DELIVERY_BACKEND = LOCMEM
    request_password_reset(client)
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_production_settings_queue_email_for_the_worker():
    from tests.test_settings import PRODUCTION_ENV, run_manage

    code = (
        "from django.conf import settings as s; "
        "print(s.EMAIL_BACKEND, s.OUTBOX_DELIVERY_BACKEND, s.TASKS['default']['BACKEND'], "
        "s.DATABASES['default']['CONN_HEALTH_CHECKS'])"
    )
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-4:] == [
        "outbox.backend.QueuedEmailBackend", SMTP, "django_tasks_db.DatabaseBackend", "True",
    ]
