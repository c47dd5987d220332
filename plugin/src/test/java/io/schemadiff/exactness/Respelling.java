package io.schemadiff.exactness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hibernate's create DDL rewritten the way people write migrations by hand: other type spellings,
 * other constraint names, other sequence syntax, no {@code if exists}. PostgreSQL must store the
 * result exactly as it stores Hibernate's DDL, or the comparison has a false positive.
 */
final class Respelling {

    private static final Map<Pattern, String> SPELLINGS = new LinkedHashMap<>();

    static {
        spell("\\btimestamp\\(6\\) with time zone\\b", "timestamptz");
        spell("\\btimestamp\\(6\\)", "timestamp");
        spell("\\btime\\(6\\)", "time");
        spell("\\bbigint\\b", "int8");
        spell("\\binteger\\b", "int4");
        spell("\\bsmallint\\b", "int2");
        spell("\\bboolean\\b", "bool");
        spell("\\bfloat\\(53\\)", "float8");
        spell("\\bfloat4\\b", "real");
        spell("\\bnumeric\\(", "decimal(");
        spell("\\bvarchar\\(", "character varying(");
        spell("\\balter table if exists\\b", "alter table");
        spell("\\bstart with (\\d+) increment by (\\d+)", "start $1 increment $2");
    }

    private static final Pattern GENERATED_NAME = Pattern.compile("\\bconstraint (FK|UK)\\w+");
    private static final Pattern QUOTED = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"");

    private Respelling() {
    }

    private static void spell(String regex, String replacement) {
        SPELLINGS.put(Pattern.compile(regex), replacement);
    }

    static String of(List<String> ddl) {
        AtomicInteger names = new AtomicInteger();
        StringBuilder sql = new StringBuilder();
        for (String statement : ddl) {
            sql.append(outsideQuotes(statement, names)).append(";\n");
        }
        return sql.toString();
    }

    /** Re-spells the text between quoted literals and identifiers, never inside them. */
    private static String outsideQuotes(String statement, AtomicInteger names) {
        StringBuilder out = new StringBuilder();
        Matcher quoted = QUOTED.matcher(statement);
        int last = 0;
        while (quoted.find()) {
            out.append(respell(statement.substring(last, quoted.start()), names)).append(quoted.group());
            last = quoted.end();
        }
        return out.append(respell(statement.substring(last), names)).toString();
    }

    private static String respell(String text, AtomicInteger names) {
        String result = text;
        for (Map.Entry<Pattern, String> spelling : SPELLINGS.entrySet()) {
            result = spelling.getKey().matcher(result).replaceAll(spelling.getValue());
        }
        // Hibernate's hashed names become names a person would pick
        Matcher generated = GENERATED_NAME.matcher(result);
        StringBuilder renamed = new StringBuilder();
        while (generated.find()) {
            generated.appendReplacement(renamed, "constraint " + generated.group(1).toLowerCase() + "_hand_" + names.incrementAndGet());
        }
        generated.appendTail(renamed);
        return renamed.toString();
    }
}
