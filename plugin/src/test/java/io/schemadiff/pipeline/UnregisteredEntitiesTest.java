package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code schema.unregistered}: the shop scenario's packages leave out the other fixtures' entities
 * in test-classes, such as the evolution fixture's {@code Author}.
 */
class UnregisteredEntitiesTest {

    private static final String AUTHOR = "io.schemadiff.fixtures.evolution.v1.domains.library.model.Author";

    @TempDir
    Path dir;

    private Scenario shop() {
        return ShopMigrations.inSync(dir);
    }

    @Test
    void warnNamesEachClassWithThePackageThatWouldIncludeIt() {
        Scenario scenario = shop();
        Comparison comparison = scenario.compare();

        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
        assertTrue(scenario.warnings().get(0).startsWith("Mapped classes outside the model packages "
                + "[io.schemadiff.fixtures.shop.domains.*.model] are not part of the comparison"), scenario.warnings().toString());
        assertTrue(scenario.warnings().contains("  " + AUTHOR + " (package io.schemadiff.fixtures.evolution.v1.domains.library.model;"
                + " include it with <package>io.schemadiff.fixtures.evolution.v1.domains.library.model</package>)"),
                scenario.warnings().toString());
    }

    @Test
    void failStopsBeforeAnyDatabaseWork() {
        Scenario scenario = shop();
        SchemaException e = assertThrows(SchemaException.class, () -> scenario.pipeline(
                scenario.settings().unregistered(PipelineSettings.Unregistered.FAIL)).compare());
        assertTrue(e.getMessage().contains(AUTHOR + " (package "), e.getMessage());
        assertTrue(e.getMessage().contains("<unregistered>warn</unregistered>"), e.getMessage());
    }

    @Test
    void ignoreSaysNothing() {
        Scenario scenario = shop();
        assertTrue(scenario.pipeline(scenario.settings().unregistered(PipelineSettings.Unregistered.IGNORE))
                .compare().inSync());
        assertEquals(java.util.List.of(), scenario.warnings());
    }

    @Test
    void anUnknownPolicyIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PipelineSettings.Unregistered.parse("loud"));
        assertTrue(e.getMessage().contains("'loud'") && e.getMessage().contains("warn, fail or ignore"), e.getMessage());
    }
}
