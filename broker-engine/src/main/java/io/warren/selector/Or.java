package io.warren.selector;

import java.util.List;

/** {@code a OR b OR ...}: TRUE if any operand is TRUE, else UNKNOWN if any is UNKNOWN, else FALSE. */
record Or(List<Expression> operands) implements Expression {
    Or {
        operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(EvaluationContext context) {
        Boolean result = Boolean.FALSE;
        for (int i = 0; i < operands.size(); i++) {
            Boolean value = Values.condition(operands.get(i).evaluate(context));
            if (Boolean.TRUE.equals(value)) {
                return Boolean.TRUE;
            }
            if (value == null) {
                result = null;
            }
        }
        return result;
    }
}
