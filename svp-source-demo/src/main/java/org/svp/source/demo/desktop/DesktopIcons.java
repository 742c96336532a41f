package org.svp.source.demo.desktop;

import org.svp.protocol.PixelFormat;
import org.svp.protocol.Rect;
import org.svp.protocol.message.Bitmap;
import org.svp.protocol.message.BitmapHash;
import org.svp.protocol.message.CachedBitmap;
import org.svp.protocol.message.DeletedBitmap;
import org.svp.protocol.message.MemBlt;
import org.svp.source.demo.draw.Bitmaps;
import org.svp.source.demo.draw.OrderCanvas;

/**
 * Procedural 32×32 icons in the left column, sent once as CACHED_BITMAP (RAW RGB32, MD5 hash) and
 * drawn with MEM_BLT: SRCCOPY normally, SRCAND (0x88) over a SOLID_RECT for the highlighted icon,
 * SRCINVERT (0x66) twice to flash the trash. The trash turns "full" by DELETED_BITMAP of the empty
 * icon and caching the full one, and back again later (re-caching the empty one).
 */
final class DesktopIcons {
    static final int SIZE = 32;
    /** Icon cell pitch. */
    static final int PITCH = 56;
    static final int HIGHLIGHT_EVERY = 40;
    /** Trash cycle: flash at +60/+64, fill at +100, empty at +180 (frames within each 200). */
    static final int TRASH_CYCLE = 200;

    private static final int COMPUTER = 0;
    private static final int FOLDER = 1;
    private static final int DOCUMENT = 2;
    private static final int TRASH = 3;
    private static final int TRASH_FULL = 4;

    private final Bitmap[] bitmaps = new Bitmap[5];
    private final BitmapHash[] hashes = new BitmapHash[5];
    private final Rect[] slots;
    private int highlighted = -1;
    private boolean trashFull;

    DesktopIcons(Rect desktop) {
        int count = Math.min(4, Math.max(0, (desktop.height() - 16) / PITCH));
        slots = new Rect[count];
        for (int i = 0; i < count; i++) {
            slots[i] = new Rect(12, 16 + i * PITCH, SIZE, SIZE);
        }
        for (int i = 0; i < bitmaps.length; i++) {
            bitmaps[i] = Bitmaps.raw(draw(i), SIZE, SIZE, PixelFormat.RGB32, 0, 0);
            hashes[i] = Bitmaps.md5(bitmaps[i]);
        }
    }

    void paint(OrderCanvas c) {
        for (int i = 0; i < slots.length; i++) {
            c.emit(new CachedBitmap(hashes[i], bitmaps[i]));
            blt(c, i, i, OrderCanvas.SRCCOPY);
        }
    }

    void frame(OrderCanvas c, int n) {
        if (slots.length < 4) {
            return;
        }
        if (n % HIGHLIGHT_EVERY == 0 && highlighted >= 0) {
            background(c, highlighted);
            blt(c, highlighted, highlighted, OrderCanvas.SRCCOPY);
            highlighted = -1;
        } else if (n % HIGHLIGHT_EVERY == HIGHLIGHT_EVERY / 2) {
            highlighted = (n / HIGHLIGHT_EVERY) % 3;
            c.fill(slots[highlighted], 0x6090F0);
            blt(c, highlighted, highlighted, 0x88);
        }
        int trash = trashFull ? TRASH_FULL : TRASH;
        switch (n % TRASH_CYCLE) {
            case 60, 64 -> blt(c, TRASH, trash, 0x66);
            case 100 -> swapTrash(c, true);
            case 180 -> swapTrash(c, false);
            default -> {
            }
        }
    }

    private void swapTrash(OrderCanvas c, boolean full) {
        int from = full ? TRASH : TRASH_FULL;
        int to = full ? TRASH_FULL : TRASH;
        c.emit(new DeletedBitmap(hashes[from]));
        c.emit(new CachedBitmap(hashes[to], bitmaps[to]));
        background(c, TRASH);
        blt(c, TRASH, to, OrderCanvas.SRCCOPY);
        trashFull = full;
    }

    private void background(OrderCanvas c, int slot) {
        c.pattern(slots[slot], Palette.DESKTOP_FG, Palette.DESKTOP_BG, OrderCanvas.PATCOPY, Palette.CHECKER);
    }

    private void blt(OrderCanvas c, int slot, int icon, int rop3) {
        c.emit(new MemBlt(slots[slot], 0, 0, rop3, hashes[icon]));
    }

    // ---- procedural pixels ----

    private static int[] draw(int icon) {
        int[] p = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                p[y * SIZE + x] = ((x + y) & 1) == 0 ? Palette.DESKTOP_FG : Palette.DESKTOP_BG;
            }
        }
        switch (icon) {
            case COMPUTER -> {
                box(p, 3, 3, 26, 19, 0x202020);
                box(p, 4, 4, 24, 17, 0xC0C0C0);
                for (int y = 6; y < 19; y++) {
                    box(p, 6, y, 20, 1, 0x0000A0 + (y - 6) * 0x000A08);
                }
                box(p, 13, 22, 6, 4, 0x808080);
                box(p, 7, 26, 18, 3, 0xA0A0A0);
            }
            case FOLDER -> {
                box(p, 3, 7, 12, 4, 0xC09020);
                box(p, 3, 10, 26, 17, 0xE0B030);
                box(p, 3, 10, 26, 1, 0xFFE080);
                box(p, 3, 26, 26, 1, 0x806010);
            }
            case DOCUMENT -> {
                box(p, 7, 2, 18, 28, 0x404040);
                box(p, 8, 3, 16, 26, 0xFFFFFF);
                for (int y = 8; y < 26; y += 3) {
                    box(p, 10, y, y % 2 == 0 ? 12 : 9, 1, 0x3050A0);
                }
                for (int i = 0; i < 5; i++) {
                    box(p, 19 + i, 3, 5 - i, 1 + i, 0xC0C0C0);
                }
            }
            case TRASH, TRASH_FULL -> {
                box(p, 8, 8, 16, 21, 0x505050);
                box(p, 9, 9, 14, 19, 0xB0B0B0);
                for (int x = 11; x < 22; x += 3) {
                    box(p, x, 11, 1, 15, 0x707070);
                }
                box(p, 6, 6, 20, 3, 0x606060);
                box(p, 13, 4, 6, 2, 0x606060);
                if (icon == TRASH_FULL) {
                    disc(p, 12, 5, 4, 0xFFFFFF);
                    disc(p, 19, 4, 4, 0xF0E060);
                    disc(p, 16, 2, 3, 0x80C0FF);
                }
            }
            default -> throw new IllegalArgumentException("icon " + icon);
        }
        return p;
    }

    private static void box(int[] p, int x, int y, int w, int h, int rgb) {
        for (int j = Math.max(0, y); j < Math.min(SIZE, y + h); j++) {
            for (int i = Math.max(0, x); i < Math.min(SIZE, x + w); i++) {
                p[j * SIZE + i] = rgb;
            }
        }
    }

    private static void disc(int[] p, int cx, int cy, int r, int rgb) {
        for (int j = cy - r; j <= cy + r; j++) {
            for (int i = cx - r; i <= cx + r; i++) {
                if (i >= 0 && j >= 0 && i < SIZE && j < SIZE && (i - cx) * (i - cx) + (j - cy) * (j - cy) <= r * r) {
                    p[j * SIZE + i] = rgb;
                }
            }
        }
    }
}
