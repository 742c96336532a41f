package org.svp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.protocol.Command;
import org.svp.protocol.GraphicSettings;
import org.svp.protocol.message.GraphicConfig;

/**
 * Server side: a GRAPHIC_CONFIG body (u32 n + INI text) through the frame decoder and message reader,
 * then the INI parser the display channel runs on it. Whatever the text, the parser returns settings
 * (a typo keeps the default), and the settings survive their own INI form unchanged. Seeds: the
 * captured v1 GRAPHIC_CONFIG and hand-made INI variants.
 */
class GraphicConfigFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] body) {
        check(body);
    }

    static void check(byte[] body) {
        GraphicConfig g = ClientMessages.decodeExact(Command.GRAPHIC_CONFIG, body, GraphicConfig.class);
        if (g == null) {
            return;
        }
        GraphicSettings s = GraphicSettings.parse(g.iniText());
        assertThat(GraphicSettings.parse(s.toIni())).isEqualTo(s);
    }
}
