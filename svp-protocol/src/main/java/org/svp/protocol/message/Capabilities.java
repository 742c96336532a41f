package org.svp.protocol.message;

import java.util.List;
import org.svp.protocol.Command;

/**
 * CAPABILITIES (id 100, v2): u16 count, then count × {u16 id, u16 version}. The client's list says what
 * it speaks; the server's answer holds each id both support with the lower version.
 *
 * @param entries the list, in the sender's order
 */
public record Capabilities(List<Capability> entries) implements ExtensionMessage {
    /** A list longer than this is refused: there are three ids today. */
    public static final int MAX_ENTRIES = 1024;

    public Capabilities {
        entries = List.copyOf(entries);
        if (entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("at most " + MAX_ENTRIES + " capabilities, got " + entries.size());
        }
    }

    /**
     * @param id a capability id
     * @return its version in this list, or 0 if absent
     */
    public int version(int id) {
        return entries.stream().filter(c -> c.id() == id).mapToInt(Capability::version).findFirst().orElse(0);
    }

    @Override
    public Command command() {
        return Command.CAPABILITIES;
    }
}
