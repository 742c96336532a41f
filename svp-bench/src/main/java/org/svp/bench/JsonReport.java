package org.svp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code --json FILE} of {@code bench load} and {@code bench faults}: one flat JSON object whose field
 * names are interfaces (docs/benchmarks.md). Values are numbers, booleans or strings; NaN becomes null.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /**
     * @param fields name → value, in the order to write
     * @return the object on one line
     */
    static String format(Map<String, Object> fields) {
        return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + value(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * @param file where to write (replaced)
     * @param fields name → value
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, Map<String, Object> fields) throws IOException {
        Files.writeString(file, format(fields) + "\n");
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.1f", d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
