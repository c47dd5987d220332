package io.schemadiff.discover;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackagePatternTest {

    private static final PackagePattern DOMAIN_MODELS = PackagePattern.of("**.domains.*.model");

    @ParameterizedTest
    @ValueSource(strings = {
            "com.acme.domains.billing.model",
            "com.acme.domains.billing.model.invoices",
            "com.acme.domains.billing.model.invoices.lines",
            "domains.x.model",
            "a.domains.x.model"
    })
    void anyPrefixOneDomainSegmentThenModelMatches(String packageName) {
        assertTrue(DOMAIN_MODELS.matches(packageName), packageName);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "com.acme.domains.model",           // * needs exactly one segment, not zero
            "com.acme.domains.a.b.model",       // ... and not two
            "com.acme.domains.billing.models",  // segments are whole words
            "com.acme.domains.billing.modelx.y",
            "com.acme.domain.billing.model",
            "com.acme.mydomains.billing.model",
            "com.acme.domains.billing",
            "com.acme.domains.billing.other.model.x"
    })
    void packagesOutsideTheShapeDoNotMatch(String packageName) {
        assertFalse(DOMAIN_MODELS.matches(packageName), packageName);
    }

    @Test
    void exactPackageMatchesItselfAndSubPackagesOnly() {
        PackagePattern pattern = PackagePattern.of("com.acme.model");

        assertTrue(pattern.matches("com.acme.model"));
        assertTrue(pattern.matches("com.acme.model.orders"));
        assertFalse(pattern.matches("com.acme.modelx"));
        assertFalse(pattern.matches("com.acme"));
        assertFalse(pattern.matches("org.com.acme.model"));
        assertFalse(pattern.matches("comxacme.model"), "the dot is literal, not a regex wildcard");
    }

    @Test
    void singleStarIsExactlyOneSegment() {
        PackagePattern pattern = PackagePattern.of("com.*.model");

        assertTrue(pattern.matches("com.acme.model"));
        assertTrue(pattern.matches("com.acme.model.sub"));
        assertFalse(pattern.matches("com.model"));
        assertFalse(pattern.matches("com.a.b.model"));
        assertFalse(pattern.matches("org.acme.model"));
    }

    @Test
    void doubleStarInTheMiddleSpansZeroOrMoreSegments() {
        PackagePattern pattern = PackagePattern.of("com.**.model");

        assertTrue(pattern.matches("com.model"));
        assertTrue(pattern.matches("com.a.model"));
        assertTrue(pattern.matches("com.a.b.c.model.x"));
        assertFalse(pattern.matches("com.a.modelling"));
    }

    @Test
    void leadingDoubleStarMayBeEmpty() {
        PackagePattern pattern = PackagePattern.of("**.model");

        assertTrue(pattern.matches("model"));
        assertTrue(pattern.matches("com.acme.model.x"));
        assertFalse(pattern.matches("com.acme.remodel"));
    }

    /** "** is any number of segments, also none": a trailing ** must also match the package before it. */
    @Test
    void trailingDoubleStarMayBeEmpty() {
        PackagePattern pattern = PackagePattern.of("com.acme.**");

        assertTrue(pattern.matches("com.acme.orders"));
        assertTrue(pattern.matches("com.acme"));
        assertFalse(pattern.matches("com.acmex"));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        PackagePattern pattern = PackagePattern.of("  com.acme.model ");

        assertTrue(pattern.matches("com.acme.model"));
        assertEquals("com.acme.model", pattern.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "com..x", "a.b.", ".a.b", "a.**x", "a.x**", "a b", "com.acme-x", "a/b"})
    void invalidPatternsAreRejectedNamingThePattern(String glob) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PackagePattern.of(glob));
        assertTrue(e.getMessage().contains("'" + glob + "'"), e.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PackagePattern.of(null));
    }
}
