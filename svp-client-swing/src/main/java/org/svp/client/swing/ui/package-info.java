/** The viewer's window, menus, connect dialog, recent hosts and status line. EDT unless said otherwise. */
package org.svp.client.swing.ui;
