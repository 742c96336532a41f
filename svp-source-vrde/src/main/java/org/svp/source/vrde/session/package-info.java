/** SVP client sessions reported to VirtualBox (ClientLogon/Connect/Disconnect) and the QueryInfo block. */
package org.svp.source.vrde.session;
