package io.schemadiff.model;

import io.schemadiff.core.SchemaException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceConfigurationError;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classes compiled for a newer Java than the one running Maven. The JVM reports them in ways that hide
 * the reason ({@code ServiceConfigurationError: Provider ... not found}, an entity that "cannot be
 * loaded"), so the model stage checks the class file version itself and names the JDK needed.
 */
public final class ClassFileVersions {

    /** Class file major version 52 is Java 8; each Java release adds one. */
    private static final int JAVA_8_MAJOR = 52;
    private static final Pattern PROVIDER = Pattern.compile("Provider (\\S+) (?:not found|could not be instantiated)");
    private static final Pattern UNSUPPORTED = Pattern.compile("^(\\S+) has been compiled by a more recent version");

    private ClassFileVersions() {
    }

    /** The newest class file version this JVM loads. */
    static int supportedMajor() {
        return Runtime.version().feature() + JAVA_8_MAJOR - 8;
    }

    /** The Java release a class file version belongs to: 65 is Java 21. */
    static int javaRelease(int major) {
        return major - JAVA_8_MAJOR + 8;
    }

    /**
     * Fails, naming the first class and the JDK it needs, when a mapped class is too new for this JVM.
     *
     * @param majors class file major versions by class name, as the scan read them (no class file is read again)
     * @param loader where the classes come from, to say which jar or folder holds the one that is too new
     */
    public static void requireLoadable(Map<String, Integer> majors, ClassLoader loader) {
        new TreeMap<>(majors).forEach((name, major) -> {
            if (major > supportedMajor()) {
                throw new SchemaException(tooNew(name, major, loader));
            }
        });
    }

    /**
     * The real reason behind {@code failure}, when some class in its causes is compiled for a newer
     * Java than this one: a message naming the class, its class file version and the JDK needed.
     */
    public static Optional<String> explain(Throwable failure, ClassLoader loader) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            Matcher named = cause instanceof UnsupportedClassVersionError ? UNSUPPORTED.matcher(message)
                    : cause instanceof ServiceConfigurationError || cause instanceof SchemaException
                    ? PROVIDER.matcher(message) : null;
            if (named != null && named.find()) {
                String name = named.group(1).replace('/', '.');
                OptionalInt major = major(name, loader);
                if (major.isPresent() && major.getAsInt() > supportedMajor()) {
                    return Optional.of(tooNew(name, major.getAsInt(), loader));
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String tooNew(String className, int major, ClassLoader loader) {
        URL where = loader.getResource(resource(className));
        String origin = where == null ? "" : " (in " + origin(where) + ")";
        return className + origin + " is compiled for Java " + javaRelease(major) + " (class file version " + major
                + "), but Maven runs on Java " + Runtime.version().feature() + " (" + System.getProperty("java.home")
                + "), which loads class files up to version " + supportedMajor() + ". Run Maven with a JDK "
                + javaRelease(major) + " or newer (set JAVA_HOME), or compile for Java " + Runtime.version().feature()
                + " (<maven.compiler.release>).";
    }

    private static String origin(URL where) {
        String text = where.toString();
        int jar = text.indexOf("!/");
        if (text.startsWith("jar:") && jar > 0) {
            String path = text.substring("jar:".length(), jar);
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return text.startsWith("file:") ? text.substring("file:".length()) : text;
    }

    /** The class file's major version, read from its header; empty when the class file is not there. */
    static OptionalInt major(String className, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource(className))) {
            if (in == null) {
                return OptionalInt.empty();
            }
            byte[] header = in.readNBytes(8);
            if (header.length < 8 || (header[0] & 0xff) != 0xCA || (header[1] & 0xff) != 0xFE
                    || (header[2] & 0xff) != 0xBA || (header[3] & 0xff) != 0xBE) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(((header[6] & 0xff) << 8) | (header[7] & 0xff));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    private static String resource(String className) {
        return className.replace('.', '/') + ".class";
    }
}
