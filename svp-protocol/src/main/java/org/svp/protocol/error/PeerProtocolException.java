package org.svp.protocol.error;

import org.svp.protocol.Command;

/**
 * The other side sent bytes that break protocol.md. Carries the message id and the byte offset (in the
 * message body, or in the header for framing errors) so that a log line says exactly where.
 */
public final class PeerProtocolException extends SvpException {
    private final int commandId;
    private final int offset;

    /**
     * @param status what is wrong
     * @param commandId the header's cmd, or -1 when the header itself is bad
     * @param offset byte offset of the bad field in the body (or header), -1 if not applicable
     * @param detail what was expected and what was found
     */
    public PeerProtocolException(SvpStatus status, int commandId, int offset, String detail) {
        super(status, format(status, commandId, offset, detail), null);
        this.commandId = commandId;
        this.offset = offset;
    }

    private static String format(SvpStatus status, int commandId, int offset, String detail) {
        StringBuilder sb = new StringBuilder(status.name());
        if (commandId >= 0) {
            sb.append(" in ")
                    .append(Command.fromWireId(commandId).map(Enum::name).orElse("cmd"))
                    .append(" (id ")
                    .append(commandId)
                    .append(')');
        }
        if (offset >= 0) {
            sb.append(" at offset ").append(offset);
        }
        return sb.append(": ").append(detail).toString();
    }

    /** @return the message id, -1 for header errors */
    public int commandId() {
        return commandId;
    }

    /** @return the offset of the bad field, -1 if none */
    public int offset() {
        return offset;
    }
}
