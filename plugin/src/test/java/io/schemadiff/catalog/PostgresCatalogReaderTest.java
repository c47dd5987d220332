package io.schemadiff.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader's pure text helpers; reading a live catalog is covered by the pipeline tests. */
class PostgresCatalogReaderTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "timestamp without time zone      | timestamp(6) without time zone",
            "timestamp with time zone         | timestamp(6) with time zone",
            "time without time zone           | time(6) without time zone",
            "time with time zone              | time(6) with time zone",
            "timestamp without time zone[]    | timestamp(6) without time zone[]",
            "timestamp with time zone[][]     | timestamp(6) with time zone[][]",
            "timestamp(3) without time zone   | timestamp(3) without time zone",
            "time(0) with time zone           | time(0) with time zone",
            "interval                         | interval",
            "date                             | date",
            "character varying(20)            | character varying(20)",
            "integer                          | integer"
    })
    void implicitTemporalPrecisionIsMadeExplicit(String formatted, String expected) {
        assertEquals(expected, PostgresCatalogReader.normaliseType(formatted));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE INDEX ix_users_email ON public.users USING btree (email)                     | USING btree (email)",
            "CREATE UNIQUE INDEX ux_a ON audit.events USING btree (a, b DESC) WHERE (active)     | USING btree (a, b DESC) WHERE (active)",
            "CREATE INDEX \"Ix Tags\" ON public.\"Docs\" USING gin (tags)                        | USING gin (tags)",
            "CREATE INDEX ix_p ON ONLY public.measurements USING btree (taken_at)                 | USING btree (taken_at)",
            "CREATE INDEX ix_lower ON public.users USING btree (lower((email)::text)) INCLUDE (id) | USING btree (lower((email)::text)) INCLUDE (id)"
    })
    void indexBodyLeavesOutTheIndexAndTableNames(String definition, String expected) {
        assertEquals(expected, PostgresCatalogReader.indexBody(definition));
    }

    @Test
    void unexpectedIndexDefinitionsAreReported() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PostgresCatalogReader.indexBody("CREATE INDEX broken"));
        assertTrue(e.getMessage().contains("CREATE INDEX broken"), e.getMessage());
    }
}
