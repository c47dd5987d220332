package io.schemadiff.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** schema.mariadbVersion: a major.minor or an exact version, anything else named. */
class MariaDbBinariesTest {

    @Test
    void familiesAndExactVersions() throws MojoExecutionException {
        assertEquals("11.4", MariaDbBinaries.majorMinor("11.4"));
        assertEquals("11.4", MariaDbBinaries.majorMinor(" 11.4.5 "));
        assertEquals("10.11", MariaDbBinaries.majorMinor("10.11.19"));
        assertEquals("11.4", MariaDbBinaries.majorMinor(io.schemadiff.pipeline.PipelineSettings.DEFAULT_MARIADB_VERSION));
    }

    @Test
    void anythingElseNamesTheParameter() {
        for (String bad : new String[] {"11", "eleven", "11.x", "11.4.5-1", "11.4.5.1", "latest", ""}) {
            MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> MariaDbBinaries.majorMinor(bad));
            assertTrue(e.getMessage().contains("schema.mariadbVersion"), e.getMessage());
            assertTrue(e.getMessage().contains("11.4"), e.getMessage());
        }
    }

    @Test
    void aFamilyIsItsReleasesAndNothingAfter() {
        assertEquals("[11.4,11.5)", ServerBinaries.range("11.4"));
        assertEquals("[10.11,10.12)", ServerBinaries.range("10.11"));
        assertEquals("[16,17)", ServerBinaries.range("16"));
    }
}
