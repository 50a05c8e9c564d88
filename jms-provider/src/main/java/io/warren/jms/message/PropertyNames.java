package io.warren.jms.message;

import java.util.Locale;
import java.util.Set;

/** Checks that a property name is a valid message selector identifier, as the JMS specification requires. */
final class PropertyNames {
    static final String JMSX_DELIVERY_COUNT = "JMSXDeliveryCount";
    static final String JMSX_USER_ID = "JMSXUserID";
    static final String JMSX_APP_ID = "JMSXAppID";
    static final String JMSX_GROUP_ID = "JMSXGroupID";
    static final String JMSX_GROUP_SEQ = "JMSXGroupSeq";

    private static final Set<String> RESERVED = Set.of("NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN",
            "LIKE", "IN", "IS", "ESCAPE");

    private PropertyNames() {
    }

    static void check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("property name must not be null or empty");
        }
        if (!Character.isJavaIdentifierStart(name.charAt(0))) {
            throw invalid(name, "it must start with a letter, '_' or '$'");
        }
        for (int i = 1; i < name.length(); i++) {
            if (!Character.isJavaIdentifierPart(name.charAt(i))) {
                throw invalid(name, "character '" + name.charAt(i) + "' at index " + i
                        + " is not a letter or digit");
            }
        }
        // Selector keywords are case insensitive, so "null" is as reserved as "NULL".
        if (name.length() <= 7 && RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            throw invalid(name, "it is a reserved word of the message selector language");
        }
    }

    private static IllegalArgumentException invalid(String name, String why) {
        return new IllegalArgumentException("invalid property name '" + name
                + "': property names must be message selector identifiers, and " + why);
    }
}
