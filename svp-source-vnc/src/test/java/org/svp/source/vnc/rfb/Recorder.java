package org.svp.source.vnc.rfb;

import java.util.ArrayList;
import java.util.List;

/** An {@link UpdateListener} that writes down what it was told, one line per call, pixels as 0xRRGGBB. */
final class Recorder implements UpdateListener {
    final List<String> events = new ArrayList<>();
    /** The last pixel rectangle, 0x00RRGGBB. */
    int[] lastPixels;

    @Override
    public void updateStarted() {
        events.add("start");
    }

    @Override
    public void pixels(int encoding, int x, int y, int w, int h, byte[] bgrx) {
        lastPixels = new int[w * h];
        for (int i = 0; i < w * h; i++) {
            lastPixels[i] = PixelFormat32.get(bgrx, i * 4);
        }
        events.add("pixels " + encoding + " " + w + "x" + h + "+" + x + "+" + y);
    }

    @Override
    public void copy(int x, int y, int w, int h, int srcX, int srcY) {
        events.add("copy " + w + "x" + h + "+" + x + "+" + y + " from " + srcX + "," + srcY);
    }

    @Override
    public void resized(int width, int height, int screenId) {
        events.add("resized " + width + "x" + height + " screen " + screenId);
    }

    @Override
    public void extendedDesktopSize(int reason, int status, int width, int height) {
        events.add("eds " + reason + " " + status + " " + width + "x" + height);
    }

    @Override
    public void cursor(int hotX, int hotY, int w, int h, byte[] bgrx, byte[] mask) {
        events.add("cursor " + w + "x" + h + " hot " + hotX + "," + hotY + " mask " + mask.length);
    }

    @Override
    public void qemuExtendedKeys() {
        events.add("qemu keys");
    }

    @Override
    public void updateFinished() {
        events.add("finished");
    }
}
