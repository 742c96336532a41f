package org.svp.vrde.nativelib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeModulesTest {
    @TempDir Path dir;

    @Test
    void extractsBothModulesAsExecutableElfFiles() throws Exception {
        for (String name : new String[] {NativeModules.VRDE_MODULE, NativeModules.MAIN_MODULE}) {
            Path file = NativeModules.extract(name, dir.resolve("linux.amd64"));

            assertThat(file).isEqualTo(dir.resolve("linux.amd64").resolve(name));
            byte[] head = Files.readAllBytes(file);
            assertThat(head).startsWith(0x7F, 'E', 'L', 'F');
            assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_EXECUTE);
        }
        assertThat(dir.resolve("linux.amd64")).isDirectoryContaining(p -> p.getFileName().toString().equals("SVPVRDE.so"));
        try (var files = Files.list(dir.resolve("linux.amd64"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("SVPVRDE.so", "SVPMain.so");
        }
    }

    @Test
    void extractReplacesAnOlderCopy() throws Exception {
        Files.writeString(dir.resolve(NativeModules.VRDE_MODULE), "old");

        Path file = NativeModules.extract(NativeModules.VRDE_MODULE, dir);

        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    @Test
    void refusesNamesThatAreNotModulesOfThisJar() {
        assertThatThrownBy(() -> NativeModules.extract("../../etc/passwd", dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a native module");
        assertThat(NativeModules.resourceName("SVPMain.so")).isEqualTo("org/svp/vrde/native/linux.amd64/SVPMain.so");
    }
}
