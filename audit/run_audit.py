"""Have the site judged by outside tools: axe-core, the Nu HTML Checker, Lighthouse, page weight.

Builds a fresh demo site in a temporary folder, serves it with production settings through
gunicorn, audits every page of PAGES in every language, writes reports/audit.json and
reports/audit.md, and exits non-zero when a threshold fails.

Environment:
  AUDIT_PORT           port of the audited site (default 8765)
  AUDIT_ALLOW_MISSING  1: pages that do not exist yet are listed as "not available" instead
                       of failing the audit (for branches where a section is not built yet)
  AUDIT_KEEP           1: keep the temporary site folder (its path is printed)
  AUDIT_SKIP_LIGHTHOUSE 1: skip Lighthouse (quick local iterations only; fails the audit)
  AUDIT_ONLY           comma-separated page keys: audit only these (e.g. an app's new pages)
"""

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
AUDIT_DIR = ROOT / "audit"
REPORTS = ROOT / "reports"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
NODE_MODULES = AUDIT_DIR / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")

LANGUAGES = ["en", "ar"]
# The search results page searches each language in its own words.
SEARCH_TERMS = {"en": "migration", "ar": quote("الهجرة")}
PORT = int(os.environ.get("AUDIT_PORT", "8765"))
BASE_URL = f"http://127.0.0.1:{PORT}"
ALLOW_MISSING = os.environ.get("AUDIT_ALLOW_MISSING") == "1"

# Demo submitter created by the runner, to audit the submission form logged in.
SUBMITTER_EMAIL = "audit-submitter@example.org"
SUBMITTER_PASSWORD = secrets.token_urlsafe(16)

# Thresholds of issue "Judged by outside tools".
AXE_BLOCKING_IMPACTS = {"serious", "critical"}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LIGHTHOUSE_MINIMUM = {"performance": 90, "accessibility": 95, "best-practices": 95, "seo": 95}
HOME_MAX_BYTES = 500 * 1024

# Lighthouse: the mobile preset (Lighthouse's default: a mid-range phone on a slow 4G link,
# simulated throttling) — the visitors this hub is for. Flags from the Lighthouse developers'
# guide for headless Chromium in containers.
LIGHTHOUSE_PRESET = "mobile"
LIGHTHOUSE_ATTEMPTS = 4
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --disable-quic --no-first-run"
)


@dataclass
class PageSpec:
    """One audited page. `path` is formatted with the language; `first_link_under`, when set,
    means: open `path` and audit the first link in <main> that lies below that prefix."""

    key: str
    label: str
    path: str
    first_link_under: str = ""
    link_depth: int = 1  # path segments below first_link_under (space/topic/ is 2)
    exclude: tuple = ()  # first segments that are not content (feed/, submit/)
    login: bool = False
    # Pages that are noindex by design (search results, forms): Lighthouse's "is-crawlable"
    # audit is then expected to fail; the SEO score is judged without it, and the audit checks
    # that the page really says noindex.
    noindex: bool = False
    # The HTTP status the page must answer with. Lighthouse judges only pages answering 200
    # (it marks any 4xx down in SEO and best practices by design); axe and the Nu checker
    # judge every page.
    status: int = 200
    # A management command (and its arguments) run once the demo submitter exists, before the
    # page is audited: e.g. a role the logged-in page needs. "{submitter}" is its user name.
    setup: tuple = ()


def audited_pages(root=ROOT):
    """Every app lists the pages it wants audited in ``<app>/audit_pages.json``: a list of
    PageSpec fields (``why``: a comment, ignored). Apps in alphabetical order, pages in file
    order. Every page is audited in every language of LANGUAGES."""
    pages = []
    for listing in sorted(root.glob("*/audit_pages.json")):
        for entry in json.loads(listing.read_text(encoding="utf-8")):
            entry = {k: v for k, v in entry.items() if k != "why"}
            entry["exclude"] = tuple(entry.get("exclude", ()))
            entry["setup"] = tuple(entry.get("setup", ()))
            pages.append(PageSpec(**entry))
    return pages


PAGES = audited_pages()
if os.environ.get("AUDIT_ONLY"):
    PAGES = [spec for spec in PAGES if spec.key in os.environ["AUDIT_ONLY"].split(",")]


@dataclass
class Result:
    key: str
    label: str
    lang: str
    url: str = ""
    available: bool = True
    note: str = ""
    axe: list = field(default_factory=list)
    vnu: list = field(default_factory=list)
    lighthouse: dict = field(default_factory=dict)
    lighthouse_seo_note: str = ""
    lighthouse_retries: int = 0
    noindex: bool = False
    status: int = 200
    bytes: int = 0
    requests: int = 0
    failures: list = field(default_factory=list)

    @property
    def axe_blocking(self):
        return [v for v in self.axe if v["impact"] in AXE_BLOCKING_IMPACTS]


def log(message):
    print(f"[audit {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------- the site under audit

def site_environment(workdir):
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_HSTS_PRELOAD": "false",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": "false",
        "EMAIL_URL": "locmem://",
        "WAGTAILADMIN_BASE_URL": BASE_URL,
    })
    return env


CREATE_SUBMITTER = """
import os
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
email, password = os.environ["AUDIT_SUBMITTER_EMAIL"], os.environ["AUDIT_SUBMITTER_PASSWORD"]
user, _ = get_user_model().objects.get_or_create(username="audit-submitter")
user.email = email
user.set_password(password)
user.save()
EmailAddress.objects.update_or_create(
    user=user, email=email, defaults={"verified": True, "primary": True})
"""


def build_site(workdir, env):
    manage = [str(PYTHON), "manage.py"]
    steps = [
        ("migrate", manage + ["migrate", "--noinput", "-v", "0"]),
        ("load_demo_content", manage + ["load_demo_content"]),
        ("collectstatic", manage + ["collectstatic", "--noinput", "-v", "0"]),
        ("demo submitter", manage + ["shell", "-c", CREATE_SUBMITTER]),
    ]
    steps += [(f"setup of {spec.key}", manage + [arg.replace("{submitter}", "audit-submitter")
                                                 for arg in spec.setup])
              for spec in PAGES if spec.setup]
    env = dict(env, AUDIT_SUBMITTER_EMAIL=SUBMITTER_EMAIL,
               AUDIT_SUBMITTER_PASSWORD=SUBMITTER_PASSWORD)
    for name, command in steps:
        started = time.monotonic()
        subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        log(f"{name}: {time.monotonic() - started:.1f}s")


def port_free(port):
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def start_server(env, workdir):
    if not port_free(PORT):
        sys.exit(f"Port {PORT} is in use: set AUDIT_PORT to a free port.")
    server_log = open(workdir / "gunicorn.log", "w")
    process = subprocess.Popen(
        [str(GUNICORN), "config.wsgi:application", "--bind", f"127.0.0.1:{PORT}",
         "--workers", "2", "--access-logfile", "-"],
        cwd=ROOT, env=env, stdout=server_log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    for _ in range(60):
        if process.poll() is not None:
            sys.exit(f"The site did not start; see {workdir / 'gunicorn.log'}")
        try:
            urllib.request.urlopen(f"{BASE_URL}/robots.txt", timeout=5)
            return process
        except OSError:  # refused, reset or timed out while the workers boot
            time.sleep(0.3)
    stop_server(process)
    sys.exit("The site did not answer within a minute.")


def stop_server(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


# ---------------------------------------------------------------- resolving the page list

class _LinkParser(HTMLParser):
    """Hrefs of the links inside <main>, in document order."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.depth += 1
        elif tag == "a" and self.depth:
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag):
        if tag == "main" and self.depth:
            self.depth -= 1


def fetch(url, cookie=""):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8"), response.url
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace"), url


def resolve(spec, lang, cookie):
    """The URL to audit for a page spec in a language, or (None, reason)."""
    url = BASE_URL + spec.path.format(lang=lang, query=SEARCH_TERMS[lang])
    status, html, final_url = fetch(url, cookie)
    if status != spec.status:
        return None, f"{url} answered {status}, expected {spec.status}"
    if spec.login and urlsplit(final_url).path != urlsplit(url).path:
        return None, f"{url} redirected to {final_url}: not logged in?"
    if not spec.first_link_under:
        return url, ""
    prefix = spec.first_link_under.format(lang=lang)
    for _ in range(spec.link_depth):
        # Links in <main> below the prefix, by depth: e.g. space/ (1) and space/topic/ (2).
        parser = _LinkParser()
        parser.feed(html)
        candidates = []
        for href in parser.links:
            parts = urlsplit(urljoin(url, href))
            if parts.query or not parts.path.startswith(prefix):
                continue
            segments = [s for s in parts.path[len(prefix):].split("/") if s]
            if segments and segments[0] not in spec.exclude and len(segments) <= spec.link_depth:
                candidates.append((len(segments), parts.path))
        if not candidates:
            return None, f"no link under {prefix} in <main> of {url}"
        deepest = [path for depth, path in candidates if depth == spec.link_depth]
        if deepest:
            return BASE_URL + deepest[0], ""
        url = BASE_URL + candidates[0][1]  # one level down, e.g. the first discussion space
        status, html, _ = fetch(url, cookie)
        if status != 200:
            return None, f"{url} answered {status}"
    return None, f"no link {spec.link_depth} levels below {prefix}"


def log_in():
    """Log the demo submitter in through the real allauth form; returns the Cookie header."""
    import http.cookiejar

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login_url = f"{BASE_URL}/en/accounts/login/"
    html = opener.open(login_url, timeout=30).read().decode("utf-8")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({
        "csrfmiddlewaretoken": token, "login": SUBMITTER_EMAIL, "password": SUBMITTER_PASSWORD,
    }).encode()
    request = urllib.request.Request(login_url, data=data, headers={"Referer": login_url})
    opener.open(request, timeout=30)
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        sys.exit("Could not log the demo submitter in.")
    return "; ".join(f"{name}={value}" for name, value in cookies.items()), cookies


# ---------------------------------------------------------------- the judges

def run_axe(browser, result, cookies):
    """axe-core in Chromium, WCAG 2.1 A/AA rules.

    axe is the judge's own script, added to the page as an inline <script>: the site's
    Content-Security-Policy would refuse it, so this context bypasses the policy (the browser
    tests check that the site's pages load without a violation)."""
    context = browser.new_context(bypass_csp=True)
    if cookies:
        context.add_cookies([
            {"name": name, "value": value, "url": BASE_URL} for name, value in cookies.items()
        ])
    page = context.new_page()
    page.goto(result.url, wait_until="load")
    page.add_script_tag(path=str(AXE_JS))
    report = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    context.close()
    result.axe = [
        {
            "id": v["id"], "impact": v["impact"], "help": v["help"],
            "targets": [", ".join(map(str, n["target"])) for n in v["nodes"]][:10],
        }
        for v in report["violations"]
    ]


def run_vnu(results, workdir, cookie_for):
    """The Nu HTML Checker on the HTML as served, all pages in one Java run."""
    files = {}
    for index, result in enumerate(results):
        path = (workdir / "html" / f"{index:02d}-{result.key}-{result.lang}.html").resolve()
        path.parent.mkdir(exist_ok=True)
        _, html, _ = fetch(result.url, cookie_for(result))
        path.write_text(html, encoding="utf-8")
        files[path] = result
    # A canary with a known error proves that the checker runs and its messages are matched.
    canary = (workdir / "html" / "canary.html").resolve()
    canary.write_text('<!DOCTYPE html><html lang="en"><title>c</title><p><div></p>')
    files[canary] = canary_result = Result("canary", "canary", "en")
    completed = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always",
         *map(str, files)],
        capture_output=True, text=True, check=True,
    )
    for message in json.loads(completed.stderr or completed.stdout)["messages"]:
        # vnu names files "file:/tmp/…" (one slash): compare paths, not URIs.
        path = Path("/" + message.get("url", "").removeprefix("file:").lstrip("/"))
        result = files.get(path)
        if result is None:
            sys.exit(f"Nu checker message for an unknown file: {message}")
        if message["type"] == "error" or message.get("subType") == "fatal":
            result.vnu.append({
                "message": message["message"],
                "line": message.get("lastLine"),
                "extract": message.get("extract", "").strip()[:160],
            })
    if not canary_result.vnu:
        sys.exit("The Nu checker found no error in a known-invalid file: its output changed?")


def seo_without_crawlable(lhr):
    """Lighthouse's SEO score recomputed without "is-crawlable" (for noindex-by-design pages)."""
    total = weighted = 0.0
    for ref in lhr["categories"]["seo"]["auditRefs"]:
        score = lhr["audits"][ref["id"]]["score"]
        if ref["id"] == "is-crawlable" or not ref["weight"] or score is None:
            continue
        total += ref["weight"]
        weighted += ref["weight"] * score
    return round(100 * weighted / total) if total else 0


def run_lighthouse(result, workdir, cookie):
    output = workdir / "lighthouse" / f"{result.key}-{result.lang}.json"
    output.parent.mkdir(exist_ok=True)
    command = [
        "node", str(LIGHTHOUSE), result.url, "--quiet", "--output=json",
        f"--output-path={output}",
        "--only-categories=performance,accessibility,best-practices,seo",
        f"--chrome-flags={CHROME_FLAGS}", "--max-wait-for-load=30000",
    ]
    if LIGHTHOUSE_PRESET == "desktop":
        command.append("--preset=desktop")
    if cookie:
        command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    # Lighthouse's trace recording in headless Chromium fails now and then on a page that loads
    # fine (NO_NAVSTART, "Please run Lighthouse again"): seen on about one run in ten, on any
    # page. Such a run says nothing about the page, so it is run again, a few times at most;
    # each retry is logged and counted in the report.
    for attempt in range(1, LIGHTHOUSE_ATTEMPTS + 1):
        if attempt > 1:
            result.lighthouse_retries += 1
            time.sleep(3)
        try:
            completed = subprocess.run(command, env=env, timeout=240, capture_output=True,
                                       text=True)
        except subprocess.TimeoutExpired:
            completed = None
        if completed is not None and completed.returncode == 0:
            break
        error = completed.stderr.strip()[-500:] if completed else "timed out after 240s"
        log(f"Lighthouse {result.key} ({result.lang}) attempt {attempt} failed: {error}")
    else:
        result.failures.append(f"Lighthouse failed: {error}")
        return
    lhr = json.loads(output.read_text())
    scores = {
        name: round(100 * (category["score"] or 0)) for name, category in lhr["categories"].items()
    }
    failed_audits = {
        name: [
            ref["id"] for ref in category["auditRefs"]
            if ref["weight"] and (lhr["audits"][ref["id"]]["score"] or 0) < 0.9
            and lhr["audits"][ref["id"]]["scoreDisplayMode"] in ("binary", "numeric")
        ]
        for name, category in lhr["categories"].items()
    }
    if result.noindex:
        scores["seo-raw"] = scores["seo"]
        scores["seo"] = seo_without_crawlable(lhr)
        noindex = lhr["audits"]["is-crawlable"]["score"] == 0
        result.lighthouse_seo_note = (
            "noindex by design: SEO judged without is-crawlable"
            if noindex else "expected noindex, but Lighthouse finds the page indexable"
        )
        if not noindex:
            result.failures.append("page should be noindex")
    result.lighthouse = {"scores": scores, "below_90": failed_audits}
    result.bytes = int(lhr["audits"]["total-byte-weight"]["numericValue"])
    result.requests = len(lhr["audits"]["network-requests"]["details"]["items"])


class _AssetParser(HTMLParser):
    """Stylesheets, scripts and icons referenced by a page."""

    def __init__(self):
        super().__init__()
        self.assets = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon"):
            self.assets.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])


def check_static_caching(home_url):
    """Static files: hashed names, cached for a year, immutable, served compressed."""
    _, html, _ = fetch(home_url)
    parser = _AssetParser()
    parser.feed(html)
    problems, checked = [], []
    for href in parser.assets:
        url = urljoin(home_url, href)
        if not urlsplit(url).path.startswith("/static/"):
            continue
        request = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
        with urllib.request.urlopen(request, timeout=30) as response:
            cache = response.headers.get("Cache-Control", "")
            encoding = response.headers.get("Content-Encoding", "")
            kind = response.headers.get("Content-Type", "")
        checked.append({"url": urlsplit(url).path, "cache_control": cache,
                        "content_encoding": encoding})
        if not re.search(r"\.[0-9a-f]{12}\.", url):
            problems.append(f"{href}: file name without a content hash")
        if "immutable" not in cache or int(re.search(r"max-age=(\d+)", cache or "max-age=0")
                                             .group(1)) < 365 * 86400:
            problems.append(f"{href}: Cache-Control {cache!r}, expected a year and immutable")
        if kind.startswith(("text/", "image/svg")) and encoding not in ("br", "gzip"):
            problems.append(f"{href}: served uncompressed")
    if not checked:
        problems.append("no static file found on the home page")
    return {"files": checked, "problems": problems}


# ---------------------------------------------------------------- judging and reporting

def judge(result):
    if not result.available:
        if not ALLOW_MISSING:
            result.failures.append(f"page missing: {result.note}")
        return
    if result.axe_blocking:
        result.failures.append(
            "axe: " + ", ".join(f"{v['id']} ({v['impact']})" for v in result.axe_blocking)
        )
    if result.vnu:
        result.failures.append(f"Nu checker: {len(result.vnu)} error(s)")
    scores = result.lighthouse.get("scores")
    if result.status != 200:
        pass  # not judged by Lighthouse (see PageSpec.status)
    elif not scores:
        result.failures.append("Lighthouse did not run")
    else:
        for category, minimum in LIGHTHOUSE_MINIMUM.items():
            if scores.get(category, 0) < minimum:
                result.failures.append(f"Lighthouse {category} {scores.get(category)} < {minimum}")
    if result.key == "home" and result.bytes > HOME_MAX_BYTES:
        result.failures.append(f"home page weight {result.bytes // 1024} KB > 500 KB")


def markdown(results, timings, static):
    lines = [
        "| Page | Lang | axe serious/critical | Nu errors | LH perf | LH a11y | LH bp | LH seo "
        "| KB | Requests | Result |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        if not r.available:
            lines.append(f"| {r.label} | {r.lang} | not available | | | | | | | | "
                         f"{'skipped' if ALLOW_MISSING else 'FAIL'} |")
            continue
        if r.status != 200:  # axe and the Nu checker only (see PageSpec.status)
            lines.append(
                f"| [{r.label}]({r.url.removeprefix(BASE_URL)}) | {r.lang} | {len(r.axe_blocking)} "
                f"| {len(r.vnu)} | n/a | n/a | n/a | n/a | n/a | n/a "
                f"| {'pass' if not r.failures else 'FAIL'} |"
            )
            continue
        s = r.lighthouse.get("scores", {})
        seo = f"{s.get('seo', '–')}" + ("*" if r.noindex else "")
        lines.append(
            f"| [{r.label}]({r.url.removeprefix(BASE_URL)}) "
            f"| {r.lang} | {len(r.axe_blocking)} | {len(r.vnu)} "
            f"| {s.get('performance', '–')} | {s.get('accessibility', '–')} "
            f"| {s.get('best-practices', '–')} | {seo} | {r.bytes / 1024:.0f} | {r.requests} "
            f"| {'pass' if not r.failures else 'FAIL'} |"
        )
    lines += [
        "",
        f"Lighthouse {LIGHTHOUSE_PRESET} preset. Thresholds: axe no serious/critical "
        "violations (WCAG 2.1 A/AA); Nu checker no errors; Lighthouse performance ≥ 90, "
        "accessibility/best practices/SEO ≥ 95; home page ≤ 500 KB. "
        "\\* noindex by design: SEO judged without the is-crawlable audit. "
        "n/a: answers 404 on purpose, judged by axe and the Nu checker only.",
        "",
        f"Static files: {len(static['files'])} checked on the home page (hashed names, "
        "Cache-Control a year + immutable, brotli/gzip): "
        + ("ok" if not static["problems"] else "; ".join(static["problems"])),
        "",
        "Timings: " + ", ".join(f"{name} {seconds:.0f}s" for name, seconds in timings.items()),
    ]
    retried = [f"{r.label} ({r.lang}) ×{r.lighthouse_retries}" for r in results
               if r.lighthouse_retries]
    if retried:
        lines += ["", "Lighthouse runs repeated after a failed trace: " + ", ".join(retried)]
    failures = [f"- {r.label} ({r.lang}): {f}" for r in results for f in r.failures]
    failures += [f"- static files: {problem}" for problem in static["problems"]]
    if failures:
        lines += ["", "Failures:", *failures]
    return "\n".join(lines) + "\n"


def check_tools():
    missing = [p for p in (AXE_JS, VNU_JAR, LIGHTHOUSE, GUNICORN) if not p.exists()]
    if missing:
        sys.exit("Missing: " + ", ".join(map(str, missing)) + " (run: make audit)")
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium is missing at {CHROMIUM}: apt-get install -y chromium")
    if shutil.which("java") is None:
        sys.exit("Java is missing: apt-get install -y default-jre-headless")


def main():
    from playwright.sync_api import sync_playwright

    check_tools()
    started = time.monotonic()
    timings = {}
    workdir = Path(tempfile.mkdtemp(prefix="hub-audit-"))
    env = site_environment(workdir)
    server = None
    try:  # the temporary site and its server go away whatever happens
        log(f"building the demo site in {workdir}")
        build_site(workdir, env)
        timings["build"] = time.monotonic() - started
        server = start_server(env, workdir)
        static = check_static_caching(f"{BASE_URL}/{LANGUAGES[0]}/")
        cookie, cookies = log_in()
        results = []
        for spec in PAGES:
            for lang in LANGUAGES:
                result = Result(spec.key, spec.label, lang)
                result.noindex, result.status = spec.noindex, spec.status
                url, reason = resolve(spec, lang, cookie if spec.login else "")
                if url is None:
                    result.available, result.note = False, reason
                    log(f"{spec.label} ({lang}): not available — {reason}")
                else:
                    result.url = url
                results.append(result)
        available = [r for r in results if r.available]
        spec_of = {spec.key: spec for spec in PAGES}

        def cookie_for(result):
            return cookie if spec_of[result.key].login else ""

        t = time.monotonic()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            for result in available:
                run_axe(browser, result, cookies if spec_of[result.key].login else None)
            browser.close()
        timings["axe"] = time.monotonic() - t
        log(f"axe: {timings['axe']:.0f}s for {len(available)} pages")

        t = time.monotonic()
        run_vnu(available, workdir, cookie_for)
        timings["Nu checker"] = time.monotonic() - t
        log(f"Nu checker: {timings['Nu checker']:.0f}s")

        t = time.monotonic()
        if os.environ.get("AUDIT_SKIP_LIGHTHOUSE") != "1":
            for result in [r for r in available if r.status == 200]:  # one at a time
                page_started = time.monotonic()
                run_lighthouse(result, workdir, cookie_for(result))
                log(f"Lighthouse {result.key} ({result.lang}): "
                    f"{result.lighthouse.get('scores')} in {time.monotonic() - page_started:.0f}s")
        timings["Lighthouse"] = time.monotonic() - t
    finally:
        if server is not None:
            stop_server(server)
        if os.environ.get("AUDIT_KEEP") == "1":
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    for result in results:
        judge(result)
    timings["total"] = time.monotonic() - started
    REPORTS.mkdir(exist_ok=True)
    report = {
        "base_url": BASE_URL,
        "lighthouse_preset": LIGHTHOUSE_PRESET,
        "allow_missing": ALLOW_MISSING,
        "static_files": static,
        "timings_seconds": {k: round(v, 1) for k, v in timings.items()},
        "pages": [
            {key: value for key, value in vars(r).items()} for r in results
        ],
    }
    (REPORTS / "audit.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    table = markdown(results, timings, static)
    (REPORTS / "audit.md").write_text(table)
    print(table)
    failed = [r for r in results if r.failures]
    if static["problems"]:
        log("FAILED: static files are not served hashed, compressed and cached")
        return 1
    if failed:
        log(f"FAILED: {len(failed)} page(s) below the thresholds (reports/audit.md)")
        return 1
    log(f"passed in {timings['total']:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
