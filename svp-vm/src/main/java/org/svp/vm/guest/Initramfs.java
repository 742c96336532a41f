package org.svp.vm.guest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.svp.protocol.error.UpstreamException;

/**
 * The guest's initramfs: busybox-static plus three small scripts ({@code /init}, {@code /etc/inittab},
 * {@code /etc/profile}, kept as resources beside this class), gzip-compressed newc cpio. The scripts'
 * digest is the guest script version in the cache key: editing a script builds a new guest.
 */
final class Initramfs {
    /** Where Debian's busybox-static puts its (static) busybox, then where a PATH lookup may find one. */
    private static final String[] BUSYBOX_PATHS = {"/bin/busybox", "/usr/bin/busybox", "/sbin/busybox"};
    /** Resource name → path inside the guest, mode. */
    private static final Map<String, String> SCRIPTS = new LinkedHashMap<>();

    static {
        SCRIPTS.put("init", "init");
        SCRIPTS.put("inittab", "etc/inittab");
        SCRIPTS.put("profile", "etc/profile");
    }

    private Initramfs() {
    }

    /** @return 8 hex digits that change whenever a guest script changes */
    static String scriptVersion() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String r : SCRIPTS.keySet()) {
                sha.update(resource(r));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the static busybox to put into the guest
     * @throws UpstreamException naming busybox-static if there is none, or only a dynamic one
     */
    static Path busybox() {
        for (String p : BUSYBOX_PATHS) {
            Path b = Path.of(p);
            if (Files.isExecutable(b)) {
                if (!ElfFiles.isStatic(b)) {
                    throw new UpstreamException(b + " is not statically linked and cannot run alone in the guest;"
                            + " install the Debian/Ubuntu package busybox-static (apt-get install busybox-static)", null);
                }
                return b;
            }
        }
        throw new UpstreamException("busybox is not installed; install the Debian/Ubuntu package busybox-static"
                + " (apt-get install busybox-static)", null);
    }

    /**
     * Writes the initramfs.
     *
     * @param busybox a static busybox binary
     * @param target the .gz file to write
     */
    static void write(Path busybox, Path target) throws IOException {
        try (OutputStream f = Files.newOutputStream(target); GZIPOutputStream gz = new GZIPOutputStream(f, 1 << 16)) {
            NewcArchive a = new NewcArchive(gz);
            for (String d : new String[] {"bin", "dev", "etc", "proc", "root", "sys", "tmp"}) {
                a.directory(d);
            }
            a.file("bin/busybox", 0755, Files.readAllBytes(busybox));
            a.symlink("bin/sh", "busybox");
            for (Map.Entry<String, String> s : SCRIPTS.entrySet()) {
                a.file(s.getValue(), s.getKey().equals("init") ? 0755 : 0644, resource(s.getKey()));
            }
            a.finish();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Initramfs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("guest script " + name + " missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
