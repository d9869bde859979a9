"""Compatibility client: kafka-python group consumer and the admin client's group listing/description.

Usage: kafka_python_group.py <bootstrap> <topic> <group> <count> (SASL/TLS settings: see security.py). Prints one JSON report on stdout.
"""
import json
import sys

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

import security

bootstrap, topic, group, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
report = {}

admin = KafkaAdminClient(bootstrap_servers=bootstrap, **security.kafka_python())
admin.create_topics([NewTopic(name=topic, num_partitions=2, replication_factor=1)])

producer = KafkaProducer(bootstrap_servers=bootstrap, acks="all", **security.kafka_python())
for i in range(count):
    producer.send(topic, key=f"k{i}".encode(), value=f"v{i}".encode(), partition=i % 2)
producer.flush()
producer.close()

consumer = KafkaConsumer(topic, bootstrap_servers=bootstrap, group_id=group, client_id="kp-member",
                         auto_offset_reset="earliest", enable_auto_commit=False, consumer_timeout_ms=20_000,
                         **security.kafka_python())
values = []
for message in consumer:
    values.append(message.value.decode())
    if len(values) == count:
        break
consumer.commit()
report["values"] = sorted(values)
report["committed"] = [consumer.committed(TopicPartition(topic, p)) for p in range(2)]

report["listed"] = [list(g) for g in admin.list_consumer_groups()]
described = admin.describe_consumer_groups([group])[0]
report["described"] = {
    "group": described.group,
    "state": described.state,
    "protocol_type": described.protocol_type,
    "protocol": described.protocol,
    "members": [{"client_id": m.client_id, "client_host": m.client_host,
                 "assignment": sorted([t, sorted(ps)] for t, ps in m.member_assignment.assignment)}
                for m in described.members],
}
offsets = admin.list_consumer_group_offsets(group)
report["offsets"] = sorted([tp.partition, om.offset] for tp, om in offsets.items())
consumer.close()
admin.close()
print(json.dumps(report))
