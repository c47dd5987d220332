package io.schemadiff.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -Dschema.hibernateProperties=key=value,key2=value2 */
class HibernatePropertiesOptionTest {

    @Test
    void theCommandLineFormIsKeyValuePairs() {
        assertEquals(Map.of("hibernate.default_schema", "app", "hibernate.column_ordering_strategy", "legacy",
                        "x", "a=b"),
                HibernatePropertiesOption.parse("hibernate.default_schema=app, hibernate.column_ordering_strategy=legacy,,x=a=b"));
        assertEquals(Map.of(), HibernatePropertiesOption.parse(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HibernatePropertiesOption.parse("hibernate.default_schema=app,hibernate.globally_quoted_identifiers"));
        assertTrue(e.getMessage().startsWith("schema.hibernateProperties: 'hibernate.globally_quoted_identifiers' is not"
                + " key=value"), e.getMessage());
    }
}
