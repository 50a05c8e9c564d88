#!/usr/bin/python3
"""Checks a Warren (or any AMQP 0-9-1) broker with Python's pika: declare, bind, publish with confirms,
basic.get + ack, nack/requeue, basic.consume + manual ack, message properties and headers; where the server
announces the `xa` capability, Warren's XA extension (start/end/prepare/commit/rollback/recover).

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


def signed32(n):
    return n - (1 << 32) if n >= 1 << 31 else n


def check_xa(connection, suffix, counts, problems):
    """Warren's XA extension, as broker-server/README.md describes it: a branch that takes one message and sends
    one, prepared, listed by recover and committed; a branch rolled back; a refusal that leaves the channel open."""
    ch = connection.channel()
    source, target = "pika-xa-in-" + suffix, "pika-xa-out-" + suffix
    ch.queue_declare(queue=source, exclusive=True)
    ch.queue_declare(queue=target, exclusive=True)
    ch.basic_publish(exchange="", routing_key=source, body=b"order")

    def xa(op, gtrid=None, **extra):
        args = {"x-xa-op": op}
        if gtrid is not None:
            args.update({"x-xa-format-id": 1, "x-xa-gtrid": gtrid, "x-xa-bqual": b"pika"})
        args.update(extra)
        # Not ch.queue_declare: pika only accepts a declare-ok naming the declared queue, and this one carries
        # "ok", the reason or a branch id in that field. The channel's own _rpc takes any declare-ok.
        replies = []
        ch._impl._rpc(pika.spec.Queue.Declare(queue="amq.warren.xa", passive=True, arguments=args),
                      lambda frame: replies.append(frame.method), [pika.spec.Queue.DeclareOk])
        deadline = time.monotonic() + 30
        while not replies and time.monotonic() < deadline and ch.is_open:
            connection.process_data_events(time_limit=0.1)
        if not replies:
            raise RuntimeError("no reply to XA %s" % op)
        return signed32(replies[0].message_count), replies[0].queue

    def expect(what, outcome, code):
        if outcome[0] != code:
            problems.append("XA %s answered %r, expected code %d" % (what, outcome, code))

    def depth(queue):
        return ch.queue_declare(queue=queue, passive=True).method.message_count

    committed, rolled_back = ("pika-c-" + suffix).encode(), ("pika-r-" + suffix).encode()
    expect("start", xa("start", committed, **{"x-xa-flags": 0}), 0)
    method, _, _ = ch.basic_get(queue=source, auto_ack=False)
    ch.basic_ack(delivery_tag=method.delivery_tag)
    ch.basic_publish(exchange="", routing_key=target, body=b"shipped")
    expect("end", xa("end", committed, **{"x-xa-flags": 0x4000000}), 0)
    if depth(target) != 0:
        problems.append("a message sent in an XA branch is visible before commit")
    expect("prepare", xa("prepare", committed), 0)
    count, first = xa("recover", **{"x-xa-index": 0})
    if count < 1 or not first:
        problems.append("recover lists %d branches after a prepare" % count)
    expect("commit", xa("commit", committed, **{"x-xa-flags": 0}), 0)
    if depth(target) != 1 or depth(source) != 0:
        problems.append("after commit %d in target, %d in source; expected 1 and 0" % (depth(target), depth(source)))

    expect("start", xa("start", rolled_back, **{"x-xa-flags": 0}), 0)
    ch.basic_publish(exchange="", routing_key=target, body=b"discarded")
    expect("end", xa("end", rolled_back, **{"x-xa-flags": 0x4000000}), 0)
    expect("rollback", xa("rollback", rolled_back), 0)
    expect("commit of a rolled-back branch", xa("commit", rolled_back, **{"x-xa-flags": 1}), -4)
    expect("malformed request", xa("prepare", **{"x-xa-format-id": 1}), -5)
    if depth(target) != 1:
        problems.append("a rolled-back branch left %d messages in target, expected 1" % depth(target))
    counts["xa_branches"] = 2
    ch.close()


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
        capabilities = getattr(connection._impl, "server_properties", {}).get("capabilities", {})
        if capabilities.get("xa"):
            check_xa(connection, suffix, counts, problems)
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
