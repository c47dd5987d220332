package io.schemadiff.core;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hibernate's log in the model JVM reaches the build as it was logged, and nothing else passes for it. */
class ForwardedLogTest {

    @Test
    void aRecordSurvivesItsLineWithNewlinesAndBackslashes() {
        ForwardedLog record = new ForwardedLog(true, "HHH90000025: C:\\path\\n is\nnot\r\na newline");
        String line = record.line();
        assertEquals(-1, line.indexOf('\n'));
        assertEquals(Optional.of(record), ForwardedLog.parse(line));
        assertEquals(Optional.of(new ForwardedLog(false, "")), ForwardedLog.parse(new ForwardedLog(false, "").line()));
    }

    @Test
    void otherOutputIsNoRecord() {
        for (String line : List.of("", "SLF4J: No SLF4J providers were found.", "W something", "\u001eschemadiff-log")) {
            assertEquals(Optional.empty(), ForwardedLog.parse(line), line);
        }
    }

    @Test
    void hibernatesWarningsStayWarningsAndItsInfoBecomesADetail() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuietHibernateLogging.forwardTo(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            Logger log = new QuietHibernateLogging().getLogger("org.hibernate.orm.deprecation");
            log.warnf("HHH90000021: Encountered deprecated setting [%s]", "hibernate.x");
            log.info("HHH000412: Hibernate ORM core version 7");
            log.trace("not forwarded");
            log.error("failed", new IllegalStateException("boom"));
        } finally {
            QuietHibernateLogging.forwardTo(null);
        }
        List<ForwardedLog> records = bytes.toString(StandardCharsets.UTF_8).lines()
                .map(line -> ForwardedLog.parse(line).orElseThrow()).toList();
        assertEquals(List.of(new ForwardedLog(true, "HHH90000021: Encountered deprecated setting [hibernate.x]"),
                new ForwardedLog(false, "HHH000412: Hibernate ORM core version 7"),
                new ForwardedLog(true, "failed: java.lang.IllegalStateException: boom")), records);
    }
}
