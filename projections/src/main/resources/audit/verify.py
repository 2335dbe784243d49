#!/usr/bin/env python3
"""Checks a petition-service audit export with Python's standard library only (docs/AUDIT.md)."""
import hashlib, json, os, sys

here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
read = lambda name, mode="r": open(os.path.join(here, name), mode).read()
lines = [line for line in read("events.jsonl", "rb").split(b"\n") if line]
hashes = [row.split() for row in read("hashes.txt").splitlines() if row.strip()]
if len(lines) != len(hashes):
    sys.exit("BROKEN: events.jsonl has %d lines, hashes.txt %d" % (len(lines), len(hashes)))
last = {}
for n, (line, (digest, index)) in enumerate(zip(lines, hashes), 1):
    if hashlib.sha256(line).hexdigest() != digest:
        sys.exit("BROKEN: line %d does not hash to %s (the event was altered)" % (n, digest))
    event = json.loads(line)
    previous, sequence = last.get(event["aggregateId"], ("0" * 64, -1))
    if event["sequence"] != sequence + 1 or event["previousHash"] != previous:
        sys.exit("BROKEN: line %d (%s #%d) does not follow the previous event of its chain"
                 % (n, event["aggregateId"], event["sequence"]))
    last[event["aggregateId"]] = (digest, event["sequence"])

def tree(leaves):
    if len(leaves) == 1:
        return hashlib.sha256(b"\x00" + bytes.fromhex(leaves[0])).digest()
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + tree(leaves[:k]) + tree(leaves[k:])).digest()

leaves = read("seal-leaves.txt").split()
for seal in json.loads(read("seals.json")):
    if seal["eventCount"] <= len(leaves) and tree(leaves[:seal["eventCount"]]).hex() != seal["merkleRoot"]:
        sys.exit("BROKEN: seal %d does not match the event hashes" % seal["id"])
sealed = set(leaves)
top = max([s["upToGlobalIndex"] for s in json.loads(read("seals.json"))] or [-1])
for n, (digest, index) in enumerate(hashes, 1):
    if int(index) <= top and digest not in sealed:
        sys.exit("BROKEN: line %d is not among the sealed events" % n)
print("OK: %d events in %d chains, %d seals" % (len(lines), len(last), len(json.loads(read("seals.json")))))
