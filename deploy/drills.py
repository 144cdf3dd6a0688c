"""`make drills`: fault drills against the running stack (`make stack`), loopback only, bounded.

1. kill one gunicorn worker (SIGKILL) during a load run: the master replaces it;
3. stop Redis during a load run: pages keep coming (cache misses), Redis restarts empty;
4. kill the task worker while e-mails are queued: after the restart each is sent exactly once.

Each drill prints what a visitor saw (status codes counted by wrk) and what was checked after.
Drill 2 (restart PostgreSQL) and drill 5 (a full tmpfs as MEDIA_ROOT during an upload) need a
PostgreSQL cluster and a mount of their own; they are not run here (see the README).
Exit status 1 if a check fails. Writes reports/drills.md.
"""

import re
import subprocess
import sys
import time
from pathlib import Path

from loadtest import ROOT, RUN, manage, stack_env

RESULTS = []


def pid(name):
    return int((RUN / f"{name}.pid").read_text())


def children(parent):
    out = subprocess.run(["pgrep", "-P", str(parent)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def load(url, seconds):
    return subprocess.Popen(["wrk", "-t1", "-c8", f"-d{seconds}s", url],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


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


def drill_task_worker_killed(env):
    subprocess.run(["kill", "-9", str(pid("worker"))], check=False)
    (RUN / "worker.pid").unlink(missing_ok=True)
    first = int(manage(env, QUEUE_CODE))
    subprocess.run([str(ROOT / "deploy" / "stack.sh"), "start"], capture_output=True, check=True)
    for _ in range(60):
        sent, total = map(int, manage(env, SENT_CODE.format(first=first)).split())
        if sent == total:
            break
        time.sleep(1)
    copies = {}
    for message in Path(env["EMAIL_URL"].removeprefix("file://")).glob("*.log"):
        for match in re.findall(r"Message-ID: <outbox-(\d+)-", message.read_text()):
            if int(match) > first:
                copies[match] = copies.get(match, 0) + 1
    record("4. task worker killed while e-mails were queued",
           "the visitor's request returned at once (the e-mails were only queued)",
           [(f"all {total} queued e-mails sent after the restart ({sent})", sent == total == 5),
            ("none sent twice", sorted(copies.values()) == [1] * 5)])


DRILLS = {"1": drill_worker_killed, "3": drill_redis_stopped, "4": drill_task_worker_killed}


def main():
    env = stack_env()
    only = sys.argv[1].split(",") if len(sys.argv) > 1 else list(DRILLS)  # e.g. "1,4"
    for number in only:
        DRILLS[number](env)
    lines = ["# Fault drills", "", f"`make drills`, {time.strftime('%Y-%m-%d %H:%M UTC')}.", ""]
    for drill, seen, checks, ok in RESULTS:
        lines += [f"## {drill}: {'pass' if ok else 'FAIL'}", "", f"Seen: {seen}.", ""]
        lines += [f"- {'✔' if passed else '✘'} {text}" for text, passed in checks] + [""]
    lines += ["Not run: 2. PostgreSQL restart and 5. full MEDIA_ROOT (see the README).", ""]
    (ROOT / "reports" / "drills.md").write_text("\n".join(lines))
    return 0 if all(ok for *_, ok in RESULTS) else 1


if __name__ == "__main__":
    sys.exit(main())
