"""A confluent-kafka-python group member that polls until it is killed, printing each assignment it gets.

Used to test session expiry: the test SIGKILLs this process, so it never leaves the group.
Usage: confluent_member.py <bootstrap> <topic> <group> <session.timeout.ms>
"""
import json
import sys

from confluent_kafka import Consumer

bootstrap, topic, group, session = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
c = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "session.timeout.ms": session, "heartbeat.interval.ms": 500})
c.subscribe([topic], on_assign=lambda _c, parts: print(json.dumps(sorted(p.partition for p in parts)), flush=True))
while True:
    c.poll(0.1)
