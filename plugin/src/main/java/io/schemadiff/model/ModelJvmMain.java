package io.schemadiff.model;

import io.schemadiff.core.QuietHibernateLogging;
import io.schemadiff.core.SchemaException;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The model stage in a JVM of its own ({@link ModelJvm}): started before the build knows the classes, it waits
 * for a {@link ModelJvm.Request} on its standard input, builds the model as the build's JVM would, and writes
 * the {@link EntityModel} (or a {@link ModelJvm.Failure}) to the file named by its first argument, then says
 * {@link #ANSWERED} on its standard output. A build that ends without sending one closes the input, and this
 * JVM exits. Hibernate's log goes to standard error as {@link io.schemadiff.core.ForwardedLog} lines.
 *
 * <p>With a socket and a number of seconds as further arguments, the JVM then stays for the next builds
 * ({@link KeptModelJvm}) until it has been idle that long.
 */
public final class ModelJvmMain {

    /** The line that tells the build its answer is written. */
    static final String ANSWERED = "schemadiff-model-jvm: answered";

    private ModelJvmMain() {
    }

    public static void main(String[] args) throws Exception {
        QuietHibernateLogging.forwardTo(new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                StandardCharsets.UTF_8));
        ModelJvm.Request request;
        try (ObjectInputStream in = new ObjectInputStream(System.in)) {
            in.setObjectInputFilter(ModelJvm.SERIALIZED);
            request = (ModelJvm.Request) in.readObject();
        } catch (java.io.IOException e) {
            // the build closed the input without a request: it needs no model
            System.exit(2);
            return;
        }
        java.util.Set<Thread> before = KeptModelJvm.liveThreads();
        Object result = answer(request);
        Path written = Path.of(args[0]);
        Path partial = written.resolveSibling(written.getFileName() + ".partial");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(partial))) {
            out.writeObject(result);
        }
        // the build never reads half a result
        Files.move(partial, written);
        System.out.println(ANSWERED);
        System.out.flush();
        // entity classes that started threads leave a JVM nobody should trust with the next build
        if (args.length == 3 && result instanceof EntityModel && !KeptModelJvm.threadsStartedSince(before)) {
            new KeptModelJvm(Path.of(args[1]), Duration.ofSeconds(Long.parseLong(args[2]))).serve();
        }
        // entity classes may have started threads: they do not keep this JVM (or its class archive) waiting
        System.exit(0);
    }

    /** The model of the request's classes, or why there is none: what a model JVM answers. */
    static Object answer(ModelJvm.Request request) {
        try {
            List<Path> classpath = request.projectClasspath().stream().map(Path::of).toList();
            List<URL> urls = new ArrayList<>();
            for (Path element : classpath) {
                urls.add(element.toUri().toURL());
            }
            // parent-first over the plugin's classes, as the build's project loader is over the plugin's realm
            try (URLClassLoader projectLoader = new URLClassLoader(urls.toArray(URL[]::new),
                    ModelJvmMain.class.getClassLoader())) {
                return new HibernateModelBuilder().build(request.classNames(), projectLoader, classpath,
                        request.target(), request.properties());
            }
        } catch (SchemaException e) {
            return new ModelJvm.Failure(e.getMessage(), true, stackTrace(e), SchemaException.rootCause(e));
        } catch (Throwable e) {
            return new ModelJvm.Failure(String.valueOf(e), false, stackTrace(e), null);
        }
    }

    /** A scan, as the build's JVM runs it: the discovered model, its paths as text, or why there is none. */
    static Object scan(ModelJvm.Scan request) {
        try {
            io.schemadiff.discover.DiscoveredModel found = new io.schemadiff.discover.EntityScanner().scan(
                    request.classesDirectory() == null ? null : Path.of(request.classesDirectory()),
                    request.classpath().stream().map(Path::of).toList(),
                    request.packages().stream().map(io.schemadiff.discover.PackagePattern::of).toList(),
                    request.explicitClasses());
            return new ModelJvm.Scanned(found.classes(), found.entities(), found.unregistered(),
                    found.searched().stream().map(Path::toString).toList(), new java.util.HashMap<>(found.classFileMajors()));
        } catch (SchemaException e) {
            return new ModelJvm.Failure(e.getMessage(), true, stackTrace(e), SchemaException.rootCause(e));
        } catch (Throwable e) {
            return new ModelJvm.Failure(String.valueOf(e), false, stackTrace(e), null);
        }
    }

    /**
     * A verification's replay, as {@link io.schemadiff.reference.MigrationReplay} runs it in the build's JVM:
     * how many migrations ran, or why it failed.
     */
    static Object replay(ModelJvm.Replay request) {
        try {
            List<URL> urls = new ArrayList<>();
            for (String element : request.projectClasspath()) {
                urls.add(Path.of(element).toUri().toURL());
            }
            try (URLClassLoader projectLoader = new URLClassLoader(urls.toArray(URL[]::new),
                    ModelJvmMain.class.getClassLoader())) {
                List<org.flywaydb.core.api.migration.JavaMigration> javaMigrations = new ArrayList<>();
                for (String name : request.javaMigrations()) {
                    javaMigrations.add((org.flywaydb.core.api.migration.JavaMigration) projectLoader.loadClass(name)
                            .getDeclaredConstructor().newInstance());
                }
                io.schemadiff.reference.FlywayProject project = new io.schemadiff.reference.FlywayProject(
                        request.settings(), request.locations(), request.folders().stream().map(Path::of).toList(),
                        javaMigrations, projectLoader, null);
                org.postgresql.ds.PGSimpleDataSource database = new org.postgresql.ds.PGSimpleDataSource();
                database.setURL(request.url());
                database.setUser(request.user());
                database.setPassword(request.password());
                return new io.schemadiff.reference.MigrationReplay(project, io.schemadiff.core.Dialect.POSTGRESQL)
                        .replay(database, request.extraFolders().stream().map(Path::of).toList());
            }
        } catch (SchemaException e) {
            return new ModelJvm.Failure(e.getMessage(), true, stackTrace(e), SchemaException.rootCause(e));
        } catch (Throwable e) {
            return new ModelJvm.Failure(String.valueOf(e), false, stackTrace(e), null);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
