#!/usr/bin/env bash
# Tryton 6.0 from Debian's packages, for the sidecar's Tryton adapter, its tests and benchmarks.
#
#   tryton.sh install           install the Debian packages (as root; apt-get update first if needed)
#   tryton.sh create DIR        create a SQLite database in DIR and seed it with demo data (as of today)
#   tryton.sh start DIR PORT    start trytond on 127.0.0.1:PORT in the background; wait until it answers
#   tryton.sh stop DIR          stop it
#   tryton.sh up DIR PORT       all of the above; DIR is recreated (seed data depends on today's date)
#
# DIR then holds trytond.conf, the database, admin-password (user "admin"), trytond.log and trytond.pid.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DB=erpinsight
MODULES="party company currency country product product_price_list product_price_list_dates sale sale_price_list
sale_credit_limit purchase account account_invoice account_product account_credit_limit account_dunning project
project_revenue project_invoice timesheet timesheet_cost"
PACKAGES="tryton-server tryton-proteus tryton-modules-party tryton-modules-company tryton-modules-currency
tryton-modules-country tryton-modules-product tryton-modules-product-price-list tryton-modules-product-price-list-dates
tryton-modules-sale tryton-modules-sale-price-list tryton-modules-sale-credit-limit tryton-modules-purchase
tryton-modules-account tryton-modules-account-invoice tryton-modules-account-product tryton-modules-account-credit-limit
tryton-modules-account-dunning tryton-modules-project tryton-modules-project-revenue tryton-modules-project-invoice
tryton-modules-timesheet tryton-modules-timesheet-cost"

# First line of a command's output, without "| head" (under pipefail a producer killed by
# SIGPIPE fails the script at random).
first_line() { local out; out=$("$@" 2>&1) || true; printf '%s\n' "${out%%$'\n'*}"; }

install() {
  if command -v trytond >/dev/null && /usr/bin/python3 -c 'import proteus' 2>/dev/null; then
    echo "Tryton is installed: $(first_line trytond --version)"
    return
  fi
  apt-get update -qq
  # the packages try to start a system service, which policy refuses here: harmless, we start trytond ourselves
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES > /dev/null
  echo "Installed Tryton $(first_line trytond --version)"
}

create() {
  local dir=$1
  rm -rf "$dir" && mkdir -p "$dir/db"
  dir=$(cd "$dir" && pwd)  # trytond.conf needs an absolute path
  head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$dir/admin-password"
  chmod 600 "$dir/admin-password"
  cat > "$dir/trytond.conf" <<CONF
[database]
uri = sqlite://
path = $dir/db
[web]
listen = 127.0.0.1:${2:-8000}
[session]
timeout = 3600
CONF
  touch "$dir/db/$DB.sqlite"
  local start=$SECONDS
  TRYTONPASSFILE="$dir/admin-password" TRYTOND_CONFIG="$dir/trytond.conf" \
    trytond-admin -d "$DB" --email admin@erpinsight.example --activate-dependencies -u $MODULES > "$dir/create.log" 2>&1 \
    || { tail -20 "$dir/create.log"; exit 1; }
  echo "Created database $DB in $((SECONDS - start)) s"
  start=$SECONDS
  TRYTOND_CONFIG="$dir/trytond.conf" /usr/bin/python3 "$HERE/seed.py" "$DB" "$dir/trytond.conf" > "$dir/seed.log" 2>&1 \
    || { tail -30 "$dir/seed.log"; exit 1; }
  echo "Seeded demo data in $((SECONDS - start)) s: $(tail -1 "$dir/seed.log")"
}

answers() {
  curl -fs -o /dev/null -H 'Content-Type: application/json' \
    -d '{"id":1,"method":"common.server.version","params":[]}' "http://127.0.0.1:$1/"
}

start() {
  local dir=$1 port=$2
  if answers "$port"; then
    echo "Something already answers on port $port: stop it or choose another port" >&2
    exit 1
  fi
  sed -i "s/^listen = .*/listen = 127.0.0.1:$port/" "$dir/trytond.conf"
  trytond -c "$dir/trytond.conf" -d "$DB" > "$dir/trytond.log" 2>&1 &
  echo $! > "$dir/trytond.pid"
  for _ in $(seq 1 120); do
    if answers "$port"; then
      echo "Tryton answers on http://127.0.0.1:$port/ (database $DB, user admin, password in $dir/admin-password)"
      return
    fi
    sleep 0.5
  done
  echo "Tryton did not start:"; tail -20 "$dir/trytond.log"; exit 1
}

stop() {
  local dir=$1
  if [ -f "$dir/trytond.pid" ]; then
    kill "$(cat "$dir/trytond.pid")" 2>/dev/null || true
    rm -f "$dir/trytond.pid"
  fi
}

case "${1:-}" in
  install) install ;;
  create) create "$2" "${3:-8000}" ;;
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  up) install; stop "$2"; create "$2" "$3"; start "$2" "$3" ;;
  *) sed -n '2,10p' "$0"; exit 2 ;;
esac
