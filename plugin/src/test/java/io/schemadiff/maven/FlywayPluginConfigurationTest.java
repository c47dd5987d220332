package io.schemadiff.maven;

import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The flyway-maven-plugin's XML, flattened to the keys flyway.conf uses. */
class FlywayPluginConfigurationTest {

    private static Map<String, String> flatten(String xml) throws Exception {
        Xpp3Dom dom = Xpp3DomBuilder.build(new StringReader(xml));
        Map<String, String> flat = new LinkedHashMap<>();
        FlywayPluginConfiguration.flatten(dom, flat);
        return flat;
    }

    @Test
    void listsMapsAndValues() throws Exception {
        Map<String, String> flat = flatten("""
                <configuration>
                  <url>jdbc:postgresql://localhost/app</url>
                  <locations>
                    <location>classpath:db/migration</location>
                    <location>filesystem:sql/shared</location>
                  </locations>
                  <placeholders>
                    <owner>app_owner</owner>
                    <empty></empty>
                  </placeholders>
                  <schemas><schema>app</schema><schema>audit</schema></schemas>
                  <outOfOrder>true</outOfOrder>
                  <table> history </table>
                </configuration>""");
        assertEquals("classpath:db/migration,filesystem:sql/shared", flat.get("locations"));
        assertEquals("app_owner", flat.get("placeholders.owner"));
        assertEquals("", flat.get("placeholders.empty"));
        assertEquals("app,audit", flat.get("schemas"));
        assertEquals("true", flat.get("outOfOrder"));
        assertEquals("history", flat.get("table"));
        assertEquals("jdbc:postgresql://localhost/app", flat.get("url"));
    }

    @Test
    void anExecutionsSettingsGoOnTopOfThePlugins() throws Exception {
        Map<String, String> flat = new LinkedHashMap<>();
        FlywayPluginConfiguration.flatten(Xpp3DomBuilder.build(new StringReader(
                "<configuration><table>a</table><baselineVersion>3</baselineVersion></configuration>")), flat);
        FlywayPluginConfiguration.flatten(Xpp3DomBuilder.build(new StringReader(
                "<configuration><table>b</table></configuration>")), flat);
        assertEquals(Map.of("table", "b", "baselineVersion", "3"), flat);
    }
}
