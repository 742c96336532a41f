/** Framebuffer pixels at VirtualBox's depths (32/24/16/15/8 bpp) turned into SVP bitmaps. */
package org.svp.source.vrde.pixels;
