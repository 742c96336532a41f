package org.svp.protocol.message;

/**
 * One entry of CAPABILITIES: {u16 id, u16 version}.
 *
 * @param id capability id ({@link org.svp.protocol.CapabilityId})
 * @param version the version of it the sender speaks
 */
public record Capability(int id, int version) {
    public Capability {
        if (id < 0 || id > 0xFFFF || version < 0 || version > 0xFFFF) {
            throw new IllegalArgumentException("capability id and version are u16, got " + id + "/" + version);
        }
    }
}
