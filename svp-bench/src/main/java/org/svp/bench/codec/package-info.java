/** {@code ./svp bench codecs}: the JMH micro-benchmark of every codec on sample desktop tiles. */
package org.svp.bench.codec;
