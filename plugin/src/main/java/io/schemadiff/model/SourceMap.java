package io.schemadiff.model;

import io.schemadiff.schema.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which entity (and field) each table (and column) comes from, keyed by the names PostgreSQL
 * stores, so a change read back from the catalog can be traced to the code that caused it.
 */
public final class SourceMap implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<QualifiedName, String> tables = new TreeMap<>();
    private final Map<String, String> columns = new TreeMap<>();
    private final Map<QualifiedName, List<HibernateCheck>> checks = new TreeMap<>();
    private final Map<QualifiedName, java.util.Set<String>> explicitNames = new TreeMap<>();
    private String untraced;

    /** No table or column traced, and why: said to the user rather than leaving every source empty. */
    static SourceMap untraced(String reason) {
        SourceMap map = new SourceMap();
        map.untraced = reason;
        return map;
    }

    /** Why changes name no entity or field, when tracing failed. */
    public Optional<String> untraced() {
        return Optional.ofNullable(untraced);
    }

    /** A check constraint as Hibernate writes it: on one column, or ({@code column == null}) on the table. */
    public record HibernateCheck(String column, String expression) implements java.io.Serializable {
    }

    void table(QualifiedName table, String source) {
        tables.putIfAbsent(table, source);
    }

    void column(QualifiedName table, String column, String source) {
        columns.putIfAbsent(key(table, column), source);
    }

    void explicitName(QualifiedName table, String name) {
        explicitNames.computeIfAbsent(table, t -> new java.util.TreeSet<>()).add(name);
    }

    /** Constraint and index names the model states itself ({@code @Index(name)}, {@code @ForeignKey(name)}…). */
    public Map<QualifiedName, java.util.Set<String>> explicitNames() {
        return java.util.Collections.unmodifiableMap(explicitNames);
    }

    void check(QualifiedName table, String column, String expression) {
        checks.computeIfAbsent(table, t -> new ArrayList<>()).add(new HibernateCheck(column, expression));
    }

    /**
     * Hibernate's own expression for a check PostgreSQL reports on {@code columns} of {@code table}:
     * the column's check when there is exactly one, else the table's when there is exactly one.
     */
    public Optional<String> checkExpression(QualifiedName table, List<String> columns) {
        List<HibernateCheck> candidates = checks.getOrDefault(table, List.of());
        if (columns.size() == 1) {
            List<HibernateCheck> onColumn = candidates.stream()
                    .filter(c -> columns.get(0).equals(c.column())).toList();
            if (onColumn.size() == 1) {
                return Optional.of(onColumn.get(0).expression());
            }
        }
        List<HibernateCheck> onTable = candidates.stream().filter(c -> c.column() == null).toList();
        return onTable.size() == 1 ? Optional.of(onTable.get(0).expression()) : Optional.empty();
    }

    /** Every mapped table, with the class (or collection) that maps it. */
    public Map<QualifiedName, String> tables() {
        return java.util.Collections.unmodifiableMap(tables);
    }

    /** e.g. {@code com.example.Account}, or {@code com.example.Transaction.tags} for a join table. */
    public Optional<String> ofTable(QualifiedName table) {
        return Optional.ofNullable(tables.get(table));
    }

    /** Every traced column ({@code schema.table.column}), with the field that maps it. */
    Map<String, String> columns() {
        return java.util.Collections.unmodifiableMap(columns);
    }

    /** e.g. {@code com.example.Account.phone}. */
    public Optional<String> ofColumn(QualifiedName table, String column) {
        return Optional.ofNullable(columns.get(key(table, column)));
    }

    private static String key(QualifiedName table, String column) {
        return table.schema() + '.' + table.name() + '.' + column;
    }

    /** Equal when every table, column, check and explicit name is traced alike (the model JVM's copy to its own). */
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceMap that && tables.equals(that.tables) && columns.equals(that.columns)
                && checks.equals(that.checks) && explicitNames.equals(that.explicitNames)
                && java.util.Objects.equals(untraced, that.untraced);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(tables, columns, checks, explicitNames, untraced);
    }
}
