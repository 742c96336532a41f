/**
 * {@code svp bench link}: a slow link on loopback (a throttling proxy: rate and one-way delay per
 * direction, an eagerly reading buffer as a bloated router has), a source that keeps changing the screen
 * and paints a marker per key, and the numbers: input-to-screen latency, throughput, frames delivered,
 * convergence after the changes stop.
 */
package org.svp.bench.link;
