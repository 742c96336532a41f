package org.svp.vrde.sim.host;

import java.util.Map;

/**
 * What the simulated VirtualBox answers when the module asks (VRDECallbackProperty), and how it
 * answers a logon.
 *
 * @param ports {@code TCP/Ports}, e.g. {@code "5678"} or {@code "3000,3010-3012"}
 * @param address {@code TCP/Address}; empty = every interface
 * @param logonStatus what ClientLogon returns (≥ 0 accepts, e.g. {@link VrdeAbi#VERR_ACCESS_DENIED} refuses)
 * @param extraProperties other VRDE properties, answered through {@code VRDE_QP_FEATURE "Property/<key>"}
 */
public record HostConfig(String ports, String address, int logonStatus, Map<String, String> extraProperties) {
    public HostConfig {
        extraProperties = Map.copyOf(extraProperties);
    }

    /**
     * @param ports {@code TCP/Ports}
     * @return loopback only, logons accepted
     */
    public static HostConfig loopback(String ports) {
        return new HostConfig(ports, "127.0.0.1", VrdeAbi.VINF_SUCCESS, Map.of());
    }

    /**
     * @param key a VRDE property key
     * @return its value, empty when unset (Main answers unset keys with an empty string)
     */
    public String property(String key) {
        return switch (key) {
            case "TCP/Ports" -> ports;
            case "TCP/Address" -> address;
            default -> extraProperties.getOrDefault(key, "");
        };
    }

    /**
     * @param status the new ClientLogon result
     * @return a copy
     */
    public HostConfig withLogonStatus(int status) {
        return new HostConfig(ports, address, status, extraProperties);
    }
}
