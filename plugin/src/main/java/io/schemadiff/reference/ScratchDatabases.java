package io.schemadiff.reference;

import io.schemadiff.core.Console;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of scratch databases that say which JVM made them, e.g.
 * {@code schemadiff_reference_1a2b3c4d_p4242_ssjd9k1_h0badcafe}: a build killed while it ran leaves its scratch
 * databases on a named server, and the next run against that server drops the ones whose maker is provably
 * gone (it ran on this host, and its pid is free or belongs to a process started at another time). Databases
 * made on other hosts, by running builds, or named any other way are never touched.
 */
public final class ScratchDatabases {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger NAMED = new AtomicInteger();
    private static final Pattern OWNED = Pattern.compile("schemadiff_[a-z]+_[0-9a-f]{8}_p(\\d+)_s([0-9a-z]+)_h([0-9a-f]{8})");

    private ScratchDatabases() {
    }

    /**
     * A new database name for {@code role} (e.g. {@code reference}, {@code model}), owned by this JVM. Modules of one
     * build run in one JVM and may share a server: a counter keeps their names apart, random bits those of JVMs.
     */
    public static String name(String role) {
        OwnerProcess owner = OwnerProcess.current();
        String serial = HexFormat.of().formatHex(RANDOM.generateSeed(2)) + String.format("%04x", NAMED.getAndIncrement() & 0xffff);
        return "schemadiff_" + role + "_" + serial + "_p" + owner.pid()
                + "_s" + Long.toString(Math.max(owner.startSeconds(), 0), 36) + "_h" + owner.host();
    }

    /** The JVM that made {@code database}, when its name says. */
    static Optional<OwnerProcess> owner(String database) {
        Matcher m = OWNED.matcher(database);
        if (!m.matches()) {
            return Optional.empty();
        }
        long start = Long.parseLong(m.group(2), 36);
        return Optional.of(new OwnerProcess(Long.parseLong(m.group(1)), start == 0 ? -1 : start, m.group(3)));
    }

    /**
     * Drops the scratch databases whose maker is gone, and says so in one line.
     *
     * @param list   lists the server's databases named {@code schemadiff_…}
     * @param drop   drops one database
     * @param server e.g. {@code PostgreSQL at db.internal:5432/postgres}, for the message
     */
    static void dropOrphans(DataSource admin, String list, Consumer<String> drop, Console console, String server) {
        List<String> dropped = new ArrayList<>();
        for (String database : Statements.queryColumn(admin, list, server)) {
            if (owner(database).map(OwnerProcess::isGone).orElse(false)) {
                try {
                    drop.accept(database);
                    dropped.add(database);
                } catch (RuntimeException e) {
                    console.debug("Could not drop the left-over scratch database " + database + ": " + e.getMessage());
                }
            }
        }
        if (!dropped.isEmpty()) {
            console.info("Dropped " + dropped.size() + " scratch database(s) on " + server
                    + " left by builds that were killed: " + String.join(", ", dropped) + ".");
        }
    }
}
