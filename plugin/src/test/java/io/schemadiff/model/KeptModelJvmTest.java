package io.schemadiff.model;

import io.schemadiff.core.Dialect;
import io.schemadiff.core.SchemaException;
import io.schemadiff.core.TargetDatabase;
import io.schemadiff.discover.DiscoveredModel;
import io.schemadiff.discover.EntityScanner;
import io.schemadiff.discover.PackagePattern;
import io.schemadiff.reference.FlywayProject;
import io.schemadiff.reference.MigrationReplay;
import io.schemadiff.testing.Scenario;
import io.schemadiff.testing.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static io.schemadiff.model.ModelJvmTest.JAVA;
import static io.schemadiff.model.ModelJvmTest.NAMING;
import static io.schemadiff.model.ModelJvmTest.SHOP;
import static io.schemadiff.model.ModelJvmTest.assertSameModel;
import static io.schemadiff.model.ModelJvmTest.console;
import static io.schemadiff.model.ModelJvmTest.inThisJvm;
import static io.schemadiff.model.ModelJvmTest.modelJvms;
import static io.schemadiff.model.ModelJvmTest.testClasspath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model JVM kept after its build serves the next builds as a fresh one would, one build at a time, and ends
 * when idle, when told, or when a build left it unfit.
 */
class KeptModelJvmTest {

    private static final List<String> POLLING = List.of("io.schemadiff.fixtures.threads.model.PollingEntity");

    private final List<ModelJvm> started = new ArrayList<>();
    private Path logs;

    @AfterEach
    void stopKeptJvms() throws InterruptedException {
        started.forEach(ModelJvm::stopKept);
        waitFor(() -> modelJvms().isEmpty(), "the model JVMs end");
    }

    private ModelJvm kept(Path folder, Duration keep) {
        ModelJvm jvm = new ModelJvm(JAVA, testClasspath(), folder.resolve("archives"), keep);
        started.add(jvm);
        logs = folder.resolve("archives");
        return jvm;
    }

    private static EntityModel build(ModelJvm.Started jvm, List<String> classes) {
        List<String> details = new ArrayList<>();
        return jvm.build(classes, List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14), NAMING,
                console(details)).orElseThrow(() -> new AssertionError(details.toString()));
    }

    private void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 150 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertTrue(condition.getAsBoolean(), () -> "waited 15 s for: " + what + "; running: " + modelJvms().stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList() + "; the kept JVMs' logs:\n"
                + keptLogs());
    }

    /** What the kept JVMs noted (why they ended), for a failure's message. */
    private String keptLogs() {
        if (logs == null || !Files.isDirectory(logs)) {
            return "none";
        }
        try (java.util.stream.Stream<Path> files = Files.list(logs)) {
            StringBuilder text = new StringBuilder();
            for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                text.append(log.getFileName()).append(":\n").append(Files.readString(log));
            }
            return text.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void theNextBuildsAreServedByTheKeptJvmWithTheSameModelsAndErrors(@TempDir Path folder) throws Exception {
        ModelJvm jvm = kept(folder, Duration.ofMinutes(5));
        Path socket = jvm.keptSocket();
        assertNotNull(socket);
        EntityModel expected = inThisJvm(SHOP);
        try (ModelJvm.Started first = jvm.start()) {
            assertFalse(first.servedByKeptJvm());
            assertSameModel(expected, build(first, SHOP));
        }
        waitFor(() -> keptLogs().contains("serving builds"), "the model JVM stays");
        assertEquals(1, modelJvms().size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));

        for (int build = 0; build < 3; build++) {
            try (ModelJvm.Started next = jvm.start()) {
                assertTrue(next.servedByKeptJvm(), this::keptLogs);
                assertSameModel(expected, build(next, SHOP));
            }
        }
        // a model Hibernate rejects: the same message as in a fresh JVM, and the JVM stays
        ModelJvm fresh = new ModelJvm(JAVA, testClasspath(), null);
        for (List<String> classes : List.of(List.of("io.schemadiff.fixtures.shop.domains.sales.model.Missing"),
                List.of("io.schemadiff.fixtures.broken.model.ExplodingEntity"))) {
            SchemaException here = assertThrows(SchemaException.class, () -> fresh.build(classes,
                    List.of(Scenario.TEST_CLASSES), TargetDatabase.postgresql(14), NAMING, console(new ArrayList<>())));
            try (ModelJvm.Started next = jvm.start()) {
                assertTrue(next.servedByKeptJvm(), this::keptLogs);
                SchemaException there = assertThrows(SchemaException.class, () -> build(next, classes));
                assertEquals(here.getMessage(), there.getMessage());
            }
        }
        try (ModelJvm.Started next = jvm.start()) {
            assertTrue(next.servedByKeptJvm(), this::keptLogs);
            assertSameModel(expected, build(next, SHOP));
        }
        assertEquals(1, modelJvms().size());

        jvm.stopKept();
        waitFor(() -> modelJvms().isEmpty() && !Files.exists(socket), "the kept JVM ends when told");
    }

    @Test
    void aBusyKeptJvmLeavesTheBuildToAJvmOfItsOwn(@TempDir Path folder) throws Exception {
        ModelJvm jvm = kept(folder, Duration.ofMinutes(5));
        Path socket = jvm.keptSocket();
        try (ModelJvm.Started first = jvm.start()) {
            build(first, SHOP);
        }
        waitFor(() -> keptLogs().contains("serving builds"), "the model JVM stays");
        EntityModel expected = inThisJvm(SHOP);
        try (ModelJvm.Started one = jvm.start(); ModelJvm.Started other = jvm.start()) {
            assertTrue(one.servedByKeptJvm(), this::keptLogs);
            assertFalse(other.servedByKeptJvm());
            assertSameModel(expected, build(other, SHOP));
            assertSameModel(expected, build(one, SHOP));
        }
        // the second JVM finds the key served and ends
        waitFor(() -> modelJvms().size() == 1, "one JVM stays");
        try (ModelJvm.Started next = jvm.start()) {
            assertTrue(next.servedByKeptJvm(), this::keptLogs);
            assertSameModel(expected, build(next, SHOP));
        }
    }

    @Test
    void aKeptJvmEndsWhenIdle(@TempDir Path folder) throws Exception {
        ModelJvm jvm = kept(folder, Duration.ofSeconds(2));
        Path socket = jvm.keptSocket();
        try (ModelJvm.Started first = jvm.start()) {
            build(first, SHOP);
        }
        waitFor(() -> keptLogs().contains("serving builds"), "the model JVM stays");
        waitFor(() -> modelJvms().isEmpty() && !Files.exists(socket), "the idle JVM ends");
        try (ModelJvm.Started next = jvm.start()) {
            assertFalse(next.servedByKeptJvm());
            build(next, SHOP);
        }
    }

    @Test
    void aBuildThatLeavesThreadsRunningEndsTheJvm(@TempDir Path folder) throws Exception {
        ModelJvm jvm = kept(folder, Duration.ofMinutes(5));
        Path socket = jvm.keptSocket();
        // the first build's own JVM: not kept
        try (ModelJvm.Started first = jvm.start()) {
            build(first, POLLING);
        }
        waitFor(() -> modelJvms().isEmpty(), "the JVM with a project thread ends");
        assertFalse(Files.exists(socket));

        // a kept JVM: ends after answering
        try (ModelJvm.Started first = jvm.start()) {
            build(first, SHOP);
        }
        waitFor(() -> keptLogs().contains("serving builds"), "the model JVM stays");
        try (ModelJvm.Started next = jvm.start()) {
            assertTrue(next.servedByKeptJvm(), this::keptLogs);
            build(next, POLLING);
        }
        waitFor(() -> modelJvms().isEmpty() && !Files.exists(socket), "the JVM with a project thread ends");
    }

    @Test
    void aSocketLeftByAKilledJvmIsTakenOver(@TempDir Path folder) throws Exception {
        ModelJvm jvm = kept(folder, Duration.ofMinutes(5));
        Path socket = jvm.keptSocket();
        // bound, then closed without deleting its file: nobody answers there
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(socket));
        }
        try (ModelJvm.Started first = jvm.start()) {
            assertFalse(first.servedByKeptJvm());
            build(first, SHOP);
        }
        waitFor(() -> keptLogs().contains("serving builds"), "the model JVM stays, on a socket of its own");
        try (ModelJvm.Started next = jvm.start()) {
            assertTrue(next.servedByKeptJvm(), this::keptLogs);
            assertSameModel(inThisJvm(SHOP), build(next, SHOP));
        }
    }

    @Test
    void theFolderIsMadeTheUsersOnlyAndALinkIsRefused(@TempDir Path folder) throws IOException {
        Path open = Files.createDirectory(folder.resolve("open"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertTrue(PrivateFolder.claim(open));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(open)));

        Path link = Files.createSymbolicLink(folder.resolve("link"), open);
        assertFalse(PrivateFolder.claim(link));
        ModelJvm linked = new ModelJvm(JAVA, testClasspath(), link, Duration.ofMinutes(5));
        assertEquals(null, linked.keptSocket());
        assertEquals(null, new ModelJvm(JAVA, testClasspath(), open, Duration.ZERO).keptSocket());
    }

    @Test
    void theKeptJvmReplaysAVerificationAsTheBuildsJvmDoes(@TempDir Path folder) throws Exception {
        ModelJvm jvm = kept(folder, Duration.ofMinutes(5));
        try (ModelJvm.Started first = jvm.start()) {
            build(first, SHOP);
        }
        waitFor(() -> keptLogs().contains("serving builds"), "the model JVM stays");

        Path migrations = Files.createDirectories(folder.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__books.sql"), "create table books (id bigint primary key);\n");
        Path staged = Files.createDirectories(folder.resolve("staged"));
        Files.writeString(staged.resolve("V2__add_title.sql"), "alter table books add column title varchar(80);\n");
        Path broken = Files.createDirectories(folder.resolve("broken"));
        Files.writeString(broken.resolve("V2__add_title.sql"), "alter table books add column title varchar(80) nul;\n");
        FlywayProject project = FlywayProject.ofFolders(List.of(migrations));
        MigrationReplay here = new MigrationReplay(project, Dialect.POSTGRESQL);

        try (SharedPostgres.Database inThisJvm = SharedPostgres.newDatabase("replay_here");
             SharedPostgres.Database inKeptJvm = SharedPostgres.newDatabase("replay_kept");
             ModelJvm.Started next = jvm.start()) {
            assertTrue(next.servedByKeptJvm(), this::keptLogs);
            build(next, SHOP);
            assertTrue(next.builtByKeptJvm());
            assertEquals(2, here.replay(inThisJvm.dataSource(), List.of(staged)));
            List<String> details = new ArrayList<>();
            assertEquals(java.util.Optional.of(2), next.replay(request(project, inKeptJvm, staged), console(details)),
                    details::toString);
            assertEquals(columns(inThisJvm), columns(inKeptJvm));
            assertTrue(columns(inKeptJvm).contains("books.title"), columns(inKeptJvm)::toString);
        }

        try (SharedPostgres.Database inThisJvm = SharedPostgres.newDatabase("replay_here");
             SharedPostgres.Database inKeptJvm = SharedPostgres.newDatabase("replay_kept");
             ModelJvm.Started next = jvm.start()) {
            build(next, SHOP);
            SchemaException expected = assertThrows(SchemaException.class,
                    () -> here.replay(inThisJvm.dataSource(), List.of(broken)));
            List<String> details = new ArrayList<>();
            SchemaException actual = assertThrows(SchemaException.class,
                    () -> next.replay(request(project, inKeptJvm, broken), console(details)), details::toString);
            assertEquals(expected.getMessage(), actual.getMessage());
            assertEquals(SchemaException.rootCause(expected), SchemaException.rootCause(actual));
            assertTrue(SchemaException.rootCause(actual).contains("syntax error"), actual::getMessage);
        }
    }

    @Test
    void theKeptJvmScansAsTheBuildsJvmDoes(@TempDir Path folder) throws Exception {
        ModelJvm jvm = kept(folder, Duration.ofMinutes(5));
        try (ModelJvm.Started first = jvm.start()) {
            assertTrue(first.scan(new ModelJvm.Scan(Scenario.TEST_CLASSES.toString(), List.of(),
                    List.of("io.schemadiff.fixtures.shop.**"), java.util.Map.of()), console(new ArrayList<>()))
                    .isEmpty(), "a JVM of the build's own scans nothing before its model");
            build(first, SHOP);
        }
        waitFor(() -> keptLogs().contains("serving builds"), "the model JVM stays");

        List<PackagePattern> patterns = List.of(PackagePattern.of("io.schemadiff.fixtures.shop.**"));
        DiscoveredModel here = new EntityScanner().scan(Scenario.TEST_CLASSES, List.of(), patterns, java.util.Map.of());
        assertFalse(here.entities().isEmpty());
        try (ModelJvm.Started next = jvm.start()) {
            List<String> details = new ArrayList<>();
            DiscoveredModel there = next.scan(new ModelJvm.Scan(Scenario.TEST_CLASSES.toString(), List.of(),
                    List.of("io.schemadiff.fixtures.shop.**"), java.util.Map.of()), console(details))
                    .orElseThrow(() -> new AssertionError(details.toString()));
            assertEquals(here, there);
            // the same connection then builds the model
            assertSameModel(inThisJvm(SHOP), build(next, SHOP));
        }
        java.util.Map<String, String> missing = java.util.Map.of("com.example.Missing", "<classes> (schema.classes)");
        SchemaException expected = assertThrows(SchemaException.class,
                () -> new EntityScanner().scan(Scenario.TEST_CLASSES, List.of(), patterns, missing));
        try (ModelJvm.Started next = jvm.start()) {
            SchemaException actual = assertThrows(SchemaException.class, () -> next.scan(new ModelJvm.Scan(
                    Scenario.TEST_CLASSES.toString(), List.of(), List.of("io.schemadiff.fixtures.shop.**"), missing),
                    console(new ArrayList<>())));
            assertEquals(expected.getMessage(), actual.getMessage());
        }
    }

    private static ModelJvm.Replay request(FlywayProject project, SharedPostgres.Database database, Path staged) {
        PGSimpleDataSource postgres = (PGSimpleDataSource) database.dataSource();
        return new ModelJvm.Replay(project.settings(), project.locations(),
                project.folders().stream().map(Path::toString).toList(), List.of(), List.of(),
                postgres.getURL(), postgres.getUser(), postgres.getPassword(), List.of(staged.toString()));
    }

    /** The database's tables and columns, as {@code table.column}, in order. */
    private static List<String> columns(SharedPostgres.Database database) throws java.sql.SQLException {
        List<String> columns = new ArrayList<>();
        try (java.sql.Connection connection = database.dataSource().getConnection();
             java.sql.ResultSet rows = connection.createStatement().executeQuery(
                     "select table_name || '.' || column_name from information_schema.columns"
                             + " where table_schema = 'public' order by 1")) {
            while (rows.next()) {
                columns.add(rows.getString(1));
            }
        }
        return columns;
    }
}
