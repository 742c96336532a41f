package org.svp.source.vrde.control;

/** What the module says; called on the "svp-vrde-control" reader thread, in arrival order. */
public interface ControlListener {
    void helloAck(int version, int generation);

    void logonResult(int requestId, int status);

    void disconnectClient(int clientId, boolean reconnect);

    void shutdown();

    /** @param why the control connection ended (EOF or an error); nothing follows */
    void lost(String why);
}
