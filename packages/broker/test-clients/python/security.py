"""Security settings for the compatibility clients, from the environment, so one script runs against
an open broker and against one that requires SASL (and/or TLS) alike.

BROOK_SECURITY_PROTOCOL  PLAINTEXT (default) | SASL_PLAINTEXT | SSL | SASL_SSL
BROOK_SASL_MECHANISM     PLAIN | SCRAM-SHA-256 | SCRAM-SHA-512
BROOK_SASL_USERNAME, BROOK_SASL_PASSWORD
BROOK_SSL_CA             CA certificate (PEM) that signed the broker's certificate
"""
import os

_env = os.environ.get


def confluent():
    """librdkafka properties for confluent-kafka-python."""
    conf = {}
    if _env("BROOK_SECURITY_PROTOCOL"):
        conf["security.protocol"] = _env("BROOK_SECURITY_PROTOCOL")
    if _env("BROOK_SASL_MECHANISM"):
        conf.update({"sasl.mechanisms": _env("BROOK_SASL_MECHANISM"), "sasl.username": _env("BROOK_SASL_USERNAME", ""),
                     "sasl.password": _env("BROOK_SASL_PASSWORD", "")})
    if _env("BROOK_SSL_CA"):
        conf["ssl.ca.location"] = _env("BROOK_SSL_CA")
    return conf


def kafka_python():
    """Keyword arguments for kafka-python's clients."""
    kwargs = {}
    if _env("BROOK_SECURITY_PROTOCOL"):
        kwargs["security_protocol"] = _env("BROOK_SECURITY_PROTOCOL")
    if _env("BROOK_SASL_MECHANISM"):
        kwargs.update({"sasl_mechanism": _env("BROOK_SASL_MECHANISM"), "sasl_plain_username": _env("BROOK_SASL_USERNAME", ""),
                       "sasl_plain_password": _env("BROOK_SASL_PASSWORD", "")})
    if _env("BROOK_SSL_CA"):
        kwargs["ssl_cafile"] = _env("BROOK_SSL_CA")
    return kwargs
