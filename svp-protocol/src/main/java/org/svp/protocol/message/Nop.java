package org.svp.protocol.message;

import org.svp.protocol.Command;

/** NOP (id 0): any body, ignored by receivers; we send it with an empty body. */
public record Nop() implements Message {
    @Override
    public Command command() {
        return Command.NOP;
    }
}
