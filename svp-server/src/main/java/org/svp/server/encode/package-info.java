/**
 * The encode manager of v2 display clients: what a client decodes ({@link org.svp.server.encode.CodecChoice}),
 * the classification of changed regions into SOLID_RECT / PALETTE / QOIZ / LZ4
 * ({@link org.svp.server.encode.EncodeManager}) and frames with a palette-cache variant
 * ({@link org.svp.server.encode.WireFrame}). Called on the encoder workers and, for resync bands, on
 * the I/O thread.
 */
package org.svp.server.encode;
