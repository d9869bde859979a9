"""Compatibility client: confluent-kafka-python (librdkafka) as Debian ships it.

Creates a topic with partitions through the admin API, lists topics, produces with an idempotent
acks=all producer, then reads back with assign + seek. Prints one JSON report on stdout.
Usage: confluent_basic.py <bootstrap> <topic> <partitions> <count> (SASL/TLS settings: see security.py)
"""
import json
import sys

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

import security

bootstrap, topic, partitions, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
report = {}

admin = AdminClient({"bootstrap.servers": bootstrap, **security.confluent()})
for future in admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1)]).values():
    future.result(timeout=15)
metadata = admin.list_topics(timeout=15)
report["listed"] = topic in metadata.topics
report["partitions"] = len(metadata.topics[topic].partitions)

delivered = []
errors = []
producer = Producer({"bootstrap.servers": bootstrap, "enable.idempotence": True, "acks": "all", "linger.ms": 5, **security.confluent()})


def on_delivery(err, msg):
    if err is not None:
        errors.append(str(err))
    else:
        delivered.append((msg.partition(), msg.offset()))


for i in range(count):
    producer.produce(topic, key=f"key-{i}".encode(), value=f"value-{i}".encode(), partition=i % partitions,
                     headers=[("n", str(i).encode())], on_delivery=on_delivery)
producer.flush(30)
report["delivered"] = len(delivered)
report["produceErrors"] = errors

# Read partition 0 from its second record: assign + seek, no consumer group offsets involved.
consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "compat-assign", "enable.auto.commit": False, **security.confluent()})
consumer.assign([TopicPartition(topic, 0, 1)])
records = []
expected = len([p for p, _ in delivered if p == 0]) - 1
while len(records) < expected:
    msg = consumer.poll(10)
    if msg is None:
        break
    if msg.error():
        report.setdefault("consumeErrors", []).append(str(msg.error()))
        continue
    records.append({"offset": msg.offset(), "key": msg.key().decode(), "value": msg.value().decode(),
                    "headers": [[k, v.decode()] for k, v in (msg.headers() or [])]})
consumer.close()
report["records"] = records
print(json.dumps(report))
