package io.schemadiff.discover;

import java.util.regex.Pattern;

/**
 * A package glob: {@code *} is exactly one package segment, {@code **} any number of them (also none).
 * A pattern matches a package and all its sub-packages, so {@code **.domains.*.model} matches
 * {@code com.acme.domains.billing.model} and {@code com.acme.domains.billing.model.invoices}.
 */
public final class PackagePattern {

    private final String glob;
    private final Pattern regex;

    private PackagePattern(String glob, Pattern regex) {
        this.glob = glob;
        this.regex = regex;
    }

    public static PackagePattern of(String glob) {
        String trimmed = glob == null ? "" : glob.trim();
        if (trimmed.isEmpty() || trimmed.startsWith(".") || trimmed.endsWith(".") || trimmed.contains("..")
                || !trimmed.matches("[\\w$.*]+")) {
            throw new IllegalArgumentException("Not a package pattern: '" + glob
                    + "' (use package names with * for one segment and ** for any number, e.g. **.domains.*.model)");
        }
        // Each segment after the first brings its own leading dot, so a ** anywhere can also stand for no segment.
        StringBuilder regex = new StringBuilder("^");
        String[] segments = trimmed.split("\\.");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean first = i == 0;
            if (segment.equals("**")) {
                if (segments.length == 1) {
                    regex.append("(?:[^.]+(?:\\.[^.]+)*)?");
                } else if (first) {
                    regex.append("(?:[^.]+\\.)*");
                } else {
                    regex.append("(?:\\.[^.]+)*");
                }
                continue;
            }
            if (segment.contains("**")) {
                throw new IllegalArgumentException("Not a package pattern: '" + glob + "' (** must be a whole segment)");
            }
            boolean afterLeadingDoubleStar = i == 1 && segments[0].equals("**");
            if (!first && !afterLeadingDoubleStar) {
                regex.append("\\.");
            }
            regex.append(Pattern.quote(segment).replace("*", "\\E[^.]*\\Q"));
        }
        regex.append("(?:\\..+)?$");
        return new PackagePattern(trimmed, Pattern.compile(regex.toString()));
    }

    public boolean matches(String packageName) {
        return regex.matcher(packageName).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
