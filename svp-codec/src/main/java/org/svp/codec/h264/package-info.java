/**
 * H264 (codec 11, docs/protocol.md "Codecs"): video regions streamed with Cisco's openh264
 * ({@code libopenh264.so.7}, Debian libopenh264-7, BSD) through FFM — its API is a C++ vtable, called
 * through the function pointers ({@link org.svp.codec.h264.OpenH264}). {@link org.svp.codec.h264.I420}
 * converts pixels; {@link org.svp.codec.h264.H264Stream} encodes one region's frames,
 * {@link org.svp.codec.h264.H264Codec} decodes them on the client.
 */
package org.svp.codec.h264;
