package org.cleanmail.core.rules.meta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for meta expressions. One instance per expression; the
 * nesting depth is capped so that hostile input cannot exhaust the stack.
 */
final class MetaExpressionParser {
    static final int MAX_DEPTH = 200;
    static final int MAX_LENGTH = 20_000;

    private static final String RULES_MATCHING = "rules_matching";

    private final String text;
    private final Collection<String> knownRuleNames;
    /** The operands found so far: rule names numbered in order of first appearance. */
    private final Map<String, Integer> operands = new LinkedHashMap<>();
    private int pos;
    private int depth;

    MetaExpressionParser(String text, Collection<String> knownRuleNames) {
        this.text = text;
        this.knownRuleNames = knownRuleNames;
    }

    MetaNode parse() throws MetaSyntaxException {
        if (text.length() > MAX_LENGTH) {
            throw new MetaSyntaxException("expression longer than " + MAX_LENGTH + " chars", 0);
        }
        skipSpaces();
        if (pos >= text.length()) {
            throw new MetaSyntaxException("empty expression", 0);
        }
        MetaNode node = conditional();
        skipSpaces();
        if (pos < text.length()) {
            throw new MetaSyntaxException("unexpected '" + text.charAt(pos) + "'", pos);
        }
        return node;
    }

    private MetaNode conditional() throws MetaSyntaxException {
        enter();
        MetaNode condition = binary(MetaOperator.LOWEST);
        if (accept("?")) {
            MetaNode whenTrue = conditional();
            expect(":");
            MetaNode whenFalse = conditional();
            condition = MetaNodes.conditional(condition, whenTrue, whenFalse);
        }
        depth--;
        return condition;
    }

    private MetaNode binary(int precedence) throws MetaSyntaxException {
        if (precedence > MetaOperator.HIGHEST) {
            return unary();
        }
        MetaNode left = binary(precedence + 1);
        while (true) {
            MetaOperator operator = peekOperator(precedence);
            if (operator == null) {
                return left;
            }
            pos += operator.symbol().length();
            MetaNode right = binary(precedence + 1);
            left = MetaNodes.binary(operator, left, right);
        }
    }

    private MetaOperator peekOperator(int precedence) {
        skipSpaces();
        MetaOperator best = null;
        for (MetaOperator operator : MetaOperator.values()) {
            if (text.startsWith(operator.symbol(), pos)
                && (best == null || operator.symbol().length() > best.symbol().length())) {
                best = operator;
            }
        }
        if (best == MetaOperator.XOR && text.startsWith("^^", pos)) {
            return null;
        }
        return best != null && best.precedence() == precedence ? best : null;
    }

    private MetaNode unary() throws MetaSyntaxException {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == '!' && !text.startsWith("!=", pos)) {
            pos++;
            enter();
            MetaNode operand = unary();
            depth--;
            return MetaNodes.not(operand);
        }
        if (accept("-")) {
            enter();
            MetaNode operand = unary();
            depth--;
            return MetaNodes.negate(operand);
        }
        if (accept("+")) {
            enter();
            MetaNode operand = unary();
            depth--;
            return operand;
        }
        return primary();
    }

    private MetaNode primary() throws MetaSyntaxException {
        skipSpaces();
        if (pos >= text.length()) {
            throw new MetaSyntaxException("expression ends where an operand is expected", pos);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            MetaNode inner = conditional();
            expect(")");
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return number();
        }
        if (isNameStart(c)) {
            int start = pos;
            while (pos < text.length() && isNamePart(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '(') {
                if (!RULES_MATCHING.equals(name)) {
                    throw new MetaSyntaxException("function call '" + name + "(' is not allowed", start);
                }
                return rulesMatching();
            }
            return MetaNodes.operand(operand(name));
        }
        throw new MetaSyntaxException("unexpected '" + c + "'", pos);
    }

    private MetaNode number() throws MetaSyntaxException {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String literal = text.substring(start, pos);
        try {
            return MetaNodes.number(Double.parseDouble(literal));
        } catch (NumberFormatException e) {
            throw new MetaSyntaxException("invalid number '" + literal + "'", start);
        }
    }

    private MetaNode rulesMatching() throws MetaSyntaxException {
        pos++;
        int start = pos;
        int end = text.indexOf(')', pos);
        if (end < 0) {
            throw new MetaSyntaxException("unterminated rules_matching(", start);
        }
        String glob = text.substring(start, end).trim();
        if (!glob.matches("[_a-zA-Z*?][_a-zA-Z0-9*?]{0,127}")) {
            throw new MetaSyntaxException("invalid rules_matching glob '" + glob + "'", start);
        }
        pos = end + 1;
        Pattern pattern = Pattern.compile(glob.replace("?", ".").replace("*", ".*"));
        List<String> matching = new ArrayList<>();
        for (String name : knownRuleNames) {
            if (pattern.matcher(name).matches()) {
                matching.add(name);
            }
        }
        matching.sort(null);
        int[] numbers = new int[matching.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = operand(matching.get(i));
        }
        return MetaNodes.anyOf(numbers);
    }

    /** The rule names the expression reads, by operand number; complete once {@link #parse()} returned. */
    List<String> operands() {
        return new ArrayList<>(operands.keySet());
    }

    private int operand(String name) {
        return operands.computeIfAbsent(name, key -> operands.size());
    }

    private void enter() throws MetaSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new MetaSyntaxException("expression nested deeper than " + MAX_DEPTH, pos);
        }
    }

    private boolean accept(String token) {
        skipSpaces();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) throws MetaSyntaxException {
        if (!accept(token)) {
            throw new MetaSyntaxException("expected '" + token + "'", pos);
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }
}
