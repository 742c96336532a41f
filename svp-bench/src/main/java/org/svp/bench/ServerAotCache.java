package org.svp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The X11 server's AOT cache (Java 25, JEP 483/515) for {@code bench x11}'s server child, by the rule
 * the {@code svp} launcher applies to {@code svp server --source x11:…}: the launcher passes the cache's
 * path prefix for this build ({@code -Dsvp.server.aot=<state dir>/aot/server-x11-<jar size>-<jar time>});
 * a child is started with the cache if it exists, else one is assembled from the longest recorded
 * training configuration of a run that lasted at least {@link #MIN_TRAINING_SECONDS}, else the child
 * records one ({@code PREFIX-<start epoch s>-pid<pid>.aotconf}, written when it exits). So the first
 * run after a build trains, the ones after it use the cache (docs/benchmarks.md, "AOT cache of the
 * server"). Called on the benchmark thread before each child starts.
 */
final class ServerAotCache {
    /** A training run shorter than this (a failed start) is not made into the cache. */
    static final long MIN_TRAINING_SECONDS = 30;
    private static final List<String> QUIET = List.of("-Xlog:aot=off", "-Xlog:cds=off");

    private ServerAotCache() {
    }

    /**
     * @param prefix the {@code svp.server.aot} property, or null (no AOT flags)
     * @param java the java binary
     * @param jvmArgs the benchmark JVM's flags (the child's; assembling must use the same)
     * @param classPath the class path (the svp.jar)
     * @return the child's extra JVM flags
     * @throws InterruptedException if interrupted while assembling
     */
    static List<String> flags(String prefix, String java, List<String> jvmArgs, String classPath)
            throws InterruptedException {
        if (prefix == null || prefix.isBlank()) {
            return List.of();
        }
        Path cache = Path.of(prefix + ".aot");
        try {
            Files.createDirectories(cache.getParent()); // as the launcher: <state dir>/aot
        } catch (IOException | RuntimeException e) {
            return List.of(); // no place for it: run without
        }
        if (!nonEmpty(cache)) {
            Path conf = longestTraining(prefix);
            if (conf != null) {
                assemble(java, jvmArgs, classPath, conf, cache);
            }
        }
        List<String> f = new ArrayList<>();
        if (nonEmpty(cache)) {
            f.add("-XX:AOTCache=" + cache);
        } else {
            System.out.println("no AOT cache of the server for this build yet: this server records its training run");
            f.add("-XX:AOTMode=record");
            f.add("-XX:AOTConfiguration=" + prefix + "-" + System.currentTimeMillis() / 1000 + "-%p.aotconf");
        }
        f.addAll(QUIET);
        return f;
    }

    /** @return the biggest configuration of a training run of at least the minimum length, or null */
    static Path longestTraining(String prefix) {
        Path p = Path.of(prefix);
        Path dir = p.getParent();
        String head = p.getFileName() + "-";
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path best = null;
            long bestSize = 0;
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(head) || !name.endsWith(".aotconf")) {
                    continue;
                }
                long start;
                try {
                    start = Long.parseLong(name.substring(head.length(), name.indexOf('-', head.length())));
                } catch (RuntimeException e) {
                    continue; // not one of ours
                }
                long end = Files.getLastModifiedTime(f).to(TimeUnit.SECONDS);
                long size = Files.size(f);
                if (end - start >= MIN_TRAINING_SECONDS && size > bestSize) {
                    best = f;
                    bestSize = size;
                }
            }
            return best;
        } catch (IOException e) {
            return null;
        }
    }

    private static void assemble(String java, List<String> jvmArgs, String classPath, Path conf, Path cache)
            throws InterruptedException {
        Path tmp = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid());
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        jvmArgs.stream().filter(a -> !a.startsWith("-XX:AOT") && !a.startsWith("-Xlog")).forEach(cmd::add);
        cmd.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + conf, "-XX:AOTCache=" + tmp,
                "-Xlog:all=off", "-cp", classPath));
        System.out.println("assembling the server's AOT cache from its training run " + conf.getFileName()
                + " (once per build, a few seconds)");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && nonEmpty(tmp)) {
                Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
            } else {
                p.destroyForcibly();
                System.out.println("could not assemble the AOT cache; the server runs without it");
            }
            try (Stream<Path> files = Files.list(conf.getParent())) {
                String head = cache.getFileName().toString().replace(".aot", "-");
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith(head)
                        && f.getFileName().toString().endsWith(".aotconf")).toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            System.out.println("could not assemble the AOT cache (" + e.getMessage() + "); the server runs without it");
        }
    }

    private static boolean nonEmpty(Path p) {
        try {
            return Files.isRegularFile(p) && Files.size(p) > 0;
        } catch (IOException e) {
            return false;
        }
    }
}
