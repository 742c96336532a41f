package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * GRAPHIC_CONFIG (id 33, 4+n bytes): uint32 n, n bytes of INI text (no NUL). Kept as text decoded
 * ISO-8859-1, so every byte round-trips.
 *
 * @param iniText the INI text, e.g. {@code [general] prefercodec = 1}
 */
public record GraphicConfig(String iniText) implements Message {
    @Override
    public Command command() {
        return Command.GRAPHIC_CONFIG;
    }
}
