package io.schemadiff.model;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Log4j's status output is held off for the model stage only, and a level the user chose is theirs. */
class QuietLog4jStatusTest {

    @AfterEach
    void clear() {
        System.clearProperty(QuietLog4jStatus.LEVEL);
    }

    @Test
    void offDuringTheStageAndGoneAfterIt() {
        try (QuietLog4jStatus quiet = QuietLog4jStatus.during()) {
            assertEquals("OFF", System.getProperty(QuietLog4jStatus.LEVEL));
        }
        assertNull(System.getProperty(QuietLog4jStatus.LEVEL), "the user's JVM is left as it was");
    }

    @Test
    void aLevelTheUserSetIsLeftAlone() {
        System.setProperty(QuietLog4jStatus.LEVEL, "DEBUG");
        try (QuietLog4jStatus quiet = QuietLog4jStatus.during()) {
            assertEquals("DEBUG", System.getProperty(QuietLog4jStatus.LEVEL));
        }
        assertEquals("DEBUG", System.getProperty(QuietLog4jStatus.LEVEL));
    }
}
