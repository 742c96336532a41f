package org.svp.vm.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.svp.protocol.error.UpstreamException;

class InitramfsTest {
    /** name → {mode, data} of every entry of a newc archive, read back by the format's rules. */
    static Map<String, Object[]> entries(byte[] archive) {
        Map<String, Object[]> m = new LinkedHashMap<>();
        int pos = 0;
        while (true) {
            String h = new String(archive, pos, 110, StandardCharsets.US_ASCII);
            assertThat(h).startsWith("070701");
            int mode = Integer.parseUnsignedInt(h.substring(14, 22), 16);
            int size = Integer.parseUnsignedInt(h.substring(54, 62), 16);
            int nameSize = Integer.parseUnsignedInt(h.substring(94, 102), 16);
            String name = new String(archive, pos + 110, nameSize - 1, StandardCharsets.UTF_8);
            assertThat(archive[pos + 110 + nameSize - 1]).as("name ends with NUL").isZero();
            pos = align(pos + 110 + nameSize);
            if (name.equals("TRAILER!!!")) {
                assertThat(pos).isEqualTo(archive.length);
                return m;
            }
            byte[] data = java.util.Arrays.copyOfRange(archive, pos, pos + size);
            m.put(name, new Object[] {mode, data});
            pos = align(pos + size);
        }
    }

    private static int align(int p) {
        return (p + 3) & ~3;
    }

    @Test
    void archiveHoldsDirectoriesFilesAndLinksWithTheirModes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NewcArchive a = new NewcArchive(out);
        a.directory("bin");
        a.file("bin/x", 0755, "abcde".getBytes(StandardCharsets.US_ASCII));
        a.symlink("bin/sh", "x");
        a.finish();
        Map<String, Object[]> e = entries(out.toByteArray());
        assertThat(e.keySet()).containsExactly("bin", "bin/x", "bin/sh");
        assertThat((int) e.get("bin")[0]).isEqualTo(0040755);
        assertThat((int) e.get("bin/x")[0]).isEqualTo(0100755);
        assertThat(new String((byte[]) e.get("bin/x")[1], StandardCharsets.US_ASCII)).isEqualTo("abcde");
        assertThat((int) e.get("bin/sh")[0]).isEqualTo(0120777);
        assertThat(new String((byte[]) e.get("bin/sh")[1], StandardCharsets.US_ASCII)).isEqualTo("x");
    }

    @Test
    void initramfsHasBusyboxAndTheScripts(@TempDir Path dir) throws IOException {
        Path busybox = Initramfs.busybox(); // busybox-static is in tests/setup.sh's tool table
        Path gz = dir.resolve("initramfs.gz");
        Initramfs.write(busybox, gz);
        byte[] archive;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            archive = in.readAllBytes();
        }
        Map<String, Object[]> e = entries(archive);
        assertThat(e).containsKeys("bin", "dev", "proc", "sys", "etc", "init", "etc/inittab", "etc/profile", "bin/sh");
        assertThat((byte[]) e.get("bin/busybox")[1]).isEqualTo(Files.readAllBytes(busybox));
        assertThat((int) e.get("init")[0]).isEqualTo(0100755);
        assertThat(new String((byte[]) e.get("init")[1], StandardCharsets.UTF_8)).startsWith("#!/bin/busybox sh\n")
                .contains("exec /bin/init");
        assertThat(new String((byte[]) e.get("etc/inittab")[1], StandardCharsets.UTF_8)).contains("tty1::respawn:");
        assertThat(Initramfs.scriptVersion()).matches("[0-9a-f]{8}");
    }

    @Test
    void dynamicOrNonElfBusyboxIsNotStatic(@TempDir Path dir) throws IOException {
        assertThat(ElfFiles.isStatic(Initramfs.busybox())).isTrue();
        assertThat(ElfFiles.isStatic(Path.of("/bin/sh"))).as("dash is dynamically linked").isFalse();
        Path text = Files.writeString(dir.resolve("x"), "#!/bin/sh\n");
        assertThat(ElfFiles.isStatic(text)).isFalse();
    }

    @Test
    void releasesCompareNumberByNumber() {
        assertThat(KernelPackage.compareReleases("6.1.0-57-cloud-amd64", "6.1.0-9-cloud-amd64")).isPositive();
        assertThat(KernelPackage.compareReleases("6.12.1+deb12-cloud-amd64", "6.1.0-57-cloud-amd64")).isPositive();
        assertThat(KernelPackage.compareReleases("6.1.0-57-cloud-amd64", "6.1.0-57-cloud-amd64")).isZero();
    }

    @Test
    void offlineWithoutCachedGuestNamesWhatFailed(@TempDir Path dir) {
        // a cache whose root is a file cannot be created: the error names the directory
        Path file = dir.resolve("f");
        assertThatThrownBy(() -> {
            Files.writeString(file, "x");
            new GuestCache(file.resolve("vm")).prepare(l -> { });
        }).isInstanceOf(UpstreamException.class).hasMessageContaining("cannot prepare the VM guest in " + file);
    }
}
