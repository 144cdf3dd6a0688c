# GCM Knowledge Hub — `make run` serves the site, `make test` runs the tests. Both set up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: stack stack-stop loadtest drills test-redis redis-start redis-stop postgres-start engine engine-cluster engine-stop test-engine test-cluster bench bench-engine help install translations migrate demo run test test-browser lint messages clean audit

help:
	@echo "make run           set everything up and serve http://$(HOST):$(PORT)/"
	@echo "make test          set up and run the test suite (SQLite unless DATABASE_URL is set)"
	@echo "make test-browser  browser tests in Debian's Chromium (apt-get install -y chromium)"
	@echo "make lint          ruff, makemigrations --check"
	@echo "make messages      refresh the Arabic .po catalogues (needs GNU gettext)"
	@echo "make engine        start an OpenSearch node on 127.0.0.1:9200 (needs java 17, maven)"
	@echo "make engine-cluster  a two-node OpenSearch cluster on 127.0.0.1:9201,9202"
	@echo "make engine-stop   stop the node(s)"
	@echo "make test-engine   the search tests on a fresh OpenSearch node"
	@echo "make test-cluster  a node of a two-node cluster stopped during searches and publishes"
	@echo "make bench-engine  listing and search, embedded vs OpenSearch, at 10,000 and 100,000 practices"
	@echo "make stack         the production stack on loopback: Varnish, gunicorn, PostgreSQL, Redis, worker"
	@echo "make stack-stop    stop it; make loadtest / make drills run against it"
	@echo "make postgres-start  a local PostgreSQL (installed when missing; 127.0.0.1, no password)"
	@echo "make test-redis    the tests that need Redis, on a throw-away redis-server (port REDIS_PORT)"
	@echo "make audit         axe-core, Nu HTML Checker, Lighthouse, page weight (needs node, java, chromium)"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

translations: install
	$(MANAGE) compile_translations

migrate: translations
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo_content

# Links in e-mails and feeds point at the address served (HUB_BASE_URL, unless set already).
run: demo
	HUB_BASE_URL=$${HUB_BASE_URL:-http://$(HOST):$(PORT)} $(MANAGE) runserver $(HOST):$(PORT)

# The suite in TEST_WORKERS processes (pytest-xdist; a module's tests stay in one process, each
# process has its own test database, media root and Redis database; TEST_WORKERS=0: one), then
# the transactional tests in one process: they empty the database, which the others rely on.
# pytest's exit status 5 is "no test selected" (PYTEST_ARGS naming only one kind). "auto" is one
# process per core, at most 8 (each takes one of Redis's 16 databases, counting down from 15).
TEST_WORKERS ?= auto
test: translations
	$(BIN)/python -m pytest -m "not browser and not transactional" -n $(TEST_WORKERS) \
	  --maxprocesses 8 --dist loadfile $(PYTEST_ARGS) || [ $$? = 5 ]
	$(BIN)/python -m pytest -m "not browser and transactional" $(PYTEST_ARGS) || [ $$? = 5 ]

test-browser: translations
	@test -x /usr/bin/chromium || { echo "Chromium is missing: apt-get install -y chromium"; exit 1; }
	$(BIN)/python -m pytest -m browser $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(MANAGE) makemigrations --check --dry-run

messages: install
	@command -v xgettext >/dev/null || { echo "GNU gettext is missing: apt-get install -y gettext"; exit 1; }
	for locale in */locale; do \
	  (cd $${locale%/locale} && ../$(MANAGE) makemessages -l ar --no-obsolete); \
	done

clean:
	rm -rf $(VENV) db.sqlite3 var staticfiles

# Outside judges (axe-core, Nu HTML Checker, Lighthouse) on a fresh demo site served with
# production settings; writes reports/audit.{json,md}. See "Audit" in the README.
audit/node_modules/.installed: audit/package.json audit/package-lock.json
	@command -v npm >/dev/null || { echo "Node.js/npm is missing: apt-get install -y nodejs npm"; exit 1; }
	@command -v java >/dev/null || { echo "Java is missing: apt-get install -y default-jre-headless"; exit 1; }
	cd audit && npm ci --no-audit --no-fund --loglevel=error
	touch $@

audit: translations audit/node_modules/.installed
	@test -x /usr/bin/chromium || { echo "Chromium is missing: apt-get install -y chromium"; exit 1; }
	$(BIN)/python audit/run_audit.py

# The search engine: OpenSearch from Maven Central's jars (engine/), data under var/.
engine:
	engine/engine.sh start

engine-cluster:
	engine/engine.sh cluster

engine-stop:
	engine/engine.sh stop

# The search suite on a fresh OpenSearch node (started and stopped here; port 9200), and the
# listing tests, which then run on the engine listing (PRACTICE_LISTING defaults to it).
ENGINE_TESTS ?= tests/search tests/practices/test_listing.py
test-engine: translations
	engine/engine.sh start
	OPENSEARCH_URL=http://127.0.0.1:9200 $(BIN)/python -m pytest -m "not browser" $(ENGINE_TESTS) $(PYTEST_ARGS); \
	  status=$$?; engine/engine.sh stop; exit $$status

# A node of the two-node cluster stopped during searches and publishes (ports 9201, 9202).
test-cluster: translations
	engine/engine.sh cluster
	OPENSEARCH_URL=http://127.0.0.1:9201,http://127.0.0.1:9202 OPENSEARCH_CLUSTER=1 \
	  $(BIN)/python -m pytest tests/search/test_engine_cluster.py $(PYTEST_ARGS); \
	  status=$$?; engine/engine.sh stop hub-a hub-b; exit $$status

PRACTICES ?= 10000
PLEDGES ?= 10000
bench: translations
	$(BIN)/python bench/run.py --practices $(PRACTICES) --pledges $(PLEDGES)

# Embedded vs engine (listing with filters and a keyword, site search) at each size; the node
# on port 9200 is started and stopped here, corpora and the engine's data kept under var/.
BENCH_SIZES ?= 10000,100000
bench-engine: translations
	engine/engine.sh start
	$(BIN)/python bench/engine.py --sizes $(BENCH_SIZES); \
	  status=$$?; engine/engine.sh stop; exit $$status

# A local PostgreSQL (installed from Debian when missing; 127.0.0.1 without a password):
# DATABASE_URL=postgres://postgres@127.0.0.1:5432/hub make test
postgres-start:
	deploy/local-postgresql.sh

# A throw-away Redis for the tests marked `redis` (deploy/redis.conf, another port, no disk).
REDIS_PORT ?= 6390
REDIS_PID := var/redis-$(REDIS_PORT).pid
redis-start:
	@command -v redis-server >/dev/null || { echo "Redis is missing: apt-get install -y redis-server"; exit 1; }
	@mkdir -p var
	redis-server deploy/redis.conf --port $(REDIS_PORT) --daemonize yes --pidfile $(CURDIR)/$(REDIS_PID) \
	  --dir $(CURDIR)/var --logfile $(CURDIR)/var/redis-$(REDIS_PORT).log
	@for i in $$(seq 1 50); do redis-cli -p $(REDIS_PORT) ping >/dev/null 2>&1 && exit 0; sleep 0.1; done; \
	  echo "Redis did not start: see var/redis-$(REDIS_PORT).log"; exit 1

redis-stop:
	@if [ -f $(REDIS_PID) ]; then kill $$(cat $(REDIS_PID)) && rm -f $(REDIS_PID); fi

test-redis: translations redis-start
	HUB_TEST_REDIS_URL=redis://127.0.0.1:$(REDIS_PORT)/15 $(BIN)/python -m pytest -m redis \
	  $(PYTEST_ARGS); status=$$?; $(MAKE) --no-print-directory redis-stop; exit $$status

# The production stack on one machine (deploy/stack.sh; ports STACK_PORT, STACK_APP_PORT,
# STACK_REDIS_PORT; DATABASE_URL), a load test and fault drills against it.
stack: translations
	deploy/stack.sh start

stack-stop:
	deploy/stack.sh stop

# The load test runs at 10,000 practices: the stack's demo content is grown to that once.
loadtest: export STACK_PRACTICES ?= 10000
loadtest: stack
	$(BIN)/python deploy/loadtest.py $(LOADTEST_ARGS)

drills: stack
	$(BIN)/python deploy/drills.py
