/** VRDE order buffers (VRDEOrders.h layouts) parsed and translated into SVP drawing messages. */
package org.svp.source.vrde.order;
