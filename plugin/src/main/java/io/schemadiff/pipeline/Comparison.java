package io.schemadiff.pipeline;

import io.schemadiff.discover.DiscoveredModel;
import io.schemadiff.diff.SchemaDiff;
import io.schemadiff.model.EntityModel;
import io.schemadiff.render.RenderedChange;

import java.util.List;
import java.util.Map;

/**
 * The outcome of comparing the entity model with the schema the migrations build.
 *
 * @param migrationFileName the file {@code schema:generate} writes, e.g. {@code V4__add_phone_to_accounts.sql};
 *                          {@code null} when in sync
 * @param migrationSql      its full text; {@code null} when in sync
 * @param timings           milliseconds per stage, in pipeline order
 */
public record Comparison(
        DiscoveredModel discovered,
        EntityModel model,
        SchemaDiff diff,
        List<RenderedChange> changes,
        String migrationFileName,
        String migrationSql,
        String postgresVersion,
        int migrationsReplayed,
        Map<String, Long> timings) {

    public boolean inSync() {
        return diff.isEmpty();
    }
}
