#!/usr/bin/env bash
# A local PostgreSQL for development, CI and the one-machine stack (`make postgres-start`):
# installs it from Debian when missing, lets connections from this machine in without a password
# (127.0.0.1 only: never on a server others reach), starts the cluster and waits for it.
# A cluster installed earlier may ask for a password (Debian's default): the rule is set on every
# run, and a running cluster reloads it.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /etc/postgresql/*/main >/dev/null 2>&1; then
  echo "installing PostgreSQL"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /etc/postgresql | head -n1)
hba="/etc/postgresql/$version/main/pg_hba.conf"
local_rule='^(host\s+all\s+all\s+127\.0\.0\.1/32\s+)\S+'
if ! as_root grep -Eq "${local_rule%\\S+}trust" "$hba"; then
  as_root sed -i -E "s#${local_rule}#\\1trust#" "$hba"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload 2>/dev/null || true
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
fi
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done
echo "PostgreSQL did not start"; exit 1
