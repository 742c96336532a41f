/** Typed SVP errors: whose fault ({@code PeerProtocolException}, {@code UpstreamException}) and what ({@code SvpStatus}). */
package org.svp.protocol.error;
