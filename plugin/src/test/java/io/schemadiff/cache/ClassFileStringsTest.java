package io.schemadiff.cache;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFileStringsTest {

    @Test
    void theConstantPoolsStringsAreReadPastLongAndDoubleConstants() throws IOException {
        // Long and Double hold long and double constants, which take two entries of the pool each
        for (Class<?> type : List.of(Long.class, Double.class, ClassFileStrings.class)) {
            List<String> strings = ClassFileStrings.of(bytes(type));
            String name = type.getName().replace('.', '/');
            assertTrue(strings.contains(name), type + ": " + strings);
            assertTrue(strings.size() > 20, type + ": " + strings);
            assertTrue(strings.stream().noneMatch(s -> s.startsWith("\u00ca\u00fe\u00ba\u00be")), "read as a class file");
        }
        assertTrue(ClassFileStrings.of(bytes(ClassFileStrings.class)).contains("not a class file"));
    }

    @Test
    void bytesThatAreNoClassFileGiveEveryRunOfNameCharactersSoNothingTheyNameIsMissed() {
        byte[] notAClass = "\u0000\u0017Lcom/example/shared/Genre; and more".getBytes(StandardCharsets.ISO_8859_1);
        List<String> runs = ClassFileStrings.of(notAClass);
        assertTrue(runs.contains("com/example/shared/Genre"), runs.toString());
        byte[] cutShort = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 0, 9, 1, 0, 40, 'a', 'b'};
        assertEquals(List.of("ab", "b"), ClassFileStrings.of(cutShort));
    }

    @Test
    void classNamesAreWholeStringsAndTheLOfDescriptorsAndSignatures() {
        List<String> names = new java.util.ArrayList<>();
        ClassFileStrings.classNames("com/example/Book", names::add);
        ClassFileStrings.classNames("(Lcom/example/Book;[Lcom/example/Tag;)V", names::add);
        ClassFileStrings.classNames("Ljava/util/Map<Ljava/lang/String;Lcom/example/Shelf;>;", names::add);
        for (String expected : List.of("com/example/Book", "com/example/Tag", "java/util/Map", "java/lang/String",
                "com/example/Shelf")) {
            assertTrue(names.contains(expected), expected + " in " + names);
        }
    }

    private static byte[] bytes(Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
