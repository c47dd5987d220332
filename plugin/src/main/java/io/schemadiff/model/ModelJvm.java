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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
     * The model JVM's failure.
     *
     * @param badInput a {@link SchemaException}: the user's input, said as the build's JVM would say it
     */
    record Failure(String message, boolean badInput, String stackTrace) implements Serializable {
    }

    /** Lines of the model JVM's own output kept for a failure's message. */
    private static final int KEPT_OUTPUT = 40;

    private final Path launcher;
    private final List<Path> pluginClasspath;
    private final Path archives;

    /**
     * @param pluginClasspath the plugin's jar and its dependencies, as the build loaded them
     * @param archives        where class archives are kept, or {@code null} for none
     */
    public ModelJvm(Path java, List<Path> pluginClasspath, Path archives) {
        this.launcher = java;
        this.pluginClasspath = List.copyOf(pluginClasspath);
        this.archives = archives;
    }

    /** The JDK the build runs on, with its class archives in the temporary folder, per user. */
    public static ModelJvm of(List<Path> pluginClasspath) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        Path java = Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
        String user = System.getProperty("user.name", "").replaceAll("[^A-Za-z0-9_.-]", "_");
        return new ModelJvm(java, pluginClasspath, Path.of(System.getProperty("java.io.tmpdir"),
                "schemadiff-jvm-" + user));
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
        try {
            started.work = Files.createTempDirectory("schemadiff-model");
            started.archive = (archives == null ? ClassArchive.none()
                    : ClassArchive.in(archives, launcher, pluginClasspath)).forLaunch();
            Path arguments = started.work.resolve("arguments");
            Files.write(arguments, launch(started.archive, started.work.resolve("result")), StandardCharsets.UTF_8);
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

    /** A model JVM that started and waits for its request, or one that could not start ({@link #build} says so). */
    public static final class Started implements AutoCloseable {

        private Path work;
        private ClassArchive archive;
        private Process process;
        private Thread output;
        private String failure;
        /** Hibernate's records and whatever else the JVM printed, in order; read once the JVM has ended. */
        private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        private Started() {
        }

        /** Reads the JVM's output as it comes, so that it never blocks on a full pipe. */
        private void drain() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the JVM ended; what it said so far is kept
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
            int exit;
            try {
                try (ObjectOutputStream out = new ObjectOutputStream(process.getOutputStream())) {
                    out.writeObject(new Request(List.copyOf(classNames),
                            projectClasspath.stream().map(p -> p.toAbsolutePath().toString()).toList(), target,
                            new LinkedHashMap<>(properties)));
                } catch (IOException e) {
                    // the JVM is gone already: its output says why
                }
                exit = process.waitFor();
                output.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            archive.publish(exit == 0);
            Deque<String> kept = forward(console);
            Path result = work.resolve("result");
            try {
                if (!Files.isRegularFile(result)) {
                    archive.discardIfMapped();
                    console.debug("The model JVM ended (exit " + exit + ") without a model; the build's JVM builds it."
                            + (kept.isEmpty() ? "" : " Its output:\n" + String.join("\n", kept)));
                    return Optional.empty();
                }
                Object answer;
                try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(result))) {
                    answer = in.readObject();
                }
                if (answer instanceof EntityModel model) {
                    return Optional.of(model);
                }
                Failure failed = (Failure) answer;
                if (failed.badInput()) {
                    throw new SchemaException(failed.message());
                }
                console.debug("The model JVM failed; the build's JVM builds the model. " + failed.stackTrace());
                return Optional.empty();
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                console.debug("The model JVM's model could not be read (" + e + "); the build's JVM builds it.");
                return Optional.empty();
            }
        }

        /**
         * Hibernate's records to the console as the build's JVM logs them; anything else the JVM or the entities
         * printed is a detail, and the last of it is kept for a failure.
         */
        private Deque<String> forward(Console console) {
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

        /** Stops a JVM that was never sent its request, and deletes its files. */
        @Override
        public void close() {
            if (process != null) {
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
    private List<String> launch(ClassArchive archive, Path result) {
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
        // Hibernate reads hibernate.* system properties as defaults, in the build's JVM as in this one
        System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("hibernate.") || name.startsWith("jakarta.persistence."))
                .forEach(name -> arguments.add("-D" + name + "=" + System.getProperty(name)));
        arguments.add(ModelJvmMain.class.getName());
        arguments.add(result.toString());
        return arguments.stream().map(ModelJvm::quoted).toList();
    }

    private static String quoted(String argument) {
        return "\"" + argument.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
