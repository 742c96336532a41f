/** Codec MEDZ (5): LOCO-I's median predictor per colour plane, then zstd; the lossless photo coder. */
package org.svp.codec.med;
