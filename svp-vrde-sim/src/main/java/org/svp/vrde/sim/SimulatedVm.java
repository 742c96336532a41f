package org.svp.vrde.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.svp.vrde.sim.guest.GuestScreen;
import org.svp.vrde.sim.host.HostConfig;
import org.svp.vrde.sim.host.VrdeAbi;
import org.svp.vrde.sim.host.VrdeHost;

/**
 * A VM with VRDE switched on, as VirtualBox runs one: VBoxSVC's probe (load, read
 * {@code VRDESupportedProperties}, unload), then the VM process's load, {@code VRDECreateServer} with
 * a v4 callback table (v3, then v1 on {@code VERR_VERSION_MISMATCH}, as Main retries),
 * {@code VRDEEnableConnections(true)} and a guest screen. Used by {@code svp vrde-sim},
 * {@code svp bench vrde} and the integration tests; one guest thread drives {@link #screen()}.
 */
public final class SimulatedVm implements AutoCloseable {
    private final List<String> properties;
    private final VrdeHost host;
    private final GuestScreen screen;
    private final int interfaceVersion;

    private SimulatedVm(List<String> properties, VrdeHost host, GuestScreen screen, int interfaceVersion) {
        this.properties = properties;
        this.host = host;
        this.screen = screen;
        this.interfaceVersion = interfaceVersion;
    }

    /**
     * Probes, loads and starts the module with a black screen.
     *
     * @param module the VRDE module (inside an unpacked extension pack, so it finds its Java runtime)
     * @param config what the host answers (ports, address, logon)
     * @param width screen columns
     * @param height screen rows
     * @param bpp 32, 24, 16 or 8
     * @return the running VM
     * @throws IllegalStateException when the module cannot be loaded or refuses to create a server
     */
    public static SimulatedVm start(Path module, HostConfig config, int width, int height, int bpp) {
        List<String> props = VrdeHost.probe(module);
        VrdeHost host = VrdeHost.load(module);
        GuestScreen screen = null;
        try {
            screen = new GuestScreen(host, width, height, bpp);
            int version = 0;
            int rc = VrdeAbi.VERR_VERSION_MISMATCH;
            for (int v : new int[] {4, 3, 1}) {
                rc = host.create(v, config, screen.framebuffer());
                if (rc != VrdeAbi.VERR_VERSION_MISMATCH) {
                    version = v;
                    break;
                }
            }
            if (rc < 0) {
                throw new IllegalStateException("VRDECreateServer failed with status " + rc);
            }
            host.enableConnections(true);
            return new SimulatedVm(props, host, screen, version);
        } catch (RuntimeException e) {
            host.close();
            if (screen != null) {
                screen.close();
            }
            throw e;
        }
    }

    /** @return what VRDESupportedProperties listed at the probe */
    public List<String> properties() {
        return properties;
    }

    /** @return the module as loaded for the server instance */
    public VrdeHost host() {
        return host;
    }

    /** @return the guest's screen */
    public GuestScreen screen() {
        return screen;
    }

    /** @return the interface version the module accepted (4 for SVP's) */
    public int interfaceVersion() {
        return interfaceVersion;
    }

    /**
     * @param timeout how long the Java server may take to start and bind
     * @return the port the module reported through VRDE_SP_NETWORK_BIND_PORT
     */
    public int awaitPort(Duration timeout) throws InterruptedException {
        return host.recorder().awaitBoundPort(timeout);
    }

    /** VRDEDestroy, unload, free the framebuffer. */
    @Override
    public void close() {
        try {
            host.close();
        } finally {
            screen.close();
        }
    }
}
