package org.svp.source.vnc.rfb;

/**
 * What the {@link ServerMessageDecoder} found, in wire order. Called on the thread that feeds the
 * decoder (the "svp-vnc" event loop); the byte arrays handed over belong to the listener.
 */
public interface UpdateListener {
    /** A FramebufferUpdate begins (its first bytes arrived). */
    void updateStarted();

    /**
     * Decoded pixels of one rectangle, already checked to lie inside the framebuffer.
     *
     * @param encoding the encoding it came in (for statistics)
     * @param bgrx w × h pixels, 4 bytes each (B, G, R, X), rows top first: SVP's RGB32
     */
    void pixels(int encoding, int x, int y, int w, int h, byte[] bgrx);

    /** CopyRect: the w×h area at (srcX, srcY) is copied to (x, y); both inside the framebuffer. */
    void copy(int x, int y, int w, int h, int srcX, int srcY);

    /**
     * The framebuffer now has this size (DesktopSize, or an ExtendedDesktopSize with status 0).
     *
     * @param screenId the first screen's id from ExtendedDesktopSize, or -1
     */
    void resized(int width, int height, int screenId);

    /**
     * An ExtendedDesktopSize rectangle arrived: the server supports SetDesktopSize.
     *
     * @param reason 0 server, 1 this client's request, 2 another client's
     * @param status 0 ok, 1 prohibited, 2 out of resources, 3 invalid screen layout
     */
    void extendedDesktopSize(int reason, int status, int width, int height);

    /**
     * A rich cursor (the Cursor pseudo-encoding).
     *
     * @param bgrx w × h pixels
     * @param mask ((w + 7) / 8) × h bytes, most significant bit first; 1 = the pixel is shown
     */
    void cursor(int hotX, int hotY, int w, int h, byte[] bgrx, byte[] mask);

    /** The server acknowledged QEMU's Extended Key Event (pseudo-encoding -258). */
    void qemuExtendedKeys();

    /** The FramebufferUpdate is complete (every rectangle decoded). */
    void updateFinished();
}
