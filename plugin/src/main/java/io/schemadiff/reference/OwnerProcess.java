package io.schemadiff.reference;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The JVM that started a server or created a scratch database: its pid, when it started, and the host it
 * runs on. A pid alone is not enough, since the system hands it to another process after the owner exits;
 * a pid with its start time names one process for as long as the machine runs.
 *
 * @param pid          the owner's process id
 * @param startSeconds when the owner started, in seconds since the epoch; {@code -1} when the system does not say
 * @param host         a short hash of the owner's host name
 */
record OwnerProcess(long pid, long startSeconds, String host) {

    private static final OwnerProcess CURRENT = of(ProcessHandle.current(), thisHost());

    /** This JVM. */
    static OwnerProcess current() {
        return CURRENT;
    }

    private static OwnerProcess of(ProcessHandle process, String host) {
        return new OwnerProcess(process.pid(), startSeconds(process).orElse(-1L), host);
    }

    /**
     * Whether the owner provably exited: it ran on this host and its pid is free, or now names a process that
     * started at another time. An owner of another host, or one whose start time is unknown, is never gone.
     */
    boolean isGone() {
        if (!host.equals(CURRENT.host) || startSeconds < 0) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        // the start time is computed from clock ticks since boot; a second of slack absorbs rounding
        return startSeconds(process.get()).map(start -> Math.abs(start - startSeconds) > 1).orElse(false);
    }

    private static Optional<Long> startSeconds(ProcessHandle process) {
        return process.info().startInstant().map(Instant::getEpochSecond);
    }

    /** Eight hex digits of the host name: enough to tell the machines sharing one database server apart. */
    private static String thisHost() {
        String name;
        try {
            // the kernel's own name first: asking the resolver may wait on DNS
            name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException unknown) {
                name = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
            }
        }
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    @Override
    public String toString() {
        return "JVM " + pid;
    }
}
