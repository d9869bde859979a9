"""Compatibility client: what confluent-kafka-python and kafka-python report when the broker refuses
their SASL credentials. Settings come from the environment (see security.py); prints one JSON report.
Usage: sasl_refused.py <bootstrap> confluent|kafka-python
"""
import json
import sys

import security

bootstrap, client = sys.argv[1], sys.argv[2]
report = {"authenticationError": None, "metadata": False}

if client == "confluent":
    from confluent_kafka import KafkaError, KafkaException
    from confluent_kafka.admin import AdminClient

    def on_error(err):
        if err.code() == KafkaError._AUTHENTICATION and report["authenticationError"] is None:
            report["authenticationError"] = err.str()

    admin = AdminClient({"bootstrap.servers": bootstrap, "error_cb": on_error, **security.confluent()})
    try:
        admin.list_topics(timeout=5)
        report["metadata"] = True
    except KafkaException:
        admin.poll(0)  # delivers the queued error callbacks
else:
    from kafka.admin import KafkaAdminClient
    from kafka.errors import KafkaError as KafkaPythonError

    try:
        KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000, **security.kafka_python()).list_topics()
        report["metadata"] = True
    except KafkaPythonError as err:
        report["authenticationError"] = f"{type(err).__name__}: {err}"

print(json.dumps(report))
