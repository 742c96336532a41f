package org.svp.source.demo.draw;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.svp.protocol.CodecId;
import org.svp.protocol.PixelFormat;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;

/** Builds RAW {@link Bitmap}s from {@code 0x00RRGGBB} pixels, and bitmap-cache hashes. */
public final class Bitmaps {

    private Bitmaps() {
    }

    /**
     * Encodes pixels as RAW data of a v1 pixel format.
     *
     * @param px pixels 0x00RRGGBB, stride = width
     * @param width columns
     * @param height rows
     * @param format RGB32, BGR24, RGB24 or RGB16
     * @param x bitmap x (the screen position for DIRTY_RECT)
     * @param y bitmap y
     * @return the bitmap
     */
    public static Bitmap raw(int[] px, int width, int height, PixelFormat format, int x, int y) {
        int n = width * height;
        byte[] d = new byte[Math.toIntExact(format.dataLength(width, height))];
        switch (format) {
            case RGB32 -> {
                for (int i = 0; i < n; i++) {
                    int p = px[i];
                    d[i * 4] = (byte) p;
                    d[i * 4 + 1] = (byte) (p >>> 8);
                    d[i * 4 + 2] = (byte) (p >>> 16);
                }
            }
            case BGR24 -> {
                for (int i = 0; i < n; i++) {
                    int p = px[i];
                    d[i * 3] = (byte) p;
                    d[i * 3 + 1] = (byte) (p >>> 8);
                    d[i * 3 + 2] = (byte) (p >>> 16);
                }
            }
            case RGB24 -> {
                for (int i = 0; i < n; i++) {
                    int p = px[i];
                    d[i * 3] = (byte) (p >>> 16);
                    d[i * 3 + 1] = (byte) (p >>> 8);
                    d[i * 3 + 2] = (byte) p;
                }
            }
            case RGB16 -> {
                for (int i = 0; i < n; i++) {
                    int p = px[i];
                    int v = ((p >>> 8) & 0xF800) | ((p >>> 5) & 0x07E0) | ((p >>> 3) & 0x001F);
                    d[i * 2] = (byte) v;
                    d[i * 2 + 1] = (byte) (v >>> 8);
                }
            }
            default -> throw new IllegalArgumentException("no RAW encoder for " + format);
        }
        return new Bitmap(format, CodecId.RAW, x, y, width, height, d);
    }

    /**
     * @param bitmap a bitmap
     * @return MD5 of its data bytes, the 16-byte cache key
     */
    public static BitmapHash md5(Bitmap bitmap) {
        try {
            return BitmapHash.of(MessageDigest.getInstance("MD5").digest(bitmap.data()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }
}
