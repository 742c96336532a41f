package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code --peer tigervnc} finds rfbcount.py, and how a failing rfbcount is reported (no TigerVNC needed). */
class TigerVncPeerTest {
    @TempDir
    Path dir;

    @Test
    void rfbcountBesideTheWorkloadComesFirstAndAGivenOneWins() throws Exception {
        Path workload = Files.writeString(dir.resolve("w.sh"), "#!/bin/sh\n");
        Path beside = Files.writeString(dir.resolve("rfbcount.py"), "");
        Path given = Files.writeString(dir.resolve("mine.py"), "");
        assertThat(TigerVncPeer.locate(null, workload)).isEqualTo(beside);
        assertThat(TigerVncPeer.locate(given, workload)).isEqualTo(given);
    }

    @Test
    void aMissingRfbcountIsNamedBeforeAnyRun() throws Exception {
        Path workload = Files.writeString(dir.resolve("w.sh"), "#!/bin/sh\n");
        assertThatThrownBy(() -> TigerVncPeer.locate(dir.resolve("nope.py"), workload))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.py");
        if (!Files.isRegularFile(Path.of(TigerVncPeer.SHARED_RFBCOUNT))) {
            assertThatThrownBy(() -> TigerVncPeer.locate(null, workload))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(dir.resolve("rfbcount.py").toString()).hasMessageContaining("--rfbcount");
        }
    }

    @Test
    void anRfbcountThatGivesNoResultFailsWithItsOutput() throws Exception {
        Path broken = Files.writeString(dir.resolve("rfbcount.py"),
                "import sys\nprint('connect failed: refused', file=sys.stderr)\nsys.exit(3)\n");
        TigerVncPeer peer = new TigerVncPeer(broken, TigerVncPeer.ZRLE);
        try {
            peer.start(1, 1);
            assertThatThrownBy(peer::finish).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("zrle").hasMessageContaining("exit status 3")
                    .hasMessageContaining("connect failed: refused");
        } finally {
            peer.stop();
        }
    }
}
