package org.svp.client.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownServersTest {

    @Test
    void theFileFollowsXdgConfigHomeElseDotConfig() {
        assertThat(KnownServers.forUser(Map.of("XDG_CONFIG_HOME", "/x/c"), "/home/u").file())
                .isEqualTo(Path.of("/x/c/svp/known-servers"));
        assertThat(KnownServers.forUser(Map.of(), "/home/u").file()).isEqualTo(Path.of("/home/u/.config/svp/known-servers"));
    }

    @Test
    void pinsAreOneLineEachAndTheFirstPinStays(@TempDir Path dir) throws Exception {
        KnownServers k = new KnownServers(dir.resolve("svp/known-servers"));
        assertThat(k.lookup("h:1")).isEmpty();
        assertThat(k.pin("h:1", "sha256:aa")).isEqualTo("sha256:aa");
        assertThat(k.pin("[::1]:5678", "sha256:bb")).isEqualTo("sha256:bb");
        assertThat(k.pin("h:1", "sha256:cc")).as("already pinned: the old pin wins").isEqualTo("sha256:aa");
        assertThat(Files.readString(k.file())).isEqualTo("h:1 sha256:aa\n[::1]:5678 sha256:bb\n");
        assertThat(new KnownServers(k.file()).lookup("[::1]:5678")).contains("sha256:bb");
        assertThat(k.lookup("h:2")).isEmpty();
    }
}
