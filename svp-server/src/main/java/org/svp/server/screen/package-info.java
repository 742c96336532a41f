/** What the server knows of the screen: its mirror framebuffer and cursor shape rules. */
package org.svp.server.screen;
