/** Codec ZSTREAM (8): RGB24 through one zstd stream per display connection, with memory across bitmaps. */
package org.svp.codec.zstream;
