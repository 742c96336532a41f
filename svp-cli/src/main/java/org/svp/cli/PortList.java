package org.svp.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --ports LIST}: comma-separated ports and ranges ("3389", "5000,5010-5012"), VirtualBox's
 * {@code TCP/Ports} syntax; "0" means 3389 as in VirtualBox.
 */
final class PortList {
    /** More candidates than anyone needs; keeps a typo like 1-65535 cheap. */
    private static final int MAX = 1024;

    private PortList() {
    }

    /**
     * @param cmd for usage errors
     * @param list the option's value, or null
     * @return the candidate base ports in order (empty when the option is absent)
     */
    static List<Integer> parse(CommandLine cmd, String list) {
        List<Integer> out = new ArrayList<>();
        if (list == null || list.isBlank()) {
            return out;
        }
        for (String part : list.split(",")) {
            String p = part.trim();
            try {
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).trim());
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).trim());
                if (from == 0 && to == 0) {
                    from = to = 3389;
                }
                if (from < 1 || to > 65535 || to < from) {
                    throw new NumberFormatException();
                }
                for (int port = from; port <= to && out.size() < MAX; port++) {
                    out.add(port);
                }
            } catch (NumberFormatException e) {
                throw new ParameterException(cmd, "--ports '" + list + "': '" + p
                        + "' is not a port 1-65535 or a range LOW-HIGH");
            }
        }
        return out;
    }
}
