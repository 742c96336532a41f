/**
 * The canvas: the back buffer filled from the display thread, painting only damaged regions on the EDT,
 * scaling, the client-side cursor and paint measurements.
 */
package org.svp.client.swing.view;
