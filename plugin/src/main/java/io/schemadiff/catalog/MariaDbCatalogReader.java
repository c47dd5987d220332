package io.schemadiff.catalog;

import io.schemadiff.schema.CheckConstraint;
import io.schemadiff.schema.Column;
import io.schemadiff.schema.DatabaseSchema;
import io.schemadiff.schema.ForeignKey;
import io.schemadiff.schema.Index;
import io.schemadiff.schema.PrimaryKey;
import io.schemadiff.schema.QualifiedName;
import io.schemadiff.schema.Sequence;
import io.schemadiff.schema.Table;
import io.schemadiff.schema.UniqueKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one MariaDB database (MariaDB's "schema") into a {@link DatabaseSchema} from
 * {@code information_schema}, for MariaDB 10.3 and later (sequences; defaults printed as expressions).
 *
 * <p>Every name is reported in the schema {@code schemaLabel}, never in the database's own name, so
 * that two scratch databases holding the same tables read equal. Both sides of a comparison are
 * expected to go through this reader on the same server, so MariaDB's own printing of types
 * ({@code COLUMN_TYPE}), defaults ({@code COLUMN_DEFAULT}) and checks ({@code CHECK_CLAUSE}) already
 * normalises most spellings ({@code integer}/{@code int}, {@code numeric}/{@code decimal},
 * {@code bool}/{@code tinyint(1)}, {@code default '5'}/{@code default 5} on an int). On top of that:
 * <ul>
 *   <li>column, index and constraint names read in lower case: MariaDB compares them without case,
 *       so {@code boxedWhole} and {@code boxedwhole} are one column (table names keep their case);</li>
 *   <li>integer display widths are dropped ({@code bigint(20)} is {@code bigint}): they change
 *       nothing that is stored, and MariaDB prints them or not depending on how the column was
 *       written. {@code tinyint(1)} keeps its width (it is how {@code bool} reads, and must stay
 *       distinct from {@code bit(1)}), as does any {@code zerofill} column (there it pads output);</li>
 *   <li>a {@code longtext} column with a check named after it that is exactly {@code json_valid(`c`)}
 *       reads as type {@code json}, and that check is left out: it is what {@code json} creates
 *       (MariaDB's {@code json} is an alias), whether written as {@code json} or spelled out;</li>
 *   <li>a {@code NULL} default is no default: MariaDB prints {@code NULL} for a nullable column
 *       without a default clause, as for {@code default null};</li>
 *   <li>{@code AUTO_INCREMENT} is {@link Column.Generation#IDENTITY_BY_DEFAULT}: inserts may omit or
 *       supply the value, which is what Hibernate's {@code IDENTITY} means on every database;</li>
 *   <li>{@code ON DELETE/UPDATE RESTRICT} and {@code NO ACTION} both read as
 *       {@link ForeignKey.Action#NO_ACTION}: InnoDB checks both immediately, so they behave the same,
 *       and a foreign key without a clause reads as {@code RESTRICT};</li>
 *   <li>the index InnoDB keeps for a foreign key is read like any other: whether MariaDB made it or a
 *       migration wrote it, it is the same index (indexes are compared by what they do, not by name),
 *       and one the model's database lacks must be dropped; {@link io.schemadiff.diff.ForeignKeyIndexes}
 *       orders the plan around the indexes foreign keys need;</li>
 *   <li>a unique index on plain columns is a {@link UniqueKey}: MariaDB implements {@code UNIQUE}
 *       constraints as unique indexes and cannot tell one from the other.</li>
 * </ul>
 * Generated columns, {@code ON UPDATE} and {@code INVISIBLE} are part of the column's type text,
 * in the order MariaDB accepts them in a column definition, so that they are never silently lost.
 * Character sets, collations, storage engines, comments and table options are not read. A foreign
 * key to a table in another database names that database as its schema.
 */
public final class MariaDbCatalogReader implements CatalogReader {

    /** Display widths, which mean nothing without {@code zerofill}. */
    private static final Pattern INTEGER_WIDTH =
            Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\((\\d+)\\)(.*)$");
    private static final Pattern GENERATED = Pattern.compile("\\b(virtual|stored|persistent) generated\\b");
    private static final Pattern BACKTICKED = Pattern.compile("`((?:[^`]|``)+)`");
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern SEQUENCE_TYPE =
            Pattern.compile("(?i)^create sequence `(?:[^`]|``)+` as ([a-z ]+?) start with ");

    /** How the neutral model labels "the current database" (the templates write such names unqualified). */
    public static final String CURRENT_DATABASE = "public";

    private final Set<String> excludedTables;

    /**
     * @param excludedTables table names (as stored) that are never part of a schema, such as
     *                       Flyway's history table
     */
    public MariaDbCatalogReader(Set<String> excludedTables) {
        this.excludedTables = Set.copyOf(excludedTables);
    }

    /** The connection's current database, labelled {@value #CURRENT_DATABASE}: one database is one schema here. */
    @Override
    public Set<String> userSchemas(Connection connection) {
        return Set.of(CURRENT_DATABASE);
    }

    /**
     * Reads the connection's current database. Another database is another schema, which the
     * comparison does not follow: a model that names one is refused before it gets here.
     */
    @Override
    public DatabaseSchema read(Connection connection, Set<String> schemas) throws SQLException {
        if (!schemas.equals(Set.of(CURRENT_DATABASE))) {
            throw new IllegalArgumentException("MariaDB is compared one database at a time; asked for schemas " + schemas);
        }
        String database;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select database()")) {
            rs.next();
            database = rs.getString(1);
        }
        if (database == null) {
            throw new SQLException("The connection has no current database to read");
        }
        return read(connection, database, CURRENT_DATABASE);
    }

    /**
     * The current database's column, index and constraint names as they were written, keyed by the
     * lower case this reader reports them in: for writing SQL in the model's own spelling. A name
     * spelled two ways in different tables is left out (either spelling would be a guess).
     */
    public Map<String, String> spellings(Connection connection) throws SQLException {
        // union all: a plain union compares with information_schema's case-insensitive collation and
        // would fold two spellings into one before they could be told apart
        String sql = "select column_name from information_schema.columns where table_schema = database() "
                + "union all select index_name from information_schema.statistics where table_schema = database() "
                + "union all select constraint_name from information_schema.table_constraints "
                + "where table_schema = database()";
        Map<String, String> spellings = new LinkedHashMap<>();
        Set<String> ambiguous = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                String spelled = rs.getString(1);
                String key = lower(spelled);
                String before = spellings.putIfAbsent(key, spelled);
                if (before != null && !before.equals(spelled)) {
                    ambiguous.add(key);
                }
            }
        }
        ambiguous.forEach(spellings::remove);
        spellings.remove("primary");
        spellings.entrySet().removeIf(e -> e.getKey().equals(e.getValue()));
        return spellings;
    }

    /**
     * Reads every table, sequence and unmanaged object of one database.
     *
     * @param database    the database to read, as stored in {@code information_schema.SCHEMATA}
     * @param schemaLabel the schema every name is reported in, instead of {@code database}
     */
    public DatabaseSchema read(Connection connection, String database, String schemaLabel) throws SQLException {
        Map<String, TableBuilder> tables = new LinkedHashMap<>();
        List<String> sequenceNames = new ArrayList<>();
        List<String> unmanaged = new ArrayList<>();
        readTables(connection, database, schemaLabel, tables, sequenceNames, unmanaged);
        readColumns(connection, database, tables);
        readChecks(connection, database, tables);
        readForeignKeys(connection, database, schemaLabel, tables);
        readIndexes(connection, database, tables);
        Map<QualifiedName, Table> built = new TreeMap<>();
        for (TableBuilder builder : tables.values()) {
            built.put(builder.name, builder.build());
        }
        Map<QualifiedName, Sequence> sequences = new TreeMap<>();
        for (String sequence : sequenceNames) {
            QualifiedName name = QualifiedName.of(schemaLabel, sequence);
            sequences.put(name, readSequence(connection, database, name));
        }
        readUnmanaged(connection, database, schemaLabel, unmanaged);
        unmanaged.sort(Comparator.naturalOrder());
        Set<String> schemas = databaseExists(connection, database) ? Set.of(schemaLabel) : Set.of();
        return new DatabaseSchema(schemas, new TreeMap<>(built), new TreeMap<>(sequences), unmanaged);
    }

    private static boolean databaseExists(Connection connection, String database) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "select 1 from information_schema.schemata where schema_name = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void readTables(Connection connection, String database, String schemaLabel,
                            Map<String, TableBuilder> tables, List<String> sequences, List<String> unmanaged)
            throws SQLException {
        String sql = "select table_name, table_type from information_schema.tables where table_schema = ? "
                + "order by table_name";
        try (PreparedStatement ps = prepare(connection, sql, database); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                switch (rs.getString(2)) {
                    case "BASE TABLE", "SYSTEM VERSIONED" -> {
                        if (!excludedTables.contains(name)) {
                            tables.put(name, new TableBuilder(QualifiedName.of(schemaLabel, name)));
                        }
                    }
                    case "SEQUENCE" -> sequences.add(name);
                    case "VIEW" -> unmanaged.add("view " + schemaLabel + "." + name);
                    default -> {
                        // temporary tables belong to a session, not to the schema
                    }
                }
            }
        }
    }

    private void readColumns(Connection connection, String database, Map<String, TableBuilder> tables)
            throws SQLException {
        String sql = "select table_name, column_name, column_type, is_nullable, column_default, extra, "
                + "generation_expression from information_schema.columns where table_schema = ? "
                + "order by table_name, ordinal_position";
        try (PreparedStatement ps = prepare(connection, sql, database); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(rs.getString(1));
                if (table == null) {
                    continue;
                }
                String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT).strip();
                Column.Generation generation = Column.Generation.NONE;
                if (extra.contains("auto_increment")) {
                    generation = Column.Generation.IDENTITY_BY_DEFAULT;
                    extra = extra.replace("auto_increment", "").strip();
                }
                String type = normaliseType(rs.getString(3)) + columnAttributes(extra, rs.getString(7));
                table.columns.add(new Column(lower(rs.getString(2)), type, "YES".equals(rs.getString(4)),
                        normaliseDefault(rs.getString(5)), generation));
            }
        }
    }

    /**
     * {@code bigint(20)} → {@code bigint}, {@code int(10) unsigned} → {@code int unsigned};
     * {@code tinyint(1)} and {@code zerofill} columns keep their width.
     */
    static String normaliseType(String columnType) {
        Matcher m = INTEGER_WIDTH.matcher(columnType);
        if (!m.matches() || m.group(3).contains("zerofill") || m.group(1).equals("tinyint") && m.group(2).equals("1")) {
            return columnType;
        }
        return m.group(1) + m.group(3);
    }

    /** MariaDB prints {@code NULL} for "no default" on a nullable column; any other text is kept as printed. */
    static String normaliseDefault(String columnDefault) {
        return columnDefault == null || columnDefault.equals("NULL") ? null : columnDefault;
    }

    /**
     * What {@code EXTRA} says beyond {@code auto_increment}, as column-definition text:
     * {@code virtual generated} → {@code as (expr) virtual}, and {@code on update …}, {@code invisible}.
     */
    static String columnAttributes(String extra, String generationExpression) {
        StringBuilder attributes = new StringBuilder();
        Matcher generated = GENERATED.matcher(extra);
        if (generated.find()) {
            String kind = generated.group(1).equals("virtual") ? "virtual" : "stored";
            attributes.append(" as (").append(generationExpression).append(") ").append(kind);
            extra = (extra.substring(0, generated.start()) + extra.substring(generated.end())).strip();
        }
        if (!extra.isEmpty()) {
            attributes.append(' ').append(extra.replaceAll("\\s+", " "));
        }
        return attributes.toString();
    }

    private void readChecks(Connection connection, String database, Map<String, TableBuilder> tables)
            throws SQLException {
        String sql = "select table_name, constraint_name, check_clause from information_schema.check_constraints "
                + "where constraint_schema = ? order by table_name, constraint_name";
        try (PreparedStatement ps = prepare(connection, sql, database); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(rs.getString(1));
                if (table == null) {
                    continue;
                }
                String name = lower(rs.getString(2));
                String clause = lowerIdentifiers(rs.getString(3));
                if (table.isJsonCheck(name, clause)) {
                    table.markJson(name);
                    continue;
                }
                table.checks.add(CheckConstraint.fromCatalog(name, "CHECK (" + clause + ")",
                        table.columnsIn(clause)));
            }
        }
    }

    private void readForeignKeys(Connection connection, String database, String schemaLabel,
                                 Map<String, TableBuilder> tables) throws SQLException {
        String sql = "select k.table_name, k.constraint_name, k.column_name, k.referenced_table_schema, "
                + "k.referenced_table_name, k.referenced_column_name, r.delete_rule, r.update_rule "
                + "from information_schema.key_column_usage k "
                + "join information_schema.referential_constraints r on r.constraint_schema = k.constraint_schema "
                + "  and r.table_name = k.table_name and r.constraint_name = k.constraint_name "
                + "where k.table_schema = ? and k.referenced_table_name is not null "
                + "order by k.table_name, k.constraint_name, k.ordinal_position";
        try (PreparedStatement ps = prepare(connection, sql, database); ResultSet rs = ps.executeQuery()) {
            ForeignKeyBuilder current = null;
            while (rs.next()) {
                TableBuilder table = tables.get(rs.getString(1));
                if (table == null) {
                    continue;
                }
                String name = lower(rs.getString(2));
                if (current == null || current.table != table || !current.name.equals(name)) {
                    String referencedSchema = rs.getString(4);
                    current = new ForeignKeyBuilder(table, name,
                            QualifiedName.of(database.equals(referencedSchema) ? schemaLabel : referencedSchema,
                                    rs.getString(5)),
                            action(rs.getString(7)), action(rs.getString(8)));
                    table.foreignKeyBuilders.add(current);
                }
                current.columns.add(lower(rs.getString(3)));
                current.referencedColumns.add(lower(rs.getString(6)));
            }
        }
    }

    /** InnoDB checks {@code RESTRICT} and {@code NO ACTION} alike, immediately; both are "no clause". */
    static ForeignKey.Action action(String rule) {
        return switch (rule) {
            case "RESTRICT", "NO ACTION" -> ForeignKey.Action.NO_ACTION;
            case "CASCADE" -> ForeignKey.Action.CASCADE;
            case "SET NULL" -> ForeignKey.Action.SET_NULL;
            case "SET DEFAULT" -> ForeignKey.Action.SET_DEFAULT;
            default -> throw new IllegalArgumentException("Unknown referential action: " + rule);
        };
    }

    private void readIndexes(Connection connection, String database, Map<String, TableBuilder> tables)
            throws SQLException {
        String sql = "select table_name, index_name, non_unique, column_name, sub_part, collation, index_type "
                + "from information_schema.statistics where table_schema = ? "
                + "order by table_name, index_name, seq_in_index";
        try (PreparedStatement ps = prepare(connection, sql, database); ResultSet rs = ps.executeQuery()) {
            IndexBuilder current = null;
            while (rs.next()) {
                TableBuilder table = tables.get(rs.getString(1));
                if (table == null) {
                    continue;
                }
                String name = rs.getString(2).equals("PRIMARY") ? "PRIMARY" : lower(rs.getString(2));
                if (current == null || current.table != table || !current.name.equals(name)) {
                    current = new IndexBuilder(table, name, rs.getInt(3) == 0, rs.getString(7));
                    table.indexBuilders.add(current);
                }
                String column = rs.getString(4) == null ? null : lower(rs.getString(4));
                int subPart = rs.getInt(5);
                Integer prefixLength = rs.wasNull() ? null : subPart;
                current.parts.add(new IndexPart(column, prefixLength, "D".equals(rs.getString(6))));
            }
        }
    }

    /**
     * Column, index and constraint names are compared without case by MariaDB ({@code boxedWhole} and
     * {@code boxedwhole} are one column), so they read in lower case; table names keep theirs, which
     * the server compares as written on Linux.
     */
    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A check clause with its column names (which MariaDB back-quotes, as stored) in lower case. */
    private static String lowerIdentifiers(String clause) {
        return BACKTICKED.matcher(clause).replaceAll(m -> Matcher.quoteReplacement(lower(m.group())));
    }

    private static Sequence readSequence(Connection connection, String database, QualifiedName name)
            throws SQLException {
        String table = quote(database) + "." + quote(name.name());
        String dataType = "bigint";
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("show create sequence " + table)) {
                if (rs.next()) {
                    Matcher m = SEQUENCE_TYPE.matcher(rs.getString(2));
                    if (m.find()) {
                        dataType = m.group(1).toLowerCase(Locale.ROOT);
                    }
                }
            }
            try (ResultSet rs = statement.executeQuery("select start_value, increment, minimum_value, maximum_value, "
                    + "cache_size, cycle_option from " + table)) {
                if (!rs.next()) {
                    throw new SQLException("Sequence " + name + " has no row");
                }
                return new Sequence(name, dataType, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getInt(6) != 0);
            }
        }
    }

    /** Triggers, functions, procedures and events: an entity model cannot describe them, so they are only listed. */
    private void readUnmanaged(Connection connection, String database, String schemaLabel, List<String> unmanaged)
            throws SQLException {
        String sql = "select concat('trigger ', trigger_name, ' on '), event_object_table "
                + "from information_schema.triggers where trigger_schema = ? "
                + "union all select concat(lower(routine_type), ' '), routine_name "
                + "from information_schema.routines where routine_schema = ? "
                + "union all select 'event ', event_name from information_schema.events where event_schema = ?";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, database);
            ps.setString(2, database);
            ps.setString(3, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unmanaged.add(rs.getString(1) + schemaLabel + "." + rs.getString(2));
                }
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String database) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setString(1, database);
        return ps;
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /** An identifier as it is written in index bodies: bare when it can be, else back-quoted. */
    private static String identifier(String name) {
        return PLAIN_IDENTIFIER.matcher(name).matches() ? name : quote(name);
    }

    private record IndexPart(String column, Integer prefixLength, boolean descending) {
        String sql(boolean quoted) {
            return (quoted ? quote(column) : identifier(column)) + (prefixLength == null ? "" : "(" + prefixLength + ")")
                    + (descending ? " DESC" : "");
        }
    }

    static final class IndexBuilder {
        final TableBuilder table;
        final String name;
        final boolean unique;
        final String type;
        final List<IndexPart> parts = new ArrayList<>();

        IndexBuilder(TableBuilder table, String name, boolean unique, String type) {
            this.table = table;
            this.name = name;
            this.unique = unique;
            this.type = type;
        }

        List<String> columns() {
            return parts.stream().map(IndexPart::column).toList();
        }

        /** {@code USING btree (a, b DESC)}, {@code USING hash (t)}, {@code FULLTEXT (body)}, {@code SPATIAL (area)}. */
        String body(boolean quoted) {
            String columns = "(" + String.join(", ", parts.stream().map(p -> p.sql(quoted)).toList()) + ")";
            return switch (type) {
                case "FULLTEXT", "SPATIAL" -> type + " " + columns;
                default -> "USING " + type.toLowerCase(Locale.ROOT) + " " + columns;
            };
        }

        /** A statement that creates it again, naming neither the database nor anything but the table. */
        String definition() {
            String kind = switch (type) {
                case "FULLTEXT", "SPATIAL" -> type + " ";
                default -> unique ? "UNIQUE " : "";
            };
            String using = switch (type) {
                case "FULLTEXT", "SPATIAL" -> "";
                default -> " USING " + type;
            };
            return "CREATE " + kind + "INDEX " + quote(name) + " ON " + quote(table.name.name()) + " ("
                    + String.join(", ", parts.stream().map(p -> p.sql(true)).toList()) + ")" + using;
        }
    }

    private static final class ForeignKeyBuilder {
        final TableBuilder table;
        final String name;
        final QualifiedName referencedTable;
        final ForeignKey.Action onDelete;
        final ForeignKey.Action onUpdate;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();

        ForeignKeyBuilder(TableBuilder table, String name, QualifiedName referencedTable, ForeignKey.Action onDelete,
                          ForeignKey.Action onUpdate) {
            this.table = table;
            this.name = name;
            this.referencedTable = referencedTable;
            this.onDelete = onDelete;
            this.onUpdate = onUpdate;
        }

        ForeignKey build() {
            // MariaDB has no deferrable constraints
            return new ForeignKey(name, columns, referencedTable, referencedColumns, onDelete, onUpdate, false, false);
        }
    }

    private static final class TableBuilder {
        final QualifiedName name;
        final List<Column> columns = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<ForeignKeyBuilder> foreignKeyBuilders = new ArrayList<>();
        final List<IndexBuilder> indexBuilders = new ArrayList<>();

        TableBuilder(QualifiedName name) {
            this.name = name;
        }

        /** MariaDB's {@code json} is {@code longtext} plus a column check named after the column. */
        boolean isJsonCheck(String checkName, String clause) {
            return columns.stream().anyMatch(c -> c.name().equals(checkName) && c.type().equals("longtext"))
                    && clause.equals("json_valid(" + quote(checkName) + ")");
        }

        void markJson(String columnName) {
            columns.replaceAll(c -> c.name().equals(columnName)
                    ? new Column(c.name(), "json", c.nullable(), c.defaultExpression(), c.generation()) : c);
        }

        /** The table's columns that a check clause names (MariaDB back-quotes them all), in table order. */
        List<String> columnsIn(String clause) {
            Set<String> named = new LinkedHashSet<>();
            Matcher m = BACKTICKED.matcher(clause);
            while (m.find()) {
                named.add(m.group(1).replace("``", "`").toLowerCase(Locale.ROOT));
            }
            return columns.stream().map(Column::name).filter(c -> named.contains(c.toLowerCase(Locale.ROOT))).toList();
        }

        Table build() {
            // information_schema sorts names case-insensitively; the other readers sort them as strings
            List<ForeignKey> foreignKeys = foreignKeyBuilders.stream().map(ForeignKeyBuilder::build)
                    .sorted(Comparator.comparing(ForeignKey::name)).toList();
            checks.sort(Comparator.comparing(CheckConstraint::name));
            PrimaryKey primaryKey = null;
            List<UniqueKey> uniqueKeys = new ArrayList<>();
            List<Index> indexes = new ArrayList<>();
            for (IndexBuilder index : indexBuilders) {
                if (index.name.equals("PRIMARY")) {
                    primaryKey = new PrimaryKey(index.name, index.columns());
                } else if (index.unique && index.parts.stream().allMatch(p -> p.prefixLength == null)) {
                    // UNIQUE constraints are unique indexes; long ones are hashed (USING HASH) but just as unique
                    uniqueKeys.add(new UniqueKey(index.name, index.columns(), false));
                } else {
                    indexes.add(new Index(index.name, index.unique, index.definition(), index.body(false), false,
                            false));
                }
            }
            uniqueKeys.sort(Comparator.comparing(UniqueKey::name));
            indexes.sort(Comparator.comparing(Index::name));
            return new Table(name, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks);
        }
    }
}
