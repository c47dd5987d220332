package io.schemadiff.cache;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The strings of a class file's constant pool: every class name, descriptor, signature and string constant it
 * refers to is one of them. Reading them costs a pass over the pool, not a search through the bytecode, which the
 * fingerprint of every build did for each class of the project.
 */
final class ClassFileStrings {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassFileStrings() {
    }

    /** Where names may be in bytes that are no class file: runs of the characters of internal names. */
    private static final Pattern NAME_RUN = Pattern.compile("[A-Za-z0-9_$/]{2,}");

    /**
     * The {@code CONSTANT_Utf8} entries of {@code classFile}; for bytes that are not a class file this JVM can
     * read, every run of name characters in them, also without its first one or two characters (a string's length
     * bytes may read as such), so that nothing they name is missed.
     */
    static List<String> of(byte[] classFile) {
        try {
            return constantPool(classFile);
        } catch (IOException | RuntimeException e) {
            List<String> runs = new ArrayList<>();
            Matcher run = NAME_RUN.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
            while (run.find()) {
                for (int skip = 0; skip <= 2 && skip < run.group().length(); skip++) {
                    runs.add(run.group().substring(skip));
                }
            }
            return runs;
        }
    }

    /**
     * Gives {@code found} every class name {@code text}, a string of a class file, may be: the whole of it (a class
     * constant's internal name, {@code com/example/Book}) and each {@code L…;} of a descriptor or signature
     * ({@code (Lcom/example/Book;)V}, {@code Ljava/util/Set<Lcom/example/Shelf;>;}); some are not names at all,
     * which the caller's lookup drops.
     */
    static void classNames(String text, java.util.function.Consumer<String> found) {
        found.accept(text);
        for (int at = text.indexOf('L'); at >= 0; at = text.indexOf('L', at + 1)) {
            int end = at + 1;
            while (end < text.length() && text.charAt(end) != ';' && text.charAt(end) != '<') {
                end++;
            }
            if (end > at + 1) {
                found.accept(text.substring(at + 1, end));
            }
        }
    }

    private static List<String> constantPool(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> strings = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> strings.add(in.readUTF());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> skip(in, 4);
                case 5, 6 -> {
                    skip(in, 8);
                    // a long or a double takes two entries
                    index++;
                }
                case 7, 8, 16, 19, 20 -> skip(in, 2);
                case 15 -> skip(in, 3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return strings;
    }

    private static void skip(DataInputStream in, int bytes) throws IOException {
        if (in.skipBytes(bytes) != bytes) {
            throw new IOException("cut short");
        }
    }
}
