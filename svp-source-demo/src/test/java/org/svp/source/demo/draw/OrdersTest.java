package org.svp.source.demo.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.svp.protocol.Command;
import org.svp.protocol.message.DisplayMessage;
import org.svp.render.OrderRenderer;
import org.svp.render.Surface;
import org.svp.source.demo.desktop.Desktop;

/** Every order type drawn (dx, dy) further gives the same picture (dx, dy) further. */
class OrdersTest {

    @Test
    void translatedOrdersDrawTheSamePictureShifted() {
        Desktop desktop = new Desktop(640, 480, 30, GlyphFont.dejaVuSansMono14());
        List<DisplayMessage> all = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            all.addAll(desktop.frame(n));
        }
        Set<Command> kinds = EnumSet.noneOf(Command.class);
        all.forEach(m -> kinds.add(m.command()));
        assertThat(kinds).hasSizeGreaterThanOrEqualTo(17);
        int dx = 7;
        int dy = 5;
        Surface plain = new Surface(1, 1);
        Surface moved = new Surface(1, 1);
        OrderRenderer rp = new OrderRenderer(plain);
        OrderRenderer rm = new OrderRenderer(moved);
        for (DisplayMessage m : all) {
            rp.apply(m);
            rm.apply(Orders.translate(m, dx, dy));
        }
        int differ = 0;
        for (int y = 0; y < 480 - dy; y++) {
            for (int x = 0; x < 640 - dx; x++) {
                differ += plain.get(x, y) != moved.get(x + dx, y + dy) ? 1 : 0;
            }
        }
        assertThat(differ).isZero();
        assertThat(Orders.translate(all.get(5), 0, 0)).isSameAs(all.get(5));
    }
}
