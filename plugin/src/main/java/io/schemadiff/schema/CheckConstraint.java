package io.schemadiff.schema;

import java.util.List;

/**
 * A check constraint, compared by its {@code pg_get_constraintdef()} text: PostgreSQL has already
 * rewritten {@code IN (...)}, {@code BETWEEN} and casts the same way on both sides.
 *
 * @param definition the catalog's text, e.g. {@code CHECK (amount >= 0::numeric)}: the identity
 * @param columns    the columns it reads
 * @param expression what to write inside {@code check (...)} to create it. PostgreSQL's printed
 *                   form does not always parse back to the same stored form, so for the model side
 *                   this is Hibernate's own expression where one is known.
 */
public record CheckConstraint(String name, String definition, List<String> columns, String expression) {

    public CheckConstraint {
        columns = List.copyOf(columns);
    }

    /** A constraint read from the catalog, to be created from its printed form. */
    public static CheckConstraint fromCatalog(String name, String definition, List<String> columns) {
        String expression = definition.startsWith("CHECK (") && definition.endsWith(")")
                ? definition.substring("CHECK (".length(), definition.length() - 1) : definition;
        return new CheckConstraint(name, definition, columns, expression);
    }

    public CheckConstraint withExpression(String sourceExpression) {
        return new CheckConstraint(name, definition, columns, sourceExpression);
    }

    /** What makes two checks the same: the catalog's text, with equivalent array casts written one way. */
    public Object identity() {
        return canonical(definition);
    }

    /**
     * PostgreSQL prints {@code x IN ('A', 'B')} on a varchar as {@code ARRAY['A'::character varying, …]::text[]},
     * but that printed form parses back as {@code ARRAY['A'::character varying::text, …]}: the same check.
     * Both become the first form, with parentheses around the array dropped.
     */
    static String canonical(String definition) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < definition.length()) {
            int start = definition.indexOf("ARRAY[", i);
            if (start < 0) {
                out.append(definition, i, definition.length());
                break;
            }
            int end = closingBracket(definition, start + "ARRAY".length());
            if (end < 0) {
                out.append(definition, i, definition.length());
                break;
            }
            // "(ARRAY[…])::text[]" loses its parentheses; "ANY (ARRAY[…])" keeps those of ANY
            boolean parenthesised = start > 0 && definition.charAt(start - 1) == '('
                    && definition.startsWith(")::", end + 1);
            out.append(definition, i, parenthesised ? start - 1 : start);
            List<String> elements = splitTopLevel(definition.substring(start + "ARRAY[".length(), end));
            String common = commonTrailingCast(elements);
            if (common != null) {
                List<String> stripped = elements.stream()
                        .map(e -> unwrap(e.substring(0, e.length() - common.length()))).toList();
                out.append("ARRAY[").append(String.join(", ", stripped)).append("]").append(common).append("[]");
                i = parenthesised ? end + 2 : end + 1;
            } else {
                out.append("ARRAY[").append(String.join(", ", elements)).append("]");
                i = parenthesised ? end + 2 : end + 1;
            }
        }
        return out.toString();
    }

    /** The index of the ']' that closes the '[' at {@code open}, skipping quoted text; -1 if none. */
    private static int closingBracket(String text, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '(')) {
                depth++;
            } else if (!quoted && (c == ']' || c == ')')) {
                depth--;
                if (depth == 0) {
                    return c == ']' ? i : -1;
                }
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String list) {
        List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int from = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(list.substring(from, i).strip());
                from = i + 1;
            }
        }
        parts.add(list.substring(from).strip());
        return parts;
    }

    /** The {@code ::type} every element ends with, outside its own parentheses and quotes, or null. */
    private static String commonTrailingCast(List<String> elements) {
        String common = null;
        for (String element : elements) {
            String cast = trailingCast(element);
            if (cast == null || (common != null && !common.equals(cast))) {
                return null;
            }
            common = cast;
        }
        return common;
    }

    /** In {@code ('A'::character varying)::text} or {@code 'A'::character varying::text}: {@code ::text}. */
    private static String trailingCast(String element) {
        int at = element.lastIndexOf("::");
        if (at <= 0 || element.indexOf('\'', at) >= 0 || element.indexOf(')', at) >= 0) {
            return null;
        }
        String before = element.substring(0, at);
        // the element must keep a cast of its own: 'A'::character varying, not a bare literal
        return before.contains("::") ? element.substring(at) : null;
    }

    private static String unwrap(String element) {
        return element.startsWith("(") && element.endsWith(")") && closingParenthesis(element) == element.length() - 1
                ? element.substring(1, element.length() - 1) : element;
    }

    private static int closingParenthesis(String text) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
