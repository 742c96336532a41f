package org.svp.source.x11.xlib;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.error.UpstreamException;

/**
 * One open X display with the extensions the source needs: DAMAGE, MIT-SHM, XFIXES and XTEST
 * (required) and RANDR (optional). Opened by the source's {@code start} (so a missing extension fails
 * the start with a message naming it), then used only by the "svp-x11" thread; closed by that thread.
 */
public final class XConnection implements AutoCloseable {
    private final String name;
    private final Xlib xlib;
    private final MemorySegment dpy;
    private final int screen;
    private final long root;
    private final XDamage damage;
    private final XShm shm;
    private final XFixes fixes;
    private final XTest test;
    private final XRandr randr;
    private volatile boolean lost;
    private volatile Runnable onLostWithoutReturn = () -> { };

    private XConnection(String name, Xlib xlib, MemorySegment dpy) {
        this.name = name;
        this.xlib = xlib;
        this.dpy = dpy;
        XIoErrors.register(this);
        this.screen = xlib.defaultScreen(dpy);
        this.root = xlib.rootWindow(dpy, screen);
        this.damage = XDamage.probe(dpy);
        this.shm = XShm.probe(dpy);
        this.fixes = XFixes.probe(dpy);
        this.test = XTest.probe(dpy);
        this.randr = XRandr.probe(dpy);
    }

    /**
     * Opens a display and checks its extensions.
     *
     * @param name e.g. ":1" or "localhost:1"
     * @return the connection
     * @throws UpstreamException if it cannot be opened or lacks a required extension (the message
     *     names the display and the extensions)
     */
    public static XConnection open(String name) {
        Xlib xlib = new Xlib();
        MemorySegment dpy = xlib.openDisplay(name);
        if (dpy.equals(MemorySegment.NULL)) {
            throw new UpstreamException("cannot open X display " + name
                    + " (is an X server running there, and may we connect? check XAUTHORITY)", null);
        }
        XConnection c;
        try {
            c = new XConnection(name, xlib, dpy);
        } catch (RuntimeException e) {
            XIoErrors.unregisterDisplay(dpy);
            xlib.closeDisplay(dpy);
            throw e;
        }
        List<String> missing = new ArrayList<>();
        if (c.damage == null) {
            missing.add("DAMAGE");
        }
        if (c.shm == null) {
            missing.add("MIT-SHM");
        }
        if (c.fixes == null) {
            missing.add("XFIXES");
        }
        if (c.test == null) {
            missing.add("XTEST");
        }
        if (!missing.isEmpty()) {
            c.close();
            throw new UpstreamException("X display " + name + " lacks the " + String.join(", ", missing)
                    + " extension" + (missing.size() > 1 ? "s" : "") + ", which the X11 source needs", null);
        }
        return c;
    }

    /** @return the display name it was opened with */
    public String name() {
        return name;
    }

    /** @return libX11 */
    public Xlib xlib() {
        return xlib;
    }

    /** @return the {@code Display*} */
    public MemorySegment display() {
        return dpy;
    }

    /** @return the default screen number */
    public int screen() {
        return screen;
    }

    /** @return the root window */
    public long root() {
        return root;
    }

    /** @return DAMAGE */
    public XDamage damage() {
        return damage;
    }

    /** @return MIT-SHM */
    public XShm shm() {
        return shm;
    }

    /** @return XFIXES */
    public XFixes fixes() {
        return fixes;
    }

    /** @return XTEST */
    public XTest test() {
        return test;
    }

    /** @return RANDR, or null if absent */
    public XRandr randr() {
        return randr;
    }

    /** @return {width, height} of the root window (a round trip) */
    public int[] rootSize() {
        int[] g = xlib.geometry(dpy, root);
        return new int[] {g[0], g[1]};
    }

    /** @return whether the connection broke (the X server exited or was killed); any thread */
    public boolean lost() {
        return lost;
    }

    /**
     * @param cause what failed on the broken connection, or null
     * @return the error that says this display was lost
     */
    public UpstreamException lostError(Throwable cause) {
        return new UpstreamException("lost the X display " + name
                + ": the connection to the X server broke (the server exited or was killed)", cause);
    }

    /**
     * @param action run on the X thread if the connection breaks and this libX11 cannot return from
     *     it (older than 1.7; see {@link XIoErrors}); the thread never comes back afterwards
     */
    public void onLostWithoutReturn(Runnable action) {
        onLostWithoutReturn = action;
    }

    void markLost() {
        lost = true;
    }

    void onLostWithoutReturn() {
        onLostWithoutReturn.run();
    }

    /** Closes the display (also after it was lost: Xlib then only frees its memory). */
    @Override
    public void close() {
        XIoErrors.unregister(this);
        xlib.closeDisplay(dpy);
    }
}
