package org.svp.vrde.sim.host;

/**
 * A callback other than input that the simulator records: logon, connect, disconnect, video-mode hint,
 * bind-port report.
 *
 * @param nanoTime when it arrived
 * @param kind {@code logon}, {@code connect}, {@code disconnect}, {@code video-mode-hint}, {@code bind-port}, {@code client-status}
 * @param detail a short text: the client id, the size, the port
 */
public record HostEvent(long nanoTime, String kind, String detail) {
    /** @return {@code kind detail}, one line for the console */
    public String describe() {
        return kind + " " + detail;
    }
}
