package io.schemadiff.render;

import io.schemadiff.diff.Change;
import io.schemadiff.diff.OnlinePlan;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.exception.VelocityException;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Turns changes into SQL with Velocity templates: {@code templates/<dialect>/<kind>.vm} for each
 * change and {@code migration.vm} for the whole file. A user folder, when given, is searched first,
 * so any template can be replaced by a file of the same name.
 */
public final class MigrationRenderer {

    private final VelocityEngine engine;
    private final String dialect;
    /** {@code $sql}: {@link MariaDbSqlFormatter} for {@code mariadb}, {@link SqlFormatter} for any other dialect. */
    private final DialectSql sql;

    /**
     * @param dialect           template set, e.g. {@code postgresql} or {@code mariadb}
     * @param overrideDirectory a folder holding {@code <dialect>/<name>.vm} overrides, or {@code null}
     */
    public MigrationRenderer(String dialect, Path overrideDirectory) {
        this(dialect, overrideDirectory, Map.of());
    }

    /**
     * @param spellings lower-case names of columns, indexes and constraints mapped to the model's own
     *                  spelling, for a database that reads them in lower case (MariaDB); empty for none
     */
    public MigrationRenderer(String dialect, Path overrideDirectory, Map<String, String> spellings) {
        this.dialect = dialect;
        this.sql = "mariadb".equals(dialect) ? new MariaDbSqlFormatter() : new SqlFormatter();
        sql.spellings(spellings);
        Properties properties = new Properties();
        boolean overrides = overrideDirectory != null && Files.isDirectory(overrideDirectory);
        properties.setProperty("resource.loaders", overrides ? "file,class" : "class");
        if (overrides) {
            properties.setProperty("resource.loader.file.class",
                    "org.apache.velocity.runtime.resource.loader.FileResourceLoader");
            properties.setProperty("resource.loader.file.path", overrideDirectory.toAbsolutePath().toString());
        }
        properties.setProperty("resource.loader.class.class",
                "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
        properties.setProperty("runtime.strict_mode.enable", "true");
        properties.setProperty("runtime.introspection.uberspect", RecordAccessorUberspector.class.getName());
        properties.setProperty("resource.default_encoding", "UTF-8");
        this.engine = new VelocityEngine(properties);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(MigrationRenderer.class.getClassLoader());
        try {
            engine.init();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The SQL for one change, without a trailing newline. */
    public String render(Change change) {
        return render(change, false, false);
    }

    /**
     * @param backfill render NOT NULL on a table that has rows as add nullable, backfill a placeholder,
     *                 then set NOT NULL (the template variable {@code $backfill})
     * @param concurrently build indexes without blocking writes ({@code $concurrently}); the migration
     *                     must then hold nothing else, as PostgreSQL runs it outside a transaction
     */
    public String render(Change change, boolean backfill, boolean concurrently) {
        return render(change, backfill, concurrently, OnlinePlan.Form.PLAIN);
    }

    /**
     * @param form which part of the change's lock-safe form to write ({@code $online}: {@code ""} for the
     *             plain change, {@code prepare}, {@code complete} or {@code online}; see {@link OnlinePlan})
     */
    public String render(Change change, boolean backfill, boolean concurrently, OnlinePlan.Form form) {
        VelocityContext context = new VelocityContext();
        context.put("change", change);
        context.put("sql", sql);
        context.put("backfill", backfill);
        context.put("concurrently", concurrently || form == OnlinePlan.Form.ONLINE);
        context.put("online", form.id());
        return merge(change.kind().template(), context).strip();
    }

    /** The whole migration file. */
    public String render(MigrationDocument document) {
        VelocityContext context = new VelocityContext();
        context.put("migration", document);
        context.put("sql", sql);
        String text = merge("migration", context);
        return text.stripTrailing() + "\n";
    }

    /** The undo file: the reverse steps, and what they cannot restore. */
    public String render(UndoDocument document) {
        VelocityContext context = new VelocityContext();
        context.put("undo", document);
        context.put("sql", sql);
        return merge("undo", context).stripTrailing() + "\n";
    }

    /** The templates' {@code $sql}: a {@link SqlFormatter} or a {@link MariaDbSqlFormatter}, by dialect. */
    public DialectSql sql() {
        return sql;
    }

    private String merge(String name, VelocityContext context) {
        String path = dialect + "/" + name + ".vm";
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(MigrationRenderer.class.getClassLoader());
        try {
            Template template = engine.resourceExists(path) ? engine.getTemplate(path, "UTF-8")
                    : engine.getTemplate("templates/" + path, "UTF-8");
            StringWriter out = new StringWriter();
            template.merge(context, out);
            return out.toString();
        } catch (VelocityException e) {
            throw new RenderException("Template " + path + " failed: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** A template is missing or broken; names the template. */
    public static final class RenderException extends RuntimeException {
        RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static List<String> templateNames() {
        return java.util.Arrays.stream(Change.Kind.values()).map(Change.Kind::template).toList();
    }
}
