/**
 * Congestion control per display client (docs/architecture.md "Congestion control"): FLOW_PING /
 * FLOW_PONG round trips measure RTT and delivery rate ({@link org.svp.server.flow.CongestionWindow}),
 * the bytes in flight are held under a delay-based window, and {@link org.svp.server.flow.LinkEstimate}
 * tells other policies (lossy quality) what the link carries. Everything here runs on svp-io.
 */
package org.svp.server.flow;
