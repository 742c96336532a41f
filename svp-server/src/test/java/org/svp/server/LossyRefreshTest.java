package org.svp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.svp.server.TestServers.HOST;
import static org.svp.server.TestServers.assertConverges;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.codec.jpeg.Quality;
import org.svp.codec.sample.SampleTiles;
import org.svp.protocol.Rect;
import org.svp.protocol.message.DirtyRect;
import org.svp.protocol.message.ScreenResize;
import org.svp.protocol.message.SolidRect;
import org.svp.render.Surface;
import org.svp.server.TestSources.ScriptedSource;

/**
 * Issue 13 over real sockets: a photographic DIRTY_RECT reaches a JPEG client as JPEG, and the lossless
 * refresh then makes the client's picture identical to the server's (JPEG alone cannot: the photo
 * tile loses ~1 dB per level). A client that asks for lossless, or a server left lossless, sends none.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LossyRefreshTest {
    private static final SampleTiles.Tile PHOTO = SampleTiles.synthetic().get("photo");

    @Test
    void photoGoesJpegAndTheRefreshMakesTheClientExact() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (SvpServer server = start(source, Quality.AUTO); SvpClient client = TestServers.viewer(server)) {
            Surface first = setUpScreen(server, source, client);
            // auto is lossless first: the photo goes lossy when it changes again within a second
            photoChangingAgain(source, 20, 30);
            Surface expected = source.applied();
            assertThat(expected.pixels()).isNotEqualTo(first.pixels());
            assertConverges(client, () -> expected, "client after the lossless refresh");
            assertThat(regions(server.stats().codecCounters(), "JPEG")).as("JPEG bands sent").isPositive();
            assertThat(regions(server.stats().codecCounters(), "MEDZ") + regions(server.stats().codecCounters(), "QOIZ"))
                    .as("the photo also went lossless once: the refresh").isPositive();
        }
    }

    /**
     * A window moved while its photo waits for the refresh: the client copies the JPEG's pixels, and
     * the refresh must reach them where they went (LossyRegions.copied), not only where they were.
     */
    @Test
    void lossyPixelsCopiedByAScreenBltAreRefreshedWhereTheyLand() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (SvpServer server = start(source, Quality.AUTO); SvpClient client = TestServers.viewer(server)) {
            setUpScreen(server, source, client);
            photoChangingAgain(source, 4, 4);
            int w = Math.min(PHOTO.w(), 320 - 4 - 100);
            int h = Math.min(PHOTO.h(), 200 - 4 - 60);
            // the photo's top-left part moves 100 right and 60 down; what it uncovers is painted over
            source.draw(new org.svp.protocol.message.ScreenBlt(new Rect(104, 64, w, h), 4, 4, 0xCC),
                    new SolidRect(new Rect(4, 4, 100, h), 0x405060));
            Surface expected = source.applied();
            assertConverges(client, () -> expected, "client after the refresh, the moved photo included");
            assertThat(regions(server.stats().codecCounters(), "JPEG")).as("JPEG bands sent").isPositive();
        }
    }

    @Test
    void aStillPhotoGoesLosslessAtOnceInAuto() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (SvpServer server = start(source, Quality.AUTO); SvpClient client = TestServers.viewer(server)) {
            setUpScreen(server, source, client);
            source.draw(new DirtyRect(TestSources.rgb32(20, 30, PHOTO.w(), PHOTO.h(), PHOTO.rgb())));
            Surface expected = source.applied();
            assertConverges(client, () -> expected, "client");
            assertThat(regions(server.stats().codecCounters(), "JPEG")).as("JPEG bands sent").isZero();
        }
    }

    /** The photo, then darker at once: auto is lossless first, so the second goes JPEG (it changed again within 1 s). */
    private static void photoChangingAgain(ScriptedSource source, int x, int y) throws InterruptedException {
        source.draw(new DirtyRect(TestSources.rgb32(x, y, PHOTO.w(), PHOTO.h(), PHOTO.rgb())));
        source.draw(new DirtyRect(TestSources.rgb32(x, y, PHOTO.w(), PHOTO.h(), darker(PHOTO.rgb()))));
    }

    /** @return the picture at half the brightness (still a photo, but a change) */
    private static int[] darker(int[] rgb) {
        return java.util.Arrays.stream(rgb).map(p -> (p & 0xFEFEFE) >>> 1).toArray();
    }

    @Test
    void aClientThatAsksForLosslessGetsNoJpeg() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (SvpServer server = start(source, Quality.HIGH);
             SvpClient client = SvpClient.connect(ClientOptions.viewer(HOST, server.port()).withQuality(Quality.LOSSLESS))) {
            setUpScreen(server, source, client);
            source.draw(new DirtyRect(TestSources.rgb32(20, 30, PHOTO.w(), PHOTO.h(), PHOTO.rgb())));
            Surface expected = source.applied();
            assertConverges(client, () -> expected, "lossless client");
            assertThat(regions(server.stats().codecCounters(), "JPEG")).isZero();
        }
    }

    @Test
    void aServerLeftLosslessSendsNoJpegButAClientOverrideGetsIt() throws Exception {
        ScriptedSource source = new ScriptedSource();
        try (SvpServer server = TestServers.start(source, false); SvpClient plain = TestServers.viewer(server)) {
            setUpScreen(server, source, plain);
            source.draw(new DirtyRect(TestSources.rgb32(20, 30, PHOTO.w(), PHOTO.h(), PHOTO.rgb())));
            Surface expected = source.applied();
            assertConverges(plain, () -> expected, "client of a lossless server");
            assertThat(regions(server.stats().codecCounters(), "JPEG")).isZero();
            try (SvpClient low = SvpClient.connect(ClientOptions.viewer(HOST, server.port()).withQuality(Quality.LOW))) {
                TestServers.awaitDisplayClients(server, 2);
                TestServers.settled(low);
                source.draw(new DirtyRect(TestSources.rgb32(60, 40, PHOTO.w(), PHOTO.h(), PHOTO.rgb())));
                Surface again = source.applied();
                assertConverges(low, () -> again, "client that asked for low quality, after the refresh");
                assertConverges(plain, () -> again, "the other client");
                assertThat(regions(server.stats().codecCounters(), "JPEG")).as("JPEG for the low client").isPositive();
            }
        }
    }

    private static SvpServer start(ScriptedSource source, Quality q) throws Exception {
        SvpServer server = new SvpServer(ServerConfig.of(HOST, 0, false), source).quality(q);
        try {
            server.start();
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static Surface setUpScreen(SvpServer server, ScriptedSource source, SvpClient client) throws Exception {
        source.draw(new ScreenResize(320, 200), new SolidRect(new Rect(0, 0, 320, 200), 0x102030));
        Surface first = source.applied();
        TestServers.awaitDisplayClients(server, 1);
        assertConverges(client, () -> first, "first picture");
        return first;
    }

    private static long regions(Map<String, CodecCounter.Snapshot> m, String codec) {
        CodecCounter.Snapshot s = m.get(codec);
        return s == null ? 0 : s.regions();
    }
}
