#!/usr/bin/python3
"""A deep backlog through a Warren server with Python's pika: publishes --count 1 KiB messages (persistent unless
--transient) to a queue with no consumer, then browses it twice with Warren's `x-browse` consumer argument (no-ack,
and with acknowledgements and a prefetch, where settling returns credit), then consumes it with manual
acknowledgements. Checks that every message arrives once, in order, with its body intact, and that browsing took
nothing. Start the server with a small heap (scripts/pika-check.sh does, with PIKA_SCRIPT=pika-backlog.py and
WARREN_JAVA_OPTS=-Xmx256m) to see the queue page to disk.

Usage: pika-backlog.py [--host localhost] [--port 5672] [--count 300000] [--transient]
Prints one line, PASS or FAIL with counts and rates, and exits 0 or 1. Needs python3-pika (Debian) / pika >= 1.0.
"""
import argparse
import sys
import time

import pika

BODY = 1024
BROWSE_PREFETCH = 500


def body_of(seq):
    head = ("m%d;" % seq).encode("ascii")
    return head + b"x" * (BODY - len(head))


def seq_of(body):
    return int(body[1:body.index(b";")])


class Failed(Exception):
    pass


def publish(ch, queue, count, persistent):
    props = pika.BasicProperties(delivery_mode=2 if persistent else 1)
    started = time.monotonic()
    for seq in range(count):
        ch.basic_publish("", queue, body_of(seq), props)
    # a confirmed publish after the others: the channel's publishes are handled in order
    ch.confirm_delivery()
    ch.basic_publish("", queue, body_of(count), props)
    took = time.monotonic() - started
    depth = ch.queue_declare(queue, passive=True).method.message_count
    if depth != count + 1:
        raise Failed("published %d, queue holds %d" % (count + 1, depth))
    return (count + 1) / took


def browse(ch, queue, expected, acknowledge):
    if acknowledge:
        ch.basic_qos(prefetch_count=BROWSE_PREFETCH)
    state = {"next": 0, "ended": False, "unsettled": 0, "most_unsettled": 0}

    def on_message(channel, method, properties, body):
        seq = seq_of(body)
        if seq != state["next"]:
            raise Failed("browse (%s) saw message %d where %d was due"
                         % ("ack" if acknowledge else "no-ack", seq, state["next"]))
        state["next"] += 1
        if acknowledge:
            state["unsettled"] += 1
            state["most_unsettled"] = max(state["most_unsettled"], state["unsettled"])
            if state["unsettled"] >= BROWSE_PREFETCH // 2:
                channel.basic_ack(method.delivery_tag, multiple=True)
                state["unsettled"] = 0

    def on_cancel(frame):
        state["ended"] = True

    started = time.monotonic()
    ch.add_on_cancel_callback(on_cancel)
    ch.basic_consume(queue, on_message, auto_ack=not acknowledge, arguments={"x-browse": True})
    while not state["ended"]:
        ch.connection.process_data_events(time_limit=1)
    took = time.monotonic() - started
    if state["next"] != expected:
        raise Failed("browse saw %d of %d" % (state["next"], expected))
    if acknowledge and state["most_unsettled"] > BROWSE_PREFETCH:
        raise Failed("browse had %d unsettled with a prefetch of %d" % (state["most_unsettled"], BROWSE_PREFETCH))
    depth = ch.queue_declare(queue, passive=True).method.message_count
    if depth != expected:
        raise Failed("browsing took messages: %d left of %d" % (depth, expected))
    return expected / took


def consume(ch, queue, expected):
    ch.basic_qos(prefetch_count=1000)
    state = {"next": 0}

    def on_message(channel, method, properties, body):
        seq = seq_of(body)
        if seq != state["next"] or body != body_of(seq):
            raise Failed("consumed message %d (intact: %s) where %d was due"
                         % (seq, body == body_of(seq), state["next"]))
        state["next"] += 1
        if state["next"] % 100 == 0 or state["next"] == expected:
            channel.basic_ack(method.delivery_tag, multiple=True)
        if state["next"] == expected:
            channel.stop_consuming()

    started = time.monotonic()
    ch.basic_consume(queue, on_message)
    ch.start_consuming()
    took = time.monotonic() - started
    depth = ch.queue_declare(queue, passive=True).method.message_count
    if depth != 0:
        raise Failed("consumed %d, %d left" % (state["next"], depth))
    return expected / took


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--host", default="localhost")
    p.add_argument("--port", type=int, default=5672)
    p.add_argument("--user", default="guest")
    p.add_argument("--password", default="guest")
    p.add_argument("--count", type=int, default=300_000)
    p.add_argument("--transient", action="store_true")
    a = p.parse_args()
    params = pika.ConnectionParameters(a.host, a.port, credentials=pika.PlainCredentials(a.user, a.password),
                                       heartbeat=0, blocked_connection_timeout=300)
    queue = "pika-backlog-%d" % int(time.time() * 1000)
    kind = "transient" if a.transient else "persistent"
    conn = pika.BlockingConnection(params)
    try:
        ch = conn.channel()
        ch.queue_declare(queue, durable=not a.transient)
        fill = publish(ch, queue, a.count, not a.transient)
        expected = a.count + 1
        plain = browse(conn.channel(), queue, expected, acknowledge=False)
        credited = browse(conn.channel(), queue, expected, acknowledge=True)
        drain = consume(conn.channel(), queue, expected)
        ch.queue_delete(queue)
    except Failed as e:
        print("FAIL pika-backlog %s: %s" % (kind, e))
        return 1
    finally:
        conn.close()
    print("PASS pika-backlog %s count=%d body=%dB fill=%.0f/s browse-noack=%.0f/s browse-ack=%.0f/s drain=%.0f/s"
          % (kind, expected, BODY, fill, plain, credited, drain))
    return 0


if __name__ == "__main__":
    sys.exit(main())
