package io.schemadiff.pipeline;

import io.schemadiff.core.SchemaException;
import io.schemadiff.fixtures.shop.ShopMigrations;
import io.schemadiff.reference.ScratchServer;
import io.schemadiff.testing.ReadOnlyFolder;
import io.schemadiff.testing.LocalPostgres;
import io.schemadiff.testing.Scenario;
import io.schemadiff.testing.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input and faults, run through the real pipeline on the shared embedded PostgreSQL: each names the
 * culprit, fails with the exception its Mojo turns into the right exit ({@link SchemaException}: a Maven
 * error; {@link UnappliableMigrationException}/{@link DestructiveChangesException}: a build failure), and
 * leaves nothing behind: the project folder as it was, no scratch database on the server.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private List<String> projectBefore;
    private long scratchDatabasesBefore;
    /** How often a pipeline asked for a server: 0 proves a check came before any server started. */
    private final AtomicInteger serversAsked = new AtomicInteger();
    /** How often a pipeline stopped the server it was given: every server asked for is stopped again. */
    private final AtomicInteger serversClosed = new AtomicInteger();

    @BeforeEach
    void snapshot() {
        scratchDatabasesBefore = scratchDatabases();
    }

    @AfterEach
    void nothingLeft() {
        assertEquals(scratchDatabasesBefore, scratchDatabases(), "every scratch database is dropped again");
        assertEquals(serversAsked.get(), serversClosed.get(), "every server started is stopped again");
    }

    @Test
    void anEmptyMigrationIsNamedAsSuch() {
        Scenario scenario = ShopMigrations.inSync(dir).migration("V3__nothing.sql", "");
        projectBefore = project();

        assertTrue(pipeline(scenario).compare().inSync());

        assertTrue(scenario.warnings().stream().anyMatch(w -> w.startsWith("V3__nothing.sql is empty: Flyway records it")),
                scenario.warnings().toString());
        assertEquals(projectBefore, project());
    }

    @Test
    void aMigrationThatIsNotUtf8FailsNamingItsFileAndLineBeforeAnyServerStarts() throws IOException {
        Scenario scenario = ShopMigrations.inSync(dir);
        Files.write(scenario.migrations().resolve("V3__notes.sql"),
                "-- notes\ncomment on table customers is 'caf\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1));
        projectBefore = project();

        SchemaException e = assertThrows(SchemaException.class, () -> pipeline(scenario).compare());

        assertEquals(SchemaException.class, e.getClass());
        assertTrue(e.getMessage().contains("V3__notes.sql line 2 is not valid UTF-8 (the migrations' encoding, Flyway's default)"),
                e.getMessage());
        assertEquals(0, serversAsked.get());
        assertEquals(projectBefore, project());
    }

    @Test
    void aSyntaxErrorOnLine40NamesTheFileAndTheLine() {
        StringBuilder sql = new StringBuilder();
        for (int line = 1; line < 40; line++) {
            sql.append("-- line ").append(line).append('\n');
        }
        sql.append("alter tabel customers add column fax text;\n");
        Scenario scenario = ShopMigrations.inSync(dir).migration("V3__fax.sql", sql.toString());
        projectBefore = project();

        SchemaException e = assertThrows(SchemaException.class, () -> pipeline(scenario).generate());

        assertEquals(SchemaException.class, e.getClass());
        assertTrue(e.getMessage().contains("Failed to execute script V3__fax.sql"), e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*Line\\s+: 40\\b.*"), e.getMessage());
        assertTrue(e.getMessage().contains("syntax error at or near \"tabel\""), e.getMessage());
        assertTrue(e.getMessage().contains("alter tabel customers add column fax text"), e.getMessage());
        assertEquals(projectBefore, project(), "nothing written");
    }

    @Test
    void anEntityWhoseStaticInitialiserThrowsIsNamedWithTheCause() {
        Scenario scenario = Scenario.of(dir, "io.schemadiff.fixtures.broken.model");
        projectBefore = project();

        SchemaException e = assertThrows(SchemaException.class, () -> pipeline(scenario).generate());

        assertEquals(SchemaException.class, e.getClass());
        assertTrue(e.getMessage().contains("io.schemadiff.fixtures.broken.model.ExplodingEntity"), e.getMessage());
        assertTrue(e.getMessage().contains("APP_REGION is not set"), e.getMessage());
        // the server starts while the model is built (schema:diff's overlap), and is stopped again
        assertEquals(projectBefore, project());
    }

    @Test
    void aReadOnlyMigrationsFolderFailsBeforeAnyServerStarts() throws Exception {
        Scenario scenario = ShopMigrations.inSync(dir);
        Files.delete(scenario.migrations().resolve("V2__orders.sql"));
        projectBefore = project();
        ReadOnlyFolder readOnly = ReadOnlyFolder.make(scenario.migrations());
        try {
            SchemaException e = assertThrows(SchemaException.class, () -> pipeline(scenario).generate());

            assertEquals(SchemaException.class, e.getClass());
            assertTrue(e.getMessage().startsWith("The migrations folder " + scenario.migrations() + " is not writable"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("<migrations> (schema.migrations)"), e.getMessage());
            assertEquals(0, serversAsked.get());
        } finally {
            readOnly.undo();
        }
        assertEquals(projectBefore, project());
    }

    @Test
    void fiftyThousandStatementsReplay() {
        StringBuilder sql = new StringBuilder(6_000_000);
        for (int i = 0; i < 50_000; i++) {
            sql.append("insert into customers (email, name, createdAt) values ('c").append(i)
                    .append("@example.com', 'Customer ").append(i).append("', now());\n");
        }
        Scenario scenario = ShopMigrations.inSync(dir).migration("V3__customers_data.sql", sql.toString());
        projectBefore = project();
        Runtime runtime = Runtime.getRuntime();
        long start = System.nanoTime();

        Comparison comparison = pipeline(scenario).compare();

        assertTrue(comparison.inSync(), () -> comparison.diff().changes().toString());
        assertTrue(comparison.reference().startsWith("3 migration(s) replayed"), comparison.reference());
        long heapInUse = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        System.out.printf("50,000 statements: replayed and compared in %d s, heap in use %d MB of at most %d MB%n",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), heapInUse, runtime.maxMemory() >> 20);
        // Flyway parses the file statement by statement: memory follows the file (6 MB), not the statement count
        assertTrue(heapInUse < 512, heapInUse + " MB of heap in use after a 6 MB migration");
        assertEquals(projectBefore, project());
    }

    @Test
    void twoGeneratesAtOnceInOneProjectWriteOneMigration() throws Exception {
        Scenario first = ShopMigrations.inSync(dir);
        Files.delete(first.migrations().resolve("V2__orders.sql"));
        Scenario second = Scenario.of(dir, ShopMigrations.PACKAGES);
        projectBefore = project();
        // both have replayed the folder's migrations before either writes
        CyclicBarrier together = new CyclicBarrier(2);
        java.util.function.Consumer<String> replayedTogether = line -> {
            if (line.startsWith("Reference: ")) {
                try {
                    together.await(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        Supplier<ScratchServer> servers = SharedPostgres::server;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<SchemaPipeline.Generation>> runs = List.of(
                    pool.submit(() -> first.pipeline(first.settings(), servers, replayedTogether).generate()),
                    pool.submit(() -> second.pipeline(second.settings(), servers, replayedTogether).generate()));
            for (Future<SchemaPipeline.Generation> run : runs) {
                try {
                    outcomes.add(run.get(10, TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }

        List<Path> written = outcomes.stream().filter(o -> o instanceof SchemaPipeline.Generation)
                .map(o -> ((SchemaPipeline.Generation) o).written()).flatMap(Optional::stream).toList();
        assertEquals(1, written.size(), outcomes.toString());
        Throwable refused = (Throwable) outcomes.stream().filter(o -> o instanceof Throwable).findFirst()
                .orElseThrow(() -> new AssertionError("one of them must refuse: " + outcomes));
        assertInstanceOf(SchemaException.class, refused);
        // the loser either chose the same version (the file is there) or saw the winner's file when it chose
        // one after it: both refuse, naming the winner's file, rather than write its changes twice
        String message = refused.getMessage();
        assertTrue(message.startsWith("Will not overwrite " + written.get(0) + ": it already exists.")
                || message.startsWith("Nothing was written: " + written.get(0).toAbsolutePath().normalize()
                + " appeared in the migrations folder while this build compared"), message);
        // the winner's migration and its undo; nothing of the other, no temporary file
        String migration = dir.relativize(written.get(0)).toString();
        // the undo goes where Flyway does not look (schema.undoDirectory), under the same name but for its prefix
        String undoName = "U" + written.get(0).getFileName().toString().substring(1);
        List<String> added = new ArrayList<>(project());
        added.removeAll(projectBefore);
        added.removeIf(p -> Files.isDirectory(dir.resolve(p)));
        assertEquals(2, added.size(), added.toString());
        assertTrue(added.contains(migration), added.toString());
        assertTrue(added.stream().anyMatch(p -> p.endsWith("/" + undoName) && !p.contains("db/migration")), added.toString());
    }

    @Test
    void aMigrationWrittenWhileGenerateComparesIsNeverRepeated() throws Exception {
        Scenario scenario = ShopMigrations.inSync(dir);
        Files.delete(scenario.migrations().resolve("V2__orders.sql"));
        // another build writes the same change after this one replayed, before it chose its version
        Path meanwhile = scenario.migrations().resolve("V2__orders_by_another_build.sql");
        String sql = ShopMigrations.ORDERS;
        SchemaException refused = assertThrows(SchemaException.class, () -> scenario.pipeline(scenario.settings(),
                SharedPostgres::server, line -> {
                    if (line.startsWith("Reference: ")) {
                        try {
                            Files.writeString(meanwhile, sql);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }).generate());
        assertTrue(refused.getMessage().startsWith("Nothing was written: " + meanwhile.toAbsolutePath().normalize()
                + " appeared in the migrations folder while this build compared"), refused.getMessage());
        try (var files = Files.list(scenario.migrations())) {
            assertEquals(List.of("V1__customers.sql", "V2__orders_by_another_build.sql"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        // run again: it compares with that migration and finds nothing to write
        assertTrue(scenario.generate().written().isEmpty());
    }

    private SchemaPipeline pipeline(Scenario scenario) {
        return scenario.pipeline(scenario.settings(), () -> {
            serversAsked.incrementAndGet();
            ScratchServer lent = SharedPostgres.server();
            return new ScratchServer() {
                @Override
                public javax.sql.DataSource createDatabase(String name) {
                    return lent.createDatabase(name);
                }

                @Override
                public void dropDatabase(String name) {
                    lent.dropDatabase(name);
                }

                @Override
                public String version() {
                    return lent.version();
                }

                @Override
                public void close() {
                    serversClosed.incrementAndGet();
                    lent.close();
                }
            };
        });
    }

    /** Every file and folder of the project, relative to it. */
    private List<String> project() {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scratch databases on the shared embedded server, which every pipeline here uses. */
    private static long scratchDatabases() {
        return Long.parseLong(LocalPostgres.column(SharedPostgres.embeddedConnection().dataSource(null, false),
                "select count(*) from pg_database where datname like 'schemadiff\\_reference\\_%'"
                        + " or datname like 'schemadiff\\_model\\_%'").get(0));
    }
}
