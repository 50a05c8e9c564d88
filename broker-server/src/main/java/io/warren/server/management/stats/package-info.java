/**
 * Message rates for the management API and console: counters read from the engine at a fixed interval, turned
 * into per-second rates per queue, per virtual host and for the whole broker.
 */
package io.warren.server.management.stats;
