package io.warren.broker.exchange.topic;

/**
 * Splits routing keys and binding patterns into words the way RabbitMQ does: on every '.', keeping empty
 * words, except that the empty string has no words at all.
 */
final class TopicWords {
    private static final String[] NONE = new String[0];

    private TopicWords() {
    }

    static String[] split(String s) {
        if (s.isEmpty()) {
            return NONE;
        }
        int count = 1;
        for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
            count++;
        }
        String[] words = new String[count];
        int start = 0;
        for (int i = 0; i < count - 1; i++) {
            int dot = s.indexOf('.', start);
            words[i] = s.substring(start, dot);
            start = dot + 1;
        }
        words[count - 1] = s.substring(start);
        return words;
    }
}
