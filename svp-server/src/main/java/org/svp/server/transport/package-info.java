/** The server's transport: TLS or plain SVP on the same ports, certificates. */
package org.svp.server.transport;
