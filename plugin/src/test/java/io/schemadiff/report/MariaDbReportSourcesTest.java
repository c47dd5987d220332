package io.schemadiff.report;

import io.schemadiff.pipeline.Comparison;
import io.schemadiff.testing.Scenario;
import io.schemadiff.testing.SharedMariaDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On MariaDB, as on PostgreSQL, every change in diff.json names its entity, and no report names a PostgreSQL schema. */
class MariaDbReportSourcesTest {

    @TempDir
    Path dir;

    @Test
    void everyChangeNamesItsEntityAndNoPublicSchema() throws Exception {
        Scenario scenario = Scenario.of(dir, "io.schemadiff.fixtures.mariadb").onMariaDb(SharedMariaDb::embedded)
                .migration("V1__customer.sql", "create table customer (id bigint not null primary key);");
        Comparison comparison = scenario.compare();
        assertFalse(comparison.inSync());

        // tables and columns trace to entities and fields (sequences, as on PostgreSQL, to none)
        List<ReportedChange> changes = ReportedChange.of(comparison).stream()
                .filter(c -> !c.rendered().table().startsWith("sequence ")).toList();
        assertFalse(changes.isEmpty());
        for (ReportedChange change : changes) {
            assertNotNull(change.entity(), () -> "no entity for " + change.rendered().summary());
        }
        assertTrue(changes.stream().anyMatch(c -> c.field() != null), "column changes name their field");

        new ReportWriter(dir.resolve("schema"), "test").write(comparison);
        String json = Files.readString(dir.resolve("schema").resolve(ReportWriter.JSON));
        assertFalse(json.contains("\"public\""), json);
        String junit = Files.readString(dir.resolve("schema").resolve(JUnitReport.FILE_NAME));
        assertFalse(junit.contains("public"), junit);
        assertTrue(junit.contains("<testcase classname=\"schema\" name=\""), junit);
    }
}
