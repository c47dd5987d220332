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
import java.util.ArrayList;
import java.util.List;

/**
 * The model stage in a JVM of its own ({@link ModelJvm}): started before the build knows the classes, it waits
 * for a {@link ModelJvm.Request} on its standard input, builds the model as the build's JVM would, and writes
 * the {@link EntityModel} (or a {@link ModelJvm.Failure}) to the file named by its argument. A build that
 * ends without sending one closes the input, and this JVM exits. Hibernate's log goes to standard error as
 * {@link io.schemadiff.core.ForwardedLog} lines.
 */
public final class ModelJvmMain {

    private ModelJvmMain() {
    }

    public static void main(String[] args) throws Exception {
        QuietHibernateLogging.forwardTo(new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                StandardCharsets.UTF_8));
        ModelJvm.Request request;
        try (ObjectInputStream in = new ObjectInputStream(System.in)) {
            request = (ModelJvm.Request) in.readObject();
        } catch (java.io.IOException e) {
            // the build closed the input without a request: it needs no model
            System.exit(2);
            return;
        }
        Object result;
        List<Path> classpath = request.projectClasspath().stream().map(Path::of).toList();
        List<URL> urls = new ArrayList<>();
        for (Path element : classpath) {
            urls.add(element.toUri().toURL());
        }
        // parent-first over the plugin's classes, as the build's project loader is over the plugin's realm
        try (URLClassLoader projectLoader = new URLClassLoader(urls.toArray(URL[]::new),
                ModelJvmMain.class.getClassLoader())) {
            result = new HibernateModelBuilder().build(request.classNames(), projectLoader, classpath,
                    request.target(), request.properties());
        } catch (SchemaException e) {
            result = new ModelJvm.Failure(e.getMessage(), true, stackTrace(e));
        } catch (Throwable e) {
            result = new ModelJvm.Failure(String.valueOf(e), false, stackTrace(e));
        }
        Path written = Path.of(args[0]);
        Path partial = written.resolveSibling(written.getFileName() + ".partial");
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(partial))) {
            out.writeObject(result);
        }
        // the build never reads half a result
        Files.move(partial, written);
        // entity classes may have started threads: they do not keep this JVM (or its class archive) waiting
        System.exit(0);
    }

    private static String stackTrace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
