package org.svp.vrde.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.svp.extpack.ExtPackBuilder;
import org.svp.extpack.PackMembers;

/**
 * The extension pack every test in this module uses: built once per test run into target/ from the
 * shaded svp-cli/target/svp.jar (reused when it is newer than the jar, which carries the native
 * modules too: jlink is the slow step), then unpacked into a temporary directory the way VirtualBox
 * installs it. Shared by the test classes of one JVM; synchronized.
 */
final class PackFixture {
    private static Path pack;
    private static Path unpacked;

    private PackFixture() {
    }

    /** @return the shaded jar the pack ships */
    static Path jar() {
        String p = System.getProperty("svp.jar");
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            throw new IllegalStateException("svp.jar not found at " + p + " (build svp-cli first: mvn install)");
        }
        return Path.of(p);
    }

    /** @return the built .vbox-extpack */
    static synchronized Path pack() throws IOException {
        if (pack != null) {
            return pack;
        }
        Path target = Path.of(System.getProperty("svp.it.target", "target"));
        Path out = target.resolve("it-pack");
        Path existing = out.resolve(PackMembers.fileName(ExtPackBuilder.buildVersion()));
        if (Files.isRegularFile(existing)
                && Files.getLastModifiedTime(existing).compareTo(Files.getLastModifiedTime(jar())) > 0) {
            pack = existing;
            return pack;
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        pack = new ExtPackBuilder(ExtPackBuilder.buildVersion()).jar(jar())
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8)).build(out);
        return pack;
    }

    /** @return the pack unpacked with the system's tar (a directory deleted when the JVM exits) */
    static synchronized Path unpacked() throws IOException, InterruptedException {
        if (unpacked != null) {
            return unpacked;
        }
        Path dir = Files.createTempDirectory("svp-it-pack-");
        Process p = new ProcessBuilder("tar", "-xzf", pack().toString(), "-C", dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tar -xzf failed: " + out);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        unpacked = dir;
        return dir;
    }

    /** @return linux.amd64/SVPVRDE.so in the unpacked pack */
    static Path vrdeModule() throws IOException, InterruptedException {
        return unpacked().resolve(PackMembers.ARCH_DIR).resolve(PackMembers.VRDE_MODULE + ".so");
    }

    /** @return linux.amd64/SVPMain.so in the unpacked pack */
    static Path mainModule() throws IOException, InterruptedException {
        return unpacked().resolve(PackMembers.ARCH_DIR).resolve(PackMembers.MAIN_MODULE + ".so");
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
