package org.svp.extpack;

/**
 * Writes ExtPack.xml (spec §8): root {@code VirtualBoxExtensionPack version="1.0"}, Name, Description,
 * Version, MainModule, VRDEModule. Stateless.
 */
final class Descriptor {
    static final String DESCRIPTION = "SVP remote display for VirtualBox: a VRDE server that serves the VM's screen to SVP viewers.";

    private Descriptor() {
    }

    /**
     * @param version the build's version (must match {@link PackMembers#VERSION})
     * @return the XML text
     * @throws IllegalArgumentException for a version VirtualBox would refuse
     */
    static String xml(String version) {
        if (!PackMembers.VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version '" + version + "' is not valid for an extension pack"
                    + " (digits and dots, optionally -/_ and uppercase letters, digits, -, _)");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <VirtualBoxExtensionPack xmlns="http://www.virtualbox.org/VirtualBoxExtensionPack" version="1.0">
                  <Name>%s</Name>
                  <Description>%s</Description>
                  <Version>%s</Version>
                  <MainModule>%s</MainModule>
                  <VRDEModule>%s</VRDEModule>
                </VirtualBoxExtensionPack>
                """.formatted(PackMembers.NAME, DESCRIPTION, version, PackMembers.MAIN_MODULE, PackMembers.VRDE_MODULE);
    }
}
