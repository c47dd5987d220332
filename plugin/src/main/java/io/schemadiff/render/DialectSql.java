package io.schemadiff.render;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What every dialect's {@code $sql} shares. Names are quoted only when they must be (reserved words,
 * characters a bare name cannot hold), so the SQL reads like hand-written SQL; {@code public} is the
 * schema names are written without. Public, so templates reach the inherited methods.
 */
public abstract class DialectSql {

    private final Pattern plainIdentifier;
    private final Set<String> reservedWords;
    private final boolean caseInsensitiveKeywords;
    private final char quote;
    private Map<String, String> spellings = Map.of();

    /**
     * @param reservedWordsResource   a word per line ({@code #} comments), beside this class
     * @param caseInsensitiveKeywords whether a reserved word is reserved whatever its case
     */
    protected DialectSql(Pattern plainIdentifier, String reservedWordsResource,
                                boolean caseInsensitiveKeywords, char quote) {
        this.plainIdentifier = plainIdentifier;
        this.reservedWords = loadWords(reservedWordsResource, caseInsensitiveKeywords);
        this.caseInsensitiveKeywords = caseInsensitiveKeywords;
        this.quote = quote;
    }

    /**
     * Names the database compares without case (MariaDB's columns, indexes and constraints) are read in
     * lower case; these are their spellings as the entity model writes them, so SQL reads as
     * {@code placedAt}, not {@code placedat}. Keyed by the lower-case name; never applied to tables.
     */
    void spellings(Map<String, String> lowerToSpelled) {
        this.spellings = Map.copyOf(lowerToSpelled);
    }

    /** A column, index, constraint or schema name as it must appear in SQL. */
    public String name(String identifier) {
        return quoted(spellings.getOrDefault(identifier, identifier));
    }

    /** {@code identifier}, quoted when it must be. */
    private String quoted(String identifier) {
        String keyword = caseInsensitiveKeywords ? identifier.toLowerCase(Locale.ROOT) : identifier;
        if (plainIdentifier.matcher(identifier).matches() && !reservedWords.contains(keyword)) {
            return identifier;
        }
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }

    /** A table or sequence name, qualified outside {@code public}. */
    public String table(QualifiedName name) {
        // table names keep the case they were read with: MariaDB on Linux compares them as written
        return "public".equals(name.schema()) ? quoted(name.name()) : quoted(name.schema()) + "." + quoted(name.name());
    }

    /** An object name in a schema: {@code schema.name}, or {@code name} in {@code public}. */
    public String table(String schema, String name) {
        return table(QualifiedName.of(schema, name));
    }

    /** A comma-separated list of column names. */
    public String columns(List<String> columns) {
        return columns.stream().map(this::name).collect(Collectors.joining(", "));
    }

    /** {@code foreign key (...) references t (...)} with its actions, and what else the dialect says of it. */
    public String references(ForeignKey fk) {
        StringBuilder sql = new StringBuilder("foreign key (").append(columns(fk.columns())).append(") references ")
                .append(table(fk.referencedTable())).append(" (").append(columns(fk.referencedColumns())).append(')');
        if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
            sql.append(" on delete ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
            sql.append(" on update ").append(fk.onUpdate().sql());
        }
        return sql.append(referenceOptions(fk)).toString();
    }

    /** What follows a foreign key's actions in this dialect, e.g. {@code deferrable}; empty by default. */
    protected String referenceOptions(ForeignKey fk) {
        return "";
    }

    /** A column as written in {@code create table} or {@code add column}. */
    public abstract String column(Column column);

    /** Columns, primary key, unique constraints and checks of a new table, one element per line; foreign keys come later. */
    public List<String> tableElements(Table table) {
        List<String> elements = new ArrayList<>();
        table.columns().forEach(c -> elements.add(column(c)));
        table.primaryKeyIfAny().ifPresent(pk -> elements.add("primary key (" + columns(pk.columns()) + ")"));
        for (UniqueKey unique : table.uniqueKeys()) {
            if (declaredWithTable(unique)) {
                elements.add(uniqueKey(unique));
            }
        }
        for (CheckConstraint check : table.checks()) {
            elements.add("constraint " + name(check.name()) + " " + check(check));
        }
        return elements;
    }

    /** {@code constraint uk unique (a, b)}. */
    public String uniqueKey(UniqueKey unique) {
        return "constraint " + name(unique.name()) + " unique (" + columns(unique.columns()) + ")";
    }

    /** Whether {@code unique} is a constraint of the new table's, not an index created after it. */
    protected boolean declaredWithTable(UniqueKey unique) {
        return true;
    }

    /** A check constraint's definition, e.g. {@code check (amount >= 0)}. */
    public String check(CheckConstraint check) {
        return "check (" + check.expression() + ")";
    }

    /** The statement that creates an index on a table. */
    public String createIndex(QualifiedName table, Index index) {
        return createIndex(table, index, false);
    }

    /** @param online build it without blocking writes, as far as the dialect can */
    public abstract String createIndex(QualifiedName table, Index index, boolean online);

    private static Set<String> loadWords(String resource, boolean lowerCase) {
        try (InputStream in = DialectSql.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the plugin");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> lowerCase ? l.toLowerCase(Locale.ROOT) : l)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
