package io.schemadiff.config;

import io.schemadiff.core.SchemaException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small XML configuration file ({@code persistence.xml}, {@code hibernate.cfg.xml}) read into
 * elements that know their line, so that every message can name file and line. Element names are
 * local names (namespaces play no part: {@code javax} and {@code jakarta} persistence files read alike).
 * No DTD or schema is fetched: a build must not reach hibernate.org to read a file.
 */
final class XmlFile {

    /** One element: its local name, attributes, trimmed text, the line of its start tag, its children. */
    record Element(String name, Map<String, String> attributes, String text, int line, List<Element> children) {

        List<Element> children(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).toList();
        }

        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).findFirst();
        }

        String attribute(String attributeName) {
            return attributes.get(attributeName);
        }
    }

    private XmlFile() {
    }

    /** The root element of {@code file}; malformed XML is a {@link SchemaException} naming file and line. */
    static Element read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            Builder builder = new Builder();
            var parser = factory.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            InputSource source = new InputSource(in);
            source.setSystemId(file.toUri().toString());
            parser.parse(source, builder);
            if (builder.root == null) {
                throw new SchemaException("Malformed XML in " + file + ": no root element");
            }
            return builder.root;
        } catch (SAXParseException e) {
            throw new SchemaException("Malformed XML in " + file + " line " + e.getLineNumber() + ": "
                    + e.getMessage(), e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new SchemaException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new SchemaException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static final class Builder extends DefaultHandler {
        private final Deque<Open> open = new ArrayDeque<>();
        private Locator locator;
        private Element root;

        private record Open(String name, Map<String, String> attributes, StringBuilder text, int line,
                            List<Element> children) {
        }

        @Override
        public void setDocumentLocator(Locator value) {
            this.locator = value;
        }

        @Override
        public InputSource resolveEntity(String publicId, String systemId) {
            return new InputSource(new StringReader("")); // the DTD is never fetched
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.getLocalName(i).isEmpty() ? attributes.getQName(i) : attributes.getLocalName(i);
                values.put(name, attributes.getValue(i));
            }
            String name = localName == null || localName.isEmpty() ? qName : localName;
            open.push(new Open(name, values, new StringBuilder(), locator == null ? 0 : locator.getLineNumber(),
                    new ArrayList<>()));
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().text().append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Open done = open.pop();
            Element element = new Element(done.name(), done.attributes(), done.text().toString().trim(), done.line(),
                    List.copyOf(done.children()));
            if (open.isEmpty()) {
                root = element;
            } else {
                open.peek().children().add(element);
            }
        }
    }
}
