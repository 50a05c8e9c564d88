/**
 * The management API's resources, one class per family of endpoints ({@code /api/users}, {@code
 * /api/vhosts}, ...), each an {@link io.warren.server.management.api.ApiResource} that adds its routes to the
 * table and answers them from the {@link io.warren.server.management.api.ManagementContext}: the broker, the
 * user store, access control and the JSON mapper. {@link io.warren.server.management.api.ApiResources} lists
 * them all; a new family is a new class and one line there. JSON views are records whose components Jackson
 * writes in snake_case, following RabbitMQ's management API.
 */
package io.warren.server.management.api;
