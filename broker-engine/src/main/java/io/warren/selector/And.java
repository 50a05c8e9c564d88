package io.warren.selector;

import java.util.List;

/** {@code a AND b AND ...}: FALSE if any operand is FALSE, else UNKNOWN if any is UNKNOWN, else TRUE. */
record And(List<Expression> operands) implements Expression {
    And {
        operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(EvaluationContext context) {
        Boolean result = Boolean.TRUE;
        for (int i = 0; i < operands.size(); i++) {
            Boolean value = Values.condition(operands.get(i).evaluate(context));
            if (Boolean.FALSE.equals(value)) {
                return Boolean.FALSE;
            }
            if (value == null) {
                result = null;
            }
        }
        return result;
    }
}
