package io.schemadiff.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CheckConstraintTest {

    private static Object identity(String definition) {
        return CheckConstraint.fromCatalog("ck", definition, List.of("status")).identity();
    }

    /** What PostgreSQL prints for IN (…) on a varchar, and what that printed text is stored as when re-run. */
    @Test
    void anArrayCastAndTheSameCastOnEveryElementAreOneCheck() {
        String printed = "CHECK (((status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[])))";
        String reparsed = "CHECK (((status)::text = ANY (ARRAY[('NEW'::character varying)::text, ('PAID'::character varying)::text])))";
        String anyArray = "CHECK (((status)::text = ANY (ARRAY['NEW'::text, 'PAID'::text])))";
        assertEquals(identity(printed), identity(reparsed));
        assertEquals(identity(printed), identity(anyArray), "IN (…) and = ANY (ARRAY[…]) are one check");
    }

    @Test
    void differentValuesStayDifferent() {
        assertNotEquals(identity("CHECK (((status)::text = ANY ((ARRAY['NEW'::character varying, 'PAID'::character varying])::text[])))"),
                identity("CHECK (((status)::text = ANY ((ARRAY['NEW'::character varying, 'SHIPPED'::character varying])::text[])))"));
        assertNotEquals(identity("CHECK ((a = ANY (ARRAY[1, 2])))"), identity("CHECK ((a = ANY (ARRAY[1, 3])))"));
    }

    @Test
    void textWithoutArraysAndQuotedBracketsAreLeftAlone() {
        assertEquals("CHECK ((amount >= (0)::numeric))", CheckConstraint.canonical("CHECK ((amount >= (0)::numeric))"));
        assertEquals("CHECK ((name <> 'ARRAY[x'::text))", CheckConstraint.canonical("CHECK ((name <> 'ARRAY[x'::text))"));
        assertEquals("CHECK ((a = ANY (ARRAY[1, 2])))", CheckConstraint.canonical("CHECK ((a = ANY (ARRAY[1, 2])))"));
        assertEquals("CHECK (((s)::text = ANY (ARRAY['A', 'B'])))", CheckConstraint.canonical(
                "CHECK (((s)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[])))"));
    }
}
