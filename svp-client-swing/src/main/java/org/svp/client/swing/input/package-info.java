/**
 * Keyboard and mouse: the physical key of an AWT key event as a PC/AT set-1 scancode, and the
 * listeners that forward keys and the pointer to the server. Everything here runs on the EDT.
 */
package org.svp.client.swing.input;
