package io.schemadiff.model;

import io.schemadiff.core.Console;
import io.schemadiff.core.FolderFiles;
import io.schemadiff.core.ForwardedLog;
import io.schemadiff.core.SchemaException;
import io.schemadiff.core.TargetDatabase;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the model stage ({@link HibernateModelBuilder}) in a JVM of its own, started from the plugin's jars
 * with the JDK's class data sharing ({@link ClassArchive}) and the quick compiler only. In the build's JVM,
 * a fresh one in every build, Hibernate's first boot is mostly class loading and compiling code that runs a
 * few times; a JVM that maps Hibernate's classes from an archive does the same in about half the time, and
 * leaves the build's JVM lighter for what follows.
 *
 * <p>A mapping Hibernate rejects is reported as in the build's JVM. A JVM that could not start or ended
 * without a result gives {@link Optional#empty()}: the caller builds the model in its own JVM instead.
 */
public final class ModelJvm {

    /** What the model JVM builds: the arguments of {@link HibernateModelBuilder#build}. */
    record Request(List<String> classNames, List<String> projectClasspath, TargetDatabase target,
                   Map<String, String> properties) implements Serializable {
    }

    /**
     * A verification's replay for the kept model JVM: the project's migrations and {@code extraFolders} applied
     * with Flyway ({@link io.schemadiff.reference.MigrationReplay}) to a PostgreSQL database of the build's
     * server, as the build's JVM would apply them. Java migrations come by class name, from the project's
     * classpath.
     */
    public record Replay(io.schemadiff.config.FlywaySettings settings, List<String> locations, List<String> folders,
                         List<String> javaMigrations, List<String> projectClasspath, String url, String user,
                         String password, List<String> extraFolders) implements Serializable {
    }

    /**
     * A scan for the kept model JVM: {@link io.schemadiff.discover.EntityScanner#scan} of the project's classes
     * and classpath, with the model's package patterns and the classes listed elsewhere (with where).
     */
    public record Scan(String classesDirectory, List<String> classpath, List<String> packages,
                       Map<String, String> explicitClasses) implements Serializable {
    }

    /** A {@link io.schemadiff.discover.DiscoveredModel} as it travels: its paths as text. */
    record Scanned(List<String> classes, List<String> entities, List<String> unregistered, List<String> searched,
                   Map<String, Integer> classFileMajors) implements Serializable {
    }

    /**
     * The model JVM's failure.
     *
     * @param badInput  a {@link SchemaException}: the user's input, said as the build's JVM would say it
     * @param rootCause the first line of the innermost cause's message, which a failed replay is judged by
     */
    record Failure(String message, boolean badInput, String stackTrace, String rootCause) implements Serializable {
    }

    /** A failure the model JVM reports as the build's JVM would have thrown it: its innermost cause's words. */
    private static final class RootCause extends Exception {
        private static final long serialVersionUID = 1L;

        RootCause(String message) {
            super(message, null, false, false);
        }
    }

    /** What the build and the model JVM send each other: their own records, and the JDK's collections. */
    static final java.io.ObjectInputFilter SERIALIZED = java.io.ObjectInputFilter.Config.createFilter(
            "maxdepth=64;io.schemadiff.**;java.lang.*;java.util.*;java.time.*;!*");

    /** Lines of the model JVM's own output kept for a failure's message. */
    private static final int KEPT_OUTPUT = 40;
    /**
     * How long a build waits for a kept model JVM to say whether it serves it: at once when idle, after the
     * build it serves (up to {@link KeptModelJvm#QUEUE}) when busy.
     */
    private static final Duration CLAIM_WAIT = KeptModelJvm.QUEUE.plusSeconds(1);
    /** The longest socket path the JDK binds on every system (sockaddr_un holds about 104 bytes). */
    private static final int LONGEST_SOCKET_PATH = 100;

    private final Path launcher;
    private final List<Path> pluginClasspath;
    private final Path archives;
    private final Duration keep;

    /**
     * A model JVM that ends with its build.
     *
     * @param pluginClasspath the plugin's jar and its dependencies, as the build loaded them
     * @param archives        where class archives are kept, or {@code null} for none
     */
    public ModelJvm(Path java, List<Path> pluginClasspath, Path archives) {
        this(java, pluginClasspath, archives, Duration.ZERO);
    }

    /**
     * @param archives where class archives and kept JVMs' sockets are, or {@code null} for none
     * @param keep     how long a model JVM waits for the next build ({@link KeptModelJvm}); zero: it ends with
     *                 its build
     */
    public ModelJvm(Path java, List<Path> pluginClasspath, Path archives, Duration keep) {
        this.launcher = java;
        this.pluginClasspath = List.copyOf(pluginClasspath);
        this.archives = archives;
        this.keep = keep;
    }

    /**
     * The JDK the build runs on, with its class archives (and kept JVMs) in the temporary folder, per user.
     *
     * @param keep how long a model JVM waits for the next build; zero: it ends with its build
     */
    public static ModelJvm of(List<Path> pluginClasspath, Duration keep) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        return new ModelJvm(java, pluginClasspath, Path.of(System.getProperty("java.io.tmpdir"),
                "schemadiff-jvm-" + user), keep);
    }

    /**
     * Where a model JVM kept for builds like this one answers, or {@code null} when none is kept: its name is
     * the hash of what makes a JVM serve this build as a fresh one would.
     */
    Path keptSocket() {
        if (keep.isZero() || keep.isNegative() || archives == null || !PrivateFolder.claim(archives)) {
            return null;
        }
        String key = ClassArchive.key(launcher, pluginClasspath) + "\n" + System.getProperty("user.dir") + "\n"
                + String.join("\n", forwardedProperties());
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            Path socket = archives.toAbsolutePath().resolve("kept-" + java.util.HexFormat.of().formatHex(
                    digest.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 12) + ".sock");
            return socket.toString().getBytes(StandardCharsets.UTF_8).length <= LONGEST_SOCKET_PATH ? socket : null;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks the model JVM kept for builds like this one, if any, to end; it ends once it answered its build. */
    public void stopKept() {
        Path socket = keptSocket();
        SocketChannel channel = socket == null ? null : claim(socket);
        if (channel != null) {
            try (channel; ObjectOutputStream out = new ObjectOutputStream(Channels.newOutputStream(channel))) {
                out.writeObject(new KeptModelJvm.Stop());
            } catch (IOException e) {
                // it ended already
            }
        }
    }

    /**
     * The kept model JVM's connection, when one answers at {@code socket} and serves this build; {@code null}
     * when none is kept or it serves another build.
     */
    private static SocketChannel claim(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            ByteBuffer answer = ByteBuffer.allocate(1);
            try (Selector selector = Selector.open()) {
                channel.register(selector, SelectionKey.OP_READ);
                long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
                long left;
                while (answer.hasRemaining() && (left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
                    selector.select(left);
                    if (channel.read(answer) < 0) {
                        break;
                    }
                }
            }
            if (!answer.hasRemaining() && answer.get(0) == KeptModelJvm.READY) {
                channel.configureBlocking(true);
                return channel;
            }
        } catch (IOException e) {
            // a socket file left by a JVM that was killed, or one that ends now
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closed
            }
        }
        return null;
    }

    /**
     * The model, built in a JVM of its own started now; empty when that JVM could not give one (said at debug
     * level).
     *
     * @throws SchemaException the entities are not a model Hibernate accepts (or another input is bad)
     */
    public Optional<EntityModel> build(List<String> classNames, List<Path> projectClasspath, TargetDatabase target,
                                       Map<String, String> properties, Console console) {
        try (Started jvm = start()) {
            return jvm.build(classNames, projectClasspath, target, properties, console);
        }
    }

    /**
     * Starts the model JVM, which then waits for its request: it starts while the build scans the classes,
     * which the request needs. Whoever starts it closes it, built or not.
     */
    public Started start() {
        Started started = new Started();
        Path socket = keptSocket();
        if (socket != null) {
            started.kept = claim(socket);
            if (started.kept != null) {
                return started;
            }
        }
        try {
            started.work = Files.createTempDirectory("schemadiff-model");
            started.archive = (archives == null ? ClassArchive.none()
                    : ClassArchive.in(archives, launcher, pluginClasspath)).forLaunch();
            Path arguments = started.work.resolve("arguments");
            // a JVM that writes the class archive at its exit is not kept: the next one maps the archive
            Files.write(arguments, launch(started.archive, started.work.resolve("result"),
                    started.archive.writes() ? null : socket), StandardCharsets.UTF_8);
            started.process = new ProcessBuilder(launcher.toString(), "@" + arguments).redirectErrorStream(true)
                    .start();
            started.output = new Thread(started::drain, "schemadiff-model-jvm-output");
            started.output.setDaemon(true);
            started.output.start();
        } catch (IOException e) {
            started.failure = e.toString();
        }
        return started;
    }

    /**
     * A model JVM that started and waits for its request, a kept one that serves this build, or one that could
     * not start ({@link #build} says so).
     */
    public static final class Started implements AutoCloseable {

        private Path work;
        private ClassArchive archive;
        private Process process;
        private Thread output;
        private String failure;
        /** The kept model JVM that serves this build instead of a JVM of its own. */
        private SocketChannel kept;
        /** Hibernate's records and whatever else the JVM printed, in order; read once it answered or ended. */
        private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Counted down when the JVM has answered or ended. */
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean answered;
        private boolean builtByKept;
        private ObjectOutputStream keptOut;
        private ObjectInputStream keptIn;

        private Started() {
        }

        /** Whether a model JVM kept from an earlier build serves this one. */
        public boolean servedByKeptJvm() {
            return kept != null;
        }

        /** Whether the model came from a model JVM kept from an earlier build. */
        public boolean builtByKeptJvm() {
            return builtByKept;
        }

        /**
         * Replays in the kept model JVM that built this build's model, where Flyway is loaded and has run
         * before; empty when there is none (or it could not), and the caller replays in its own JVM.
         *
         * @return how many migrations ran
         * @throws SchemaException the replay failed, with the build's JVM's message and innermost cause
         */
        public Optional<Integer> replay(Replay request, Console console) {
            if (!builtByKept) {
                return Optional.empty();
            }
            Object answer;
            try {
                answer = exchange(request, console);
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                console.debug("The kept model JVM did not replay (" + e + "); the build's JVM does.");
                builtByKept = false;
                return Optional.empty();
            }
            if (answer instanceof Integer ran) {
                return Optional.of(ran);
            }
            Failure failed = (Failure) answer;
            if (failed.badInput()) {
                throw new SchemaException(failed.message(), new RootCause(failed.rootCause()));
            }
            console.debug("The kept model JVM failed to replay; the build's JVM does. " + failed.stackTrace());
            return Optional.empty();
        }

        /**
         * The scan, in the kept model JVM that serves this build, where ClassGraph is loaded and has run before;
         * empty when there is none (or it could not), and the caller scans in its own JVM.
         *
         * @throws SchemaException a listed class is missing or maps nothing, said as the build's JVM says it
         */
        public Optional<io.schemadiff.discover.DiscoveredModel> scan(Scan request, Console console) {
            if (kept == null) {
                return Optional.empty();
            }
            Object answer;
            try {
                answer = exchange(request, console);
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                console.debug("The kept model JVM did not scan (" + e + "); the build's JVM does.");
                return Optional.empty();
            }
            if (answer instanceof Scanned scanned) {
                return Optional.of(new io.schemadiff.discover.DiscoveredModel(scanned.classes(), scanned.entities(),
                        scanned.unregistered(), scanned.searched().stream().map(Path::of).toList(),
                        scanned.classFileMajors()));
            }
            Failure failed = (Failure) answer;
            if (failed.badInput()) {
                throw new SchemaException(failed.message());
            }
            console.debug("The kept model JVM failed to scan; the build's JVM does. " + failed.stackTrace());
            return Optional.empty();
        }

        /** One request to the kept JVM on this build's connection, its output forwarded, and its answer. */
        private Object exchange(Serializable request, Console console) throws IOException, ClassNotFoundException {
            if (keptOut == null) {
                keptOut = new ObjectOutputStream(Channels.newOutputStream(kept));
            }
            keptOut.writeObject(request);
            keptOut.flush();
            // the next request's objects are written whole again, not as references to this one's
            keptOut.reset();
            if (keptIn == null) {
                keptIn = new ObjectInputStream(Channels.newInputStream(kept));
                keptIn.setObjectInputFilter(SERIALIZED);
            }
            KeptModelJvm.Response response = (KeptModelJvm.Response) keptIn.readObject();
            forward(response.output(), console);
            return response.result();
        }

        /** Reads the JVM's output as it comes, so that it never blocks on a full pipe. */
        private void drain() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.equals(ModelJvmMain.ANSWERED)) {
                        answered = true;
                        done.countDown();
                    } else if (!answered) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the JVM ended; what it said so far is kept
            } finally {
                done.countDown();
            }
        }

        /**
         * Sends the request and waits for the model; empty when the JVM could not give one (said at debug level).
         * Hibernate's records go to {@code console} here, on the caller's thread, as the build's JVM logs them.
         *
         * @throws SchemaException the entities are not a model Hibernate accepts (or another input is bad)
         */
        public Optional<EntityModel> build(List<String> classNames, List<Path> projectClasspath,
                                           TargetDatabase target, Map<String, String> properties, Console console) {
            if (failure != null) {
                console.debug("No model JVM (" + failure + "); the build's JVM builds the model.");
                return Optional.empty();
            }
            Request request = new Request(List.copyOf(classNames),
                    projectClasspath.stream().map(p -> p.toAbsolutePath().toString()).toList(), target,
                    new LinkedHashMap<>(properties));
            if (kept != null) {
                return buildOnKept(request, console);
            }
            int exit = 0;
            try {
                try (ObjectOutputStream out = new ObjectOutputStream(process.getOutputStream())) {
                    out.writeObject(request);
                } catch (IOException e) {
                    // the JVM is gone already: its output says why
                }
                done.await();
                if (!answered || archive.writes()) {
                    // it ends: without an answer, or to write the class archive
                    exit = process.waitFor();
                    output.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            archive.publish(exit == 0);
            Deque<String> printed = forward(lines, console);
            Path result = work.resolve("result");
            try {
                if (!Files.isRegularFile(result)) {
                    archive.discardIfMapped();
                    console.debug("The model JVM ended (exit " + exit + ") without a model; the build's JVM builds it."
                            + (printed.isEmpty() ? "" : " Its output:\n" + String.join("\n", printed)));
                    return Optional.empty();
                }
                try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(result))) {
                    in.setObjectInputFilter(SERIALIZED);
                    return model(in.readObject(), console);
                }
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                console.debug("The model JVM's model could not be read (" + e + "); the build's JVM builds it.");
                return Optional.empty();
            }
        }

        /** The request sent to the kept model JVM, and its answer. */
        private Optional<EntityModel> buildOnKept(Request request, Console console) {
            try {
                Optional<EntityModel> model = model(exchange(request, console), console);
                builtByKept = model.isPresent();
                return model;
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                console.debug("The kept model JVM gave no model (" + e + "); the build's JVM builds it.");
                return Optional.empty();
            }
        }

        /** A model JVM's answer: the model, or the failure the build's JVM would have had. */
        private static Optional<EntityModel> model(Object answer, Console console) {
            if (answer instanceof EntityModel model) {
                return Optional.of(model);
            }
            Failure failed = (Failure) answer;
            if (failed.badInput()) {
                throw new SchemaException(failed.message());
            }
            console.debug("The model JVM failed; the build's JVM builds the model. " + failed.stackTrace());
            return Optional.empty();
        }

        /**
         * Hibernate's records to the console as the build's JVM logs them; anything else the JVM or the entities
         * printed is a detail, and the last of it is kept for a failure.
         */
        private static Deque<String> forward(List<String> lines, Console console) {
            Deque<String> kept = new ArrayDeque<>();
            synchronized (lines) {
                for (String line : lines) {
                    Optional<ForwardedLog> record = ForwardedLog.parse(line);
                    if (record.isPresent()) {
                        if (record.get().warning()) {
                            console.warn(record.get().text());
                        } else {
                            console.debug(record.get().text());
                        }
                    } else {
                        console.debug(line);
                        kept.addLast(line);
                        if (kept.size() > KEPT_OUTPUT) {
                            kept.removeFirst();
                        }
                    }
                }
            }
            return kept;
        }

        /**
         * Stops a JVM that did not answer (never sent its request, or the build was stopped), and deletes its
         * files; one that answered ends by itself, or stays for the next builds.
         */
        @Override
        public void close() {
            if (kept != null) {
                try {
                    kept.close();
                } catch (IOException ignored) {
                    // closed
                }
            }
            if (process != null && !answered) {
                process.destroyForcibly();
            }
            if (archive != null) {
                // an archive a JVM was stopped before writing is none (published archives stay)
                archive.publish(false);
            }
            FolderFiles.deleteQuietly(work);
        }
    }

    /** The model JVM's command line, for an argument file (quoted: paths may hold spaces or backslashes). */
    private List<String> launch(ClassArchive archive, Path result, Path keptSocket) {
        List<String> arguments = new ArrayList<>();
        arguments.add("-cp");
        arguments.add(String.join(java.io.File.pathSeparator, pluginClasspath.stream().map(Path::toString).toList()));
        // a few seconds of work: the optimizing compiler would finish its work after the JVM's
        arguments.add("-XX:TieredStopAtLevel=1");
        arguments.add("-Xshare:auto");
        // the class archive's warnings (classes it cannot archive) are no concern of the build
        arguments.add("-Xlog:disable");
        arguments.addAll(archive.jvmOptions());
        arguments.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        arguments.addAll(forwardedProperties());
        arguments.add(ModelJvmMain.class.getName());
        arguments.add(result.toString());
        if (keptSocket != null) {
            arguments.add(keptSocket.toString());
            arguments.add(String.valueOf(Math.max(1, keep.toSeconds())));
        }
        return arguments.stream().map(ModelJvm::quoted).toList();
    }

    /** Hibernate reads hibernate.* system properties as defaults, in the build's JVM as in the model JVM. */
    private static List<String> forwardedProperties() {
        return System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("hibernate.") || name.startsWith("jakarta.persistence."))
                .map(name -> "-D" + name + "=" + System.getProperty(name)).toList();
    }

    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
