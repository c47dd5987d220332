package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.diff.Change;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.testing.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code schema.renames}: declared renames keep the data; undeclared look-alikes are pointed out. */
class RenamesTest {

    @TempDir
    Path dir;

    /** The shop, as it was before Customer.name was called full_name and the table clients. */
    private Scenario shopBeforeRenames(String customersTable, String nameColumn) {
        return Scenario.of(dir, "io.schemadiff.fixtures.shop.domains.*.model")
                .migration("V1__customers.sql", ShopMigrations.CUSTOMERS
                        .replace("create table customers", "create table " + customersTable)
                        .replace("    name varchar(100)", "    " + nameColumn + " varchar(100)"))
                .migration("V2__orders.sql", ShopMigrations.ORDERS.replace("references customers",
                        "references " + customersTable));
    }

    private static List<Change.Kind> kinds(Comparison comparison) {
        return comparison.diff().changes().stream().map(Change::kind).toList();
    }

    @Test
    void anUndeclaredRenameIsADropAndAnAddAndIsPointedOut() {
        Scenario scenario = shopBeforeRenames("customers", "full_name");
        Comparison comparison = scenario.compare();

        assertEquals(List.of(Change.Kind.DROP_COLUMN, Change.Kind.ADD_COLUMN), kinds(comparison));
        assertTrue(scenario.warnings().contains("customers.full_name -> name looks like a rename: as planned, full_name"
                + " is dropped with its data. If it is one, declare <rename>customers.full_name -> name</rename> in <renames>."),
                scenario.warnings().toString());
    }

    @Test
    void aDeclaredColumnRenameKeepsTheDataAndItsUndoRenamesBack() throws Exception {
        Scenario scenario = shopBeforeRenames("customers", "full_name");
        PipelineSettings settings = scenario.settings().renames(List.of("customers.full_name -> name"));

        SchemaPipeline.Generation generation = scenario.pipeline(settings).generate();

        assertEquals(List.of(Change.Kind.RENAME_COLUMN), kinds(generation.comparison()));
        assertEquals("V3__rename_full_name_to_name_in_customers.sql", generation.comparison().migrationFileName());
        String sql = Files.readString(generation.written().orElseThrow());
        assertTrue(sql.contains("alter table customers rename column full_name to name;"), sql);
        String undo = generation.comparison().undoSql();
        assertTrue(undo.contains("alter table customers rename column name to full_name;"), undo);
        assertTrue(scenario.compare().inSync());
        scenario.assertMigrationsBuildTheModel();
    }

    @Test
    void aTableAndOneOfItsColumnsRenamedTogether() {
        Scenario scenario = shopBeforeRenames("clients", "full_name");
        PipelineSettings settings = scenario.settings()
                .renames(List.of("clients -> customers", "clients.full_name -> name"));

        SchemaPipeline.Generation generation = scenario.pipeline(settings).generate();

        assertEquals(List.of(Change.Kind.RENAME_TABLE, Change.Kind.RENAME_COLUMN), kinds(generation.comparison()));
        String sql = generation.comparison().migrationSql();
        assertTrue(sql.indexOf("alter table clients rename to customers;")
                < sql.indexOf("alter table customers rename column full_name to name;"), sql);
        // the undo renames the column back while the table still has its new name, then the table
        String undo = generation.comparison().undoSql();
        assertTrue(undo.indexOf("alter table customers rename column name to full_name;")
                < undo.indexOf("alter table customers rename to clients;"), undo);
        assertTrue(scenario.compare().inSync());
        scenario.assertMigrationsBuildTheModel();
    }

    @Test
    void aRenameOfSomethingThatIsNotThereIsAnErrorNamingIt() {
        Scenario scenario = shopBeforeRenames("customers", "full_name");
        SchemaException noColumn = assertThrows(SchemaException.class, () -> scenario.pipeline(
                scenario.settings().renames(List.of("customers.nickname -> name"))).compare());
        assertTrue(noColumn.getMessage().contains("the migrations have no column customers.nickname"),
                noColumn.getMessage());

        SchemaException notInModel = assertThrows(SchemaException.class, () -> scenario.pipeline(
                scenario.settings().renames(List.of("customers.full_name -> display_name"))).compare());
        assertTrue(notInModel.getMessage().contains("the entity model's table customers has no column display_name"),
                notInModel.getMessage());

        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> scenario.settings().renames(List.of("customers.full_name => name")));
        assertTrue(malformed.getMessage().contains("'customers.full_name => name'"), malformed.getMessage());
    }
}
