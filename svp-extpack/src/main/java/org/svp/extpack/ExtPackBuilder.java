package org.svp.extpack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.svp.vrde.nativelib.NativeModules;

/**
 * Builds {@code SVP-<version>.vbox-extpack} (shared/spec/vrde.md §8): a gzip'd tar with
 * {@code ./ExtPack.xml}, {@code ./ExtPack.manifest} (a {@code SHA256 (path) = hex} line for every other
 * file), {@code ./ExtPack.signature}, {@code ./ExtPack-license.txt}, {@code ./linux.amd64/SVPMain.so},
 * {@code ./linux.amd64/SVPVRDE.so}, {@code ./svp.jar} and a jlink'd runtime under
 * {@code ./linux.amd64/runtime/} (the paths the VRDE module looks for, docs/vrde.md). Symlinks jlink
 * makes are stored as the files they point to; every name is checked against VirtualBox's member rules.
 *
 * <p>Called by {@code svp extpack} and the integration tests, on one thread.
 */
public final class ExtPackBuilder {
    private final String version;
    private Path jar;
    private Path nativeDir;
    private Path runtime;
    private Path javaHome = Path.of(System.getProperty("java.home"));
    private PrintStream progress = System.err;

    /** @param version the pack version (see {@link #buildVersion()}) */
    public ExtPackBuilder(String version) {
        this.version = version;
    }

    /** @return the version this build of SVP carries (the Maven project version) */
    public static String buildVersion() {
        try (InputStream in = ExtPackBuilder.class.getResourceAsStream("/org/svp/extpack/extpack.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the build version is missing from the jar", e);
        }
    }

    /** @param svpJar the shaded jar to ship as {@code ./svp.jar} @return this */
    public ExtPackBuilder jar(Path svpJar) {
        this.jar = svpJar;
        return this;
    }

    /** @param dir a directory with SVPMain.so and SVPVRDE.so (default: the jar resources) @return this */
    public ExtPackBuilder nativeModules(Path dir) {
        this.nativeDir = dir;
        return this;
    }

    /** @param dir an existing runtime to copy instead of running jlink (tests) @return this */
    public ExtPackBuilder runtime(Path dir) {
        this.runtime = dir;
        return this;
    }

    /** @param home the JDK whose jlink makes the runtime @return this */
    public ExtPackBuilder javaHome(Path home) {
        this.javaHome = home;
        return this;
    }

    /** @param out where progress lines go (stderr by default) @return this */
    public ExtPackBuilder progress(PrintStream out) {
        this.progress = out;
        return this;
    }

    /** One file of the pack: its name inside and where its bytes are. */
    private record Member(String name, Path source, int mode) {
    }

    /**
     * Builds the pack.
     *
     * @param outDir where the pack goes (created if needed)
     * @return the pack's path
     * @throws IOException when an input is missing or a step fails
     */
    public Path build(Path outDir) throws IOException {
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new IOException("no svp.jar to pack" + (jar == null ? "" : " at " + jar)
                    + " (build the project first: ./svp extpack builds it)");
        }
        String xml = Descriptor.xml(version);
        Files.createDirectories(outDir);
        Path stage = Files.createTempDirectory(outDir, ".extpack-stage-");
        // Ctrl+C mid-build: remove the half-made staging directory (hooks run in parallel, so this one
        // waits briefly for RuntimeImage's to stop jlink writing into it)
        Thread cleanup = new Thread(() -> {
            try {
                Thread.sleep(200);
                deleteTree(stage);
                Files.deleteIfExists(outDir.resolve(PackMembers.fileName(version) + ".part"));
            } catch (IOException | InterruptedException ignored) {
                // best effort at exit
            }
        }, "svp-extpack-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            List<Member> files = new ArrayList<>();
            Path arch = Files.createDirectories(stage.resolve(PackMembers.ARCH_DIR));
            for (String m : List.of(PackMembers.MAIN_MODULE, PackMembers.VRDE_MODULE)) {
                Path so = arch.resolve(m + ".so");
                copyNative(m + ".so", so);
                files.add(new Member(PackMembers.ARCH_DIR + "/" + m + ".so", so, 0755));
            }
            files.add(new Member(PackMembers.JAR, jar, 0644));
            Path rt = stage.resolve(PackMembers.RUNTIME_DIR);
            if (runtime != null) {
                copyTree(runtime, rt);
            } else {
                RuntimeImage.jlink(javaHome, rt, progress);
            }
            List<String> dirs = new ArrayList<>(List.of(PackMembers.ARCH_DIR));
            try (Stream<Path> walk = Files.walk(rt)) {
                for (Path p : walk.sorted(Comparator.comparing(Path::toString)).toList()) {
                    String name = stage.relativize(p).toString();
                    if (Files.isDirectory(p)) {
                        dirs.add(name);
                    } else if (Files.isRegularFile(p)) { // follows jlink's symlinks: stored as plain files
                        files.add(new Member(name, p, Files.isExecutable(p) ? 0755 : 0644));
                    }
                }
            }
            byte[] license = resource("ExtPack-license.txt");
            byte[] xmlBytes = xml.getBytes(StandardCharsets.UTF_8);
            StringBuilder manifest = new StringBuilder();
            manifest.append("SHA256 (").append(PackMembers.XML).append(") = ").append(sha256(xmlBytes)).append('\n');
            manifest.append("SHA256 (").append(PackMembers.LICENSE).append(") = ").append(sha256(license)).append('\n');
            for (Member m : files) {
                manifest.append("SHA256 (").append(m.name()).append(") = ").append(sha256(m.source())).append('\n');
            }
            Path pack = outDir.resolve(PackMembers.fileName(version));
            Path tmp = outDir.resolve(pack.getFileName() + ".part");
            progress.println("svp: writing " + pack + " ...");
            try (OutputStream os = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 UstarWriter tar = new UstarWriter(os)) {
                tar.directory(checked("./"));
                tar.file(checked("./" + PackMembers.XML), xmlBytes, 0644);
                tar.file(checked("./" + PackMembers.MANIFEST), manifest.toString().getBytes(StandardCharsets.US_ASCII), 0644);
                tar.file(checked("./" + PackMembers.SIGNATURE), "todo\n".getBytes(StandardCharsets.US_ASCII), 0644);
                tar.file(checked("./" + PackMembers.LICENSE), license, 0644);
                for (String d : dirs) {
                    tar.directory(checked("./" + d + "/"));
                }
                for (Member m : files) {
                    tar.file(checked("./" + m.name()), m.source(), m.mode());
                }
            }
            Files.move(tmp, pack, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return pack;
        } finally {
            deleteTree(stage);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // exiting anyway
            }
        }
    }

    private static String checked(String name) throws IOException {
        String why = PackMembers.problem(name);
        if (why != null) {
            throw new IOException("pack member '" + name + "' would be refused by VirtualBox: " + why);
        }
        return name;
    }

    private void copyNative(String file, Path to) throws IOException {
        if (nativeDir != null) {
            Path from = nativeDir.resolve(file);
            if (!Files.isRegularFile(from)) {
                throw new IOException("no " + file + " in " + nativeDir);
            }
            Files.copy(from, to);
            return;
        }
        if (ExtPackBuilder.class.getClassLoader().getResource(NativeModules.resourceName(file)) == null) {
            throw new IOException(file + " is not in this build (the svp-vrde-native module was not built:"
                    + " it needs gcc on Linux x86-64)");
        }
        Path extracted = NativeModules.extract(file, to.getParent());
        if (!extracted.equals(to)) {
            Files.move(extracted, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ExtPackBuilder.class.getResourceAsStream("/org/svp/extpack/" + name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(p), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
