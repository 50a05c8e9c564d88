package io.warren.broker;

import io.warren.message.Message;
import java.util.List;

/**
 * One step of a queue browse: the next matching messages in delivery order and the position to continue
 * from. {@code messages} may be empty with {@code next} not done, when a selector matched nothing in the
 * messages looked at.
 */
public record BrowseBatch(List<Message> messages, BrowsePosition next) {
    public BrowseBatch {
        messages = List.copyOf(messages);
    }
}
