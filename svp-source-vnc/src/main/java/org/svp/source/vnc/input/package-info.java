/**
 * SVP input to RFB input: set-1 scancodes to QEMU XT key codes or to X keysyms (US layout, shift
 * state tracked), and SVP mouse buttons to RFB pointer masks.
 */
package org.svp.source.vnc.input;
