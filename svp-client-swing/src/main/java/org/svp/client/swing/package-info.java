/**
 * The desktop viewer ({@code ./svp view}): {@link org.svp.client.swing.SvpViewer} opens the window,
 * {@link org.svp.client.swing.ViewerSession} keeps a connection up (reconnecting with back-off).
 */
package org.svp.client.swing;
