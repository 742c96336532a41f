/** RFB security: VNC authentication (the DES challenge-response of RFC 6143 §7.2.2). */
package org.svp.source.vnc.auth;
