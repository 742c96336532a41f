/** Little-endian readers and writers that turn SVP messages into exact v1 bytes and back. */
package org.svp.protocol.wire;
