package io.schemadiff.schema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
     * One spelling for the equivalent ways an array of values reaches the catalog:
     * {@code x IN ('A', 'B')} on a varchar prints as {@code ARRAY['A'::character varying, …]::text[]};
     * that text, run again, prints as {@code ARRAY['A'::character varying::text, …]}; and
     * {@code x = ANY (ARRAY['A', 'B'])} prints as {@code ARRAY['A'::text, …]}. Compared against the
     * same column expression, the literals' casts change nothing, so they and the array's own cast are
     * dropped: all three become {@code ARRAY['A', 'B']}.
     */
    static String canonical(String definition) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < definition.length()) {
            int start = definition.indexOf("ARRAY[", i);
            int end = start < 0 ? -1 : closingBracket(definition, start + "ARRAY".length());
            if (start < 0 || end < 0) {
                out.append(definition, i, definition.length());
                break;
            }
            // "(ARRAY[…])::text[]" and "ARRAY[…]::text[]" lose the array's cast; "ANY (ARRAY[…])" keeps its parentheses
            int after = end + 1;
            boolean parenthesised = start > 0 && definition.charAt(start - 1) == '('
                    && definition.startsWith(")::", after);
            Matcher arrayCast = ARRAY_CAST.matcher(definition).region(parenthesised ? after + 1 : after,
                    definition.length());
            boolean cast = arrayCast.lookingAt();
            out.append(definition, i, parenthesised && cast ? start - 1 : start);
            List<String> elements = splitTopLevel(definition.substring(start + "ARRAY[".length(), end))
                    .stream().map(CheckConstraint::withoutLiteralCasts).toList();
            out.append("ARRAY[").append(String.join(", ", elements)).append("]");
            i = cast ? arrayCast.end() : after;
        }
        return out.toString();
    }

    private static final Pattern ARRAY_CAST = Pattern.compile("::[a-z ]+(?:\\(\\d+(?:,\\s*\\d+)?\\))?\\[]");
    private static final Pattern CAST_LITERAL = Pattern.compile(
            "^\\(*('(?:[^']|'')*')(?:\\)?::[a-z ]+(?:\\(\\d+(?:,\\s*\\d+)?\\))?)+\\)*$");

    /** {@code ('A'::character varying)::text} → {@code 'A'}; anything but a cast literal is kept. */
    private static String withoutLiteralCasts(String element) {
        Matcher m = CAST_LITERAL.matcher(element);
        return m.matches() ? m.group(1) : element;
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

}
