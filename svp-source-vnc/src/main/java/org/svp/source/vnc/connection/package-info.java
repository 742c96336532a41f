/**
 * The Netty side: one connection to the upstream (hand-shake, security, normal phase) on the
 * event loop thread "svp-vnc", and the reconnect loop around it.
 */
package org.svp.source.vnc.connection;
