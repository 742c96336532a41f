package org.svp.source.x11;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.render.Surface;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.source.x11.launch.NewDesktop;

/**
 * {@code --source x11:new} as the CLI builds it: the first still picture a client gets shows the xterm
 * (white terminal with black text at 40,40 inside openbox's frame), without any click or key. Once
 * openbox and the xterm started together and the screen stayed black until the first click.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NewDesktopTest {
    private static final int WHITE = 0xFFFFFF;

    @Test
    void theXtermIsOnTheFirstPictureWithoutAnyInput() throws Exception {
        X11Fixture.require("openbox", "openbox");
        X11Fixture.require("xterm", "xterm");
        NewDesktop desktop = NewDesktop.start(800, 600);
        try (X11DisplaySource source = new X11DisplaySource(X11Options.of(desktop.displayName()), desktop);
                SvpServer server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source)) {
            server.start();
            try (SvpClient client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()))) {
                client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
                Surface s = client.screen().snapshot();
                // the terminal's inside: 100x30 cells of the 6x13 "fixed" font start near (40,40) + frame
                int white = 0;
                int black = 0;
                int total = 0;
                for (int y = 80; y < 400; y++) {
                    for (int x = 60; x < 600; x++) {
                        int p = s.get(x, y) & 0xFFFFFF;
                        white += p == WHITE ? 1 : 0;
                        black += p == 0 ? 1 : 0;
                        total++;
                    }
                }
                assertThat(white).as("white terminal pixels of %d (black: %d)", total, black)
                        .isGreaterThan(total * 9 / 10);
                // the prompt: black text in the first line of the terminal
                int text = 0;
                for (int y = 40; y < 90; y++) {
                    for (int x = 40; x < 200; x++) {
                        text += (s.get(x, y) & 0xFFFFFF) == 0 ? 1 : 0;
                    }
                }
                assertThat(text).as("black prompt pixels near the terminal's top left").isGreaterThan(10);
            }
        } finally {
            desktop.close();
        }
    }
}
