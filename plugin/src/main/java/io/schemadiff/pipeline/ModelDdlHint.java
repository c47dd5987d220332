package io.schemadiff.pipeline;

import io.schemadiff.core.Dialect;
import io.schemadiff.render.DialectSql;
import io.schemadiff.render.MariaDbSqlFormatter;
import io.schemadiff.render.SqlFormatter;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The advice that goes with a statement of Hibernate's DDL the database refused, chosen from the statement
 * and the database's own error, so a {@code VARCHAR} without a length is not explained as a reserved word.
 */
final class ModelDdlHint {

    private static final Pattern POSTGRES_NEAR = Pattern.compile("at or near \"([^\"]*)\"");
    private static final Pattern MARIADB_NEAR = Pattern.compile("near '([^']*)'");
    private static final Pattern WORD = Pattern.compile("^[`\"]?([A-Za-z_][A-Za-z0-9_$]*)");
    private static final Pattern NO_LENGTH = Pattern.compile("(?i)\\b(varchar|varbinary|character varying)\\b(?!\\s*\\()");
    /** Reserved words that stand in DDL as themselves, never as a name Hibernate wrote. */
    private static final java.util.Set<String> STRUCTURE = java.util.Set.of("primary", "foreign", "unique",
            "constraint", "check", "key", "index", "references", "default", "not", "null");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("type \"([^\"]+)\" does not exist");

    private ModelDdlHint() {
    }

    static String of(String ddl, String error, Dialect dialect) {
        String product = dialect.productName();
        Optional<String> near = nearToken(error, dialect);
        if (near.isPresent() && !STRUCTURE.contains(near.get().toLowerCase(Locale.ROOT))
                && isReserved(near.get(), dialect) && mentionsAsName(ddl, near.get())) {
            return "`" + near.get() + "` is a reserved word in " + product + ": name the column or table otherwise"
                    + " (@Column(name = ...), @Table(name = ...)), or set hibernate.auto_quote_keyword=true.";
        }
        Matcher noLength = NO_LENGTH.matcher(ddl);
        if (dialect == Dialect.MARIADB && noLength.find()) {
            return "`" + noLength.group(1) + "` has no length, which " + product + " requires; it usually comes from"
                    + " @Column(columnDefinition = \"" + noLength.group(1).toUpperCase(Locale.ROOT) + "\"): write the"
                    + " length there (" + noLength.group(1).toUpperCase(Locale.ROOT) + "(255)) or use @Column(length = ...)"
                    + " without columnDefinition.";
        }
        Matcher unknownType = UNKNOWN_TYPE.matcher(error);
        if (unknownType.find()) {
            return "`" + unknownType.group(1) + "` is not a " + product + " type; it usually comes from a"
                    + " @Column(columnDefinition = ...) written for another database.";
        }
        return "Hibernate passes columnDefinition, @Check and @ColumnDefault to " + product + " as written: check them"
                + " in the mapping behind this statement.";
    }

    private static Optional<String> nearToken(String error, Dialect dialect) {
        Matcher near = (dialect == Dialect.MARIADB ? MARIADB_NEAR : POSTGRES_NEAR).matcher(error);
        if (!near.find()) {
            return Optional.empty();
        }
        Matcher word = WORD.matcher(near.group(1).strip());
        return word.find() ? Optional.of(word.group(1)) : Optional.empty();
    }

    private static boolean isReserved(String word, Dialect dialect) {
        DialectSql sql = dialect == Dialect.MARIADB ? new MariaDbSqlFormatter() : new SqlFormatter();
        String lower = word.toLowerCase(Locale.ROOT);
        return !sql.name(lower).equals(lower);
    }

    /** The word stands where a name does: after table/column keywords or first in a column definition. */
    private static boolean mentionsAsName(String ddl, String word) {
        String w = Pattern.quote(word);
        return Pattern.compile("(?i)(?:\\btable\\s+(?:\\w+\\.)?|\\bcolumn\\s+|[(,]\\s*|\\bon\\s+(?:\\w+\\.)?)" + w + "\\b")
                .matcher(ddl).find();
    }
}
