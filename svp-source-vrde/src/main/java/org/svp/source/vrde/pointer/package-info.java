/** VirtualBox pointer shapes (legacy colour pointer, v4 MOUSEPTR, hide) to SVP cursor shapes. */
package org.svp.source.vrde.pointer;
