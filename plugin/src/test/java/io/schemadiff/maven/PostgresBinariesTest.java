package io.schemadiff.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** schema.postgresVersion: a major or an exact zonky version, anything else named. */
class PostgresBinariesTest {

    @Test
    void majorsAndExactVersions() throws MojoExecutionException {
        assertEquals(16, PostgresBinaries.major("16"));
        assertEquals(17, PostgresBinaries.major(" 17.6.0 "));
        assertEquals(10, PostgresBinaries.major("10.5.0-1"));
    }

    @Test
    void anythingElseNamesTheParameter() {
        for (String bad : new String[] {"sixteen", "16.x", "16.4", "latest", ""}) {
            MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> PostgresBinaries.major(bad));
            assertTrue(e.getMessage().contains("schema.postgresVersion"), e.getMessage());
        }
    }
}
