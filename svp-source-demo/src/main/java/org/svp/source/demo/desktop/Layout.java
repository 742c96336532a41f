package org.svp.source.demo.desktop;

import java.util.ArrayList;
import java.util.List;
import org.svp.protocol.Rect;

/**
 * Where things go on a screen of a given size: a taskbar at the bottom, an icon column on the left and
 * a 3×2 grid of window cells. Every rect lies inside the screen for any size from 640×480 up.
 *
 * @param width screen width
 * @param height screen height
 * @param desktop the area above the taskbar
 * @param taskbar the bar at the bottom
 * @param cells six window frames, row by row
 */
record Layout(int width, int height, Rect desktop, Rect taskbar, List<Rect> cells) {
    /** Taskbar height in pixels. */
    static final int TASKBAR_HEIGHT = 28;
    /** Width of the icon column on the left. */
    static final int ICON_COLUMN = 56;
    /** Gap between window cells and around the grid. */
    static final int GAP = 8;
    static final int COLUMNS = 3;
    static final int ROWS = 2;

    static Layout of(int width, int height) {
        Rect taskbar = new Rect(0, height - TASKBAR_HEIGHT, width, TASKBAR_HEIGHT);
        Rect desktop = new Rect(0, 0, width, height - TASKBAR_HEIGHT);
        int gridX = ICON_COLUMN;
        int gridY = GAP;
        int gridW = width - ICON_COLUMN - GAP;
        int gridH = desktop.height() - 2 * GAP;
        int cellW = (gridW - (COLUMNS - 1) * GAP) / COLUMNS;
        int cellH = (gridH - (ROWS - 1) * GAP) / ROWS;
        List<Rect> cells = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLUMNS; c++) {
                cells.add(new Rect(gridX + c * (cellW + GAP), gridY + r * (cellH + GAP), cellW, cellH));
            }
        }
        return new Layout(width, height, desktop, taskbar, List.copyOf(cells));
    }
}
