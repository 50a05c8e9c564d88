/**
 * What operators see of a running broker: read-only snapshots of connections, channels, consumers, exchanges,
 * bindings and queues, taken without stopping the broker. Management front ends (JMX, the HTTP API, metrics)
 * read these; they never reach into queues or exchanges themselves. The one operation kept here, {@link
 * io.warren.broker.management.MessageMover}, moves messages between queues through an ordinary engine channel,
 * so every front end moves them the same way.
 */
package io.warren.broker.management;
