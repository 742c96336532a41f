/**
 * The path of a source update through the server: the bounded source queue, the encoder workers and
 * the in-order dispatch on the I/O thread.
 */
package org.svp.server.update;
