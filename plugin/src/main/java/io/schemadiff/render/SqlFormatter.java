package io.schemadiff.render;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
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
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL spelling helpers, available to every template as {@code $sql}.
 *
 * <p>Names are quoted only when PostgreSQL needs it (upper case, odd characters, reserved words),
 * so the generated SQL reads like hand-written SQL.
 */
public final class SqlFormatter {

    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]*");
    private static final Set<String> RESERVED = loadReservedWords();

    /** A name as it must appear in SQL. */
    public String name(String identifier) {
        if (PLAIN_IDENTIFIER.matcher(identifier).matches() && !RESERVED.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A table or sequence name, schema-qualified outside {@code public}. */
    public String table(QualifiedName name) {
        return "public".equals(name.schema()) ? name(name.name()) : name(name.schema()) + "." + name(name.name());
    }

    /** An object name in a schema: {@code schema.name}, or {@code name} in {@code public}. */
    public String table(String schema, String name) {
        return table(QualifiedName.of(schema, name));
    }

    /** A comma-separated list of column names. */
    public String columns(List<String> columns) {
        return columns.stream().map(this::name).collect(Collectors.joining(", "));
    }

    /** The short spelling of a type PostgreSQL reported in its long form. */
    public String type(String formatted) {
        return formatted
                .replace("character varying", "varchar")
                .replaceAll("^character\\(", "char(")
                .replaceAll("^(timestamp|time)(\\(\\d+\\)) without time zone", "$1$2");
    }

    private static final java.util.Set<String> NUMBERS = java.util.Set.of("smallint", "integer", "bigint", "numeric",
            "real", "double precision");
    private static final java.util.Set<String> STRINGS = java.util.Set.of("character varying", "character", "text");
    private static final java.util.Set<String> DATES_AND_TIMESTAMPS = java.util.Set.of("date",
            "timestamp without time zone", "timestamp with time zone");
    private static final java.util.Set<String> TIMES = java.util.Set.of("time without time zone", "time with time zone");

    /**
     * Whether {@code alter column … type} needs a {@code using} cast: PostgreSQL converts on its own
     * (an assignment cast) between numbers, between dates and timestamps, between times, to any
     * string type, and within one type (another length or precision); anything else it refuses.
     */
    public boolean needsUsing(String fromType, String toType) {
        String from = baseType(fromType);
        String to = baseType(toType);
        boolean converts = from.equals(to) || STRINGS.contains(to)
                || (NUMBERS.contains(from) && NUMBERS.contains(to))
                || (DATES_AND_TIMESTAMPS.contains(from) && DATES_AND_TIMESTAMPS.contains(to))
                || (TIMES.contains(from) && TIMES.contains(to));
        return !converts;
    }

    /** {@code timestamp(3) with time zone} → {@code timestamp with time zone}, {@code numeric(10,2)} → {@code numeric}. */
    private static String baseType(String formatted) {
        return formatted.replaceAll("\\(\\d+(?:,\\s*\\d+)?\\)", "").replaceAll("\\s+", " ").strip();
    }

    /**
     * A value to give existing rows when a column becomes NOT NULL, for a reviewer to replace with the
     * real one; empty when the type has no obvious placeholder.
     */
    public String placeholder(String type) {
        String base = baseType(type);
        if (NUMBERS.contains(base)) {
            return "0";
        }
        if (STRINGS.contains(base)) {
            return "''";
        }
        return switch (base) {
            case "boolean" -> "false";
            case "date" -> "current_date";
            case "timestamp without time zone" -> "localtimestamp";
            case "timestamp with time zone" -> "current_timestamp";
            case "time without time zone" -> "localtime";
            case "uuid" -> "gen_random_uuid()";
            case "json", "jsonb" -> "'{}'";
            case "bytea" -> "''::bytea";
            default -> "";
        };
    }

    /** The column as {@link #column} writes it, but nullable: the first step of a backfill. */
    public String nullableColumn(Column column) {
        return column(new Column(column.name(), column.type(), true, column.defaultExpression(), column.generation()));
    }

    /** A column as written in {@code create table} or {@code add column}. */
    public String column(Column column) {
        StringBuilder sql = new StringBuilder(name(column.name())).append(' ').append(type(column.type()));
        switch (column.generation()) {
            case IDENTITY_BY_DEFAULT, SERIAL -> sql.append(" generated by default as identity");
            case IDENTITY_ALWAYS -> sql.append(" generated always as identity");
            default -> { }
        }
        if (column.hasDefault()) {
            sql.append(" default ").append(column.defaultExpression());
        }
        if (!column.nullable()) {
            sql.append(" not null");
        }
        return sql.toString();
    }

    /** Columns, primary key, unique constraints and checks of a new table, one element per line. */
    public List<String> tableElements(Table table) {
        List<String> elements = new ArrayList<>();
        table.columns().forEach(c -> elements.add(column(c)));
        table.primaryKeyIfAny().ifPresent(pk -> elements.add("primary key (" + columns(pk.columns()) + ")"));
        for (UniqueKey unique : table.uniqueKeys()) {
            if (!unique.backedByIndexOnly()) {
                elements.add("constraint " + name(unique.name()) + " unique (" + columns(unique.columns()) + ")");
            }
        }
        for (CheckConstraint check : table.checks()) {
            elements.add("constraint " + name(check.name()) + " " + check(check));
        }
        return elements;
    }

    /** {@code foreign key (...) references t (...)} with its actions. */
    public String references(ForeignKey fk) {
        StringBuilder sql = new StringBuilder("foreign key (").append(columns(fk.columns())).append(") references ")
                .append(table(fk.referencedTable())).append(" (").append(columns(fk.referencedColumns())).append(')');
        if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
            sql.append(" on delete ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
            sql.append(" on update ").append(fk.onUpdate().sql());
        }
        if (fk.deferrable()) {
            sql.append(fk.initiallyDeferred() ? " deferrable initially deferred" : " deferrable");
        }
        return sql.toString();
    }

    /** A check constraint's definition, e.g. {@code check (amount >= 0)}. */
    public String check(CheckConstraint check) {
        return "check (" + check.expression() + ")";
    }

    /** The statement that creates an index on a table. */
    public String createIndex(QualifiedName table, Index index) {
        return createIndex(table, index, false);
    }

    /** With {@code concurrently}, PostgreSQL builds the index without blocking writes (outside a transaction). */
    public String createIndex(QualifiedName table, Index index, boolean concurrently) {
        String body = index.body().startsWith("USING btree ") ? index.body().substring("USING btree ".length())
                : index.body().replaceFirst("^USING ", "using ");
        return "create " + (index.unique() ? "unique " : "") + "index " + (concurrently ? "concurrently " : "")
                + name(index.name()) + " on " + table(table) + " " + body;
    }

    /** Options of {@code create sequence}, leaving out PostgreSQL's defaults. */
    public String sequenceOptions(Sequence sequence) {
        StringBuilder sql = new StringBuilder();
        if (!"bigint".equals(sequence.dataType())) {
            sql.append(" as ").append(sequence.dataType());
        }
        sql.append(" start with ").append(sequence.start()).append(" increment by ").append(sequence.increment());
        boolean ascending = sequence.increment() > 0;
        long defaultMin = ascending ? 1 : minOf(sequence.dataType());
        long defaultMax = ascending ? maxOf(sequence.dataType()) : -1;
        if (sequence.minValue() != defaultMin) {
            sql.append(" minvalue ").append(sequence.minValue());
        }
        if (sequence.maxValue() != defaultMax) {
            sql.append(" maxvalue ").append(sequence.maxValue());
        }
        if (sequence.cache() != 1) {
            sql.append(" cache ").append(sequence.cache());
        }
        if (sequence.cycle()) {
            sql.append(" cycle");
        }
        return sql.toString();
    }

    private static long maxOf(String dataType) {
        return switch (dataType) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
    }

    private static long minOf(String dataType) {
        return switch (dataType) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
    }

    private static Set<String> loadReservedWords() {
        try (InputStream in = SqlFormatter.class.getResourceAsStream("reserved-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("reserved-words.txt is missing from the plugin");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
