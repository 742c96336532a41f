package org.svp.extpack;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The extension pack's member names and VirtualBox's rules for them (shared/spec/vrde.md §8): relative,
 * 7-bit ASCII without control characters, none of {@code \ ' " : ; * ? | [ ] < > ( ) { }}, no
 * {@code ..}, at most 128 characters. Stateless; used by the builder and by the tests that check a pack.
 */
public final class PackMembers {
    /** The descriptor. */
    public static final String XML = "ExtPack.xml";
    /** SHA256 lines for every other member. */
    public static final String MANIFEST = "ExtPack.manifest";
    /** Not verified by VirtualBox; present because it is mandatory. */
    public static final String SIGNATURE = "ExtPack.signature";
    /** The licence shown by {@code VBoxManage extpack install}. */
    public static final String LICENSE = "ExtPack-license.txt";
    /** Host directory for Linux x86-64 modules. */
    public static final String ARCH_DIR = "linux.amd64";
    /** The main module's base name (ExtPack.xml {@code MainModule}). */
    public static final String MAIN_MODULE = "SVPMain";
    /** The VRDE module's base name (ExtPack.xml {@code VRDEModule}). */
    public static final String VRDE_MODULE = "SVPVRDE";
    /** Where the module looks for the server jar: {@code <pack>/svp.jar}. */
    public static final String JAR = "svp.jar";
    /** Where the module looks for the Java runtime: {@code <pack>/linux.amd64/runtime/bin/java}. */
    public static final String RUNTIME_DIR = ARCH_DIR + "/runtime";
    /** The pack's name (ExtPack.xml {@code Name}). */
    public static final String NAME = "SVP";
    /** Members every pack must have. */
    public static final List<String> MANDATORY = List.of(XML, MANIFEST, SIGNATURE);

    private static final Pattern FORBIDDEN = Pattern.compile("[\\\\'\":;*?|\\[\\]<>(){}]");
    /** ExtPack.xml Version: digits and dots, optionally -/_ and uppercase letters, digits, -, _. */
    public static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+)*([-_][A-Z0-9_-]+)?");

    private PackMembers() {
    }

    /**
     * @param name a member name as stored (with or without a leading {@code ./})
     * @return why VirtualBox would refuse it, or null when it is fine
     */
    public static String problem(String name) {
        String n = name.startsWith("./") ? name.substring(2) : name;
        if (name.length() > 128) {
            return "longer than 128 characters";
        }
        if (n.startsWith("/")) {
            return "absolute";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return "not printable 7-bit ASCII";
            }
        }
        if (FORBIDDEN.matcher(name).find()) {
            return "contains one of \\ ' \" : ; * ? | [ ] < > ( ) { }";
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return "contains ..";
            }
        }
        return null;
    }

    /** @return the file name for a version: {@code SVP-<version>.vbox-extpack} */
    public static String fileName(String version) {
        return NAME + "-" + version + ".vbox-extpack";
    }
}
