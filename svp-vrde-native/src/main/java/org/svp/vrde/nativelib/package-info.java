/** Access to the native VirtualBox modules (C, built by this module) packaged in the jar. */
package org.svp.vrde.nativelib;
