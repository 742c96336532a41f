package org.svp.protocol.message;

/**
 * A message of a protocol extension (ids 100–999, docs/protocol.md "protocol v2"). Such messages are
 * encoded and decoded by the {@link org.svp.protocol.wire.MessageCodec} registered for their id in
 * {@link org.svp.protocol.wire.MessageRegistry}, not by the v1 switch; a later extension adds a
 * record implementing this interface and registers its codec, nothing else.
 */
public non-sealed interface ExtensionMessage extends Message {
}
