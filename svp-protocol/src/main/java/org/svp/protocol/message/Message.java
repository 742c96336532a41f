package org.svp.protocol.message;

import org.svp.protocol.Command;

/**
 * One SVP message (protocol.md §2–§7), an immutable value. Byte arrays held by a message are owned by
 * it after construction and never changed (they are not copied, because bitmaps can be megabytes);
 * messages cross threads freely.
 */
public sealed interface Message
        permits DisplayMessage, CursorShape, KeyboardEvent, MouseEvent, VideoModeset, GraphicConfig,
                MainChannelInit, ChannelList, ChannelInit, ChannelReady, Nop, ExtensionMessage {
    /** @return the header's message id */
    Command command();
}
