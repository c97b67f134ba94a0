#!/usr/bin/env bash
# Demo users of the application realm, one per role, written into the server configuration
# directory given as the argument (the demo's and the integration tests' servers only; the build
# never writes them into a server otherwise). add-user.sh replaces an existing user's password and
# roles, so this script is safe to re-run. Never use these users beyond a demo or a test.
set -euo pipefail
config_dir=${1:?usage: add-demo-users.sh <server configuration directory>}
add() { "$JBOSS_HOME/bin/add-user.sh" -a -s -sc "$config_dir" -u "$1" -p "$2" -g "$3"; }
add admin      'admin-pass1!'    hub-admin,hub-operator,hub-viewer
add operator   'operator-pass1!' hub-operator,hub-viewer
add viewer     'viewer-pass1!'   hub-viewer
add app        'app-pass1!'      hub-app
# a monitoring system's account: may scrape GET /hub/api/metrics, nothing else
add metrics    'metrics-pass1!'  hub-metrics
# the membership system's account on the broker: may send to hub.in.membership, nothing else
add membership 'membership-pass1!' membership-sender
