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

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PostgreSQL database into a {@link DatabaseSchema} from {@code pg_catalog}.
 *
 * <p>Both sides of every comparison go through this one reader, so PostgreSQL's own formatting
 * ({@code format_type}, {@code pg_get_expr}, {@code pg_get_constraintdef}, {@code pg_get_indexdef})
 * normalises spelling differences such as {@code int8}/{@code bigint} before anything is compared.
 */
public final class PostgresCatalogReader implements CatalogReader {

    /** {@code timestamp}, {@code time} and their time-zone variants written without precision mean precision 6. */
    private static final Pattern TEMPORAL_WITHOUT_PRECISION =
            Pattern.compile("^(timestamp|time)( with(?:out)? time zone)((?:\\[])*)$");

    private final Set<String> excludedTables;

    /**
     * @param excludedTables table names (unqualified, as stored) that are never part of a schema,
     *                       such as Flyway's history table
     */
    public PostgresCatalogReader(Set<String> excludedTables) {
        this.excludedTables = Set.copyOf(excludedTables);
    }

    /** Names of the schemas a user created (everything but PostgreSQL's own). */
    @Override
    public Set<String> userSchemas(Connection connection) throws SQLException {
        Set<String> schemas = new TreeSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "select nspname from pg_namespace where nspname not in ('pg_catalog', 'information_schema') "
                        + "and nspname not like 'pg\\_toast%' and nspname not like 'pg\\_temp\\_%'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    /** Reads every table, sequence and unmanaged object in the given schemas. */
    @Override
    public DatabaseSchema read(Connection connection, Set<String> schemas) throws SQLException {
        Map<Long, TableBuilder> tables = readTables(connection, schemas);
        readColumns(connection, schemas, tables);
        readConstraints(connection, schemas, tables);
        readIndexes(connection, schemas, tables);
        Map<QualifiedName, Table> built = new TreeMap<>();
        for (TableBuilder builder : tables.values()) {
            built.put(builder.name, builder.build());
        }
        Set<String> present = new TreeSet<>(schemas);
        present.retainAll(userSchemas(connection));
        return new DatabaseSchema(present, new TreeMap<>(built), new TreeMap<>(readSequences(connection, schemas)),
                readUnmanaged(connection, schemas));
    }

    private Map<Long, TableBuilder> readTables(Connection connection, Set<String> schemas) throws SQLException {
        Map<Long, TableBuilder> tables = new LinkedHashMap<>();
        String sql = "select c.oid, n.nspname, c.relname from pg_class c "
                + "join pg_namespace n on n.oid = c.relnamespace "
                + "where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any (?) "
                // an extension's own tables belong to the extension, not to the schema being compared
                + "and not exists (select 1 from pg_depend x where x.classid = 'pg_class'::regclass and x.objid = c.oid and x.deptype = 'e') "
                + "order by n.nspname, c.relname";
        try (PreparedStatement ps = prepare(connection, sql, schemas); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (!excludedTables.contains(rs.getString(3))) {
                    tables.put(rs.getLong(1), new TableBuilder(QualifiedName.of(rs.getString(2), rs.getString(3))));
                }
            }
        }
        return tables;
    }

    private void readColumns(Connection connection, Set<String> schemas, Map<Long, TableBuilder> tables)
            throws SQLException {
        String sql = "select c.oid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                + "pg_get_expr(d.adbin, d.adrelid), a.attidentity, "
                + "exists (select 1 from pg_depend dep join pg_class s on s.oid = dep.objid and s.relkind = 'S' "
                + "        where dep.classid = 'pg_class'::regclass and dep.refclassid = 'pg_class'::regclass "
                + "        and dep.refobjid = c.oid and dep.refobjsubid = a.attnum and dep.deptype = 'a') as owns_sequence "
                + "from pg_attribute a join pg_class c on c.oid = a.attrelid "
                + "join pg_namespace n on n.oid = c.relnamespace "
                + "left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum "
                + "where c.relkind in ('r', 'p') and n.nspname = any (?) and a.attnum > 0 and not a.attisdropped "
                + "order by c.oid, a.attnum";
        try (PreparedStatement ps = prepare(connection, sql, schemas); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(rs.getLong(1));
                if (table == null) {
                    continue;
                }
                String defaultExpression = rs.getString(5);
                String identity = rs.getString(6);
                Column.Generation generation = switch (identity == null ? "" : identity) {
                    case "d" -> Column.Generation.IDENTITY_BY_DEFAULT;
                    case "a" -> Column.Generation.IDENTITY_ALWAYS;
                    default -> Column.Generation.NONE;
                };
                if (generation == Column.Generation.NONE && rs.getBoolean(7)
                        && defaultExpression != null && defaultExpression.startsWith("nextval(")) {
                    // serial: the default belongs to the generation, not to the user
                    generation = Column.Generation.SERIAL;
                    defaultExpression = null;
                }
                table.columns.add(new Column(rs.getString(2), normaliseType(rs.getString(3)), !rs.getBoolean(4),
                        defaultExpression, generation));
            }
        }
    }

    /** Makes the implicit precision of temporal types explicit: {@code timestamp} is {@code timestamp(6)}. */
    static String normaliseType(String formattedType) {
        Matcher m = TEMPORAL_WITHOUT_PRECISION.matcher(formattedType);
        return m.matches() ? m.group(1) + "(6)" + m.group(2) + m.group(3) : formattedType;
    }

    private void readConstraints(Connection connection, Set<String> schemas, Map<Long, TableBuilder> tables)
            throws SQLException {
        String sql = "select con.conrelid, con.conname, con.contype, pg_get_constraintdef(con.oid, true), "
                + "array(select a.attname from unnest(con.conkey) with ordinality k(num, ord) "
                + "      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord), "
                + "fn.nspname, fc.relname, "
                + "array(select a.attname from unnest(con.confkey) with ordinality k(num, ord) "
                + "      join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord), "
                + "con.confdeltype, con.confupdtype, con.condeferrable, con.condeferred "
                + "from pg_constraint con join pg_class c on c.oid = con.conrelid "
                + "join pg_namespace n on n.oid = c.relnamespace "
                + "left join pg_class fc on fc.oid = con.confrelid "
                + "left join pg_namespace fn on fn.oid = fc.relnamespace "
                + "where n.nspname = any (?) and con.contype in ('p', 'u', 'f', 'c') "
                + "order by con.conrelid, con.conname";
        try (PreparedStatement ps = prepare(connection, sql, schemas); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(rs.getLong(1));
                if (table == null) {
                    continue;
                }
                String name = rs.getString(2);
                List<String> columns = strings(rs.getArray(5));
                switch (rs.getString(3)) {
                    case "p" -> table.primaryKey = new PrimaryKey(name, columns);
                    case "u" -> table.uniqueKeys.add(new UniqueKey(name, columns, false));
                    case "c" -> table.checks.add(CheckConstraint.fromCatalog(name, rs.getString(4), columns));
                    case "f" -> table.foreignKeys.add(new ForeignKey(name, columns,
                            QualifiedName.of(rs.getString(6), rs.getString(7)), strings(rs.getArray(8)),
                            ForeignKey.Action.fromCode(rs.getString(9)), ForeignKey.Action.fromCode(rs.getString(10)),
                            rs.getBoolean(11), rs.getBoolean(12)));
                    default -> throw new IllegalStateException("unexpected constraint type");
                }
            }
        }
    }

    private void readIndexes(Connection connection, Set<String> schemas, Map<Long, TableBuilder> tables)
            throws SQLException {
        String sql = "select i.indrelid, ic.relname, i.indisunique, pg_get_indexdef(i.indexrelid), "
                + "i.indpred is not null, i.indexprs is not null, i.indnatts <> i.indnkeyatts, "
                + "array(select a.attname from unnest(i.indkey::int2[]) with ordinality k(num, ord) "
                + "      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num order by k.ord) "
                + "from pg_index i join pg_class ic on ic.oid = i.indexrelid "
                + "join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = any (?) "
                + "and not exists (select 1 from pg_constraint con where con.conindid = i.indexrelid "
                + "                and con.contype in ('p', 'u', 'x')) "
                + "order by i.indrelid, ic.relname";
        try (PreparedStatement ps = prepare(connection, sql, schemas); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                TableBuilder table = tables.get(rs.getLong(1));
                if (table == null) {
                    continue;
                }
                String name = rs.getString(2);
                boolean unique = rs.getBoolean(3);
                String definition = rs.getString(4);
                boolean partial = rs.getBoolean(5);
                boolean expression = rs.getBoolean(6);
                boolean hasIncludedColumns = rs.getBoolean(7);
                if (unique && !partial && !expression && !hasIncludedColumns) {
                    table.uniqueKeys.add(new UniqueKey(name, strings(rs.getArray(8)), true));
                } else {
                    table.indexes.add(new Index(name, unique, definition, indexBody(definition), partial, expression));
                }
            }
        }
    }

    /** The part of an index definition that does not name it: {@code USING btree (a, b DESC)}. */
    static String indexBody(String definition) {
        int on = definition.indexOf(" ON ");
        int using = definition.indexOf(" USING ", on);
        if (on < 0 || using < 0) {
            throw new IllegalStateException("Unexpected index definition: " + definition);
        }
        return definition.substring(using + 1);
    }

    private Map<QualifiedName, Sequence> readSequences(Connection connection, Set<String> schemas)
            throws SQLException {
        String sql = "select n.nspname, c.relname, format_type(s.seqtypid, null), s.seqstart, s.seqincrement, "
                + "s.seqmin, s.seqmax, s.seqcache, s.seqcycle "
                + "from pg_sequence s join pg_class c on c.oid = s.seqrelid "
                + "join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = any (?) and not exists (select 1 from pg_depend x where x.classid = 'pg_class'::regclass and x.objid = c.oid and x.deptype = 'e') and not exists ("
                // identity sequences, and serial sequences still feeding their column's default
                + "  select 1 from pg_depend d "
                + "  left join pg_attrdef ad on ad.adrelid = d.refobjid and ad.adnum = d.refobjsubid "
                + "  where d.classid = 'pg_class'::regclass and d.objid = c.oid "
                + "  and d.refclassid = 'pg_class'::regclass "
                + "  and (d.deptype = 'i' or (d.deptype = 'a' and pg_get_expr(ad.adbin, ad.adrelid) like 'nextval(%'))) "
                + "order by 1, 2";
        Map<QualifiedName, Sequence> sequences = new TreeMap<>();
        try (PreparedStatement ps = prepare(connection, sql, schemas); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                QualifiedName name = QualifiedName.of(rs.getString(1), rs.getString(2));
                sequences.put(name, new Sequence(name, rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9)));
            }
        }
        return sequences;
    }

    /** Views, functions and triggers: an entity model cannot describe them, so they are only listed. */
    private List<String> readUnmanaged(Connection connection, Set<String> schemas) throws SQLException {
        String sql = "select case c.relkind when 'v' then 'view' when 'm' then 'materialized view' "
                + "       else 'foreign table' end, n.nspname || '.' || c.relname "
                + "from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where c.relkind in ('v', 'm', 'f') and n.nspname = any (?1) "
                + "and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e') "
                + "union all "
                + "select 'function', n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' "
                + "from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = any (?1) "
                + "and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e') "
                + "union all "
                + "select 'trigger', t.tgname || ' on ' || n.nspname || '.' || c.relname "
                + "from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace "
                + "where not t.tgisinternal and n.nspname = any (?1) "
                + "union all "
                + "select 'extension', e.extname from pg_extension e join pg_namespace n on n.oid = e.extnamespace "
                + "where n.nspname = any (?1) and e.extname <> 'plpgsql' "
                + "order by 1, 2";
        List<String> unmanaged = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.replace("?1", "?"))) {
            Array array = connection.createArrayOf("text", schemas.toArray());
            ps.setArray(1, array);
            ps.setArray(2, array);
            ps.setArray(3, array);
            ps.setArray(4, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unmanaged.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return unmanaged;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Set<String> schemas)
            throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
        return ps;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static final class TableBuilder {
        final QualifiedName name;
        final List<Column> columns = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueKey> uniqueKeys = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        PrimaryKey primaryKey;

        TableBuilder(QualifiedName name) {
            this.name = name;
        }

        Table build() {
            uniqueKeys.sort(Comparator.comparing(UniqueKey::name));
            return new Table(name, columns, primaryKey, foreignKeys, uniqueKeys, indexes, checks);
        }
    }
}
