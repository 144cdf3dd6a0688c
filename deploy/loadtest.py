"""`make loadtest`: wrk against the running stack (`make stack`), one run per URL.

For each main page of both languages: anonymous through Varnish (cached, but for the pages never
cached: keyword listings and site search), anonymous straight to gunicorn (the hub's own page
cache), and signed in through Varnish (rendered every time); plus the bare view `/healthz`
through Varnish as the floor, in the same run. Writes the table (req/s, share of the floor,
p50/p99, errors, and the server CPU per request: the CPU time gunicorn's workers used during the
run, from /proc, divided by the requests answered) to reports/loadtest.md.

Options: --duration seconds per URL (default 10), --connections (16), --threads (2).
"""

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
RUN = ROOT / "var" / "stack"


def stack_env():
    env = dict(os.environ)
    for line in (RUN / "env").read_text().splitlines():
        name, _, value = line.partition("=")
        env[name] = value
    return env


def manage(env, code):
    result = subprocess.run([str(ROOT / ".venv/bin/python"), "manage.py", "shell", "-c", code],
                            cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip().splitlines()[-1]


VERIFIED_CODE = """
from allauth.account.models import EmailAddress
EmailAddress.objects.get_or_create(user=user, email=user.email,
                                   defaults={"verified": True, "primary": True})"""


def session_code(username, verified=False):
    """``manage.py shell`` code that prints the key of a new session of the user ``username``
    (created if need be; with a verified address, which the site's forms require, if
    ``verified``)."""
    verify = VERIFIED_CODE if verified else ""
    return f"""
from django.contrib.auth import get_user_model, BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
user, _ = get_user_model().objects.get_or_create(
    username="{username}", defaults={{"email": "{username}@example.org"}}){verify}
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.save()
print(session.session_key)
"""


SESSION_CODE = session_code("loadtest")

URLS_CODE = """
from practices.models import PracticePage
from guidance.models import ObjectivePage
def first(model, lang):
    page = model.objects.live().filter(locale__language_code=lang).first()
    return page.url if page else "-"
print(" ".join(first(model, lang)
               for model in (PracticePage, ObjectivePage) for lang in ("en", "ar")),
      PracticePage.objects.live().count())
"""


def workers_cpu_seconds():
    """CPU seconds (user + system) used so far by gunicorn's workers: the running ones (the
    master's children) plus those already recycled or replaced (the master's reaped children)."""
    master = (RUN / "gunicorn.pid").read_text().strip()

    def times(pid):
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()

    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    reaped = times(master)
    total = int(reaped[13]) + int(reaped[14])  # cutime, cstime
    for pid in children:
        try:
            fields = times(pid)
        except FileNotFoundError:  # exited meanwhile: counted in the master's cutime
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def wrk(url, args, cookie=None):
    command = ["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s",
               "--latency", "-H", "Accept-Language: en"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    cpu_before = workers_cpu_seconds()
    url = quote(url, safe=":/?=&")  # wrk sends the URL as it is given
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    cpu = workers_cpu_seconds() - cpu_before
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.M))
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses: (\d+)",
                    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"):
        match = re.search(pattern, output)
        if match:
            errors += sum(int(n) for n in match.groups())
    return {"rate": rate, "p50": latency.get("50", "?"), "p99": latency.get("99", "?"),
            "errors": errors, "cpu_ms": cpu * 1000 / requests if requests else 0}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    env = stack_env()
    front = env["VARNISH_URL"]
    app = env["STACK_APP_URL"]
    practice_en, practice_ar, objective_en, objective_ar, practices = manage(
        env, URLS_CODE).split()
    cookie = f"sessionid={manage(env, SESSION_CODE)}"
    pages = [
        ("home", "/en/", "/ar/"),
        ("handbook", "/en/guidance/handbook/", "/ar/guidance/handbook/"),
        ("objective page", objective_en, objective_ar),
        ("practice listing", "/en/practices/", "/ar/practices/"),
        ("practice", practice_en, practice_ar),
        ("listing, keyword", "/en/practices/?q=migrants", "/ar/practices/?q=المهاجرين"),
        ("site search", "/en/search/?q=migration", "/ar/search/?q=الهجرة"),
        ("country page", "/en/countries/jo/", "/ar/countries/jo/"),
        ("pledge listing", "/en/pledges/", "/ar/pledges/"),
        ("pledge dashboard", "/en/pledges/dashboard/", "/ar/pledges/dashboard/"),
    ]
    rows = []
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_average = os.getloadavg()[0]
    floor = wrk(front + "/healthz", args)
    rows.append(("bare Django view (floor)", "—", "Varnish → gunicorn", floor))
    for name, en, ar in pages:
        for lang, path in (("en", en), ("ar", ar)):
            if path == "-":
                continue
            for label, base, who in (("Varnish, anonymous", front, None),
                                     ("gunicorn, anonymous", app, None),
                                     ("Varnish, signed in", front, cookie)):
                # Warm the caches, then measure.
                subprocess.run(["curl", "-s", "-o", "/dev/null", base + path], check=False)
                figures = wrk(base + path, args, who)
                rows.append((name, lang, label, figures))
                print(f"{name:18} {lang} {label:26} {figures['rate']:9.1f} req/s", flush=True)
    lines = [
        "# Load test",
        "",
        f"`make loadtest`, {started}: wrk -t{args.threads} -c{args.connections} "
        f"-d{args.duration}s per URL, one run, on this machine (`nproc` = {os.cpu_count()}), "
        "the stack of `make stack` (Varnish → gunicorn with 2 workers and production settings → "
        f"PostgreSQL, Redis, task worker) with the demo content and {int(practices):,} live "
        "practices. Share = req/s ÷ the floor's; load average at the start: "
        f"{load_average:.1f} (the machine's other jobs included).",
        "",
        "| page | lang | path | req/s | share of floor | p50 | p99 | errors | server CPU "
        "per request |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, lang, label, figures in rows:
        share = figures["rate"] / floor["rate"] * 100 if floor["rate"] else 0
        lines.append(f"| {name} | {lang} | {label} | {figures['rate']:.0f} | {share:.0f}% | "
                     f"{figures['p50']} | {figures['p99']} | {figures['errors']} | "
                     f"{figures['cpu_ms']:.1f} ms |")
    report = ROOT / "reports" / "loadtest.md"
    report.parent.mkdir(exist_ok=True)
    report.write_text("\n".join(lines) + "\n")
    print(f"\nwritten to {report.relative_to(ROOT)}")
    return 1 if any(figures["errors"] for *_, figures in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
