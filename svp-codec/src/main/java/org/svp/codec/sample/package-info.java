/** Sample desktop tiles (recorded from an X server, and seeded synthetic ones) for codec tests and benchmarks. */
package org.svp.codec.sample;
