"""Compatibility client: confluent-kafka-python static membership (group.instance.id, KIP-345).

Two static members share a four-partition topic. One is closed (a static member does not leave the group)
and restarted with the same group.instance.id: it must get its old partitions back while the other member
sees no rebalance at all. Prints one JSON report on stdout. Usage: confluent_static.py <bootstrap> <topic> <group>
"""
import json
import sys
import time

from confluent_kafka import Consumer
from confluent_kafka.admin import AdminClient, NewTopic

bootstrap, topic, group = sys.argv[1], sys.argv[2], sys.argv[3]
report = {}

admin = AdminClient({"bootstrap.servers": bootstrap})
for f in admin.create_topics([NewTopic(topic, num_partitions=4, replication_factor=1)]).values():
    f.result()

events = {"i1": [], "i2": []}


def member(instance):
    c = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": group,
        "group.instance.id": instance,
        "client.id": instance,
        "session.timeout.ms": 30000,
        "auto.offset.reset": "earliest",
    })
    c.subscribe([topic],
                on_assign=lambda _c, parts: events[instance].append(["assign", sorted(p.partition for p in parts)]),
                on_revoke=lambda _c, parts: events[instance].append(["revoke", sorted(p.partition for p in parts)]))
    return c


def poll(consumers, seconds):
    end = time.time() + seconds
    while time.time() < end:
        for c in consumers:
            c.poll(0.05)


def poll_until(consumers, done, timeout=60):
    end = time.time() + timeout
    while not done():
        if time.time() > end:
            raise SystemExit("timed out: " + json.dumps(events))
        for c in consumers:
            c.poll(0.05)


def current(instance):
    assigned = [e for e in events[instance] if e[0] == "assign"]
    return assigned[-1][1] if assigned else None


c1, c2 = member("i1"), member("i2")
poll_until([c1, c2], lambda: current("i1") and current("i2") and len(current("i1")) + len(current("i2")) == 4)
poll([c1, c2], 2)
report["before"] = {"i1": current("i1"), "i2": current("i2")}
i2_events_before = len(events["i2"])
c1.close()
events["i1"] = []
c1b = member("i1")
poll_until([c1b, c2], lambda: current("i1") is not None)
poll([c1b, c2], 2)
report["after"] = {"i1": current("i1"), "i2": current("i2")}
report["i2EventsDuringRestart"] = events["i2"][i2_events_before:]
c1b.close()
c2.close()
print(json.dumps(report))
