/** The control socket to the VRDE module: message framing, a non-blocking writer, a reader thread. */
package org.svp.source.vrde.control;
