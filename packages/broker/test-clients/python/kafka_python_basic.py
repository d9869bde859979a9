"""Compatibility client: kafka-python as Debian ships it.

Admin create topic, producer, consumer with manual assignment, offsets_for_times and end_offsets.
Prints one JSON report on stdout. Usage: kafka_python_basic.py <bootstrap> <topic> <count> (SASL/TLS settings: see security.py)
"""
import json
import sys
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

import security

bootstrap, topic, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
report = {}

admin = KafkaAdminClient(bootstrap_servers=bootstrap, **security.kafka_python())
admin.create_topics([NewTopic(name=topic, num_partitions=2, replication_factor=1)])
report["listed"] = topic in admin.list_topics()
admin.close()

producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", **security.kafka_python())
base_ts = int(time.time() * 1000) - 100_000
futures = [producer.send(topic, key=f"k{i}".encode(), value=f"v{i}".encode(), partition=0, timestamp_ms=base_ts + i * 1000)
           for i in range(count)]
producer.flush()
report["offsets"] = [f.get(timeout=10).offset for f in futures]
producer.close()

tp = TopicPartition(topic, 0)
consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False, consumer_timeout_ms=10_000, **security.kafka_python())
consumer.assign([tp])
report["endOffsets"] = consumer.end_offsets([tp])[tp]
found = consumer.offsets_for_times({tp: base_ts + 2500})[tp]
report["offsetForTime"] = found.offset if found else None
consumer.seek(tp, 0)
records = []
for msg in consumer:
    records.append({"offset": msg.offset, "key": msg.key.decode(), "value": msg.value.decode(), "timestamp": msg.timestamp})
    if len(records) == count:
        break
consumer.close()
report["records"] = records
print(json.dumps(report))
