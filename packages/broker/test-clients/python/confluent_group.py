"""Compatibility client: confluent-kafka-python (librdkafka) consumer groups.

Two consumers in one group share a six-partition topic, each commits what it processed (offsets 0-4 of
every partition), both are closed, and a new consumer in the same group must resume exactly at offset 5.
Prints one JSON report on stdout. Usage: confluent_group.py <bootstrap> <topic> <group> (SASL/TLS settings: see security.py)
"""
import json
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

import security

bootstrap, topic, group = sys.argv[1], sys.argv[2], sys.argv[3]
PARTITIONS, PER_PARTITION, FIRST_HALF = 6, 10, 5
report = {}

admin = AdminClient({"bootstrap.servers": bootstrap, **security.confluent()})
for f in admin.create_topics([NewTopic(topic, num_partitions=PARTITIONS, replication_factor=1)]).values():
    f.result()


def consumer(name):
    assigned = []
    c = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": group,
        "client.id": name,
        "enable.auto.commit": False,
        "auto.offset.reset": "earliest",
        "session.timeout.ms": 10000,
        **security.confluent(),
    })
    c.subscribe([topic], on_assign=lambda _c, parts: assigned.__setitem__(slice(None), [p.partition for p in parts]))
    return c, assigned


def poll_until(consumers, done, handle, timeout=60):
    deadline = time.time() + timeout
    while not done():
        if time.time() > deadline:
            raise SystemExit("timed out: " + json.dumps(report))
        for c in consumers:
            m = c.poll(0.1)
            if m is not None and not m.error():
                handle(c, m)


c1, a1 = consumer("c1")
c2, a2 = consumer("c2")
poll_until([c1, c2], lambda: len(a1) + len(a2) == PARTITIONS and a1 and a2, lambda c, m: None)
report["assignments"] = sorted([sorted(a1), sorted(a2)])

producer = Producer({"bootstrap.servers": bootstrap, "acks": "all", **security.confluent()})
for p in range(PARTITIONS):
    for i in range(PER_PARTITION):
        producer.produce(topic, key=f"{p}-{i}".encode(), value=f"v{p}-{i}".encode(), partition=p)
producer.flush(30)

processed = {}


def process_first_half(c, m):
    if m.offset() < FIRST_HALF:
        processed[(m.partition(), m.offset())] = c is c1
        c.commit(message=m, asynchronous=False)


poll_until([c1, c2], lambda: len(processed) == PARTITIONS * FIRST_HALF, process_first_half)
report["processedBy"] = {"c1": sum(1 for v in processed.values() if v), "c2": sum(1 for v in processed.values() if not v)}
c1.close()
c2.close()

c3, a3 = consumer("c3")
resumed = []
poll_until([c3], lambda: len(resumed) == PARTITIONS * (PER_PARTITION - FIRST_HALF), lambda c, m: resumed.append([m.partition(), m.offset(), m.value().decode()]))
report["committed"] = sorted([tp.partition, tp.offset] for tp in c3.committed([TopicPartition(topic, p) for p in range(PARTITIONS)], timeout=10))
report["resumed"] = sorted(resumed)
c3.close()
print(json.dumps(report))
