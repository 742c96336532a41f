/** Client input (SVP KEYBOARD_EVENT, MOUSE_EVENT, VIDEO_MODESET) to VRDE INPUT and mode-hint messages. */
package org.svp.source.vrde.input;
