#!/usr/bin/env bash
# Demo users of the application realm, one per role. add-user.sh replaces an existing
# user's password and roles, so this script is safe to re-run. Change these for production.
set -euo pipefail
add() { "$JBOSS_HOME/bin/add-user.sh" -a -s -u "$1" -p "$2" -g "$3"; }
add admin      'admin-pass1!'    hub-admin,hub-operator,hub-viewer
add operator   'operator-pass1!' hub-operator,hub-viewer
add viewer     'viewer-pass1!'   hub-viewer
add app        'app-pass1!'      hub-app
# the membership system's account on the broker: `guest` may send to the hub's queues
add membership 'membership-pass1!' guest
