package io.schemadiff.maven;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The next-step hint repeats the options that matter to the next run, and only those. */
class CommandLineTest {

    @Test
    void theSchemaOptionsTheUserRanWithAreRepeated() {
        Properties user = new Properties();
        user.setProperty("schema.dialect", "mariadb");
        user.setProperty("schema.packages", "com.example.**.model");
        user.setProperty("schema.message", "add phone to accounts");
        user.setProperty("schema.failOnDifference", "false");
        user.setProperty("schema.reportDirectory", "target/other");
        user.setProperty("maven.repo.local", "/somewhere");
        user.setProperty("skipTests", "true");

        assertEquals("mvn compile schema:generate -Dschema.dialect=mariadb "
                        + "\"-Dschema.message=add phone to accounts\" -Dschema.packages=com.example.**.model",
                CommandLine.next("mvn compile schema:generate", user));
    }

    @Test
    void withoutOptionsTheCommandIsPlain() {
        assertEquals("mvn compile schema:generate", CommandLine.next("mvn compile schema:generate", new Properties()));
    }
}
