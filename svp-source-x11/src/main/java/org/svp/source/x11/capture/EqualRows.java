package org.svp.source.x11.capture;

import java.util.List;
import org.svp.protocol.Rect;
import org.svp.protocol.message.ScreenBlt;

/**
 * Per screen row, the columns in which the new frame and the shown frame are known to be equal
 * because scroll detection compared them exactly ({@link ScrollDetector#nowRowHashes}) and nothing
 * changed the shown frame there since (a row compared equal at offset 0 and not under the blit, or one
 * compared equal to the blit's source row). The tile diff skips those columns, so a scrolled terminal
 * is compared once per capture instead of twice. Valid from the scroll search of one damaged
 * rectangle to the end of that {@link ScreenDiffer#diff}: damaged rectangles do not overlap and a
 * scroll blit stays inside its own. Thread: "svp-x11".
 */
final class EqualRows {
    private final int[] left;
    /** Exclusive; {@code left == right}: nothing known. */
    private final int[] right;

    /** @param height screen rows */
    EqualRows(int height) {
        left = new int[height];
        right = new int[height];
    }

    /**
     * Records the rows of {@code r} that are equal after the scroll search.
     *
     * @param r the searched rectangle
     * @param match per row of {@code r}, from {@link ScrollDetector#nowRowHashes}
     * @param blt the SCREEN_BLT applied to the shown frame inside {@code r}, or null
     */
    void mark(Rect r, int[] match, ScreenBlt blt) {
        int from = 0;
        int to = 0;
        int offset = 0;
        if (blt != null) {
            Rect d = blt.rect();
            if (blt.srcX() != d.x() || d.x() != r.x() || d.width() != r.width()) {
                return; // a horizontal shift: nothing known (rare)
            }
            from = d.y() - r.y();
            to = from + d.height();
            offset = blt.srcY() - d.y();
        }
        for (int i = 0; i < r.height(); i++) {
            if (match[i] == (i >= from && i < to ? offset : 0)) {
                left[r.y() + i] = r.x();
                right[r.y() + i] = r.right();
            }
        }
    }

    /** Records every row of {@code r} as equal (nothing in it changed). */
    void markAll(Rect r) {
        for (int y = r.y(); y < r.bottom(); y++) {
            left[y] = r.x();
            right[y] = r.right();
        }
    }

    /** @return the first known-equal column of row {@code y} */
    int left(int y) {
        return left[y];
    }

    /** @return the column after the last known-equal one of row {@code y} ({@code <= left}: none) */
    int right(int y) {
        return right[y];
    }

    /** Forgets the rows of {@code rects} (what {@link #mark} may have set). */
    void clear(List<Rect> rects) {
        for (Rect r : rects) {
            for (int y = r.y(); y < r.bottom(); y++) {
                left[y] = 0;
                right[y] = 0;
            }
        }
    }
}
