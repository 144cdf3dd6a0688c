"""gunicorn for the hub: `gunicorn -c deploy/gunicorn.conf.py config.wsgi:application`.

Workers are processes (the hub's code is synchronous); two per core is the usual start. A worker
that dies is replaced by the master at once (drill 1 of `make drills`); one that hangs is
killed after `timeout`. `max_requests` recycles workers to bound slow leaks. The app is loaded
once in the master (`preload_app`, which fails loudly on a broken deploy too): a recycled or
replaced worker is a fork, ready in milliseconds; loading the app in each new worker took 1–2 s,
during which its queued requests waited (p99 of 1.5 s and timeouts under `make loadtest`, where
1,300 req/s recycled a worker every few seconds).
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = 1
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
max_requests = 20000
max_requests_jitter = 2000
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "warning").lower()
forwarded_allow_ips = "127.0.0.1,::1"
