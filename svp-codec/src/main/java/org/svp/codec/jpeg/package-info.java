/**
 * JPEG (codec 10, docs/protocol.md "Codecs"): the lossy codec for photographic regions, through
 * libjpeg-turbo's TurboJPEG API by FFM ({@link org.svp.codec.jpeg.TurboJpeg}), with JDK ImageIO as the
 * fallback when {@code libturbojpeg.so.0} is missing ({@link org.svp.codec.jpeg.ImageIoJpeg}).
 */
package org.svp.codec.jpeg;
