package io.warren.selector;

import java.util.List;

/**
 * A left-associative chain of operators of one precedence level, {@code a + b - c} or {@code a * b / c}, kept
 * flat so that a long chain does not make a deep tree.
 *
 * @param first     the leftmost operand
 * @param operators {@code operators.get(i)} combines the running result with {@code operands.get(i)}
 * @param operands  the operands after the first, as many as there are operators
 */
record Arithmetic(Expression first, List<ArithmeticOperator> operators, List<Expression> operands)
        implements Expression {

    Arithmetic {
        operators = List.copyOf(operators);
        operands = List.copyOf(operands);
    }

    @Override
    public Object evaluate(EvaluationContext context) {
        Object result = first.evaluate(context);
        for (int i = 0; i < operators.size() && result != null; i++) {
            result = operators.get(i).apply(result, operands.get(i).evaluate(context));
        }
        return result;
    }
}
