package org.svp.protocol;

import java.util.Locale;

/**
 * The v1 codec settings carried as INI text in GRAPHIC_CONFIG (protocol.md §7):
 * {@code [general] prefercodec = 0/1/255} and {@code [lz4] highcompression = 0/1}.
 *
 * @param preferCodec RAW 0, LZ4 1 or AUTO 255 (see {@link CodecId})
 * @param lz4HighCompression whether the client asked for LZ4-HC (a hint; we may ignore it)
 */
public record GraphicSettings(int preferCodec, boolean lz4HighCompression) {

    /** What a server assumes before a client sends GRAPHIC_CONFIG: RAW, as the v1 server did. */
    public static final GraphicSettings V1_DEFAULT = new GraphicSettings(CodecId.RAW, false);

    /**
     * Parses the INI text leniently: unknown sections and keys are ignored, a malformed value keeps
     * the default. Never throws for peer text.
     *
     * @param ini the text of a GRAPHIC_CONFIG
     * @return the settings found, defaults for the rest
     */
    public static GraphicSettings parse(String ini) {
        int codec = V1_DEFAULT.preferCodec;
        boolean hc = false;
        String section = "";
        for (String raw : ini.split("\r?\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            try {
                if (section.equals("general") && key.equals("prefercodec")) {
                    codec = Integer.parseInt(value);
                } else if (section.equals("lz4") && key.equals("highcompression")) {
                    hc = Integer.parseInt(value) != 0;
                }
            } catch (NumberFormatException e) {
                // a v1 peer's typo keeps the default; the server logs the whole text at debug level
            }
        }
        return new GraphicSettings(codec, hc);
    }

    /** @return the INI text a client sends, in the layout of the v1 client */
    public String toIni() {
        return "\n[general]\nprefercodec = " + preferCodec + "\n\n[lz4]\nhighcompression = " + (lz4HighCompression ? 1 : 0)
                + "\n";
    }
}
