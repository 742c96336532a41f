/** What the server and the clients share about TLS: the enabled versions, the fingerprint spelling. */
package org.svp.netty.tls;
