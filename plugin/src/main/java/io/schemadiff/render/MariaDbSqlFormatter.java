package io.schemadiff.render;

import io.schemadiff.schema.Column;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MariaDB spelling helpers, available to the {@code mariadb} templates as {@code $sql}. What it
 * writes is what {@link io.schemadiff.catalog.MariaDbCatalogReader} reads back: types and defaults
 * are written as that reader prints them, and {@code AUTO_INCREMENT} stands for every kind of
 * identity.
 *
 * <p>Names are back-quoted only when MariaDB needs it (reserved words, odd characters), so the SQL
 * reads like hand-written SQL. Unquoted names keep their case in MariaDB, so mixed case needs no
 * quotes. The schema {@code public} is how the neutral model labels "the current database": names
 * in it are written unqualified; any other schema is a database, written {@code db.table}.
 */
public final class MariaDbSqlFormatter extends DialectSql {

    /** One part of an index body: a bare or back-quoted column, an optional prefix length, an optional DESC. */
    private static final Pattern INDEX_PART =
            Pattern.compile("(?i)^(`(?:[^`]|``)+`|\"(?:[^\"]|\"\")+\"|[^\\s(`\"]+)\\s*(\\(\\d+\\))?(\\s+(?:asc|desc))?$");
    private static final Pattern INDEX_BODY =
            Pattern.compile("(?is)^(?:using\\s+(\\w+)\\s+|(fulltext|spatial)\\s+)?\\((.*)\\)$");
    private static final long BIGINT_MAX = 9223372036854775806L;
    private static final long BIGINT_MIN = -9223372036854775807L;


    public MariaDbSqlFormatter() {
        // unquoted names keep their case in MariaDB, and keywords are reserved in any case
        super(Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*"), "mariadb-reserved-words.txt", true, '`');
    }

    /** A type as written: the reader's spelling is MariaDB's own ({@code bigint}, {@code decimal(19,2)}). */
    public String type(String type) {
        return type;
    }

    /** The name of a column's type without length, precision or attributes: {@code varchar(20)} → {@code varchar}. */
    static String baseType(String type) {
        Matcher m = Pattern.compile("^([a-z0-9_ ]+?)(?:\\s*\\(|\\s+(?:unsigned|signed|zerofill|as|on|invisible)\\b|$)")
                .matcher(type.toLowerCase(Locale.ROOT).strip());
        return m.find() ? m.group(1).strip() : type;
    }

    private static final Set<String> NUMBERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint",
            "decimal", "numeric", "float", "double", "double precision", "real", "bit", "year", "bool", "boolean");
    private static final Set<String> STRINGS = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "set", "inet4", "inet6");

    /**
     * A value to give existing rows when a column becomes NOT NULL, for a reviewer to replace with the
     * real one; empty when the type has no obvious placeholder.
     */
    public String placeholder(String type) {
        String base = baseType(type);
        if (base.equals("enum")) {
            Matcher first = Pattern.compile("^enum\\(('(?:[^']|'')*')").matcher(type);
            return first.find() ? first.group(1) : "";
        }
        if (base.equals("inet4")) {
            return "'0.0.0.0'";
        }
        if (base.equals("inet6")) {
            return "'::'";
        }
        if (NUMBERS.contains(base)) {
            return base.equals("year") ? "year(current_date)" : "0";
        }
        if (STRINGS.contains(base)) {
            return "''";
        }
        return switch (base) {
            case "date" -> "current_date";
            case "datetime", "timestamp" -> "current_timestamp";
            case "time" -> "current_time";
            case "uuid" -> "uuid()";
            case "json" -> "'{}'";
            default -> "";
        };
    }

    /** The column as {@link #column} writes it, but nullable: the first step of a backfill. */
    public String nullableColumn(Column column) {
        return column(new Column(column.name(), column.type(), true, column.defaultExpression(), column.generation()));
    }

    /** A column as written in {@code create table}, {@code add column} and {@code modify column}: name and {@link #definition}. */
    @Override
    public String column(Column column) {
        return name(column.name()) + " " + definition(column);
    }

    /**
     * Everything after the column's name: {@code type [not null] [default …] [auto_increment]}. Any
     * identity is {@code auto_increment} (MariaDB has no {@code generated always}). A nullable
     * {@code timestamp} says {@code null}: without it, a server with
     * {@code explicit_defaults_for_timestamp=OFF} (the default before 10.10) makes it NOT NULL.
     */
    public String definition(Column column) {
        StringBuilder sql = new StringBuilder(type(column.type()));
        if (!column.nullable()) {
            sql.append(" not null");
        } else if (baseType(column.type()).equals("timestamp")) {
            sql.append(" null");
        }
        if (column.hasDefault()) {
            sql.append(" default ").append(column.defaultExpression());
        }
        if (column.generation() != Column.Generation.NONE) {
            sql.append(" auto_increment");
        }
        return sql.toString();
    }


    /**
     * {@code create [unique|fulltext|spatial] index ix on t (a, b desc) [using hash]}, from the index's
     * body as the reader prints it ({@code USING btree (a, b DESC)}, {@code FULLTEXT (body)}). With
     * {@code online}, {@code algorithm=inplace lock=none}: InnoDB builds a B-tree index without blocking
     * writes anyway, and this makes MariaDB fail rather than silently lock when it cannot.
     */
    @Override
    public String createIndex(QualifiedName table, Index index, boolean online) {
        Matcher body = INDEX_BODY.matcher(index.body().strip());
        if (!body.matches()) {
            return "create " + (index.unique() ? "unique " : "") + "index " + name(index.name()) + " on "
                    + table(table) + " " + index.body();
        }
        String method = body.group(1) == null ? "btree" : body.group(1).toLowerCase(Locale.ROOT);
        String kind = body.group(2) != null ? body.group(2).toLowerCase(Locale.ROOT) + " "
                : index.unique() ? "unique " : "";
        StringBuilder sql = new StringBuilder("create ").append(kind).append("index ").append(name(index.name()))
                .append(" on ").append(table(table)).append(" (").append(indexParts(body.group(3))).append(')');
        if (body.group(2) == null && !method.equals("btree")) {
            sql.append(" using ").append(method);
        }
        if (online && body.group(2) == null) {
            sql.append(" algorithm=inplace lock=none");
        }
        return sql.toString();
    }

    /** {@code a, `order`(20) DESC} → {@code a, `order`(20) desc}, each column quoted as {@link #name} does. */
    private String indexParts(String parts) {
        List<String> out = new ArrayList<>();
        for (String part : splitTopLevel(parts)) {
            Matcher m = INDEX_PART.matcher(part.strip());
            if (!m.matches()) {
                out.add(part.strip());
                continue;
            }
            String column = m.group(1);
            if (column.startsWith("`")) {
                column = column.substring(1, column.length() - 1).replace("``", "`");
            } else if (column.startsWith("\"")) {
                column = column.substring(1, column.length() - 1).replace("\"\"", "\"");
            }
            String direction = m.group(3) == null ? "" : " " + m.group(3).strip().toLowerCase(Locale.ROOT);
            out.add(name(column) + (m.group(2) == null ? "" : m.group(2)) + (direction.equals(" asc") ? "" : direction));
        }
        return String.join(", ", out);
    }

    private static List<String> splitTopLevel(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int from = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '`' || c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(list.substring(from));
        return parts;
    }

    /**
     * Options of {@code create sequence}, leaving out MariaDB's defaults (increment 1; minvalue 1 and
     * maxvalue 9223372036854775806 going up, -9223372036854775807 and -1 going down; cache 1000; no
     * cycle). The start is always written. A type other than {@code bigint} is written as
     * {@code as <type>}, which needs MariaDB 11.5.
     */
    public String sequenceOptions(Sequence sequence) {
        StringBuilder sql = new StringBuilder();
        if (!"bigint".equals(sequence.dataType())) {
            sql.append(" as ").append(sequence.dataType());
        }
        sql.append(" start with ").append(sequence.start()).append(" increment by ").append(sequence.increment());
        boolean ascending = sequence.increment() > 0;
        if (sequence.minValue() != (ascending ? 1 : BIGINT_MIN)) {
            sql.append(" minvalue ").append(sequence.minValue());
        }
        if (sequence.maxValue() != (ascending ? BIGINT_MAX : -1)) {
            sql.append(" maxvalue ").append(sequence.maxValue());
        }
        if (sequence.cache() != 1000) {
            sql.append(sequence.cache() == 0 ? " nocache" : " cache " + sequence.cache());
        }
        if (sequence.cycle()) {
            sql.append(" cycle");
        }
        return sql.toString();
    }

    /** Options of {@code alter sequence} that take {@code from} to {@code to}; only what differs. */
    public String sequenceChanges(Sequence from, Sequence to) {
        StringBuilder sql = new StringBuilder();
        if (!from.dataType().equals(to.dataType())) {
            sql.append(" as ").append(to.dataType());
        }
        if (from.increment() != to.increment()) {
            sql.append(" increment by ").append(to.increment());
        }
        if (from.minValue() != to.minValue()) {
            sql.append(" minvalue ").append(to.minValue());
        }
        if (from.maxValue() != to.maxValue()) {
            sql.append(" maxvalue ").append(to.maxValue());
        }
        if (from.start() != to.start()) {
            sql.append(" start with ").append(to.start());
        }
        if (from.cache() != to.cache()) {
            sql.append(" cache ").append(to.cache());
        }
        if (from.cycle() != to.cycle()) {
            sql.append(to.cycle() ? " cycle" : " nocycle");
        }
        return sql.toString();
    }

    /** Whether the new range may leave the sequence's next value outside it, which MariaDB refuses. */
    public boolean narrowsRange(Sequence from, Sequence to) {
        return to.minValue() > from.minValue() || to.maxValue() < from.maxValue();
    }

}
