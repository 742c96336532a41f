/**
 * What bounds a peer's reach into the server: hand-shake and partial-message timeouts, connection
 * caps, per-channel message size limits, the input rate limit and per-connection log rate limiting
 * (docs/security.md, "Limits and timeouts"). Everything here runs on the I/O thread.
 */
package org.svp.server.limits;
