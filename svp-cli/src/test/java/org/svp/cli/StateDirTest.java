package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {

    @Test
    void theDefaultFollowsXdgStateHomeElseTheHomeDirectory() {
        assertThat(StateDir.defaultPath(Map.of("XDG_STATE_HOME", "/x/state"), "/home/u")).isEqualTo(Path.of("/x/state/svp"));
        assertThat(StateDir.defaultPath(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.local/state/svp"));
        // a relative or empty XDG_STATE_HOME is invalid by the XDG spec and ignored
        assertThat(StateDir.defaultPath(Map.of("XDG_STATE_HOME", "rel"), "/home/u")).isEqualTo(Path.of("/home/u/.local/state/svp"));
        assertThat(StateDir.defaultPath(Map.of("XDG_STATE_HOME", ""), "/home/u")).isEqualTo(Path.of("/home/u/.local/state/svp"));
    }

    @Test
    void anExplicitDirectoryIsCreatedForTheOwnerOnly(@TempDir Path tmp) throws Exception {
        StateDir s = new StateDir();
        s.dir = tmp.resolve("a/b");
        assertThat(s.create()).isEqualTo(tmp.resolve("a/b"));
        assertThat(Files.getPosixFilePermissions(tmp.resolve("a/b"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }
}
