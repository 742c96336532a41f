package org.svp.vrde.sim.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A simulator script (docs/vrde.md, "The simulator and its script format"): one command a line, words
 * separated by blanks, {@code #} starts a comment. Parsed here into lines; {@link ScriptRunner} gives
 * them meaning. Immutable.
 *
 * @param name where it came from (file name or {@code demo})
 * @param lines the non-empty command lines
 */
public record Script(String name, List<Line> lines) {
    /**
     * One command line.
     *
     * @param number 1-based line number in the source
     * @param words the command and its arguments
     * @param text the line as written (for {@code text}, whose last argument keeps its blanks)
     */
    public record Line(int number, List<String> words, String text) {
        /** @return the command word */
        public String verb() {
            return words.get(0);
        }
    }

    public Script {
        lines = List.copyOf(lines);
    }

    /**
     * @param name for messages
     * @param source the script text
     * @return the parsed script
     */
    public static Script parse(String name, String source) {
        List<Line> out = new ArrayList<>();
        String[] raw = source.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            out.add(new Line(i + 1, Arrays.asList(t.split("\\s+")), t));
        }
        return new Script(name, out);
    }

    /**
     * @param file a script file
     * @return the parsed script
     * @throws IOException when it cannot be read
     */
    public static Script read(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** @return the built-in demo (all 16 order types, both pointer forms, a flood) */
    public static Script demo() {
        try (InputStream in = Script.class.getResourceAsStream("/org/svp/vrde/sim/demo.vrdesim")) {
            if (in == null) {
                throw new IllegalStateException("the demo script is missing from the jar");
            }
            return parse("demo", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo script: " + e.getMessage(), e);
        }
    }
}
