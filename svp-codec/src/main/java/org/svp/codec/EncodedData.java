package org.svp.codec;

/**
 * What a {@link BitmapCodec.Encoder} made of some pixels.
 *
 * <p>Most codecs make one {@code data} array. The palette codec makes two: {@code data} carries the
 * palette and asks the client to cache it (PAL_CACHE_ME); {@code cachedData} refers to it by
 * {@code paletteId} (PAL_FROM_CACHE) and is sent instead when the server knows that this client holds
 * that palette at the moment the frame is written (see svp-server's PaletteTracker).
 *
 * @param data the self-contained data
 * @param cachedData the data that needs the palette in the client's cache, or null
 * @param paletteId the palette's id, when {@code cachedData} is not null
 * @param palette the palette's colours (to check an id's content on the server), or null
 */
public record EncodedData(byte[] data, byte[] cachedData, int paletteId, int[] palette) {
    /**
     * @param data self-contained data
     * @return data without a palette variant
     */
    public static EncodedData of(byte[] data) {
        return new EncodedData(data, null, 0, null);
    }
}
