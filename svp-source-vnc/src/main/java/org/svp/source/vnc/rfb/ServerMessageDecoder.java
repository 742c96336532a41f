package org.svp.source.vnc.rfb;

import org.svp.protocol.error.UpstreamException;

/**
 * The normal phase of an RFB connection, server to client (RFC 6143 §7.6): FramebufferUpdate with its
 * rectangles in every requested encoding, SetColourMapEntries and ServerCutText (read and dropped),
 * Bell (ignored). Feed it whatever has arrived with {@link #decodeAvailable}; it decodes whole units
 * (a message header, a rectangle, a Hextile tile) and keeps the rest for the next call.
 *
 * <p>Hostile input: every rectangle is checked against the framebuffer before anything is allocated,
 * the framebuffer is at most {@value #MAX_SIDE} pixels a side and {@value #MAX_PIXELS} pixels, cursors
 * at most {@value #MAX_CURSOR} a side, and anything else out of line is an {@link UpstreamException}
 * with a one-line message (the connection is then dropped). The zlib streams live here, one decoder
 * per connection. Thread: the one feeding it ("svp-vnc").
 */
public final class ServerMessageDecoder {
    /** The widest or tallest framebuffer accepted. */
    public static final int MAX_SIDE = 16384;
    /** The most pixels a framebuffer may have (128 MiB of RGB32). */
    public static final int MAX_PIXELS = 1 << 25;
    /** The largest cursor side accepted (SVP's cursor channel limit). */
    public static final int MAX_CURSOR = 256;
    /** The longest ZRLE rectangle accepted, compressed. */
    static final int MAX_ZRLE_BYTES = 64 << 20;
    /** The longest cut text skipped before giving up on the server. */
    static final long MAX_CUT_TEXT = 64L << 20;

    private final UpdateListener listener;
    private final ZrleDecoder zrle = new ZrleDecoder();
    private final TightDecoder tight = new TightDecoder();
    private final HextileDecoder hextile = new HextileDecoder();
    private int width;
    private int height;
    /** Rectangles still to come in the current FramebufferUpdate; 0 between updates. */
    private int rectsLeft;
    /** Where the Hextile rectangle being decoded goes, or null. */
    private int[] hextileRect;
    /** Cut-text bytes still to skip. */
    private long skipLeft;

    /**
     * @param width the framebuffer width from ServerInit
     * @param height its height
     * @param listener where decoded updates go
     */
    public ServerMessageDecoder(int width, int height, UpdateListener listener) {
        checkSize(width, height, "ServerInit");
        this.width = width;
        this.height = height;
        this.listener = listener;
    }

    /** @throws UpstreamException if w × h is no framebuffer we serve */
    public static void checkSize(int w, int h, String where) {
        if (w < 1 || h < 1 || w > MAX_SIDE || h > MAX_SIDE || (long) w * h > MAX_PIXELS) {
            throw Malformed.of(where + " framebuffer size " + w + "x" + h + " (at most " + MAX_SIDE + " a side, "
                    + MAX_PIXELS + " pixels)");
        }
    }

    /**
     * Decodes every complete unit in {@code in}; stops at the first incomplete one, leaving the reader
     * at its start.
     *
     * @throws UpstreamException if the server broke the protocol
     */
    public void decodeAvailable(RfbIn in) {
        while (in.available() > 0) {
            int mark = in.mark();
            try {
                unit(in);
            } catch (NeedMore e) {
                in.rewind(mark);
                return;
            }
        }
    }

    private void unit(RfbIn in) {
        if (skipLeft > 0) {
            int n = (int) Math.min(skipLeft, in.available());
            in.skip(n);
            skipLeft -= n;
        } else if (hextileRect != null) {
            hextile.tile(in);
            if (hextile.done()) {
                int[] r = hextileRect;
                hextileRect = null;
                listener.pixels(Encodings.HEXTILE, r[0], r[1], r[2], r[3], hextile.take());
                rectDone();
            }
        } else if (rectsLeft > 0) {
            rect(in);
        } else {
            message(in);
        }
    }

    private void message(RfbIn in) {
        int type = in.u8();
        switch (type) {
            case 0 -> {
                in.u8();
                int n = in.u16();
                listener.updateStarted();
                rectsLeft = n;
                if (n == 0) {
                    listener.updateFinished();
                }
            }
            case 1 -> {
                in.u8();
                in.u16();
                int n = in.u16();
                in.skip(n * 6);
            }
            case 2 -> {
                // Bell: nothing to show
            }
            case 3 -> {
                in.skip(3);
                long len = in.u32();
                if (len > MAX_CUT_TEXT) {
                    throw Malformed.of("ServerCutText of " + len + " bytes");
                }
                skipLeft = len;
            }
            default -> throw Malformed.of("server message type " + type + " (not one this client asked for)");
        }
    }

    private void rect(RfbIn in) {
        int x = in.u16();
        int y = in.u16();
        int w = in.u16();
        int h = in.u16();
        int encoding = in.s32();
        switch (encoding) {
            case Encodings.RAW -> {
                inside(x, y, w, h, "Raw");
                in.need((long) w * h * PixelFormat32.BYTES); // before allocating: this unit is retried as bytes arrive
                byte[] px = in.bytes(w * h * PixelFormat32.BYTES);
                pixels(Encodings.RAW, x, y, w, h, px);
            }
            case Encodings.COPY_RECT -> {
                inside(x, y, w, h, "CopyRect");
                int sx = in.u16();
                int sy = in.u16();
                inside(sx, sy, w, h, "CopyRect source");
                if (w > 0 && h > 0) {
                    listener.copy(x, y, w, h, sx, sy);
                }
                rectDone();
            }
            case Encodings.HEXTILE -> {
                inside(x, y, w, h, "Hextile");
                if (w == 0 || h == 0) {
                    rectDone();
                } else {
                    hextile.begin(w, h);
                    hextileRect = new int[] {x, y, w, h};
                }
            }
            case Encodings.ZRLE -> {
                inside(x, y, w, h, "ZRLE");
                long len = in.u32();
                if (len > MAX_ZRLE_BYTES) {
                    throw Malformed.of("ZRLE rectangle of " + len + " bytes");
                }
                byte[] compressed = in.bytes((int) len);
                pixels(Encodings.ZRLE, x, y, w, h, w == 0 || h == 0 ? new byte[0] : zrle.decode(compressed, w, h));
            }
            case Encodings.TIGHT -> {
                inside(x, y, w, h, "Tight");
                pixels(Encodings.TIGHT, x, y, w, h, w == 0 || h == 0 ? new byte[0] : tight.decode(in, w, h));
            }
            case Encodings.DESKTOP_SIZE -> {
                checkSize(w, h, "DesktopSize");
                resize(w, h, -1);
                rectDone();
            }
            case Encodings.EXTENDED_DESKTOP_SIZE -> extendedDesktopSize(in, x, y, w, h);
            case Encodings.CURSOR -> cursor(in, x, y, w, h);
            case Encodings.QEMU_EXTENDED_KEY_EVENT -> {
                listener.qemuExtendedKeys();
                rectDone();
            }
            case Encodings.LAST_RECT -> {
                rectsLeft = 1;
                rectDone();
            }
            default -> throw Malformed.of("rectangle encoding " + encoding + " (not one this client asked for)");
        }
    }

    private void extendedDesktopSize(RfbIn in, int reason, int status, int w, int h) {
        int screens = in.u8();
        in.skip(3);
        in.need(screens * 16L);
        int firstId = -1;
        for (int i = 0; i < screens; i++) {
            long id = in.u32();
            in.skip(12);
            if (i == 0) {
                firstId = (int) id;
            }
        }
        listener.extendedDesktopSize(reason, status, w, h);
        if (status == 0) {
            checkSize(w, h, "ExtendedDesktopSize");
            resize(w, h, firstId);
        }
        rectDone();
    }

    private void cursor(RfbIn in, int hotX, int hotY, int w, int h) {
        if (w > MAX_CURSOR || h > MAX_CURSOR) {
            throw Malformed.of("cursor " + w + "x" + h + " (at most " + MAX_CURSOR + " a side)");
        }
        int maskBytes = (w + 7) / 8 * h;
        in.need((long) w * h * 4 + maskBytes);
        byte[] px = in.bytes(w * h * 4);
        byte[] mask = in.bytes(maskBytes);
        if (w > 0 && h > 0) {
            listener.cursor(Math.min(hotX, w - 1), Math.min(hotY, h - 1), w, h, px, mask);
        }
        rectDone();
    }

    private void resize(int w, int h, int screenId) {
        if (w != width || h != height) {
            width = w;
            height = h;
        }
        listener.resized(w, h, screenId);
    }

    private void pixels(int encoding, int x, int y, int w, int h, byte[] px) {
        if (w > 0 && h > 0) {
            listener.pixels(encoding, x, y, w, h, px);
        }
        rectDone();
    }

    private void rectDone() {
        if (--rectsLeft == 0) {
            listener.updateFinished();
        }
    }

    private void inside(int x, int y, int w, int h, String what) {
        if (x + w > width || y + h > height) {
            throw Malformed.of(what + " rectangle " + w + "x" + h + "+" + x + "+" + y + " outside the " + width + "x"
                    + height + " framebuffer");
        }
    }

    /** @return the framebuffer width as the server last announced it */
    public int width() {
        return width;
    }

    /** @return the framebuffer height */
    public int height() {
        return height;
    }

    /** Frees the zlib streams. */
    public void close() {
        zrle.close();
        tight.close();
    }
}
