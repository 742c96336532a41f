package org.svp.codec.h264;

/**
 * One video region's H.264 encoder: openh264 ({@link H264Stream}, BSD, the default) or libx264
 * ({@link X264Stream}, GPL, an optional plugin when installed and asked for). Frames of a fixed even
 * w×h in, Annex-B access units out, in the order clients decode them. Thread-safe by lock.
 */
public interface H264Encoder extends AutoCloseable {
    /**
     * @param rgb pixels {@code 0x00RRGGBB}
     * @param at index of the top-left pixel
     * @param stride ints per row
     * @return the next access unit
     */
    H264Stream.Frame encode(int[] rgb, int at, int stride);

    /** @return columns */
    int width();

    /** @return rows */
    int height();

    @Override
    void close();

    /**
     * The encoder {@code -Dsvp.h264=x264} (or environment {@code SVP_H264=x264}) asks for when libx264 is
     * present, else openh264.
     *
     * @param w even columns
     * @param h even rows
     * @param bitrate bits per second
     * @param fps frames per second
     * @param idrInterval frames between IDRs
     * @return a new encoder
     */
    static H264Encoder open(int w, int h, int bitrate, float fps, int idrInterval) {
        String choice = System.getProperty("svp.h264", System.getenv().getOrDefault("SVP_H264", "openh264"));
        if ("x264".equals(choice) && X264Stream.available()) {
            return new X264Stream(w, h, bitrate, fps, idrInterval);
        }
        return new H264Stream(w, h, bitrate, fps, idrInterval);
    }
}
