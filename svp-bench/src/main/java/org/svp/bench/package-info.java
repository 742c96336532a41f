/** Benchmarks that print numbers: {@code svp bench pipeline} (server → client over loopback). */
package org.svp.bench;
