/**
 * Client input to X: set-1 scancodes to X keycodes, and v1 mouse events to XTest pointer motion,
 * button and wheel events. The {@link org.svp.source.InputSink} side runs on the server's I/O thread
 * and only queues; the X side runs on "svp-x11".
 */
package org.svp.source.x11.input;
