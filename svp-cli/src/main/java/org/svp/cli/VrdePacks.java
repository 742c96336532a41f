package org.svp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.svp.extpack.ExtPackBuilder;
import org.svp.extpack.PackMembers;

/**
 * Where {@code svp extpack}, {@code svp vrde-sim} and {@code svp bench vrde} get the extension pack:
 * the running shaded jar, a pack built from it (or found next to it, if newer than the jar), and the
 * pack unpacked the way VirtualBox installs it, so the VRDE module finds its runtime and jar by its own
 * path. Called on the command's thread.
 */
final class VrdePacks {
    private VrdePacks() {
    }

    /** @return the shaded svp.jar this JVM runs from */
    static Path runningJar() {
        try {
            Path p = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p) || !p.toString().endsWith(".jar")) {
                throw new IllegalStateException("not running from svp.jar (" + p + "): run it as ./svp, which builds the jar");
            }
            return p;
        } catch (URISyntaxException | SecurityException e) {
            throw new IllegalStateException("cannot find the running svp.jar: " + e.getMessage(), e);
        }
    }

    /**
     * Builds the pack from the running jar.
     *
     * @param outDir where it goes
     * @param progress slow-step lines
     * @return the pack file
     */
    static Path build(Path outDir, PrintStream progress) throws IOException {
        return new ExtPackBuilder(ExtPackBuilder.buildVersion()).jar(runningJar()).progress(progress).build(outDir);
    }

    /**
     * A pack made from the running jar: the one next to the jar if it is newer than the jar, else a new
     * one built there.
     *
     * @param progress slow-step lines
     * @return the pack file
     */
    static Path current(PrintStream progress) throws IOException {
        Path jar = runningJar();
        Path pack = jar.resolveSibling(PackMembers.fileName(ExtPackBuilder.buildVersion()));
        if (Files.isRegularFile(pack) && Files.getLastModifiedTime(pack).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            return pack;
        }
        progress.println("svp: building the extension pack from " + jar + " (once per build)");
        return build(jar.getParent(), progress);
    }

    /**
     * Unpacks a pack as VirtualBox's installer does (into {@code <pack dir>/vrde-sim/<name>/}), reusing
     * an earlier unpack of the same file.
     *
     * @param pack the .vbox-extpack
     * @return the VRDE module inside the unpacked pack
     */
    static Path unpack(Path pack, PrintStream progress) throws IOException, InterruptedException {
        if (!Files.isRegularFile(pack)) {
            throw new IllegalStateException("no extension pack at " + pack);
        }
        String name = pack.getFileName().toString().replaceAll("\\.vbox-extpack$", "");
        Path dir = pack.toAbsolutePath().getParent().resolve("vrde-sim").resolve(name);
        Path stamp = dir.resolve(".unpacked-from");
        String id = Files.size(pack) + " " + Files.getLastModifiedTime(pack).toMillis();
        Path module = dir.resolve(PackMembers.ARCH_DIR).resolve(PackMembers.VRDE_MODULE + ".so");
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(id) && Files.isRegularFile(module)) {
            return module;
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        progress.println("svp: unpacking " + pack + " into " + dir);
        Process p = new ProcessBuilder("tar", "-xzf", pack.toAbsolutePath().toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("cannot unpack " + pack + ": " + out.strip());
        }
        Files.writeString(stamp, id);
        return module;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
