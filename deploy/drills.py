"""`make drills`: fault drills against the running stack (`make stack`), loopback only, bounded.

1. kill one gunicorn worker (SIGKILL) during a load run: the master replaces it;
2. restart PostgreSQL during a load run: at most the translated 503 page, then pages again with
   no restart of anything by hand; queued e-mails all sent once;
3. stop Redis during a load run: pages keep coming (cache misses), Redis restarts empty;
4. kill the task worker while e-mails are queued: its supervisor starts it again and each
   e-mail is sent exactly once;
5. a small tmpfs as MEDIA_ROOT, full, during an upload: the translated message, the text kept,
   no partial file and no row left; once there is room again the same upload is kept.

Drill 2 restarts the machine's PostgreSQL cluster (a few seconds: other clients of the cluster
see their connections dropped); drill 5 mounts a tmpfs (root). Both are skipped, with the
reason, when the stack's database is not that cluster or the mount is not allowed.
Usage: deploy/drills.py [1,2,3,4,5]. Exit status 1 if a check fails. Writes reports/drills.md.
"""

import io
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from loadtest import ROOT, RUN, SESSION_CODE, manage, session_code, stack_env

RESULTS = []


def pid(name):
    return int((RUN / f"{name}.pid").read_text())


def children(parent):
    out = subprocess.run(["pgrep", "-P", str(parent)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def load(url, seconds, cookie=None):
    command = ["wrk", "-t1", "-c8", f"-d{seconds}s", url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def http(url, cookie=None, data=None, content_type=None):
    """(status, body, Set-Cookie headers) of one request; error statuses are answers too."""
    request = urllib.request.Request(url, data=data)
    if cookie:
        request.add_header("Cookie", cookie)
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.read().decode(), response.headers.get_all(
                "Set-Cookie") or []
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace"), []
    except OSError as error:
        return 0, str(error), []


class Watcher(threading.Thread):
    """Fetches a URL again and again beside the load and keeps every answer that is not a 200:
    what a visitor would have seen."""

    def __init__(self, url, cookie=None):
        super().__init__(daemon=True)
        self.url, self.cookie = url, cookie
        self.stop, self.statuses, self.bodies = threading.Event(), {}, []

    def run(self):
        while not self.stop.is_set():
            status, body, _ = http(self.url, self.cookie)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status != 200:
                self.bodies.append((status, body))
            time.sleep(0.05)

    def finish(self):
        self.stop.set()
        self.join()
        return self.statuses, self.bodies


def outcome(process):
    output = process.communicate()[0]
    total = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                        output)
    return total, int(bad.group(1)) if bad else 0, sum(map(int, sockets.groups())) if sockets else 0


def record(drill, seen, checks):
    ok = all(passed for _, passed in checks)
    RESULTS.append((drill, seen, checks, ok))
    print(f"{'PASS' if ok else 'FAIL'} {drill}: {seen}")
    for text, passed in checks:
        print(f"   {'ok ' if passed else 'NO '} {text}")


def drill_worker_killed(env):
    app = env["STACK_APP_URL"]
    before = children(pid("gunicorn"))
    run = load(app + "/en/practices/", 8)
    time.sleep(2)
    subprocess.run(["kill", "-9", str(before[0])], check=False)
    total, bad, sockets = outcome(run)
    time.sleep(2)
    after = children(pid("gunicorn"))
    record("1. one gunicorn worker killed during load",
           f"{total} requests, {bad} error responses, {sockets} dropped connections "
           "(the requests the killed worker was serving)",
           [("no error page (5xx) was served", bad == 0),
            (f"the master replaced the worker ({len(after)} workers)", len(after) == len(before)
             and before[0] not in after),
            ("the site answers", subprocess.run(["curl", "-sf", "-o", "/dev/null", app + "/en/"])
             .returncode == 0)])


def drill_redis_stopped(env):
    app = env["STACK_APP_URL"]
    run = load(app + "/en/", 6)
    time.sleep(2)
    subprocess.run(["kill", str(pid("redis"))], check=False)
    total, bad, sockets = outcome(run)
    answered = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                               app + "/en/practices/"], capture_output=True, text=True).stdout
    subprocess.run([str(ROOT / "deploy" / "stack.sh"), "start"], capture_output=True, check=True)
    record("3. Redis stopped during load",
           f"{total} requests, {bad} error responses, {sockets} socket errors; with Redis "
           f"down the listing answered {answered}",
           [("no error page while Redis was down", bad == 0 and answered == "200"),
            ("Redis is back after `make stack`",
             subprocess.run(["redis-cli", "-u", env["REDIS_URL"], "ping"], capture_output=True,
                            text=True).stdout.strip() == "PONG")])


QUEUE_CODE = """
from django.core.mail import send_mail
from outbox.models import OutgoingEmail
first = OutgoingEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
for n in range(5):
    send_mail(f"Drill {n}", "Queued while the worker is down.", None, [f"drill{n}@example.org"])
print(first)
"""

SENT_CODE = """
from outbox.models import OutgoingEmail
rows = OutgoingEmail.objects.filter(pk__gt={first}, subject__startswith="Drill")
print(rows.filter(status="sent").count(), rows.count())
"""


def queue_emails(env, count, label):
    return int(manage(env, QUEUE_CODE.replace("range(5)", f"range({count})")
                      .replace('f"Drill {n}"', f'f"{label} {{n}}"')))


def delivered(env, first, label, count, wait=90):
    """(sent, total, copies of each in the mail folder) once all are sent or ``wait`` passed."""
    code = SENT_CODE.format(first=first).replace('"Drill"', repr(label))
    for _ in range(wait):
        sent, total = map(int, manage(env, code).split())
        if sent == total == count:
            break
        time.sleep(1)
    copies = {}
    for message in Path(env["EMAIL_URL"].removeprefix("file://")).glob("*.log"):
        text = message.read_text()
        for number in set(re.findall(r"Message-ID: <outbox-(\d+)-", text)):
            if int(number) > first and f"Subject: {label} " in text:
                copies[number] = copies.get(number, 0) + text.count(f"<outbox-{number}-")
    return sent, total, copies


def drill_task_worker_killed(env):
    process = int((RUN / "worker-process.pid").read_text())
    subprocess.run(["kill", "-STOP", str(process)], check=False)
    first = queue_emails(env, 5, "Drill")
    subprocess.run(["kill", "-9", str(process)], check=False)
    subprocess.run(["kill", "-CONT", str(process)], check=False)
    sent, total, copies = delivered(env, first, "Drill", 5)
    restarted = int((RUN / "worker-process.pid").read_text())
    record("4. task worker killed while e-mails were queued",
           "the visitor's request returned at once (the e-mails were only queued); the worker "
           "was frozen, 5 e-mails queued, then it was killed",
           [(f"the supervisor started a new worker ({process} → {restarted})",
             restarted != process),
            (f"all {total} queued e-mails sent after the restart ({sent})", sent == total == 5),
            ("none sent twice", sorted(copies.values()) == [1] * 5)])


POSTGRESQL_RESTART = ["pg_ctlcluster", "--skip-systemctl-redirect"]


def local_cluster(env):
    """(version, name) of the local cluster holding the stack's database, or None."""
    url = env["DATABASE_URL"]
    if "@127.0.0.1:" not in url and "@localhost:" not in url:
        return None
    port = re.search(r":(\d+)/", url).group(1)
    listing = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True).stdout
    for line in listing.splitlines():
        version, name, cluster_port, *_ = line.split()
        if cluster_port == port:
            return version, name
    return None


def drill_postgresql_restarted(env):
    app = env["STACK_APP_URL"]
    cluster = local_cluster(env)
    if cluster is None or os.geteuid() != 0:
        RESULTS.append(("2. PostgreSQL restarted during load", "not run: the stack's database "
                        "is not a local cluster this user may restart", [], True))
        return
    cookie = f"sessionid={manage(env, SESSION_CODE)}"
    master = pid("gunicorn")
    first = queue_emails(env, 5, "Restart")
    page = app + "/en/"  # signed in: the session and the page read from the database each time
    run = load(page, 8, cookie)
    watchers = [Watcher(page, cookie), Watcher(app + "/ar/", cookie)]
    for watcher in watchers:
        watcher.start()
    time.sleep(2)
    began = time.monotonic()
    restarted = subprocess.run(POSTGRESQL_RESTART + [*cluster, "restart"], capture_output=True,
                               text=True)
    took = time.monotonic() - began
    total, bad, sockets = outcome(run)
    seen = [watcher.finish() for watcher in watchers]
    statuses = {}
    for counts, _ in seen:
        for status, n in counts.items():
            statuses[status] = statuses.get(status, 0) + n
    bodies = [body for _, pages in seen for body in pages]
    translated = all(
        status == 503 and "Traceback" not in body
        and ("The hub is briefly unavailable" in body or "المركز غير متاح مؤقتًا" in body)
        for status, body in bodies)
    after = [http(app + path, cookie)[0] for path in ("/en/", "/ar/")]
    later = queue_emails(env, 3, "After")
    sent, queued, copies = delivered(env, first, "Restart", 5)
    sent_after, queued_after, copies_after = delivered(env, later, "After", 3)
    record("2. PostgreSQL restarted during load",
           f"restart took {took:.1f} s; {total} signed-in requests, {bad} answered with an error "
           f"status, {sockets} socket errors; answers watched: {statuses} "
           "(every non-200 the translated 503 page)",
           [(f"pg_ctlcluster restart succeeded ({restarted.returncode})",
             restarted.returncode == 0),
            ("no stack trace, nothing but 200 or the translated 503 page",
             translated and set(statuses) <= {200, 503}),
            (f"pages again right after, in both languages ({after}), same gunicorn master",
             after == [200, 200] and pid("gunicorn") == master),
            (f"the 5 e-mails queued before the restart sent once ({sent}/{queued})",
             sent == queued == 5 and sorted(copies.values()) == [1] * 5),
            (f"e-mails queued after it sent once, no worker restarted by hand "
             f"({sent_after}/{queued_after})",
             sent_after == queued_after == 3 and sorted(copies_after.values()) == [1] * 3)])


DRILL_USER_CODE = session_code("drill-uploader", verified=True)

ROWS_CODE = """
from practices.models import PracticePage, PendingUpload
from wagtail.images import get_image_model
from wagtail.documents import get_document_model
print(PendingUpload.objects.count(), PracticePage.objects.count(),
      get_image_model().objects.count(), get_document_model().objects.count())
"""


def noise_png(side=420):
    """A PNG of random pixels: it does not compress, so its size is known (about 530 KB)."""
    from PIL import Image

    output = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(output, "PNG")
    return output.getvalue()


def multipart(fields, files):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())
    for name, (filename, content, kind) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'.encode()
                     + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def upload(app, lang, session, title, content):
    """Send the submission form as a draft with one file: (status, page)."""
    form_url = f"{app}/{lang}/practices/submit/"
    cookie = f"sessionid={session}"
    status, body, cookies = http(form_url, cookie)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)
    csrf = next(c.split(";")[0] for c in cookies if c.startswith("csrftoken="))
    data, kind = multipart({"csrfmiddlewaretoken": token, "title": title, "save_draft": "1"},
                           {"attachments": ("Field photo.png", content, "image/png")})
    return http(form_url, f"{cookie}; {csrf}", data, kind)[:2]


def tmpfs_files(mount):
    return sorted(str(path.relative_to(mount)) for path in mount.rglob("*")
                  if path.is_file() and path.name != "filler")


FULL_MESSAGES = {"en": "Your files could not be stored: the server has no room for them",
                 "ar": "تعذّر تخزين ملفاتك: لا توجد مساحة لها على الخادم"}


def restart_web(media_root=None):
    """gunicorn started again, with MEDIA_ROOT on ``media_root`` or back on the stack's own."""
    environment = dict(os.environ)
    environment.pop("STACK_MEDIA_ROOT", None)
    if media_root:
        environment["STACK_MEDIA_ROOT"] = str(media_root)
    subprocess.run([str(ROOT / "deploy" / "stack.sh"), "web"], capture_output=True, check=True,
                   env=environment)


def drill_media_full(env):
    app = env["STACK_APP_URL"]
    mount = RUN / "media-tmpfs"
    mount.mkdir(exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs",
                              str(mount)], capture_output=True, text=True)
    if mounted.returncode:
        RESULTS.append(("5. full MEDIA_ROOT during an upload",
                        f"not run: no tmpfs could be mounted ({mounted.stderr.strip()})", [],
                        True))
        return
    try:
        restart_web(mount)
        session = manage(env, DRILL_USER_CODE)
        content = noise_png()
        free = os.statvfs(mount)
        # Leave less room than the file needs.
        room = free.f_bavail * free.f_frsize - len(content) // 2
        (mount / "filler").write_bytes(b"\0" * max(room, 0))
        rows_before = manage(env, ROWS_CODE)
        run = load(app + "/ar/practices/", 6)
        answers = {}
        for lang in ("en", "ar"):
            title = f"Drill {lang} {uuid.uuid4().hex[:6]}" if lang == "en" else \
                f"ممارسة تجريبية {uuid.uuid4().hex[:6]}"
            status, body = upload(app, lang, session, title, content)
            answers[lang] = (status, FULL_MESSAGES[lang] in body, f'value="{title}"' in body,
                             "Traceback" not in body)
        left = tmpfs_files(mount)
        rows_after = manage(env, ROWS_CODE)
        total, bad, sockets = outcome(run)
        (mount / "filler").unlink()
        status_room, _ = upload(app, "en", session, "Drill with room", content)
        kept = tmpfs_files(mount)
    finally:
        restart_web()
        subprocess.run(["umount", str(mount)], check=False)
    record("5. full MEDIA_ROOT during an upload",
           f"the form came back ({answers['en'][0]}, {answers['ar'][0]}) with the translated "
           f"message, the title kept; {total} listing requests alongside, {bad} errors",
           [("English: the form again with the message and the typed title, no stack trace",
             answers["en"][0] == 200 and all(answers["en"][1:])),
            ("Arabic: the same, in Arabic", answers["ar"][0] == 200 and all(answers["ar"][1:])),
            (f"no partial file left on the full disk ({left or 'none'})", left == []),
            (f"no row left (pending uploads, practices, images, documents: {rows_after})",
             rows_after == rows_before),
            (f"with room again the same upload is kept without a restart ({status_room}, "
             f"{len(kept)} file)", status_room == 302 and len(kept) == 1),
            ("the listing kept answering", bad == 0)])


DRILLS = {"1": drill_worker_killed, "2": drill_postgresql_restarted, "3": drill_redis_stopped,
          "4": drill_task_worker_killed, "5": drill_media_full}


def main():
    env = stack_env()
    only = sys.argv[1].split(",") if len(sys.argv) > 1 else list(DRILLS)  # e.g. "1,4"
    for number in only:
        DRILLS[number](env)
    lines = ["# Fault drills", "", f"`make drills`, {time.strftime('%Y-%m-%d %H:%M UTC')}.", ""]
    for drill, seen, checks, ok in RESULTS:
        lines += [f"## {drill}: {'pass' if ok else 'FAIL'}", "", f"Seen: {seen}.", ""]
        lines += [f"- {'✔' if passed else '✘'} {text}" for text, passed in checks] + [""]
    (ROOT / "reports" / "drills.md").write_text("\n".join(lines))
    return 0 if all(ok for *_, ok in RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
