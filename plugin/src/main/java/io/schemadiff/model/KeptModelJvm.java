package io.schemadiff.model;

import io.schemadiff.core.QuietHibernateLogging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A model JVM kept for the next builds. A fresh JVM spends most of a small model stage loading Hibernate and
 * running its code cold (0.8 s for ten entities); one that has built a model before builds the next in a
 * tenth of that. After its first build, the model JVM serves further {@link ModelJvm.Request}s on a Unix
 * domain socket in the user's own folder, one at a time, each in a class loader of its own, until it has
 * been idle for a while.
 *
 * <p>It serves builds of the JDK, plugin classpath, working directory and {@code hibernate.*} system
 * properties it was started with (the socket's name is their key), and ends rather than serve a build it
 * could no longer serve as a fresh JVM would: after a request left threads running, after many requests,
 * or when its heap stays large. One JVM per key: the first to lock the key's file serves, the others end.
 */
final class KeptModelJvm {

    /** The first byte a client reads: the JVM serves it. */
    static final byte READY = 'R';
    /** The first byte a client reads: the JVM serves another build; the client starts a JVM of its own. */
    static final byte BUSY = 'B';
    /** Past this many builds, a JVM ends (Hibernate's caches of classes it will not see again). */
    static final int MOST_REQUESTS = 200;
    /** A heap this large after a collection is kept garbage of earlier builds: the JVM ends. */
    private static final long MOST_HEAP = 512L << 20;
    /** Idle this long after a request, the JVM collects its garbage (between builds, not while one waits). */
    private static final Duration TIDY_AFTER = Duration.ofSeconds(2);
    /**
     * How long a build waits for the build before it (a reactor's next module, a script's next run): a warm
     * JVM answers in a tenth of a second, a fresh one takes ten times as long.
     */
    static final Duration QUEUE = Duration.ofMillis(500);
    /** How often an idle JVM looks at the clock and at its socket. */
    private static final Duration LOOK = Duration.ofSeconds(1);

    /** Asks a kept JVM to end (tests, and whoever wants the memory back). */
    record Stop() implements Serializable {
    }

    /** A kept JVM's answer: the model or its failure, and what Hibernate and the entities printed meanwhile. */
    record Response(Object result, List<String> output) implements Serializable {
    }

    private final Path socket;
    private final Duration idle;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile boolean ending;
    /** A request was served since the last collection: the garbage of its class loader is collected when idle. */
    private volatile boolean untidy;
    private volatile long lastUsed = System.nanoTime();
    private int served;
    private Selector selector;
    /** Why this JVM ends and what it served, for whoever wonders: {@code kept-<key>.sock.log}. */
    private PrintStream log;

    KeptModelJvm(Path socket, Duration idle) {
        this.socket = socket;
        this.idle = idle;
    }

    /** The lock file of a socket: whoever holds it serves there. */
    static Path lockOf(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".lock");
    }

    /** The live threads: what a request must not add to. */
    static java.util.Set<Thread> liveThreads() {
        return java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /**
     * Whether threads started since {@code before} run the project's code (entity classes started them). The
     * JDK's and the plugin's libraries keep threads of their own (the PostgreSQL driver's cleaner): those are
     * no project's.
     */
    static boolean threadsStartedSince(java.util.Set<Thread> before) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && e.getKey() != Thread.currentThread() && !before.contains(e.getKey()))
                .anyMatch(e -> e.getValue().length == 0 || java.util.Arrays.stream(e.getValue())
                        .anyMatch(frame -> LIBRARIES.stream().noneMatch(frame.getClassName()::startsWith)));
    }

    /** Packages of the JDK and of the plugin's libraries that start threads of their own. */
    private static final List<String> LIBRARIES = List.of("java.", "javax.", "jdk.", "sun.", "org.postgresql.",
            "org.flywaydb.", "org.hibernate.", "org.jboss.", "net.bytebuddy.", "org.mariadb.");

    /**
     * Serves requests until idle, told to stop, or unable to serve another; returns at once when another JVM
     * serves this key. The build that started this JVM has its answer and no longer reads its output.
     */
    void serve() {
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(quiet);
        System.setErr(quiet);
        QuietHibernateLogging.forwardTo(quiet);
        try (FileChannel lockFile = FileChannel.open(lockOf(socket), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.tryLock()) {
            if (lock == null) {
                return;
            }
            log = new PrintStream(Files.newOutputStream(socket.resolveSibling(socket.getFileName() + ".log")), true,
                    StandardCharsets.UTF_8);

            // a socket file left by a JVM that was killed: nobody answers there
            Files.deleteIfExists(socket);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                 Selector accepting = Selector.open()) {
                server.bind(UnixDomainSocketAddress.of(socket));
                PrivateFolder.ownerOnly(socket);
                note("serving builds on " + socket + " until idle for " + idle.toSeconds() + " s");
                server.configureBlocking(false);
                server.register(accepting, SelectionKey.OP_ACCEPT);
                selector = accepting;
                lastUsed = System.nanoTime();
                while (true) {
                    accepting.select(Math.max(1, Math.min(idle.toMillis(), LOOK.toMillis())));
                    accepting.selectedKeys().clear();
                    SocketChannel client;
                    while ((client = server.accept()) != null) {
                        take(client);
                    }
                    if (busy.get()) {
                        // a build is served: it gets its answer before anything ends this JVM
                        continue;
                    }
                    if (ending) {
                        break;
                    }
                    long idleFor = System.nanoTime() - lastUsed;
                    if (idleFor > idle.toNanos()) {
                        note("ending: idle");
                        break;
                    }
                    if (untidy && idleFor > TIDY_AFTER.toNanos()) {
                        untidy = false;
                        System.gc();
                        Runtime runtime = Runtime.getRuntime();
                        long used = runtime.totalMemory() - runtime.freeMemory();
                        if (used > MOST_HEAP) {
                            note("ending: " + (used >> 20) + " MiB in use after a collection");
                            break;
                        }
                    }
                    if (!Files.exists(socket)) {
                        note("ending: the socket was deleted, nobody reaches this JVM");
                        break;
                    }
                }
            } finally {
                Files.deleteIfExists(socket);
            }
        } catch (IOException | RuntimeException e) {
            // a JVM that cannot serve ends; the next build starts another
            note("ending: " + e);
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }

    private void note(String line) {
        if (log != null) {
            log.println(java.time.Instant.now() + " " + line);
        }
    }

    /** A client's connection: served on a thread of its own, or told the JVM is busy. */
    private void take(SocketChannel client) {
        try {
            client.configureBlocking(true);
            if (ending || !claimWithin(QUEUE)) {
                try (client) {
                    client.write(ByteBuffer.wrap(new byte[] {BUSY}));
                }
                return;
            }
            client.write(ByteBuffer.wrap(new byte[] {READY}));
        } catch (IOException e) {
            busy.set(false);
            closeQuietly(client);
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                serve(client);
            } finally {
                lastUsed = System.nanoTime();
                synchronized (busy) {
                    busy.set(false);
                    busy.notifyAll();
                }
                selector.wakeup();
            }
        }, "schemadiff-kept-model-jvm");
        worker.start();
    }

    /** Whether this JVM is free for a build now or within {@code wait}: then it is the build's. */
    private boolean claimWithin(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (busy) {
            while (!busy.compareAndSet(false, true)) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0 || ending) {
                    return false;
                }
                try {
                    busy.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (ending) {
                // the build before was its last
                busy.set(false);
                return false;
            }
            return true;
        }
    }

    /**
     * A build's requests, one after the other on its connection: its model, then the replay of its
     * verification when there is a difference. The build's end closes the connection.
     */
    private void serve(SocketChannel client) {
        try (client) {
            ObjectInputStream in = new ObjectInputStream(Channels.newInputStream(client));
            in.setObjectInputFilter(ModelJvm.SERIALIZED);
            ObjectOutputStream out = null;
            served++;
            while (true) {
                Object asked;
                try {
                    asked = in.readObject();
                } catch (java.io.EOFException e) {
                    break;
                }
                if (asked instanceof Stop) {
                    note("ending: told to");
                    ending = true;
                    return;
                }
                long start = System.nanoTime();
                java.util.Set<Thread> before = liveThreads();
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                Object result;
                try (PrintStream output = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
                    System.setOut(output);
                    System.setErr(output);
                    QuietHibernateLogging.forwardTo(output);
                    result = asked instanceof ModelJvm.Replay replay ? ModelJvmMain.replay(replay)
                            : asked instanceof ModelJvm.Scan scan ? ModelJvmMain.scan(scan)
                            : ModelJvmMain.answer((ModelJvm.Request) asked);
                } finally {
                    PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream(), true,
                            StandardCharsets.UTF_8);
                    System.setOut(quiet);
                    System.setErr(quiet);
                    QuietHibernateLogging.forwardTo(quiet);
                }
                if (out == null) {
                    out = new ObjectOutputStream(Channels.newOutputStream(client));
                }
                out.writeObject(new Response(result, Arrays.asList(printed.toString(StandardCharsets.UTF_8)
                        .split("\\R", -1)).stream().filter(line -> !line.isEmpty()).toList()));
                out.flush();
                out.reset();
                note("build " + served + ": " + asked.getClass().getSimpleName() + " in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms: "
                        + (result instanceof ModelJvm.Failure failure ? failure.message() : "done"));
                // after the answer, before anything else is taken: is this JVM still as good as a fresh one?
                if (threadsStartedSince(before)) {
                    note("ending: the request left threads running");
                    ending = true;
                    return;
                }
                untidy = true;
            }
            if (served >= MOST_REQUESTS) {
                note("ending: " + served + " builds served");
                ending = true;
            }
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            // the build went away, or sent what no build sends: the next one is served all the same
            note("a build's request failed: " + e);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closed
        }
    }
}
