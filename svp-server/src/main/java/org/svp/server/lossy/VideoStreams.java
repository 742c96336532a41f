package org.svp.server.lossy;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.svp.codec.h264.H264Codec;
import org.svp.codec.h264.H264Encoder;
import org.svp.codec.h264.H264Stream;
import org.svp.codec.jpeg.Quality;
import org.svp.protocol.Rect;

/**
 * The H.264 streams of the moving regions, one per (rectangle, client feature bits), each with a
 * stream id (0–255, round robin) the client keys its decoders by. Frames of one stream must reach the
 * encoder in the order clients will decode them: updates are numbered on the I/O thread in dispatch
 * order, and a frame older than the stream's last one (two workers raced) goes as an empty unit
 * (nothing drawn; the newer frame shows the newer pixels). Idle streams are closed after {@link
 * #IDLE_NANOS}. Thread-safe (encoder workers, and the I/O thread's {@link #closeIdle}).
 */
final class VideoStreams {
    /** A stream unused this long is closed (its region was refreshed losslessly long ago). */
    static final long IDLE_NANOS = 3_000_000_000L;
    /** Frames between IDRs: a client that joined or dropped frames recovers within about a second. */
    static final int IDR_INTERVAL = 25;

    private record Key(Rect rect, int features) {
    }

    private static final class Stream {
        final H264Encoder encoder;
        final int id;
        final float fps;
        long lastSeq = Long.MIN_VALUE;
        volatile long lastUsed;

        Stream(H264Encoder encoder, int id, float fps) {
            this.encoder = encoder;
            this.id = id;
            this.fps = fps;
        }
    }

    private final Map<Key, Stream> streams = new HashMap<>();
    private int nextId;

    /**
     * @param band the moving rectangle (even size)
     * @param features the clients' bits
     * @param q their quality level (not LOSSLESS)
     * @param fps the measured frame rate
     * @param seq the update's dispatch number
     * @return the H264 bitmap data for this frame
     */
    byte[] frame(int[] rgb, int at, int stride, Rect band, int features, Quality q, float fps, long seq) {
        Stream s = stream(new Key(band, features), q, fps);
        synchronized (s) {
            if (seq <= s.lastSeq) {
                return H264Codec.data(s.id, new H264Stream.Frame(new byte[0], false));
            }
            s.lastSeq = seq;
            return H264Codec.data(s.id, s.encoder.encode(rgb, at, stride));
        }
    }

    private synchronized Stream stream(Key k, Quality q, float fps) {
        Stream s = streams.get(k);
        if (s == null) {
            double scale = switch (q) {
                case MEDIUM -> 0.6;
                case LOW -> 0.35;
                default -> 1.0;
            };
            int bitrate = (int) (H264Codec.bitrate(k.rect().width(), k.rect().height(), fps) * scale);
            s = new Stream(H264Encoder.open(k.rect().width(), k.rect().height(), bitrate, fps, IDR_INTERVAL), nextId,
                    fps);
            nextId = (nextId + 1) & 0xFF;
            streams.put(k, s);
        }
        s.lastUsed = System.nanoTime(); // under the lock: closeIdle cannot close it now
        return s;
    }

    /**
     * @param band a rectangle
     * @param features the clients' bits
     * @param nanos now
     * @param withinNanos how recent its last frame must be
     * @return the frame rate its stream was made for, when it has one used within {@code withinNanos}, else 0
     */
    synchronized float active(Rect band, int features, long nanos, long withinNanos) {
        Stream s = streams.get(new Key(band, features));
        return s != null && nanos - s.lastUsed < withinNanos ? s.fps : 0;
    }

    /** Closes streams idle for {@link #IDLE_NANOS}. I/O thread (the refresh tick). */
    synchronized void closeIdle(long nanos) {
        for (Iterator<Stream> it = streams.values().iterator(); it.hasNext(); ) {
            Stream s = it.next();
            if (nanos - s.lastUsed > IDLE_NANOS) {
                it.remove();
                synchronized (s) {
                    s.encoder.close();
                }
            }
        }
    }

    /** @return open streams */
    synchronized int open() {
        return streams.size();
    }
}
