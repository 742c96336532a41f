/**
 * The codec seam (issue 12): {@link org.svp.codec.BitmapCodec} with one class per codec
 * ({@link org.svp.codec.RawCodec}, {@link org.svp.codec.Lz4Codec}, and the v2 codecs in
 * {@code palette} and {@code qoi}), looked up by wire id in {@link org.svp.codec.CodecRegistry}.
 *
 * <p>Bitmap codecs of SVP v1 (protocol.md §4): {@link org.svp.codec.Lz4BlockCodec} for bare LZ4 blocks,
 * {@link org.svp.codec.BitmapDecoder} (wire bitmap → {@code 0x00RRGGBB} pixels, used by clients and the
 * server's mirror) and {@link org.svp.codec.BitmapEncoder} (pixels → wire bitmap, used by encoder
 * workers).
 *
 * <p>Threading: every class here owns scratch buffers and is confined to one thread (one decoder per
 * client channel thread, one encoder per server worker). None keeps global state, so any number of
 * instances may run in parallel.
 *
 * <p>Pixels in memory are always Java {@code int}s of the form {@code 0x00RRGGBB} (top byte zero), so
 * two frames compare with {@link java.util.Arrays#equals(int[], int[])}.
 */
package org.svp.codec;
