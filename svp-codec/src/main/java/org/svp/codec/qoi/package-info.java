/** Codec QOIZ (4): the QOI op stream over RGB pixels, then zstd; the general lossless coder. */
package org.svp.codec.qoi;
