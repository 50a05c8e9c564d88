package io.warren.broker;

import io.warren.selector.Selector;
import io.warren.selector.SelectorSyntaxException;

/** Compiles the selectors of consumers, gets, browsers and bindings, reporting bad ones as engine errors. */
public final class Selectors {
    private Selectors() {
    }

    /**
     * The compiled selector, or null for none (null or blank).
     *
     * @throws BrokerException {@link ErrorCode#SYNTAX_ERROR} with the parser's message when it does not parse
     */
    public static Selector compile(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        try {
            return Selector.parse(expression);
        } catch (SelectorSyntaxException e) {
            throw new BrokerException(ErrorCode.SYNTAX_ERROR, e.getMessage(), e);
        }
    }
}
