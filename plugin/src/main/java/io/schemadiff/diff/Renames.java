package io.schemadiff.diff;

import io.schemadiff.core.SchemaException;
import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.PrimaryKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames the user declared ({@code schema.renames}), because a build cannot ask: without them a
 * renamed field is a dropped column (its data lost) plus a new empty one. The migrations' schema is
 * renamed first and then compared, so the plan holds the renames and only what else changed.
 *
 * <p>Syntax: {@code accounts -> customer_accounts} (a table), {@code accounts.email -> email_address}
 * or {@code accounts.email -> accounts.email_address} (a column, named by its table's current name),
 * each optionally schema-qualified ({@code billing.invoices -> bills}).
 */
public final class Renames {

    private static final Pattern ARROW = Pattern.compile("\\s*->\\s*");

    /** A declared rename as written: the old name's parts and the new name's parts, lower case. */
    private record Spec(String text, String[] from, String[] to) {
    }

    private final List<Spec> specs;
    private final String defaultSchema;
    private final Map<QualifiedName, QualifiedName> tables = new LinkedHashMap<>();
    /** Keyed by the table's current name, then the column's current name. */
    private final Map<QualifiedName, Map<String, String>> columns = new LinkedHashMap<>();

    private Renames(List<Spec> specs, String defaultSchema) {
        this.specs = specs;
        this.defaultSchema = defaultSchema;
    }

    public static Renames none() {
        return new Renames(List.of(), "public");
    }

    /**
     * @param specs         e.g. {@code accounts.email -> email_address}
     * @param defaultSchema where unqualified tables live
     */
    public static Renames parse(List<String> specs, String defaultSchema) {
        List<Spec> parsed = new ArrayList<>();
        for (String raw : specs) {
            String spec = raw == null ? "" : raw.strip();
            if (spec.isEmpty()) {
                continue;
            }
            String[] sides = ARROW.split(spec);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
                throw bad(raw, "use old -> new");
            }
            String[] from = sides[0].toLowerCase(java.util.Locale.ROOT).split("\\.");
            String[] to = sides[1].toLowerCase(java.util.Locale.ROOT).split("\\.");
            if (from.length > 3 || to.length > 3 || List.of(from).contains("") || List.of(to).contains("")) {
                throw bad(raw, "names are table, schema.table, table.column or schema.table.column");
            }
            parsed.add(new Spec(spec, from, to));
        }
        return new Renames(parsed, defaultSchema);
    }

    private static IllegalArgumentException bad(String spec, String hint) {
        return new IllegalArgumentException("Not a rename: '" + spec + "' in <renames> (schema.renames): " + hint
                + ". Examples: accounts -> customer_accounts, accounts.email -> email_address.");
    }

    public boolean isEmpty() {
        return specs.isEmpty();
    }

    /**
     * The migrations' schema as it will be once the renames ran: what the rest of the plan builds on.
     * A rename that names something the migrations do not have, or that the model does not want, is
     * an error naming it. ({@code a.b} is the column {@code b} of table {@code a} when that exists,
     * else the table {@code b} of schema {@code a}.)
     */
    public DatabaseSchema applyTo(DatabaseSchema reference, DatabaseSchema model) {
        tables.clear();
        columns.clear();
        for (Spec spec : specs) {
            resolve(spec, reference, model);
        }
        columns.forEach((table, renames) -> renames.forEach((from, to) -> {
            QualifiedName target = tables.getOrDefault(table, table);
            if (!hasColumn(model, target, to)) {
                throw new SchemaException("Rename " + table.display() + "." + from + " -> " + to
                        + ": the entity model's table " + target.display() + " has no column " + to + ".");
            }
        }));
        SortedMap<QualifiedName, Table> renamed = new TreeMap<>();
        for (Table table : reference.tables().values()) {
            QualifiedName name = tables.getOrDefault(table.name(), table.name());
            renamed.put(name, rename(table, name, columns.getOrDefault(table.name(), Map.of())));
        }
        return new DatabaseSchema(reference.schemas(), renamed, reference.sequences(), reference.unmanaged());
    }

    private void resolve(Spec spec, DatabaseSchema reference, DatabaseSchema model) {
        String[] from = spec.from();
        String[] to = spec.to();
        QualifiedName columnTable = from.length == 3 ? QualifiedName.of(from[0], from[1])
                : from.length == 2 ? QualifiedName.of(defaultSchema, from[0]) : null;
        // a.b: a column of table a, unless a is a schema and not a table of the default schema
        boolean isColumn = columnTable != null && (from.length == 3 || hasColumn(reference, columnTable, from[1])
                || (reference.tables().containsKey(columnTable) && !reference.schemas().contains(from[0])));
        if (isColumn) {
            String oldColumn = from[from.length - 1];
            String newColumn = to[to.length - 1];
            if (to.length > 1 && !to[to.length - 2].equals(columnTable.name())
                    && !to[to.length - 2].equals(tableRenameOf(columnTable, model))) {
                throw new SchemaException("Rename " + spec.text() + ": a column stays in its table; write "
                        + String.join(".", from) + " -> " + newColumn + ".");
            }
            if (!hasColumn(reference, columnTable, oldColumn)) {
                throw new SchemaException("Rename " + spec.text() + ": the migrations have no column "
                        + columnTable.display() + "." + oldColumn + ".");
            }
            columns.computeIfAbsent(columnTable, t -> new LinkedHashMap<>()).put(oldColumn, newColumn);
            return;
        }
        if (to.length > 2) {
            throw new SchemaException("Rename " + spec.text() + ": a table is renamed to table or schema.table.");
        }
        QualifiedName old = from.length == 2 ? QualifiedName.of(from[0], from[1]) : QualifiedName.of(defaultSchema, from[0]);
        QualifiedName renamed = to.length == 2 ? QualifiedName.of(to[0], to[1]) : QualifiedName.of(old.schema(), to[0]);
        if (!reference.tables().containsKey(old)) {
            throw new SchemaException("Rename " + spec.text() + ": the migrations have no table " + old.display() + ".");
        }
        if (!renamed.schema().equals(old.schema())) {
            throw new SchemaException("Rename " + spec.text() + ": a rename keeps the table in its schema ("
                    + old.schema() + ").");
        }
        if (!model.tables().containsKey(renamed)) {
            throw new SchemaException("Rename " + spec.text() + ": the entity model has no table " + renamed.display() + ".");
        }
        tables.put(old, renamed);
    }

    private static boolean hasColumn(DatabaseSchema schema, QualifiedName table, String column) {
        Table t = schema.tables().get(table);
        return t != null && t.columns().stream().anyMatch(c -> c.name().equals(column));
    }

    private String tableRenameOf(QualifiedName table, DatabaseSchema model) {
        return specs.stream().filter(s -> s.from().length <= 2 && s.to().length <= 2
                        && String.join(".", s.from()).equals(table.name()))
                .map(s -> s.to()[s.to().length - 1]).findFirst().orElse(table.name());
    }

    /** The plan with the renames: the renames first, then whatever else separates the renamed schema from the model. */
    public SchemaDiff diff(DatabaseSchema reference, DatabaseSchema model) {
        if (isEmpty()) {
            return new SchemaDiffer().diff(reference, model);
        }
        SchemaDiff rest = new SchemaDiffer().diff(applyTo(reference, model), model);
        List<Change> all = new ArrayList<>(changes());
        all.addAll(rest.changes());
        return new SchemaDiff(ChangePlan.order(all), rest.unmanaged());
    }

    /** The rename steps, in the names the rest of the plan uses. */
    public List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        tables.forEach((from, to) -> changes.add(new Change.RenameTable(from, to)));
        columns.forEach((table, renames) -> renames.forEach((from, to) ->
                changes.add(new Change.RenameColumn(tables.getOrDefault(table, table), from, to))));
        return changes;
    }

    private Table rename(Table table, QualifiedName name, Map<String, String> columnRenames) {
        List<Column> renamedColumns = table.columns().stream()
                .map(c -> new Column(columnRenames.getOrDefault(c.name(), c.name()), c.type(), c.nullable(),
                        c.defaultExpression(), c.generation())).toList();
        PrimaryKey primaryKey = table.primaryKey() == null ? null
                : new PrimaryKey(table.primaryKey().name(), names(table.primaryKey().columns(), columnRenames));
        List<ForeignKey> foreignKeys = table.foreignKeys().stream().map(fk -> {
            QualifiedName target = tables.getOrDefault(fk.referencedTable(), fk.referencedTable());
            Map<String, String> targetRenames = columns.getOrDefault(fk.referencedTable(), Map.of());
            return new ForeignKey(fk.name(), names(fk.columns(), columnRenames), target,
                    names(fk.referencedColumns(), targetRenames), fk.onDelete(), fk.onUpdate(), fk.deferrable(),
                    fk.initiallyDeferred());
        }).toList();
        List<UniqueKey> uniqueKeys = table.uniqueKeys().stream()
                .map(uk -> new UniqueKey(uk.name(), names(uk.columns(), columnRenames), uk.backedByIndexOnly())).toList();
        List<Index> indexes = table.indexes().stream()
                .map(ix -> new Index(ix.name(), ix.unique(), words(ix.definition(), columnRenames),
                        words(ix.body(), columnRenames), ix.partial(), ix.expression())).toList();
        List<CheckConstraint> checks = table.checks().stream()
                .map(ck -> new CheckConstraint(ck.name(), words(ck.definition(), columnRenames),
                        names(ck.columns(), columnRenames), words(ck.expression(), columnRenames))).toList();
        return new Table(name, renamedColumns, primaryKey, foreignKeys, uniqueKeys, indexes, checks);
    }

    private static List<String> names(List<String> names, Map<String, String> renames) {
        return names.stream().map(n -> renames.getOrDefault(n, n)).toList();
    }

    /** Renames whole identifiers in SQL text (index bodies, check expressions), never inside quotes. */
    static String words(String sql, Map<String, String> renames) {
        if (sql == null || renames.isEmpty()) {
            return sql;
        }
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|[A-Za-z_][A-Za-z0-9_$]*").matcher(sql);
        int last = 0;
        while (m.find()) {
            out.append(sql, last, m.start());
            String token = m.group();
            boolean quoted = token.startsWith("'") || token.startsWith("\"");
            out.append(quoted ? token : renames.getOrDefault(token, token));
            last = m.end();
        }
        return out.append(sql.substring(last)).toString();
    }

    /**
     * Drops and adds in the plan that look like renames nobody declared (Django's rule: identical
     * apart from the name), each as a sentence that says how to declare it.
     */
    public static List<String> probable(List<Change> plan) {
        List<String> hints = new ArrayList<>();
        for (Change change : plan) {
            if (change instanceof Change.DropColumn drop) {
                plan.stream().filter(c -> c instanceof Change.AddColumn add && add.table().equals(drop.table())
                                && sameApartFromName(drop.definition(), add.definition()))
                        .map(c -> ((Change.AddColumn) c).definition().name())
                        .forEach(added -> hints.add(drop.table().display() + "." + drop.definition().name() + " -> "
                                + added + " looks like a rename: as planned, " + drop.definition().name()
                                + " is dropped with its data. If it is one, declare <rename>" + drop.table().display()
                                + "." + drop.definition().name() + " -> " + added + "</rename> in <renames>."));
            } else if (change instanceof Change.DropTable drop) {
                plan.stream().filter(c -> c instanceof Change.CreateTable create
                                && create.table().name().schema().equals(drop.table().name().schema())
                                && sameColumns(drop.table(), create.table()))
                        .map(c -> ((Change.CreateTable) c).table().name())
                        .forEach(created -> hints.add(drop.table().name().display() + " -> " + created.name()
                                + " looks like a rename: as planned, " + drop.table().name().display()
                                + " is dropped with its rows. If it is one, declare <rename>"
                                + drop.table().name().display() + " -> " + created.name() + "</rename> in <renames>."));
            }
        }
        return hints;
    }

    private static boolean sameApartFromName(Column a, Column b) {
        return a.type().equals(b.type()) && a.nullable() == b.nullable()
                && Objects.equals(a.defaultExpression(), b.defaultExpression())
                && a.generation().sameBehaviourAs(b.generation());
    }

    private static boolean sameColumns(Table a, Table b) {
        return a.columns().size() == b.columns().size() && a.columns().stream().allMatch(ca -> b.columns().stream()
                .anyMatch(cb -> cb.name().equals(ca.name()) && sameApartFromName(ca, cb)));
    }
}
