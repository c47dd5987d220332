package io.schemadiff.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Flyway's advice for a failed production migration never reaches the log of a scratch replay. */
class QuietFlywayLoggingTest {

    @Test
    void aFailedMigrationIsSaidAsAReplayFailureOnTheScratchDatabase() {
        String expected = "Replaying the migrations on the plugin's scratch database failed at schema \"public\" to "
                + "version \"2 - broken\" (a throwaway database: no database of yours was touched).";
        // Flyway 13's two endings: DDL in a transaction, and MariaDB's auto-committed DDL
        assertEquals(expected, QuietFlywayLogging.rephrase("Migration of schema \"public\" to version \"2 - broken\" "
                + "failed! Please restore backups and roll back database and code!"));
        assertEquals(expected, QuietFlywayLogging.rephrase("Migration of schema \"public\" to version \"2 - broken\" "
                + "failed! Changes successfully rolled back."));
    }

    @Test
    void theNonTransactionalFailureKeepsItsCauseWithoutTheAdvice() {
        assertEquals("Failed to execute operation in non-transactional context. (on the plugin's scratch database: "
                        + "no database of yours was touched)",
                QuietFlywayLogging.rephrase("Failed to execute operation in non-transactional context. Please restore "
                        + "backups and roll back database and code!"));
    }

    @Test
    void otherErrorsPassUnchanged() {
        assertEquals("Validate failed", QuietFlywayLogging.rephrase("Validate failed"));
    }
}
