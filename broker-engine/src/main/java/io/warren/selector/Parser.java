package io.warren.selector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A recursive-descent parser from selector text to an {@link Expression} tree. Precedence, loosest first: OR,
 * AND, NOT, comparison ({@code = <> < <= > >=}, [NOT] BETWEEN, [NOT] LIKE, [NOT] IN, IS [NOT] NULL; at most one
 * per level, so {@code a = b = c} needs parentheses), {@code + -}, {@code * /}, unary {@code + -}. Operand types
 * are checked where the grammar fixes them or the operands are not identifiers, so {@code 'a' > 1},
 * {@code 1 AND x}, {@code TRUE = 0} and {@code 'a' + 1 = 2} are syntax errors; only an identifier, whose type
 * is known per message, fits anywhere.
 */
final class Parser {
    /** The deepest nesting of parentheses, NOT and unary signs; it bounds the recursion of parsing and evaluating. */
    static final int MAX_NESTING = 100;

    private static final String OPERAND = "an identifier, a literal or '('";
    private static final String NUMERIC = "a numeric expression";
    private static final String ORDERED = "a numeric expression (strings and booleans compare only with = and <>)";
    private static final String CONDITION = "a condition";
    private static final String STRING = "a string identifier";

    /** A parsed subexpression with what the parser knows of it: its static type and where it was written. */
    private record Operand(Expression expression, ValueType type, Token first, int end) {
    }

    private final String source;
    private final Lexer lexer;
    private Token current;
    private int previousEnd;
    private int nesting;

    private Parser(String source) {
        this.source = source;
        this.lexer = new Lexer(source);
        this.current = lexer.next();
    }

    /** Parses a whole selector, which must be a condition. */
    static Expression parse(String source) {
        Parser parser = new Parser(source);
        Operand root = parser.parseOr();
        if (parser.current.type() != TokenType.END) {
            throw parser.unexpected(parser.current, "an operator or the end of the selector");
        }
        return parser.require(root, ValueType.BOOLEAN, CONDITION);
    }

    private Operand parseOr() {
        Operand first = parseAnd();
        if (!at(TokenType.OR)) {
            return first;
        }
        List<Expression> operands = new ArrayList<>();
        operands.add(require(first, ValueType.BOOLEAN, CONDITION));
        while (at(TokenType.OR)) {
            advance();
            operands.add(require(parseAnd(), ValueType.BOOLEAN, CONDITION));
        }
        return operand(new Or(operands), ValueType.BOOLEAN, first.first());
    }

    private Operand parseAnd() {
        Operand first = parseNot();
        if (!at(TokenType.AND)) {
            return first;
        }
        List<Expression> operands = new ArrayList<>();
        operands.add(require(first, ValueType.BOOLEAN, CONDITION));
        while (at(TokenType.AND)) {
            advance();
            operands.add(require(parseNot(), ValueType.BOOLEAN, CONDITION));
        }
        return operand(new And(operands), ValueType.BOOLEAN, first.first());
    }

    private Operand parseNot() {
        if (!at(TokenType.NOT)) {
            return parsePredicate();
        }
        Token not = advance();
        enter(not);
        Operand operand = parseNot();
        nesting--;
        return operand(new Not(require(operand, ValueType.BOOLEAN, CONDITION)), ValueType.BOOLEAN, not);
    }

    private Operand parsePredicate() {
        Operand left = parseSum();
        switch (current.type()) {
            case EQUAL:
                return comparison(left, ComparisonOperator.EQUAL);
            case NOT_EQUAL:
                return comparison(left, ComparisonOperator.NOT_EQUAL);
            case LESS:
                return comparison(left, ComparisonOperator.LESS);
            case LESS_OR_EQUAL:
                return comparison(left, ComparisonOperator.LESS_OR_EQUAL);
            case GREATER:
                return comparison(left, ComparisonOperator.GREATER);
            case GREATER_OR_EQUAL:
                return comparison(left, ComparisonOperator.GREATER_OR_EQUAL);
            case IS:
                advance();
                return isNull(left);
            case NOT:
                advance();
                return negatablePredicate(left, true);
            default:
                return negatablePredicate(left, false);
        }
    }

    private Operand negatablePredicate(Operand left, boolean negated) {
        switch (current.type()) {
            case BETWEEN:
                advance();
                return between(left, negated);
            case LIKE:
                advance();
                return like(left, negated);
            case IN:
                advance();
                return in(left, negated);
            default:
                if (negated) {
                    throw unexpected(current, "BETWEEN, LIKE or IN after NOT");
                }
                return left;
        }
    }

    /**
     * Checks the operand types where the parser knows them: ordering needs numbers, and {@code =} or {@code <>}
     * needs like types, so {@code TRUE = 0}, {@code 'a' <> 1} and {@code 1 + 1 = 'x'} are syntax errors (the
     * specification: "only like type values can be compared"). Two boolean expressions are like types, so
     * {@code (a > 1) = TRUE} is valid. An identifier's type is known only per message, so {@code a = 0} parses
     * and is FALSE for a boolean {@code a}.
     */
    private Operand comparison(Operand left, ComparisonOperator operator) {
        advance();
        boolean ordering = operator != ComparisonOperator.EQUAL && operator != ComparisonOperator.NOT_EQUAL;
        if (ordering) {
            require(left, ValueType.NUMERIC, ORDERED);
        }
        Operand right = parseSum();
        if (ordering) {
            require(right, ValueType.NUMERIC, ORDERED);
        } else if (left.type() != ValueType.ANY) {
            require(right, left.type(), "a " + left.type().description() + " (only like types compare) to match "
                    + Lexer.quote(source.substring(left.first().position(), left.end())));
        }
        return operand(new Comparison(operator, left.expression(), right.expression()), ValueType.BOOLEAN,
                left.first());
    }

    private Operand between(Operand value, boolean negated) {
        require(value, ValueType.NUMERIC, NUMERIC);
        Expression low = require(parseSum(), ValueType.NUMERIC, NUMERIC);
        expect(TokenType.AND, "AND");
        Expression high = require(parseSum(), ValueType.NUMERIC, NUMERIC);
        return operand(new Between(value.expression(), low, high, negated), ValueType.BOOLEAN, value.first());
    }

    private Operand like(Operand value, boolean negated) {
        require(value, ValueType.STRING, STRING);
        Token pattern = expect(TokenType.STRING, "a string literal pattern");
        int escape = -1;
        if (at(TokenType.ESCAPE)) {
            advance();
            Token escapeToken = expect(TokenType.STRING, "a string literal of one character");
            String text = escapeToken.value();
            if (text.isEmpty() || text.codePointCount(0, text.length()) != 1) {
                throw error(escapeToken, "expected an ESCAPE string of exactly one character but found "
                        + escapeToken.quoted() + " at position " + escapeToken.position());
            }
            escape = text.codePointAt(0);
        }
        LikePattern compiled;
        try {
            compiled = LikePattern.compile(pattern.value(), escape);
        } catch (IllegalArgumentException e) {
            throw error(pattern, "LIKE pattern " + pattern.quoted() + " at position " + pattern.position()
                    + " ends with its escape character");
        }
        return operand(new Like(value.expression(), compiled, negated), ValueType.BOOLEAN, value.first());
    }

    private Operand in(Operand value, boolean negated) {
        require(value, ValueType.STRING, STRING);
        expect(TokenType.LEFT_PAREN, "'('");
        Set<String> strings = new HashSet<>();
        while (true) {
            strings.add(expect(TokenType.STRING, "a string literal").value());
            if (at(TokenType.RIGHT_PAREN)) {
                advance();
                break;
            }
            expect(TokenType.COMMA, "',' or ')'");
        }
        return operand(new In(value.expression(), strings, negated), ValueType.BOOLEAN, value.first());
    }

    private Operand isNull(Operand value) {
        boolean negated = at(TokenType.NOT);
        if (negated) {
            advance();
        }
        expect(TokenType.NULL, negated ? "NULL" : "NULL or NOT NULL");
        return operand(new IsNull(value.expression(), negated), ValueType.BOOLEAN, value.first());
    }

    private Operand parseSum() {
        return chain(this::parseProduct, TokenType.PLUS, ArithmeticOperator.ADD,
                TokenType.MINUS, ArithmeticOperator.SUBTRACT);
    }

    private Operand parseProduct() {
        return chain(this::parseUnary, TokenType.STAR, ArithmeticOperator.MULTIPLY,
                TokenType.SLASH, ArithmeticOperator.DIVIDE);
    }

    private Operand chain(Supplier<Operand> next, TokenType firstType, ArithmeticOperator firstOperator,
                          TokenType secondType, ArithmeticOperator secondOperator) {
        Operand first = next.get();
        if (!at(firstType) && !at(secondType)) {
            return first;
        }
        require(first, ValueType.NUMERIC, NUMERIC);
        List<ArithmeticOperator> operators = new ArrayList<>();
        List<Expression> operands = new ArrayList<>();
        while (at(firstType) || at(secondType)) {
            operators.add(advance().type() == firstType ? firstOperator : secondOperator);
            operands.add(require(next.get(), ValueType.NUMERIC, NUMERIC));
        }
        return operand(new Arithmetic(first.expression(), operators, operands), ValueType.NUMERIC, first.first());
    }

    private Operand parseUnary() {
        if (!at(TokenType.PLUS) && !at(TokenType.MINUS)) {
            return parsePrimary();
        }
        Token sign = advance();
        boolean negative = sign.type() == TokenType.MINUS;
        if (at(TokenType.EXACT_NUMBER) || at(TokenType.APPROXIMATE_NUMBER)) {
            // Folded here rather than negated later so that -9223372036854775808 is in range.
            return number(advance(), negative, sign);
        }
        enter(sign);
        Operand operand = parseUnary();
        nesting--;
        Expression expression = require(operand, ValueType.NUMERIC, NUMERIC);
        if (expression instanceof Literal literal) {
            Object value = literal.value();
            if (negative && value instanceof Long l) {
                value = -l;
            } else if (negative) {
                value = -(Double) value;
            }
            return operand(new Literal(value), ValueType.NUMERIC, sign);
        }
        return operand(new Sign(expression, negative), ValueType.NUMERIC, sign);
    }

    private Operand parsePrimary() {
        Token token = current;
        switch (token.type()) {
            case STRING:
                advance();
                return operand(new Literal(token.value()), ValueType.STRING, token);
            case EXACT_NUMBER:
            case APPROXIMATE_NUMBER:
                advance();
                return number(token, false, token);
            case TRUE:
            case FALSE:
                advance();
                return operand(new Literal(token.type() == TokenType.TRUE), ValueType.BOOLEAN, token);
            case IDENTIFIER:
                advance();
                return operand(new Identifier(token.text()), ValueType.ANY, token);
            case LEFT_PAREN:
                advance();
                enter(token);
                Operand inner = parseOr();
                expect(TokenType.RIGHT_PAREN, "')'");
                nesting--;
                return operand(inner.expression(), inner.type(), token);
            case NULL:
                throw unexpected(token, OPERAND + " (test for NULL with IS NULL)");
            default:
                if (Lexer.isKeyword(token.type())) {
                    throw unexpected(token, OPERAND + "; " + token.quoted() + " is a reserved word");
                }
                throw unexpected(token, OPERAND);
        }
    }

    private Operand number(Token token, boolean negative, Token first) {
        try {
            Object value;
            if (token.type() == TokenType.EXACT_NUMBER) {
                value = NumericLiterals.exact(token.text(), negative);
            } else {
                value = NumericLiterals.approximate(token.text(), negative);
            }
            return operand(new Literal(value), ValueType.NUMERIC, first);
        } catch (NumberFormatException e) {
            throw error(token, "numeric literal " + token.quoted() + " at position " + token.position()
                    + " is out of range");
        }
    }

    private Operand operand(Expression expression, ValueType type, Token first) {
        return new Operand(expression, type, first, previousEnd);
    }

    /** The operand's expression, if its static type fits where it stands. */
    private Expression require(Operand operand, ValueType required, String expected) {
        if (!operand.type().fits(required)) {
            int start = operand.first().position();
            throw new SelectorSyntaxException(source, start, operand.first().text(),
                    "expected " + expected + " but found " + operand.type().description() + " "
                            + Lexer.quote(source.substring(start, operand.end())) + " at position " + start);
        }
        return operand.expression();
    }

    private void enter(Token token) {
        if (++nesting > MAX_NESTING) {
            throw error(token, "nested more than " + MAX_NESTING + " levels deep at position " + token.position());
        }
    }

    private boolean at(TokenType type) {
        return current.type() == type;
    }

    private Token advance() {
        Token token = current;
        previousEnd = token.end();
        current = lexer.next();
        return token;
    }

    private Token expect(TokenType type, String expected) {
        if (!at(type)) {
            throw unexpected(current, expected);
        }
        return advance();
    }

    private SelectorSyntaxException unexpected(Token token, String expected) {
        String found = token.type() == TokenType.END ? "unexpected end of input" : "unexpected " + token.quoted();
        return error(token, found + " at position " + token.position() + "; expected " + expected);
    }

    private SelectorSyntaxException error(Token token, String problem) {
        return new SelectorSyntaxException(source, token.position(), token.text(), problem);
    }
}
