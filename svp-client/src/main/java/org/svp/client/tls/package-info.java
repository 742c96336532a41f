/** The client's TLS: SslHandler on every channel, trust on first use with pins in known-servers. */
package org.svp.client.tls;
