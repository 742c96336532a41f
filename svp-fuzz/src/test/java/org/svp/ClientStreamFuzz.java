package org.svp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.svp.protocol.GraphicSettings;
import org.svp.protocol.message.GraphicConfig;

/**
 * Server side: a whole client→server byte stream (any ids, lying sizes, several frames, cut frames)
 * through the server's frame decoder and message reader, and the INI parser for every GRAPHIC_CONFIG
 * in it. Seeds: the captured main, display, cursor, input and usb channel streams of a v1 client.
 */
class ClientStreamFuzz {
    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] stream) {
        check(stream);
    }

    static void check(byte[] stream) {
        for (Object m : FrameFeed.decode(stream)) {
            if (m instanceof GraphicConfig g) {
                GraphicSettings.parse(g.iniText());
            }
        }
    }
}
