package io.warren.server.amqp.codec;

/**
 * The payload of a content header frame: which class the content belongs to (60 for {@code basic}, the only
 * content class in 0-9-1), the total size of the body frames that follow, and the properties.
 */
public record ContentHeader(int classId, long bodySize, BasicProperties properties) {
}
