/** SCRAM-SHA-256 (RFC 5802 / RFC 7677) on the JDK's crypto only: the client side and the server's check. */
package org.svp.protocol.auth;
