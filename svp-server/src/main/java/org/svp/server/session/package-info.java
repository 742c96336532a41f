/** Connected clients: the channel hand-shake, per-client output queues, bitmap bookkeeping and catch-up. */
package org.svp.server.session;
