package org.svp.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code svp bench fuzz}: runs the Jazzer harnesses of svp-fuzz (docs/testing.md "Fuzzing") for a time
 * budget split evenly across them, through Maven in the source tree — one forked JVM per harness
 * ({@code JAZZER_FUZZ=1}, {@code -DreuseForks=false}, {@code -Djazzer.max_duration}), since Jazzer fuzzes
 * one test per JVM. Reads libFuzzer's status lines from Maven's output for runs, coverage (cov) and
 * features (ft) per harness, and the "Test unit written to" lines for crash reproducers (Jazzer writes
 * them into the harness's {@code src/test/resources/org/svp/<Harness>Inputs/}, where every later
 * {@code mvn test} replays them). Afterwards new corpus entries (libFuzzer's
 * {@code svp-fuzz/.cifuzz-corpus/}) are copied into the same Inputs folders: at most
 * {@value #MAX_NEW_PER_TARGET} per harness and run, at most {@value #MAX_ENTRY_BYTES} bytes each,
 * smallest first. Runs on the calling thread; Maven's full log goes to a temporary file.
 */
public final class FuzzCampaign {
    /** The harnesses, without the "Fuzz" suffix: svp-fuzz/src/test/java/org/svp/NAMEFuzz.java. */
    public static final List<String> TARGETS = List.of("DisplayStream", "KeyboardEvent", "MouseEvent",
            "VideoModeset", "GraphicConfig", "MainChannelInit", "ChannelInit", "UsbFrame", "ClientStream",
            "CursorChannel", "MainChannel", "Lz4Block", "PixelFormat", "VrdeOrder", "VrdePointer", "VrdePixels",
            "VrdeRing", "HandshakeV2", "VncUpdate", "ScramText", "CodecDecode", "ZstreamDecode", "JpegDecode",
            "H264Decode");
    /** Fewer seconds than this per harness find little beyond the seeds. */
    private static final int MIN_SECONDS_PER_TARGET = 10;
    static final int MAX_NEW_PER_TARGET = 64;
    static final int MAX_ENTRY_BYTES = 4096;

    private static final Pattern RUNNING = Pattern.compile("Running org\\.svp\\.(\\w+)Fuzz\\b");
    private static final Pattern STATUS = Pattern.compile("^#(\\d+)\\s+(INITED|NEW|REDUCE|pulse|DONE)\\s+cov: (\\d+) ft: (\\d+)"
            + "(?: corp: (\\d+)/)?");
    private static final Pattern DONE = Pattern.compile("^Done (\\d+) runs in (\\d+) second");
    private static final Pattern CRASH = Pattern.compile("Test unit written to (\\S+)");
    private static final Pattern RESULT = Pattern.compile("Tests run: \\d+, Failures: (\\d+), Errors: (\\d+).* in org\\.svp\\.(\\w+)Fuzz\\b");

    /** What one harness did. */
    public static final class Target {
        final String name;
        long runs;
        int covStart = -1;
        int cov;
        int features;
        int corpus;
        int findings;
        int added;
        final List<String> reproducers = new ArrayList<>();

        Target(String name) {
            this.name = name;
        }

        /** @return true if the harness found a crash */
        public boolean crashed() {
            return findings > 0 || !reproducers.isEmpty();
        }
    }

    private final Path root;
    private final List<String> targets;
    private final int secondsPerTarget;
    private final PrintWriter out;

    /**
     * @param root the source tree (holds svp-fuzz/pom.xml)
     * @param targets harness names from {@link #TARGETS}
     * @param totalSeconds the fuzzing budget, split evenly (at least 10 s a harness)
     * @param out where the table goes
     */
    public FuzzCampaign(Path root, List<String> targets, long totalSeconds, PrintWriter out) {
        this.root = root;
        this.targets = targets;
        this.secondsPerTarget = (int) Math.max(MIN_SECONDS_PER_TARGET, totalSeconds / targets.size());
        this.out = out;
    }

    /**
     * @param name a harness name, with or without "Fuzz", any case
     * @return its name in {@link #TARGETS}
     * @throws IllegalArgumentException naming the known ones
     */
    public static String target(String name) {
        String n = name.endsWith("Fuzz") ? name.substring(0, name.length() - 4) : name;
        return TARGETS.stream().filter(t -> t.equalsIgnoreCase(n)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown fuzz target '" + name + "'; known: " + String.join(", ", TARGETS)));
    }

    /**
     * Finds the source tree: the folder three levels above the running jar (svp-cli/target/svp.jar), or
     * the working directory.
     *
     * @return the tree
     * @throws IOException when neither holds svp-fuzz/pom.xml
     */
    public static Path sourceTree() throws IOException {
        List<Path> candidates = new ArrayList<>();
        try {
            Path jar = Path.of(FuzzCampaign.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar; p != null; p = p.getParent()) {
                candidates.add(p);
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: the working directory is the only candidate
        }
        candidates.add(Path.of("").toAbsolutePath());
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("svp-fuzz/pom.xml"))) {
                return c;
            }
        }
        throw new IOException("bench fuzz runs the harnesses from the source tree (svp-fuzz/pom.xml), and none was"
                + " found next to the jar or in the working directory");
    }

    /**
     * Runs the campaign and prints the table.
     *
     * @return every harness's numbers, in order
     * @throws IOException if Maven cannot be started or fails before fuzzing (the message names its log)
     * @throws InterruptedException if interrupted (Maven is stopped)
     */
    public List<Target> run() throws IOException, InterruptedException {
        Map<String, Target> results = new LinkedHashMap<>();
        targets.forEach(t -> results.put(t, new Target(t)));
        Path log = Files.createTempFile("svp-bench-fuzz-", ".log");
        out.printf("svp bench fuzz: %d harness(es), %d s each (plus JVM start and instrumentation), Maven log %s%n",
                targets.size(), secondsPerTarget, log);
        out.flush();
        List<String> cmd = List.of("mvn", "-B", "-f", root.resolve("pom.xml").toString(), "test", "-pl", "svp-fuzz",
                "-am", "-Dtest=" + String.join(",", targets.stream().map(t -> t + "Fuzz").toList()),
                "-Dsurefire.failIfNoSpecifiedTests=false", "-Dsvp.ciFuzz.skip=true", "-DreuseForks=false",
                "-Dmaven.test.failure.ignore=true", "-Djazzer.max_duration=" + secondsPerTarget + "s");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("JAZZER_FUZZ", "1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().merge("MAVEN_OPTS", "--enable-native-access=ALL-UNNAMED", (a, b) -> a + " " + b);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot start Maven (mvn), which bench fuzz needs: " + e.getMessage(), e);
        }
        boolean buildOk = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Writer w = Files.newBufferedWriter(log)) {
            Target current = null;
            String line;
            while ((line = r.readLine()) != null) {
                w.write(line);
                w.write('\n');
                current = parse(line, current, results);
                buildOk |= line.contains("BUILD SUCCESS");
            }
        } finally {
            if (p.waitFor() != 0 || !buildOk) {
                p.destroyForcibly();
            }
        }
        if (!buildOk) {
            throw new IOException("Maven failed before the harnesses ran (see " + log + ")");
        }
        for (Target t : results.values()) {
            t.added = addCorpus(t.name);
        }
        print(results.values());
        return List.copyOf(results.values());
    }

    /**
     * Reads one line of Maven's output.
     *
     * @param line the line
     * @param current the harness whose JVM is running, or null
     * @param results every harness's numbers, updated
     * @return the harness running after this line
     */
    static Target parse(String line, Target current, Map<String, Target> results) {
        Matcher m = RUNNING.matcher(line);
        if (m.find() && results.containsKey(m.group(1))) {
            return results.get(m.group(1));
        }
        if (current == null) {
            return null;
        }
        if ((m = STATUS.matcher(line)).find()) {
            current.runs = Math.max(current.runs, Long.parseLong(m.group(1)));
            current.cov = Integer.parseInt(m.group(3));
            current.features = Integer.parseInt(m.group(4));
            if (current.covStart < 0) {
                current.covStart = current.cov;
            }
            if (m.group(5) != null) {
                current.corpus = Integer.parseInt(m.group(5));
            }
        } else if ((m = DONE.matcher(line)).find()) {
            current.runs = Long.parseLong(m.group(1));
        } else if ((m = CRASH.matcher(line)).find()) {
            current.reproducers.add(m.group(1));
        } else if ((m = RESULT.matcher(line)).find() && results.containsKey(m.group(3))) {
            results.get(m.group(3)).findings = Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2));
        }
        return current;
    }

    /** @return how many of libFuzzer's corpus entries were copied into the harness's Inputs folder */
    private int addCorpus(String name) throws IOException {
        Path generated = root.resolve("svp-fuzz/.cifuzz-corpus/org.svp." + name + "Fuzz");
        Path inputs = root.resolve("svp-fuzz/src/test/resources/org/svp/" + name + "FuzzInputs");
        if (!Files.isDirectory(generated)) {
            return 0;
        }
        List<Path> fresh;
        try (Stream<Path> files = Files.walk(generated)) {
            fresh = files.filter(Files::isRegularFile)
                    .filter(f -> !Files.exists(inputs.resolve(f.getFileName())))
                    .filter(f -> size(f) <= MAX_ENTRY_BYTES)
                    .sorted(Comparator.comparingLong(FuzzCampaign::size))
                    .limit(MAX_NEW_PER_TARGET).toList();
        }
        Files.createDirectories(inputs);
        for (Path f : fresh) {
            Files.copy(f, inputs.resolve(f.getFileName()));
        }
        return fresh.size();
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private void print(Iterable<Target> results) {
        out.printf("%-16s %10s %13s %8s %8s %7s %8s%n", "target", "runs", "cov", "ft", "corpus", "added", "crashes");
        List<String> reproducers = new ArrayList<>();
        for (Target t : results) {
            int crashes = Math.max(t.findings, t.reproducers.size());
            out.printf(Locale.ROOT, "%-16s %10d %13s %8d %8d %7s %8d%n", t.name, t.runs,
                    t.covStart < 0 ? "-" : t.covStart + " -> " + t.cov, t.features, t.corpus, "+" + t.added, crashes);
            t.reproducers.forEach(r -> reproducers.add(t.name + ": " + root.resolve("svp-fuzz").resolve(r).normalize()));
        }
        out.println("new corpus entries: svp-fuzz/src/test/resources/org/svp/<target>FuzzInputs/ (replayed by mvn test)");
        reproducers.forEach(r -> out.println("crash reproducer: " + r));
        out.flush();
    }
}
