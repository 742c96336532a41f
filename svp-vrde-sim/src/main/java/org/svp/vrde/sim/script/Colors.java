package org.svp.vrde.sim.script;

import java.util.Map;

/** Parses script values: colours, ROP3 and ROP2 codes by name or number. Stateless. */
final class Colors {
    private static final Map<String, Integer> ROP3 = Map.ofEntries(
            Map.entry("BLACKNESS", 0x00), Map.entry("NOTSRCERASE", 0x11), Map.entry("NOTSRCCOPY", 0x33),
            Map.entry("SRCERASE", 0x44), Map.entry("DSTINVERT", 0x55), Map.entry("PATINVERT", 0x5A),
            Map.entry("SRCINVERT", 0x66), Map.entry("SRCAND", 0x88), Map.entry("MERGEPAINT", 0xBB),
            Map.entry("MERGECOPY", 0xC0), Map.entry("SRCCOPY", 0xCC), Map.entry("SRCPAINT", 0xEE),
            Map.entry("PATCOPY", 0xF0), Map.entry("PATPAINT", 0xFB), Map.entry("WHITENESS", 0xFF));
    private static final Map<String, Integer> ROP2 = Map.ofEntries(
            Map.entry("BLACK", 1), Map.entry("NOTMERGEPEN", 2), Map.entry("MASKNOTPEN", 3), Map.entry("NOTCOPYPEN", 4),
            Map.entry("MASKPENNOT", 5), Map.entry("NOT", 6), Map.entry("XORPEN", 7), Map.entry("NOTMASKPEN", 8),
            Map.entry("MASKPEN", 9), Map.entry("NOTXORPEN", 10), Map.entry("NOP", 11), Map.entry("MERGENOTPEN", 12),
            Map.entry("COPYPEN", 13), Map.entry("MERGEPENNOT", 14), Map.entry("MERGEPEN", 15), Map.entry("WHITE", 16));

    private Colors() {
    }

    /** @return {@code 0x00RRGGBB} from {@code RRGGBB} or {@code #RRGGBB} */
    static int parse(String s) {
        String h = s.startsWith("#") ? s.substring(1) : s;
        if (!h.matches("[0-9A-Fa-f]{6}")) {
            throw new IllegalArgumentException("'" + s + "' is not a colour RRGGBB");
        }
        return Integer.parseInt(h, 16);
    }

    /** @return a ROP3 from a name (SRCCOPY …) or a number (0xCC, 204) */
    static int rop3(String s) {
        Integer v = ROP3.get(s.toUpperCase(java.util.Locale.ROOT));
        return v != null ? v : number(s, 0, 255, "ROP3");
    }

    /** @return a ROP2 mix 1..16 from a name (COPYPEN, XORPEN …) or a number */
    static int rop2(String s) {
        Integer v = ROP2.get(s.toUpperCase(java.util.Locale.ROOT));
        return v != null ? v : number(s, 1, 16, "ROP2 mix");
    }

    /** @return an int in [min, max], decimal or 0x hex */
    static int number(String s, int min, int max, String what) {
        int v;
        try {
            v = s.startsWith("0x") || s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a number (" + what + ")");
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " " + v + " is not in " + min + ".." + max);
        }
        return v;
    }
}
