/** The shared-memory ring written by the VRDE module: header layout, record reading, the wake FIFO. */
package org.svp.source.vrde.ring;
