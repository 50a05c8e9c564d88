#!/usr/bin/python3
"""Checks a Warren (or any AMQP 0-9-1) broker with Python's pika: declare, bind, publish with confirms,
basic.get + ack, nack/requeue, basic.consume + manual ack, message properties and headers.

Usage: pika-check.py [--host localhost] [--port 5672] [--user guest] [--password guest] [--count 1000]
Prints one line, PASS or FAIL with counts, and exits 0 or 1. Needs python3-pika (Debian) / pika >= 1.0.
"""
import argparse
import sys
import time
import uuid

import pika

GETS = 10


def properties_for(seq):
    return pika.BasicProperties(
        content_type="text/plain",
        content_encoding="utf-8",
        delivery_mode=2,
        priority=seq % 10,
        correlation_id="corr-%d" % seq,
        reply_to="nowhere",
        message_id="msg-%d" % seq,
        timestamp=1700000000 + seq,
        type="pika-check",
        app_id="pika-check",
        headers={"seq": seq, "flag": seq % 2 == 0, "text": "h\u00e9llo", "nested": {"list": [1, "two", 3]}},
    )


def check_message(seq, props, body, problems):
    if body != ("message %d" % seq).encode():
        problems.append("body of %d is %r" % (seq, body[:40]))
    expected = properties_for(seq)
    for name in ("content_type", "content_encoding", "delivery_mode", "priority", "correlation_id", "reply_to",
                 "message_id", "timestamp", "type", "app_id"):
        if getattr(props, name) != getattr(expected, name):
            problems.append("%s of %d is %r, expected %r" % (name, seq, getattr(props, name),
                                                               getattr(expected, name)))
    headers = props.headers or {}
    got = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in headers.items()}
    nested = got.get("nested") or {}
    nested_list = [x.decode() if isinstance(x, bytes) else x for x in nested.get("list", [])]
    if (got.get("seq") != seq or got.get("flag") != (seq % 2 == 0) or got.get("text") != "h\u00e9llo"
            or nested_list != [1, "two", 3]):
        problems.append("headers of %d are %r" % (seq, headers))


def seq_of(body):
    return int(body.decode().split()[1])


def run(args):
    counts = {"published": 0, "confirmed": 0, "got": 0, "nacked": 0, "redelivered": 0, "consumed": 0}
    problems = []
    params = pika.ConnectionParameters(host=args.host, port=args.port,
                                       credentials=pika.PlainCredentials(args.user, args.password),
                                       blocked_connection_timeout=30, socket_timeout=10)
    connection = pika.BlockingConnection(params)
    try:
        ch = connection.channel()
        ch.confirm_delivery()
        suffix = uuid.uuid4().hex[:8]
        exchange, queue, key = "pika-check-x-" + suffix, "pika-check-q-" + suffix, "pika.check"
        ch.exchange_declare(exchange=exchange, exchange_type="direct", durable=False, auto_delete=False)
        ch.queue_declare(queue=queue, exclusive=True)
        ch.queue_bind(queue=queue, exchange=exchange, routing_key=key)

        for seq in range(args.count):
            try:
                ch.basic_publish(exchange=exchange, routing_key=key, body=("message %d" % seq).encode(),
                                 properties=properties_for(seq), mandatory=True)
                counts["confirmed"] += 1
            except (pika.exceptions.NackError, pika.exceptions.UnroutableError) as e:
                problems.append("publish %d not confirmed: %r" % (seq, e))
            counts["published"] += 1

        declared = ch.queue_declare(queue=queue, passive=True).method.message_count
        if declared != args.count:
            problems.append("queue holds %d messages after publishing, expected %d" % (declared, args.count))

        seen = set()
        for _ in range(GETS):
            method, props, body = ch.basic_get(queue=queue, auto_ack=False)
            if method is None:
                problems.append("basic.get returned empty after %d gets" % counts["got"])
                break
            seq = seq_of(body)
            check_message(seq, props, body, problems)
            if seq in seen:
                problems.append("message %d got twice" % seq)
            seen.add(seq)
            ch.basic_ack(delivery_tag=method.delivery_tag)
            counts["got"] += 1

        # one message nacked with requeue must come back, marked redelivered
        method, props, body = ch.basic_get(queue=queue, auto_ack=False)
        nacked_seq = None
        if method is None:
            problems.append("basic.get for the nack returned empty")
        else:
            nacked_seq = seq_of(body)
            ch.basic_nack(delivery_tag=method.delivery_tag, multiple=False, requeue=True)
            counts["nacked"] += 1

        ch.basic_qos(prefetch_count=50)
        expected_consumed = args.count - counts["got"]
        consumed = []

        def on_message(channel, method, props, body):
            seq = seq_of(body)
            check_message(seq, props, body, problems)
            if seq == nacked_seq and method.redelivered:
                counts["redelivered"] += 1
            consumed.append(seq)
            channel.basic_ack(delivery_tag=method.delivery_tag)

        tag = ch.basic_consume(queue=queue, on_message_callback=on_message, auto_ack=False)
        deadline = time.monotonic() + 60
        while len(consumed) < expected_consumed and time.monotonic() < deadline:
            connection.process_data_events(time_limit=1)
        ch.basic_cancel(tag)
        counts["consumed"] = len(consumed)
        if len(consumed) != expected_consumed:
            problems.append("consumed %d messages, expected %d" % (len(consumed), expected_consumed))
        for seq in consumed:
            if seq in seen:
                problems.append("message %d delivered twice" % seq)
            seen.add(seq)
        if seen != set(range(args.count)):
            problems.append("%d messages never arrived" % len(set(range(args.count)) - seen))
        if nacked_seq is not None and counts["redelivered"] != 1:
            problems.append("the nacked message %d did not come back redelivered" % nacked_seq)

        left = ch.queue_declare(queue=queue, passive=True).method.message_count
        if left != 0:
            problems.append("%d messages left in the queue" % left)
        ch.queue_delete(queue=queue)
        ch.exchange_delete(exchange=exchange)
        ch.close()
    finally:
        if connection.is_open:
            connection.close()
    return counts, problems


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--host", default="localhost")
    p.add_argument("--port", type=int, default=5672)
    p.add_argument("--user", default="guest")
    p.add_argument("--password", default="guest")
    p.add_argument("--count", type=int, default=1000)
    args = p.parse_args()
    started = time.monotonic()
    try:
        counts, problems = run(args)
    except Exception as e:  # any failure is reported on the one summary line
        print("FAIL pika-check %s:%d: %s: %s" % (args.host, args.port, type(e).__name__, e))
        return 1
    summary = " ".join("%s=%d" % kv for kv in counts.items())
    elapsed = time.monotonic() - started
    if problems:
        print("FAIL pika-check %s:%d pika %s %s in %.1fs; %d problem(s), first: %s"
              % (args.host, args.port, pika.__version__, summary, elapsed, len(problems), problems[0]))
        return 1
    print("PASS pika-check %s:%d pika %s %s in %.1fs" % (args.host, args.port, pika.__version__, summary, elapsed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
