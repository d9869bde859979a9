"""End-to-end latency through the broker with librdkafka (confluent-kafka-python), for bench/broker-latency.ts.

A producer (linger.ms=0, acks=1) sends records whose value is the send time (CLOCK_MONOTONIC, shared by all
processes on the machine) at a steady rate in 1 ms ticks; a consumer in a second process, assigned to the
partition (no group), stamps each record as poll() hands it over. Two processes so that neither client's
Python work delays the other. The topic is created (one partition) unless it exists. Prints one JSON report: p50/p99 in ms, records sent and received.
Usage: e2e_latency.py <bootstrap> <topic> <records per second> <seconds> [fetch.wait.max.ms]
(run it with Debian's /usr/bin/python3, which has confluent_kafka)
"""
import json
import subprocess
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic


def now_ns():
    return time.clock_gettime_ns(time.CLOCK_MONOTONIC)


def consume(bootstrap, topic, expected, seconds, fetch_wait_ms):
    consumer = Consumer({
        "bootstrap.servers": bootstrap,
        "group.id": "e2e-latency",  # required by the client; assign() below uses no group protocol
        "enable.auto.commit": False,
        "fetch.wait.max.ms": fetch_wait_ms,
        "fetch.min.bytes": 1,
    })
    consumer.assign([TopicPartition(topic, 0, 0)])
    # Polling an empty partition a little first: the consumer has its metadata and a fetch parked at the broker.
    warm_until = time.monotonic() + 1.0
    while time.monotonic() < warm_until:
        consumer.poll(0.05)
    print("ready", flush=True)
    latencies = []
    deadline = time.monotonic() + seconds + 10
    while len(latencies) < expected and time.monotonic() < deadline:
        msg = consumer.poll(0.1)
        if msg is None or msg.error():
            continue
        latencies.append((now_ns() - int(msg.value())) / 1e6)
    consumer.close()
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] if latencies else None

    print(json.dumps({"p50": pct(50), "p99": pct(99), "max": latencies[-1] if latencies else None, "received": len(latencies)}), flush=True)


def produce(bootstrap, topic, rate, seconds):
    producer = Producer({"bootstrap.servers": bootstrap, "linger.ms": 0, "acks": 1})
    # Warm-up, as the consumer has: a producer's first metadata request asks for brokers only, and one that
    # sends before it knows the topic's partitions holds those records until its next refresh, up to 1 s later.
    producer.list_topics(topic, timeout=10)
    per_tick = max(1, round(rate / 1000))
    tick_s = per_tick / rate
    total = int(rate * seconds)
    sent = 0
    next_tick = time.monotonic()
    while sent < total:
        for _ in range(min(per_tick, total - sent)):
            producer.produce(topic, value=str(now_ns()).encode(), partition=0)
            sent += 1
        producer.poll(0)
        next_tick += tick_s
        wait = next_tick - time.monotonic()
        if wait > 0:
            time.sleep(wait)
    producer.flush(10)
    return sent


def main():
    if sys.argv[1] == "--consume":
        bootstrap, topic, expected, seconds, fetch_wait_ms = sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
        consume(bootstrap, topic, expected, seconds, fetch_wait_ms)
        return
    bootstrap, topic, rate, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
    fetch_wait_ms = int(sys.argv[5]) if len(sys.argv) > 5 else 100
    expected = int(rate * seconds)
    admin = AdminClient({"bootstrap.servers": bootstrap})
    if topic not in admin.list_topics(timeout=15).topics:
        for future in admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)]).values():
            future.result(timeout=15)
    consumer = subprocess.Popen(
        [sys.executable, __file__, "--consume", bootstrap, topic, str(expected), str(seconds), str(fetch_wait_ms)],
        stdout=subprocess.PIPE, text=True,
    )
    if consumer.stdout.readline().strip() != "ready":
        raise SystemExit("consumer did not start")
    sent = produce(bootstrap, topic, rate, seconds)
    report = json.loads(consumer.stdout.readline())
    consumer.wait(30)
    report["sent"] = sent
    print(json.dumps(report))


main()
