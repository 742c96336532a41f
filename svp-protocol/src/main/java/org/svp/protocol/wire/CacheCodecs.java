package org.svp.protocol.wire;

import java.util.List;
import org.svp.protocol.Command;
import org.svp.protocol.Rect;
import org.svp.protocol.message.CacheDraw;
import org.svp.protocol.message.CacheSave;
import org.svp.protocol.message.DisplayCacheInit;

/**
 * Codecs of the screen-cache messages, ids 110–112 (docs/protocol.md "Screen cache"):
 * DISPLAY_CACHE_INIT, CACHE_SAVE, CACHE_DRAW. Registered by {@link MessageRegistry}.
 */
final class CacheCodecs {
    private CacheCodecs() {
    }

    static List<MessageCodec<?>> all() {
        return List.of(
                HandshakeCodecs.codec(Command.DISPLAY_CACHE_INIT, DisplayCacheInit.class, r -> {
                    r.expectSize(DisplayCacheInit.BODY_BYTES);
                    return new DisplayCacheInit(r.u32("budget"));
                }, m -> DisplayCacheInit.BODY_BYTES, (m, o) -> o.putInt((int) m.budgetBytes())),
                HandshakeCodecs.codec(Command.CACHE_SAVE, CacheSave.class, r -> {
                    r.expectSize(CacheSave.BODY_BYTES);
                    long key = r.i64("key");
                    int x = r.i16("x");
                    int y = r.i16("y");
                    return new CacheSave(key, new Rect(x, y, r.u16("w"), r.u16("h")));
                }, m -> CacheSave.BODY_BYTES, (m, o) -> o.putLong(m.key()).putShort((short) m.rect().x())
                        .putShort((short) m.rect().y()).putShort((short) m.rect().width())
                        .putShort((short) m.rect().height())),
                HandshakeCodecs.codec(Command.CACHE_DRAW, CacheDraw.class, r -> {
                    r.expectSize(CacheDraw.BODY_BYTES);
                    return new CacheDraw(r.i64("key"), r.i16("x"), r.i16("y"));
                }, m -> CacheDraw.BODY_BYTES, (m, o) -> o.putLong(m.key()).putShort((short) m.x())
                        .putShort((short) m.y())));
    }
}
