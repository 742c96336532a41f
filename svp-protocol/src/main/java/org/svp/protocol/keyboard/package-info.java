/** Keyboard knowledge shared by clients and sources: PC/AT scan code set 1 and the US layout. */
package org.svp.protocol.keyboard;
