/** Codec PALETTE (3): indexed colour + zstd, with the bounded palette cache both ends keep in step. */
package org.svp.codec.palette;
