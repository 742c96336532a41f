/**
 * Netty glue for the SVP v1 wire format: {@link org.svp.netty.SvpFrameDecoder} turns bytes into
 * {@link org.svp.protocol.message.Message} records (or {@link org.svp.netty.MalformedMessage} for a
 * well-framed message with a bad body), {@link org.svp.netty.SvpMessageEncoder} and
 * {@link org.svp.netty.Frames} turn records into frames. Every handler here runs on its channel's
 * event loop; {@link org.svp.netty.Frames} may also be called from encoder worker threads.
 */
package org.svp.netty;
