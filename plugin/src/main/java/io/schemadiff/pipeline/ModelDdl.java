package io.schemadiff.pipeline;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.model.EntityModel;
import io.schemadiff.schema.QualifiedName;

import javax.sql.DataSource;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Hibernate's create DDL in the model database as one JDBC batch: the drivers send a batch in
 * as few round trips as they can (PostgreSQL's pipelines it, MariaDB's too), instead of one per
 * statement, which counts with thousands of statements. A statement the database rejects is a
 * mapping problem, named with its entity.
 */
final class ModelDdl {

    private static final Pattern SUBJECT = Pattern.compile(
            "^(?:create table|alter table(?: if exists)?|create (?:unique )?index \\S+ on) ([\\w.\"`]+)");

    private static final Pattern BATCH_ENTRY = Pattern.compile("^Batch entry (\\d+) ");

    private ModelDdl() {
    }

    static void apply(DataSource database, EntityModel model, Dialect dialect) {
        List<String> statements = model.ddl();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String ddl : statements) {
                statement.addBatch(ddl);
            }
            try {
                statement.executeBatch();
            } catch (BatchUpdateException e) {
                int failed = failedIndex(e, statements.size());
                SQLException cause = e.getNextException() != null ? e.getNextException() : e;
                String ddl = statements.get(failed);
                throw new SchemaException(dialect.productName() + " rejects the DDL Hibernate writes for the entity model"
                        + culprit(ddl, model) + ":\n    " + ddl + "\n  " + cause.getMessage().strip()
                        + "\n  " + ModelDdlHint.of(ddl, cause.getMessage(), dialect), e);
            }
        } catch (SQLException e) {
            throw new SchemaException("Cannot connect to the model database: " + e.getMessage(), e);
        }
    }

    /**
     * The first statement that failed: PostgreSQL's driver names its entry in the message; a driver
     * that goes on marks it failed; one that stops there reports the counts of those before it.
     */
    private static int failedIndex(BatchUpdateException e, int statements) {
        Matcher entry = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
        if (entry.find() && Integer.parseInt(entry.group(1)) < statements) {
            return Integer.parseInt(entry.group(1));
        }
        int[] counts = e.getUpdateCounts() == null ? new int[0] : e.getUpdateCounts();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == Statement.EXECUTE_FAILED) {
                return i;
            }
        }
        return Math.min(counts.length, statements - 1);
    }

    private static String culprit(String ddl, EntityModel model) {
        Matcher m = SUBJECT.matcher(ddl.toLowerCase(Locale.ROOT));
        if (!m.find()) {
            return "";
        }
        String[] parts = m.group(1).replace("\"", "").replace("`", "").split("\\.");
        String table = parts[parts.length - 1];
        String schema = parts.length > 1 ? parts[0] : model.defaultSchema();
        return model.sources().ofTable(QualifiedName.of(schema, table)).map(source -> " (" + source + ")").orElse("");
    }
}
