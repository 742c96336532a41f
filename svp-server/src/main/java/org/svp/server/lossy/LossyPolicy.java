package org.svp.server.lossy;

import org.svp.codec.h264.H264Stream;
import org.svp.codec.jpeg.JpegCodec;
import org.svp.codec.jpeg.JpegEncoder;
import org.svp.codec.jpeg.Quality;
import org.svp.protocol.Feature;
import org.svp.protocol.Rect;

/**
 * Decides whether a band goes lossy, and at which quality: the one hook of the {@link
 * org.svp.server.encode.EncodeManager} (issue 13). A band goes JPEG only when the client negotiated
 * {@link Feature#CODEC_JPEG}, its quality (its own override bits, else the server's {@code --quality})
 * is not {@link Quality#LOSSLESS}, and the band is photographic ({@link PhotoClassifier}). Text and UI
 * (≤ 256 colours: PALETTE) never reach it. Every JPEG band is noted in {@link #regions()} so that
 * {@link LossyRefresh} re-sends it losslessly once it is still.
 *
 * <p>{@link Quality#AUTO}: lossless first ({@link #losslessFirst}): a many-colour band goes lossy only
 * when the same rectangle changed within {@link #RECENT_NANOS}; a still picture goes lossless at once
 * (and, with a screen cache, keyed, so a slide shown again is a cache hit). A JPEG of a picture that
 * then stays costs its lossless refresh on top: on the shared workload's slideshow, JPEG first then
 * the refresh sent 11.1 MB where lossless alone sent 8.7 MB (30 s, issue 13). A band that does change
 * again goes {@link Quality#HIGH} (q95 4:4:4: ≥ 40 dB on photos).
 *
 * <p>One per server, shared by the encoder workers (thread-safe: JPEG encoders are per thread).
 */
public final class LossyPolicy {
    /** AUTO: a band that changed again within this time goes lossy; a still one lossless at once. */
    static final long RECENT_NANOS = 1_000_000_000L;

    private static final ThreadLocal<JpegEncoder> JPEG = ThreadLocal.withInitial(() -> new JpegCodec().newEncoder());

    /** Whether this worker coded a band as JPEG since {@link #takeUsed()} last asked. */
    private static final ThreadLocal<boolean[]> USED = ThreadLocal.withInitial(() -> new boolean[1]);

    /**
     * The update this worker encodes ({@link #beginUpdate}): its dispatch number, and when the source
     * captured it (0 = unknown).
     */
    private static final ThreadLocal<long[]> SEQ = ThreadLocal.withInitial(() -> new long[2]);
    /**
     * A video region is refreshed after this much stillness rather than {@link LossyRefresh#STILL_NANOS}:
     * a stream that hiccups (a busy machine) must not get a lossless refresh of a moving picture.
     */
    static final long VIDEO_STILL_NANOS = 1_000_000_000L;
    /** Smaller moving regions stay with JPEG/lossless: an H.264 stream is not worth it. */
    static final int MIN_VIDEO_PIXELS = 128 * 96;

    private final Quality serverDefault;
    private final LossyRegions regions = new LossyRegions();
    private final MotionHistory motion = new MotionHistory();
    private final VideoStreams video = new VideoStreams();
    private final RecentChanges recent = new RecentChanges();

    /** @param serverDefault the {@code --quality} of clients that do not override it */
    public LossyPolicy(Quality serverDefault) {
        this.serverDefault = serverDefault;
    }

    /** @return the server's default level */
    public Quality serverDefault() {
        return serverDefault;
    }

    /** @return the regions sent lossy and not yet refreshed */
    public LossyRegions regions() {
        return regions;
    }

    /**
     * @param features a client's negotiated display bits
     * @return the level for that client
     */
    public Quality qualityFor(int features) {
        if ((features & (Feature.CODEC_JPEG | Feature.CODEC_H264)) == 0) {
            return Quality.LOSSLESS;
        }
        Quality asked = Quality.fromHint(features);
        return asked != null ? asked : serverDefault;
    }

    /**
     * The video half of the hook: a band of a region that changes every frame goes as the next unit of
     * its H.264 stream (issue 13). Encoder worker thread, inside {@link #beginUpdate}.
     *
     * @param rgb pixels
     * @param at index of the band's top-left pixel
     * @param stride ints per row
     * @param band the band's screen rectangle
     * @param features the clients' negotiated bits
     * @return the H264 data, or null when the band is not video (or the client takes no H.264)
     */
    public byte[] video(int[] rgb, int at, int stride, Rect band, int features) {
        long[] update = SEQ.get();
        // capture time, not encode time: a late encoder (a loaded machine) must not end the video
        float fps = motion.changed(band, update[1] != 0 ? update[1] : System.nanoTime(), update[0]);
        if (fps == 0) { // a stream keeps going through hiccups (a busy machine slows the source) until still
            fps = video.active(band, features, System.nanoTime(), VIDEO_STILL_NANOS);
        }
        if (fps == 0 || (features & Feature.CODEC_H264) == 0 || (band.width() & 1) != 0 || (band.height() & 1) != 0
                || (long) band.width() * band.height() < MIN_VIDEO_PIXELS || !H264Stream.available()) {
            return null;
        }
        Quality q = qualityFor(features);
        if (q == Quality.LOSSLESS) {
            return null;
        }
        byte[] data = video.frame(rgb, at, stride, band, features, q, fps, update[0]);
        regions.note(band, System.nanoTime(), VIDEO_STILL_NANOS);
        USED.get()[0] = true;
        return data;
    }

    /**
     * Numbers the update this worker is about to encode: its place in dispatch order, so the frames of
     * an H.264 stream are encoded in the order clients decode them. Called by the update encoder.
     *
     * @param seq the update's dispatch number (increasing)
     * @param captureNanos when the source captured it ({@link System#nanoTime()}), 0 if unknown
     */
    public static void beginUpdate(long seq, long captureNanos) {
        long[] update = SEQ.get();
        update[0] = seq;
        update[1] = captureNanos;
    }

    /** Closes video streams idle for a while. I/O thread (the refresh tick). */
    public void closeIdleStreams() {
        video.closeIdle(System.nanoTime());
    }

    /** @return open H.264 streams (tests) */
    public int openStreams() {
        return video.open();
    }

    /**
     * Whether a many-colour band goes lossless without asking {@link #video} or {@link #jpeg}: always
     * for a {@link Quality#LOSSLESS} client, and for an {@link Quality#AUTO} one when the band did not
     * change within {@link #RECENT_NANOS} (a still picture: lossless at once costs less than a JPEG and
     * its refresh). Records the change, so call it once per band and client choice. Encoder worker
     * thread, inside {@link #beginUpdate}.
     *
     * @param band the band's screen rectangle
     * @param features the clients' negotiated bits
     * @return true to code it losslessly
     */
    public boolean losslessFirst(Rect band, int features) {
        Quality q = qualityFor(features);
        if (q == Quality.LOSSLESS) {
            return true;
        }
        if (q != Quality.AUTO) {
            return false;
        }
        long[] update = SEQ.get();
        long nanos = update[1] != 0 ? update[1] : System.nanoTime();
        // the motion history counts this change too ({@link #video} asks it again for the same update)
        boolean moving = motion.changed(band, nanos, update[0]) > 0;
        long since = recent.changed(band, nanos, update[0]);
        return !moving && (since < 0 || since > RECENT_NANOS);
    }

    /**
     * The hook: a band the encode manager has coded losslessly; returns its JPEG when that is the
     * better choice. Encoder worker thread.
     *
     * @param rgb pixels
     * @param at index of the band's top-left pixel
     * @param stride ints per row
     * @param band the band's screen rectangle
     * @param features the clients' negotiated bits
     * @param losslessBytes the size of the lossless coding
     * @return the JPEG data, or null to keep the lossless coding
     */
    public byte[] jpeg(int[] rgb, int at, int stride, Rect band, int features, int losslessBytes) {
        Quality q = qualityFor(features);
        if (q == Quality.LOSSLESS
                || !PhotoClassifier.photographic(rgb, at, stride, band.width(), band.height(), losslessBytes)) {
            return null;
        }
        regions.note(band, System.nanoTime(), LossyRefresh.STILL_NANOS);
        byte[] data = JPEG.get().encode(rgb, at, stride, band.width(), band.height(), q.jpegQuality(), q.subsample420());
        if (data.length >= losslessBytes) {
            return null;
        }
        USED.get()[0] = true;
        return data;
    }

    /**
     * Whether the calling worker coded anything as JPEG since the last call; clears the flag. The update
     * encoder asks around each update: an update with lossy bands gets no screen-cache keys.
     *
     * @return true if a band went JPEG
     */
    public static boolean takeUsed() {
        boolean[] used = USED.get();
        boolean was = used[0];
        used[0] = false;
        return was;
    }
}
